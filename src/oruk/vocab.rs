//! Our controlled vocabularies published as ORUK taxonomies, and their words as taxonomy
//! terms. A term's `term` field is our slug (`dementia`), its `name` our label.

use crate::model::{
    AccessFeature, CostKind, JoinRoute, Kind, Listing, Need, Term, Tier, VacancyStatus,
};

use super::ids;

/// One of our vocabularies, as an ORUK taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vocabulary {
    Need,
    Kind,
    Tier,
    Vacancy,
    Cost,
    Join,
    Access,
}

impl Vocabulary {
    pub const ALL: [Vocabulary; 7] = [
        Vocabulary::Need,
        Vocabulary::Kind,
        Vocabulary::Tier,
        Vocabulary::Vacancy,
        Vocabulary::Cost,
        Vocabulary::Join,
        Vocabulary::Access,
    ];

    /// Short name used in ids and our own API parameters.
    pub fn slug(self) -> &'static str {
        match self {
            Vocabulary::Need => "need",
            Vocabulary::Kind => "kind",
            Vocabulary::Tier => "tier",
            Vocabulary::Vacancy => "vacancy",
            Vocabulary::Cost => "cost",
            Vocabulary::Join => "join",
            Vocabulary::Access => "access",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Vocabulary::Need => "Dayfinder support needs",
            Vocabulary::Kind => "Dayfinder kinds of day opportunity",
            Vocabulary::Tier => "Dayfinder day opportunity tiers",
            Vocabulary::Vacancy => "Dayfinder vacancy",
            Vocabulary::Cost => "Dayfinder ways of paying",
            Vocabulary::Join => "Dayfinder ways to join",
            Vocabulary::Access => "Dayfinder access features",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Vocabulary::Need => "Who a day opportunity is for: the support needs it welcomes.",
            Vocabulary::Kind => "What kind of day opportunity a service is.",
            Vocabulary::Tier => {
                "The council's three tiers of day opportunity: specialist, personalised and community support, and time-limited enablement."
            }
            Vocabulary::Vacancy => {
                "Whether a service has room; the date a person last confirmed it is in x_dayfinder.vacancy.confirmed."
            }
            Vocabulary::Cost => "The ways of paying for a service, or that it is free.",
            Vocabulary::Join => "How a person can get a place.",
            Vocabulary::Access => {
                "Access features of a place, linked from its accessibility entries."
            }
        }
    }

    /// What an attribute linking one of these terms describes (its `link_type`).
    pub fn link_type(self) -> &'static str {
        match self {
            Vocabulary::Need => "eligibility",
            Vocabulary::Kind => "service_type",
            Vocabulary::Tier => "tier",
            Vocabulary::Vacancy => "vacancy",
            Vocabulary::Cost => "cost",
            Vocabulary::Join => "referral_route",
            Vocabulary::Access => "accessibility",
        }
    }

    /// The taxonomy's ORUK id.
    pub fn id(self) -> String {
        ids::taxonomy(self.slug())
    }

    /// The vocabulary with this ORUK id (any case) or slug.
    pub fn find(id_or_slug: &str) -> Option<Vocabulary> {
        let wanted = ids::parse(id_or_slug);
        Vocabulary::ALL.into_iter().find(|v| match &wanted {
            Some(uuid) => v.id() == *uuid,
            None => v.slug() == id_or_slug.trim(),
        })
    }

    /// The vocabulary's terms, in the order people should see them.
    pub fn terms(self) -> Vec<TermRef> {
        fn all<T: Term>(vocabulary: Vocabulary) -> Vec<TermRef> {
            T::all()
                .iter()
                .map(|&t| TermRef::of(vocabulary, t))
                .collect()
        }
        match self {
            Vocabulary::Need => all::<Need>(self),
            Vocabulary::Kind => all::<Kind>(self),
            Vocabulary::Tier => all::<Tier>(self),
            Vocabulary::Vacancy => all::<VacancyStatus>(self),
            Vocabulary::Cost => all::<CostKind>(self),
            Vocabulary::Join => all::<JoinRoute>(self),
            Vocabulary::Access => all::<AccessFeature>(self),
        }
    }
}

/// One term of one of our vocabularies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermRef {
    pub vocabulary: Vocabulary,
    pub slug: &'static str,
    pub label: &'static str,
    pub aliases: &'static [&'static str],
}

impl TermRef {
    pub fn of<T: Term>(vocabulary: Vocabulary, term: T) -> TermRef {
        TermRef {
            vocabulary,
            slug: term.slug(),
            label: term.label(),
            aliases: term.aliases(),
        }
    }

    /// Every term of every vocabulary.
    pub fn all() -> Vec<TermRef> {
        Vocabulary::ALL
            .into_iter()
            .flat_map(Vocabulary::terms)
            .collect()
    }

    /// The term's ORUK id.
    pub fn id(self) -> String {
        ids::taxonomy_term(self.vocabulary.slug(), self.slug)
    }

    /// The term with this ORUK id (any case), or written `vocabulary:slug` (`need:dementia`).
    pub fn find(id: &str) -> Option<TermRef> {
        if let Some(uuid) = ids::parse(id) {
            return TermRef::all().into_iter().find(|t| t.id() == uuid);
        }
        let (vocabulary, slug) = id.trim().split_once(':')?;
        Vocabulary::find(vocabulary)?
            .terms()
            .into_iter()
            .find(|t| t.slug == slug)
    }

    /// The label, and the other words people use for it.
    pub fn description(self) -> String {
        if self.aliases.is_empty() {
            format!("{}.", self.label)
        } else {
            format!("{}. Also called: {}.", self.label, self.aliases.join(", "))
        }
    }
}

/// The terms a service is filed under (needs, kinds, tier, vacancy, costs, ways to join),
/// each with its vocabulary. Access features belong to its location: see [`access_terms`].
pub fn service_terms(listing: &Listing) -> Vec<TermRef> {
    let s = &listing.service;
    let mut terms = Vec::new();
    terms.extend(s.needs.iter().map(|&t| TermRef::of(Vocabulary::Need, t)));
    terms.extend(s.kinds.iter().map(|&t| TermRef::of(Vocabulary::Kind, t)));
    terms.push(TermRef::of(Vocabulary::Tier, s.tier));
    terms.push(TermRef::of(Vocabulary::Vacancy, s.vacancy.status));
    terms.extend(
        s.cost
            .kinds
            .iter()
            .map(|&t| TermRef::of(Vocabulary::Cost, t)),
    );
    terms.extend(s.join.iter().map(|&t| TermRef::of(Vocabulary::Join, t)));
    terms
}

/// The access features of a listing, as terms: its building's, and transport if the
/// service offers it (as search counts them).
pub fn access_terms(listing: &Listing) -> Vec<TermRef> {
    crate::search::schema::access_of(listing)
        .into_iter()
        .map(|t| TermRef::of(Vocabulary::Access, t))
        .collect()
}

/// Whether a listing is filed under this term (its location's access features included).
pub fn has_term(listing: &Listing, term: TermRef) -> bool {
    service_terms(listing).contains(&term) || access_terms(listing).contains(&term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_found_by_its_id_and_by_vocabulary_and_slug() {
        let all = TermRef::all();
        assert!(all.len() > 30);
        for t in all {
            assert_eq!(TermRef::find(&t.id()), Some(t));
            assert_eq!(
                TermRef::find(&format!("{}:{}", t.vocabulary.slug(), t.slug)),
                Some(t)
            );
        }
        assert_eq!(TermRef::find("need:nonsense"), None);
        assert_eq!(TermRef::find("dementia"), None);
    }

    #[test]
    fn taxonomies_are_found_by_id_or_slug() {
        for v in Vocabulary::ALL {
            assert_eq!(Vocabulary::find(&v.id()), Some(v));
            assert_eq!(Vocabulary::find(v.slug()), Some(v));
        }
        assert_eq!(Vocabulary::find("weekday"), None);
    }
}
