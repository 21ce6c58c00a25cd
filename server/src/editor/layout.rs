//! The frame of every editor page, in the site's styles: skip link, header, who is signed
//! in (with the sign-out button), one `<main>`, and the footer.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder_app::editor::MessagePage;
use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// Text made safe to put in HTML, in content or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet's address: with the content hash the build put in its name, found the
/// way `leptos_meta::HashedStylesheet` finds it (the hash file beside the binary).
fn stylesheet(options: &LeptosOptions) -> String {
    let mut name = options.output_name.to_string();
    if options.hash_files {
        let hashes = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .and_then(|file| std::fs::read_to_string(file).ok())
            .unwrap_or_default();
        if let Some(hash) = hashes
            .lines()
            .filter_map(|line| line.trim().split_once(':'))
            .find(|(file, _)| *file == "css")
            .map(|(_, hash)| hash.trim().to_string())
        {
            name = format!("{name}.{hash}");
        }
    }
    format!("/{}/{name}.css", options.site_pkg_dir)
}

/// A whole editor page. `title` is the page's own title (unique per page); `main` is the
/// HTML inside `<main>`, starting with its one `<h1>`.
pub fn page(
    options: &LeptosOptions,
    title: &str,
    editor: Option<&EditorSession>,
    main: &str,
) -> String {
    let who = editor.map(signed_in_bar).unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex, nofollow\">\
         <title>{title} – Dayfinder editors</title>\
         <link rel=\"stylesheet\" href=\"{css}\">\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"></head>\
         <body>\
         <a href=\"#main-content\" class=\"skip-link\">Skip to main content</a>\
         <header><div class=\"header\"><div class=\"width-container header__inner\">\
         <a href=\"/editor\" class=\"header__name\">Dayfinder</a>\
         <span class=\"header__tagline\">Editors: keeping listings true</span>\
         </div></div></header>\
         <div class=\"width-container\">{who}\
         <main id=\"main-content\" class=\"main\" tabindex=\"-1\">{main}</main></div>\
         <footer class=\"footer\"><div class=\"width-container\">\
         <h2 class=\"visually-hidden\">Support links</h2>\
         <ul class=\"footer__links\">\
         <li><a href=\"/\" class=\"footer__link\">Dayfinder’s public site</a></li>\
         <li><a href=\"/accessibility\" class=\"footer__link\">Accessibility statement</a></li>\
         <li><a href=\"/privacy\" class=\"footer__link\">Privacy</a></li>\
         </ul></div></footer></body></html>",
        title = escape(title),
        css = escape(&stylesheet(options)),
    )
}

/// Who is signed in, the pages they may use, and the sign-out button (a POST form).
fn signed_in_bar(editor: &EditorSession) -> String {
    let account = &editor.account;
    let council = account.role.is_council();
    // (address, label, council editors only)
    let pages: &[(&str, &str, bool)] = &[
        ("/editor", "Services", false),
        (
            "/editor/changes",
            if council {
                "Changes to approve"
            } else {
                "Your changes"
            },
            false,
        ),
        ("/editor/problems", "Problem reports", true),
        ("/editor/audit", "Audit log", true),
        ("/editor/stale", "Stale listings", true),
        ("/editor/quality", "Data quality", true),
        ("/editor/insight", "Insight", true),
        ("/editor/accounts", "Accounts", true),
        ("/editor/account", "Your account", false),
    ];
    let links: String = pages
        .iter()
        .filter(|(_, _, council_only)| council || !council_only)
        .map(|(href, label, _)| format!("<li><a href=\"{href}\" class=\"link\">{label}</a></li>"))
        .collect();
    format!(
        "<nav class=\"editor-bar\" aria-label=\"Editor\">\
         <p class=\"body-s\">Signed in as {name} ({role})</p>\
         <ul class=\"list editor-bar__links\">{links}</ul>\
         <form method=\"post\" action=\"/editor/sign-out\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <button type=\"submit\" class=\"button button--secondary\">Sign out</button>\
         </form></nav>{ask}",
        name = escape(&account.name),
        role = account.role.label(),
        csrf = escape(editor.csrf_token.as_str()),
        ask = two_step_prompt(editor),
    )
}

/// Council editors without a second step are asked, on every page, to set one up (not
/// forced: see docs/editors.md).
fn two_step_prompt(editor: &EditorSession) -> String {
    let account = &editor.account;
    if !account.role.may_use_two_step() || account.two_step || account.must_change_password {
        return String::new();
    }
    "<div class=\"notice\" role=\"region\" aria-label=\"Protect your account\">\
     <p class=\"notice__text\">Protect your account: as a council editor, sign in with a code \
     from an app on your phone as well as your password. \
     <a class=\"link\" href=\"/editor/account/two-step\">Set up a code from an app</a></p></div>"
        .to_string()
}

pub use dayfinder_app::editor::date_time;

/// A GOV.UK error summary: what went wrong, each linked to its field.
pub fn error_summary(errors: &[(&str, String)]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items: String = errors
        .iter()
        .map(|(field, message)| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                escape(field),
                escape(message)
            )
        })
        .collect();
    format!(
        "<div class=\"error-summary\" aria-labelledby=\"error-summary-title\" role=\"alert\" tabindex=\"-1\">\
         <h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2>\
         <ul class=\"list error-summary__list\">{items}</ul></div>"
    )
}

/// The message beside a field in error, if it has one.
pub fn field_error(errors: &[(&str, String)], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, message)| {
            format!(
                "<p id=\"{field}-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {}</p>",
                escape(message)
            )
        })
}

/// A short page saying why nothing happened, with a way on.
pub fn problem(
    status: StatusCode,
    options: &LeptosOptions,
    heading: &str,
    message: &str,
) -> Response {
    let (heading, message) = (heading.to_string(), message.to_string());
    let page = move || view! { <MessagePage heading message /> };
    (status, Html(dayfinder_app::editor::render(options, page))).into_response()
}

/// The page for a failure of the machine (the cause is in the log).
pub fn went_wrong() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Html(dayfinder_app::editor::went_wrong()),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
