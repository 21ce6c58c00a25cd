//! "Sign in": the editors' door, and the one editor page the public meets.

use leptos::prelude::*;

use super::{EditorFrame, Notice};
use crate::components::easy_read::Points;
use crate::components::easy_read_data::{Piece, Point};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// The sign-in form with its fresh token (`csrf`), what was typed (`email`, never the
/// password) and what went wrong; `notice` after signing out; `easy` in the easy-read view.
#[component]
pub fn SignInPage(
    csrf: String,
    email: String,
    errors: FieldErrors,
    notice: Option<&'static str>,
    easy: bool,
) -> impl IntoView {
    let title = format!(
        "{}Sign in{}",
        if errors.is_empty() { "" } else { "Error: " },
        if easy { " (easy read)" } else { "" }
    );
    // In easy read, say who this page is for before the form: most people who reach it
    // want the public site, and need no account.
    let intro = if easy {
        view! { <EasyIntro /> }.into_any()
    } else {
        view! {
            <p class="body">
                "For council and provider editors. To get an account, ask the council’s directory team."
            </p>
        }
        .into_any()
    };
    view! {
        <EditorFrame title>
            <ErrorSummary errors=errors.clone() />
            {notice.map(|text| view! { <Notice text /> })}
            <h1 class="heading-xl">"Sign in"</h1>
            {intro}
            <form method="post" action="/editor/sign-in" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <TextInput errors=errors.clone() name="email" label="Email address" value=email
                    kind="email" autocomplete="username" spellcheck=false />
                <TextInput errors name="password" label="Password" value=""
                    kind="password" autocomplete="current-password" spellcheck=false />
                <button type="submit" class="button">"Sign in"</button>
            </form>
            <p class="body"><a class="link" href="/editor/forgot-password">"Forgotten your password?"</a></p>
        </EditorFrame>
    }
}

/// Who the page is for, in easy read.
#[component]
fn EasyIntro() -> impl IntoView {
    let words = |text: &str| Piece {
        text: text.to_string(),
        href: None,
    };
    let point = |picture: &str, words: Vec<Piece>| Point {
        picture: picture.to_string(),
        words,
        href: None,
    };
    let points = vec![
        point(
            "person",
            vec![words(
                "This page is for people who run services, and council staff.",
            )],
        ),
        point(
            "search",
            vec![
                words("You do not need to sign in to find things to do. "),
                Piece {
                    text: "Find things to do".to_string(),
                    href: Some("/".to_string()),
                },
                words("."),
            ],
        ),
        point(
            "phone",
            vec![words("To get an account, ask the council team.")],
        ),
    ];
    view! { <Points points /> }
}
