//! Bar charts drawn on the server as SVG: no JavaScript, nothing from elsewhere.
//!
//! Each chart is one image with a title and a description (`role="img"`, named by its
//! `<title>` and `<desc>`); every bar has its label and its figure written beside it in
//! text, so nothing is said by colour alone, and the same figures are in the table shown
//! with the chart. Drawn in CSS pixels, narrow enough for a 320px screen, with labels above
//! the bars (wrapped, not shrunk), so the text is page-sized and grows with zoom.

use leptos::prelude::*;

/// One bar: what it stands for, its length, and its figure in words ("6 found nothing").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub figure: String,
}

/// The chart's width in CSS pixels: it fits a 320px screen inside the page's margins, and
/// grows with the text when the page is zoomed.
const WIDTH: u64 = 288;
/// Room after the longest bar for its figure ("12, 3 evening").
const FIGURE_ROOM: u64 = 120;
const TEXT_SIZE: u64 = 16;
const LINE: u64 = 20;
const BAR_HEIGHT: u64 = 20;
/// Space below each bar.
const GAP: u64 = 14;
/// Longest line of a label; longer labels wrap onto a second line.
const MAX_LINE_CHARS: usize = 30;
const TEXT_COLOUR: &str = "#0b0c0c";
const BAR_COLOUR: &str = "#1d70b8";

/// A label in at most two lines, broken between words (the table has it whole).
fn label_lines(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > MAX_LINE_CHARS {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    if lines.len() > 2 {
        lines.truncate(2);
        lines[1].push('…');
    }
    lines
}

/// One line of text in the chart, its baseline at `y`.
#[component]
fn ChartText(x: u64, y: u64, text: String) -> impl IntoView {
    view! {
        <text x=x.to_string() y=y.to_string() font-size=TEXT_SIZE.to_string() fill=TEXT_COLOUR>
            {text}
        </text>
    }
}

/// A horizontal bar chart. `id` must be unique on the page.
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let mut y = 0;
    let mut body = Vec::new();
    if bars.is_empty() {
        body.push(
            view! { <ChartText x=0 y=TEXT_SIZE text="Nothing to show".to_string() /> }.into_any(),
        );
        y = LINE + GAP;
    }
    for bar in bars {
        for line in label_lines(&bar.label) {
            y += LINE;
            body.push(view! { <ChartText x=0 y=y - 5 text=line /> }.into_any());
        }
        let length = (bar.value * (WIDTH - FIGURE_ROOM)).div_ceil(max);
        // A zero is drawn as a hairline, so the row still reads as a bar of nothing.
        let length = if bar.value == 0 { 1 } else { length.max(2) };
        body.push(
            view! {
                <rect x="0" y=y.to_string() width=length.to_string()
                    height=BAR_HEIGHT.to_string() fill=BAR_COLOUR />
                <ChartText x=length + 6 y=y + BAR_HEIGHT - 5 text=bar.figure />
            }
            .into_any(),
        );
        y += BAR_HEIGHT + GAP;
    }
    view! {
        <svg class="chart" role="img" aria-labelledby=format!("{id}-title {id}-desc")
            width=WIDTH.to_string() height=y.to_string() viewBox=format!("0 0 {WIDTH} {y}")
            xmlns="http://www.w3.org/2000/svg">
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{description}</desc>
            {body}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(id: &str, bars: Vec<Bar>) -> String {
        let id = id.to_string();
        view! {
            <BarChart id title="Searches that found nothing"
                description="Memory and dementia in Crewe: 6." bars />
        }
        .to_html()
        // Read without the text markers, as the site's tests read pages.
        .replace("<!>", "")
    }

    #[test]
    fn a_chart_is_an_image_named_by_its_title_with_figures_in_text() {
        let svg = chart(
            "unmet",
            vec![
                Bar {
                    label: "Memory and dementia – Crewe".into(),
                    value: 6,
                    figure: "6".into(),
                },
                Bar {
                    label: "Autism <Anywhere>".into(),
                    value: 0,
                    figure: "0".into(),
                },
            ],
        );
        assert!(
            svg.starts_with("<svg role=\"img\" aria-labelledby=\"unmet-title unmet-desc\""),
            "{svg}"
        );
        assert!(
            svg.contains("xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\">"),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"unmet-title\">Searches that found nothing</title>"));
        assert!(svg.contains(">6</text>"), "{svg}");
        assert!(
            svg.contains("Autism &lt;Anywhere&gt;"),
            "labels are escaped: {svg}"
        );
    }

    #[test]
    fn long_labels_wrap_between_words() {
        assert_eq!(
            label_lines("Personalised and community support – Holmes Chapel"),
            ["Personalised and community", "support – Holmes Chapel"]
        );
        assert_eq!(label_lines("Crewe"), ["Crewe"]);
    }

    #[test]
    fn an_empty_chart_says_so() {
        assert!(chart("x", Vec::new()).contains("Nothing to show"));
    }
}
