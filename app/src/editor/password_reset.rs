//! A forgotten password: "Forgotten your password?" on the sign-in page asks for the email
//! address (the same answer whether or not it has an account), and the emailed link opens
//! the form for a new one.

use leptos::prelude::*;

use super::EditorFrame;
use super::account::NewPasswordFields;
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// `GET /editor/forgot-password`: the form, or (`sent`) what happens next.
#[component]
pub fn ForgotPasswordPage(email: String, errors: FieldErrors, sent: bool) -> impl IntoView {
    if sent {
        return view! {
            <EditorFrame title="Check your email">
                <h1 class="heading-l">"Check your email"</h1>
                <p class="body">
                    "If there is an editor’s account for that address, we have sent it a link to set a new password. "
                    "The link works once, for one hour."
                </p>
                <p class="body">"No email? Check your spam folder, or ask the council’s directory team."</p>
                <p class="body"><a class="link" href="/editor/sign-in">"Back to sign in"</a></p>
            </EditorFrame>
        }
        .into_any();
    }
    let title = if errors.is_empty() {
        "Forgotten your password?"
    } else {
        "Error: Forgotten your password?"
    };
    view! {
        <EditorFrame title>
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-l">"Forgotten your password?"</h1>
            <p class="body">"Enter the email address you sign in with. We will send it a link to set a new password."</p>
            <form method="post" action="/editor/forgot-password" novalidate>
                <TextInput errors name="email" label="Email address" value=email
                    kind="email" autocomplete="username" spellcheck=false />
                <button type="submit" class="button">"Send the link"</button>
            </form>
            <p class="body"><a class="link" href="/editor/sign-in">"Back to sign in"</a></p>
        </EditorFrame>
    }
    .into_any()
}

/// `GET /editor/reset-password/<token>`: a new password for `name`'s account, or, when
/// the link cannot be used (`name` is `None`), why not.
#[component]
pub fn NewPasswordPage(token: String, name: Option<String>, errors: FieldErrors) -> impl IntoView {
    let Some(name) = name else {
        return view! {
            <EditorFrame title="This link cannot be used">
                <h1 class="heading-l">"This link cannot be used"</h1>
                <p class="body">"A link to set a new password works once, for one hour. This one has been used or has expired."</p>
                <p class="body"><a class="link" href="/editor/forgot-password">"Ask for a new link"</a></p>
            </EditorFrame>
        }
        .into_any();
    };
    let title = if errors.is_empty() {
        "Set a new password"
    } else {
        "Error: Set a new password"
    };
    view! {
        <EditorFrame title>
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-l">"Set a new password"</h1>
            <p class="body">{format!("For {name}’s account. Signing in with it ends every other session of the account.")}</p>
            <form method="post" action=format!("/editor/reset-password/{token}") novalidate>
                <NewPasswordFields errors />
                <button type="submit" class="button">"Set the password"</button>
            </form>
        </EditorFrame>
    }
    .into_any()
}
