//! `GET /api/v3/openapi.json`: the standard's own API description (embedded unchanged in
//! `spec/openapi.json`), extended in code with our parameters, our details and this
//! server's address, and with the standard's swapped `/taxonomy_terms` operationIds put right.

use std::sync::OnceLock;

use serde_json::{Value, json};

/// The extended description, made once; only `servers` differs between requests.
fn extended() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc: Value = serde_json::from_str(include_str!("spec/openapi.json"))
            .expect("the embedded ORUK openapi.json is valid JSON");
        extend(&mut doc);
        doc
    })
}

/// The description with `servers` pointing at `api_base` (`https://host/api/v3`).
pub fn document(api_base: &str) -> Value {
    let mut doc = extended().clone();
    doc["servers"] = json!([{ "url": api_base, "description": "This Dayfinder server" }]);
    doc
}

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn slugs<T: dayfinder::model::Term>() -> Value {
    let values: Vec<&str> = T::all().iter().map(|t| t.slug()).collect();
    json!({ "type": "string", "description": format!("One or more (comma separated or repeated) of: {}", values.join(", ")) })
}

/// Our parameters: the UK profile's filters and Dayfinder's own.
fn our_parameters() -> Vec<(&'static str, Value)> {
    use dayfinder::model::{AccessFeature, CostKind, Kind, Need, Tier, VacancyStatus};
    let time = json!({ "type": "string", "pattern": "^[0-2]?[0-9]:[0-5][0-9]$" });
    let age = json!({ "type": "integer", "minimum": 0, "maximum": 120 });
    vec![
        (
            "day",
            param(
                "day",
                "UK profile. Services with a session on any of these days: iCalendar codes (MO, TU, WE, TH, FR, SA, SU) or day names, comma separated. With start_time or end_time, the same session must fit the hours.",
                json!({ "type": "string" }),
            ),
        ),
        (
            "start_time",
            param(
                "start_time",
                "UK profile. Services with a session that opens at or after this time (HH:MM, UK local time).",
                time.clone(),
            ),
        ),
        (
            "end_time",
            param(
                "end_time",
                "UK profile. Services with a session that closes at or before this time (HH:MM, UK local time).",
                time,
            ),
        ),
        (
            "minimum_age",
            param(
                "minimum_age",
                "UK profile. The youngest age of the people looking: services whose age range reaches it.",
                age.clone(),
            ),
        ),
        (
            "maximum_age",
            param(
                "maximum_age",
                "UK profile. The oldest age of the people looking: services whose age range starts at or below it. Give both the same to ask about one age.",
                age,
            ),
        ),
        (
            "need",
            param(
                "need",
                "Dayfinder. Services for any of these support needs.",
                slugs::<Need>(),
            ),
        ),
        (
            "kind",
            param(
                "kind",
                "Dayfinder. Services of any of these kinds.",
                slugs::<Kind>(),
            ),
        ),
        (
            "tier",
            param(
                "tier",
                "Dayfinder. Services in any of these tiers.",
                slugs::<Tier>(),
            ),
        ),
        (
            "vacancy",
            param(
                "vacancy",
                "Dayfinder. Services with any of these vacancy states.",
                slugs::<VacancyStatus>(),
            ),
        ),
        (
            "cost",
            param(
                "cost",
                "Dayfinder. Services paid for in any of these ways.",
                slugs::<CostKind>(),
            ),
        ),
        (
            "access",
            param(
                "access",
                "Dayfinder. Services offering all of these access features.",
                slugs::<AccessFeature>(),
            ),
        ),
        (
            "town",
            param(
                "town",
                "Dayfinder. Services in any of these towns, by name or slug (any case; a town of two words as its name or with a hyphen).",
                json!({ "type": "string" }),
            ),
        ),
    ]
}

fn extend(doc: &mut Value) {
    doc["info"]["title"] = json!("Dayfinder: Open Referral UK 3.0 API");
    doc["info"]["summary"] =
        json!("Adult day opportunities, in the Open Referral UK 3.0 standard.");
    doc["info"]["description"] = json!(
        "The Open Referral UK profile of HSDS 3.0, as published by Open Referral UK (BSD 3-Clause licence), \
         served by Dayfinder with the UK profile's extra /services filters (day, start_time, end_time, \
         minimum_age, maximum_age) and Dayfinder's own (need, kind, tier, vacancy, cost, access, town). \
         Our facts the standard has no field for travel as taxonomy terms (see /taxonomies) and in the \
         x_dayfinder extension object. No keys; every response allows any origin."
    );
    if let Some(info) = doc["info"].as_object_mut() {
        info.remove("contact");
    }
    doc["info"]["x-dayfinder-documentation"] = json!("docs/api.md in the Dayfinder repository");

    // HSDS 3.0's own file has the two /taxonomy_terms operationIds the wrong way round.
    doc["paths"]["/taxonomy_terms"]["get"]["operationId"] =
        json!("getPaginatedListOfTaxonomyTerms");
    doc["paths"]["/taxonomy_terms/{id}"]["get"]["operationId"] = json!("getTaxonomyTermById");

    let ours = our_parameters();
    for (name, definition) in &ours {
        doc["components"]["parameters"][*name] = definition.clone();
    }
    for path in ["/services", "/service_at_locations"] {
        if let Some(list) = doc["paths"][path]["get"]["parameters"].as_array_mut() {
            list.extend(
                ours.iter()
                    .map(|(name, _)| json!({ "$ref": format!("#/components/parameters/{name}") })),
            );
        }
    }
    if let Some(list) = doc["paths"]["/service_at_locations"]["get"]["parameters"].as_array_mut() {
        for p in list.iter_mut() {
            if p["$ref"] == "#/components/parameters/proximity" {
                *p = json!({ "$ref": "#/components/parameters/proximity", "description": "Metres from the postcode's centre. Results are nearest first whenever a postcode is given." });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_parameters_are_described_and_used_by_services() {
        let doc = document("http://localhost/api/v3");
        assert_eq!(doc["servers"][0]["url"], "http://localhost/api/v3");
        for name in [
            "day",
            "start_time",
            "minimum_age",
            "need",
            "tier",
            "vacancy",
            "town",
        ] {
            assert!(doc["components"]["parameters"][name].is_object(), "{name}");
            let used = doc["paths"]["/services"]["get"]["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["$ref"] == format!("#/components/parameters/{name}"));
            assert!(used, "{name}");
        }
        assert_eq!(
            doc["paths"]["/taxonomy_terms/{id}"]["get"]["operationId"],
            "getTaxonomyTermById"
        );
    }
}
