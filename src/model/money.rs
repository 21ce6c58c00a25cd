//! Money as people write it on a form or in a feed ("12.50", "£12", "12.5", "£1,250"), in
//! pence. The editors' forms and every importer read prices with this one rule.

/// Every price is below this (£100,000): more than any day opportunity charges per
/// session or week, so a larger number is a mistake (a phone number in the price column).
pub const PRICE_LIMIT_PENCE: u32 = 10_000_000;

/// An amount of money in pence, from £0 to below [`PRICE_LIMIT_PENCE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pence(u32);

/// Why text is not an amount of money, said so a person can put it right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("must be an amount in pounds, like 12.50")]
    NotMoney,
    #[error("must be less than £100,000")]
    TooMuch,
}

impl Pence {
    /// Pounds as people write them: an optional `£`, digits (commas between thousands
    /// allowed), and up to two decimal places. Nothing negative, no words.
    pub fn parse_pounds(text: &str) -> Result<Pence, MoneyError> {
        let text = text.trim();
        let text = text.strip_prefix('£').unwrap_or(text).trim_start();
        let (pounds, decimals) = text.split_once('.').unwrap_or((text, ""));
        let pounds = without_thousands_commas(pounds).ok_or(MoneyError::NotMoney)?;
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if pounds.is_empty() || !digits(&pounds) || decimals.len() > 2 || !digits(decimals) {
            return Err(MoneyError::NotMoney);
        }
        // Leading zeros aside, more than six digits of pounds is too much whatever they say.
        let pounds = pounds.trim_start_matches('0');
        if pounds.len() > 6 {
            return Err(MoneyError::TooMuch);
        }
        let pounds: u32 = if pounds.is_empty() {
            0
        } else {
            pounds.parse().map_err(|_| MoneyError::NotMoney)?
        };
        let pence = match decimals.len() {
            0 => 0,
            1 => decimals.parse::<u32>().map_err(|_| MoneyError::NotMoney)? * 10,
            _ => decimals.parse::<u32>().map_err(|_| MoneyError::NotMoney)?,
        };
        Pence::new(pounds * 100 + pence)
    }

    /// An amount given as a number of pounds (a JSON number), rounded to the penny.
    pub fn from_pounds(amount: f64) -> Result<Pence, MoneyError> {
        if !amount.is_finite() || amount < 0.0 {
            return Err(MoneyError::NotMoney);
        }
        let pence = (amount * 100.0).round();
        if pence >= f64::from(PRICE_LIMIT_PENCE) {
            return Err(MoneyError::TooMuch);
        }
        Pence::new(pence as u32)
    }

    /// An amount already in pence.
    pub fn new(pence: u32) -> Result<Pence, MoneyError> {
        if pence >= PRICE_LIMIT_PENCE {
            Err(MoneyError::TooMuch)
        } else {
            Ok(Pence(pence))
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl std::fmt::Display for Pence {
    /// "£12" or "£12.50".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::format_pounds(self.0))
    }
}

/// "1,250" as "1250"; `None` when the commas are not between groups of three digits.
fn without_thousands_commas(pounds: &str) -> Option<String> {
    if !pounds.contains(',') {
        return Some(pounds.to_string());
    }
    let mut groups = pounds.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pence(text: &str) -> Result<u32, MoneyError> {
        Pence::parse_pounds(text).map(Pence::get)
    }

    #[test]
    fn prices_are_read_the_way_people_write_them() {
        assert_eq!(pence("12.50"), Ok(1250));
        assert_eq!(pence("£12"), Ok(1200));
        assert_eq!(pence("12.5"), Ok(1250));
        assert_eq!(pence(" £ 0.05 "), Ok(5));
        assert_eq!(pence("£1,250"), Ok(125_000));
        assert_eq!(pence("0"), Ok(0));
    }

    #[test]
    fn anything_else_is_not_money() {
        for text in [
            "", "twelve", "-1", "12.505", "1,25", "£", ".5", "12 50", "1e3", "£12p",
        ] {
            assert_eq!(pence(text), Err(MoneyError::NotMoney), "{text:?}");
        }
    }

    #[test]
    fn a_phone_number_in_the_price_is_too_much() {
        assert_eq!(pence("01270123456"), Err(MoneyError::TooMuch));
        assert_eq!(pence("99999999999"), Err(MoneyError::TooMuch));
        assert_eq!(pence("100000"), Err(MoneyError::TooMuch));
        assert_eq!(pence("99999.99"), Ok(9_999_999));
    }

    #[test]
    fn pounds_as_numbers_round_to_the_penny() {
        assert_eq!(Pence::from_pounds(12.5).map(Pence::get), Ok(1250));
        assert_eq!(Pence::from_pounds(0.015).map(Pence::get), Ok(2));
        assert_eq!(Pence::from_pounds(-1.0), Err(MoneyError::NotMoney));
        assert_eq!(Pence::from_pounds(f64::NAN), Err(MoneyError::NotMoney));
        assert_eq!(Pence::from_pounds(1e12), Err(MoneyError::TooMuch));
    }

    #[test]
    fn an_amount_is_written_in_pounds() {
        assert_eq!(Pence::parse_pounds("12.5").unwrap().to_string(), "£12.50");
    }
}
