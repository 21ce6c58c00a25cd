//! "Change the place" and "Change the provider's details": the address and access of a
//! place (every listing there changes with it) and a provider's name and contact details.

use dayfinder::accounts::EditorSession;
use dayfinder::model::{AccessFeature, Location, Organisation};
use dayfinder::moderation::Proposal;
use leptos::prelude::*;

use super::listing_form::term_choices;
use super::{EditorFrame, FormValues, Notice};
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};
use crate::components::form_choices::Choices;
use crate::components::form_textarea::Textarea;

/// A place's form, as stored or as sent with its mistakes; `listings` is how many listings
/// are there, `from` the listing the editor came from ("" for none).
#[component]
pub fn PlacePage(
    editor: EditorSession,
    place: Location,
    listings: usize,
    values: FormValues,
    errors: FieldErrors,
    from: String,
    pending: Option<Proposal>,
) -> impl IntoView {
    let v = |name: &str| values.get(name).to_string();
    let e = || errors.clone();
    let fields = view! {
        <TextInput errors=e() name="name" label="Name of the place" value=v("name")
            hint="For example: Oakley Centre." />
        <TextInput errors=e() name="address" label="Address" value=v("address")
            hint="The street address, without the town or postcode." />
        <TextInput errors=e() name="town" label="Town" value=v("town") />
        <TextInput errors=e() name="postcode" label="Postcode" value=v("postcode")
            hint="Residents searching near a place find it by this." autocomplete="off" />
        <Choices errors=e() name="access" legend="What the place offers"
            hint="Select all that apply." choices={term_choices::<AccessFeature>(&values, "access")} />
        <Textarea errors=e() name="access_notes" label="Access notes (optional)"
            value=v("access_notes") hint="For example: Lift to the first floor." rows=3 />
    }
    .into_any();
    let place_id = place.id;
    view! {
        <RecordPage
            editor
            heading="Change the place"
            caption=format!("{} ({listings} listings)", place.name)
            place=true
            action=format!("/editor/places/{place_id}/edit")
            from
            pending
            errors
            fields
        />
    }
}

/// A provider's form, as stored or as sent with its mistakes; `from` the listing the editor
/// came from ("" for none).
#[component]
pub fn ProviderPage(
    editor: EditorSession,
    provider: Organisation,
    values: FormValues,
    errors: FieldErrors,
    from: String,
    pending: Option<Proposal>,
) -> impl IntoView {
    let v = |name: &str| values.get(name).to_string();
    let e = || errors.clone();
    let fields = view! {
        <TextInput errors=e() name="name" label="Provider’s name" value=v("name") />
        <Textarea errors=e() name="description" label="About the provider"
            value=v("description") hint="One or two sentences: who you are and what you do."
            rows=4 />
        <TextInput errors=e() name="website" label="Website (optional)" value=v("website")
            kind="url" autocomplete="off" spellcheck=false />
        <TextInput errors=e() name="email" label="Email (optional)" value=v("email")
            kind="email" autocomplete="off" spellcheck=false />
        <TextInput errors=e() name="phone" label="Phone (optional)" value=v("phone") kind="tel"
            autocomplete="off" />
    }
    .into_any();
    view! {
        <RecordPage
            editor
            heading="Change the provider’s details"
            caption=provider.name
            place=false
            action=format!("/editor/providers/{}/edit", provider.id)
            from
            pending
            errors
            fields
        />
    }
}

/// The page around a place's or a provider's fields: back to the listing, what saving
/// does, a change already waiting, and the form.
#[component]
#[allow(clippy::too_many_arguments)]
fn RecordPage(
    editor: EditorSession,
    heading: &'static str,
    caption: String,
    /// A place's page (else a provider's): what the intro says.
    place: bool,
    action: String,
    from: String,
    pending: Option<Proposal>,
    errors: FieldErrors,
    fields: AnyView,
) -> impl IntoView {
    let council = editor.account.role.is_council();
    let back = if from.is_empty() {
        "/editor".to_string()
    } else {
        format!("/editor/services/{from}/edit")
    };
    let waiting = pending.map(|p| {
        if council {
            view! {
                <div class="notice">
                    <p class="notice__text">
                        "A change is waiting. "
                        <a class="link" href=format!("/editor/changes/{}", p.id.0)>"Review the change"</a>
                        "."
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <Notice text="Your change is waiting for approval. This form shows it; sending the form again replaces it." />
            }
            .into_any()
        }
    });
    let intro = match (council, place) {
        (true, true) => "Every listing at this place changes with it, as soon as you save.",
        (false, true) => {
            "Every listing at this place changes with it. A council editor checks the change first."
        }
        (true, false) => {
            "These details show on every listing of this provider, as soon as you save."
        }
        (false, false) => {
            "These details show on every listing of yours. A council editor checks the change first."
        }
    };
    let title = format!(
        "{}{heading}: {caption}",
        if errors.is_empty() { "" } else { "Error: " }
    );
    let submit = if council {
        "Save and publish"
    } else {
        "Send for approval"
    };
    let csrf = editor.csrf_token.as_str().to_string();
    view! {
        <EditorFrame title editor>
            <a href=back class="back-link">"Back to the listing"</a>
            <ErrorSummary errors />
            <span class="caption-l">{caption}</span>
            <h1 class="heading-xl">{heading}</h1>
            {waiting}
            <p class="body">{intro}</p>
            <form method="post" action=format!("{action}?from={from}") novalidate>
                <input type="hidden" name="csrf" value=csrf />
                {fields}
                <button type="submit" class="button">{submit}</button>
            </form>
        </EditorFrame>
    }
}
