//! The data of the enquiry pages ("Ask about a place" and its status page), loaded by
//! server functions. Both pages are rendered only by the server; the form posts to the
//! server crate (`server/src/enquiries.rs`).

use dayfinder::model::enquiry::EnquiryStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::codec::Postcard;
use crate::error::AppError;

/// A place the form asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskPlace {
    pub id: String,
    pub name: String,
    pub organisation: String,
}

/// The form's places: from `service=` in the address, or the visitor's list (`list=yes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskPlaces {
    pub places: Vec<AskPlace>,
    pub from_list: bool,
}

/// One enquiry of a request, as its status page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnquiryLine {
    pub service_id: String,
    pub service_name: String,
    pub organisation: String,
    pub status: EnquiryStatus,
    /// "18 December 2026".
    pub sent_on: String,
    pub due_on: String,
    /// (date, what happened, message), oldest first.
    pub steps: Vec<(String, EnquiryStatus, String)>,
}

/// A request's status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnquiryStatusPage {
    pub name: String,
    pub enquiries: Vec<EnquiryLine>,
}

#[server(endpoint = "ask", input = Postcard, output = Postcard)]
pub async fn load_ask_places(query_string: String) -> Result<AskPlaces, AppError> {
    use crate::ssr::{blocking, engine};
    let params = crate::urls::decode(&query_string);
    let from_list = params.iter().any(|(k, v)| k == "list" && v == "yes");
    let mut ids: Vec<String> = if from_list {
        crate::shortlist_api::ssr::cookie_list().ids().to_vec()
    } else {
        params
            .into_iter()
            .filter(|(k, _)| k == "service")
            .map(|(_, v)| v)
            .collect()
    };
    ids.dedup();
    // A list holds at most a few dozen; an address may say anything.
    ids.truncate(crate::shortlist::MAX);
    if !ids
        .iter()
        .all(|id| dayfinder::model::validate::valid_id(id))
    {
        crate::ssr::set_status(404);
        return Err(AppError::NotFound);
    }
    let engine = engine()?;
    let listings = blocking("read the places asked about", move || {
        let wanted = ids.clone();
        engine.listings(&wanted).map(|found| (ids, found))
    })
    .await?;
    let (ids, found) = listings;
    if found.len() != ids.len() || (found.is_empty() && !from_list) {
        crate::ssr::set_status(404);
        return Err(AppError::NotFound);
    }
    Ok(AskPlaces {
        places: found
            .into_iter()
            .map(|l| AskPlace {
                id: l.service.id,
                name: l.service.name,
                organisation: l.organisation.name,
            })
            .collect(),
        from_list,
    })
}

#[server(endpoint = "enquiry-status", input = Postcard, output = Postcard)]
pub async fn load_enquiry_status(token: String) -> Result<EnquiryStatusPage, AppError> {
    use crate::components::format::long_date;
    use crate::ssr::{blocking, engine};
    let engine = engine()?;
    let council = use_context::<std::sync::Arc<dayfinder::profile::CouncilProfile>>()
        .ok_or(AppError::Internal)?;
    let found = blocking("read an enquiry's status", move || {
        let settings = council.enquiries.settings();
        engine
            .enquiries(&settings, "")
            .by_token(&token)
            .map_err(|e| dayfinder::Error::Invalid(e.to_string()))
    })
    .await?;
    let Some(first) = found.first() else {
        crate::ssr::set_status(404);
        return Err(AppError::NotFound);
    };
    let name = first
        .person
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let date = |t: jiff::Timestamp| long_date(dayfinder::engine::uk_date(t));
    Ok(EnquiryStatusPage {
        name,
        enquiries: found
            .iter()
            .map(|e| EnquiryLine {
                service_id: e.service_id.clone(),
                service_name: e.about.service_name.clone(),
                organisation: e.about.organisation_name.clone(),
                status: e.status,
                sent_on: date(e.sent_at),
                due_on: long_date(e.due_on),
                steps: e
                    .person
                    .iter()
                    .flat_map(|p| &p.steps)
                    .map(|s| (date(s.at), s.status, s.message.clone()))
                    .collect(),
            })
            .collect(),
    })
}
