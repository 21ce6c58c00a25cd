//! A table of records that may be wider than the screen: it scrolls inside its own
//! region, named by the table's caption and reachable by keyboard, rather than making the
//! page scroll sideways.

use leptos::prelude::*;

/// `headings` are the column headings; the children are the `<tr>` rows. `id` names the
/// caption, which names the region; `caption_class` styles it ("table__caption" unless
/// given: "heading-m" for a table that is a section, "visually-hidden" when a heading
/// above says the same). `class` adds to the table's classes ("diff").
#[component]
pub fn ScrollTable(
    #[prop(into)] id: String,
    #[prop(into)] caption: String,
    #[prop(optional)] caption_class: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    headings: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    let headings = headings
        .iter()
        .map(|heading| view! { <th scope="col">{*heading}</th> })
        .collect_view();
    let table_class = match class {
        Some(more) => format!("table {more}"),
        None => "table".to_string(),
    };
    let region = id.clone();
    view! {
        <div class="table-scroll" role="region" aria-labelledby=region tabindex="0">
            <table class=table_class>
                <caption class=caption_class.unwrap_or("table__caption") id=id>{caption}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
