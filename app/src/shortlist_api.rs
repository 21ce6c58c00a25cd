//! What the list, shared list, compare and print pages show, and the server functions that
//! make it. The visitor's list is read from their `list` cookie on the server (see
//! `shortlist.rs`); changes to it are plain POST forms handled by the server
//! (`dayfinder_server::shortlist`), so none of this needs JavaScript.

use crate::codec::Postcard;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::easy_read_data::{EasyCard, Point, Section};
use crate::error::AppError;
use crate::view_models::{ListingSheet, Tag};

/// One listing on a list, as the list pages show it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListEntry {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
    /// "Crewe", "Online".
    pub place: String,
    /// "Monday and Friday", "Arranged with you".
    pub days: String,
    pub cost: String,
    pub vacancy: Tag,
}

/// The "My list" page, or a list someone shared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListPage {
    pub entries: Vec<ListEntry>,
    /// The share link, whole (`http://host/my-list/shared?ids=a,b`).
    pub share_url: String,
    /// The ids, as the share link's `ids` parameter (`a,b`).
    pub ids: String,
    /// How many ids named nothing in the directory (closed, or a mistyped link).
    pub gone: usize,
    /// A confirmation to show at the top ("Your list has been cleared").
    pub notice: Option<String>,
    /// An important message to show at the top ("Your list is full").
    pub warning: Option<String>,
}

/// One listing in the compare table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CompareColumn {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub place: String,
    /// "Monday, 10am to 3pm", a line each; or how times are arranged.
    pub times: Vec<String>,
    pub cost: Vec<String>,
    pub join: Vec<String>,
    pub access: Vec<String>,
    pub vacancy: Tag,
    pub who_for: String,
    /// "2.3 miles from Crewe town centre", when a place was given.
    pub distance: Option<String>,
}

/// The compare page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ComparePage {
    pub columns: Vec<CompareColumn>,
    /// More than four were asked for: the listings to choose from instead.
    pub too_many: Vec<(String, String)>,
    /// How many ids named nothing in the directory.
    pub gone: usize,
    /// The place typed, as typed.
    pub near: String,
    /// The place as understood ("Crewe", "CW1 2AB").
    pub place_found: Option<String>,
    /// Why the place could not be used, with places it may have meant.
    pub place_problem: Option<(String, Vec<String>)>,
    /// The ids compared, as a share link's `ids` parameter.
    pub ids: String,
}

/// A picture from `/icons/`, with its text alternative.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Picture {
    pub src: String,
    pub alt: String,
}

/// One listing on the easy-read sheet, in short sentences with pictures, made by the same
/// builder as the easy-read listing page (`components::easy_read_data::build`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasySheetEntry {
    /// Its easy-read summary, a sentence each.
    pub about: Vec<Point>,
    /// The address, getting in, and transport when the listing offers it.
    pub getting_there: Vec<Point>,
    pub when: Vec<Point>,
    pub cost: Vec<Point>,
    /// The number to phone, as written ("01632 960550"), and its `tel:` link.
    pub phone: Option<(String, String)>,
    /// Who to ask for, an email address, who runs it.
    pub contact: Vec<Point>,
}

/// One place on a list in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyListEntry {
    pub id: String,
    pub card: EasyCard,
}

/// "My list", or a list someone shared, in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyListPage {
    pub entries: Vec<EasyListEntry>,
    /// The share link, whole.
    pub share_url: String,
    /// The ids, as the share link's `ids` parameter.
    pub ids: String,
    /// How many ids named nothing in the directory.
    pub gone: usize,
    /// What the change just made did, in easy words.
    pub notice: Option<String>,
    /// An important message ("Your list is full.").
    pub warning: Option<String>,
}

/// One place on the easy-read compare page: a stacked card, not a table column.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyComparePlace {
    pub id: String,
    pub name: String,
    /// The first sentence of its easy-read summary.
    pub about: Vec<Point>,
    /// When, cost, where and getting in, spaces.
    pub sections: Vec<Section>,
}

/// The compare page in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyComparePage {
    pub places: Vec<EasyComparePlace>,
    /// More than four were asked for: the listings to choose from instead.
    pub too_many: Vec<(String, String)>,
    pub gone: usize,
    pub ids: String,
}

/// One listing on the printed sheet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PrintEntry {
    pub sheet: ListingSheet,
    /// The listing's page, whole, to read on paper.
    pub url: String,
    /// The picture of what kind of thing it is, for the easy-read sheet.
    pub picture: Option<Picture>,
    pub easy: EasySheetEntry,
}

/// The sheet to print or save as PDF.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PrintSheet {
    pub entries: Vec<PrintEntry>,
    pub gone: usize,
    /// The ids printed, as a share link's `ids` parameter.
    pub ids: String,
    /// The share link of this list, whole.
    pub share_url: String,
    /// "5 March 2026": when it was printed.
    pub date: String,
}

/// The ids in the visitor's list, for the header's count and the add / remove buttons.
#[server(endpoint = "my-list-ids", input = Postcard, output = Postcard)]
pub async fn my_list_ids() -> Result<Vec<String>, AppError> {
    Ok(ssr::cookie_list().ids().to_vec())
}

/// The visitor's list (`/my-list`), with a notice from the change just made (`done=cleared`).
#[server(endpoint = "my-list", input = Postcard, output = Postcard)]
pub async fn my_list_page(query_string: String) -> Result<ListPage, AppError> {
    let params = crate::urls::decode(&query_string);
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let list = ssr::cookie_list();
    let mut page = ssr::list_page(list).await?;
    let removed = param("removed").map(ssr::listing_name);
    page.notice = match (param("done"), removed) {
        (_, Some(name)) => Some(format!("{} has been removed from your list.", name.await)),
        (Some("cleared"), _) => Some("Your list has been cleared.".to_string()),
        (Some("saved"), _) => Some("The shared listings have been saved to your list.".to_string()),
        _ => None,
    };
    page.warning = match param("done") {
        Some("full") => Some(format!(
            "Your list is full: it can hold {} day opportunities. Remove one to add another.",
            crate::shortlist::MAX
        )),
        _ => None,
    };
    Ok(page)
}

/// A list from a share link (`/my-list/shared?ids=a,b,c`).
#[server(endpoint = "shared-list", input = Postcard, output = Postcard)]
pub async fn shared_list_page(query_string: String) -> Result<ListPage, AppError> {
    let list = ssr::link_list(&query_string, crate::shortlist::MAX);
    ssr::list_page(list).await
}

/// Listings side by side (`/compare?ids=a,b&near=Crewe`); `id=a&id=b` works too.
#[server(endpoint = "compare", input = Postcard, output = Postcard)]
pub async fn compare_listings(query_string: String) -> Result<ComparePage, AppError> {
    ssr::compare_page(&query_string).await
}

/// The sheet to print (`/my-list/print`): the visitor's list, or the ids given (`ids=a,b`).
#[server(endpoint = "print-sheet", input = Postcard, output = Postcard)]
pub async fn prepare_print_sheet(query_string: String) -> Result<PrintSheet, AppError> {
    ssr::print_sheet(&query_string).await
}

/// The visitor's list in easy read, with what the change just made did (`removed=id`).
#[server(endpoint = "easy-my-list", input = Postcard, output = Postcard)]
pub async fn easy_my_list_page(query_string: String) -> Result<EasyListPage, AppError> {
    let params = crate::urls::decode(&query_string);
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut page = ssr::easy_list_page(ssr::cookie_list()).await?;
    let removed = param("removed").map(ssr::listing_name);
    page.notice = match (param("done"), removed) {
        (_, Some(name)) => Some(format!("{} is off your list now.", name.await)),
        (Some("cleared"), _) => Some("Your list is empty now.".to_string()),
        (Some("saved"), _) => Some("We saved the places to your list.".to_string()),
        _ => None,
    };
    page.warning = match param("done") {
        Some("full") => Some(format!(
            "Your list is full. It can hold {} places. Take one off to add a new one.",
            crate::shortlist::MAX
        )),
        _ => None,
    };
    Ok(page)
}

/// A list from a share link, in easy read.
#[server(endpoint = "easy-shared-list", input = Postcard, output = Postcard)]
pub async fn easy_shared_list_page(query_string: String) -> Result<EasyListPage, AppError> {
    let list = ssr::link_list(&query_string, crate::shortlist::MAX);
    ssr::easy_list_page(list).await
}

/// Places one under the other, in easy read (`/compare?ids=a,b`).
#[server(endpoint = "easy-compare", input = Postcard, output = Postcard)]
pub async fn easy_compare_listings(query_string: String) -> Result<EasyComparePage, AppError> {
    ssr::easy_compare_page(&query_string).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use std::path::PathBuf;

    use dayfinder::model::{AccessFeature, Listing, Term};
    use leptos::prelude::*;

    use super::*;
    use crate::components::easy_read_data::{EasyListing, build, link_words};
    use crate::components::format;
    use crate::shortlist::{COMPARE_MAX, MAX, Shortlist};
    use crate::ssr::{blocking, engine, place_listing, public_origin};

    /// The list in the request's cookie.
    pub fn cookie_list() -> Shortlist {
        use_context::<http::request::Parts>()
            .map(|parts| Shortlist::from_headers(&parts.headers))
            .unwrap_or_default()
    }

    /// The ids a link gives, in `ids=a,b,c` and in `id=a&id=b` (a form of checkboxes).
    pub fn link_list(query_string: &str, limit: usize) -> Shortlist {
        let ids: Vec<String> = crate::urls::decode(query_string)
            .into_iter()
            .filter(|(k, _)| k == "ids" || k == "id")
            .map(|(_, v)| v)
            .collect();
        Shortlist::from_link(&ids.join(","), limit)
    }

    /// The listings a list names, in its order, and how many it names that do not exist.
    async fn listings(list: &Shortlist) -> Result<(Vec<Listing>, usize), AppError> {
        let engine = engine()?;
        let ids = list.ids().to_vec();
        blocking("read the listings of a list", move || {
            let mut found = Vec::new();
            for id in &ids {
                if let Some(listing) = engine.listing(id)? {
                    found.push(listing);
                }
            }
            let gone = ids.len() - found.len();
            Ok((found, gone))
        })
        .await
    }

    /// A listing's name, or "The listing" when it cannot be found.
    pub async fn listing_name(id: &str) -> String {
        let list = Shortlist::from_link(id, 1);
        match listings(&list).await {
            Ok((found, _)) if !found.is_empty() => found[0].service.name.clone(),
            _ => "The listing".to_string(),
        }
    }

    fn days(listing: &Listing) -> String {
        let mut days: Vec<_> = listing.service.sessions.iter().map(|s| s.day).collect();
        days.sort_by_key(|d| d.index());
        days.dedup();
        if days.is_empty() {
            "Arranged with you".to_string()
        } else {
            format::labels(&days)
        }
    }

    fn place(listing: &Listing) -> String {
        match &listing.location {
            Some(location) => location.town.clone(),
            None if listing
                .service
                .kinds
                .contains(&dayfinder::model::Kind::Online) =>
            {
                "Online".to_string()
            }
            None => "At home".to_string(),
        }
    }

    fn entry(listing: &Listing) -> ListEntry {
        let sheet = ListingSheet::new(listing, None, None);
        ListEntry {
            id: sheet.id,
            name: sheet.name,
            organisation: sheet.organisation,
            summary: sheet.summary,
            place: place(listing),
            days: days(listing),
            cost: listing.service.cost.summary(),
            vacancy: sheet.vacancy,
        }
    }

    /// A list's page: its listings and its share link.
    pub async fn list_page(list: Shortlist) -> Result<ListPage, AppError> {
        let (found, gone) = listings(&list).await?;
        let mut kept = list;
        kept.retain(|id| found.iter().any(|l| &l.service.id == id));
        Ok(ListPage {
            entries: found.iter().map(entry).collect(),
            share_url: format!("{}{}", public_origin(), kept.share_path()),
            ids: kept.link_param(),
            gone,
            notice: None,
            warning: None,
        })
    }

    /// A list's page in easy read: a short card for each place.
    pub async fn easy_list_page(list: Shortlist) -> Result<EasyListPage, AppError> {
        let (found, gone) = listings(&list).await?;
        let mut kept = list;
        kept.retain(|id| found.iter().any(|l| &l.service.id == id));
        Ok(EasyListPage {
            entries: found
                .iter()
                .map(|listing| EasyListEntry {
                    id: listing.service.id.clone(),
                    card: build::list_card(listing),
                })
                .collect(),
            share_url: format!("{}{}", public_origin(), kept.share_path()),
            ids: kept.link_param(),
            gone,
            notice: None,
            warning: None,
        })
    }

    /// A point in easy words, with the glossary's words linked.
    fn easy_point(picture: &str, text: &str) -> Point {
        Point {
            picture: picture.to_string(),
            words: link_words(text, &mut Vec::new()),
            href: None,
        }
    }

    /// The points of a listing's easy-read section (`"When"`, `"Cost"`...).
    fn section(listing: &EasyListing, heading: &str) -> Vec<Point> {
        listing
            .sections
            .iter()
            .find(|s| s.heading == heading)
            .map(|s| s.points.clone())
            .unwrap_or_default()
    }

    /// The cost sentences the checker passes; the jargon ones ("direct payment") are for
    /// the listing page, where they link to their meaning.
    fn plain_cost(listing: &EasyListing) -> Vec<Point> {
        let cost: Vec<Point> = section(listing, "Cost")
            .into_iter()
            .filter_map(build::checked)
            .collect();
        if cost.is_empty() {
            vec![easy_point("cost", "Ask them what it costs.")]
        } else {
            cost
        }
    }

    /// One place on the easy-read compare page, from its easy-read listing.
    fn compare_place(listing: &Listing) -> EasyComparePlace {
        let easy = build::listing(listing, None);
        let card = build::list_card(listing);
        let mut where_: Vec<Point> = card
            .points
            .iter()
            .take(1)
            .cloned()
            .chain(
                section(&easy, "Where")
                    .into_iter()
                    .filter(|p| p.picture != "address"),
            )
            .collect();
        let parking = listing
            .location
            .as_ref()
            .is_some_and(|l| l.accessibility.contains(&AccessFeature::Parking));
        if parking {
            where_.push(easy_point("parking", "There is parking."));
        }
        if listing.location.is_some() && where_.len() == 1 {
            where_.push(easy_point("info", "Ask them how to get in."));
        }
        let spaces = section(&easy, "How to join")
            .into_iter()
            .filter(|p| p.picture == "spaces")
            .collect();
        EasyComparePlace {
            id: easy.id.clone(),
            name: easy.name.clone(),
            about: card.about,
            sections: vec![
                Section {
                    heading: "When".into(),
                    points: section(&easy, "When"),
                },
                Section {
                    heading: "Cost".into(),
                    points: plain_cost(&easy),
                },
                Section {
                    heading: "Where and getting in".into(),
                    points: where_,
                },
                Section {
                    heading: "Spaces".into(),
                    points: spaces,
                },
            ],
        }
    }

    pub async fn easy_compare_page(query_string: &str) -> Result<EasyComparePage, AppError> {
        // Read past the limit, to tell the person they chose too many.
        let list = link_list(query_string, MAX);
        let (found, gone) = listings(&list).await?;
        let mut page = EasyComparePage {
            gone,
            ids: list.link_param(),
            ..EasyComparePage::default()
        };
        if found.len() > COMPARE_MAX {
            crate::ssr::set_status(400);
            page.too_many = found
                .iter()
                .map(|l| (l.service.id.clone(), l.service.name.clone()))
                .collect();
            return Ok(page);
        }
        page.places = found.iter().map(compare_place).collect();
        Ok(page)
    }

    /// A listing on the easy-read sheet: what it is, how to get there, when, what it costs
    /// and who to phone.
    fn easy_sheet_entry(listing: &Listing) -> EasySheetEntry {
        let easy = build::listing(listing, None);
        let contact = section(&easy, "Contact");
        let phone = contact.iter().find(|p| p.picture == "phone").and_then(|p| {
            let text: String = p.words.iter().map(|w| w.text.as_str()).collect();
            let number = text.strip_prefix("Phone ")?.to_string();
            Some((number, p.href.clone()?))
        });
        EasySheetEntry {
            about: easy.about.clone(),
            getting_there: section(&easy, "Where"),
            when: section(&easy, "When"),
            cost: plain_cost(&easy),
            phone,
            contact: contact
                .into_iter()
                .filter(|p| p.picture != "phone")
                .collect(),
        }
    }

    /// "Monday, 10am to 3pm", a line each; or how times are arranged.
    fn times(sheet: &ListingSheet) -> Vec<String> {
        let mut lines: Vec<String> = sheet
            .sessions
            .iter()
            .map(|s| format!("{}, {} to {}", s.day, s.starts, s.ends))
            .collect();
        if !sheet.schedule_notes.trim().is_empty() {
            lines.push(sheet.schedule_notes.clone());
        }
        lines
    }

    pub async fn compare_page(query_string: &str) -> Result<ComparePage, AppError> {
        let params = crate::urls::decode(query_string);
        let near = params
            .iter()
            .find(|(k, _)| k == "near")
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        // Read past the limit, to tell the person they chose too many.
        let list = link_list(query_string, MAX);
        let (found, gone) = listings(&list).await?;
        let mut page = ComparePage {
            gone,
            near: near.clone(),
            ids: list.link_param(),
            ..ComparePage::default()
        };
        if found.len() > COMPARE_MAX {
            crate::ssr::set_status(400);
            page.too_many = found
                .iter()
                .map(|l| (l.service.id.clone(), l.service.name.clone()))
                .collect();
            return Ok(page);
        }
        let asked = (!near.is_empty()).then(|| crate::ssr::places().resolve(&near));
        match &asked {
            Some(Ok(found)) => page.place_found = Some(found.name.clone()),
            Some(Err(problem)) => {
                page.place_problem = Some((problem.to_string(), problem.suggestions().to_vec()))
            }
            None => {}
        }
        let near = page.place_found.clone();
        page.columns = found
            .iter()
            .map(|listing| {
                let (nearest, distance) = place_listing(listing, near.as_deref());
                let sheet = ListingSheet::new(listing, nearest, distance.clone());
                let mut cost = vec![listing.service.cost.summary()];
                for fact in sheet.cost.iter().filter(|f| f.key != "Price") {
                    if !cost.contains(&fact.value) {
                        cost.push(fact.value.clone());
                    }
                }
                CompareColumn {
                    id: sheet.id.clone(),
                    name: sheet.name.clone(),
                    organisation: sheet.organisation.clone(),
                    place: place(listing),
                    times: times(&sheet),
                    cost,
                    join: sheet.join.iter().map(|(route, _)| route.clone()).collect(),
                    access: sheet.access.clone(),
                    vacancy: sheet.vacancy.clone(),
                    who_for: sheet.who_for.clone(),
                    distance: if listing.location.is_none() && near.is_some() {
                        Some("No distance: it does not happen at one place".to_string())
                    } else {
                        distance
                    },
                }
            })
            .collect();
        Ok(page)
    }

    /// Where the site's static files are, to know which pictures exist.
    fn site_root() -> Option<PathBuf> {
        use_context::<leptos::config::LeptosOptions>().map(|o| PathBuf::from(&*o.site_root))
    }

    /// The first of some pictures (`/icons/<name>.svg`) that exists, with its alternative text.
    fn picture(names: &[&str], alt: &str) -> Option<Picture> {
        let root = site_root()?;
        names
            .iter()
            .find(|name| root.join("icons").join(format!("{name}.svg")).is_file())
            .map(|name| Picture {
                src: format!("/icons/{name}.svg"),
                alt: alt.to_string(),
            })
    }

    /// A picture of the listing's first kind, or else its first need.
    fn kind_picture(listing: &Listing) -> Option<Picture> {
        let service = &listing.service;
        let kinds = service
            .kinds
            .iter()
            .map(|k| (format!("kind-{}", k.slug()), k.label()));
        let needs = service
            .needs
            .iter()
            .map(|n| (format!("need-{}", n.slug()), n.label()));
        kinds
            .chain(needs)
            .find_map(|(name, label)| picture(&[name.as_str()], label))
    }

    pub async fn print_sheet(query_string: &str) -> Result<PrintSheet, AppError> {
        let given = link_list(query_string, MAX);
        let list = if given.is_empty() && !query_string.contains("ids=") {
            cookie_list()
        } else {
            given
        };
        let (found, gone) = listings(&list).await?;
        let origin = public_origin();
        let mut kept = list;
        kept.retain(|id| found.iter().any(|l| &l.service.id == id));
        let entries = found
            .iter()
            .map(|listing| {
                let (nearest, _) = place_listing(listing, None);
                let sheet = ListingSheet::new(listing, nearest, None);
                PrintEntry {
                    url: format!("{origin}/services/{}", sheet.id),
                    picture: kind_picture(listing),
                    easy: easy_sheet_entry(listing),
                    sheet,
                }
            })
            .collect();
        Ok(PrintSheet {
            entries,
            gone,
            ids: kept.link_param(),
            share_url: format!("{origin}{}", kept.share_path()),
            date: format::long_date(
                jiff::Timestamp::now()
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date(),
            ),
        })
    }
}
