//! Handles `/my-list/print`: a signposting sheet of the list to print or save as a PDF,
//! each listing with its essentials, contact, how to get a place and ruled space for notes
//! (`?ids=a,b`: a shared list rather than the visitor's own). In easy read (the `view`
//! cookie, or `?view=easy`) it is the easy-read sheet to keep: for each place its summary,
//! how to get there, when, what it costs and who to phone (the number large), each a short
//! sentence beside a picture, in large type; `&pages=one` prints one place on each page.
//! `?sheet=standard` gives the standard sheet in easy read too. The print styles are in
//! `style/main.css`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture as Icon;
use crate::enhance::FocusOnArrival;
use crate::pages::easy_read_my_list::say;
use crate::shortlist_api::{EasySheetEntry, Picture, PrintEntry, PrintSheet, prepare_print_sheet};
use crate::view_mode::ViewMode;
use crate::view_models::Fact;

/// The sheet to print.
#[component]
pub fn PrintSheetPage() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let data =
        PageResource::new_with_options(move || location.search.get(), prepare_print_sheet, false);
    // The view of the request (`?view=easy` or the cookie), unless the standard sheet is asked for.
    let easy = ViewMode::get().is_easy()
        && query.read_untracked().get("sheet").as_deref() != Some("standard");
    let one_a_page = query.read_untracked().get("pages").as_deref() == Some("one");
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let data = data.clone(); Suspend::new(async move {
                match data.clone().await {
                    Ok(sheet) if easy => view! { <EasySheet sheet one_a_page /> }.into_any(),
                    Ok(sheet) => view! { <Sheet sheet /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
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

/// The address of a version of the sheet, keeping a shared list's ids: the easy-read one
/// (with one place on each page or not), or the standard one.
fn sheet_href(ids: &str, shared: bool, easy: bool, one_a_page: bool) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if shared {
        pairs.push(("ids", ids));
    }
    if easy {
        pairs.push(("view", "easy"));
        if one_a_page {
            pairs.push(("pages", "one"));
        }
    } else {
        pairs.push(("sheet", "standard"));
    }
    format!("/my-list/print?{}", crate::urls::encode(pairs))
}

/// The standard sheet's link to the easy-read one (as it always was: `?view=easy`).
fn easy_href(ids: &str, shared: bool) -> String {
    sheet_href(ids, shared, true, false)
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
        <PrintActions other_href=easy_href(&sheet.ids, shared) other_label="Easy read version of this sheet, with pictures" />
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

/// How to print in easy words, the print button (shown by `/print.js`), the choice of
/// one place on each page (a link, so it needs no JavaScript) and the standard sheet.
#[component]
fn EasyPrintActions(ids: String, shared: bool, one_a_page: bool) -> impl IntoView {
    let (pages_href, pages_label) = if one_a_page {
        (
            sheet_href(&ids, shared, true, false),
            "Print all the places together",
        )
    } else {
        (
            sheet_href(&ids, shared, true, true),
            "Print one place on each page",
        )
    };
    let chosen = if one_a_page {
        say("days", "Now each place goes on its own page.")
    } else {
        say("days", "Now the places go one after the other.")
    };
    view! {
        <div class="print-actions">
            <a class="back-link" href="/my-list">"Back to your list"</a>
            <Points points=vec![
                say("easy-read", "To print this sheet, press Ctrl and P."),
                say("easy-read", "On a Mac, press Cmd and P."),
            ] />
            <button type="button" class="button print-actions__button" data-print="" hidden>"Print this page"</button>
            <Points points=vec![chosen] />
            <p class="body point">
                <Icon name="days" />
                <a class="link point__words easy-sheet__pages" rel="external" href=pages_href>{pages_label}</a>
            </p>
            <p class="body"><a class="link" rel="external" href=sheet_href(&ids, shared, false, false)>"Standard version of this sheet"</a></p>
            <script src="/print.js" defer></script>
        </div>
    }
}

#[component]
fn EasySheet(sheet: PrintSheet, one_a_page: bool) -> impl IntoView {
    let shared = is_shared();
    let body = if sheet.entries.is_empty() {
        view! {
            <Points points=vec![
                say("spaces", "There is nothing on this list to print."),
                say("search", "Find a place you like and add it to your list."),
            ] />
            <p class="body"><a class="link" href="/guided-search">"Find things to do"</a></p>
        }
        .into_any()
    } else {
        view! {
            <Points points=vec![
                say("spaces", "These are the places on the list."),
                say("words", "You can write notes about each one."),
            ] />
            {sheet
                .entries
                .into_iter()
                .map(|entry| view! { <EasyEntry entry /> })
                .collect_view()}
        }
        .into_any()
    };
    let class = if one_a_page {
        "easy-sheet easy-sheet--one-a-page"
    } else {
        "easy-sheet"
    };
    view! {
        <Title text="Your list to print – easy read – Dayfinder" />
        <EasyPrintActions ids=sheet.ids shared one_a_page />
        <div class=class>
            <h1 class="heading-l">"My list of places to try"</h1>
            {body}
        </div>
        <FocusOnArrival />
    }
}

/// A part of a place on the sheet, when it has something to say.
fn part(
    heading: &'static str,
    points: Vec<crate::components::easy_read_data::Point>,
) -> impl IntoView {
    (!points.is_empty()).then(|| {
        view! {
            <h3 class="heading-s">{heading}</h3>
            <Points points />
        }
    })
}

#[component]
fn EasyEntry(entry: PrintEntry) -> impl IntoView {
    let heading = format!("easy-{}", entry.sheet.id);
    let labelled_by = heading.clone();
    let EasySheetEntry {
        about,
        getting_there,
        when,
        cost,
        phone,
        contact,
    } = entry.easy;
    let phone = phone.map(|(number, href)| {
        view! {
            <p class="body point easy-sheet__phone">
                <Icon name="phone" />
                <a class="link point__words" href=href>{number}</a>
            </p>
        }
    });
    view! {
        <section class="print-entry easy-entry easy-sheet__entry" aria-labelledby=labelled_by>
            <div class="easy-entry__head">
                {picture(entry.picture, "easy-entry__picture", false)}
                <h2 class="heading-m print-entry__name" id=heading>{entry.sheet.name}</h2>
            </div>
            {part("What it is", about)}
            {part("How to get there", getting_there)}
            {part("When", when)}
            {part("What it costs", cost)}
            <h3 class="heading-s">"Who to phone"</h3>
            {phone}
            <Points points=contact />
            <h3 class="heading-s">"My notes"</h3>
            {notes(3)}
        </section>
    }
}
