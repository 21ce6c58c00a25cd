//! How page data travels from the server to the hydrating page, and how server functions
//! answer: postcard, a compact binary format of serde's data model.
//!
//! The browser only ever decodes. A postcard decoder is a fraction of the size of a JSON
//! one (no text to scan, no field names to match, no error messages quoting the input),
//! and the same decoder serves both the data embedded in a page (there as base64, which
//! leptos adds and removes) and server functions' answers, so the bundle carries one.

use codee::{Decoder, Encoder};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// Server functions' encoding: their arguments and answers as postcard.
pub use leptos::server_fn::codec::{Postcard, PostcardEncoding};

/// Postcard, for resources embedded in a page.
pub struct Binary;

impl<T: Serialize> Encoder<T> for Binary {
    type Error = postcard::Error;
    type Encoded = Vec<u8>;

    fn encode(value: &T) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Binary {
    type Error = postcard::Error;
    type Encoded = [u8];

    fn decode(bytes: &[u8]) -> Result<T, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// A resource whose data is embedded in the page (see the module's note).
pub type PageResource<T> = ArcResource<T, Binary>;

/// A resource loaded once, embedded in the page (see the module's note).
pub type PageOnceResource<T> = ArcOnceResource<T, Binary>;
