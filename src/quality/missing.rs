//! Missing facts: what a listing lacks that a resident needs to choose it and get there.
//!
//! Only gaps a resident would notice count. Optional extras (a website, cost notes for a
//! free group, eligibility notes) are not gaps: flagging them on every listing would bury
//! the ones that matter.

use std::collections::BTreeMap;

use crate::model::{CostKind, Directory, Kind, Location, Organisation, Service, Tier};

use super::stale::filled;

/// One thing a listing is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gap {
    /// Neither the service nor its provider gives a phone number or an email address.
    NoPhoneOrEmail,
    /// A day centre, group or course with no building (people cannot find it), unless it
    /// also runs online or at home.
    NoLocation,
    /// Its building has no postcode.
    NoPostcode,
    /// Nothing for easy-read view.
    NoEasyRead,
    /// Happens in a building but gives no days or times, nor says how times are arranged.
    NoSessions,
    /// Says nothing about cost, or is paid per session with no price and no notes.
    NoCost,
    /// No summary for the results page.
    NoSummary,
    /// No description for the listing page.
    NoDescription,
    /// No support need: no need filter finds it.
    NoNeeds,
    /// No kind: no kind filter finds it.
    NoKind,
    /// Does not say how to join.
    NoJoinRoute,
    /// A time-limited course that does not say how many weeks it lasts.
    NoDuration,
}

impl Gap {
    /// Every gap, in the order the page lists them.
    pub fn all() -> &'static [Gap] {
        &[
            Gap::NoPhoneOrEmail,
            Gap::NoLocation,
            Gap::NoPostcode,
            Gap::NoEasyRead,
            Gap::NoSessions,
            Gap::NoCost,
            Gap::NoSummary,
            Gap::NoDescription,
            Gap::NoNeeds,
            Gap::NoKind,
            Gap::NoJoinRoute,
            Gap::NoDuration,
        ]
    }

    /// What is missing, in a council editor's words.
    pub fn label(self) -> &'static str {
        match self {
            Gap::NoPhoneOrEmail => "No phone number or email address",
            Gap::NoLocation => "No address (a day centre, group or course needs one)",
            Gap::NoPostcode => "No postcode for its address",
            Gap::NoEasyRead => "No easy-read summary",
            Gap::NoSessions => "No days or times",
            Gap::NoCost => "Nothing about cost",
            Gap::NoSummary => "No summary",
            Gap::NoDescription => "No description",
            Gap::NoNeeds => "No support needs",
            Gap::NoKind => "No kind of service",
            Gap::NoJoinRoute => "Does not say how to join",
            Gap::NoDuration => "No course length (weeks)",
        }
    }

    /// A short id for URLs and CSV.
    pub fn slug(self) -> &'static str {
        match self {
            Gap::NoPhoneOrEmail => "no-phone-or-email",
            Gap::NoLocation => "no-location",
            Gap::NoPostcode => "no-postcode",
            Gap::NoEasyRead => "no-easy-read",
            Gap::NoSessions => "no-sessions",
            Gap::NoCost => "no-cost",
            Gap::NoSummary => "no-summary",
            Gap::NoDescription => "no-description",
            Gap::NoNeeds => "no-needs",
            Gap::NoKind => "no-kind",
            Gap::NoJoinRoute => "no-join-route",
            Gap::NoDuration => "no-duration",
        }
    }
}

/// Kinds of service that happen in a building, so need an address...
const BUILDING_KINDS: [Kind; 3] = [Kind::DayCentre, Kind::CommunityGroup, Kind::SkillsLearning];
/// ...unless they also happen online, at home or out and about.
const PLACELESS_KINDS: [Kind; 4] = [
    Kind::Online,
    Kind::Outreach,
    Kind::Befriending,
    Kind::SharedLives,
];

/// What one service is missing, in the order of [`Gap`].
pub fn gaps(
    service: &Service,
    organisation: Option<&Organisation>,
    location: Option<&Location>,
) -> Vec<Gap> {
    let blank = |text: &str| text.trim().is_empty();
    let mut out = Vec::new();
    let ways_in = [
        service.contact.phone.clone(),
        service.contact.email.clone(),
        organisation.and_then(|o| o.phone.clone()),
        organisation.and_then(|o| o.email.clone()),
    ];
    let reachable = ways_in.iter().any(|t| filled(t).is_some());
    if !reachable {
        out.push(Gap::NoPhoneOrEmail);
    }
    let needs_building = service.kinds.iter().any(|k| BUILDING_KINDS.contains(k))
        && !service.kinds.iter().any(|k| PLACELESS_KINDS.contains(k));
    match location {
        None if needs_building => out.push(Gap::NoLocation),
        Some(l) if blank(&l.postcode) => out.push(Gap::NoPostcode),
        _ => {}
    }
    if blank(&service.easy_read) {
        out.push(Gap::NoEasyRead);
    }
    if location.is_some() && service.sessions.is_empty() && blank(&service.schedule_notes) {
        out.push(Gap::NoSessions);
    }
    let cost = &service.cost;
    let unpriced = cost.kinds == [CostKind::PaySession]
        && cost.price_per_session_pence.is_none()
        && blank(&cost.notes);
    if (cost.kinds.is_empty() && cost.price_per_session_pence.is_none() && blank(&cost.notes))
        || unpriced
    {
        out.push(Gap::NoCost);
    }
    if blank(&service.summary) {
        out.push(Gap::NoSummary);
    }
    if blank(&service.description) {
        out.push(Gap::NoDescription);
    }
    if service.needs.is_empty() {
        out.push(Gap::NoNeeds);
    }
    if service.kinds.is_empty() {
        out.push(Gap::NoKind);
    }
    if service.join.is_empty() {
        out.push(Gap::NoJoinRoute);
    }
    if service.tier == Tier::Enablement && service.duration_weeks.is_none() {
        out.push(Gap::NoDuration);
    }
    out
}

/// A listing with what it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingGaps {
    pub service_id: String,
    pub service_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub gaps: Vec<Gap>,
}

/// Every listing of `directory` that misses something, most gaps first, then by provider
/// and name.
pub fn listings_with_gaps(directory: &Directory) -> Vec<ListingGaps> {
    let organisations: BTreeMap<&str, &Organisation> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let locations: BTreeMap<&str, &Location> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let mut out: Vec<ListingGaps> = directory
        .services
        .iter()
        .filter_map(|s| {
            let organisation = organisations.get(s.organisation_id.as_str()).copied();
            let location = s
                .location_id
                .as_deref()
                .and_then(|id| locations.get(id))
                .copied();
            let gaps = gaps(s, organisation, location);
            (!gaps.is_empty()).then(|| ListingGaps {
                service_id: s.id.clone(),
                service_name: s.name.clone(),
                organisation_id: s.organisation_id.clone(),
                organisation_name: organisation
                    .map_or_else(|| s.organisation_id.clone(), |o| o.name.clone()),
                gaps,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.gaps
            .len()
            .cmp(&a.gaps.len())
            .then_with(|| a.organisation_name.cmp(&b.organisation_name))
            .then_with(|| a.service_name.cmp(&b.service_name))
            .then_with(|| a.service_id.cmp(&b.service_id))
    });
    out
}

/// How many listings miss each fact, for the page's summary.
pub fn count_by_gap(listings: &[ListingGaps]) -> BTreeMap<Gap, usize> {
    let mut counts = BTreeMap::new();
    for gap in listings.iter().flat_map(|l| &l.gaps) {
        *counts.entry(*gap).or_insert(0) += 1;
    }
    counts
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;
    use crate::model::Session;
    use crate::sample::events::REFERENCE_DAY;

    /// A sample day centre with its provider and building, all complete.
    fn day_centre() -> (Service, Organisation, Location) {
        let directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let service = directory
            .services
            .iter()
            .find(|s| s.id == "brookhouse-day-centre")
            .expect("the sample's day centre")
            .clone();
        let organisation = directory
            .organisations
            .iter()
            .find(|o| o.id == service.organisation_id)
            .expect("its provider")
            .clone();
        let location = directory
            .locations
            .iter()
            .find(|l| Some(&l.id) == service.location_id.as_ref())
            .expect("its building")
            .clone();
        (service, organisation, location)
    }

    #[test]
    fn every_gap_has_its_own_slug() {
        let mut slugs: Vec<&str> = Gap::all().iter().map(|g| g.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Gap::all().len());
    }

    #[test]
    fn a_complete_listing_misses_nothing() {
        let (s, o, l) = day_centre();
        assert_eq!(gaps(&s, Some(&o), Some(&l)), []);
    }

    #[test]
    fn a_listing_with_no_phone_or_email_anywhere_cannot_be_contacted() {
        let (mut s, mut o, l) = day_centre();
        s.contact.phone = Some("  ".into());
        s.contact.email = None;
        o.phone = None;
        o.email = None;
        assert_eq!(gaps(&s, Some(&o), Some(&l)), [Gap::NoPhoneOrEmail]);
        // The provider's email is enough: the listing page shows it.
        o.email = Some("hello@example.org".into());
        assert_eq!(gaps(&s, Some(&o), Some(&l)), []);
    }

    #[test]
    fn a_day_centre_without_an_address_or_times_is_flagged_but_an_online_group_is_not() {
        let (mut s, o, l) = day_centre();
        assert_eq!(gaps(&s, Some(&o), None), [Gap::NoLocation]);
        s.sessions = Vec::<Session>::new();
        s.schedule_notes = String::new();
        assert_eq!(gaps(&s, Some(&o), Some(&l)), [Gap::NoSessions]);
        s.schedule_notes = "Arranged with you".into();
        assert_eq!(gaps(&s, Some(&o), Some(&l)), []);
        s.kinds = vec![Kind::Online];
        assert_eq!(gaps(&s, Some(&o), None), []);
        s.kinds = vec![Kind::CommunityGroup, Kind::Online];
        assert_eq!(gaps(&s, Some(&o), None), []);
    }

    #[test]
    fn empty_easy_read_summary_and_cost_are_flagged() {
        let (mut s, o, l) = day_centre();
        s.easy_read = " ".into();
        s.summary = String::new();
        s.cost.kinds = vec![CostKind::PaySession];
        s.cost.price_per_session_pence = None;
        s.cost.notes = String::new();
        assert_eq!(
            gaps(&s, Some(&o), Some(&l)),
            [Gap::NoEasyRead, Gap::NoCost, Gap::NoSummary]
        );
        s.cost.kinds = vec![CostKind::Free];
        assert!(!gaps(&s, Some(&o), Some(&l)).contains(&Gap::NoCost));
    }

    #[test]
    fn the_sample_directory_is_complete() {
        let directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        assert_eq!(listings_with_gaps(&directory), []);
    }

    #[test]
    fn the_report_lists_the_worst_listings_first_and_skips_complete_ones() {
        let mut directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let before = listings_with_gaps(&directory).len();
        let worst = &mut directory.services[0];
        worst.easy_read.clear();
        worst.summary.clear();
        worst.description.clear();
        worst.needs.clear();
        let id = worst.id.clone();
        let report = listings_with_gaps(&directory);
        assert_eq!(report[0].service_id, id);
        assert!(report.len() <= before + 1);
        assert!(report.iter().all(|l| !l.gaps.is_empty()));
        let counts = count_by_gap(&report);
        assert!(counts[&Gap::NoEasyRead] >= 1);
    }
}
