//! What the list, shared list, compare and print pages show, and the server functions that
//! make it. The visitor's list is read from their `list` cookie on the server (see
//! `shortlist.rs`); changes to it are plain POST forms handled by the server
//! (`dayfinder_server::shortlist`), so none of this needs JavaScript.

use crate::codec::Postcard;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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

/// One short sentence of the easy-read sheet, with its picture when there is one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyLine {
    pub picture: Option<Picture>,
    pub text: String,
}

/// One listing on the printed sheet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PrintEntry {
    pub sheet: ListingSheet,
    /// The listing's page, whole, to read on paper.
    pub url: String,
    /// The picture of what kind of thing it is, for the easy-read sheet.
    pub picture: Option<Picture>,
    pub easy: Vec<EasyLine>,
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

#[cfg(feature = "ssr")]
mod ssr {
    use std::path::PathBuf;

    use dayfinder::model::{Listing, Term};
    use leptos::prelude::*;

    use super::*;
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

    fn line(names: &[&str], alt: &str, text: String) -> EasyLine {
        EasyLine {
            picture: picture(names, alt),
            text,
        }
    }

    /// Short sentences about a listing, for the easy-read sheet.
    fn easy(listing: &Listing, sheet: &ListingSheet) -> Vec<EasyLine> {
        let service = &listing.service;
        let mut lines = Vec::new();
        lines.push(line(
            &["address", "where", "place"],
            "Where",
            match &listing.location {
                Some(l) => format!("It is in {}.", l.town),
                None if service.kinds.contains(&dayfinder::model::Kind::Online) => {
                    "You join from home, on a computer or phone.".to_string()
                }
                None => "They come to your home.".to_string(),
            },
        ));
        let days = days(listing);
        lines.push(line(
            &["days", "clock", "when"],
            "When",
            if service.sessions.is_empty() {
                "You agree the days and times with them.".to_string()
            } else {
                format!("It is on {days}.")
            },
        ));
        lines.push(line(
            &["cost", "money"],
            "Cost",
            match service.cost.price_per_session_pence {
                Some(pence) => format!(
                    "It costs {} each time.",
                    dayfinder::model::format_pounds(pence)
                ),
                None => format!("Cost: {}.", service.cost.summary()),
            },
        ));
        if let Some(phone) = sheet.contact.iter().find(|f| f.key == "Phone") {
            lines.push(line(
                &["phone"],
                "Phone",
                format!("To ask about a place, phone {}.", phone.value),
            ));
        }
        lines.extend(sheet.easy_read.iter().map(|text| EasyLine {
            picture: None,
            text: text.clone(),
        }));
        lines
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
                    easy: easy(listing, &sheet),
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
