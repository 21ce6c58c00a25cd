//! The easy-read checker: scores a summary written for people with a learning disability
//! and tells an editor, in plain words, what to change.
//!
//! The rules follow common easy-read guidance: short sentences (15 words at most), one
//! idea per sentence, everyday words, active voice, no jargon.

use serde::{Deserialize, Serialize};

/// Most words in one easy-read sentence.
pub const MAX_SENTENCE_WORDS: usize = 15;
/// Words longer than this are hard to read for many people.
const LONG_WORD_LETTERS: usize = 12;

/// Words and phrases that need explaining, with an everyday alternative.
pub const JARGON: &[(&str, &str)] = &[
    (
        "direct payment",
        "money from the council to pay for your support",
    ),
    ("personal budget", "money for your support"),
    ("enablement", "help to learn to do things yourself"),
    ("reablement", "help to get back to doing things yourself"),
    ("referral", "ask for a place for you"),
    ("refer", "ask for a place for you"),
    ("assessment", "a meeting to find out what help you need"),
    ("assessed", "checked what help you need"),
    ("respite", "a break"),
    ("eligibility", "who can come"),
    ("eligible", "can come"),
    ("facilitate", "help"),
    ("facilitated", "helped"),
    ("holistic", "whole"),
    ("provision", "help"),
    ("commissioned", "paid for"),
    ("statutory", "by law"),
    ("service user", "person"),
    ("service users", "people"),
    ("multidisciplinary", "a team of different workers"),
    ("therapeutic", "helps you feel better"),
    ("utilise", "use"),
    ("signpost", "tell you about"),
    ("cognitive", "thinking"),
];

/// One thing to change, about one sentence (or the whole summary when `sentence` is None).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    /// Which sentence, counting from 1.
    pub sentence: Option<usize>,
    pub message: String,
}

/// The checker's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// 100 is perfect; each problem takes points off.
    pub score: u8,
    pub advice: Vec<Advice>,
}

impl Report {
    /// Whether the summary is good enough to publish as easy read.
    pub fn passes(&self) -> bool {
        self.advice.is_empty()
    }
}

/// Splits a text into sentences at full stops, question marks and exclamation marks.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

fn words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '£'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn looks_passive(words: &[String]) -> bool {
    // "Visits are arranged with you" already says who: only flag a passive without "with you".
    (0..words.len().saturating_sub(1))
        .map(|i| &words[i..words.len().min(i + 4)])
        .any(|w| {
            matches!(
                w[0].as_str(),
                "is" | "are" | "was" | "were" | "been" | "being" | "be"
            ) && w[1].len() > 4
                && w[1].ends_with("ed")
                && !matches!(
                    w[1].as_str(),
                    "needed" | "interested" | "excited" | "tired" | "worried" | "based"
                )
                && !(w.get(2).is_some_and(|x| x == "with") && w.get(3).is_some_and(|x| x == "you"))
        })
}

/// Checks an easy-read summary.
pub fn check(text: &str) -> Report {
    let mut advice = Vec::new();
    let all = sentences(text);
    if all.is_empty() {
        advice.push(Advice {
            sentence: None,
            message: "Write a few short sentences about what happens and who it is for.".into(),
        });
    }
    for (i, sentence) in all.iter().enumerate() {
        let n = i + 1;
        let w = words(sentence);
        if w.len() > MAX_SENTENCE_WORDS {
            advice.push(Advice {
                sentence: Some(n),
                message: format!("Sentence {n} has {} words. Use {MAX_SENTENCE_WORDS} words or fewer: split it in two.", w.len()),
            });
        }
        let joined = format!(" {} ", w.join(" "));
        for (jargon, plain) in JARGON {
            if joined.contains(&format!(" {jargon} ")) {
                advice.push(Advice {
                    sentence: Some(n),
                    message: format!(
                        "Sentence {n} says “{jargon}”. Try everyday words, like “{plain}”."
                    ),
                });
            }
        }
        for long in w.iter().filter(|w| w.chars().count() > LONG_WORD_LETTERS) {
            advice.push(Advice {
                sentence: Some(n),
                message: format!("“{long}” is a long word. Can you use a shorter one?"),
            });
        }
        if looks_passive(&w) {
            advice.push(Advice {
                sentence: Some(n),
                message: format!("Sentence {n} may be passive. Say who does it: “We make lunch”, not “Lunch is provided”."),
            });
        }
        if sentence.contains(';') {
            advice.push(Advice {
                sentence: Some(n),
                message: format!(
                    "Sentence {n} has several parts. Give each idea its own sentence."
                ),
            });
        }
    }
    let score = 100u8.saturating_sub((advice.len() * 15).min(100) as u8);
    Report { score, advice }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_plain_sentences_pass() {
        let r = check(
            "This is a club for people with memory problems. It meets on Saturday mornings in Crewe. Carers can come too.",
        );
        assert!(r.passes(), "{r:?}");
        assert_eq!(r.score, 100);
    }

    #[test]
    fn a_long_sentence_is_told_to_split() {
        let r = check(
            "This is a group that meets every week in the hall by the church on the main road near the shops in town.",
        );
        assert!(r.advice[0].message.contains("split it in two"));
    }

    #[test]
    fn jargon_gets_an_everyday_alternative() {
        let r = check("You need a referral. You can use a direct payment.");
        assert!(
            r.advice
                .iter()
                .any(|a| a.message.contains("referral") && a.message.contains("ask for a place"))
        );
        assert!(
            r.advice
                .iter()
                .any(|a| a.message.contains("direct payment"))
        );
    }

    #[test]
    fn passive_voice_is_pointed_out() {
        assert!(!check("Lunch is provided.").passes());
        assert!(check("We make lunch.").passes());
    }

    #[test]
    fn arranged_with_you_says_who_and_lists_are_one_idea() {
        assert!(
            check("Visits are arranged with you. You can do music, art, cooking and games.")
                .passes()
        );
    }

    #[test]
    fn an_empty_summary_is_advised_on() {
        assert!(!check("   ").passes());
    }
}
