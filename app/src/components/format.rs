//! Words and numbers as the site writes them: "5 March 2025", "2.3 miles", "Monday and Friday".

use dayfinder::model::Term;
use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "5 March 2025" (GOV.UK date style).
pub fn long_date(date: Date) -> String {
    let month = MONTHS
        .get(usize::try_from(date.month()).unwrap_or(1).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", date.day(), month, date.year())
}

/// "0.4 miles", "1 mile", "12 miles".
pub fn miles(distance: f64) -> String {
    if distance < 10.0 {
        let rounded = (distance * 10.0).round() / 10.0;
        if rounded == 1.0 {
            "1 mile".to_string()
        } else {
            format!("{rounded:.1} miles")
        }
    } else {
        format!("{distance:.0} miles")
    }
}

/// "Monday", "Monday and Friday", "Monday, Wednesday and Friday".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The labels of some terms, joined as a sentence.
pub fn labels<T: Term>(terms: &[T]) -> String {
    and_list(
        &terms
            .iter()
            .map(|t| t.label().to_string())
            .collect::<Vec<_>>(),
    )
}

/// "1 day opportunity", "23 day opportunities".
pub fn count_opportunities(n: usize) -> String {
    if n == 1 {
        "1 day opportunity".to_string()
    } else {
        format!("{n} day opportunities")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_gov_uk_way() {
        assert_eq!(long_date(jiff::civil::date(2025, 3, 5)), "5 March 2025");
    }

    #[test]
    fn distances_read_naturally() {
        assert_eq!(miles(0.44), "0.4 miles");
        assert_eq!(miles(1.02), "1 mile");
        assert_eq!(miles(12.4), "12 miles");
    }

    #[test]
    fn lists_end_with_and() {
        let days = [
            "Monday".to_string(),
            "Wednesday".to_string(),
            "Friday".to_string(),
        ];
        assert_eq!(and_list(&days), "Monday, Wednesday and Friday");
        assert_eq!(and_list(&days[..1]), "Monday");
        assert_eq!(count_opportunities(1), "1 day opportunity");
    }
}
