//! The council profile as pages show it: the council's and the area's names and the
//! contact routes, in plain strings (the core's `dayfinder::profile::CouncilProfile` is
//! read and checked once when the server starts).
//!
//! The server puts a [`SiteProfile`] in context for every page. Pages only the server
//! renders read all of it. Hydrated pages (home, results, listing, and the layout around
//! them) show only [`SiteNames`]: the server writes those on `<html>` (`data-council`,
//! `data-area`, `data-tagline`, `data-towns`, `data-example-postcode`) and the browser reads them from there when it hydrates,
//! so both render the same text. Anything else a hydrated page shows from the profile
//! travels in its page data (a listing's care assessment words, its structured data).

use leptos::prelude::*;

/// The names every page may show, in the browser too.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteNames {
    /// The council's name, as a sentence says it.
    pub council: String,
    /// The area's name, as a sentence says it.
    pub area: String,
    /// Under the site's name on every page.
    pub tagline: String,
    /// The guided search's town buttons, in order.
    pub towns: Vec<String>,
    /// A postcode of the area for the forms' hints ("CW1 2BJ"), or an outward code.
    pub example_postcode: String,
}

/// One route into the council, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactLines {
    /// "0300 123 5010".
    pub phone: String,
    /// "tel:03001235010".
    pub phone_href: String,
    pub email: Option<String>,
    pub web: String,
}

/// Everything pages say from the profile (server only).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteProfile {
    pub names: SiteNames,
    /// Every page's description for search engines.
    pub description: String,
    pub website: String,
    pub care_assessment: ContactLines,
    pub carers_assessment: ContactLines,
    pub adult_social_care: ContactLines,
    pub data_controller: String,
    pub privacy_contact: ContactLines,
    pub accessibility_contact: ContactLines,
    /// "1 May 2025".
    pub audit_date: String,
    /// Working days providers have to answer an enquiry.
    pub enquiry_response_days: u32,
    /// Months after an enquiry's last step that the asker's details are erased.
    pub enquiry_keep_months: u32,
}

impl SiteProfile {
    /// The profile in context: on the server, always there.
    pub fn get() -> SiteProfile {
        use_context::<SiteProfile>().unwrap_or_else(|| {
            #[cfg(feature = "ssr")]
            tracing::error!("the council profile is not in context");
            SiteProfile::default()
        })
    }
}

#[cfg(feature = "ssr")]
impl From<&dayfinder::profile::CouncilProfile> for SiteProfile {
    fn from(p: &dayfinder::profile::CouncilProfile) -> Self {
        let lines = |route: &dayfinder::profile::ContactRoute| ContactLines {
            phone: route.phone.to_string(),
            phone_href: format!("tel:{}", route.phone.dial()),
            email: route.email.as_ref().map(ToString::to_string),
            web: route.web.to_string(),
        };
        SiteProfile {
            names: SiteNames {
                council: p.council.name.to_string(),
                area: p.area.name.to_string(),
                tagline: p.site.tagline.to_string(),
                towns: Vec::new(),
                example_postcode: p.area.example_postcode(),
            },
            description: p.site.description.to_string(),
            website: p.council.website.to_string(),
            care_assessment: lines(&p.contacts.care_assessment),
            carers_assessment: lines(&p.contacts.carers_assessment),
            adult_social_care: lines(&p.contacts.adult_social_care),
            data_controller: p.privacy.data_controller.to_string(),
            privacy_contact: lines(&p.privacy.contact),
            accessibility_contact: lines(&p.accessibility.contact),
            audit_date: crate::components::format::long_date(p.accessibility.audit_date.0),
            enquiry_response_days: p.enquiries.response_working_days,
            enquiry_keep_months: p.enquiries.keep_months,
        }
    }
}

#[cfg(feature = "ssr")]
impl SiteProfile {
    /// This profile with the area's towns as they are now: the profile's own list, or the
    /// towns in the area's outward codes with the most listings (a places import or a new
    /// feed changes them; before a places import, the built-in table's that are there).
    pub fn with_places(
        mut self,
        council: &dayfinder::profile::CouncilProfile,
        places: &dayfinder::places::Gazetteer,
    ) -> SiteProfile {
        use dayfinder::profile::GuideTowns;
        let towns = match &council.area.towns {
            Some(towns) => towns.as_slice().to_vec(),
            None => places
                .towns()
                .iter()
                .filter(|t| {
                    let area = council.area.outward_codes.as_slice();
                    t.postcode_districts
                        .iter()
                        .any(|d| area.iter().any(|a| a == d))
                })
                .take(GuideTowns::MOST)
                .map(|t| t.name.to_string())
                .collect(),
        };
        self.names.towns = towns;
        self
    }
}

/// Town names joined for an attribute on `<html>`: no town's name holds a line break
/// (the profile's are one line each, the gazetteer's have their spaces collapsed).
const TOWN_SEPARATOR: char = '\n';

impl SiteNames {
    /// A place to type, for the forms' hints: "Crewe or CW1 2BJ".
    pub fn example_place(&self) -> String {
        match self.towns.first() {
            Some(town) => format!("{town} or {}", self.example_postcode),
            None => self.example_postcode.clone(),
        }
    }

    /// The towns as `<html data-towns>` holds them.
    pub fn towns_attribute(&self) -> String {
        self.towns.join(&TOWN_SEPARATOR.to_string())
    }

    /// The names of the page being rendered: on the server from the profile in context, in
    /// the browser from what the server wrote on `<html>`.
    pub fn detect() -> SiteNames {
        #[cfg(feature = "ssr")]
        {
            SiteProfile::get().names
        }
        #[cfg(not(feature = "ssr"))]
        {
            let html = document().document_element();
            let read = |name: &str| {
                html.as_ref()
                    .and_then(|h| h.get_attribute(name))
                    .unwrap_or_default()
            };
            SiteNames {
                council: read("data-council"),
                area: read("data-area"),
                tagline: read("data-tagline"),
                towns: read("data-towns")
                    .split(TOWN_SEPARATOR)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect(),
                example_postcode: read("data-example-postcode"),
            }
        }
    }

    /// Puts the names in context for every page below.
    pub fn provide() -> SiteNames {
        let names = SiteNames::detect();
        provide_context(names.clone());
        names
    }

    /// The names in context.
    pub fn get() -> SiteNames {
        use_context::<SiteNames>().unwrap_or_default()
    }
}

/// "phone 0300 123 5010, email care@example.gov.uk, or go to the council's website": the
/// ways in, as links, to put in a sentence.
#[component]
pub fn ContactWays(lines: ContactLines) -> impl IntoView {
    let ContactLines {
        phone,
        phone_href,
        email,
        web,
    } = lines;
    view! {
        "phone " <a class="link" href=phone_href>{phone}</a>
        {email.map(|email| {
            let href = format!("mailto:{email}");
            view! { ", email " <a class="link" href=href>{email}</a> }
        })}
        ", or " <a class="link" href=web>"go to their website"</a>
    }
}
