//! TLS to the database, read from the connection URL as libpq reads it: `sslmode=`
//! `disable`, `prefer` (the default), `require`, `verify-ca` or `verify-full`, and
//! `sslrootcert=FILE` (a PEM file of the certificate authority to trust). The client
//! library knows only the first three modes, so both keys are taken out of the URL here
//! and the connection's TLS is set up to match (see docs/scaling.md).

use std::path::PathBuf;

use native_tls::{Certificate, TlsConnector};
use postgres::config::SslMode as ClientSslMode;
use postgres_native_tls::MakeTlsConnector;

use crate::store::{StoreError, StoreResult};

/// How much of TLS to insist on, as libpq names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Plain TCP only.
    Disable,
    /// TLS when the server offers it, without checking its certificate.
    #[default]
    Prefer,
    /// TLS or no connection; the certificate is checked only against `sslrootcert`
    /// when one is named (as libpq does).
    Require,
    /// TLS with a certificate signed by a trusted authority, for any host name.
    VerifyCa,
    /// TLS with a trusted certificate for the host connected to.
    VerifyFull,
}

impl SslMode {
    pub fn parse(text: &str) -> StoreResult<SslMode> {
        match text {
            "disable" => Ok(SslMode::Disable),
            "prefer" => Ok(SslMode::Prefer),
            "require" => Ok(SslMode::Require),
            "verify-ca" => Ok(SslMode::VerifyCa),
            "verify-full" => Ok(SslMode::VerifyFull),
            other => Err(StoreError::Invalid(format!(
                "sslmode must be disable, prefer, require, verify-ca or verify-full, not “{other}”"
            ))),
        }
    }
}

/// The TLS part of a connection URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsSettings {
    pub mode: SslMode,
    /// The authority's certificate to trust instead of the system's (`sslrootcert`).
    pub root_cert: Option<PathBuf>,
}

/// Splits a connection URL (`postgres://...?sslmode=verify-full&sslrootcert=/etc/ca.pem`,
/// or a `key=value` string) into the client's configuration and its TLS settings.
pub fn parse_url(url: &str) -> StoreResult<(postgres::Config, TlsSettings)> {
    let mut mode = None;
    let mut root_cert = None;
    let mut take = |key: &str, value: &str| -> StoreResult<bool> {
        match key {
            "sslmode" => mode = Some(SslMode::parse(value)?),
            "sslrootcert" => root_cert = Some(PathBuf::from(value)),
            _ => return Ok(false),
        }
        Ok(true)
    };
    let rest = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        match url.split_once('?') {
            Some((base, query)) => {
                let mut kept = Vec::new();
                for pair in query.split('&').filter(|p| !p.is_empty()) {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    if !take(key, value)? {
                        kept.push(pair);
                    }
                }
                if kept.is_empty() {
                    base.to_string()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
            None => url.to_string(),
        }
    } else {
        let mut kept = Vec::new();
        for word in url.split_whitespace() {
            let (key, value) = word.split_once('=').unwrap_or((word, ""));
            if !take(key, value.trim_matches('\''))? {
                kept.push(word);
            }
        }
        kept.join(" ")
    };
    let mut config: postgres::Config = rest.parse()?;
    let settings = TlsSettings {
        mode: mode.unwrap_or_default(),
        root_cert,
    };
    config.ssl_mode(match settings.mode {
        SslMode::Disable => ClientSslMode::Disable,
        SslMode::Prefer => ClientSslMode::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => ClientSslMode::Require,
    });
    Ok((config, settings))
}

impl TlsSettings {
    /// The connector for these settings.
    pub fn connector(&self) -> StoreResult<MakeTlsConnector> {
        let mut builder = TlsConnector::builder();
        if let Some(path) = &self.root_cert {
            let pem = std::fs::read(path).map_err(|e| {
                StoreError::Invalid(format!(
                    "could not read sslrootcert {}: {e}",
                    path.display()
                ))
            })?;
            builder.add_root_certificate(Certificate::from_pem(&pem)?);
            builder.disable_built_in_roots(true);
        }
        match (self.mode, &self.root_cert) {
            // Encrypted, but anyone's certificate will do: what these modes promise.
            (SslMode::Disable | SslMode::Prefer, _) | (SslMode::Require, None) => {
                builder.danger_accept_invalid_certs(true);
            }
            (SslMode::Require | SslMode::VerifyCa, _) => {
                builder.danger_accept_invalid_hostnames(true);
            }
            (SslMode::VerifyFull, _) => {}
        }
        Ok(MakeTlsConnector::new(builder.build()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_the_ssl_mode_and_the_authority_to_trust() {
        let (config, tls) = parse_url(
            "postgres://dayfinder@db.example:5432/site?sslmode=verify-full&sslrootcert=/etc/ca.pem&application_name=node",
        )
        .unwrap();
        assert_eq!(tls.mode, SslMode::VerifyFull);
        assert_eq!(tls.root_cert, Some(PathBuf::from("/etc/ca.pem")));
        assert_eq!(config.get_ssl_mode(), ClientSslMode::Require);
        assert_eq!(config.get_application_name(), Some("node"));
        assert_eq!(config.get_dbname(), Some("site"));
    }

    #[test]
    fn every_libpq_mode_is_read_and_prefer_is_the_default() {
        for (text, mode, client) in [
            ("disable", SslMode::Disable, ClientSslMode::Disable),
            ("prefer", SslMode::Prefer, ClientSslMode::Prefer),
            ("require", SslMode::Require, ClientSslMode::Require),
            ("verify-ca", SslMode::VerifyCa, ClientSslMode::Require),
            ("verify-full", SslMode::VerifyFull, ClientSslMode::Require),
        ] {
            let (config, tls) = parse_url(&format!("postgres://u@h/d?sslmode={text}")).unwrap();
            assert_eq!((tls.mode, config.get_ssl_mode()), (mode, client), "{text}");
            let (config, tls) = parse_url(&format!("host=h user=u sslmode={text}")).unwrap();
            assert_eq!((tls.mode, config.get_ssl_mode()), (mode, client), "{text}");
        }
        let (config, tls) = parse_url("postgres://u@h/d").unwrap();
        assert_eq!(tls, TlsSettings::default());
        assert_eq!(config.get_ssl_mode(), ClientSslMode::Prefer);
    }

    #[test]
    fn an_unknown_ssl_mode_is_refused_with_the_modes_there_are() {
        let said = parse_url("postgres://u@h/d?sslmode=allow-anything")
            .unwrap_err()
            .to_string();
        assert!(
            said.contains("verify-full") && said.contains("allow-anything"),
            "{said}"
        );
    }

    #[test]
    fn a_missing_authority_file_is_named() {
        let (_, tls) =
            parse_url("postgres://u@h/d?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem")
                .unwrap();
        let said = tls
            .connector()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(said.contains("/nonexistent/ca.pem"), "{said}");
    }
}
