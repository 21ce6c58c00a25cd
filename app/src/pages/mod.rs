//! One file per page.

pub mod about;
pub mod accessibility;
pub mod compare;
pub mod easy_read_compare;
pub mod easy_read_home;
pub mod easy_read_listing;
pub mod easy_read_my_list;
pub mod easy_read_results;
pub mod easy_read_search;
pub mod event;
pub mod events;
pub mod glossary;
pub mod home;
pub mod listing;
pub mod my_list;
pub mod not_found;
pub mod open_data;
pub mod preparing_for_adulthood;
pub mod print_sheet;
pub mod privacy;
pub mod report_problem;
pub mod results;
