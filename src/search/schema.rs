//! The index's fields, and how a listing becomes a document.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::bits::{Dim, mask_of, mentions_of, slots_of};
use crate::model::{AccessFeature, Listing, Term, Weekday};
use crate::query::Hit;

/// Bump when the schema or what goes into a document changes: the index is then rebuilt.
/// (2: result cards keep the vacancy and review dates. 3: `mentions`, what a listing's
/// own words say about its access and days.)
pub const SCHEMA_VERSION: u32 = 4;

/// English stemming, so "gardening" finds "garden".
pub const TOKENIZER: &str = "en_stem";

/// The index's fields, looked up once.
#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub name: Field,
    pub body: Field,
    pub provider: Field,
    pub town: Field,
    /// The labels of the service's needs, kinds and tier, as words.
    pub tags: Field,
    /// Vocabulary terms as exact keys: `need:dementia`, `kind:day-centre`.
    pub terms: Field,
    pub mask: Field,
    /// The access features and days the listing's own words name (`bits::mentions_of`).
    pub mentions: Field,
    pub slots: Field,
    /// The town's name as written, for the town filter and its counts.
    pub town_name: Field,
    pub has_place: Field,
    pub lat: Field,
    pub lon: Field,
    pub min_age: Field,
    pub max_age: Field,
    pub name_key: Field,
    /// The day a person last confirmed it ([`day_number`]), for hiding overdue listings.
    pub reviewed: Field,
    /// The result card, as JSON, so a results page needs no store reads.
    pub card: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            id: b.add_text_field("id", STRING | STORED),
            name: b.add_text_field("name", text.clone()),
            body: b.add_text_field("body", text.clone()),
            provider: b.add_text_field("provider", text.clone()),
            town: b.add_text_field("town", text.clone()),
            tags: b.add_text_field("tags", text),
            terms: b.add_text_field("terms", STRING),
            mask: b.add_u64_field("mask", FAST),
            mentions: b.add_u64_field("mentions", FAST),
            slots: b.add_u64_field("slots", FAST),
            town_name: b.add_text_field("town_name", STRING | FAST),
            has_place: b.add_u64_field("has_place", FAST),
            lat: b.add_f64_field("lat", FAST),
            lon: b.add_f64_field("lon", FAST),
            min_age: b.add_u64_field("min_age", FAST),
            max_age: b.add_u64_field("max_age", FAST),
            name_key: b.add_u64_field("name_key", FAST),
            reviewed: b.add_u64_field("reviewed", FAST),
            card: b.add_text_field("card", STORED),
        };
        (b.build(), fields)
    }

    /// The document for one listing.
    pub fn document(&self, listing: &Listing) -> TantivyDocument {
        let s = &listing.service;
        let mut doc = TantivyDocument::default();
        doc.add_text(self.id, &s.id);
        doc.add_text(self.name, &s.name);
        doc.add_text(self.body, &s.summary);
        doc.add_text(self.body, &s.description);
        for a in &s.activities {
            doc.add_text(self.body, a);
        }
        doc.add_text(self.provider, &listing.organisation.name);
        let town = town_of(listing);
        doc.add_text(self.town, &town);
        doc.add_text(self.tags, s.tier.label());
        for n in &s.needs {
            doc.add_text(self.tags, n.label());
            doc.add_text(self.terms, format!("need:{}", n.slug()));
        }
        for k in &s.kinds {
            doc.add_text(self.tags, k.label());
            doc.add_text(self.terms, format!("kind:{}", k.slug()));
        }
        let access = access_of(listing);
        for a in &access {
            doc.add_text(self.terms, format!("access:{}", a.slug()));
        }
        let mask = mask_of(Dim::Need, &s.needs)
            | mask_of(Dim::Kind, &s.kinds)
            | mask_of(Dim::Tier, &[s.tier])
            | mask_of(Dim::Cost, &s.cost.kinds)
            | mask_of(Dim::Access, &access)
            | mask_of(Dim::Vacancy, &[s.vacancy.status]);
        doc.add_u64(self.mask, mask);
        let (access_said, days_said) = super::mentions::of_listing(listing);
        doc.add_u64(self.mentions, mentions_of(&access_said, &days_said));
        doc.add_u64(self.slots, slots_of(&s.sessions));
        doc.add_text(self.town_name, &town);
        let (lat, lon) = listing
            .location
            .as_ref()
            .map(|l| (l.latitude, l.longitude))
            .unwrap_or((0.0, 0.0));
        doc.add_u64(self.has_place, listing.location.is_some() as u64);
        doc.add_f64(self.lat, lat);
        doc.add_f64(self.lon, lon);
        doc.add_u64(self.min_age, s.eligibility.minimum_age as u64);
        doc.add_u64(
            self.max_age,
            s.eligibility
                .maximum_age
                .map_or(u64::from(u8::MAX), u64::from),
        );
        doc.add_u64(self.name_key, name_key(&s.name));
        doc.add_u64(self.reviewed, day_number(s.last_reviewed));
        let card = card_of(listing, town, access);
        doc.add_text(self.card, serde_json::to_string(&card).unwrap_or_default());
        doc
    }
}

/// The town a listing is in, or where it happens for services without a building.
pub fn town_of(listing: &Listing) -> String {
    match &listing.location {
        Some(l) => l.town.clone(),
        None if listing.service.kinds.contains(&crate::model::Kind::Online) => "Online".into(),
        None => "At home".into(),
    }
}

/// Building access plus the service's own transport.
pub fn access_of(listing: &Listing) -> Vec<AccessFeature> {
    let mut access = listing
        .location
        .as_ref()
        .map(|l| l.accessibility.clone())
        .unwrap_or_default();
    if listing.service.transport && !access.contains(&AccessFeature::Transport) {
        access.push(AccessFeature::Transport);
    }
    access.sort();
    access
}

/// The first eight letters of a name as a number, so ordering by name needs no stored text.
fn name_key(name: &str) -> u64 {
    let mut key = [0u8; 8];
    for (slot, b) in key.iter_mut().zip(
        name.to_lowercase()
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b == b' '),
    ) {
        *slot = b;
    }
    u64::from_be_bytes(key)
}

/// A day as a whole number that sorts as days do (days since 1 January 1970).
pub fn day_number(day: jiff::civil::Date) -> u64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch
        .until((jiff::Unit::Day, day))
        .map(|span| span.get_days().max(0) as u64)
        .unwrap_or(0)
}

fn card_of(listing: &Listing, town: String, access: Vec<AccessFeature>) -> Hit {
    let s = &listing.service;
    let mut days: Vec<Weekday> = s.sessions.iter().map(|x| x.day).collect();
    days.sort();
    days.dedup();
    Hit {
        id: s.id.clone(),
        name: s.name.clone(),
        organisation: listing.organisation.name.clone(),
        summary: s.summary.clone(),
        town,
        distance_miles: None,
        days,
        cost: s.cost.summary(),
        tier: s.tier,
        needs: s.needs.clone(),
        kinds: s.kinds.clone(),
        vacancy: s.vacancy.status,
        vacancy_confirmed: Some(s.vacancy.confirmed),
        last_reviewed: Some(s.last_reviewed),
        access,
        score: 0.0,
        from_description: false,
    }
}
