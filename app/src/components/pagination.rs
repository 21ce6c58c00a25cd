//! Links between pages of results (GOV.UK pagination pattern).

use dayfinder::query::SearchQuery;
use leptos::prelude::*;

use crate::urls;

/// The pages to show links to: the first, the last, and those next to the current one,
/// with `None` for a gap ("…").
pub fn page_numbers(current: usize, last: usize) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::new();
    for p in 1..=last {
        if p == 1 || p == last || p.abs_diff(current) <= 1 {
            out.push(Some(p));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

/// Previous, numbered and next links; nothing when there is one page.
#[component]
pub fn Pagination(query: SearchQuery, current: usize, last: usize) -> impl IntoView {
    if last <= 1 {
        return ().into_any();
    }
    let prev = (current > 1).then(|| {
        let href = urls::page_href(&query, current - 1);
        view! {
            <div class="pagination__prev">
                <a class="link pagination__link" href=href rel="prev">
                    "Previous" <span class="visually-hidden">" page"</span>
                </a>
            </div>
        }
    });
    let next = (current < last).then(|| {
        let href = urls::page_href(&query, current + 1);
        view! {
            <div class="pagination__next">
                <a class="link pagination__link" href=href rel="next">
                    "Next" <span class="visually-hidden">" page"</span>
                </a>
            </div>
        }
    });
    let items = page_numbers(current, last)
        .into_iter()
        .map(|p| match p {
            Some(p) if p == current => view! {
                <li class="pagination__item pagination__item--current">
                    <a class="link pagination__link" href=urls::page_href(&query, p) aria-label=format!("Page {p}") aria-current="page">{p}</a>
                </li>
            }
            .into_any(),
            Some(p) => view! {
                <li class="pagination__item">
                    <a class="link pagination__link" href=urls::page_href(&query, p) aria-label=format!("Page {p}")>{p}</a>
                </li>
            }
            .into_any(),
            None => view! { <li class="pagination__item pagination__item--ellipses">"⋯"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="pagination" aria-label="Results pages">
            {prev}
            <ul class="pagination__list">{items}</ul>
            {next}
        </nav>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::page_numbers;

    #[test]
    fn long_runs_of_pages_are_shortened_around_the_current_one() {
        assert_eq!(
            page_numbers(5, 10),
            [Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
        );
        assert_eq!(page_numbers(1, 3), [Some(1), Some(2), Some(3)]);
    }
}
