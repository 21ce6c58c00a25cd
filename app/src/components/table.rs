//! A table of records that may be wider than the screen: it scrolls inside its own
//! labelled region (reachable by keyboard) rather than making the page scroll sideways.

use leptos::prelude::*;

/// `headings` are the column headings; the children are the `<tr>` rows.
#[component]
pub fn ScrollTable(
    /// The region's name for screen readers.
    #[prop(into)]
    label: String,
    #[prop(into)] caption: String,
    headings: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    let headings = headings
        .iter()
        .map(|heading| view! { <th scope="col">{*heading}</th> })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            <table class="table">
                <caption class="table__caption">{caption}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
