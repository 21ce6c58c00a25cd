//! Handles `/my-list/print`: a signposting sheet of the list to print or save as a PDF,
//! each listing with its essentials, contact, how to get a place and ruled space for notes
//! (`?view=easy`: the easy read sheet, short sentences with pictures; `?ids=a,b`: a shared
//! list rather than the visitor's own). The print styles are in `style/main.css`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::enhance::FocusOnArrival;
use crate::shortlist_api::{EasyLine, Picture, PrintEntry, PrintSheet, prepare_print_sheet};
use crate::view_models::Fact;

/// The sheet to print.
#[component]
pub fn PrintSheetPage() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let data =
        PageResource::new_with_options(move || location.search.get(), prepare_print_sheet, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let easy = query.read_untracked().get("view").as_deref() == Some("easy");
                match data.await {
                    Ok(sheet) if easy => view! { <EasySheet sheet /> }.into_any(),
                    Ok(sheet) => view! { <Sheet sheet /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// How to print, the print button (shown by `/print.js` when JavaScript runs), and the way
/// to the other version of the sheet.
#[component]
fn PrintActions(other_href: String, other_label: &'static str) -> impl IntoView {
    view! {
        <div class="print-actions">
            <a class="back-link" href="/my-list">"Back to my list"</a>
            <p class="body print-actions__how">
                "To print this sheet or save it as a PDF, use your browser’s Print command "
                "(press Ctrl and P, or Cmd and P on a Mac)."
            </p>
            <button type="button" class="button print-actions__button" data-print="" hidden>"Print this page"</button>
            <p class="body"><a class="link" rel="external" href=other_href>{other_label}</a></p>
            <script src="/print.js" defer></script>
        </div>
    }
}

/// The address of the other version of the sheet, keeping a shared list's ids.
fn other_href(ids: &str, shared: bool, easy: bool) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if shared {
        pairs.push(("ids", ids));
    }
    if easy {
        pairs.push(("view", "easy"));
    }
    let qs = crate::urls::encode(pairs);
    if qs.is_empty() {
        "/my-list/print".to_string()
    } else {
        format!("/my-list/print?{qs}")
    }
}

fn is_shared() -> bool {
    use_query_map().read_untracked().get("ids").is_some()
}

/// Nothing on the list.
fn empty() -> AnyView {
    view! {
        <p class="body">"There is nothing on this list to print."</p>
        <p class="body"><a class="link" href="/search">"Search for day opportunities"</a> " and choose ‘Add to my list’."</p>
    }
    .into_any()
}

/// Space to write in, ruled like paper.
fn notes(lines: usize) -> impl IntoView {
    view! {
        <div class="print-notes" aria-hidden="true">
            {(0..lines).map(|_| view! { <div class="print-notes__line"></div> }).collect_view()}
        </div>
    }
}

#[component]
fn Sheet(sheet: PrintSheet) -> impl IntoView {
    let shared = is_shared();
    let body = if sheet.entries.is_empty() {
        empty()
    } else {
        view! {
            <p class="body print-sheet__intro">
                {format!("{} from Dayfinder, {}. ", crate::components::format::count_opportunities(sheet.entries.len()), sheet.date)}
                "See this list online: " <a class="link" href=sheet.share_url.clone()>{sheet.share_url.clone()}</a>
            </p>
            {sheet.entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
        }
        .into_any()
    };
    view! {
        <Title text="Your list to print – Dayfinder" />
        <PrintActions other_href=other_href(&sheet.ids, shared, true) other_label="Easy read version of this sheet, with pictures" />
        <h1 class="heading-l">"Day opportunities to look into"</h1>
        {body}
        <FocusOnArrival />
    }
}

/// A summary list of facts; links show their address in print (see the print styles).
fn facts(facts: Vec<Fact>) -> impl IntoView {
    view! {
        <dl class="summary-list summary-list--compact print-entry__facts">
            {facts
                .into_iter()
                .map(|f| {
                    let value = match f.href {
                        Some(href) => view! { <a class="link" href=href>{f.value}</a> }.into_any(),
                        None => f.value.into_any(),
                    };
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{f.key}</dt>
                            <dd class="summary-list__value">{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

#[component]
fn Entry(entry: PrintEntry) -> impl IntoView {
    let s = entry.sheet;
    let heading = format!("print-{}", s.id);
    let labelled_by = heading.clone();
    let when: Vec<String> = s
        .sessions
        .iter()
        .map(|x| format!("{}, {} to {}", x.day, x.starts, x.ends))
        .chain((!s.schedule_notes.trim().is_empty()).then(|| s.schedule_notes.clone()))
        .collect();
    let place = if s.address.is_empty() {
        s.no_address.clone().unwrap_or_default()
    } else {
        s.address.join(", ")
    };
    let mut essentials = vec![
        Fact {
            key: "Where".to_string(),
            value: place,
            href: None,
        },
        Fact {
            key: "When".to_string(),
            value: when.join(". "),
            href: None,
        },
        Fact {
            key: "Who it is for".to_string(),
            value: s.who_for.clone(),
            href: None,
        },
    ];
    essentials.extend(s.cost.iter().map(|f| Fact {
        key: if f.key == "Price" {
            "Cost".to_string()
        } else {
            f.key.clone()
        },
        ..f.clone()
    }));
    if !s.access.is_empty() {
        essentials.push(Fact {
            key: "Access".to_string(),
            value: crate::components::format::and_list(&s.access),
            href: None,
        });
    }
    let join = s
        .join
        .into_iter()
        .map(|(route, meaning)| view! { <li><strong>{route}</strong>". " {meaning}</li> })
        .collect_view();
    view! {
        <section class="print-entry" aria-labelledby=labelled_by>
            <h2 class="heading-m print-entry__name" id=heading>{s.name}</h2>
            <p class="result__provider">{s.organisation}</p>
            <p class="body">{s.summary}</p>
            <p class="body">
                <strong class=s.vacancy.class>{s.vacancy.label}</strong>
                " " <span class="body-s">{format!("(confirmed {})", s.vacancy_confirmed)}</span>
            </p>
            {facts(essentials)}
            <h3 class="heading-s">"How to get a place"</h3>
            <ul class="list list--bullet">{join}</ul>
            <h3 class="heading-s">"Contact"</h3>
            {facts(s.contact)}
            <p class="body-s print-entry__more">"More about it: " <a class="link" href=entry.url.clone()>{entry.url.clone()}</a></p>
            <h3 class="heading-s">"Notes"</h3>
            {notes(4)}
        </section>
    }
}

fn picture(picture: Option<Picture>, class: &'static str, decorative: bool) -> impl IntoView {
    picture.map(|p| {
        let alt = if decorative { String::new() } else { p.alt };
        view! { <img class=class src=p.src alt=alt width="64" height="64" /> }
    })
}

#[component]
fn EasySheet(sheet: PrintSheet) -> impl IntoView {
    let shared = is_shared();
    let body = if sheet.entries.is_empty() {
        empty()
    } else {
        view! {
            <p class="easy-read print-sheet__intro">"These are the places on the list."</p>
            <p class="easy-read print-sheet__intro">"You can write notes about each one."</p>
            {sheet
                .entries
                .into_iter()
                .map(|entry| view! { <EasyEntry entry /> })
                .collect_view()}
        }
        .into_any()
    };
    view! {
        <Title text="Your list to print, easy read – Dayfinder" />
        <PrintActions other_href=other_href(&sheet.ids, shared, false) other_label="Standard version of this sheet" />
        <h1 class="heading-l">"My list of places to try"</h1>
        {body}
        <FocusOnArrival />
    }
}

#[component]
fn EasyEntry(entry: PrintEntry) -> impl IntoView {
    let heading = format!("easy-{}", entry.sheet.id);
    let labelled_by = heading.clone();
    let lines = entry
        .easy
        .into_iter()
        .map(|EasyLine { picture: p, text }| {
            view! {
                <li class="easy-lines__item">
                    {picture(p, "easy-lines__picture", true)}
                    <span class="easy-lines__text">{text}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="print-entry easy-entry" aria-labelledby=labelled_by>
            <div class="easy-entry__head">
                {picture(entry.picture, "easy-entry__picture", false)}
                <h2 class="heading-m print-entry__name" id=heading>{entry.sheet.name}</h2>
            </div>
            <ul class="list easy-read easy-lines">{lines}</ul>
            <h3 class="heading-s">"My notes"</h3>
            {notes(3)}
        </section>
    }
}
