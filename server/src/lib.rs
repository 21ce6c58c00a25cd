//! Dayfinder's server binary as a library, so integration tests can build the real app:
//! the command line (`cli`), what each command does (`commands`), and the web server
//! (`startup`, with its headers in `headers`).

pub mod cli;
pub mod commands;
pub mod headers;
pub mod oruk;
pub mod startup;
pub mod telemetry;
