//! Search: the tantivy index derived from the store, the reading of questions, and the
//! one-pass filter and facet counting.

pub mod bits;
mod collect;
mod index;
pub mod mentions;
pub mod schema;
mod text;
pub mod understand;
pub mod words;

pub use index::SearchIndex;
pub use understand::{PlaceNames, Understood, understand};
