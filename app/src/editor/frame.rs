//! The frame of every editor page, in the site's styles: skip link, header, who is signed
//! in (with the sign-out button), one `<main>`, and the footer.

use dayfinder::accounts::EditorSession;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_meta::HashedStylesheet;

/// A whole editor document. `title` is the page's own (unique per page); the children are
/// what goes inside `<main>`, starting with its one `<h1>`.
#[component]
pub fn EditorFrame(
    #[prop(into)] title: String,
    /// Who is signed in; `None` on the sign-in pages and on messages.
    #[prop(optional)]
    editor: Option<EditorSession>,
    children: Children,
) -> impl IntoView {
    // Always there when the page comes from `render`.
    let stylesheet =
        use_context::<LeptosOptions>().map(|options| view! { <HashedStylesheet options /> });
    view! {
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="robots" content="noindex, nofollow" />
                // As text, a dynamic title gets a hydration marker (`<!>`) that would show in the
                // tab; written whole instead, escaped by the crate the site's titles use.
                <title inner_html=html_escape::encode_text(&format!("{title} – Dayfinder editors")).into_owned()></title>
                {stylesheet}
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            </head>
            <body>
                <a href="#main-content" class="skip-link">"Skip to main content"</a>
                <header>
                    <div class="header">
                        <div class="width-container header__inner">
                            <a href="/editor" class="header__name">"Dayfinder"</a>
                            <span class="header__tagline">"Editors: keeping listings true"</span>
                        </div>
                    </div>
                </header>
                <div class="width-container">
                    {editor.map(|editor| view! { <SignedInBar editor /> })}
                    <main id="main-content" class="main" tabindex="-1">{children()}</main>
                </div>
                <footer class="footer">
                    <div class="width-container">
                        <h2 class="visually-hidden">"Support links"</h2>
                        <ul class="footer__links">
                            <li><a href="/" class="footer__link">"Dayfinder’s public site"</a></li>
                            <li><a href="/accessibility" class="footer__link">"Accessibility statement"</a></li>
                            <li><a href="/privacy" class="footer__link">"Privacy"</a></li>
                        </ul>
                    </div>
                </footer>
            </body>
        </html>
    }
}

/// Who is signed in, the pages they may use, and the sign-out button (a POST form).
#[component]
fn SignedInBar(editor: EditorSession) -> impl IntoView {
    let account = &editor.account;
    let council = account.role.is_council();
    // (address, label, council editors only)
    let pages: [(&str, &str, bool); 12] = [
        ("/editor", "Services", false),
        ("/editor/enquiries", "Enquiries", false),
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
        ("/editor/claims", "Requests to manage listings", true),
        ("/editor/feeds", "Feeds", true),
        ("/editor/account", "Your account", false),
    ];
    let links = pages
        .into_iter()
        .filter(|(_, _, council_only)| council || !council_only)
        .map(|(href, label, _)| view! { <li><a href=href class="link">{label}</a></li> })
        .collect_view();
    // Council editors without a second step are asked, on every page, to set one up (not
    // forced: see docs/editors.md).
    let ask = (account.role.may_use_two_step() && !account.two_step && !account.must_change_password)
        .then(|| {
            view! {
                <div class="notice" role="region" aria-label="Protect your account">
                    <p class="notice__text">
                        "Protect your account: as a council editor, sign in with a code from an app on your phone as well as your password. "
                        <a class="link" href="/editor/account/two-step">"Set up a code from an app"</a>
                    </p>
                </div>
            }
        });
    view! {
        <nav class="editor-bar" aria-label="Editor">
            <p class="body-s">{format!("Signed in as {} ({})", account.name, account.role.label())}</p>
            <ul class="list editor-bar__links">{links}</ul>
            <form method="post" action="/editor/sign-out">
                <input type="hidden" name="csrf" value=editor.csrf_token.as_str().to_string() />
                <button type="submit" class="button button--secondary">"Sign out"</button>
            </form>
        </nav>
        {ask}
    }
}
