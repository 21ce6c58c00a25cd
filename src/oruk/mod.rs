//! The directory in the Open Referral UK 3.0 shape (the UK profile of HSDS 3.0): pure
//! mapping from our model to the standard's JSON objects, with nothing of the web in it.
//!
//! - [`ids`]: ORUK wants UUIDs; ours are readable slugs. Every ORUK id is a name-based
//!   UUID of what it names, so it is the same on every server and in every export.
//! - [`vocab`]: our vocabularies (needs, kinds, tiers...) published as ORUK taxonomies.
//! - [`objects`]: the ORUK objects themselves, as serde types, and the paged envelope.
//! - [`map`]: our model to those objects.
//! - [`filter`]: the standard's filters (`modified_after`, `day`, ages...) as checks on
//!   our model, each parsed into a type that validates itself.
//! - [`import`], [`export`], [`csv`] and [`mapping`]: another directory's ORUK JSON or our
//!   CSV into the directory (taxonomy terms placed by the editable mapping file), and the
//!   directory out again in both (see `docs/import-export.md`).
//!
//! Our own facts that the standard has no field for (tier, vacancy and when it was
//! confirmed, the easy-read summary...) travel twice: as taxonomy terms linked by
//! `attributes`, which any ORUK consumer understands, and in one extension object,
//! `x_dayfinder`, that the standard's schemas allow beside their own fields.

pub mod csv;
pub mod export;
pub mod filter;
pub mod ids;
pub mod import;
pub mod map;
pub mod mapping;
pub mod objects;
pub mod vocab;

pub use filter::{AgeRange, BadDateTime, ModifiedSince, SessionWindow};
pub use map::Detail;
pub use objects::Page;
pub use vocab::{TermRef, Vocabulary};

/// What `GET /` says the API is: the version string ORUK's validator reads.
pub const VERSION: &str = "HSDS-UK-3.0";

/// Where the profile this API follows is described.
pub const PROFILE_URL: &str = "https://openreferraluk.org/specifications/3.0/";
