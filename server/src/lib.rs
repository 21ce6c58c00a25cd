//! Dayfinder's server binary as a library, so integration tests can build the real app:
//! the command line (`cli`), what each command does (`commands`, with import and export
//! in `transfer`), and the web server (`startup`, with its headers in `headers` and the
//! directory's downloads in `downloads` and event calendars in `events`).

pub mod backup;
pub mod claims;
pub mod cli;
pub mod commands;
pub mod config;
pub mod downloads;
pub mod editor;
pub mod email;
pub mod enquiries;
pub mod events;
pub mod feeds;
pub mod follow;
pub mod headers;
pub mod limits;
pub mod monitoring;
pub mod oruk;
pub mod periodic;
pub mod places;
pub mod report_problem;
pub mod reviews;
pub mod security;
pub mod shortlist;
pub mod startup;
pub mod telemetry;
pub mod transfer;
pub mod view_mode;
