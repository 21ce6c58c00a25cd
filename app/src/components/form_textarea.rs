//! A labelled textarea in the GOV.UK pattern, beside `TextInput` (form.rs): its hint and
//! its message linked by `aria-describedby`, the group marked when in error.

use leptos::prelude::*;

use super::form::{FieldError, FieldErrors};

/// A textarea whose `id` is its `name`, holding `value` as typed.
#[component]
pub fn Textarea(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    rows: u8,
) -> impl IntoView {
    // On the server, Leptos 0.8 (tachys 0.2) writes a textarea's text as it is, like a
    // script's: escaped here, once, so typed text cannot close the textarea. (tachys 0.3
    // escapes it itself: the test below fails then, and this goes.)
    #[cfg(feature = "ssr")]
    let value = html_escape::encode_text(&value).into_owned();
    let described = errors.described_by(&name, hint.is_some());
    let hint = hint.map(|text| view! { <div class="hint" id=format!("{name}-hint")>{text}</div> });
    view! {
        <div class=errors.group_class(&name)>
            <label class="label" for=name.clone()>{label}</label>
            {hint}
            <FieldError errors=errors.clone() field=name.clone() />
            <textarea class="textarea" id=name.clone() name=name.clone() rows=rows
                aria-describedby=described>{value}</textarea>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_escaped_once_and_cannot_close_the_textarea() {
        let html = Owner::new().with(|| {
            view! {
                <Textarea errors=FieldErrors::new() name="notes" label="Notes"
                    value="a < b & \"c\" </textarea><b>" rows=3 />
            }
            .to_html()
        });
        assert!(
            html.contains(">a &lt; b &amp; \"c\" &lt;/textarea&gt;&lt;b&gt;</textarea>"),
            "{html}"
        );
    }
}
