//! "Invite a colleague" (`/editor/account/invite`): a name and an email address; the
//! colleague gets an account like the inviter's and an email to choose their password.

use dayfinder::accounts::EditorSession;
use leptos::prelude::*;

use super::{EditorFrame, Notice};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// The form, with what was typed and what is wrong; `invited` names who was just invited.
#[component]
pub fn InvitePage(
    editor: EditorSession,
    name: String,
    email: String,
    errors: FieldErrors,
    invited: Option<String>,
) -> impl IntoView {
    let team = if editor.account.role.is_council() {
        "the council’s directory team"
    } else {
        "your organisation’s listings"
    };
    let title = if errors.is_empty() {
        "Invite a colleague"
    } else {
        "Error: Invite a colleague"
    };
    let csrf = editor.csrf_token.as_str().to_string();
    view! {
        <EditorFrame title editor>
            {invited.map(|who| view! { <Notice text=format!("Invited {who}. They have been emailed a link to choose their password.") /> })}
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-xl">"Invite a colleague"</h1>
            <p class="body">
                {format!("Your colleague gets an editor’s account for {team}, and an email with a link to choose their password. The link works for 7 days.")}
            </p>
            <form method="post" action="/editor/account/invite" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <TextInput errors=errors.clone() name="name" label="Their full name" value=name autocomplete="off" />
                <TextInput errors name="email" label="Their work email address" value=email kind="email"
                    autocomplete="off" spellcheck=false />
                <button type="submit" class="button">"Send the invitation"</button>
            </form>
            <p class="body"><a class="link" href="/editor/account">"Back to your account"</a></p>
        </EditorFrame>
    }
}
