//! Turning the words of a question into a tantivy query, without ever exposing tantivy's
//! query syntax: quotes, brackets, `AND(`, `field:` and `*` are just characters here.
//!
//! Each word may match any text field (name counts most), with a little typo tolerance.
//! Words that name a need, kind or access feature ("memory", "job", "day service") also
//! match the listings filed under it. Words are alternatives: more matches rank higher.

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::schema::Fields;
use super::words::{MAX_WORDS, concept_at, is_filler, typo_allowance, words};

/// The query for these words, or `None` when no word carries meaning (match everything).
/// `hints` are words already taken as filters: they only raise listings that have them
/// in their name.
pub fn text_query(
    text: &str,
    hints: &[String],
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
) -> Option<Box<dyn Query>> {
    let main = words_query(text, fields, analyzer)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    for hint in hints {
        if let Some(token) = analyzer.token_stream(hint).next().map(|t| t.text.clone()) {
            clauses.push(boosted(
                TermQuery::new(
                    Term::from_field_text(fields.name, &token),
                    IndexRecordOption::WithFreqs,
                ),
                1.5,
            ));
        }
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

fn words_query(text: &str, fields: &Fields, analyzer: &mut TextAnalyzer) -> Option<Box<dyn Query>> {
    let w = words(text);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut i = 0;
    while i < w.len() && clauses.len() < MAX_WORDS {
        if let Some((concepts, n)) = concept_at(&w[i..]) {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = concepts
                .iter()
                .map(|c| {
                    boosted(
                        TermQuery::new(
                            Term::from_field_text(fields.terms, &c.key),
                            IndexRecordOption::Basic,
                        ),
                        4.0,
                    )
                })
                .collect();
            for word in &w[i..i + n] {
                if !is_filler(word) {
                    alternatives.extend(word_clauses(word, fields, analyzer, 0.5));
                }
            }
            // The concept's other names count in a listing's name: "memory" for dementia.
            for c in &concepts {
                for synonym in super::words::names_of(&c.key) {
                    let mut stream = analyzer.token_stream(synonym);
                    while let Some(token) = stream.next() {
                        let term = Term::from_field_text(fields.name, &token.text);
                        alternatives.push(boosted(
                            TermQuery::new(term, IndexRecordOption::WithFreqs),
                            1.0,
                        ));
                    }
                }
            }
            clauses.push((Occur::Should, Box::new(BooleanQuery::new(alternatives))));
            i += n;
            continue;
        }
        let word = &w[i];
        i += 1;
        if is_filler(word) {
            continue;
        }
        let alternatives = word_clauses(word, fields, analyzer, 1.0);
        if !alternatives.is_empty() {
            clauses.push((Occur::Should, Box::new(BooleanQuery::new(alternatives))));
        }
    }
    if clauses.is_empty() {
        None
    } else {
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

fn boosted(q: impl Query, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost)))
}

/// One word against every text field, exactly and (for longer words) with a typo or two.
fn word_clauses(
    word: &str,
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
    weight: f32,
) -> Vec<(Occur, Box<dyn Query>)> {
    let mut stream = analyzer.token_stream(word);
    let Some(token) = stream.next().map(|t| t.text.clone()) else {
        return Vec::new();
    };
    let weighted: [(Field, f32); 5] = [
        (fields.name, 3.0),
        (fields.tags, 2.0),
        (fields.provider, 1.5),
        (fields.town, 1.0),
        (fields.body, 1.0),
    ];
    let mut out = Vec::new();
    for (field, boost) in weighted {
        let term = Term::from_field_text(field, &token);
        out.push(boosted(
            TermQuery::new(term.clone(), IndexRecordOption::WithFreqs),
            boost * weight,
        ));
        let allowance = typo_allowance(&token) as u8;
        if allowance > 0 && field != fields.town {
            out.push(boosted(
                FuzzyTermQuery::new(term, allowance.min(1), true),
                boost * weight * 0.3,
            ));
        }
    }
    out
}
