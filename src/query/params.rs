//! A search as URL parameters, so that every search can be bookmarked and shared:
//! `?q=memory&near=CW1&within=5&need=dementia&day=saturday&page=2`.
//!
//! Reading is forgiving: anything it cannot use is skipped and reported, never an error.

use crate::model::{AccessFeature, Term, Weekday};

use super::{MAX_RADIUS_MILES, Order, SearchQuery, push};

/// Longest free text kept from a query (all its `q=` together); the rest is cut, not refused.
pub const MAX_TEXT_CHARS: usize = 200;
/// The most towns one search or events filter can choose. More than any area has among
/// its services; past it, a long address would make every results page's links (one to
/// remove each town) grow with the square of its length.
pub const MAX_TOWNS: usize = 40;
/// The most problems a page lists; the rest are summed up in one line, so a hostile address
/// cannot make a page echo it back at length.
pub const MAX_PROBLEMS: usize = 5;

/// A parameter that could not be used, said plainly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamProblem {
    pub param: String,
    pub message: String,
}

/// What a query's reading could not use, kept short: the first [`MAX_PROBLEMS`] said in
/// full, the rest counted into one closing line.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    listed: Vec<ParamProblem>,
    more: usize,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: ParamProblem) {
        if self.listed.len() < MAX_PROBLEMS {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    /// A choice that is not one of ours.
    pub(crate) fn unknown(&mut self, param: &str, value: &str) {
        // Counted without building the message once the list is full.
        if self.listed.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.push(ParamProblem {
            param: param.into(),
            message: format!(
                "We do not recognise “{}” as a choice, so we left it out.",
                shorten(value, 30)
            ),
        });
    }

    pub(crate) fn finish(mut self) -> Vec<ParamProblem> {
        if self.more > 0 {
            let (n, them) = match self.more {
                1 => ("1 more part".to_string(), "it"),
                n => (format!("{n} more parts"), "them"),
            };
            self.listed.push(ParamProblem {
                param: String::new(),
                message: format!(
                    "We could not use {n} of the address either, so we left {them} out."
                ),
            });
        }
        self.listed
    }
}

/// Towns as chosen: each once, whatever its case, and at most [`MAX_TOWNS`].
#[derive(Debug, Default)]
pub(crate) struct TownChoices {
    seen: std::collections::HashSet<String>,
    over: bool,
}

impl TownChoices {
    pub(crate) fn push(&mut self, towns: &mut Vec<String>, value: &str, problems: &mut Problems) {
        let town = clean_text(value, 40);
        if town.is_empty() || !self.seen.insert(town.to_lowercase()) {
            return;
        }
        if towns.len() < MAX_TOWNS {
            towns.push(town);
        } else if !self.over {
            self.over = true;
            problems.push(ParamProblem {
                param: "town".into(),
                message: format!(
                    "You can choose up to {MAX_TOWNS} towns, so we used the first {MAX_TOWNS}."
                ),
            });
        }
    }
}

fn push_term<T: Term>(list: &mut Vec<T>, value: &str, param: &str, problems: &mut Problems) {
    match T::from_slug(value.trim()) {
        Some(t) if !list.contains(&t) => list.push(t),
        Some(_) => {}
        None => problems.unknown(param, value),
    }
}

fn shorten(s: &str, n: usize) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).take(n).collect();
    if s.chars().count() > n {
        format!("{clean}…")
    } else {
        clean
    }
}

/// Removes control characters and cuts overlong text.
pub fn clean_text(s: &str, max: usize) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect::<String>()
        .trim()
        .to_string()
}

impl SearchQuery {
    /// Reads a search from URL parameters. Unknown or malformed values are skipped and
    /// listed in the second part, so a page can say what it ignored.
    pub fn from_params<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<ParamProblem>) {
        let mut q = SearchQuery::text("");
        let mut problems = Problems::default();
        let mut towns = TownChoices::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" => {
                    // Repeated `q=` are joined, and cut as one text.
                    let used = q.text.chars().count();
                    let gap = usize::from(used > 0);
                    let room = MAX_TEXT_CHARS.saturating_sub(used + gap);
                    if room > 0 {
                        if gap > 0 {
                            q.text.push(' ');
                        }
                        q.text.push_str(&clean_text(value, room));
                    }
                }
                "near" => q.place = Some(clean_text(value, 60)).filter(|p| !p.is_empty()),
                "within" => match parse_miles(value.trim_end_matches("miles").trim()) {
                    Some(m) if m > 0.0 => q.within_miles = Some(m.min(MAX_RADIUS_MILES)),
                    _ => problems.push(ParamProblem {
                        param: "within".into(),
                        message: "Distance must be a number of miles, like 5.".into(),
                    }),
                },
                "need" => push_term(&mut q.needs, value, key, &mut problems),
                "kind" => push_term(&mut q.kinds, value, key, &mut problems),
                "tier" => push_term(&mut q.tiers, value, key, &mut problems),
                // Days as people write them ("sat", "Saturdays", "weekend"), not only slugs.
                "day" => match Weekday::days_of(value) {
                    Some(days) => days.iter().for_each(|d| push(&mut q.days, *d)),
                    None => problems.unknown(key, value),
                },
                "time" => push_term(&mut q.parts, value, key, &mut problems),
                "cost" => push_term(&mut q.costs, value, key, &mut problems),
                "access" => push_term(&mut q.access, value, key, &mut problems),
                "vacancy" => push_term(&mut q.vacancy, value, key, &mut problems),
                "said" => match AccessFeature::from_slug(value) {
                    Some(feature) => push(&mut q.said_access, feature),
                    None => push_term(&mut q.said_days, value, key, &mut problems),
                },
                "town" => towns.push(&mut q.towns, value, &mut problems),
                "age" if value == super::events::young_adults_param() => q.young_adults = true,
                "age" => match value.parse::<u8>() {
                    Ok(age) if age <= 120 => q.age = Some(age),
                    _ => problems.push(ParamProblem {
                        param: "age".into(),
                        message: "Age must be a whole number of years, like 19.".into(),
                    }),
                },
                "order" => match value {
                    "relevance" => q.order = Order::Relevance,
                    "distance" => q.order = Order::Distance,
                    "name" => q.order = Order::Name,
                    _ => problems.push(ParamProblem {
                        param: "order".into(),
                        message: "Results can be ordered by relevance, distance or name.".into(),
                    }),
                },
                "page" => match value.parse::<usize>() {
                    Ok(p) if (1..=10_000).contains(&p) => q.page = p,
                    _ => problems.push(ParamProblem {
                        param: "page".into(),
                        message: "That page does not exist, so we showed the first.".into(),
                    }),
                },
                "per_page" => {
                    if let Ok(n) = value.parse::<usize>() {
                        q.per_page = n.clamp(1, super::MAX_PER_PAGE);
                    }
                }
                // Other parameters (view=easy, for example) belong to the site, not the search.
                _ => {}
            }
        }
        // Only a filter in force can have been read from words (one removed leaves its mark).
        q.said_access.retain(|a| q.access.contains(a));
        q.said_days.retain(|d| q.days.contains(d));
        (q, problems.finish())
    }

    /// The URL parameters of this search, in a stable order, without defaults.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.text.is_empty() {
            out.push(("q", self.text.clone()));
        }
        if let Some(p) = &self.place {
            out.push(("near", p.clone()));
        }
        if let Some(m) = self.within_miles {
            out.push(("within", format_miles(m)));
        }
        out.extend(self.needs.iter().map(|t| ("need", t.slug().to_string())));
        out.extend(self.kinds.iter().map(|t| ("kind", t.slug().to_string())));
        out.extend(self.tiers.iter().map(|t| ("tier", t.slug().to_string())));
        out.extend(self.towns.iter().map(|t| ("town", t.clone())));
        out.extend(self.days.iter().map(|t| ("day", t.slug().to_string())));
        out.extend(self.parts.iter().map(|t| ("time", t.slug().to_string())));
        out.extend(self.costs.iter().map(|t| ("cost", t.slug().to_string())));
        out.extend(self.access.iter().map(|t| ("access", t.slug().to_string())));
        out.extend(
            self.vacancy
                .iter()
                .map(|t| ("vacancy", t.slug().to_string())),
        );
        out.extend(
            self.said_access
                .iter()
                .map(|t| ("said", t.slug().to_string())),
        );
        out.extend(
            self.said_days
                .iter()
                .map(|t| ("said", t.slug().to_string())),
        );
        if let Some(a) = self.age {
            out.push(("age", a.to_string()));
        }
        if self.young_adults {
            out.push(("age", super::events::young_adults_param()));
        }
        if self.order != Order::Relevance {
            out.push(("order", self.order.slug().to_string()));
        }
        if self.page > 1 {
            out.push(("page", self.page.to_string()));
        }
        out
    }
}

/// "5", "2.5": miles to the tenth, without a trailing ".0".
///
/// Written, like `parse_miles` reads, with integers only: this code also runs in the
/// browser, whose bundle then carries none of the float formatting and parsing code and
/// tables of the standard library.
pub fn format_miles(m: f64) -> String {
    // Radii are capped at MAX_RADIUS_MILES, far inside u64.
    let tenths = (m * 10.0).round() as u64;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Miles written as digits with at most one decimal point ("5", "2.5", ".5"); `None`
/// for anything else ("NaN", "1e3", "-2"). Digits past the thousandth are ignored.
fn parse_miles(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    // More than six whole digits is beyond any radius: read it as the largest.
    let whole = match whole.trim_start_matches('0') {
        w if w.len() > 6 => return Some(MAX_RADIUS_MILES),
        "" => 0,
        w => w.parse::<u32>().ok()?,
    };
    let fraction = &fraction[..fraction.len().min(3)];
    let thousandths = fraction.parse::<u32>().unwrap_or(0) * 10_u32.pow(3 - fraction.len() as u32);
    Some(f64::from(whole) + f64::from(thousandths) / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Need;

    #[test]
    fn a_bookmarked_search_reads_back_the_same() {
        let (q, problems) = SearchQuery::from_params([
            ("q", "memory cafe"),
            ("near", "CW1 2AB"),
            ("within", "3"),
            ("need", "dementia"),
            ("day", "saturday"),
            ("page", "2"),
        ]);
        assert!(problems.is_empty());
        assert_eq!(q.needs, [Need::Dementia]);
        assert_eq!(q.days, [Weekday::Saturday]);
        let params = q.to_params();
        let (again, _) = SearchQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, q);
    }

    #[test]
    fn unknown_choices_are_skipped_and_reported() {
        let (q, problems) = SearchQuery::from_params([
            ("need", "<script>"),
            ("age", "old"),
            ("page", "-3"),
            ("within", "NaN"),
        ]);
        assert!(q.needs.is_empty());
        assert_eq!(q.age, None);
        assert_eq!(q.page, 1);
        assert_eq!(problems.len(), 4);
    }

    #[test]
    fn young_adults_are_an_age_range_that_reads_back_the_same() {
        let (q, problems) = SearchQuery::from_params([("age", "16-25"), ("age", "19")]);
        assert!(problems.is_empty());
        assert!(q.young_adults);
        assert_eq!(q.age, Some(19));
        let params = q.to_params();
        let (again, _) = SearchQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, q);
    }

    #[test]
    fn distances_are_read_and_written_in_miles_to_the_tenth() {
        let within = |text: &str| SearchQuery::from_params([("within", text)]).0.within_miles;
        assert_eq!(within("5"), Some(5.0));
        assert_eq!(within("2.5"), Some(2.5));
        assert_eq!(within(".5 miles"), Some(0.5));
        assert_eq!(within("250"), Some(MAX_RADIUS_MILES));
        assert_eq!(within("99999999999999999999"), Some(MAX_RADIUS_MILES));
        for refused in ["0", "-2", "1e3", "inf", "2.5.1", "."] {
            assert_eq!(within(refused), None, "{refused}");
        }
        assert_eq!(format_miles(5.0), "5");
        assert_eq!(format_miles(2.5), "2.5");
        assert_eq!(format_miles(0.25), "0.3");
    }

    #[test]
    fn weekend_means_saturday_and_sunday() {
        let (q, _) = SearchQuery::from_params([("day", "weekend")]);
        assert_eq!(q.days, [Weekday::Saturday, Weekday::Sunday]);
    }

    #[test]
    fn two_thousand_towns_keep_the_first_forty_and_say_so_once() {
        let names: Vec<String> = (0..2_000).map(|i| format!("t{i}")).collect();
        let (q, problems) = SearchQuery::from_params(names.iter().map(|t| ("town", t.as_str())));
        assert_eq!(q.towns.len(), MAX_TOWNS);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("up to 40 towns"));
    }

    #[test]
    fn a_town_chosen_twice_in_another_case_counts_once() {
        let (q, _) = SearchQuery::from_params([("town", "Crewe"), ("town", "CREWE")]);
        assert_eq!(q.towns, ["Crewe"]);
    }

    #[test]
    fn many_unknown_choices_are_listed_five_at_most_and_the_rest_summed_up() {
        let values: Vec<String> = (0..1_000).map(|i| format!("x{i}")).collect();
        let (q, problems) = SearchQuery::from_params(values.iter().map(|v| ("need", v.as_str())));
        assert!(q.needs.is_empty());
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].message,
            "We could not use 995 more parts of the address either, so we left them out."
        );
    }

    #[test]
    fn repeated_words_are_cut_as_one_text() {
        let word = "b".repeat(150);
        let (q, _) = SearchQuery::from_params((0..100).map(|_| ("q", word.as_str())));
        assert!(q.text.chars().count() <= MAX_TEXT_CHARS, "{}", q.text.len());
        assert!(q.text.starts_with(&word));
    }

    #[test]
    fn days_are_read_as_people_write_them() {
        let (q, problems) =
            SearchQuery::from_params([("day", "Sat"), ("day", "saturdays"), ("day", "Tues")]);
        assert!(problems.is_empty());
        assert_eq!(q.days, [Weekday::Saturday, Weekday::Tuesday]);
        let (_, problems) = SearchQuery::from_params([("day", "someday")]);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn filters_read_from_words_read_back_the_same_and_only_while_in_force() {
        let (q, problems) = SearchQuery::from_params([
            ("access", "hearing-loop"),
            ("day", "saturday"),
            ("said", "hearing-loop"),
            ("said", "saturday"),
            ("said", "hoist"),
        ]);
        assert!(problems.is_empty());
        assert_eq!(q.said_access, [AccessFeature::HearingLoop]);
        assert_eq!(q.said_days, [Weekday::Saturday]);
        let params = q.to_params();
        let (again, _) = SearchQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, q);
    }

    #[test]
    fn overlong_text_is_cut_not_refused() {
        let long = "a".repeat(10_000);
        let (q, _) = SearchQuery::from_params([("q", long.as_str())]);
        assert_eq!(q.text.len(), MAX_TEXT_CHARS);
    }
}
