//! The second step of signing in, for council editors: the setup page (the secret as
//! text, its `otpauth://` address, and a QR code drawn here as inline SVG, so no other
//! site is asked), and the code's form after the right password.

use dayfinder::accounts::EditorSession;
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

use super::EditorFrame;
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// "Set up a code from an app" for the secret `secret` (base32), whose address for the
/// app is `url`.
#[component]
pub fn TwoStepSetupPage(
    editor: EditorSession,
    url: String,
    secret: String,
    errors: FieldErrors,
) -> impl IntoView {
    let title = if errors.is_empty() {
        "Set up a code from an app"
    } else {
        "Error: Set up a code from an app"
    };
    // In groups of four, as apps show it, easier to type.
    let key = secret
        .as_bytes()
        .chunks(4)
        .map(String::from_utf8_lossy)
        .collect::<Vec<_>>()
        .join(" ");
    let csrf = editor.csrf_token.as_str().to_string();
    view! {
        <EditorFrame title editor>
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-xl">"Set up a code from an app"</h1>
            <p class="body">
                "Signing in will ask for a 6-digit code from an authenticator app on your phone as well as your password, so your password alone is not enough to sign in as you."
            </p>
            <ol class="list list--number">
                <li>"Open an authenticator app on your phone and add an account."</li>
                <li>"Scan this QR code, or type in the key below."</li>
                <li>"Enter the 6-digit code the app shows."</li>
            </ol>
            <p class="body"><QrPicture text=url.clone() /></p>
            <h2 class="heading-s">"Key"</h2>
            <p class="body"><code id="two-step-key">{key}</code></p>
            <details class="details">
                <summary class="details__summary">"The app’s address, to paste"</summary>
                <div class="details__text"><p class="body share"><code>{url}</code></p></div>
            </details>
            <form method="post" action="/editor/account/two-step" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <input type="hidden" name="secret" value=secret />
                <CodeInput errors />
                <button type="submit" class="button">"Turn on"</button>
            </form>
        </EditorFrame>
    }
}

/// "Enter the code from your app", after the right password (no one is signed in yet).
#[component]
pub fn TwoStepCodePage(csrf: String, errors: FieldErrors) -> impl IntoView {
    let title = if errors.is_empty() {
        "Enter the code from your app"
    } else {
        "Error: Enter the code from your app"
    };
    view! {
        <EditorFrame title>
            <ErrorSummary errors=errors.clone() />
            <h1 class="heading-xl">"Enter the code from your app"</h1>
            <p class="body">
                "Open the authenticator app on your phone to see the 6-digit code for Dayfinder."
            </p>
            <form method="post" action="/editor/sign-in/code" novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <CodeInput errors />
                <button type="submit" class="button">"Sign in"</button>
            </form>
            <p class="body">
                "Lost your phone? Ask the person who runs Dayfinder to turn the code off for your account."
            </p>
        </EditorFrame>
    }
}

/// The 6-digit code's field.
#[component]
fn CodeInput(errors: FieldErrors) -> impl IntoView {
    view! {
        <TextInput errors name="code" label="Code from your app" value=""
            hint="The 6 digits your app shows now, for example 123456"
            inputmode="numeric" autocomplete="one-time-code" spellcheck=false />
    }
}

/// `text` as a QR code: one path of dark squares on white, four modules of quiet zone,
/// scaled by the page. Nothing when the text is too long for a QR code.
#[component]
fn QrPicture(text: String) -> impl IntoView {
    QrCode::encode_text(&text, QrCodeEcc::Medium)
        .ok()
        .map(|code| {
            let full = code.size() + 8;
            let view_box = format!("0 0 {full} {full}");
            view! {
                <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box width="240" height="240"
                    role="img" aria-label="QR code for your app" shape-rendering="crispEdges">
                    <rect width=full height=full fill="#fff" />
                    <path d=dark_modules(&code) fill="#000" />
                </svg>
            }
        })
}

/// The path drawing each dark module as a 1 × 1 square, past the quiet zone.
fn dark_modules(code: &QrCode) -> String {
    let size = code.size();
    (0..size)
        .flat_map(|y| (0..size).map(move |x| (x, y)))
        .filter(|&(x, y)| code.get_module(x, y))
        .map(|(x, y)| format!("M{},{}h1v1h-1z", x + 4, y + 4))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_a_square_svg_of_dark_modules_with_a_quiet_zone() {
        let url = "otpauth://totp/Dayfinder:sam%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Dayfinder";
        let svg = view! { <QrPicture text=url.to_string() /> }.to_html();
        let size = QrCode::encode_text(url, QrCodeEcc::Medium).unwrap().size();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", size + 8)));
        // The three finder patterns alone are 3 × 33 dark modules.
        assert!(svg.matches('M').count() >= 99);
        assert!(!svg.contains("href"), "nothing is fetched");
    }
}
