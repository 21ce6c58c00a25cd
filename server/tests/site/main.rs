//! Integration tests of the real server: each test starts the app on port 0 around a
//! directory engine in a temporary folder, and talks to it over HTTP.

mod borough;
mod cli;
mod connections;
mod easy_read;
mod easy_read_events;
mod easy_read_everywhere;
mod easy_read_lists;
mod editor;
mod enquiries;
mod events;
mod feeds;
mod hardening;
mod headers;
mod helpers;
mod hostile;
mod insight;
mod limits;
mod moderation;
mod pages;
mod places;
mod profile;
mod quality;
mod shortlist;
mod text_matches;
