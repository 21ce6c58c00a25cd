//! The shape of UK postcodes: telling a postcode or an outward code from other text and
//! writing it the one way we store and show it. Nothing here knows which postcodes exist.

/// Turns anything that looks like a full UK postcode ("cw111aa", " Cw11  1AA ") into its
/// display form ("CW11 1AA"); `None` if it does not have a postcode's shape.
pub fn normalise_postcode(s: &str) -> Option<String> {
    let compact = compact_upper(s)?;
    if !(5..=7).contains(&compact.len()) {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    if !is_outcode_shape(outward) || !is_inward_shape(inward) {
        return None;
    }
    Some(format!("{outward} {inward}"))
}

/// Turns anything that looks like an outward code ("sk10", " cw1 ") into upper case
/// ("SK10"); `None` if it does not have an outward code's shape.
pub(crate) fn normalise_outcode(s: &str) -> Option<String> {
    let compact = compact_upper(s)?;
    is_outcode_shape(&compact).then_some(compact)
}

/// The postcode without its space, as the table keys it: "CW11 1AA" → "CW111AA".
pub(crate) fn compact_key(display: &str) -> String {
    display.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The outward code of a display-form postcode: "CW11 1AA" → "CW11".
pub(crate) fn outward_of(display: &str) -> &str {
    display
        .split_once(' ')
        .map_or(display, |(outward, _)| outward)
}

/// Whether `s` is the start of an inward code: a digit, perhaps followed by one letter
/// ("1", "1A"), as people type when they know only part of a postcode.
pub(crate) fn is_partial_inward(s: &str) -> bool {
    let b = s.as_bytes();
    match b {
        [d] => d.is_ascii_digit(),
        [d, l] => d.is_ascii_digit() && l.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Removes whitespace and upper-cases, or `None` if anything but ASCII letters and
/// digits is left (so later byte slicing is always on character boundaries).
fn compact_upper(s: &str) -> Option<String> {
    if s.len() > 32 {
        return None;
    }
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (!compact.is_empty() && compact.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(compact)
}

/// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
fn is_outcode_shape(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    match &b[letters..] {
        [d] => d.is_ascii_digit(),
        [d, e] => d.is_ascii_digit() && e.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Inward code shape: a digit and two letters.
fn is_inward_shape(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b, [d, x, y] if d.is_ascii_digit() && x.is_ascii_alphabetic() && y.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_in_any_case_and_spacing_come_out_the_same() {
        for s in ["cw11 1aa", "CW111AA", " Cw11  1AA ", "cw1\t11aa"] {
            assert_eq!(normalise_postcode(s).as_deref(), Some("CW11 1AA"), "{s:?}");
        }
        assert_eq!(normalise_postcode("cw11aa").as_deref(), Some("CW1 1AA"));
        assert_eq!(normalise_postcode("sw1a2aa").as_deref(), Some("SW1A 2AA"));
        assert_eq!(normalise_postcode("m11ae").as_deref(), Some("M1 1AE"));
    }

    #[test]
    fn things_that_are_not_postcodes_are_refused() {
        for s in [
            "",
            "CW11",
            "Crewe",
            "CW11 1A",
            "1AA",
            "CW11 AAA",
            "CWW11 1AA",
            "CW111 1AA",
            "CW1-1AA",
            "ＣＷ１ １ＡＡ",
        ] {
            assert_eq!(normalise_postcode(s), None, "{s:?}");
        }
    }

    #[test]
    fn outward_codes_are_upper_cased_and_checked() {
        assert_eq!(normalise_outcode(" sk10 ").as_deref(), Some("SK10"));
        assert_eq!(normalise_outcode("w1a").as_deref(), Some("W1A"));
        assert_eq!(normalise_outcode("crewe"), None);
        assert_eq!(normalise_outcode("CW"), None);
        assert_eq!(normalise_outcode("CW111"), None);
    }
}
