//! The editors' pages: Leptos components rendered on the server and sent whole, with no
//! hydration and no wasm (every change is a POST form answered with a redirect). The
//! handlers in `dayfinder_server::editor` check the request and fetch the data; the pages
//! here only say it.

mod account;
mod accounts;
mod audit;
mod claims;
mod edit;
mod enquiries;
mod event_form;
mod events;
mod feeds;
mod form_values;
mod frame;
mod insight;
mod invite;
mod listing_form;
mod message;
mod moderation;
mod password_reset;
mod places;
mod problems;
mod quality;
mod review_link;
mod sign_in;
mod two_step;
mod vacancies;

pub use account::{AccountPage, PasswordPage};
pub use accounts::{AccountsPage, DisableAccountPage};
pub use audit::AuditPage;
pub use claims::{ClaimPage, ClaimRow, ClaimSentPage, ClaimsPage, ProofPage};
pub use edit::EditListingPage;
pub use enquiries::{EnquiriesPage, EnquiryPage};
pub use event_form::{Choices, DateFields, DateInput, EventFields, EventForm, Textarea};
pub use events::EventPage;
pub use feeds::{FeedRow, FeedsPage, FollowForm};
pub use form_values::FormValues;
pub use frame::EditorFrame;
pub use insight::{EnquiryDemandPage, PeriodForm, SupplyPage, UnmetDemandPage};
pub use invite::InvitePage;
pub use listing_form::{ListingForm, MAX_SESSION_ROWS, session_rows};
pub use message::{MessagePage, Notice, went_wrong};
pub use moderation::{ChangePage, ChangesPage, DiffTable, Done};
pub use password_reset::{ForgotPasswordPage, NewPasswordPage};
pub use places::{PlacePage, ProviderPage};
pub use problems::ProblemsPage;
pub use quality::{QualityPage, StalePage};
pub use review_link::ReviewLinkPage;
pub use sign_in::SignInPage;
pub use two_step::{TwoStepCodePage, TwoStepSetupPage};
pub use vacancies::ServicesPage;

use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// A whole editor page as HTML. The page is built inside its own reactive owner, with the
/// site's options in context for the stylesheet's hashed address.
pub fn render<V: IntoView + 'static>(options: &LeptosOptions, page: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let options = options.clone();
    let html = owner.with(|| {
        provide_context(options);
        page().to_html()
    });
    format!("<!DOCTYPE html>\n{html}")
}

/// A moment as people in the UK read it: "24 November 2026 at 9:15am".
pub fn date_time(at: jiff::Timestamp) -> String {
    let zoned = at
        .in_tz("Europe/London")
        .unwrap_or_else(|_| at.to_zoned(jiff::tz::TimeZone::UTC));
    let time = dayfinder::model::ClockTime::new(zoned.hour() as u16, zoned.minute() as u16)
        .map(|t| t.friendly())
        .unwrap_or_default();
    format!("{} at {time}", zoned.strftime("%-d %B %Y"))
}
