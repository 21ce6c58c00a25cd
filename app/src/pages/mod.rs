//! One file per page.

pub mod about;
pub mod accessibility;
pub mod home;
pub mod listing;
pub mod not_found;
pub mod open_data;
pub mod privacy;
pub mod results;
