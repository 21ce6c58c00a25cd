//! A sent form's fields by name, as typed (or as stored, for a fresh form): what the
//! editors' forms are filled with, so a form with a mistake comes back with everything
//! still in it.

/// The fields in the order they came; a name may come more than once (checkboxes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormValues(Vec<(String, String)>);

impl FormValues {
    pub fn from_pairs(pairs: &[(String, String)]) -> FormValues {
        FormValues(pairs.to_vec())
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// Puts `value` in place of every value `name` had.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.0.retain(|(k, _)| k != name);
        self.push(name, value);
    }

    /// The first value of `name`, or "" when the form has none.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether `name` was sent with `value` (a ticked box).
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.all(name).contains(&value)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}
