//! A page with nothing around its words: no stylesheet, header or footer. For answers
//! given before (or without) the site's state, such as a refused address or form.

use leptos::prelude::*;

/// A whole bare document: `title` (the site's name is added) and the children inside
/// `<main>`, starting with its one `<h1>`.
#[component]
pub fn BarePage(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{format!("{title} – Dayfinder")}</title>
            </head>
            <body>
                <main>{children()}</main>
            </body>
        </html>
    }
}

/// A bare page as HTML, built inside its own reactive owner.
pub fn render_bare<V: IntoView + 'static>(page: impl FnOnce() -> V) -> String {
    let html = Owner::new().with(|| page().to_html());
    format!("<!DOCTYPE html>\n{html}")
}
