//! TLS to a real PostgreSQL, as the URL's `sslmode` asks. Needs the cluster
//! `scripts/test.sh` starts, with `ssl=on` and a self-signed certificate for 127.0.0.1:
//! `DAYFINDER_TEST_POSTGRES` names it and `DAYFINDER_TEST_POSTGRES_CA` the certificate.
//! Without them the tests say so and pass, except under CI, where they fail.

use dayfinder::store::PostgresStore;
use dayfinder::store::postgres::parse_url;

/// The cluster's URL and its certificate, or None (after saying why) outside CI.
fn cluster() -> Option<(String, String)> {
    let url = std::env::var("DAYFINDER_TEST_POSTGRES").ok();
    let ca = std::env::var("DAYFINDER_TEST_POSTGRES_CA").ok();
    match (url, ca) {
        (Some(url), Some(ca)) => Some((url, ca)),
        _ => {
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(
                !ci,
                "CI must run the TLS tests: scripts/test.sh sets DAYFINDER_TEST_POSTGRES_CA"
            );
            eprintln!(
                "postgres_tls: skipped: set DAYFINDER_TEST_POSTGRES and DAYFINDER_TEST_POSTGRES_CA"
            );
            None
        }
    }
}

fn with(url: &str, query: &str) -> String {
    let join = if url.contains('?') { '&' } else { '?' };
    format!("{url}{join}{query}")
}

/// Whether the connection `url` makes is encrypted, as the server sees it.
fn encrypted(url: &str) -> Result<bool, String> {
    let (config, tls) = parse_url(url).map_err(|e| e.to_string())?;
    let connector = tls.connector().map_err(|e| e.to_string())?;
    let mut client = config.connect(connector).map_err(|e| format!("{e:?}"))?;
    let row = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .map_err(|e| e.to_string())?;
    Ok(row.get(0))
}

#[test]
fn require_and_verify_connect_encrypted_and_disable_does_not() {
    let Some((url, ca)) = cluster() else { return };
    assert_eq!(encrypted(&with(&url, "sslmode=require")), Ok(true));
    assert_eq!(encrypted(&with(&url, "sslmode=prefer")), Ok(true));
    assert_eq!(
        encrypted(&with(&url, &format!("sslmode=verify-ca&sslrootcert={ca}"))),
        Ok(true)
    );
    assert_eq!(
        encrypted(&with(
            &url,
            &format!("sslmode=verify-full&sslrootcert={ca}")
        )),
        Ok(true)
    );
    assert_eq!(encrypted(&with(&url, "sslmode=disable")), Ok(false));
}

#[test]
fn verify_full_refuses_a_server_whose_certificate_it_does_not_trust() {
    let Some((url, _)) = cluster() else { return };
    // The system's authorities never signed the test's self-signed certificate.
    assert!(encrypted(&with(&url, "sslmode=verify-full")).is_err());
    assert!(encrypted(&with(&url, "sslmode=verify-ca")).is_err());
}

#[test]
fn the_store_opens_over_verified_tls() {
    let Some((url, ca)) = cluster() else { return };
    let schema = format!("tls_{}", std::process::id());
    let admin = with(&url, &format!("sslmode=verify-full&sslrootcert={ca}"));
    let (config, tls) = parse_url(&admin).unwrap();
    let mut client = config.connect(tls.connector().unwrap()).unwrap();
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let mut store_config = config.clone();
    store_config.options(&format!("-c search_path={schema}"));
    let opened = PostgresStore::connect_with_tls(store_config, &tls);
    client
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
    assert!(opened.is_ok(), "{:?}", opened.err());
}
