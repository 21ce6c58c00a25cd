//! "Manage this listing": a provider asks to keep its listings (signed out), proves their
//! email address with the emailed link, and a council editor approves or turns down the
//! request on the "Requests to manage listings" page.

use dayfinder::accounts::{Claim, ClaimForm, EditorSession, ProofLink};
use leptos::prelude::*;

use super::{EditorFrame, Notice, date_time};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};
use crate::components::form_choices::{Choice, Choices};

/// `GET /claim?service=ID`: the request form for one listing's organisation.
#[component]
pub fn ClaimPage(
    service_id: String,
    service_name: String,
    organisation: String,
    form: ClaimForm,
    errors: FieldErrors,
) -> impl IntoView {
    let heading = format!("Manage {organisation}’s listings");
    let title = if errors.is_empty() {
        heading.clone()
    } else {
        format!("Error: {heading}")
    };
    let consent = Choice::new(
        "yes",
        format!("I work for {organisation} and may keep its listings up to date"),
        form.consent,
    );
    view! {
        <EditorFrame title>
            <ErrorSummary errors=errors.clone() />
            <span class="caption-l">{service_name.clone()}</span>
            <h1 class="heading-l">{heading}</h1>
            <p class="body">
                {format!("If you work for {organisation}, you can keep its listings on Dayfinder true: sessions, costs, vacancies and events. ")}
                "We email you a link to confirm your address. Then the council checks you work there, and emails you a link to choose your password."
            </p>
            <form method="post" action="/claim" novalidate>
                <input type="hidden" name="service" value=service_id />
                <TextInput errors=errors.clone() name="name" label="Your full name" value=form.name
                    autocomplete="name" />
                <TextInput errors=errors.clone() name="email" label="Your work email address" value=form.email
                    hint="The address you use at work, so the council can check it" kind="email"
                    autocomplete="email" spellcheck=false />
                <TextInput errors=errors.clone() name="job" label="What you do there" value=form.job
                    hint="For example, centre manager or volunteer coordinator" autocomplete="organization-title" />
                <Choices errors name="consent" legend="Your organisation"
                    hint="The council keeps your name, email address and job to check your request, and deletes them 30 days after deciding."
                    choices=vec![consent] />
                <button type="submit" class="button">"Send the request"</button>
            </form>
        </EditorFrame>
    }
}

/// `GET /claim/sent`.
#[component]
pub fn ClaimSentPage() -> impl IntoView {
    view! {
        <EditorFrame title="Check your email">
            <h1 class="heading-l">"Check your email"</h1>
            <p class="body">"We have sent you a link to confirm your email address. It works for one day."</p>
            <p class="body">"When you have confirmed it, the council checks your request and emails you."</p>
            <p class="body"><a class="link" href="/">"Go to Dayfinder"</a></p>
        </EditorFrame>
    }
}

/// `GET /claim/prove/<token>`: a button to confirm the address (a link alone changes
/// nothing: mail programs open links to check them), or where the request has got to.
#[component]
pub fn ProofPage(state: ProofLink, token: String, done: bool) -> impl IntoView {
    match state {
        ProofLink::Ready { service_name } => view! {
            <EditorFrame title="Confirm your email address">
                <h1 class="heading-l">"Confirm your email address"</h1>
                <p class="body">{format!("For your request to manage {service_name} on Dayfinder.")}</p>
                <form method="post" action=format!("/claim/prove/{token}") novalidate>
                    <button type="submit" class="button">"Confirm my email address"</button>
                </form>
            </EditorFrame>
        }
        .into_any(),
        ProofLink::Proved => view! {
            <EditorFrame title="Your email address is confirmed">
                {done.then(|| view! { <Notice text="Thank you. Your email address is confirmed." /> })}
                <h1 class="heading-l">"Your email address is confirmed"</h1>
                <p class="body">"The council will check your request and email you. This usually takes a few working days."</p>
                <p class="body"><a class="link" href="/">"Go to Dayfinder"</a></p>
            </EditorFrame>
        }
        .into_any(),
        ProofLink::NotValid => view! {
            <EditorFrame title="This link cannot be used">
                <h1 class="heading-l">"This link cannot be used"</h1>
                <p class="body">"The link to confirm your email address works for one day. This one has expired, or is not one we sent."</p>
                <p class="body">"Go back to the listing and ask again."</p>
            </EditorFrame>
        }
        .into_any(),
    }
}

/// One request as the council sees it, with its listing's and organisation's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    pub claim: Claim,
    pub service_name: String,
    pub organisation: String,
}

/// `GET /editor/claims`: requests to manage listings waiting for a council editor.
#[component]
pub fn ClaimsPage(
    editor: EditorSession,
    claims: Vec<ClaimRow>,
    done: Option<String>,
) -> impl IntoView {
    let csrf = editor.csrf_token.as_str().to_string();
    let rows_count = claims.len();
    let rows = claims
        .into_iter()
        .map(|row| {
            let c = row.claim;
            let id = c.id;
            view! {
                <section class="enquiry-card" aria-labelledby=format!("claim-{id}")>
                    <h2 class="heading-m" id=format!("claim-{id}")>
                        {format!("{} for {}", c.name, row.organisation)}
                    </h2>
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"Email address"</dt><dd class="summary-list__value">{c.email.clone()}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"What they do there"</dt><dd class="summary-list__value">{c.job.clone()}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Asked from the listing"</dt><dd class="summary-list__value">
                            <a class="link" href=format!("/services/{}", c.service_id)>{row.service_name.clone()}</a>
                        </dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Asked"</dt><dd class="summary-list__value">{date_time(c.made_at)}</dd></div>
                    </dl>
                    <p class="body">"Check they work there (for example, phone the organisation) before you approve."</p>
                    <form method="post" action=format!("/editor/claims/{id}/approve") novalidate>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <button type="submit" class="button">{format!("Approve: make {} an editor", c.name)}</button>
                    </form>
                    <form method="post" action=format!("/editor/claims/{id}/turn-down") novalidate>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <TextInput errors=FieldErrors::new() name=format!("reason-{id}") label="Why not (optional, sent to them)" value="" />
                        <button type="submit" class="button button--secondary">"Turn down"</button>
                    </form>
                </section>
            }
        })
        .collect_view();
    let empty =
        (rows_count == 0).then(|| view! { <p class="body">"There are no requests waiting."</p> });
    view! {
        <EditorFrame title="Requests to manage listings" editor>
            {done.map(|text| view! { <Notice text /> })}
            <h1 class="heading-xl">"Requests to manage listings"</h1>
            <p class="body">"People who asked to keep a provider’s listings and confirmed their email address."</p>
            {empty}
            {rows}
        </EditorFrame>
    }
}
