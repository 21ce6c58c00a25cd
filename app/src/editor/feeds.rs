//! "Feeds we follow" (`/editor/feeds`), for council editors: each directory whose Open
//! Referral UK feed Dayfinder reads on a schedule, how its last read went, the listings it
//! brought and those withdrawn since; "Read it now", "Stop following" and a form to
//! follow another. The handlers are `dayfinder_server::editor::feeds`.

use dayfinder::accounts::EditorSession;
use dayfinder::feeds::{Feed, feed_host};
use leptos::prelude::*;

use super::{EditorFrame, Notice, date_time};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};
use crate::components::warning_text::WarningText;

/// One followed feed with what it brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    pub feed: Feed,
    /// Its listings on the site now.
    pub listed: usize,
    /// Its withdrawn listings: name and the moment each was withdrawn.
    pub withdrawn: Vec<(String, jiff::Timestamp)>,
}

/// The follow form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowForm {
    pub url: String,
    pub every: String,
}

impl Default for FollowForm {
    fn default() -> Self {
        FollowForm {
            url: String::new(),
            every: "1h".into(),
        }
    }
}

#[component]
fn Row(#[prop(into)] key: String, children: Children) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{children()}</dd>
        </div>
    }
}

#[component]
fn FeedSection(row: FeedRow, csrf: String) -> impl IntoView {
    let FeedRow {
        feed,
        listed,
        withdrawn,
    } = row;
    let id = feed.id.0;
    let host = feed_host(&feed.url).to_string();
    let url = feed.url.clone();
    let last = match &feed.last_run {
        None => view! { <p class="body">"Not read yet: it is read within a minute."</p> }.into_any(),
        Some(run) if run.ok => view! {
            <p class="body">{date_time(run.at)}</p>
            <p class="body">{run.message.clone()}</p>
        }
        .into_any(),
        Some(run) => view! {
            <p class="body">{date_time(run.at)}</p>
            <WarningText>{format!("Nothing changed: {}. The last good listings stay on the site.", run.message)}</WarningText>
        }
        .into_any(),
    };
    let next = match feed.started_at {
        None => "Within a minute".to_string(),
        Some(started) => {
            date_time(started + jiff::SignedDuration::from_secs(feed.every.seconds() as i64))
        }
    };
    let withdrawn_view = if withdrawn.is_empty() {
        view! { <p class="body">"None"</p> }.into_any()
    } else {
        let items = withdrawn
            .into_iter()
            .map(|(name, at)| view! { <li>{format!("{name} (withdrawn {})", date_time(at))}</li> })
            .collect_view();
        view! { <ul class="list list--bullet">{items}</ul> }.into_any()
    };
    view! {
        <section class="enquiry-card" aria-labelledby=format!("feed-{id}")>
            <h2 class="heading-m" id=format!("feed-{id}")>{host.clone()}</h2>
            <dl class="summary-list">
                <Row key="Address">{url}</Row>
                <Row key="How often">{feed.every.words()}</Row>
                <Row key="Last read">{last}</Row>
                <Row key="Next read">{next}</Row>
                <Row key="Its listings on the site">{listed.to_string()}</Row>
                <Row key="Withdrawn because the feed no longer lists them">{withdrawn_view}</Row>
            </dl>
            <form method="post" action=format!("/editor/feeds/{id}/run") novalidate>
                <input type="hidden" name="csrf" value=csrf.clone() />
                <button type="submit" class="button">{format!("Read {host} now")}</button>
            </form>
            <form method="post" action=format!("/editor/feeds/{id}/stop") novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <button type="submit" class="button button--secondary">{format!("Stop following {host}")}</button>
            </form>
        </section>
    }
}

/// `GET /editor/feeds`: the feeds, and the form to follow another.
#[component]
pub fn FeedsPage(
    editor: EditorSession,
    feeds: Vec<FeedRow>,
    form: FollowForm,
    errors: FieldErrors,
    done: Option<String>,
) -> impl IntoView {
    let csrf = editor.csrf_token.as_str().to_string();
    let title = if errors.is_empty() {
        "Feeds we follow"
    } else {
        "Error: Feeds we follow"
    };
    let empty = feeds
        .is_empty()
        .then(|| view! { <p class="body">"No feeds are followed yet."</p> });
    let sections = feeds
        .into_iter()
        .map(|row| view! { <FeedSection row csrf=csrf.clone() /> })
        .collect_view();
    view! {
        <EditorFrame title editor>
            {done.map(|text| view! { <Notice text /> })}
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-xl">"Feeds we follow"</h1>
            <p class="body">"Dayfinder reads these directories’ Open Referral UK feeds on a schedule and imports them. A read that fails changes nothing: the last good listings stay on the site."</p>
            <p class="body">"A listing a feed stops listing is withdrawn from the site, not deleted. It comes back if the feed lists it again."</p>
            {empty}
            {sections}
            <h2 class="heading-l">"Follow a feed"</h2>
            <form method="post" action="/editor/feeds" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <TextInput errors=errors.clone() name="url" label="The feed’s services address" value=form.url
                    hint="For example, https://directory.example.gov.uk/api/v3/services?full=true" kind="url"
                    spellcheck=false autocomplete="off" />
                <TextInput errors name="every" label="How often to read it" value=form.every
                    hint="For example, 30m, 1h, 6h or 1d: from 5 minutes to once a week" spellcheck=false
                    autocomplete="off" width="input--width-10" />
                <button type="submit" class="button">"Follow this feed"</button>
            </form>
        </EditorFrame>
    }
}
