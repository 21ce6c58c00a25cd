//! Bar charts drawn on the server as SVG: no JavaScript, nothing from elsewhere.
//!
//! Each chart is one image with a title and a description (`role="img"`, named by its
//! `<title>` and `<desc>`); every bar has its label and its figure written beside it in
//! text, so nothing is said by colour alone, and the same figures are in the table shown
//! with the chart. Drawn in CSS pixels, narrow enough for a 320px screen, with labels above
//! the bars (wrapped, not shrunk), so the text is page-sized and grows with zoom.

use super::layout::escape;

/// One bar: what it stands for, its length, and its figure in words ("6 found nothing").
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

/// A horizontal bar chart. `id` must be unique on the page.
pub fn bar_chart(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let mut body = String::new();
    let mut y = 0;
    if bars.is_empty() {
        body.push_str(&format!(
            "<text x=\"0\" y=\"{TEXT_SIZE}\" font-size=\"{TEXT_SIZE}\" fill=\"#0b0c0c\">Nothing to show</text>"
        ));
        y = LINE + GAP;
    }
    for bar in bars {
        for line in label_lines(&bar.label) {
            y += LINE;
            body.push_str(&format!(
                "<text x=\"0\" y=\"{}\" font-size=\"{TEXT_SIZE}\" fill=\"#0b0c0c\">{}</text>",
                y - 5,
                escape(&line)
            ));
        }
        let length = (bar.value * (WIDTH - FIGURE_ROOM)).div_ceil(max);
        // A zero is drawn as a hairline, so the row still reads as a bar of nothing.
        let length = if bar.value == 0 { 1 } else { length.max(2) };
        body.push_str(&format!(
            "<rect x=\"0\" y=\"{y}\" width=\"{length}\" height=\"{BAR_HEIGHT}\" fill=\"#1d70b8\"/>\
             <text x=\"{fx}\" y=\"{fy}\" font-size=\"{TEXT_SIZE}\" fill=\"#0b0c0c\">{figure}</text>",
            fx = length + 6,
            fy = y + BAR_HEIGHT - 5,
            figure = escape(&bar.figure),
        ));
        y += BAR_HEIGHT + GAP;
    }
    format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         width=\"{WIDTH}\" height=\"{y}\" viewBox=\"0 0 {WIDTH} {y}\" \
         xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{description}</desc>\
         {body}</svg>",
        id = escape(id),
        title = escape(title),
        description = escape(description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_an_image_named_by_its_title_with_figures_in_text() {
        let svg = bar_chart(
            "unmet",
            "Searches that found nothing",
            "Memory and dementia in Crewe: 6.",
            &[
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
        assert!(svg.starts_with(
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"unmet-title unmet-desc\""
        ));
        assert!(svg.contains("<title id=\"unmet-title\">Searches that found nothing</title>"));
        assert!(svg.contains(">6</text>"));
        assert!(
            svg.contains("Autism &lt;Anywhere&gt;"),
            "labels are escaped"
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
        assert!(bar_chart("x", "t", "d", &[]).contains("Nothing to show"));
    }
}
