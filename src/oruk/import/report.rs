//! What an import found and did, said so the person who ran it can fix their file.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// Where in the file a record is: "Service 12" (the 12th service of a JSON file, counted
/// across pages) or "Line 14" (the line of a CSV file the row starts on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "number")]
pub enum Position {
    Service(usize),
    Line(u64),
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Service(n) => write!(f, "Service {n}"),
            Position::Line(n) => write!(f, "Line {n}"),
        }
    }
}

/// One thing wrong with (or worth knowing about) one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub position: Position,
    /// The record's name, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The field, as named in the file: `schedules[1].opens_at`, `needs`.
    pub field: String,
    /// What is wrong, in plain words.
    pub reason: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.position)?;
        if let Some(name) = &self.name {
            write!(f, " (“{name}”)")?;
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.reason)
        } else {
            write!(f, ": {}: {}", self.field, self.reason)
        }
    }
}

/// A foreign taxonomy term that maps to nothing of ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmappedTerm {
    /// The taxonomy's name or id, when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
    /// The term's name (or code, or id).
    pub term: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How many records use it.
    pub records: usize,
    /// The first record that uses it.
    pub first: Position,
}

/// What an import found and did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    /// `json`, `csv` or `dayfinder` (our own directory file).
    pub format: String,
    /// Records read from the file.
    pub records: usize,
    /// Records that were valid (and imported, if `written`).
    pub valid: usize,
    /// Whether the store was changed.
    pub written: bool,
    /// Whether the import was refused because records are invalid (nothing was written).
    pub refused: bool,
    /// Services new to the directory.
    pub added: usize,
    /// Services already there that the file changed.
    pub changed: usize,
    /// Services already there, exactly as in the file: left alone.
    pub unchanged: usize,
    /// Services removed because the file replaced the whole directory (`replace`).
    pub removed: usize,
    /// A feed's listings that it no longer has: withdrawn from the site (kept aside).
    pub withdrawn: usize,
    /// Withdrawn listings the feed has again: back on the site.
    pub restored: usize,
    /// Why each invalid record is invalid (a record can have several).
    pub invalid: Vec<Issue>,
    /// Things that were imported but are worth checking: guesses, dropped details.
    pub warnings: Vec<Issue>,
    /// Foreign taxonomy terms that map to nothing: edit the mapping file to place them.
    pub unmapped_terms: Vec<UnmappedTerm>,
}

impl Report {
    /// How many records were invalid.
    pub fn invalid_records(&self) -> usize {
        let mut positions: Vec<Position> = self.invalid.iter().map(|i| i.position).collect();
        positions.sort();
        positions.dedup();
        positions.len()
    }

    /// One line on what happened: "Imported 12 of 12 records: 3 new, 1 changed, 8 unchanged."
    pub fn summary(&self) -> String {
        let invalid = self.invalid_records();
        let mut out = if self.refused {
            format!(
                "Nothing was imported: {} of {} {} invalid.",
                invalid,
                count(self.records, "record"),
                if invalid == 1 { "is" } else { "are" }
            )
        } else {
            format!(
                "Imported {} of {}: {} new, {} changed, {} unchanged.",
                self.valid,
                count(self.records, "record"),
                self.added,
                self.changed,
                self.unchanged
            )
        };
        if self.removed > 0 {
            out.push_str(&format!(
                " Removed {} that the file does not have.",
                count(self.removed, "service")
            ));
        }
        if self.restored > 0 {
            out.push_str(&format!(
                " Restored {} that the feed lists again.",
                count(self.restored, "withdrawn listing")
            ));
        }
        if self.withdrawn > 0 {
            out.push_str(&format!(
                " Withdrew {} that the feed no longer lists.",
                count(self.withdrawn, "listing")
            ));
        }
        if !self.refused && invalid > 0 {
            out.push_str(&format!(" Skipped {}.", count(invalid, "invalid record")));
        }
        if !self.warnings.is_empty() {
            out.push_str(&format!(" {}.", count(self.warnings.len(), "warning")));
        }
        if !self.unmapped_terms.is_empty() {
            out.push_str(&format!(
                " {} not in the mapping.",
                count(self.unmapped_terms.len(), "taxonomy term")
            ));
        }
        out
    }
}

/// "1 record", "3 records".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

impl fmt::Display for Report {
    /// The report as plain text, for people: the summary, then each list.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        if !self.invalid.is_empty() {
            let what = if self.refused {
                "Invalid"
            } else {
                "Skipped, invalid"
            };
            writeln!(f, "\n{what}:")?;
            for issue in &self.invalid {
                writeln!(f, "  {issue}")?;
            }
        }
        if !self.warnings.is_empty() {
            writeln!(f, "\nWarnings:")?;
            for issue in &self.warnings {
                writeln!(f, "  {issue}")?;
            }
        }
        if !self.unmapped_terms.is_empty() {
            writeln!(
                f,
                "\nTaxonomy terms not in the mapping (add them to a mapping file, or to its [ignore] list):"
            )?;
            for t in &self.unmapped_terms {
                let taxonomy = t
                    .taxonomy
                    .as_deref()
                    .map(|x| format!(" in “{x}”"))
                    .unwrap_or_default();
                let id =
                    t.id.as_deref()
                        .map(|x| format!(" ({x})"))
                        .unwrap_or_default();
                writeln!(
                    f,
                    "  “{}”{taxonomy}{id}: {}, first {}",
                    t.term,
                    count(t.records, "record"),
                    t.first
                )?;
            }
        }
        Ok(())
    }
}

/// Collects unmapped terms, counting records, keyed by taxonomy and term.
#[derive(Debug, Default)]
pub(crate) struct Unmapped {
    /// Each term with the last record that used it, so a record counts once.
    seen: BTreeMap<(String, String), (UnmappedTerm, Position)>,
}

impl Unmapped {
    pub fn add(
        &mut self,
        position: Position,
        taxonomy: Option<&str>,
        term: &str,
        id: Option<&str>,
    ) {
        let key = (taxonomy.unwrap_or("").to_string(), term.to_string());
        self.seen
            .entry(key)
            .and_modify(|(t, last)| {
                if *last != position {
                    t.records += 1;
                    *last = position;
                }
            })
            .or_insert_with(|| {
                let term = UnmappedTerm {
                    taxonomy: taxonomy.map(str::to_string),
                    term: term.to_string(),
                    id: id.map(str::to_string),
                    records: 1,
                    first: position,
                };
                (term, position)
            });
    }

    pub fn into_list(self) -> Vec<UnmappedTerm> {
        self.seen.into_values().map(|(t, _)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_names_its_place_record_field_and_reason() {
        let issue = Issue {
            position: Position::Service(12),
            name: Some("Crewe Lunch Club".into()),
            field: "schedules[0].opens_at".into(),
            reason: "“25:00” is not a time of day".into(),
        };
        assert_eq!(
            issue.to_string(),
            "Service 12 (“Crewe Lunch Club”): schedules[0].opens_at: “25:00” is not a time of day"
        );
    }
}
