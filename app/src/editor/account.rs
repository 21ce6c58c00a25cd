//! "Your account", for every editor: who they are, changing their password (also when
//! someone else set it and it must be changed first), and, for council editors, the
//! second step of signing in.

use dayfinder::accounts::{EditorSession, Password};
use leptos::prelude::*;

use super::{EditorFrame, Notice};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// Who is signed in and what they can change; `password_changed` and `two_step_on` just
/// after either was done.
#[component]
pub fn AccountPage(
    editor: EditorSession,
    password_changed: bool,
    two_step_on: bool,
) -> impl IntoView {
    let account = editor.account.clone();
    let two_step = account.role.may_use_two_step().then(|| {
        let (state, action) = if account.two_step {
            (
                "On: signing in asks for a code from your app.",
                view! {
                    <p class="body">
                        "If you lose your phone, ask the person who runs Dayfinder to turn it off ("
                        <code>"dayfinder reset-totp"</code>
                        "), then set it up again."
                    </p>
                }
                .into_any(),
            )
        } else {
            (
                "Not set up.",
                view! {
                    <p class="body">
                        <a class="link" href="/editor/account/two-step">"Set up a code from an app"</a>
                    </p>
                }
                .into_any(),
            )
        };
        view! {
            <h2 class="heading-m">"Code from an app"</h2>
            <p class="body">{state}</p>
            {action}
        }
    });
    view! {
        <EditorFrame title="Your account" editor>
            {password_changed.then(|| view! {
                <Notice text="Your password has been changed. You have been signed out everywhere else." />
            })}
            {two_step_on.then(|| view! {
                <Notice text="Signing in now asks for a code from your app as well as your password." />
            })}
            <h1 class="heading-xl">"Your account"</h1>
            <dl class="summary-list">
                <Row label="Name" value=account.name.clone() />
                <Row label="Email address" value=account.email.as_str().to_string() />
                <Row label="Role" value=account.role.label().to_string() />
            </dl>
            <h2 class="heading-m">"Password"</h2>
            <p class="body"><a class="link" href="/editor/account/password">"Change your password"</a></p>
            <h2 class="heading-m">"Colleagues"</h2>
            <p class="body"><a class="link" href="/editor/account/invite">"Invite a colleague"</a></p>
            {two_step}
        </EditorFrame>
    }
}

/// One row of the summary list.
#[component]
fn Row(label: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{label}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

/// "Change your password", with what went wrong (nothing typed is ever shown again).
#[component]
pub fn PasswordPage(editor: EditorSession, errors: FieldErrors) -> impl IntoView {
    let title = if errors.is_empty() {
        "Change your password"
    } else {
        "Error: Change your password"
    };
    let forced = editor.account.must_change_password.then(|| {
        view! {
            <p class="body">
                "Your password was chosen by someone else, so choose your own before you go on. Nobody else will know it."
            </p>
        }
    });
    let csrf = editor.csrf_token.as_str().to_string();
    view! {
        <EditorFrame title editor>
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-xl">"Change your password"</h1>
            {forced}
            <form method="post" action="/editor/account/password" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <TextInput errors=errors.clone() name="current" label="Current password" value=""
                    kind="password" autocomplete="current-password" spellcheck=false />
                <NewPasswordFields errors />
                <button type="submit" class="button">"Change password"</button>
            </form>
        </EditorFrame>
    }
}

/// A new password, twice (`new` and `again`), with what makes a good one.
#[component]
pub(super) fn NewPasswordFields(errors: FieldErrors) -> impl IntoView {
    let hint = format!(
        "At least {} characters, and not one of the passwords people use most. A few ordinary \
         words together are easy to remember and hard to guess.",
        Password::MIN
    );
    view! {
        <TextInput errors=errors.clone() name="new" label="New password" value="" hint
            kind="password" autocomplete="new-password" spellcheck=false />
        <TextInput errors name="again" label="New password again" value=""
            kind="password" autocomplete="new-password" spellcheck=false />
    }
}
