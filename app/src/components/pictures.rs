//! The pictures of easy read: one SVG for each need, kind of activity, day, part of the
//! day and key fact, in `public/icons/` (all drawn on a 48px grid, 2.5px round strokes).
//! A picture always sits beside words that say the same thing, so each one is decorative
//! to assistive technology (`alt=""`).

use leptos::prelude::*;

/// A picture by its file name in `public/icons/` (without `.svg`).
#[component]
pub fn Picture(
    /// `day-saturday`, `cost`, `need-dementia`.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    view! {
        <img class="picture" src=format!("/icons/{name}.svg") alt="" width="48" height="48" />
    }
}

/// The server-side choice of picture for the things a listing says.
#[cfg(feature = "ssr")]
pub mod choose {
    use dayfinder::model::{AccessFeature, DayPart, Kind, Need, Term, Weekday};

    pub fn need(need: Need) -> String {
        format!("need-{}", need.slug())
    }

    pub fn kind(kind: Kind) -> String {
        format!("kind-{}", kind.slug())
    }

    pub fn day(day: Weekday) -> String {
        format!("day-{}", day.slug())
    }

    pub fn part(part: DayPart) -> String {
        part.slug().to_string()
    }

    pub fn access(feature: AccessFeature) -> &'static str {
        match feature {
            AccessFeature::StepFree => "wheelchair",
            AccessFeature::AccessibleToilet | AccessFeature::ChangingPlaces => "toilet",
            AccessFeature::Hoist => "wheelchair",
            AccessFeature::HearingLoop => "hearing-loop",
            AccessFeature::QuietSpace => "quiet-space",
            AccessFeature::Parking => "parking",
            AccessFeature::Transport => "transport",
        }
    }

    /// The picture for one sentence of an easy-read summary, from the words in it; the
    /// service's own kind when nothing more particular is said.
    pub fn for_sentence(sentence: &str, kinds: &[Kind]) -> String {
        let lower = sentence.to_lowercase();
        let has = |words: &[&str]| {
            words.iter().any(|w| {
                lower
                    .split(|c: char| !c.is_alphanumeric() && c != '£')
                    .any(|word| {
                        word == *w || (w.ends_with('*') && word.starts_with(&w[..w.len() - 1]))
                    })
            })
        };
        if let Some(named) = Weekday::all()
            .iter()
            .find(|d| has(&[d.slug(), &format!("{}s", d.slug())]))
        {
            return day(*named);
        }
        let rules: &[(&[&str], &str)] = &[
            (&["morning", "mornings"], "morning"),
            (&["afternoon", "afternoons"], "afternoon"),
            (&["evening", "evenings", "night"], "evening"),
            (&["free"], "free"),
            (&["£*", "pay", "cost", "costs", "money"], "cost"),
            (
                &["minibus", "bus", "transport", "taxi", "driver"],
                "transport",
            ),
            (&["wheelchair", "wheelchairs"], "wheelchair"),
            (&["quiet", "calm"], "quiet-space"),
            (&["phone", "ring", "call"], "phone"),
            (&["job", "jobs", "work"], "kind-supported-employment"),
            (
                &["volunteer", "volunteers", "volunteering"],
                "kind-volunteering",
            ),
            (
                &["learn", "course", "skills", "college"],
                "kind-skills-learning",
            ),
            (&["online", "computer", "video", "internet"], "kind-online"),
            (
                &[
                    "tea", "coffee", "lunch", "cake", "meals", "food", "cooking", "baking",
                ],
                "food",
            ),
            (
                &["music", "sing", "singing", "songs", "dance", "dancing"],
                "music",
            ),
            (&["memory", "dementia"], "need-dementia"),
            (&["autistic", "autism"], "need-autism"),
            (&["carer", "carers", "family"], "need-carers-break"),
            (&["home"], "kind-outreach"),
            (&["staff", "helper", "helpers", "coach", "worker"], "helper"),
            (
                &["chat", "talk", "friends", "games", "bingo"],
                "kind-community-group",
            ),
        ];
        rules
            .iter()
            .find(|(words, _)| has(words))
            .map(|(_, picture)| picture.to_string())
            .or_else(|| kinds.first().map(|k| kind(*k)))
            .unwrap_or_else(|| "info".to_string())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_picture_the_site_names_is_drawn() {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/icons");
            let mut names: Vec<String> = [
                "cost",
                "free",
                "transport",
                "wheelchair",
                "quiet-space",
                "phone",
                "address",
                "email",
                "spaces",
                "info",
                "clock",
                "food",
                "music",
                "person",
                "helper",
                "days",
                "words",
                "search",
                "easy-read",
                "read-aloud",
                "toilet",
                "hearing-loop",
                "parking",
            ]
            .map(String::from)
            .to_vec();
            names.extend(Need::all().iter().map(|n| need(*n)));
            names.extend(Kind::all().iter().map(|k| kind(*k)));
            names.extend(Weekday::all().iter().map(|d| day(*d)));
            names.extend(DayPart::all().iter().map(|p| part(*p)));
            names.extend(AccessFeature::all().iter().map(|a| access(*a).to_string()));
            for name in names {
                assert!(
                    dir.join(format!("{name}.svg")).is_file(),
                    "public/icons/{name}.svg is missing"
                );
            }
        }

        #[test]
        fn a_sentence_gets_the_picture_of_what_it_is_about() {
            assert_eq!(
                for_sentence("It meets on Saturday mornings in Crewe.", &[]),
                "day-saturday"
            );
            assert_eq!(for_sentence("You can have tea and a chat.", &[]), "food");
            assert_eq!(
                for_sentence("A minibus can pick you up from home.", &[]),
                "transport"
            );
            assert_eq!(for_sentence("It costs £3 each time.", &[]), "cost");
            assert_eq!(
                for_sentence("This is a club.", &[Kind::CommunityGroup]),
                "kind-community-group"
            );
        }
    }
}
