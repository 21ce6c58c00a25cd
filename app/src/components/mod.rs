//! Pieces the pages share. Components are nouns; each file holds one idea.

#[cfg(feature = "ssr")]
pub mod bare_page;
pub mod charts;
pub mod easy_read;
pub mod easy_read_data;
pub mod error_view;
pub mod facet_filters;
pub mod form;
pub mod form_choices;
pub mod form_select;
pub mod form_textarea;
pub mod format;
pub mod layout;
pub mod pagination;
pub mod pictures;
pub mod search_form;
pub mod service_card;
pub mod shortlist_button;
pub mod table;
pub mod text_matches;
pub mod upcoming_events;
pub mod warning_text;
