//! Handles `/words`: "Words we use", the meaning of every word about care and support the
//! site cannot avoid, in plain words. Listings in easy read link these words here
//! (`/words#direct-payment`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;
use crate::profile::SiteProfile;

/// A word people meet in listings and letters, and what it means.
pub struct Word {
    /// The id of its entry on the page: `direct-payment`.
    pub slug: &'static str,
    /// How it is written as a heading: "Direct payment".
    pub word: &'static str,
    /// The forms found in text, in lower case, longest first within the entry.
    pub forms: &'static [&'static str],
    /// Its meaning, one short sentence each. `{council}` and `{care_phone}` stand for the
    /// council's name and its care assessment number, from the council profile.
    pub meaning: &'static [&'static str],
}

/// Every word, A to Z.
pub const WORDS: &[Word] = &[
    Word {
        slug: "assessment",
        word: "Assessment",
        forms: &["assessments", "assessment"],
        meaning: &[
            "An assessment is a talk to find out what help you need.",
            "Someone asks you about your life and what is hard for you.",
        ],
    },
    Word {
        slug: "befriending",
        word: "Befriending",
        forms: &["befriending", "befriender"],
        meaning: &[
            "Befriending is when a volunteer visits you or phones you for a chat.",
            "It can help you feel less lonely.",
        ],
    },
    Word {
        slug: "care-assessment",
        word: "Care assessment",
        forms: &["care assessments", "care assessment"],
        meaning: &[
            "A care assessment is a meeting with someone from the council.",
            "They find out what help you need.",
            "Then they tell you what help the council can give you.",
            "It is free to ask for one. Phone {council} on {care_phone} to ask.",
        ],
    },
    Word {
        slug: "carer",
        word: "Carer",
        forms: &["family carers", "family carer"],
        meaning: &[
            "A family carer is a family member or friend who helps someone every day.",
            "They do not get paid for it.",
        ],
    },
    Word {
        slug: "day-centre",
        word: "Day centre",
        forms: &["day centres", "day centre"],
        meaning: &[
            "A day centre is a building where adults go in the day.",
            "You can do activities, have lunch and meet people.",
            "Staff are there to help you.",
        ],
    },
    Word {
        slug: "direct-payment",
        word: "Direct payment",
        forms: &["direct payments", "direct payment"],
        meaning: &[
            "A direct payment is money from the council.",
            "You use it to pay for your own support.",
            "You choose what support to buy.",
            "You need a care assessment first.",
        ],
    },
    Word {
        slug: "ehc-plan",
        word: "EHC plan",
        forms: &[
            "education, health and care plan",
            "ehc plans",
            "ehc plan",
            "ehcp",
        ],
        meaning: &[
            "EHC plan means Education, Health and Care plan.",
            "It is a plan for young people up to 25 who need help to learn.",
            "It says what help you should get.",
        ],
    },
    Word {
        slug: "eligible",
        word: "Eligible",
        forms: &["eligibility", "eligible"],
        meaning: &[
            "Eligible means you are allowed to have something.",
            "For example, you can get help from the council if you meet its rules.",
        ],
    },
    Word {
        slug: "enablement",
        word: "Enablement",
        forms: &["enablement"],
        meaning: &[
            "Enablement is help to learn to do things for yourself.",
            "It lasts a short time, often up to 12 weeks.",
        ],
    },
    Word {
        slug: "personal-budget",
        word: "Personal budget",
        forms: &["personal budgets", "personal budget"],
        meaning: &[
            "A personal budget is the money the council says your support costs.",
            "You can have it as a direct payment.",
            "Or the council can spend it for you.",
        ],
    },
    Word {
        slug: "referral",
        word: "Referral",
        forms: &["self-referral", "self referral", "referrals", "referral"],
        meaning: &[
            "A referral is when someone asks a service to give you a place.",
            "A social worker or a doctor can do this for you.",
            "A self-referral is when you ask for a place yourself.",
        ],
    },
    Word {
        slug: "respite",
        word: "Respite",
        forms: &["respite"],
        meaning: &[
            "Respite means a break.",
            "It gives a family carer time to rest.",
            "The person they care for does something they enjoy somewhere else.",
        ],
    },
    Word {
        slug: "shared-lives",
        word: "Shared Lives",
        forms: &["shared lives"],
        meaning: &[
            "Shared Lives is support from a trained carer in their own home.",
            "You spend the day with them and their family.",
            "Sometimes you can stay the night.",
        ],
    },
    Word {
        slug: "social-worker",
        word: "Social worker",
        forms: &["social workers", "social worker"],
        meaning: &[
            "A social worker works for the council.",
            "They help you find out what support you need, and help you get it.",
        ],
    },
    Word {
        slug: "supported-employment",
        word: "Supported employment",
        forms: &["supported employment"],
        meaning: &[
            "Supported employment is help to get a paid job and keep it.",
            "A job coach helps you learn the job.",
        ],
    },
    Word {
        slug: "volunteering",
        word: "Volunteering",
        forms: &["volunteering"],
        meaning: &[
            "Volunteering means doing useful work without pay.",
            "It is a good way to meet people and learn skills.",
        ],
    },
    Word {
        slug: "waiting-list",
        word: "Waiting list",
        forms: &["waiting lists", "waiting list"],
        meaning: &[
            "A waiting list means the service is full now.",
            "You can put your name down.",
            "They tell you when there is a place for you.",
        ],
    },
];

/// The link to a word's meaning.
pub fn word_href(slug: &str) -> String {
    format!("/words#{slug}")
}

/// A meaning's sentence with the council's name and number put in.
fn with_council(sentence: &str, profile: &SiteProfile) -> String {
    sentence
        .replace("{council}", &profile.names.council)
        .replace("{care_phone}", &profile.care_assessment.phone)
}

/// The glossary page.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let profile = SiteProfile::get();
    let contents = WORDS
        .iter()
        .map(|w| view! { <li><a class="link" href=format!("#{}", w.slug)>{w.word}</a></li> })
        .collect_view();
    let entries = WORDS
        .iter()
        .map(|w| {
            view! {
                <section class="word" aria-labelledby=w.slug>
                    <h2 class="heading-m word__heading" id=w.slug tabindex="-1">{w.word}</h2>
                    {w.meaning.iter().map(|s| view! { <p class="body">{with_council(s, &profile)}</p> }).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text="Words we use – Dayfinder" />
        <h1 class="heading-l picture-heading"><Picture name="words" />"Words we use"</h1>
        <p class="lead">"Some words about care and support are hard. This page says what they mean, in plain words."</p>
        <nav class="words-contents" aria-label="Words on this page">
            <ul class="words-contents__list">{contents}</ul>
        </nav>
        {entries}
        <FocusOnArrival />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_a_unique_id_and_a_short_plain_meaning() {
        let mut slugs: Vec<_> = WORDS.iter().map(|w| w.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), WORDS.len());
        for w in WORDS {
            let meaning = w.meaning.join(" ");
            assert!(
                dayfinder::easyread::sentences(&meaning)
                    .iter()
                    .all(
                        |s| s.split_whitespace().count() <= dayfinder::easyread::MAX_SENTENCE_WORDS
                    ),
                "{} has a long sentence",
                w.word
            );
        }
    }

    #[test]
    fn the_words_the_issue_names_are_all_explained() {
        for needed in [
            "direct payment",
            "enablement",
            "referral",
            "assessment",
            "respite",
            "shared lives",
            "personal budget",
            "care assessment",
            "ehc plan",
            "supported employment",
            "day centre",
        ] {
            assert!(
                WORDS.iter().any(|w| w.forms.contains(&needed)),
                "{needed} is missing"
            );
        }
    }
}
