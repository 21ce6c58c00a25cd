//! "Your services" (or "All services" for council editors): every service an editor may
//! change, each with its vacancy set in one click, and for the council a filter by
//! organisation.

use dayfinder::accounts::{EditableServices, EditorSession};
use dayfinder::model::{Service, Term, VacancyStatus};
use jiff::civil::Date;
use leptos::prelude::*;

use crate::components::warning_text::WarningText;

use super::{EditorFrame, Notice};
use crate::view_models::freshness;

/// The services and their vacancies. `filter` is the organisation chosen (council editors
/// only), `saved` the service whose vacancy was just set.
#[component]
pub fn ServicesPage(
    editor: EditorSession,
    editable: EditableServices,
    filter: Option<String>,
    saved: Option<String>,
    today: Date,
    /// `None` when email is set up; otherwise how many emails wait in the outbox.
    email_waiting: Option<u64>,
) -> impl IntoView {
    let council = editor.account.role.is_council();
    let email = email_waiting.map(|waiting| {
        let waiting = match waiting {
            0 => String::new(),
            1 => " 1 email is waiting to be sent.".to_string(),
            n => format!(" {n} emails are waiting to be sent."),
        };
        let how = if council {
            " Emails wait in the outbox until council IT sets the mail server (--smtp-url, see docs/email.md in the Dayfinder release); nothing is lost."
        } else {
            " Dayfinder cannot email you or the people who use your services until the council sets it up; nothing is lost."
        };
        view! {
            <WarningText>
                <p class="body">"Email is not set up." {waiting} {how}</p>
            </WarningText>
        }
    });
    let title = if council {
        "All services"
    } else {
        "Your services"
    };
    let csrf = editor.csrf_token.as_str().to_string();
    let organisation_name = |id: &str| -> String {
        editable
            .organisations
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    };
    let notice = saved
        .and_then(|id| editable.services.iter().find(|s| s.id == id))
        .map(|service| {
            let text = format!(
                "{}: {} (confirmed today).",
                service.name,
                service.vacancy.status.label()
            );
            view! { <Notice text /> }
        });
    let heading = if council {
        view! { <h1 class="heading-xl">"All services"</h1> }.into_any()
    } else {
        let name = editor
            .account
            .role
            .organisation_id()
            .map(&organisation_name)
            .unwrap_or_default();
        view! {
            <span class="caption-l">{name}</span>
            <h1 class="heading-xl">"Your services"</h1>
        }
        .into_any()
    };
    let choose = council.then(|| {
        let options = editable
            .organisations
            .iter()
            .map(|o| {
                let chosen = filter.as_deref() == Some(o.id.as_str());
                view! { <option value=o.id.clone() selected=chosen>{o.name.clone()}</option> }
            })
            .collect_view();
        view! {
            <form method="get" action="/editor" class="form-group">
                <label class="label" for="organisation">"Organisation"</label>
                <select class="select" id="organisation" name="organisation">
                    <option value="">"All organisations"</option>
                    {options}
                </select>
                " "
                <button type="submit" class="button button--secondary">"Show"</button>
            </form>
        }
    });
    let empty = editable
        .services
        .is_empty()
        .then(|| view! { <p class="body">"There are no services to show."</p> });
    let services = editable
        .services
        .iter()
        .cloned()
        .map(|service| {
            let provider = council.then(|| organisation_name(&service.organisation_id));
            view! {
                <ServiceVacancy service provider csrf=csrf.clone() filter=filter.clone() today />
            }
        })
        .collect_view();
    view! {
        <EditorFrame title editor>
            {notice}
            {email}
            {heading}
            <p class="body">
                "Keep each service’s vacancies up to date: choose what is true today. "
                "Residents see the date you last confirmed it. Changes show in search at once."
            </p>
            {choose}
            {empty}
            {services}
        </EditorFrame>
    }
}

/// One service: its vacancy now, when it was confirmed, a button for each vacancy (the
/// current one to confirm it), and links to change or see the listing. `provider` is its
/// organisation's name, shown to council editors.
#[component]
fn ServiceVacancy(
    service: Service,
    provider: Option<String>,
    csrf: String,
    filter: Option<String>,
    today: Date,
) -> impl IntoView {
    let id = service.id;
    let name = service.name;
    let status = service.vacancy.status;
    let buttons = VacancyStatus::all()
        .iter()
        .map(|&choice| {
            let (class, prefix) = if choice == status {
                ("button", "Confirm: ")
            } else {
                ("button button--secondary", "")
            };
            view! {
                <button type="submit" name="vacancy" value=choice.slug() class=class>
                    {format!("{prefix}{}", choice.label())}
                    <span class="visually-hidden">{format!(" at {name}")}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="editor-service" id=format!("service-{id}")
            aria-labelledby=format!("service-{id}-name")>
            <h2 class="heading-m" id=format!("service-{id}-name")>{name.clone()}</h2>
            {provider.map(|provider| view! { <p class="body-s">{provider}</p> })}
            <p class="body">
                "Now: "
                <strong class=tag_class(status)>{status.label()}</strong>
                " "
                <span class="body-s">{freshness::checked(service.vacancy.confirmed, today)}</span>
            </p>
            <form method="post" action="/editor/vacancies" class="button-group">
                <input type="hidden" name="csrf" value=csrf />
                <input type="hidden" name="service" value=id.clone() />
                {filter.map(|f| view! { <input type="hidden" name="organisation" value=f /> })}
                {buttons}
            </form>
            <p class="body-s">
                <a href=format!("/editor/services/{id}/edit") class="link editor-service__link">
                    "Change the listing"
                    <span class="visually-hidden">{format!(" for {name}")}</span>
                </a>
                " "
                <a href=format!("/services/{id}") class="link editor-service__link">
                    "See the public listing"
                    <span class="visually-hidden">{format!(" of {name}")}</span>
                </a>
            </p>
        </section>
    }
}

fn tag_class(status: VacancyStatus) -> &'static str {
    match status {
        VacancyStatus::Spaces => "tag tag--green",
        VacancyStatus::WaitingList => "tag tag--yellow",
        VacancyStatus::Full => "tag tag--grey",
    }
}
