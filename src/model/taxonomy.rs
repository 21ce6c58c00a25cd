//! The controlled vocabularies of the directory: the words a listing is filed under.
//!
//! Each vocabulary is an enum with a stable URL slug (`learning-disability`), a label for
//! people ("Learning disability") and the plain words residents use for it, which search
//! treats as synonyms.

use serde::{Deserialize, Serialize};

/// One controlled vocabulary: a fixed list of terms with slugs and labels.
pub trait Term: Sized + Copy + Eq + 'static {
    /// Every term, in the order people should see them.
    fn all() -> &'static [Self];
    /// The stable identifier used in URLs, the store and the API.
    fn slug(self) -> &'static str;
    /// The name shown to people.
    fn label(self) -> &'static str;
    /// Words people use for this term, besides its label (search synonyms).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
    /// The term with this slug, if any.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::all().iter().copied().find(|t| t.slug() == slug)
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $slug:literal, $label:literal, [$($alias:literal),* $(,)?];)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl Term for $name {
            fn all() -> &'static [Self] { &[$(Self::$variant),+] }
            fn slug(self) -> &'static str { match self { $(Self::$variant => $slug),+ } }
            fn label(self) -> &'static str { match self { $(Self::$variant => $label),+ } }
            fn aliases(self) -> &'static [&'static str] { match self { $(Self::$variant => &[$($alias),*]),+ } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.label()) }
        }
    };
}

// Other model files (events) declare their vocabularies the same way.
pub(crate) use vocabulary;

vocabulary! {
    /// The council's three tiers of day opportunity.
    Tier {
        /// Building based, for people with complex needs.
        Specialist => "specialist", "Specialist", ["complex needs", "specialist day service"];
        /// Personalised and community support.
        Community => "community", "Personalised and community support", ["community support", "personalised"];
        /// Time-limited enablement, usually up to 12 weeks.
        Enablement => "enablement", "Enablement (time limited)", ["reablement", "short course", "time limited"];
    }
}

vocabulary! {
    /// Who a service is for.
    Need {
        LearningDisability => "learning-disability", "Learning disability", ["ld", "learning disabilities", "learning difficulty", "learning difficulties", "down syndrome"];
        Autism => "autism", "Autism", ["autistic", "asd", "asperger", "aspergers", "neurodivergent"];
        PhysicalDisability => "physical-disability", "Physical disability", ["wheelchair user", "mobility", "disabled", "stroke"];
        SensoryImpairment => "sensory-impairment", "Sensory impairment", ["deaf", "blind", "sight loss", "hearing loss", "visual impairment", "hearing impairment"];
        MentalHealth => "mental-health", "Mental health", ["wellbeing", "anxiety", "depression", "loneliness"];
        Dementia => "dementia", "Memory and dementia", ["memory", "memory loss", "alzheimers", "alzheimer", "cognitive", "forgetful"];
        OlderPeople => "older-people", "Older people", ["elderly", "older adults", "pensioners", "over 65s", "over 60s", "over 50s", "retired"];
        CarersBreak => "carers-break", "Carers' breaks", ["carer", "carers", "respite", "short break", "breaks for carers"];
    }
}

vocabulary! {
    /// What kind of day opportunity it is.
    Kind {
        DayCentre => "day-centre", "Day centre", ["day service", "day center", "day care", "day services", "resource centre"];
        CommunityGroup => "community-group", "Community activity or group", ["social group", "club", "social club", "activity group", "social"];
        SkillsLearning => "skills-learning", "Skills and learning", ["course", "college", "training", "learning", "skills", "independent living skills"];
        SupportedEmployment => "supported-employment", "Supported employment", ["job", "jobs", "employment", "work", "paid work", "job coach", "work experience"];
        Volunteering => "volunteering", "Volunteering", ["volunteer", "volunteers"];
        Befriending => "befriending", "Befriending", ["befriender", "companionship", "friendship", "visiting"];
        SharedLives => "shared-lives", "Shared Lives", ["shared lives carer", "family based"];
        Outreach => "outreach", "Outreach at home", ["home visits", "at home", "in your home", "home support"];
        Online => "online", "Online", ["virtual", "video call", "zoom"];
    }
}

vocabulary! {
    /// A day of the week.
    Weekday {
        Monday => "monday", "Monday", ["mon", "mondays"];
        Tuesday => "tuesday", "Tuesday", ["tue", "tues", "tuesdays"];
        Wednesday => "wednesday", "Wednesday", ["wed", "weds", "wednesdays"];
        Thursday => "thursday", "Thursday", ["thu", "thur", "thurs", "thursdays"];
        Friday => "friday", "Friday", ["fri", "fridays"];
        Saturday => "saturday", "Saturday", ["sat", "saturdays"];
        Sunday => "sunday", "Sunday", ["sun", "sundays"];
    }
}

impl Weekday {
    /// Saturday and Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// Position in the week, Monday = 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The day a person means by a word, however they write it: "saturday", "Sat",
    /// "SAT.", "saturdays", "Saturday's". The one rule for days typed by people (the
    /// search box, the URL's `day=`, the command line's `--day`, imported timetables).
    pub fn parse(word: &str) -> Option<Weekday> {
        let word: String = word
            .trim()
            .trim_end_matches('.')
            .chars()
            .filter(|c| *c != '\'' && *c != '’')
            .flat_map(char::to_lowercase)
            .collect();
        Weekday::all()
            .iter()
            .copied()
            .find(|d| d.slug() == word || d.aliases().contains(&word.as_str()))
    }

    /// The days a word names: one day ([`Weekday::parse`]), "weekend" (Saturday and
    /// Sunday) or "weekdays" (Monday to Friday).
    pub fn days_of(word: &str) -> Option<&'static [Weekday]> {
        let all = Weekday::all();
        match word.trim().to_lowercase().as_str() {
            "weekend" | "weekends" => Some(&all[5..]),
            "weekday" | "weekdays" => Some(&all[..5]),
            _ => Weekday::parse(word).map(|d| &all[d.index()..=d.index()]),
        }
    }
}

vocabulary! {
    /// A part of the day, by when a session runs.
    DayPart {
        /// Any time before noon.
        Morning => "morning", "Morning", ["mornings", "am"];
        /// Between noon and 5pm.
        Afternoon => "afternoon", "Afternoon", ["afternoons", "pm"];
        /// From 5pm.
        Evening => "evening", "Evening", ["evenings", "night", "nights", "after work"];
    }
}

vocabulary! {
    /// A way of paying, or not paying.
    CostKind {
        Free => "free", "Free", ["no cost", "free of charge"];
        Funded => "funded", "Funded after a care assessment", ["council funded", "assessed", "funded"];
        DirectPayment => "direct-payment", "Direct payment accepted", ["direct payments", "personal budget"];
        PaySession => "pay-session", "Pay per session", ["self funded", "self-funded", "private"];
    }
}

vocabulary! {
    /// How a person can get a place.
    JoinRoute {
        SelfReferral => "self-referral", "Contact them yourself", ["self referral", "drop in"];
        Carer => "carer", "A family member or carer can contact them", ["family referral"];
        SocialWorker => "social-worker", "Through a social worker (care assessment)", ["referral", "social worker referral", "care assessment"];
    }
}

vocabulary! {
    /// Whether there is room.
    VacancyStatus {
        Spaces => "spaces", "Spaces available", ["vacancies", "places available"];
        WaitingList => "waiting-list", "Waiting list", ["waitlist"];
        Full => "full", "Full", [];
    }
}

vocabulary! {
    /// Access features of a place or service.
    AccessFeature {
        StepFree => "step-free", "Step-free access", ["wheelchair access", "wheelchair accessible", "level access", "ramp"];
        AccessibleToilet => "accessible-toilet", "Accessible toilet", ["disabled toilet"];
        ChangingPlaces => "changing-places", "Changing Places toilet", ["changing places"];
        Hoist => "hoist", "Hoist", ["hoists"];
        HearingLoop => "hearing-loop", "Hearing loop", ["induction loop", "loop"];
        QuietSpace => "quiet-space", "Quiet space", ["quiet room", "sensory room", "calm space"];
        Parking => "parking", "Parking", ["car park", "blue badge parking"];
        Transport => "transport", "Transport offered", ["transport", "minibus", "pick up"];
    }
}

impl AccessFeature {
    /// How a listing's own words say it has this feature ("Hearing loop installed", "the
    /// venue has a hoist"): the phrases search finds in descriptions and access notes,
    /// and the importer reads as facts to check. Narrower than `aliases` (what people
    /// type): "loop" or "transport" alone say too little in a description.
    pub fn described_as(self) -> &'static [&'static str] {
        match self {
            AccessFeature::StepFree => &[
                "step-free",
                "step free",
                "level access",
                "wheelchair accessible",
                "wheelchair access",
                "ramp",
                "ramped access",
            ],
            AccessFeature::AccessibleToilet => &[
                "accessible toilet",
                "accessible toilets",
                "disabled toilet",
                "disabled toilets",
            ],
            AccessFeature::ChangingPlaces => &["changing places"],
            AccessFeature::Hoist => &["hoist", "hoists", "ceiling track"],
            AccessFeature::HearingLoop => &[
                "hearing loop",
                "hearing loops",
                "induction loop",
                "induction loops",
                "loop system",
            ],
            AccessFeature::QuietSpace => &[
                "quiet room",
                "quiet space",
                "quiet area",
                "sensory room",
                "calm space",
                "calm room",
                "chill-out room",
                "chill out room",
            ],
            AccessFeature::Parking => &[
                "parking on site",
                "on-site parking",
                "free parking",
                "blue badge parking",
            ],
            AccessFeature::Transport => &[
                "minibus",
                "transport provided",
                "transport is provided",
                "door to door transport",
            ],
        }
    }

    /// The feature in a sentence: "3 more mention *a hearing loop* in their description".
    pub fn mention(self) -> &'static str {
        match self {
            AccessFeature::StepFree => "step-free access",
            AccessFeature::AccessibleToilet => "an accessible toilet",
            AccessFeature::ChangingPlaces => "a Changing Places toilet",
            AccessFeature::Hoist => "a hoist",
            AccessFeature::HearingLoop => "a hearing loop",
            AccessFeature::QuietSpace => "a quiet space",
            AccessFeature::Parking => "parking",
            AccessFeature::Transport => "transport",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_however_people_write_them() {
        for word in [
            "sat",
            "Sat",
            "SAT.",
            "saturday",
            "Saturdays",
            "Saturday's",
            " saturday’s ",
        ] {
            assert_eq!(Weekday::parse(word), Some(Weekday::Saturday), "{word}");
        }
        assert_eq!(Weekday::parse("satur"), None);
        assert_eq!(Weekday::days_of("Weekend").map(<[_]>::len), Some(2));
        assert_eq!(Weekday::days_of("weekdays").map(<[_]>::len), Some(5));
        assert_eq!(Weekday::days_of("Tues"), Some(&[Weekday::Tuesday][..]));
        assert_eq!(Weekday::days_of("someday"), None);
    }

    fn slugs_round_trip<T: Term + std::fmt::Debug>() {
        for &t in T::all() {
            assert_eq!(T::from_slug(t.slug()), Some(t), "{t:?}");
        }
    }

    #[test]
    fn every_slug_names_its_own_term() {
        slugs_round_trip::<Tier>();
        slugs_round_trip::<Need>();
        slugs_round_trip::<Kind>();
        slugs_round_trip::<Weekday>();
        slugs_round_trip::<DayPart>();
        slugs_round_trip::<CostKind>();
        slugs_round_trip::<JoinRoute>();
        slugs_round_trip::<VacancyStatus>();
        slugs_round_trip::<AccessFeature>();
    }

    #[test]
    fn serde_uses_the_slug() {
        assert_eq!(
            serde_json::to_string(&Need::LearningDisability).unwrap(),
            "\"learning-disability\""
        );
        assert_eq!(
            serde_json::to_string(&AccessFeature::ChangingPlaces).unwrap(),
            "\"changing-places\""
        );
    }

    #[test]
    fn only_saturday_and_sunday_are_the_weekend() {
        let weekend: Vec<_> = Weekday::all().iter().filter(|d| d.is_weekend()).collect();
        assert_eq!(weekend, [&Weekday::Saturday, &Weekday::Sunday]);
    }
}
