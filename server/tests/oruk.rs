//! The Open Referral UK 3.0 API over HTTP, against the real app on port 0 with the sample
//! directory. Every kind of response is validated against the standard's own JSON
//! schemas (copied in `tests/oruk-schema/`, references resolved from there, offline).

#[allow(dead_code)]
#[path = "site/helpers.rs"]
mod helpers;

use std::collections::HashSet;
use std::path::PathBuf;

use dayfinder::oruk::ids;
use dayfinder::places::{Gazetteer, distance_miles};
use helpers::{TestApp, spawn_app};
use serde_json::Value;

const SCHEMA_BASE: &str = "https://openreferraluk.org/specifications/3.0/schema/";
const SAMPLE_SERVICES: usize = 254;

/// What the API answered, read as JSON.
struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    json: Value,
}

async fn get(app: &TestApp, path: &str) -> Reply {
    let page = app.get(path).await;
    let json = serde_json::from_str(&page.body)
        .unwrap_or_else(|e| panic!("{path} did not answer JSON ({e}): {}", page.body));
    Reply {
        status: page.status,
        headers: page.headers,
        json,
    }
}

/// A 200 reply's JSON.
async fn ok(app: &TestApp, path: &str) -> Value {
    let reply = get(app, path).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.json);
    reply.json
}

/// The official schemas, from the local copies.
struct LocalSchemas;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oruk-schema")
}

fn read_schema(name: &str) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
    let text = std::fs::read_to_string(schema_dir().join(name))?;
    Ok(serde_json::from_str(&text)?)
}

impl jsonschema::Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .as_str()
            .strip_prefix(SCHEMA_BASE)
            .ok_or_else(|| format!("{uri} is not an ORUK 3.0 schema"))?;
        read_schema(name)
    }
}

/// Panics with every way `instance` breaks the schema `name` (`service.json`), formats
/// (uuid, uri, email, date-time) included.
fn assert_valid(name: &str, instance: &Value) {
    let schema = read_schema(name).expect("the schema file is there");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(LocalSchemas)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not a valid {name}:\n{}\n{instance:#}",
        errors.join("\n")
    );
}

fn allows_any_origin(reply: &Reply) -> bool {
    reply
        .headers
        .get("access-control-allow-origin")
        .is_some_and(|v| v == "*")
}

fn ids_of(page: &Value) -> Vec<String> {
    page["contents"]
        .as_array()
        .expect("contents is a list")
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_string())
        .collect()
}

fn slugs_of(page: &Value) -> Vec<String> {
    page["contents"]
        .as_array()
        .expect("contents is a list")
        .iter()
        .map(|s| {
            s["x_dayfinder"]["slug"]
                .as_str()
                .expect("a slug")
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn api_details_say_the_version_the_profile_and_where_the_openapi_is() {
    let app = spawn_app().await;
    for path in ["/api/v3/", "/api/v3"] {
        let details = ok(&app, path).await;
        assert_valid("api_details.json", &details);
        assert_eq!(details["version"], "HSDS-UK-3.0");
        assert!(details["profile"].as_str().unwrap().starts_with("https://"));
        let openapi = details["openapi_url"].as_str().unwrap();
        assert!(openapi.starts_with("http://127.0.0.1:"), "{openapi}");
        assert!(openapi.ends_with("/api/v3/openapi.json"), "{openapi}");
    }
}

#[tokio::test]
async fn the_openapi_document_is_the_standards_extended_with_our_parameters() {
    let app = spawn_app().await;
    let doc = ok(&app, "/api/v3/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/",
        "/services",
        "/services/{id}",
        "/taxonomies",
        "/taxonomy_terms",
        "/organizations",
        "/service_at_locations",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let services: Vec<&str> = doc["paths"]["/services"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["$ref"].as_str()?.rsplit('/').next())
        .collect();
    for name in [
        "search",
        "page",
        "per_page",
        "taxonomy_term_id",
        "modified_after",
        "day",
        "start_time",
        "end_time",
        "minimum_age",
        "maximum_age",
        "need",
        "tier",
        "vacancy",
        "town",
    ] {
        assert!(
            services.contains(&name),
            "/services lacks {name}: {services:?}"
        );
        assert!(doc["components"]["parameters"][name].is_object(), "{name}");
    }
    assert!(
        doc["servers"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with("/api/v3")
    );
}

#[tokio::test]
async fn service_pages_carry_the_standard_envelope_on_the_first_a_middle_and_the_last_page() {
    let app = spawn_app().await;
    let envelope: HashSet<&str> = [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ]
    .into();
    let pages = SAMPLE_SERVICES.div_ceil(10);
    let mut seen = HashSet::new();
    for (page, size, first, last) in [
        (1, 10, true, false),
        (pages / 2, 10, false, false),
        (pages, SAMPLE_SERVICES - (pages - 1) * 10, false, true),
    ] {
        let reply = ok(&app, &format!("/api/v3/services?page={page}&per_page=10")).await;
        assert_valid("service_list.json", &reply);
        let keys: HashSet<&str> = reply
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, envelope, "page {page}");
        assert_eq!(reply["total_items"], SAMPLE_SERVICES);
        assert_eq!(reply["total_pages"], pages);
        assert_eq!(reply["page_number"], page);
        assert_eq!(reply["size"], size);
        assert_eq!(reply["contents"].as_array().unwrap().len(), size);
        assert_eq!(reply["first_page"], first, "page {page}");
        assert_eq!(reply["last_page"], last, "page {page}");
        assert_eq!(reply["empty"], false);
        for id in ids_of(&reply) {
            assert!(seen.insert(id), "an id on two pages");
        }
    }
    let beyond = ok(
        &app,
        &format!("/api/v3/services?page={}&per_page=10", pages + 1),
    )
    .await;
    assert_eq!(
        (
            beyond["empty"].clone(),
            beyond["size"].clone(),
            beyond["last_page"].clone()
        ),
        (true.into(), 0.into(), true.into())
    );
}

#[tokio::test]
async fn every_service_appears_once_across_the_pages() {
    let app = spawn_app().await;
    let mut all = HashSet::new();
    for page in 1..=3 {
        let reply = ok(&app, &format!("/api/v3/services?page={page}&per_page=100")).await;
        all.extend(ids_of(&reply));
    }
    assert_eq!(all.len(), SAMPLE_SERVICES);
}

#[tokio::test]
async fn a_service_by_id_validates_against_the_official_service_schema() {
    let app = spawn_app().await;
    let id = ids::service("crewe-saturday-memory-club");
    let service = ok(&app, &format!("/api/v3/services/{id}")).await;
    assert_valid("service.json", &service);
    assert_eq!(service["id"], id.as_str());
    assert_eq!(service["status"], "active");
    let schedule = &service["schedules"][0];
    assert_eq!(schedule["freq"], "WEEKLY");
    assert_eq!(schedule["byday"], "SA");
    assert_eq!(schedule["opens_at"], "10:00");
    assert_eq!(schedule["closes_at"], "12:30");
    let location = &service["service_at_locations"][0]["location"];
    assert_eq!(location["addresses"][0]["country"], "GB");
    assert!(location["accessibility"].as_array().unwrap().len() > 1);
    let terms: Vec<&str> = service["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["taxonomy_term"]["term"].as_str())
        .collect();
    for term in ["dementia", "community-group", "community", "spaces", "free"] {
        assert!(terms.contains(&term), "{term} in {terms:?}");
    }
    let ours = &service["x_dayfinder"];
    assert_eq!(ours["tier"], "community");
    assert_eq!(ours["vacancy"]["status"], "spaces");
    assert_eq!(ours["vacancy"]["confirmed"], "2026-11-21");
    assert!(ours["easy_read"].as_str().unwrap().contains("memory"));
    for phone in service["contacts"][0]["phones"].as_array().unwrap() {
        assert_valid("phone.json", phone);
    }
    // Our slug is accepted as an id too.
    let by_slug = ok(&app, "/api/v3/services/crewe-saturday-memory-club").await;
    assert_eq!(by_slug["id"], id.as_str());
}

#[tokio::test]
async fn every_fully_nested_service_validates() {
    let app = spawn_app().await;
    let mut count = 0;
    for page in 1..=3 {
        let reply = ok(
            &app,
            &format!("/api/v3/services?full=true&page={page}&per_page=100"),
        )
        .await;
        assert_valid("service_list.json", &reply);
        for service in reply["contents"].as_array().unwrap() {
            assert_valid("service.json", service);
            count += 1;
        }
    }
    assert_eq!(count, SAMPLE_SERVICES);
}

#[tokio::test]
async fn minimal_lists_fit_on_one_page_with_ids_names_and_dates() {
    let app = spawn_app().await;
    let reply = ok(&app, "/api/v3/services?minimal=true&per_page=1000").await;
    assert_valid("service_list.json", &reply);
    assert_eq!(reply["size"], SAMPLE_SERVICES);
    let first = reply["contents"][0].as_object().unwrap();
    let keys: HashSet<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "name", "status", "last_modified"].into());
}

#[tokio::test]
async fn bad_parameters_are_a_400_that_says_what_to_change() {
    let app = spawn_app().await;
    for query in [
        "/api/v3/services?page=abc",
        "/api/v3/services?page=0",
        "/api/v3/services?per_page=-1",
        "/api/v3/services?modified_after=notadate",
        "/api/v3/services?need=nonsense",
        "/api/v3/services?day=someday",
        "/api/v3/services?start_time=25:00",
        "/api/v3/services?minimum_age=old",
        "/api/v3/services?full=perhaps",
        "/api/v3/services?taxonomy_term_id=not-a-term",
        "/api/v3/service_at_locations?proximity=8000",
        "/api/v3/service_at_locations?postcode=nowhere-at-all&proximity=8000",
        "/api/v3/service_at_locations?postcode=CW11%201AA&proximity=far",
        "/api/v3/organizations?per_page=0",
        "/api/v3/taxonomy_terms?taxonomy_id=nonsense",
    ] {
        let reply = get(&app, query).await;
        assert_eq!(reply.status, 400, "{query}: {}", reply.json);
        assert_eq!(reply.json["code"], "bad_parameter", "{query}");
        assert!(
            !reply.json["message"].as_str().unwrap_or("").is_empty(),
            "{query}"
        );
        assert!(allows_any_origin(&reply), "{query}");
    }
}

#[tokio::test]
async fn unknown_ids_and_paths_are_a_404_in_json() {
    let app = spawn_app().await;
    let nobody = "00000000-0000-4000-8000-000000000000";
    for path in [
        format!("/api/v3/services/{nobody}"),
        "/api/v3/services/no-such-service".into(),
        format!("/api/v3/organizations/{nobody}"),
        format!("/api/v3/service_at_locations/{nobody}"),
        format!("/api/v3/taxonomies/{nobody}"),
        format!("/api/v3/taxonomy_terms/{nobody}"),
        "/api/v3/vocabularies".into(),
    ] {
        let reply = get(&app, &path).await;
        assert_eq!(reply.status, 404, "{path}: {}", reply.json);
        assert_eq!(reply.json["code"], "not_found", "{path}");
        assert!(reply.json["message"].is_string(), "{path}");
        assert!(allows_any_origin(&reply), "{path}");
    }
}

#[tokio::test]
async fn every_response_allows_any_origin() {
    let app = spawn_app().await;
    for path in [
        "/api/v3/",
        "/api/v3/services",
        "/api/v3/openapi.json",
        "/api/v3/taxonomies",
        "/api/v3/organizations",
        "/api/v3/service_at_locations",
    ] {
        let reply = get(&app, path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert!(allows_any_origin(&reply), "{path}");
    }
    let preflight = app
        .client
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/v3/services", app.address),
        )
        .header("origin", "https://example.org")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .expect("the preflight is answered");
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn service_at_locations_near_a_postcode_are_within_the_proximity_nearest_first() {
    let app = spawn_app().await;
    let centre = Gazetteer::embedded()
        .postcode("CW11 1AA")
        .expect("the postcode is known");
    let everywhere = ok(&app, "/api/v3/service_at_locations?per_page=1000").await;
    let near = ok(
        &app,
        "/api/v3/service_at_locations?postcode=CW11%201AA&proximity=8000&per_page=1000",
    )
    .await;
    assert_valid("service_at_location_list.json", &near);
    let found = near["contents"].as_array().unwrap();
    assert!(!found.is_empty());
    assert!(found.len() < everywhere["contents"].as_array().unwrap().len());
    assert_eq!(near["total_items"], found.len());
    let mut last = 0.0;
    for sal in found {
        let place = &sal["location"];
        let metres = distance_miles(
            centre,
            (
                place["latitude"].as_f64().unwrap(),
                place["longitude"].as_f64().unwrap(),
            ),
        ) * 1609.344;
        assert!(metres <= 8000.0, "{} is {metres:.0} m away", place["name"]);
        assert!(metres >= last, "nearest first");
        last = metres;
    }
    let farther = ok(
        &app,
        "/api/v3/service_at_locations?postcode=CW11%201AA&proximity=16000&per_page=1000",
    )
    .await;
    assert!(farther["total_items"].as_u64() > near["total_items"].as_u64());
}

#[tokio::test]
async fn a_service_at_location_validates_alone_and_in_lists() {
    let app = spawn_app().await;
    let list = ok(&app, "/api/v3/service_at_locations?per_page=5").await;
    assert_valid("service_at_location_list.json", &list);
    let full = ok(&app, "/api/v3/service_at_locations?per_page=5&full=true").await;
    assert_valid("service_at_location_list.json", &full);
    let id = ids::service_at_location("crewe-saturday-memory-club");
    let one = ok(&app, &format!("/api/v3/service_at_locations/{id}")).await;
    assert_valid("service_at_location.json", &one);
    assert_valid("service.json", &one["service"]);
    assert_eq!(
        one["service"]["id"],
        ids::service("crewe-saturday-memory-club").as_str()
    );
}

#[tokio::test]
async fn organizations_list_and_nest_their_services() {
    let app = spawn_app().await;
    let list = ok(&app, "/api/v3/organizations?per_page=5").await;
    assert_valid("organization_list.json", &list);
    assert_eq!(list["size"], 5);
    let id = ids::organization("larkspur-memory-network");
    let one = ok(
        &app,
        &format!("/api/v3/organizations/{id}?full_service=true"),
    )
    .await;
    assert_valid("organization.json", &one);
    let services = one["services"].as_array().unwrap();
    assert!(!services.is_empty());
    for service in services {
        assert_valid("service.json", service);
    }
    let theirs = ok(
        &app,
        &format!("/api/v3/services?organization_id={id}&per_page=100"),
    )
    .await;
    assert_eq!(theirs["total_items"], services.len());
    for service in theirs["contents"].as_array().unwrap() {
        assert_eq!(service["organization_id"], id.as_str());
    }
    let found = ok(&app, "/api/v3/organizations?search=larkspur").await;
    assert!(ids_of(&found).contains(&id));
}

#[tokio::test]
async fn taxonomies_and_terms_validate_and_filter_services() {
    let app = spawn_app().await;
    let taxonomies = ok(&app, "/api/v3/taxonomies").await;
    assert_valid("taxonomy_list.json", &taxonomies);
    let need = taxonomies["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Dayfinder support needs")
        .expect("the needs taxonomy");
    let need_id = need["id"].as_str().unwrap();
    let with_terms = ok(&app, &format!("/api/v3/taxonomies/{need_id}")).await;
    assert_valid("taxonomy.json", &with_terms);
    let terms = ok(
        &app,
        &format!("/api/v3/taxonomy_terms?taxonomy_id={need_id}&search=dementia"),
    )
    .await;
    assert_valid("taxonomy_term_list.json", &terms);
    assert_eq!(terms["total_items"], 1);
    let dementia = terms["contents"][0]["id"].as_str().unwrap().to_string();
    assert_valid(
        "taxonomy_term.json",
        &ok(&app, &format!("/api/v3/taxonomy_terms/{dementia}")).await,
    );

    let by_term = ok(
        &app,
        &format!("/api/v3/services?taxonomy_term_id={dementia}&full=true&per_page=100"),
    )
    .await;
    let by_need = ok(&app, "/api/v3/services?need=dementia&per_page=100").await;
    assert!(by_term["total_items"].as_u64().unwrap() > 0);
    assert_eq!(by_term["total_items"], by_need["total_items"]);
    for service in by_term["contents"].as_array().unwrap() {
        let linked = service["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["taxonomy_term_id"] == dementia.as_str());
        assert!(linked, "{} is not linked to dementia", service["name"]);
    }
    let nothing = ok(
        &app,
        "/api/v3/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000",
    )
    .await;
    assert_eq!(
        (nothing["total_items"].clone(), nothing["empty"].clone()),
        (0.into(), true.into())
    );
}

#[tokio::test]
async fn saturday_morning_dementia_services_are_found_by_the_uk_profile_filters() {
    let app = spawn_app().await;
    let reply = ok(&app, "/api/v3/services?day=SA&start_time=09:00&end_time=13:00&need=dementia&full=true&per_page=100").await;
    assert!(slugs_of(&reply).contains(&"crewe-saturday-memory-club".to_string()));
    for service in reply["contents"].as_array().unwrap() {
        let fits = service["schedules"].as_array().unwrap().iter().any(|s| {
            s["byday"]
                .as_str()
                .unwrap_or("")
                .split(',')
                .any(|d| d == "SA")
                && s["opens_at"].as_str().unwrap_or("") >= "09:00"
                && s["closes_at"].as_str().unwrap_or("99") <= "13:00"
        });
        assert!(fits, "{} has no Saturday morning session", service["name"]);
        assert!(
            service["x_dayfinder"]["needs"]
                .as_array()
                .unwrap()
                .contains(&"dementia".into())
        );
    }
    let young = ok(
        &app,
        "/api/v3/services?minimum_age=16&maximum_age=17&per_page=100",
    )
    .await;
    for service in young["contents"].as_array().unwrap() {
        assert!(
            service["minimum_age"].as_u64().unwrap() <= 17,
            "{}",
            service["name"]
        );
    }
    let adults = ok(&app, "/api/v3/services?minimum_age=30&maximum_age=30").await;
    assert!(adults["total_items"].as_u64().unwrap() > young["total_items"].as_u64().unwrap());
}

#[tokio::test]
async fn our_own_filters_narrow_the_services() {
    let app = spawn_app().await;
    let all = ok(&app, "/api/v3/services?per_page=1").await["total_items"]
        .as_u64()
        .unwrap();
    for (query, check) in [
        ("tier=enablement", ("tier", "enablement")),
        ("vacancy=waiting-list", ("vacancy", "waiting-list")),
    ] {
        let reply = ok(&app, &format!("/api/v3/services?{query}&per_page=100")).await;
        let n = reply["total_items"].as_u64().unwrap();
        assert!(n > 0 && n < all, "{query}: {n}");
        for service in reply["contents"].as_array().unwrap() {
            let ours = &service["x_dayfinder"];
            let value = if check.0 == "vacancy" {
                &ours["vacancy"]["status"]
            } else {
                &ours[check.0]
            };
            assert_eq!(value, check.1, "{query}");
        }
    }
    let crewe = ok(
        &app,
        "/api/v3/service_at_locations?town=crewe&full=true&per_page=100",
    )
    .await;
    assert!(crewe["total_items"].as_u64().unwrap() > 0);
    for sal in crewe["contents"].as_array().unwrap() {
        assert_eq!(sal["location"]["addresses"][0]["city"], "Crewe");
    }
    let words = ok(&app, "/api/v3/services?search=memory%20club").await;
    assert!(slugs_of(&words).contains(&"crewe-saturday-memory-club".to_string()));
}

#[tokio::test]
async fn modified_after_keeps_what_changed_since() {
    let app = spawn_app().await;
    let future = ok(&app, "/api/v3/services?modified_after=2100-01-01T00:00:00Z").await;
    assert_eq!(future["total_items"], 0);
    let past = ok(&app, "/api/v3/services?modified_after=2000-01-01").await;
    assert_eq!(past["total_items"], SAMPLE_SERVICES);
}

#[tokio::test]
async fn ndjson_gives_every_result_one_per_line() {
    let app = spawn_app().await;
    let page = app.get("/api/v3/services?format=ndjson&minimal=true").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["content-type"], "application/x-ndjson");
    let lines: Vec<Value> = page
        .body
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), SAMPLE_SERVICES);
}

#[tokio::test]
async fn the_schema_check_itself_catches_broken_services() {
    let app = spawn_app().await;
    let id = ids::service("crewe-saturday-memory-club");
    let good = ok(&app, &format!("/api/v3/services/{id}")).await;
    let schema = read_schema("service.json").expect("the schema file is there");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(LocalSchemas)
        .build(&schema)
        .expect("service.json compiles");
    assert!(validator.is_valid(&good));
    let mut broken = good.clone();
    broken["id"] = "crewe-saturday-memory-club".into();
    assert!(!validator.is_valid(&broken), "a slug is not a UUID");
    let mut broken = good.clone();
    broken.as_object_mut().unwrap().remove("status");
    assert!(!validator.is_valid(&broken), "status is required");
    let mut broken = good;
    broken["service_at_locations"][0]["location"]["addresses"][0]
        .as_object_mut()
        .unwrap()
        .remove("postal_code");
    assert!(
        !validator.is_valid(&broken),
        "nested schemas are resolved and checked"
    );
}
