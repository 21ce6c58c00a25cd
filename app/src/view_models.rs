//! What the results and listing pages show, prepared on the server as plain text.
//!
//! The browser only ever decodes these small, flat types (strings and numbers), never the
//! directory's model: that keeps its decoding code, and the date library, out of the
//! hydration bundle, and keeps all wording in one place on the server. The builders are
//! server-only (`ssr`).

use dayfinder::query::{FacetGroup, PlaceNotice};
use serde::{Deserialize, Serialize};

/// One results page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchPage {
    /// The search as it was run, as a query string (`q=club&day=saturday`): words the
    /// engine read as filters come back as filters. The page rebuilds the search from it.
    pub query_string: String,
    /// Plain sentences about parameters that were left out ("We do not recognise ...").
    pub problems: Vec<String>,
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub last_page: usize,
    pub hits: Vec<HitCard>,
    pub facets: Vec<FacetGroup>,
    /// The place searched around, as named back: "Crewe", "CW11 1AA".
    pub place_found: Option<String>,
    pub place_notice: Option<PlaceNotice>,
    /// Words of the question taken as filters ("Saturday", "near Crewe").
    pub understood: Vec<String>,
    /// Listings found only by their own words, in sentences: "3 more mention a hearing
    /// loop in their description and are listed after the others."
    #[serde(default)]
    pub text_matches: Vec<String>,
    /// The place searched around is outside the council's area, in a sentence.
    #[serde(default)]
    pub outside_area: Option<String>,
}

/// One result as its card shows it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HitCard {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
    /// "Crewe, 1.2 miles away".
    pub place: String,
    /// "Monday and Friday", "Arranged with you".
    pub days: String,
    pub cost: String,
    pub tier: String,
    pub vacancy: Tag,
    /// "Checked 3 days ago (29 November 2026)"; empty when the card does not know.
    pub vacancy_checked: String,
    /// Not reviewed for six months: the card says it may be out of date.
    pub out_of_date: bool,
    /// "Step-free access, Hoist and 2 more"; empty when none are known.
    pub access: String,
}

/// A coloured label: "Spaces available" in green.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    pub label: String,
    /// CSS classes: `tag tag--green`.
    pub class: String,
}

/// A row of a summary list; `href` makes the value a link (phone, email, website).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Fact {
    pub key: String,
    pub value: String,
    pub href: Option<String>,
}

/// One row of a weekly timetable.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionRow {
    pub day: String,
    pub starts: String,
    pub ends: String,
}

/// Everything a listing's page shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListingSheet {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
    /// The town it is in; empty for outreach and online services.
    pub town: String,
    pub vacancy: Tag,
    /// "28 December 2025".
    pub vacancy_confirmed: String,
    /// "Checked 3 days ago (28 December 2025)".
    #[serde(default)]
    pub vacancy_checked: String,
    /// Not reviewed for six months: the page says it may be out of date.
    #[serde(default)]
    pub out_of_date: bool,
    /// Its provider has an editor on Dayfinder who keeps it.
    #[serde(default)]
    pub managed: bool,
    /// Read from another directory's feed: which, and when it was last read.
    #[serde(default)]
    pub from_feed: Option<String>,
    /// Where, type of support, kind, who it is for, ages, cost.
    pub key_facts: Vec<Fact>,
    pub description: Vec<String>,
    pub activities: Vec<String>,
    pub sessions: Vec<SessionRow>,
    pub schedule_notes: String,
    /// "The course lasts 12 weeks."
    pub duration: Option<String>,
    /// "Memory and dementia and Older people. Ages 50 and over."
    pub who_for: String,
    pub eligibility_notes: String,
    pub cost: Vec<Fact>,
    /// How to get a place: the route's name and what it means.
    pub join: Vec<(String, String)>,
    pub contact: Vec<Fact>,
    /// The address, a line each; empty when it happens at home or online.
    pub address: Vec<String>,
    /// "Online: you take part from home." when there is no address.
    pub no_address: Option<String>,
    pub nearest_town: Option<String>,
    /// "2.3 miles from Crewe", when the person came from a search near a place.
    pub distance: Option<String>,
    pub access: Vec<String>,
    pub access_notes: String,
    pub easy_read: Vec<String>,
    /// "5 March 2025".
    pub last_checked: String,
    /// schema.org JSON-LD, safe to put inside a `<script>` element.
    pub json_ld: String,
    /// The page's full address, to copy and send ("https://dayfinder.example/services/x").
    pub share_url: String,
}

#[cfg(feature = "ssr")]
mod build {
    use dayfinder::model::{
        AccessFeature, JoinRoute, Kind, Listing, Term, VacancyStatus, format_pounds,
    };
    use dayfinder::query::{Hit, SearchQuery, SearchResults, TextMatch};

    use super::*;
    use crate::components::format;
    use crate::profile::SiteProfile;

    /// How many access features a card names before "and more".
    const ACCESS_ON_CARD: usize = 4;

    fn tag(status: VacancyStatus) -> Tag {
        let colour = match status {
            VacancyStatus::Spaces => "green",
            VacancyStatus::WaitingList => "yellow",
            VacancyStatus::Full => "grey",
        };
        Tag {
            label: status.label().to_string(),
            class: format!("tag tag--{colour}"),
        }
    }

    fn fact(key: &str, value: impl Into<String>) -> Fact {
        Fact {
            key: key.to_string(),
            value: value.into(),
            href: None,
        }
    }

    impl SearchPage {
        /// A results page from the search as run and its results.
        pub fn new(query: &SearchQuery, problems: Vec<String>, results: SearchResults) -> Self {
            let last_page = results.total_pages();
            let text_matches = text_matches(&results);
            SearchPage {
                query_string: crate::urls::search_query_string(query),
                problems,
                total: results.total,
                page: results.page,
                per_page: results.per_page,
                last_page,
                hits: results.hits.into_iter().map(HitCard::from).collect(),
                facets: results.facets,
                place_found: results.place.map(|p| p.name),
                place_notice: results.place_notice,
                understood: results.understood,
                text_matches,
                outside_area: None,
            }
        }
    }

    /// "3 more mention a hearing loop in their description and are listed after the
    /// others."; "3 mention ..." when no listing's facts matched.
    fn text_matches(results: &SearchResults) -> Vec<String> {
        let by_words: usize = results.text_matches.iter().map(|m| m.count).sum();
        let more = if by_words < results.total {
            " more"
        } else {
            ""
        };
        let after = |one: bool| match (more.is_empty(), one) {
            (true, _) => "",
            (false, true) => " and is listed after the others",
            (false, false) => " and are listed after the others",
        };
        results
            .text_matches
            .iter()
            .map(|TextMatch { mentions, count }| match count {
                1 => format!(
                    "1{more} mentions {mentions} in its description{}.",
                    after(true)
                ),
                n => format!(
                    "{n}{more} mention {mentions} in their description{}.",
                    after(false)
                ),
            })
            .collect()
    }

    #[cfg(test)]
    #[test]
    fn listings_found_by_their_words_are_said_in_plain_words() {
        let mut results = SearchResults {
            total: 5,
            text_matches: vec![TextMatch {
                mentions: "a hearing loop".into(),
                count: 3,
            }],
            ..Default::default()
        };
        assert_eq!(
            text_matches(&results),
            ["3 more mention a hearing loop in their description and are listed after the others."]
        );
        results.total = 3;
        assert_eq!(
            text_matches(&results),
            ["3 mention a hearing loop in their description."]
        );
        results.total = 1;
        results.text_matches[0].count = 1;
        assert_eq!(
            text_matches(&results),
            ["1 mentions a hearing loop in its description."]
        );
    }

    impl From<Hit> for HitCard {
        fn from(hit: Hit) -> Self {
            let place = match hit.distance_miles {
                Some(d) => format!("{}, {} away", hit.town, format::miles(d)),
                None => hit.town.clone(),
            };
            let days = if hit.days.is_empty() {
                "Arranged with you".to_string()
            } else {
                format::labels(&hit.days)
            };
            let mut access: Vec<String> = hit
                .access
                .iter()
                .take(ACCESS_ON_CARD)
                .map(|a| a.label().to_string())
                .collect();
            if hit.access.len() > ACCESS_ON_CARD {
                access.push(format!("{} more", hit.access.len() - ACCESS_ON_CARD));
            }
            let today = dayfinder::engine::uk_today();
            HitCard {
                id: hit.id,
                name: hit.name,
                organisation: hit.organisation,
                summary: hit.summary,
                place,
                days,
                cost: hit.cost,
                tier: hit.tier.label().to_string(),
                vacancy: tag(hit.vacancy),
                vacancy_checked: hit
                    .vacancy_confirmed
                    .map(|confirmed| super::freshness::checked(confirmed, today))
                    .unwrap_or_default(),
                out_of_date: hit
                    .last_reviewed
                    .is_some_and(|reviewed| super::freshness::is_stale(reviewed, today)),
                access: format::and_list(&access),
            }
        }
    }

    /// What each way of joining means, in plain words; the council's care assessment line
    /// comes from its profile.
    fn join_explained(route: JoinRoute, profile: &SiteProfile) -> String {
        match route {
            JoinRoute::SelfReferral => {
                "You can contact the service yourself to ask about a place or a taster visit."
                    .into()
            }
            JoinRoute::Carer => {
                "A family member, friend or carer can contact the service for you.".into()
            }
            JoinRoute::SocialWorker => format!(
                "Ask {} for a care assessment (phone {}). A social worker talks with you about what you need; \
                 if you are eligible, the council can arrange and pay for some or all of a place.",
                profile.names.council, profile.care_assessment.phone
            ),
        }
    }

    impl ListingSheet {
        /// A listing's page, with its nearest town and its distance from where the person
        /// searched ("2.3 miles from Crewe"), when known.
        pub fn new(
            listing: &Listing,
            nearest_town: Option<String>,
            distance: Option<String>,
        ) -> Self {
            let profile = SiteProfile::get();
            let Listing {
                service,
                organisation,
                location,
            } = listing;
            let town = location
                .as_ref()
                .map(|l| l.town.clone())
                .unwrap_or_default();
            let e = &service.eligibility;
            let ages = match e.maximum_age {
                Some(max) => format!("{} to {max}", e.minimum_age),
                None => format!("{} and over", e.minimum_age),
            };
            let where_ = match &distance {
                Some(d) if !town.is_empty() => format!("{town} ({d})"),
                _ => town.clone(),
            };
            let mut sessions = service.sessions.clone();
            sessions.sort_by_key(|s| (s.day.index(), s.start));
            let contact = &service.contact;
            let mut contact_rows = vec![fact("Provider", organisation.name.clone())];
            if let Some(name) = &contact.name {
                contact_rows.push(fact("Name", name.clone()));
            }
            if let Some(phone) = contact.phone.as_ref().or(organisation.phone.as_ref()) {
                contact_rows.push(Fact {
                    href: Some(format!("tel:{}", phone.replace(' ', ""))),
                    ..fact("Phone", phone.clone())
                });
            }
            if let Some(email) = contact.email.as_ref().or(organisation.email.as_ref()) {
                contact_rows.push(Fact {
                    href: Some(format!("mailto:{email}")),
                    ..fact("Email", email.clone())
                });
            }
            // Only an http(s) address is linked; anything else stored is not shown.
            if let Some(site) = dayfinder::model::WebAddress::link(contact.website.as_ref())
                .or_else(|| dayfinder::model::WebAddress::link(organisation.website.as_ref()))
            {
                contact_rows.push(Fact {
                    href: Some(site.to_string()),
                    ..fact("Website", site.to_string())
                });
            }
            let mut access: Vec<String> = location
                .iter()
                .flat_map(|l| l.accessibility.iter())
                .filter(|a| !(service.transport && **a == AccessFeature::Transport))
                .map(|a| a.label().to_string())
                .collect();
            if service.transport {
                access.push("Transport to and from the service can be arranged".to_string());
            }
            ListingSheet {
                id: service.id.clone(),
                name: service.name.clone(),
                organisation: organisation.name.clone(),
                summary: service.summary.clone(),
                town: town.clone(),
                vacancy: tag(service.vacancy.status),
                vacancy_confirmed: format::long_date(service.vacancy.confirmed),
                vacancy_checked: super::freshness::checked(
                    service.vacancy.confirmed,
                    dayfinder::engine::uk_today(),
                ),
                out_of_date: super::freshness::is_stale(
                    service.last_reviewed,
                    dayfinder::engine::uk_today(),
                ),
                managed: false,
                from_feed: None,
                key_facts: [
                    fact("Where", where_),
                    fact("Type of support", service.tier.label()),
                    fact("Kind", format::labels(&service.kinds)),
                    fact("Who it is for", format::labels(&service.needs)),
                    fact("Ages", ages.clone()),
                    fact("Cost", service.cost.summary()),
                ]
                .into_iter()
                .filter(|f| !f.value.trim().is_empty())
                .collect(),
                description: paragraphs(&service.description, "\n\n"),
                activities: service.activities.clone(),
                sessions: sessions
                    .iter()
                    .map(|s| SessionRow {
                        day: s.day.label().to_string(),
                        starts: s.start.friendly(),
                        ends: s.end.friendly(),
                    })
                    .collect(),
                schedule_notes: if service.sessions.is_empty() && service.schedule_notes.is_empty()
                {
                    "Times are arranged with you.".to_string()
                } else {
                    service.schedule_notes.clone()
                },
                duration: service
                    .duration_weeks
                    .map(|w| format!("The course lasts {w} weeks.")),
                who_for: format!("{}. Ages {ages}.", format::labels(&service.needs)),
                eligibility_notes: e.notes.clone(),
                cost: [
                    fact(
                        "Price",
                        service
                            .cost
                            .price_per_session_pence
                            .map(|p| format!("{} a session", format_pounds(p)))
                            .unwrap_or_default(),
                    ),
                    fact("Ways to pay", format::labels(&service.cost.kinds)),
                    fact("Notes", service.cost.notes.clone()),
                ]
                .into_iter()
                .filter(|f| !f.value.trim().is_empty())
                .collect(),
                join: service
                    .join
                    .iter()
                    .map(|&r| (r.label().to_string(), join_explained(r, &profile)))
                    .collect(),
                contact: contact_rows,
                address: location
                    .iter()
                    .flat_map(|l| [&l.name, &l.address, &l.town, &l.postcode])
                    .filter(|line| !line.trim().is_empty())
                    .cloned()
                    .collect(),
                no_address: location.is_none().then(|| {
                    if service.kinds.contains(&Kind::Online) {
                        "Online: you take part from home.".to_string()
                    } else {
                        "The service comes to you at home.".to_string()
                    }
                }),
                nearest_town: location.as_ref().and(nearest_town),
                distance: location.as_ref().and(distance),
                access,
                access_notes: location
                    .as_ref()
                    .map(|l| l.access_notes.clone())
                    .unwrap_or_default(),
                easy_read: paragraphs(&service.easy_read, "\n"),
                last_checked: format::long_date(service.last_reviewed),
                json_ld: json_ld(listing, &profile.names.area),
                // Set by the caller, which knows the site's public address.
                share_url: format!("/services/{}", service.id),
            }
        }
    }

    fn paragraphs(text: &str, separator: &str) -> Vec<String> {
        text.split(separator)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// schema.org data for search engines, made safe to sit inside a `<script>` element.
    fn json_ld(listing: &Listing, area: &str) -> String {
        let s = &listing.service;
        let mut data = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Service",
            "@id": format!("/services/{}", s.id),
            "name": s.name,
            "description": s.summary,
            "provider": { "@type": "Organization", "name": listing.organisation.name },
            "areaServed": { "@type": "AdministrativeArea", "name": area },
            "hoursAvailable": s.sessions.iter().map(|x| serde_json::json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": format!("https://schema.org/{}", x.day.label()),
                "opens": x.start.to_string(),
                "closes": x.end.to_string(),
            })).collect::<Vec<_>>(),
        });
        if let Some(l) = &listing.location {
            data["location"] = serde_json::json!({
                "@type": "Place",
                "name": l.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": l.address,
                    "addressLocality": l.town,
                    "postalCode": l.postcode,
                    "addressCountry": "GB",
                },
                "geo": { "@type": "GeoCoordinates", "latitude": l.latitude, "longitude": l.longitude },
            });
        }
        if let Some(phone) = s
            .contact
            .phone
            .as_ref()
            .or(listing.organisation.phone.as_ref())
        {
            data["telephone"] = serde_json::json!(phone);
        }
        data.to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// How fresh a listing's facts are, in plain words ("Checked 3 days ago"). Server-only:
/// the browser gets the words, not the dates.
#[cfg(feature = "ssr")]
pub mod freshness {
    use jiff::civil::Date;

    use crate::components::format::long_date;

    // One rule for the public "may be out of date" and the council's stale-listings report.
    pub use dayfinder::quality::stale::{STALE_AFTER_MONTHS, is_stale};

    /// "Checked today (4 May 2026)", "Checked yesterday (...)", "Checked 3 days ago
    /// (...)", "Checked 5 weeks ago (...)", "Checked 7 months ago (...)".
    pub fn checked(confirmed: Date, today: Date) -> String {
        let days = confirmed.until(today).map(|s| s.get_days()).unwrap_or(0);
        let ago = match days {
            ..=0 => "today".to_string(),
            1 => "yesterday".to_string(),
            2..=13 => format!("{days} days ago"),
            14..=59 => format!("{} weeks ago", days / 7),
            _ => {
                let months = confirmed
                    .until((jiff::Unit::Month, today))
                    .map(|s| s.get_months())
                    .unwrap_or(2)
                    .max(2);
                if months >= 12 {
                    "over a year ago".to_string()
                } else {
                    format!("{months} months ago")
                }
            }
        };
        format!("Checked {ago} ({})", long_date(confirmed))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn date(text: &str) -> Date {
            text.parse().unwrap()
        }

        #[test]
        fn a_vacancy_says_how_long_ago_it_was_checked_and_when() {
            let today = date("2026-05-04");
            assert_eq!(checked(today, today), "Checked today (4 May 2026)");
            assert_eq!(
                checked(date("2026-05-03"), today),
                "Checked yesterday (3 May 2026)"
            );
            assert_eq!(
                checked(date("2026-05-01"), today),
                "Checked 3 days ago (1 May 2026)"
            );
            assert_eq!(
                checked(date("2026-03-30"), today),
                "Checked 5 weeks ago (30 March 2026)"
            );
            assert_eq!(
                checked(date("2025-10-01"), today),
                "Checked 7 months ago (1 October 2025)"
            );
            assert_eq!(
                checked(date("2024-01-01"), today),
                "Checked over a year ago (1 January 2024)"
            );
            // A date in the future (a clock put wrong) reads as today, not as nonsense.
            assert_eq!(
                checked(date("2026-05-05"), today),
                "Checked today (5 May 2026)"
            );
        }

        #[test]
        fn a_listing_is_stale_after_six_months_without_review() {
            let today = date("2026-05-04");
            assert!(!is_stale(date("2025-11-05"), today));
            assert!(is_stale(date("2025-11-04"), today));
            assert!(is_stale(date("2024-01-01"), today));
        }
    }
}

/// One group's freshness on the data quality page (`dayfinder::quality::FreshnessRow`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FreshnessLine {
    pub group: String,
    pub listings: usize,
    pub within_6_months: usize,
    pub within_12_months: usize,
    pub never_by_provider: usize,
}

impl FreshnessLine {
    /// "75%" of the group's listings.
    pub fn share(&self, part: usize) -> String {
        if self.listings == 0 {
            return "0%".to_string();
        }
        format!("{}%", (part * 100 + self.listings / 2) / self.listings)
    }
}

/// The data quality page: the whole directory, then by town and by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FreshnessSheet {
    /// "1 December 2026".
    pub today: String,
    pub all: FreshnessLine,
    pub by_town: Vec<FreshnessLine>,
    pub by_kind: Vec<FreshnessLine>,
}
