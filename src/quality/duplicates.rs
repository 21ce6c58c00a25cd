//! Likely duplicates: listings with the same name at the same postcode, however the name's
//! case, punctuation or "&"/"and" were typed. Usually one service entered twice (by two
//! editors, or by an import beside a hand-made listing).
//!
//! Services with no building (online, at home) have no postcode, so are never matched:
//! the same name online from two providers is two services.

use std::collections::BTreeMap;

use crate::model::Directory;

/// A name as compared: lower case, "&" read as "and", punctuation and a leading "the"
/// dropped, spaces collapsed. "The Crewe Men's Shed & Garden" → "crewe mens shed and garden".
pub fn normalise_name(name: &str) -> String {
    let spaced = name.to_lowercase().replace('&', " and ");
    let cleaned: String = spaced
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.as_slice() {
        ["the", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words.join(" ")
}

/// A postcode as compared: letters and digits only, in upper case ("cw1 2ab" → "CW12AB").
pub fn postcode_key(postcode: &str) -> String {
    postcode
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// One listing in a group of likely duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateEntry {
    pub service_id: String,
    pub service_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
}

/// Listings that are likely the same service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateGroup {
    /// The postcode as the first listing's building gives it.
    pub postcode: String,
    /// Two or more, by id.
    pub listings: Vec<DuplicateEntry>,
}

/// Every group of two or more services with the same normalised name and postcode, by
/// postcode then name.
pub fn likely_duplicates(directory: &Directory) -> Vec<DuplicateGroup> {
    let postcodes: BTreeMap<&str, &str> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l.postcode.as_str()))
        .collect();
    let organisations: BTreeMap<&str, &str> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    let mut groups: BTreeMap<(String, String), DuplicateGroup> = BTreeMap::new();
    for s in &directory.services {
        let Some(postcode) = s
            .location_id
            .as_deref()
            .and_then(|id| postcodes.get(id))
            .copied()
        else {
            continue;
        };
        let (key, name) = (postcode_key(postcode), normalise_name(&s.name));
        if key.is_empty() || name.is_empty() {
            continue;
        }
        groups
            .entry((key, name))
            .or_insert_with(|| DuplicateGroup {
                postcode: postcode.trim().to_string(),
                listings: Vec::new(),
            })
            .listings
            .push(DuplicateEntry {
                service_id: s.id.clone(),
                service_name: s.name.clone(),
                organisation_id: s.organisation_id.clone(),
                organisation_name: organisations
                    .get(s.organisation_id.as_str())
                    .map_or_else(|| s.organisation_id.clone(), |n| n.to_string()),
            });
    }
    groups
        .into_values()
        .filter(|g| g.listings.len() > 1)
        .map(|mut g| {
            g.listings.sort_by(|a, b| a.service_id.cmp(&b.service_id));
            g
        })
        .collect()
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::sample::events::REFERENCE_DAY;

    #[test]
    fn names_match_whatever_their_case_punctuation_and_ampersands() {
        assert_eq!(
            normalise_name("The Crewe Men's Shed & Garden"),
            "crewe mens shed and garden"
        );
        assert_eq!(
            normalise_name("crewe  mens shed and garden!"),
            "crewe mens shed and garden"
        );
        assert_eq!(normalise_name("The"), "the");
        assert_eq!(postcode_key(" cw1 2ab "), "CW12AB");
    }

    #[test]
    fn the_sample_directory_has_no_likely_duplicates() {
        let directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        assert_eq!(likely_duplicates(&directory), []);
    }

    #[test]
    fn the_same_group_entered_twice_at_one_postcode_is_a_likely_duplicate() {
        let mut directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let original = directory
            .services
            .iter()
            .find(|s| s.location_id.is_some() && !s.name.to_lowercase().starts_with("the "))
            .expect("a service in a building")
            .clone();
        let building = directory
            .locations
            .iter()
            .find(|l| Some(&l.id) == original.location_id.as_ref())
            .expect("its building")
            .clone();
        // Entered again, by hand, at another record of the same building.
        let again_at = Location {
            id: format!("{}-again", building.id),
            postcode: building.postcode.to_lowercase().replace(' ', ""),
            ..building
        };
        let mut again = original.clone();
        again.id = format!("{}-again", original.id);
        again.name = format!("the {}", original.name.to_uppercase());
        again.location_id = Some(again_at.id.clone());
        directory.locations.push(again_at);
        directory.services.push(again.clone());
        // The same name online is not a duplicate: it has no postcode.
        let mut online = original.clone();
        online.id = format!("{}-online", original.id);
        online.location_id = None;
        directory.services.push(online);

        let groups = likely_duplicates(&directory);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let ids: Vec<&str> = groups[0]
            .listings
            .iter()
            .map(|l| l.service_id.as_str())
            .collect();
        let mut expected = vec![original.id.as_str(), again.id.as_str()];
        expected.sort();
        assert_eq!(ids, expected);
    }
}
