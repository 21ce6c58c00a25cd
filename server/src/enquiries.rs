//! "Ask about a place": the public form's POST (the page itself is
//! `dayfinder_app::pages::ask`), and the server's chase of unanswered enquiries. A good
//! request is kept with its emails in one transaction and the person goes to its private
//! status page; a form with a mistake comes back with what was typed and what to put
//! right. No sign-in: a hidden honeypot field catches form-filling software, and each
//! client may send only a few requests an hour. Nothing the person typed is logged.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use dayfinder::Engine;
use dayfinder::enquiries::{EnquirySettings, NewRequest, RequestSent};
use dayfinder::model::enquiry::EnquiryForm;
use dayfinder_app::view_mode::ViewMode;
use jiff::Timestamp;

use crate::security::{Post, SiteForm, client_key};
use crate::startup::{AppState, page_again};

/// The route, to merge into the app's router (the page's GET is the app's).
pub fn routes() -> Router<AppState> {
    Router::new().route("/ask", post(send))
}

/// How often the server looks for reminders due and details to erase.
const CHASE_EVERY: Duration = Duration::from_secs(5 * 60);

/// For as long as the server runs: reminds providers of enquiries half-way to their
/// target, tells council editors of those past it (each once, on any number of nodes),
/// and erases people's details when their time is up.
pub async fn keep_enquiries_chased(engine: Arc<Engine>, settings: EnquirySettings, site: String) {
    let settings = Arc::new(settings);
    crate::periodic::every(CHASE_EVERY, "chase enquiries", engine, move |engine| {
        let enquiries = engine.enquiries(&settings, &site);
        let now = Timestamp::now();
        let chased = enquiries
            .chase(now)
            .map_err(|e| dayfinder::Error::Invalid(e.to_string()))?;
        let erased = enquiries
            .erase_due(now)
            .map_err(|e| dayfinder::Error::Invalid(e.to_string()))?;
        if chased.reminded + chased.escalated > 0 || erased > 0 {
            tracing::info!(
                reminded = chased.reminded,
                escalated = chased.escalated,
                erased,
                "enquiries chased"
            );
        }
        Ok((chased, erased))
    })
    .await;
}

/// Middleware: pages whose address is their key (an enquiry's status page, a review
/// reminder's link, a link to set a password) are never cached or indexed.
pub async fn keep_private(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let private = path.starts_with("/enquiries/")
        || path.starts_with("/review/")
        || path.starts_with("/editor/reset-password/")
        || path.starts_with("/claim/prove/");
    let mut response = next.run(request).await;
    if private {
        let headers = response.headers_mut();
        headers.insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        headers.insert(
            "x-robots-tag",
            axum::http::HeaderValue::from_static("noindex, nofollow"),
        );
    }
    response
}

fn see_other(to: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, to.to_string())],
    )
        .into_response()
}

/// What was typed, from the form's fields.
fn typed(post: &Post) -> EnquiryForm {
    let all = |name: &str| -> Vec<String> {
        post.fields()
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    EnquiryForm {
        services: all("service"),
        asker: post.field("asker").to_string(),
        name: post.field("name").to_string(),
        reply_by: post.field("reply-by").to_string(),
        email: post.field("email").to_string(),
        phone: post.field("phone").to_string(),
        wishes: all("wishes"),
        days: all("days"),
        note: post.field("note").to_string(),
        consent: post.field("consent") == "yes",
        errors: Vec::new(),
    }
}

/// The form's page for what was typed: the same places, from the list or by id.
fn form_address(form: &EnquiryForm, from_list: bool) -> Option<Uri> {
    if from_list {
        return "/ask?list=yes".parse().ok();
    }
    let query = dayfinder_app::urls::encode(
        form.services
            .iter()
            .take(dayfinder::model::enquiry::MAX_SERVICES + 1)
            .map(|id| ("service", id.as_str())),
    );
    format!("/ask?{query}").parse().ok()
}

/// Handles `POST /ask`.
#[tracing::instrument(skip_all)]
async fn send(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let form = typed(&post);
    let from_list = post.field("from") == "list";
    let address = form_address(&form, from_list);
    if !post.field("website").is_empty() {
        // Looks like success, so the software learns nothing; nothing is kept.
        tracing::info!("an enquiry filled in the hidden field was dropped");
        let fake = dayfinder::outbox::new_token().unwrap_or_default();
        return see_other(&format!("/enquiries/{fake}{fake}?sent=yes"));
    }
    let cookies = post
        .parts
        .headers
        .get(axum::http::header::COOKIE)
        .and_then(|v| v.to_str().ok());
    let easy = ViewMode::of_request(cookies, post.parts.uri.query()).is_easy();
    let request = match NewRequest::parse(&form, easy) {
        Ok(request) => request,
        Err(errors) => {
            let form = EnquiryForm { errors, ..form };
            return page_again(&state, post.parts, form, StatusCode::BAD_REQUEST, address).await;
        }
    };
    let client = client_key(&post.parts, &state.editor.trusted_proxies);
    let engine = state.engine.clone();
    let settings = state.profile.enquiries.settings();
    let site = state.site_url.clone();
    let sent = tokio::task::spawn_blocking(move || {
        engine
            .enquiries(&settings, &site)
            .send(&request, &client, Timestamp::now())
    })
    .await;
    match sent {
        Ok(Ok(RequestSent::Sent { token, ids })) => {
            tracing::info!(enquiries = ?ids, "enquiry sent");
            see_other(&format!("/enquiries/{token}?sent=yes"))
        }
        Ok(Ok(RequestSent::TooMany)) => {
            let errors = vec![(
                "asker".to_string(),
                "You have sent several enquiries in the last hour. Wait an hour and try again, \
                 or phone the provider"
                    .to_string(),
            )];
            let form = EnquiryForm { errors, ..form };
            page_again(
                &state,
                post.parts,
                form,
                StatusCode::TOO_MANY_REQUESTS,
                address,
            )
            .await
        }
        // The page says the place is not there (and sets the 404).
        Ok(Ok(RequestSent::UnknownService(_))) => {
            page_again(&state, post.parts, form, StatusCode::NOT_FOUND, address).await
        }
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to keep an enquiry");
            crate::editor::went_wrong()
        }
        Err(error) => {
            tracing::error!(?error, "The task to keep an enquiry failed");
            crate::editor::went_wrong()
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct EnquiriesArgs {
    #[command(subcommand)]
    pub command: EnquiriesCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum EnquiriesCommand {
    /// Erase every enquiry a person sent, found by their email address or phone number
    /// (however it is written): their name, contact details, message and the answers go;
    /// what was asked stays in the counts, naming no one. For a request to erase their
    /// data; the privacy notice says how to ask.
    Erase {
        /// Their email address.
        #[arg(long, conflicts_with = "phone", required_unless_present = "phone")]
        email: Option<String>,
        /// Their phone number.
        #[arg(long)]
        phone: Option<String>,
    },
}

/// Runs `dayfinder enquiries ...`.
pub async fn run(data_dir: &std::path::Path, args: EnquiriesArgs) -> anyhow::Result<()> {
    use anyhow::Context;
    let EnquiriesCommand::Erase { email, phone } = args.command;
    let who = email.or(phone).unwrap_or_default();
    if who.trim().is_empty() {
        anyhow::bail!("Give the person's email address (--email) or phone number (--phone)");
    }
    // The store alone, so that this works while the site runs (which holds the index).
    let store = crate::commands::open_enquiries(data_dir).await?;
    let erased = crate::commands::blocking(move || {
        store
            .erase_enquiries_of(&dayfinder::enquiries::contact_key(&who), Timestamp::now())
            .context("Failed to erase the enquiries")
    })
    .await?;
    match erased {
        0 => println!(
            "No enquiries with those details are kept (none were sent, or they were erased already)."
        ),
        1 => println!("Erased 1 enquiry."),
        n => println!("Erased {n} enquiries."),
    }
    Ok(())
}
