//! The server's configuration in one place: every option of `serve` is a flag, an
//! environment variable, or a key of the council profile's `[serve]` table, in that order
//! of precedence (docs/deploy.md). The profile's values go through the same checks as the
//! flags; a wrong one stops the server naming the file, line and key. The global ones
//! (`data_dir`, `database`, `log_format`) hold for every command given that profile, so
//! that `add-editor` works on the data the site serves.

use std::ffi::OsString;
use std::path::Path;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};
use serde::Deserialize;

use crate::cli::{Cli, Command};

/// The options every command takes (before the command's name on the command line).
const GLOBAL: &[&str] = &["data_dir", "database", "log_format"];

/// The profile's `[serve]` keys, each with the flag it stands for and the argument's id.
const KEYS: &[(&str, &str, &str)] = &[
    ("addr", "--addr", "addr"),
    ("public_url", "--public-url", "public_url"),
    ("secure_cookies", "--secure-cookies", "secure_cookies"),
    ("trusted_proxies", "--trusted-proxy", "trusted_proxies"),
    ("smtp_url", "--smtp-url", "smtp_url"),
    ("metrics_addr", "--metrics-addr", "metrics_addr"),
    ("data_dir", "--data-dir", "data_dir"),
    ("database", "--database", "database"),
    ("log_format", "--log-format", "log_format"),
];

/// A mistake in the profile's `[serve]` table.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: `serve{}`: {problem}", if key.is_empty() { String::new() } else { format!(".{key}") })]
pub struct ServeOptionError {
    pub file: String,
    pub line: usize,
    pub key: String,
    pub problem: String,
}

/// The profile file as this module reads it: its `[serve]` table alone, with where each
/// value is written.
#[derive(Deserialize)]
struct ProfileServe {
    #[serde(default)]
    serve: std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>,
}

/// The profile's `serve`, whatever it holds (a table, or a mistake).
#[derive(Deserialize)]
struct ProfileServeAny {
    serve: Option<toml::Spanned<toml::Value>>,
}

/// The command line as given (no command is `serve`), with `serve`'s options from the
/// profile's `[serve]` table where neither a flag nor the environment gives them. Clap's
/// own mistakes (a wrong flag) exit as clap does; a wrong profile value is an error.
pub fn parse(args: Vec<OsString>) -> anyhow::Result<Cli> {
    let mut args = args;
    let mut matches = matches_of(&args);
    if matches.subcommand().is_none() {
        args.push("serve".into());
        matches = matches_of(&args);
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let Some(profile) = &cli.profile else {
        return Ok(cli);
    };
    // A profile that cannot be read is reported by the profile's own check, later.
    let Ok(text) = std::fs::read_to_string(profile) else {
        return Ok(cli);
    };
    let serving = matches!(cli.command, Some(Command::Serve(_)));
    let extra = profile_options(&text, profile, &matches)?;
    if extra
        .iter()
        .all(|(key, _)| !serving && !GLOBAL.contains(key))
    {
        return Ok(cli);
    }
    for (key, flags) in extra {
        if GLOBAL.contains(&key) {
            // Before the command's name, where a global option is always one.
            args.splice(1..1, flags);
        } else if serving {
            // After `serve`, which takes no words of its own to confuse them with.
            args.extend(flags);
        }
    }
    let matches = matches_of(&args);
    Ok(Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit()))
}

fn matches_of(args: &[OsString]) -> ArgMatches {
    Cli::command().get_matches_from(args)
}

/// Whether the argument `id` was given by a flag or the environment.
fn given(matches: &ArgMatches, id: &str) -> bool {
    // (`value_source` panics on an id its matches do not know: ask only where it is.)
    let source = |m: &ArgMatches| {
        m.try_get_raw(id)
            .ok()
            .flatten()
            .and_then(|_| m.value_source(id))
    };
    let found = matches
        .subcommand()
        .and_then(|(_, sub)| source(sub))
        .or_else(|| source(matches));
    matches!(
        found,
        Some(ValueSource::CommandLine | ValueSource::EnvVariable)
    )
}

/// The flags the profile's `[serve]` table stands for, for the options not given, each
/// value checked as its flag is.
fn profile_options(
    text: &str,
    path: &Path,
    matches: &ArgMatches,
) -> Result<Vec<(&'static str, Vec<OsString>)>, ServeOptionError> {
    let file = path.display().to_string();
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    // The profile's own check (at start) says what is wrong with the file as TOML.
    let Ok(any) = toml::from_str::<ProfileServeAny>(text) else {
        return Ok(Vec::new());
    };
    if let Some(serve) = any.serve.filter(|s| !s.get_ref().is_table()) {
        return Err(ServeOptionError {
            file,
            line: line_of(serve.span().start),
            key: String::new(),
            problem: "must be a table: a line `[serve]`, then one option a line".into(),
        });
    }
    let Ok(read) = toml::from_str::<ProfileServe>(text) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (key, value) in &read.serve {
        let mistake = |problem: String| ServeOptionError {
            file: file.clone(),
            line: line_of(value.span().start),
            key: key.get_ref().clone(),
            problem,
        };
        let Some(&(known_key, flag, id)) = KEYS.iter().find(|(k, ..)| k == key.get_ref()) else {
            let known: Vec<&str> = KEYS.iter().map(|(k, ..)| *k).collect();
            return Err(ServeOptionError {
                file: file.clone(),
                line: line_of(key.span().start),
                key: key.get_ref().clone(),
                problem: format!(
                    "is not an option of serve; expected one of {}",
                    known.join(", ")
                ),
            });
        };
        let flags = flags_of(flag, value.get_ref()).map_err(mistake)?;
        check(&flags).map_err(mistake)?;
        if !given(matches, id) {
            out.push((known_key, flags));
        }
    }
    Ok(out)
}

/// The flags a value stands for: `--addr 127.0.0.1:3000`; `--secure-cookies` when true;
/// one `--trusted-proxy` for each address of a list.
fn flags_of(flag: &str, value: &toml::Value) -> Result<Vec<OsString>, String> {
    match (flag, value) {
        ("--secure-cookies", toml::Value::Boolean(on)) => {
            Ok(if *on { vec![flag.into()] } else { Vec::new() })
        }
        ("--secure-cookies", _) => Err("must be true or false".into()),
        ("--trusted-proxy", toml::Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                toml::Value::String(s) => Ok(vec![flag.into(), s.into()]),
                _ => Err("must be a list of addresses or networks, in quotes".to_string()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|all| all.concat()),
        (_, toml::Value::String(s)) => Ok(vec![flag.into(), s.into()]),
        _ => Err("must be text, in quotes".into()),
    }
}

/// The flags checked as the command line checks them: the same words for a wrong value.
fn check(flags: &[OsString]) -> Result<(), String> {
    let mut args: Vec<OsString> = vec!["dayfinder".into(), "serve".into()];
    args.extend(flags.iter().cloned());
    match Cli::command().try_get_matches_from(args) {
        Ok(_) => Ok(()),
        Err(error) => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or_default();
            Err(first.trim_start_matches("error: ").to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(profile: &str, flags: &[&str]) -> Result<Vec<String>, ServeOptionError> {
        let mut args = vec!["dayfinder", "serve"];
        args.extend_from_slice(flags);
        let matches = Cli::command().get_matches_from(args);
        profile_options(profile, Path::new("profile.toml"), &matches).map(|out| {
            out.into_iter()
                .flat_map(|(_, flags)| flags)
                .map(|a| a.into_string().unwrap())
                .collect()
        })
    }

    #[test]
    fn the_profiles_serve_options_become_flags_where_none_is_given() {
        let profile = "[council]\nname = \"x\"\n\n[serve]\naddr = \"127.0.0.1:4000\"\nsecure_cookies = true\ntrusted_proxies = [\"10.0.0.0/24\", \"10.1.0.5\"]\n";
        assert_eq!(
            options(profile, &[]).unwrap(),
            [
                "--addr",
                "127.0.0.1:4000",
                "--secure-cookies",
                "--trusted-proxy",
                "10.0.0.0/24",
                "--trusted-proxy",
                "10.1.0.5"
            ]
        );
        // A flag wins.
        let flagged = options(profile, &["--addr", "127.0.0.1:5000"]).unwrap();
        assert!(
            !flagged.contains(&"127.0.0.1:4000".to_string()),
            "{flagged:?}"
        );
    }

    #[test]
    fn a_wrong_serve_option_is_named_with_its_line_and_the_flags_own_words() {
        let profile = "[serve]\naddr = \"127.0.0.1:4000\"\nmetrics_addr = \"everywhere\"\n";
        let error = options(profile, &[]).unwrap_err().to_string();
        assert!(
            error.starts_with(
                "profile.toml line 3: `serve.metrics_addr`: invalid value 'everywhere'"
            ),
            "{error}"
        );
        let error = options("[serve]\nport = \"80\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("profile.toml line 2: `serve.port`: is not an option of serve"),
            "{error}"
        );
        let error = options("[serve]\nsecure_cookies = \"yes\"\n", &[])
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "profile.toml line 2: `serve.secure_cookies`: must be true or false"
        );
        let error = options("serve = \"fast\"\n\n[council]\nname = \"x\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("profile.toml line 1: `serve`: must be a table"),
            "{error}"
        );
    }
}
