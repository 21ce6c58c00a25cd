//! The sample directory (Cheshire East) shipped with Dayfinder, and a generator of
//! synthetic directories of any size for tests and benchmarks.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::model::{
    AccessFeature, ClockTime, Contact, Cost, CostKind, Directory, Eligibility, JoinRoute, Kind,
    Location, Need, Organisation, Service, Session, Term, Tier, Vacancy, VacancyStatus, Weekday,
};

pub mod events;

/// The bundled sample directory: real towns and postcodes, invented listings, and open
/// days and events dated from today (see [`events`]). The web and command-line code calls
/// it by this name, which names no council.
pub fn directory() -> Directory {
    cheshire_east_on(crate::engine::uk_today())
}

/// The sample directory, by the name of the area it is set in (the same as [`directory`]).
pub fn cheshire_east() -> Directory {
    directory()
}

/// The sample directory with its events dated from `today`.
pub fn cheshire_east_on(today: Date) -> Directory {
    let mut directory: Directory =
        serde_json::from_str(include_str!("../data/sample/cheshire-east.json"))
            .expect("the bundled sample directory is valid JSON");
    directory.events = events::for_today(today);
    directory
}

/// A synthetic directory of `services` listings, the same for the same `seed`.
///
/// Made for tests and benchmarks: about one provider for every four services and one
/// location for every three, spread over sixty English towns; every vocabulary term in
/// use; names, summaries and descriptions drawn from word lists with a skewed (roughly
/// Zipf-like) choice, so that some words are common and most are rare, as in real
/// listings. The result always passes [`Directory::problems`]. Postcodes are shaped like
/// the town's real outward code but are not real postcodes.
///
/// It is fast: 100,000 services take well under a second in a release build.
pub fn synthetic(services: usize, seed: u64) -> Directory {
    let mut g = Gen {
        rng: SplitMix64(seed),
        dates: recent_dates(),
    };
    let n_orgs = (services / 4).max(1);
    let n_locations = (services / 3).max(1);

    let organisations: Vec<Organisation> = (0..n_orgs).map(|i| g.organisation(i)).collect();
    // Each provider works from a home town; its locations cluster there.
    let org_towns: Vec<usize> = (0..n_orgs).map(|_| g.rng.below(TOWNS.len())).collect();
    let locations: Vec<Location> = (0..n_locations)
        .map(|i| g.location(i, org_towns[i % n_orgs]))
        .collect();
    let services = (0..services)
        .map(|i| g.service(i, &organisations, &org_towns, &locations))
        .collect();

    Directory {
        source: format!(
            "Synthetic data (seed {seed}): invented listings for tests and benchmarks. Not a real directory."
        ),
        organisations,
        locations,
        services,
        events: Vec::new(),
    }
}

/// SplitMix64: a tiny, fast, well-mixed generator; enough for test data and no new crate.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the front of the list: early words are common, late words rare.
    fn skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let u = self.unit();
        &items[((u * u * u) * items.len() as f64) as usize]
    }
}

struct Gen {
    rng: SplitMix64,
    /// The last 400 days before the reference date, newest first.
    dates: Vec<Date>,
}

/// The reference "today" the sample data is written for.
const TODAY: Date = Date::constant(2026, 11, 23);

fn recent_dates() -> Vec<Date> {
    let mut out = Vec::with_capacity(400);
    let mut d = TODAY;
    for _ in 0..400 {
        out.push(d);
        d = d
            .yesterday()
            .expect("dates in 2025 and 2026 have a yesterday");
    }
    out
}

impl Gen {
    fn organisation(&mut self, i: usize) -> Organisation {
        let name = format!("{} {}", self.rng.pick(FLAVOURS), self.rng.pick(ORG_TYPES));
        let id = format!("{}-{i}", slug(&name));
        let description = format!(
            "{} {} {}",
            self.rng.pick(ORG_OPENINGS),
            self.sentence(),
            self.rng.pick(ORG_CLOSINGS)
        );
        Organisation {
            website: Some(format!("https://example.org/{id}")),
            email: Some(format!("{id}@example.org")),
            phone: Some(self.phone()),
            id,
            name,
            description,
        }
    }

    fn location(&mut self, i: usize, home_town: usize) -> Location {
        // Two thirds of a provider's places are in its home town; the rest anywhere.
        let town = if self.rng.chance(0.67) {
            &TOWNS[home_town]
        } else {
            self.rng.pick(TOWNS)
        };
        let name = format!("{} {}", self.rng.pick(FLAVOURS), self.rng.pick(BUILDINGS));
        let address = format!(
            "{} {} {}",
            1 + self.rng.below(180),
            self.rng.pick(STREETS),
            self.rng.pick(STREET_TYPES)
        );
        let letters = b"ABDEFGHJLNPQRSTUWXYZ";
        let postcode = format!(
            "{} {}{}{}",
            town.outcode,
            1 + self.rng.below(9),
            letters[self.rng.below(letters.len())] as char,
            letters[self.rng.below(letters.len())] as char
        );
        let jitter = |r: &mut SplitMix64| (r.unit() - 0.5) * 0.06;
        let latitude = round5(town.lat + jitter(&mut self.rng));
        let longitude = round5(town.lon + jitter(&mut self.rng) * 1.6);
        let specialist = self.rng.chance(0.15);
        let odds: [(AccessFeature, f64); 8] = [
            (AccessFeature::StepFree, 0.85),
            (AccessFeature::AccessibleToilet, 0.8),
            (
                AccessFeature::ChangingPlaces,
                if specialist { 0.7 } else { 0.03 },
            ),
            (AccessFeature::Hoist, if specialist { 0.9 } else { 0.05 }),
            (AccessFeature::HearingLoop, 0.4),
            (AccessFeature::QuietSpace, 0.35),
            (AccessFeature::Parking, 0.6),
            (
                AccessFeature::Transport,
                if specialist { 0.8 } else { 0.08 },
            ),
        ];
        let accessibility = odds
            .iter()
            .filter(|&&(_, p)| self.rng.chance(p))
            .map(|&(f, _)| f)
            .collect();
        let access_notes = if self.rng.chance(0.5) {
            self.rng.pick(ACCESS_NOTES).to_string()
        } else {
            String::new()
        };
        Location {
            id: format!("{}-{i}", slug(&name)),
            name,
            address,
            town: town.name.to_string(),
            postcode,
            latitude,
            longitude,
            accessibility,
            access_notes,
        }
    }

    fn service(
        &mut self,
        i: usize,
        orgs: &[Organisation],
        org_towns: &[usize],
        locations: &[Location],
    ) -> Service {
        let o = self.rng.below(orgs.len());
        let org = &orgs[o];

        let tier = *self.rng.pick(&[
            Tier::Community,
            Tier::Community,
            Tier::Community,
            Tier::Specialist,
            Tier::Enablement,
        ]);
        let kind = match tier {
            Tier::Specialist => *self.rng.pick(&[
                Kind::DayCentre,
                Kind::DayCentre,
                Kind::SkillsLearning,
                Kind::Outreach,
            ]),
            Tier::Enablement => {
                *self
                    .rng
                    .pick(&[Kind::SkillsLearning, Kind::Outreach, Kind::Online])
            }
            Tier::Community => *self.rng.pick(Kind::all()),
        };
        let mut kinds = vec![kind];
        if self.rng.chance(0.25) {
            let other = *self.rng.pick(Kind::all());
            if other != kind {
                kinds.push(other);
            }
        }
        let mut needs = vec![*self.rng.pick(Need::all())];
        for _ in 0..self.rng.below(3) {
            let n = *self.rng.pick(Need::all());
            if !needs.contains(&n) {
                needs.push(n);
            }
        }
        let need = needs[0];

        // Outreach and online services happen at home or on a screen, not at a place.
        let flexible = matches!(
            kind,
            Kind::Outreach | Kind::Online | Kind::Befriending | Kind::SharedLives
        );
        let at_place = !matches!(kind, Kind::Outreach | Kind::Online | Kind::SharedLives);
        let location = at_place.then(|| {
            // Prefer a place in the provider's home town: locations are numbered round the
            // providers, so location o, o + n_orgs, ... belong to provider o.
            let start = o % locations.len();
            let stride = orgs.len().max(1);
            let hops = self.rng.below((locations.len() / stride).max(1));
            &locations[(start + hops * stride) % locations.len()]
        });
        let town = match location {
            Some(l) => l.town.clone(),
            None => TOWNS[org_towns[o]].name.to_string(),
        };

        let name = format!(
            "{}{} {} {}",
            if self.rng.chance(0.7) {
                town.as_str()
            } else {
                self.rng.pick(FLAVOURS)
            },
            if self.rng.chance(0.15) {
                format!(
                    " {}",
                    self.rng
                        .pick(&["Saturday", "Friday", "Monday", "Evening", "Sunday"])
                )
            } else {
                String::new()
            },
            self.rng.pick(need_words(need)),
            self.rng.pick(kind_words(kind)),
        );
        let id = format!("{}-{}", slug(&name), radix36(i));

        let sessions = if flexible && self.rng.chance(0.8) {
            Vec::new()
        } else {
            self.sessions(kind)
        };
        let schedule_notes = if sessions.is_empty() {
            self.rng.pick(SCHEDULE_NOTES).to_string()
        } else if self.rng.chance(0.1) {
            "Closed on bank holidays.".into()
        } else {
            String::new()
        };

        let summary = format!(
            "{} {} for {} in {}.",
            self.rng.pick(SUMMARY_OPENINGS),
            kind.label().to_lowercase(),
            self.rng.pick(need_audiences(need)),
            town
        );
        let paragraphs = 2 + self.rng.below(3);
        let mut description = String::with_capacity(600);
        for p in 0..paragraphs {
            if p > 0 {
                description.push_str("\n\n");
            }
            let sentences = 2 + self.rng.below(3);
            for s in 0..sentences {
                if s > 0 {
                    description.push(' ');
                }
                if p == 0 && s == 0 {
                    let _ = write!(
                        description,
                        "{name} is run by {} for {}.",
                        org.name,
                        self.rng.pick(need_audiences(need))
                    );
                } else {
                    description.push_str(&self.sentence());
                }
            }
        }
        let activities = (0..3 + self.rng.below(4))
            .map(|_| self.rng.skewed(ACTIVITIES).to_string())
            .collect::<Vec<_>>();
        let easy_read = (0..3 + self.rng.below(3))
            .map(|_| *self.rng.pick(EASY_SENTENCES))
            .collect::<Vec<_>>()
            .join(" ");

        let minimum_age = *self.rng.pick(&[18, 18, 18, 18, 16, 55, 65]);
        let maximum_age = (minimum_age == 16 && self.rng.chance(0.6)).then_some(25);
        let eligibility = Eligibility {
            minimum_age,
            maximum_age,
            notes: if self.rng.chance(0.5) {
                self.rng.pick(ELIGIBILITY_NOTES).to_string()
            } else {
                String::new()
            },
        };

        let cost = self.cost(tier);
        let join = match tier {
            Tier::Specialist => vec![JoinRoute::SocialWorker, JoinRoute::Carer],
            _ => JoinRoute::all()
                .iter()
                .copied()
                .filter(|_| self.rng.chance(0.6))
                .collect::<Vec<_>>(),
        };
        let join = if join.is_empty() {
            vec![JoinRoute::SelfReferral]
        } else {
            join
        };
        let stale = self.rng.chance(0.1);
        let last_reviewed = self.dates[if stale {
            184 + self.rng.below(200)
        } else {
            self.rng.below(183)
        }];
        let vacancy = Vacancy {
            status: *self.rng.pick(&[
                VacancyStatus::Spaces,
                VacancyStatus::Spaces,
                VacancyStatus::WaitingList,
                VacancyStatus::Full,
            ]),
            confirmed: self.dates[self.rng.below(365)],
        };
        let contact = Contact {
            name: self
                .rng
                .chance(0.6)
                .then(|| format!("{} {}", self.rng.pick(FIRST_NAMES), self.rng.pick(SURNAMES))),
            phone: Some(if self.rng.chance(0.5) {
                self.phone()
            } else {
                org.phone.clone().unwrap_or_default()
            }),
            email: org.email.clone(),
            website: self
                .rng
                .chance(0.3)
                .then(|| format!("https://example.org/{}/{id}", org.id)),
        };

        Service {
            organisation_id: org.id.clone(),
            location_id: location.map(|l| l.id.clone()),
            name,
            summary,
            description,
            activities,
            easy_read,
            tier,
            kinds,
            needs,
            sessions,
            schedule_notes,
            duration_weeks: (tier == Tier::Enablement).then(|| 6 + self.rng.below(7) as u8),
            eligibility,
            cost,
            join,
            vacancy,
            transport: tier == Tier::Specialist && self.rng.chance(0.7),
            contact,
            last_reviewed,
            id,
        }
    }

    fn sessions(&mut self, kind: Kind) -> Vec<Session> {
        let (h1, m1, h2, m2) = *self.rng.pick(SLOTS);
        let at = |h: u16, m: u16| ClockTime::new(h, m).expect("slot times are valid");
        let (start, end) = (at(h1, m1), at(h2, m2));
        if kind == Kind::DayCentre && self.rng.chance(0.6) {
            let days = 3 + self.rng.below(3);
            return Weekday::all()[..days]
                .iter()
                .map(|&day| Session { day, start, end })
                .collect();
        }
        let mut days: Vec<Weekday> = Vec::new();
        for _ in 0..1 + self.rng.below(2) {
            // Weekends are rarer than weekdays, as in real directories.
            let day = if self.rng.chance(0.15) {
                *self.rng.pick(&[Weekday::Saturday, Weekday::Sunday])
            } else {
                Weekday::all()[self.rng.below(5)]
            };
            if !days.contains(&day) {
                days.push(day);
            }
        }
        days.sort();
        days.into_iter()
            .map(|day| Session { day, start, end })
            .collect()
    }

    fn cost(&mut self, tier: Tier) -> Cost {
        match tier {
            Tier::Specialist => Cost {
                kinds: vec![
                    CostKind::Funded,
                    CostKind::DirectPayment,
                    CostKind::PaySession,
                ],
                price_per_session_pence: Some(4500 + 100 * self.rng.below(31) as u32),
                notes: "Daily rate for self-funders, lunch included.".into(),
            },
            Tier::Enablement => Cost {
                kinds: vec![CostKind::Funded],
                price_per_session_pence: None,
                notes: "No charge.".into(),
            },
            Tier::Community if self.rng.chance(0.45) => Cost {
                kinds: vec![CostKind::Free],
                price_per_session_pence: None,
                notes: String::new(),
            },
            Tier::Community => {
                let mut kinds = vec![CostKind::PaySession];
                if self.rng.chance(0.3) {
                    kinds.push(CostKind::DirectPayment);
                }
                Cost {
                    kinds,
                    price_per_session_pence: Some(200 + 50 * self.rng.below(40) as u32),
                    notes: if self.rng.chance(0.4) {
                        self.rng.pick(COST_NOTES).to_string()
                    } else {
                        String::new()
                    },
                }
            }
        }
    }

    /// One sentence of description, from a template and skewed word choices.
    fn sentence(&mut self) -> String {
        let template = *self.rng.pick(SENTENCES);
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open
                + rest[open..]
                    .find('}')
                    .expect("templates close their braces");
            let word = match &rest[open + 1..close] {
                "act" => *self.rng.skewed(ACTIVITIES),
                "adj" => *self.rng.skewed(ADJECTIVES),
                "who" => *self.rng.skewed(PEOPLE),
                "place" => *self.rng.skewed(PLACES),
                "day" => Weekday::all()[self.rng.below(7)].label(),
                other => unreachable!("unknown slot {other}"),
            };
            out.push_str(word);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn phone(&mut self) -> String {
        // Ofcom's drama range: never a real number.
        format!("01632 960{:03}", self.rng.below(1000))
    }
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'é' | 'è' | 'ê' => 'e',
            'à' | 'â' => 'a',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            continue;
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn radix36(mut n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

fn need_words(need: Need) -> &'static [&'static str] {
    match need {
        Need::LearningDisability => &[
            "Friendship",
            "Stars",
            "Learning Disability",
            "Inclusive",
            "Together",
        ],
        Need::Autism => &["Autism", "Autistic Adults'", "Neurodivergent", "Spectrum"],
        Need::PhysicalDisability => &["Stroke", "Wheelchair", "Disability", "Access", "Mobility"],
        Need::SensoryImpairment => &[
            "Sight Loss",
            "Deaf",
            "Hearing Loss",
            "Low Vision",
            "Visually Impaired",
        ],
        Need::MentalHealth => &[
            "Wellbeing",
            "Recovery",
            "Mental Health",
            "Peer Support",
            "Calm Minds",
        ],
        Need::Dementia => &["Memory", "Dementia", "Memory Lane", "Forget-Me-Not"],
        Need::OlderPeople => &[
            "Over 60s",
            "Silver",
            "Senior",
            "Golden Years",
            "Older People's",
        ],
        Need::CarersBreak => &["Carers'", "Carers' Break", "Time Out"],
    }
}

fn kind_words(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::DayCentre => &[
            "Day Centre",
            "Day Service",
            "Resource Centre",
            "Day Opportunities",
        ],
        Kind::CommunityGroup => &[
            "Club",
            "Social Group",
            "Café",
            "Circle",
            "Coffee Morning",
            "Lunch Club",
        ],
        Kind::SkillsLearning => &[
            "Skills Course",
            "Learning Hub",
            "Workshop",
            "Life Skills",
            "Cookery Class",
        ],
        Kind::SupportedEmployment => &[
            "Pathways to Work",
            "Job Club",
            "Employment Service",
            "Work Experience",
        ],
        Kind::Volunteering => &["Volunteers", "Volunteer Project", "Community Volunteering"],
        Kind::Befriending => &[
            "Befriending",
            "Good Neighbours",
            "Buddy Scheme",
            "Telephone Friends",
        ],
        Kind::SharedLives => &["Shared Lives Days", "Shared Lives Day Support"],
        Kind::Outreach => &[
            "Community Support",
            "Home Support",
            "Outreach",
            "Support at Home",
        ],
        Kind::Online => &["Online Group", "Online Meet-Up", "Video Call Club"],
    }
}

fn need_audiences(need: Need) -> &'static [&'static str] {
    match need {
        Need::LearningDisability => &[
            "adults with learning disabilities",
            "people with a learning disability",
            "adults with Down syndrome and other learning disabilities",
        ],
        Need::Autism => &[
            "autistic adults",
            "adults on the autism spectrum",
            "autistic people and their families",
        ],
        Need::PhysicalDisability => &[
            "disabled adults",
            "wheelchair users",
            "people living with the effects of a stroke",
        ],
        Need::SensoryImpairment => &[
            "people with sight loss",
            "Deaf and hard of hearing adults",
            "blind and partially sighted people",
        ],
        Need::MentalHealth => &[
            "adults with mental health needs",
            "people living with anxiety or depression",
            "anyone feeling lonely or low",
        ],
        Need::Dementia => &[
            "people living with dementia",
            "people with memory loss and their carers",
            "people with dementia and their families",
        ],
        Need::OlderPeople => &[
            "older people",
            "people over 60",
            "older people who live alone",
        ],
        Need::CarersBreak => &[
            "unpaid carers",
            "family carers who need a break",
            "carers and the people they care for",
        ],
    }
}

struct Town {
    name: &'static str,
    outcode: &'static str,
    lat: f64,
    lon: f64,
}

const fn town(name: &'static str, outcode: &'static str, lat: f64, lon: f64) -> Town {
    Town {
        name,
        outcode,
        lat,
        lon,
    }
}

/// Sixty English towns and cities, with an outward code and approximate centre.
const TOWNS: &[Town] = &[
    town("Leeds", "LS1", 53.797, -1.548),
    town("Sheffield", "S1", 53.381, -1.470),
    town("Manchester", "M1", 53.480, -2.242),
    town("Liverpool", "L1", 53.408, -2.991),
    town("Birmingham", "B1", 52.480, -1.903),
    town("Bristol", "BS1", 51.454, -2.588),
    town("Newcastle upon Tyne", "NE1", 54.973, -1.614),
    town("Nottingham", "NG1", 52.954, -1.158),
    town("Leicester", "LE1", 52.637, -1.135),
    town("Coventry", "CV1", 52.408, -1.510),
    town("Bradford", "BD1", 53.795, -1.759),
    town("Hull", "HU1", 53.745, -0.336),
    town("Stoke-on-Trent", "ST1", 53.003, -2.180),
    town("Derby", "DE1", 52.922, -1.476),
    town("Plymouth", "PL1", 50.376, -4.143),
    town("Southampton", "SO14", 50.904, -1.404),
    town("Portsmouth", "PO1", 50.798, -1.091),
    town("Reading", "RG1", 51.454, -0.973),
    town("Norwich", "NR1", 52.630, 1.297),
    town("Exeter", "EX1", 50.718, -3.534),
    town("York", "YO1", 53.960, -1.087),
    town("Lincoln", "LN1", 53.234, -0.538),
    town("Cambridge", "CB1", 52.205, 0.122),
    town("Oxford", "OX1", 51.752, -1.258),
    town("Gloucester", "GL1", 51.864, -2.244),
    town("Worcester", "WR1", 52.192, -2.220),
    town("Hereford", "HR1", 52.056, -2.716),
    town("Shrewsbury", "SY1", 52.708, -2.754),
    town("Chester", "CH1", 53.190, -2.891),
    town("Crewe", "CW1", 53.098, -2.441),
    town("Macclesfield", "SK11", 53.259, -2.127),
    town("Stockport", "SK1", 53.408, -2.149),
    town("Warrington", "WA1", 53.390, -2.597),
    town("Wigan", "WN1", 53.545, -2.632),
    town("Preston", "PR1", 53.763, -2.703),
    town("Blackpool", "FY1", 53.817, -3.036),
    town("Lancaster", "LA1", 54.047, -2.801),
    town("Carlisle", "CA1", 54.892, -2.932),
    town("Durham", "DH1", 54.776, -1.575),
    town("Middlesbrough", "TS1", 54.574, -1.235),
    town("Stockton-on-Tees", "TS18", 54.566, -1.318),
    town("Sunderland", "SR1", 54.906, -1.381),
    town("Harrogate", "HG1", 53.992, -1.541),
    town("Wakefield", "WF1", 53.683, -1.497),
    town("Huddersfield", "HD1", 53.646, -1.785),
    town("Doncaster", "DN1", 53.523, -1.133),
    town("Chesterfield", "S40", 53.235, -1.422),
    town("Mansfield", "NG18", 53.144, -1.196),
    town("Northampton", "NN1", 52.237, -0.894),
    town("Milton Keynes", "MK9", 52.041, -0.759),
    town("Luton", "LU1", 51.879, -0.417),
    town("Ipswich", "IP1", 52.057, 1.148),
    town("Colchester", "CO1", 51.889, 0.901),
    town("Chelmsford", "CM1", 51.736, 0.468),
    town("Canterbury", "CT1", 51.280, 1.079),
    town("Brighton", "BN1", 50.822, -0.137),
    town("Guildford", "GU1", 51.236, -0.570),
    town("Salisbury", "SP1", 51.069, -1.795),
    town("Bath", "BA1", 51.381, -2.359),
    town("Taunton", "TA1", 51.015, -3.103),
    town("Truro", "TR1", 50.263, -5.051),
    town("Bournemouth", "BH1", 50.720, -1.880),
];

/// Session times: start hour and minute, end hour and minute.
const SLOTS: &[(u16, u16, u16, u16)] = &[
    (9, 30, 15, 30),
    (10, 0, 15, 0),
    (10, 0, 12, 0),
    (10, 30, 12, 30),
    (11, 0, 13, 0),
    (13, 30, 15, 30),
    (14, 0, 16, 0),
    (12, 0, 14, 0),
    (18, 0, 20, 0),
    (18, 30, 20, 30),
    (19, 0, 21, 30),
];

const FLAVOURS: &[&str] = &[
    "Riverside",
    "Oak Tree",
    "Meadowbank",
    "Sunrise",
    "Canalside",
    "Hillview",
    "Willow",
    "Brookfield",
    "Millstone",
    "Heather",
    "Beacon",
    "Lantern",
    "Harbour",
    "Orchard",
    "Greenway",
    "Kingfisher",
    "Foxglove",
    "Redbrick",
    "Parkside",
    "Lighthouse",
    "Larch",
    "Hawthorn",
    "Bluebell",
    "Moorside",
    "Fernlea",
    "Copper Beech",
    "Stonebridge",
    "Rowan",
    "Westgate",
    "Northfield",
    "Southbank",
    "Eastwood",
    "Marketside",
    "Chapel Street",
    "Station Road",
    "Victoria",
];
const ORG_TYPES: &[&str] = &[
    "Community Trust",
    "Day Services",
    "Care Co-operative",
    "Support Services",
    "Friendship Groups",
    "Wellbeing Collective",
    "Community Interest Company",
    "Volunteer Centre",
    "Carers' Network",
    "Learning Partnership",
    "Employment Project",
    "Arts Collective",
    "Community Association",
    "Enablement Team (council service)",
];
const ORG_OPENINGS: &[&str] = &[
    "A local charity for disabled and older adults.",
    "A not-for-profit provider of day opportunities.",
    "A volunteer-led community group.",
    "A council team offering short-term support.",
    "A social enterprise run with the people it supports.",
];
const ORG_CLOSINGS: &[&str] = &[
    "Registered charity.",
    "Run by volunteers and a small staff team.",
    "Working across the borough since 1998.",
    "Part of a regional network of providers.",
];
const BUILDINGS: &[&str] = &[
    "Community Centre",
    "Day Centre",
    "Church Hall",
    "Resource Centre",
    "Library",
    "Leisure Centre",
    "Community Garden",
    "Methodist Hall",
    "Village Hall",
    "Enterprise Hub",
    "Learning Centre",
    "Pavilion",
    "Café",
];
const STREETS: &[&str] = &[
    "High",
    "Church",
    "Station",
    "Victoria",
    "Mill",
    "Park",
    "Market",
    "London",
    "Manchester",
    "King",
    "Queen",
    "Chapel",
    "Bridge",
    "Water",
    "New",
    "West",
    "North",
    "School",
    "Albert",
    "Princess",
];
const STREET_TYPES: &[&str] = &["Street", "Road", "Lane", "Avenue", "Way", "Square"];
const ACCESS_NOTES: &[&str] = &[
    "Level access from the car park.",
    "Lift to the first floor.",
    "Ramp at the side entrance.",
    "Two steps at the front door; portable ramp available.",
    "Quiet room available on request.",
    "Blue badge parking by the entrance.",
];
const SUMMARY_OPENINGS: &[&str] = &[
    "A friendly",
    "A welcoming",
    "A relaxed",
    "A small",
    "A well-established",
    "A free",
    "A weekly",
];
const SENTENCES: &[&str] = &[
    "We offer {act} and {act} in a {adj} setting.",
    "Sessions include {act}, {act} and {act}.",
    "The group meets every {day} at the {place}.",
    "It is a {adj} place for {who} to meet people and try new things.",
    "Staff and volunteers are trained to support {who}.",
    "There is a {adj} {place} and help with {act}.",
    "People come for {act}, a hot drink and a chat.",
    "Carers and family members are welcome to stay.",
    "Transport can be arranged for {who} who cannot get there on their own.",
    "We also run {act} on {day} afternoons.",
    "Many members have been coming for years, and new faces are always welcome.",
    "You can come for the whole session or just part of it.",
    "The {place} has level access and an accessible toilet.",
    "Our {adj} team plans {act} and trips out with each person.",
    "Most people start with a visit to see whether it suits them.",
    "Lunch is available and special diets can be catered for.",
    "It is a {adj} and {adj} group, and nobody has to join in.",
    "Support is built around what {who} want to do.",
];
const ACTIVITIES: &[&str] = &[
    "tea and chat",
    "arts and crafts",
    "music",
    "gardening",
    "cooking",
    "quizzes",
    "chair exercise",
    "walks",
    "games",
    "reminiscence",
    "singing",
    "bingo",
    "day trips",
    "computer skills",
    "woodwork",
    "swimming",
    "boccia",
    "drama",
    "sensory sessions",
    "baking",
    "dance",
    "photography",
    "knitting",
    "pottery",
    "yoga",
    "tai chi",
    "mindfulness",
    "football",
    "cycling",
    "bowling",
    "film nights",
    "karaoke",
    "jigsaws",
    "board games",
    "flower arranging",
    "money skills",
    "travel training",
    "job coaching",
    "CV writing",
    "interview practice",
    "volunteering",
    "lipreading",
    "British Sign Language",
    "Makaton",
    "hydrotherapy",
    "massage",
    "drumming",
    "painting",
    "printmaking",
    "textiles",
    "beekeeping",
    "bird watching",
    "local history",
    "poetry",
    "creative writing",
    "canoeing",
    "table tennis",
    "darts",
];
const ADJECTIVES: &[&str] = &[
    "friendly",
    "welcoming",
    "relaxed",
    "calm",
    "lively",
    "supportive",
    "small",
    "safe",
    "sociable",
    "quiet",
    "homely",
    "cheerful",
    "patient",
    "inclusive",
    "busy",
    "creative",
    "practical",
    "gentle",
    "accessible",
];
const PEOPLE: &[&str] = &[
    "older people",
    "adults with learning disabilities",
    "autistic adults",
    "people living with dementia",
    "carers",
    "wheelchair users",
    "young adults",
    "people with sight loss",
    "Deaf people",
    "people with mental health needs",
    "stroke survivors",
    "volunteers",
];
const PLACES: &[&str] = &[
    "hall",
    "garden",
    "kitchen",
    "sensory room",
    "lounge",
    "café",
    "workshop",
    "studio",
    "pavilion",
    "community room",
];
const SCHEDULE_NOTES: &[&str] = &[
    "Visits arranged with you, weekdays 9am to 5pm.",
    "Times agreed with you, including evenings and weekends.",
    "Weekly visits of about an hour, arranged with you.",
    "Online sessions at times that suit the group.",
];
const EASY_SENTENCES: &[&str] = &[
    "This is a friendly group.",
    "You can have tea and a chat.",
    "Carers can come too.",
    "You do not need to book.",
    "Staff will help you.",
    "You can make new friends.",
    "It is free.",
    "A minibus can take you there.",
    "You can try it first.",
    "There is a quiet room.",
];
const COST_NOTES: &[&str] = &[
    "Carers go free.",
    "Lunch £4 extra.",
    "First session free.",
    "Includes tea and cake.",
];
const ELIGIBILITY_NOTES: &[&str] = &[
    "Diagnosis not needed.",
    "Must live in the area.",
    "Carers welcome.",
    "Support workers go free.",
];
const FIRST_NAMES: &[&str] = &[
    "Helen", "Sam", "Priya", "Gareth", "Joanne", "Tom", "Aisha", "Mark", "Lewis", "Karen", "Dev",
    "Rachel",
];
const SURNAMES: &[&str] = &[
    "Bradshaw",
    "Okafor",
    "Patel",
    "Hulme",
    "Dakin",
    "Burgess",
    "Leigh",
    "Whittaker",
    "Shaw",
    "Morris",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(
            slug("Autistic Adults' Café, Leeds"),
            "autistic-adults-cafe-leeds"
        );
        assert_eq!(slug("Over 60s Club"), "over-60s-club");
        assert_eq!(radix36(0), "0");
        assert_eq!(radix36(36 * 36 + 1), "101");
    }

    #[test]
    fn small_directories_hold_together() {
        for n in [0, 1, 2, 3, 7, 50] {
            let d = synthetic(n, 1);
            assert_eq!(d.services.len(), n);
            assert!(d.problems().is_empty(), "{n}: {:?}", d.problems());
        }
    }

    #[test]
    #[ignore = "timing: cargo test --release --lib sample -- --ignored --nocapture"]
    fn large_directories_are_quick_to_make() {
        for n in [10_000, 100_000] {
            let started = std::time::Instant::now();
            let d = synthetic(n, 1);
            let took = started.elapsed();
            eprintln!("synthetic({n}): {took:?}");
            assert!(
                took < std::time::Duration::from_secs(3),
                "{n} services took {took:?}"
            );
            assert!(d.problems().is_empty());
        }
    }

    #[test]
    fn skewed_choice_favours_early_words() {
        let mut r = SplitMix64(3);
        let items: Vec<usize> = (0..10).collect();
        let first = (0..10_000).filter(|_| *r.skewed(&items) == 0).count();
        let last = (0..10_000).filter(|_| *r.skewed(&items) == 9).count();
        assert!(first > 3 * last, "{first} vs {last}");
    }
}
