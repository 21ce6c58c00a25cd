//! Handles `/guided-search`, `/guided-search/where` and `/guided-search/days`: a search in
//! easy read, one question at a time, with big buttons. Each step is a plain GET form
//! that carries the earlier answers as hidden fields, so it works without JavaScript; the
//! last one opens the normal results page, in easy read (`/search?...&view=easy`).

use dayfinder::model::{Need, Term, Weekday};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::components::easy_read_data::need_words;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;

/// The value of the "I do not mind where" button.
const ANYWHERE: &str = "anywhere";

/// The answers given so far, read from the step's address. Anything not understood is
/// left out and said in `problems`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    pub need: Option<Need>,
    pub near: Option<String>,
    pub days: Vec<Weekday>,
    pub problems: Vec<String>,
}

impl Answers {
    /// Reads `need`, `near` (the last one given: a town button comes after the typed
    /// box) and `day` parameters.
    pub fn read(pairs: &[(String, String)]) -> Answers {
        let mut answers = Answers::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "need" if value.is_empty() => answers.need = None,
                "need" => match Need::from_slug(value) {
                    Some(need) => answers.need = Some(need),
                    None => answers
                        .problems
                        .push("We did not understand who it is for. Please choose again.".into()),
                },
                "near" => {
                    let place: String =
                        value.chars().filter(|c| !c.is_control()).take(60).collect();
                    answers.near = Some(place).filter(|p| !p.is_empty() && p != ANYWHERE);
                }
                "day" => match Weekday::from_slug(value) {
                    Some(day) if !answers.days.contains(&day) => answers.days.push(day),
                    Some(_) => {}
                    None => answers
                        .problems
                        .push("We did not understand a day. Please choose again.".into()),
                },
                _ => {}
            }
        }
        answers.days.sort_by_key(|d| d.index());
        answers.problems.dedup();
        answers
    }

    fn from_query(query: &ParamsMap) -> Answers {
        let pairs: Vec<(String, String)> = ["need", "near", "day"]
            .into_iter()
            .flat_map(|key| {
                query
                    .get_all(key)
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |v| (key.to_string(), v))
            })
            .collect();
        Answers::read(&pairs)
    }

    /// The answers as URL parameters, leaving out `skip`.
    fn params(&self, skip: &str) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let (Some(need), false) = (self.need, skip == "need") {
            out.push(("need", need.slug().to_string()));
        }
        if let (Some(near), false) = (&self.near, skip == "near") {
            out.push(("near", near.clone()));
        }
        if skip != "day" {
            out.extend(self.days.iter().map(|d| ("day", d.slug().to_string())));
        }
        out
    }

    /// A step's address with every answer.
    fn href(&self, path: &str) -> String {
        let params = self.params("");
        let query = crate::urls::encode(params.iter().map(|(k, v)| (*k, v.as_str())));
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        }
    }

    /// Hidden fields carrying the answers, except the one this step asks.
    fn hidden(&self, asked: &str) -> impl IntoView + use<> {
        self.params(asked)
            .into_iter()
            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
            .collect_view()
    }
}

/// What went wrong with the answers, if anything.
fn problems(answers: &Answers) -> impl IntoView + use<> {
    (!answers.problems.is_empty()).then(|| {
        let items = answers
            .problems
            .iter()
            .map(|p| view! { <p class="body">{p.clone()}</p> })
            .collect_view();
        view! { <div class="inset-text guided__problem">{items}</div> }
    })
}

/// "Step 1 of 3", the page title and the way back.
fn step_head(number: u8, question: &'static str, back: String) -> impl IntoView {
    view! {
        <Title text=format!("{question} – step {number} of 3 – easy read – Dayfinder") />
        <a class="back-link" href=back>"Back"</a>
        <span class="caption-l">{format!("Step {number} of 3")}</span>
    }
}

/// A mark on the answer given before, when someone comes back to a step.
fn chosen_mark(chosen: bool) -> impl IntoView {
    chosen.then(|| view! { <strong class="tag big-button__chosen">"Your answer"</strong> })
}

/// Step 1: who is it for?
#[component]
pub fn GuidedWhoPage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let answers = Answers::from_query(&query.read());
        let buttons = Need::all()
            .iter()
            .map(|&need| {
                let chosen = answers.need == Some(need);
                view! {
                    <button type="submit" name="need" value=need.slug() class="big-button">
                        <Picture name=format!("need-{}", need.slug()) />
                        <span class="big-button__text">{need_words(need)}</span>
                        {chosen_mark(chosen)}
                    </button>
                }
            })
            .collect_view();
        view! {
            {step_head(1, "Who is it for?", "/".to_string())}
            <h1 class="heading-l" id="question">"Who is it for?"</h1>
            {problems(&answers)}
            <p class="body">"Choose one."</p>
            <form method="GET" action="/guided-search/where" class="guided">
                {answers.hidden("need")}
                <div class="big-choices" role="group" aria-labelledby="question">
                    {buttons}
                    <button type="submit" name="need" value="" class="big-button">
                        <Picture name="person" />
                        <span class="big-button__text">"Anyone"</span>
                    </button>
                </div>
            </form>
            <FocusOnArrival />
        }
    }
}

/// Step 2: where do you live?
#[component]
pub fn GuidedWherePage() -> impl IntoView {
    let query = use_query_map();
    // The profile's towns, or the area's with the most listings (see `profile`).
    let names = crate::profile::SiteNames::get();
    move || {
        let answers = Answers::from_query(&query.read());
        let typed = answers
            .near
            .clone()
            .filter(|n| !names.towns.iter().any(|t| t.eq_ignore_ascii_case(n)))
            .unwrap_or_default();
        let towns = names
            .towns
            .iter()
            .map(|town| {
                let town = town.clone();
                let chosen = answers
                    .near
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&town));
                view! {
                    <button type="submit" name="near" value=town.clone() class="big-button big-button--small">
                        <Picture name="address" />
                        <span class="big-button__text">{town.clone()}</span>
                        {chosen_mark(chosen)}
                    </button>
                }
            })
            .collect_view();
        view! {
            {step_head(2, "Where do you live?", answers.href("/guided-search"))}
            <h1 class="heading-l" id="question">"Where do you live?"</h1>
            {problems(&answers)}
            <form method="GET" action="/guided-search/days" class="guided">
                {answers.hidden("near")}
                <div class="form-group">
                    <label class="label label--big" for="near">"Type your town or postcode"</label>
                    <div class="hint" id="near-hint">"For example, " {names.example_place()}</div>
                    <input class="input input--big" id="near" name="near" type="text" value=typed.clone() prop:value=typed aria-describedby="near-hint" autocomplete="postal-code" />
                </div>
                // First in the form, so pressing Enter in the box chooses it.
                <button type="submit" class="button big-button big-button--next">"Next"</button>
                <h2 class="heading-m" id="towns">"Or choose your town"</h2>
                <div class="big-choices" role="group" aria-labelledby="towns">
                    {towns}
                    <button type="submit" name="near" value=ANYWHERE class="big-button big-button--small">
                        <Picture name="address" />
                        <span class="big-button__text">"I do not mind where"</span>
                    </button>
                </div>
            </form>
            <FocusOnArrival />
        }
    }
}

/// Step 3: which days? Its form opens the results.
#[component]
pub fn GuidedDaysPage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let answers = Answers::from_query(&query.read());
        let days = Weekday::all()
            .iter()
            .map(|&day| {
                let id = format!("day-{}", day.slug());
                let checked = answers.days.contains(&day);
                view! {
                    <div class="big-checkbox">
                        <input class="big-checkbox__input" id=id.clone() name="day" type="checkbox" value=day.slug() checked=checked />
                        <label class="big-checkbox__label" for=id>
                            <Picture name=format!("day-{}", day.slug()) />
                            <span>{day.label()}</span>
                        </label>
                    </div>
                }
            })
            .collect_view();
        let place = answers.near.clone().map(|near| {
            view! {
                <p class="body point">
                    <Picture name="address" />
                    <span class="point__words">{format!("Near {near}.")}</span>
                </p>
            }
        });
        view! {
            {step_head(3, "Which days?", answers.href("/guided-search/where"))}
            {problems(&answers)}
            <form method="GET" action="/search" class="guided">
                <input type="hidden" name="view" value="easy" />
                {answers.hidden("day")}
                <fieldset class="fieldset" aria-describedby="days-hint">
                    <legend class="fieldset__legend">
                        <h1 class="heading-l">"Which days?"</h1>
                    </legend>
                    {place}
                    <div class="hint" id="days-hint">"Choose one or more days. Or choose none for any day."</div>
                    <div class="big-checkboxes">{days}</div>
                </fieldset>
                <button type="submit" class="button big-button big-button--next">"Show me what I can do"</button>
            </form>
            <FocusOnArrival />
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(qs: &str) -> Answers {
        Answers::read(&crate::urls::decode(qs))
    }

    #[test]
    fn a_town_button_wins_over_an_empty_box() {
        let a = read("need=dementia&near=&near=Crewe");
        assert_eq!(a.near.as_deref(), Some("Crewe"));
        assert_eq!(a.need, Some(Need::Dementia));
        assert_eq!(read("near=Crewe&near=anywhere").near, None);
    }

    #[test]
    fn answers_not_understood_are_left_out_and_said() {
        let a = read("need=%3Cscript%3E&day=someday&day=saturday&day=saturday");
        assert_eq!(a.need, None);
        assert_eq!(a.days, [Weekday::Saturday]);
        assert_eq!(a.problems.len(), 2);
    }

    #[test]
    fn each_step_carries_the_other_answers() {
        let a = read("need=autism&near=Crewe&day=saturday");
        assert_eq!(
            a.href("/guided-search/where"),
            "/guided-search/where?need=autism&near=Crewe&day=saturday"
        );
        assert_eq!(
            a.params("near"),
            [
                ("need", "autism".to_string()),
                ("day", "saturday".to_string())
            ]
        );
    }
}
