//! "Accounts", for council editors: who can edit, adding a provider editor, and the
//! second click of disabling an editor who has left.

use dayfinder::accounts::{Account, EditorSession, Password};
use dayfinder::model::Organisation;
use leptos::prelude::*;

use crate::components::table::ScrollTable;

use super::{EditorFrame, Notice};
use crate::components::form::{ErrorSummary, FieldError, FieldErrors, TextInput};

/// Everyone's accounts, and the form to add a provider editor with what was typed in it
/// (`name`, `email`, `organisation`: never the password) and what went wrong. `council` is
/// the organisation of council editors; `done` says what was just done.
#[component]
pub fn AccountsPage(
    editor: EditorSession,
    accounts: Vec<Account>,
    /// Sorted by name, as the form offers them.
    organisations: Vec<Organisation>,
    council: String,
    name: String,
    email: String,
    organisation: String,
    errors: FieldErrors,
    done: Option<String>,
) -> impl IntoView {
    let title = if errors.is_empty() {
        "Accounts"
    } else {
        "Error: Accounts"
    };
    let csrf = editor.csrf_token.as_str().to_string();
    let rows = accounts
        .into_iter()
        .map(|account| {
            let organisation = account
                .role
                .organisation_id()
                .map(|id| {
                    organisations
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| o.name.clone())
                        .unwrap_or_else(|| id.to_string())
                })
                .unwrap_or_else(|| council.clone());
            let you = account.id == editor.account.id;
            view! { <AccountRow account organisation you csrf=csrf.clone() /> }
        })
        .collect_view();
    let password_hint = format!(
        "At least {} characters, and not one of the passwords people use most. A few ordinary \
         words together are easy to say and hard to guess.",
        Password::MIN
    );
    view! {
        <EditorFrame title editor>
            <ErrorSummary errors=errors.clone() />
            {done.map(|text| view! { <Notice text /> })}
            <h1 class="heading-xl">"Accounts"</h1>
            <ScrollTable id="accounts-caption" caption="Editors" caption_class="heading-m"
                headings=&["Name", "Email address", "Role", "Organisation", "Status", "Action"]>
                {rows}
            </ScrollTable>
            <h2 class="heading-l">"Add a provider editor"</h2>
            <p class="body">
                "They can change only their own organisation’s listings. Tell them their password in person or by phone, never by email: they choose their own when they first sign in."
            </p>
            <form method="post" action="/editor/accounts" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <TextInput errors=errors.clone() name="name" label="Full name" value=name
                    autocomplete="off" />
                <TextInput errors=errors.clone() name="email" label="Email address" value=email
                    kind="email" autocomplete="off" spellcheck=false />
                <OrganisationSelect errors=errors.clone() organisations chosen=organisation />
                <TextInput errors name="password" label="Password" value="" hint=password_hint
                    kind="password" autocomplete="new-password" />
                <button type="submit" class="button">"Add editor"</button>
            </form>
        </EditorFrame>
    }
}

/// One editor's row: who, their status, and what can be done (`you` for the one signed in).
#[component]
fn AccountRow(account: Account, organisation: String, you: bool, csrf: String) -> impl IntoView {
    let id = account.id.0;
    let status = if account.disabled {
        view! { <strong class="tag tag--grey">"Disabled"</strong> }
    } else if account.must_change_password {
        view! { <strong class="tag tag--yellow">"Password to change"</strong> }
    } else {
        view! { <strong class="tag tag--green">"Active"</strong> }
    };
    let two_step = account
        .two_step
        .then(|| view! { " "<strong class="tag">"Code from an app"</strong> });
    let action = if you {
        "You".into_any()
    } else if account.disabled {
        view! {
            <form method="post" action=format!("/editor/accounts/{id}/enable")>
                <input type="hidden" name="csrf" value=csrf />
                <button type="submit" class="button button--secondary">
                    "Re-enable"<span class="visually-hidden">{format!(" {}", account.name)}</span>
                </button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <a class="button button--warning" href=format!("/editor/accounts/{id}/disable")>
                "Disable"<span class="visually-hidden">{format!(" {}", account.name)}</span>
            </a>
        }
        .into_any()
    };
    view! {
        <tr id=format!("account-{id}")>
            <td>{account.name.clone()}</td>
            <td>{account.email.as_str().to_string()}</td>
            <td>{account.role.label()}</td>
            <td>{organisation}</td>
            <td>{status}{two_step}</td>
            <td>{action}</td>
        </tr>
    }
}

/// The organisation a new provider editor edits for, `chosen` selected.
#[component]
fn OrganisationSelect(
    errors: FieldErrors,
    organisations: Vec<Organisation>,
    chosen: String,
) -> impl IntoView {
    let field = "organisation";
    let options = organisations
        .into_iter()
        .map(|o| {
            let selected = o.id == chosen;
            view! { <option value=o.id selected=selected>{o.name}</option> }
        })
        .collect_view();
    view! {
        <div class=errors.group_class(field)>
            <label class="label" for=field>"Organisation"</label>
            <FieldError errors=errors.clone() field />
            <select class="select" id=field name=field aria-describedby=errors.described_by(field, false)>
                <option value="">"Choose an organisation"</option>
                {options}
            </select>
        </div>
    }
}

/// "Disable the account of …?": the second click, with the way back.
#[component]
pub fn DisableAccountPage(editor: EditorSession, account: Account) -> impl IntoView {
    let csrf = editor.csrf_token.as_str().to_string();
    let name = account.name.clone();
    view! {
        <EditorFrame title="Disable an account" editor>
            <h1 class="heading-xl">{format!("Disable the account of {name}?")}</h1>
            <p class="body">
                {format!(
                    "{name} ({}) will be signed out at once, everywhere, and will not be able to \
                     sign in. Their changes and the audit log stay as they are. You can re-enable \
                     the account later.",
                    account.email.as_str()
                )}
            </p>
            <form method="post" action=format!("/editor/accounts/{}/disable", account.id.0)>
                <input type="hidden" name="csrf" value=csrf />
                <div class="button-group">
                    <button type="submit" class="button button--warning">"Yes, disable the account"</button>
                    <a class="link" href="/editor/accounts">"No, go back to Accounts"</a>
                </div>
            </form>
        </EditorFrame>
    }
}
