//! Stable ORUK ids for our slugs.
//!
//! Every id in the standard is a UUID; ours are readable slugs (`crewe-memory-club`).
//! Each ORUK id is the version 5 (name-based) UUID of a path naming the thing,
//! `service/crewe-memory-club`, in our own namespace. So the same listing has the same
//! id on every server, after every reindex and in every export, and nothing is stored.
//! Going back from a UUID to a slug needs the list of slugs (see the API's id lookup).

use uuid::Uuid;

/// The namespace of every Dayfinder ORUK id: the v5 UUID of `urn:dayfinder:oruk` in the
/// URL namespace. Never change it: every published id depends on it.
pub const NAMESPACE: Uuid = uuid::uuid!("677334cb-4e8a-58d0-bba1-ba5665fc2dce");

fn named(parts: &[&str]) -> String {
    Uuid::new_v5(&NAMESPACE, parts.join("/").as_bytes()).to_string()
}

pub fn service(slug: &str) -> String {
    named(&["service", slug])
}

pub fn organization(slug: &str) -> String {
    named(&["organization", slug])
}

pub fn location(slug: &str) -> String {
    named(&["location", slug])
}

/// A service has at most one location, so its service-at-location is named by the service.
pub fn service_at_location(service_slug: &str) -> String {
    named(&["service_at_location", service_slug])
}

pub fn address(location_slug: &str) -> String {
    named(&["location", location_slug, "address"])
}

/// One accessibility entry of a location: a feature's slug, or `notes`.
pub fn accessibility(location_slug: &str, what: &str) -> String {
    named(&["location", location_slug, "accessibility", what])
}

/// The schedule of a service's sessions at these hours (`10:00-12:30`).
pub fn schedule(service_slug: &str, hours: &str) -> String {
    named(&["service", service_slug, "schedule", hours])
}

/// One way of paying for a service, by its cost kind's slug.
pub fn cost_option(service_slug: &str, kind: &str) -> String {
    named(&["service", service_slug, "cost", kind])
}

pub fn contact(service_slug: &str) -> String {
    named(&["service", service_slug, "contact"])
}

/// A phone number of a contact (`service/...`) or organisation (`organization/...`).
pub fn phone(owner: &str, slug: &str) -> String {
    named(&[owner, slug, "phone"])
}

pub fn taxonomy(vocabulary: &str) -> String {
    named(&["taxonomy", vocabulary])
}

pub fn taxonomy_term(vocabulary: &str, term: &str) -> String {
    named(&["taxonomy", vocabulary, "term", term])
}

/// The link between one thing (by its ORUK id) and one taxonomy term (by its ORUK id).
pub fn attribute(link_id: &str, term_id: &str) -> String {
    named(&["attribute", link_id, term_id])
}

/// The canonical (lower-case, hyphenated) form of a UUID, if `s` is one.
pub fn parse(s: &str) -> Option<String> {
    Uuid::try_parse(s.trim()).ok().map(|u| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_slug_always_gets_the_same_uuid() {
        assert_eq!(
            service("crewe-saturday-memory-club"),
            "eb88d719-8774-5726-8a08-f8556367cc0f"
        );
        assert_eq!(service("a"), service("a"));
        assert_ne!(service("a"), organization("a"));
    }

    #[test]
    fn uuids_are_read_in_any_case_and_anything_else_is_not_a_uuid() {
        let id = service("a");
        assert_eq!(parse(&id.to_uppercase()), Some(id));
        assert_eq!(parse("crewe-memory-club"), None);
        assert_eq!(parse(""), None);
    }
}
