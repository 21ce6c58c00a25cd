//! Pieces the pages share. Components are nouns; each file holds one idea.

pub mod error_view;
pub mod facet_filters;
pub mod format;
pub mod layout;
pub mod pagination;
pub mod search_form;
pub mod service_card;
