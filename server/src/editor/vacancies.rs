//! "Your services": every service an editor may change, each with its vacancy set in one
//! click. Council editors see every organisation's, with a filter.

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{EditableServices, EditorSession, VacancyChange};
use dayfinder::engine::uk_today;
use dayfinder::model::{Term, VacancyStatus};
use dayfinder_app::view_models::freshness;

use super::layout::{self, escape};
use super::sign_in::{redirect, redirect_to};
use crate::security::{Post, csrf_ok, current_session, forbidden_form, refused_origin};
use crate::startup::AppState;

/// The page's query: `organisation` (the council's filter) and `saved` (a service just changed).
fn query_value(query: &Option<String>, name: &str) -> Option<String> {
    dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .filter(|v| dayfinder::model::validate::valid_id(v))
}

/// Handles `GET /editor` and `GET /editor/vacancies`: the services and their vacancies.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match current_session(&state, &headers).await {
        Ok(Some((_, session))) => session,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    let filter = query_value(&query, "organisation");
    let saved = query_value(&query, "saved");
    let engine = state.engine.clone();
    let role = session.account.role.clone();
    let chosen = filter.clone();
    let editable = match super::blocking("list an editor's services", move || {
        engine.editable_services(&role, chosen.as_deref())
    })
    .await
    {
        Ok(editable) => editable,
        Err(response) => return response,
    };
    let main = render(&session, &editable, filter.as_deref(), saved.as_deref());
    Html(layout::page(
        &state.leptos_options,
        if session.account.role.is_council() {
            "All services"
        } else {
            "Your services"
        },
        Some(&session),
        &main,
    ))
    .into_response()
}

fn render(
    session: &EditorSession,
    editable: &EditableServices,
    filter: Option<&str>,
    saved: Option<&str>,
) -> String {
    let council = session.account.role.is_council();
    let today = uk_today();
    let organisation_name = |id: &str| -> String {
        editable
            .organisations
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    };
    let mut out = String::new();
    if let Some(service) = saved.and_then(|id| editable.services.iter().find(|s| s.id == id)) {
        out.push_str(&format!(
            "<div class=\"notice\" role=\"status\"><p class=\"notice__text\">{}: {} (confirmed today).</p></div>",
            escape(&service.name),
            service.vacancy.status.label()
        ));
    }
    if council {
        out.push_str("<h1 class=\"heading-xl\">All services</h1>");
    } else {
        let name = session
            .account
            .role
            .organisation_id()
            .map(organisation_name)
            .unwrap_or_default();
        out.push_str(&format!(
            "<span class=\"caption-l\">{}</span><h1 class=\"heading-xl\">Your services</h1>",
            escape(&name)
        ));
    }
    out.push_str(
        "<p class=\"body\">Keep each service’s vacancies up to date: choose what is true today. \
         Residents see the date you last confirmed it. Changes show in search at once.</p>",
    );
    if council {
        let options: String = editable
            .organisations
            .iter()
            .map(|o| {
                format!(
                    "<option value=\"{}\"{}>{}</option>",
                    escape(&o.id),
                    if filter == Some(o.id.as_str()) {
                        " selected"
                    } else {
                        ""
                    },
                    escape(&o.name)
                )
            })
            .collect();
        out.push_str(&format!(
            "<form method=\"get\" action=\"/editor\" class=\"form-group\">\
             <label class=\"label\" for=\"organisation\">Organisation</label>\
             <select class=\"select\" id=\"organisation\" name=\"organisation\">\
             <option value=\"\">All organisations</option>{options}</select> \
             <button type=\"submit\" class=\"button button--secondary\">Show</button></form>"
        ));
    }
    if editable.services.is_empty() {
        out.push_str("<p class=\"body\">There are no services to show.</p>");
    }
    for service in &editable.services {
        let id = escape(&service.id);
        let name = escape(&service.name);
        let status = service.vacancy.status;
        let provider = if council {
            format!(
                "<p class=\"body-s\">{}</p>",
                escape(&organisation_name(&service.organisation_id))
            )
        } else {
            String::new()
        };
        let buttons: String = VacancyStatus::all()
            .iter()
            .map(|&choice| {
                let (class, prefix) = if choice == status {
                    ("button", "Confirm: ")
                } else {
                    ("button button--secondary", "")
                };
                format!(
                    "<button type=\"submit\" name=\"vacancy\" value=\"{slug}\" class=\"{class}\">\
                     {prefix}{label}<span class=\"visually-hidden\"> at {name}</span></button>",
                    slug = choice.slug(),
                    label = choice.label(),
                )
            })
            .collect();
        let keep_filter = filter
            .map(|f| {
                format!(
                    "<input type=\"hidden\" name=\"organisation\" value=\"{}\">",
                    escape(f)
                )
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "<section class=\"editor-service\" id=\"service-{id}\" aria-labelledby=\"service-{id}-name\">\
             <h2 class=\"heading-m\" id=\"service-{id}-name\">{name}</h2>{provider}\
             <p class=\"body\">Now: <strong class=\"{tag}\">{label}</strong> \
             <span class=\"body-s\">{checked}</span></p>\
             <form method=\"post\" action=\"/editor/vacancies\" class=\"button-group\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <input type=\"hidden\" name=\"service\" value=\"{id}\">{keep_filter}{buttons}</form>\
             <p class=\"body-s\"><a href=\"/editor/services/{id}/edit\" class=\"link editor-service__link\">Change the listing<span class=\"visually-hidden\"> for {name}</span></a> \
             <a href=\"/services/{id}\" class=\"link editor-service__link\">See the public listing<span class=\"visually-hidden\"> of {name}</span></a></p>\
             </section>",
            tag = tag_class(status),
            label = status.label(),
            checked = escape(&freshness::checked(service.vacancy.confirmed, today)),
            csrf = escape(session.csrf_token.as_str()),
        ));
    }
    out
}

fn tag_class(status: VacancyStatus) -> &'static str {
    match status {
        VacancyStatus::Spaces => "tag tag--green",
        VacancyStatus::WaitingList => "tag tag--yellow",
        VacancyStatus::Full => "tag tag--grey",
    }
}

/// Handles `POST /editor/vacancies` (`csrf`, `service`, `vacancy`, optional
/// `organisation`): sets the vacancy, confirmed today, and goes back to the list.
#[tracing::instrument(skip_all)]
pub async fn set(State(state): State<AppState>, request: Request<Body>) -> Response {
    let post = Post::read(request).await;
    if let Some(refused) = refused_origin(&state, &post.parts) {
        return refused;
    }
    let session = match current_session(&state, &post.parts.headers).await {
        Ok(Some((_, session))) => session,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    if !csrf_ok(&session, &post) {
        tracing::warn!(
            account = session.account.id.0,
            "refused a vacancy form without its token"
        );
        return forbidden_form(&state);
    }
    let Some(status) = VacancyStatus::from_slug(post.field("vacancy")) else {
        return layout::problem(
            StatusCode::BAD_REQUEST,
            &state.leptos_options,
            "Nothing was changed",
            "Choose Spaces available, Waiting list or Full.",
        );
    };
    let service_id = post.field("service").to_string();
    let engine = state.engine.clone();
    let account = session.account.clone();
    let id = service_id.clone();
    let change = match super::blocking("set a vacancy", move || {
        engine.set_vacancy(&account, &id, status, uk_today())
    })
    .await
    {
        Ok(change) => change,
        Err(response) => return response,
    };
    match change {
        VacancyChange::Saved(_) => {
            tracing::info!(account = session.account.id.0, service = %service_id, vacancy = status.slug(), "vacancy set");
            let filter = Some(post.field("organisation"))
                .filter(|f| dayfinder::model::validate::valid_id(f))
                .map(|f| format!("organisation={f}&"))
                .unwrap_or_default();
            // Only well-formed ids reach here (the service was found by it).
            redirect_to(
                &format!("/editor?{filter}saved={service_id}#service-{service_id}"),
                None,
            )
        }
        VacancyChange::NotFound => layout::problem(
            StatusCode::NOT_FOUND,
            &state.leptos_options,
            "Nothing was changed",
            "That service is not in the directory: it may have been removed.",
        ),
        VacancyChange::NotAllowed => {
            tracing::warn!(account = session.account.id.0, service = %service_id, "refused a vacancy change to another organisation's service");
            layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Nothing was changed",
                "You can only change your own organisation’s services.",
            )
        }
    }
}
