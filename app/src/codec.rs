//! How page data travels from the server to the hydrating page.
//!
//! Server functions decode their JSON answers from bytes; leptos's default codec for the
//! data embedded in a page decodes from a string. Each way instantiates every decoder again,
//! so the browser bundle would carry two copies. This codec decodes embedded data from bytes
//! too, so there is one.

use codee::{Decoder, Encoder};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// JSON, decoded from bytes.
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// A resource whose data is embedded in the page as JSON (see the module's note).
pub type PageResource<T> = Resource<T, Json>;

/// A resource loaded once, embedded in the page as JSON.
pub type PageOnceResource<T> = OnceResource<T, Json>;
