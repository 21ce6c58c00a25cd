//! The sample directory's open days and events.
//!
//! Sample events must always be upcoming, however old the data folder is and however
//! long the server has run. So they are written here as offsets from "today" (in days,
//! with clock times), not as dates, and [`for_today`] dates them. The sample directory is
//! dated when it is loaded (`sample::cheshire_east`), and a server on a sample directory
//! dates them again when it starts and every few hours while it runs (see
//! [`refresh`]). Offsets run from 2 to 45 days, so even a store left untouched for a
//! fortnight still has a month of events ahead.

use jiff::civil::{Date, DateTime, Time};

use crate::model::{Audience, Booking, Directory, Event, EventKind, EventPlace, Need};

/// A fixed "today" for tests and for the store's migration test.
pub const REFERENCE_DAY: Date = Date::constant(2026, 11, 23);

/// The sample's source line starts with this; only such a directory is re-dated.
pub const SAMPLE_SOURCE_PREFIX: &str =
    "Sample data: invented listings at real Cheshire East places";

/// Whether a directory's source line says it is the bundled sample.
pub fn is_sample(source: &str) -> bool {
    source.starts_with(SAMPLE_SOURCE_PREFIX)
}

/// The sample events, dated from `today`.
pub fn for_today(today: Date) -> Vec<Event> {
    specs().into_iter().map(|spec| spec.dated(today)).collect()
}

/// Re-dates the sample events of a stored sample directory from `today`. Returns the
/// directory to merge (events only) when anything changed, or `None` when the stored
/// directory is not the sample or its events are already current.
pub fn refresh(stored: &Directory, today: Date) -> Option<Directory> {
    if !is_sample(&stored.source) {
        return None;
    }
    let fresh: Vec<Event> = for_today(today)
        .into_iter()
        // Only events whose service and provider are still in the directory.
        .filter(|e| {
            e.service_id
                .as_deref()
                .is_none_or(|id| stored.services.iter().any(|s| s.id == id))
        })
        .collect();
    let current = fresh
        .iter()
        .all(|e| stored.events.iter().any(|old| old == e));
    (!current).then(|| Directory {
        events: fresh,
        ..Directory::default()
    })
}

/// One sample event before it is dated.
struct Spec {
    event: Event,
    /// Days after today.
    in_days: i64,
    /// Booking closes this many days before the event.
    book_days_before: Option<i64>,
}

impl Spec {
    fn dated(self, today: Date) -> Event {
        let Spec {
            mut event,
            in_days,
            book_days_before,
        } = self;
        let day = today
            .checked_add(jiff::Span::new().days(in_days))
            .unwrap_or(today);
        event.start = day.to_datetime(event.start.time());
        event.end = day.to_datetime(event.end.time());
        event.booking.by = book_days_before.and_then(|b| {
            day.checked_sub(jiff::Span::new().days(b))
                .ok()
                .filter(|d| *d > today)
        });
        event
    }

    fn service(mut self, service: &str) -> Self {
        self.event.service_id = Some(service.into());
        self
    }

    fn organisation(mut self, organisation: &str) -> Self {
        self.event.organisation_id = Some(organisation.into());
        self
    }

    fn at(mut self, location: &str) -> Self {
        self.event.place.location_id = Some(location.into());
        self
    }

    fn address(mut self, name: &str, address: &str, town: &str, postcode: &str) -> Self {
        self.event.place = EventPlace {
            location_id: None,
            name: name.into(),
            address: address.into(),
            postcode: postcode.into(),
            town: town.into(),
        };
        self
    }

    fn for_people(mut self, needs: &[Need], ages: (Option<u8>, Option<u8>), notes: &str) -> Self {
        self.event.audience = Audience {
            needs: needs.to_vec(),
            minimum_age: ages.0,
            maximum_age: ages.1,
            notes: notes.into(),
        };
        self
    }

    fn price(mut self, pence: u32, notes: &str) -> Self {
        self.event.price_pence = pence;
        self.event.cost_notes = notes.into();
        self
    }

    fn book(mut self, phone: Option<&str>, email: Option<&str>, days_before: i64) -> Self {
        self.event.booking.required = true;
        self.event.booking.phone = phone.map(Into::into);
        self.event.booking.email = email.map(Into::into);
        self.book_days_before = Some(days_before);
        self
    }

    fn book_online(mut self, link: &str, days_before: i64) -> Self {
        self.event.booking.required = true;
        self.event.booking.link = Some(link.into());
        self.book_days_before = Some(days_before);
        self
    }

    fn drop_in(mut self, notes: &str) -> Self {
        self.event.booking = Booking {
            required: false,
            notes: notes.into(),
            ..Booking::default()
        };
        self
    }

    fn booking_notes(mut self, notes: &str) -> Self {
        self.event.booking.notes = notes.into();
        self
    }
}

/// An event `in_days` from today, from `start` to `end` ("10:00"), with defaults for
/// the rest.
fn event(
    id: &str,
    kind: EventKind,
    title: &str,
    in_days: i64,
    (start, end): (&str, &str),
    description: &str,
) -> Spec {
    let time = |s: &str| s.parse::<Time>().unwrap_or(Time::midnight());
    Spec {
        event: Event {
            id: id.into(),
            title: title.into(),
            kind,
            description: description.into(),
            start: DateTime::from_parts(REFERENCE_DAY, time(start)),
            end: DateTime::from_parts(REFERENCE_DAY, time(end)),
            service_id: None,
            organisation_id: None,
            place: EventPlace::default(),
            audience: Audience::default(),
            price_pence: 0,
            cost_notes: String::new(),
            booking: Booking::default(),
        },
        in_days,
        book_days_before: None,
    }
}

use EventKind::{DropIn, Information, OpenDay, Taster, Transition};
use Need::{
    Autism, CarersBreak, Dementia, LearningDisability, MentalHealth, OlderPeople,
    PhysicalDisability, SensoryImpairment,
};

const ADULTS: (Option<u8>, Option<u8>) = (Some(18), None);
const YOUNG_ADULTS: (Option<u8>, Option<u8>) = (Some(16), Some(25));
const ANY_AGE: (Option<u8>, Option<u8>) = (None, None);

fn specs() -> Vec<Spec> {
    vec![
        // Day centres' open days.
        event("brookhouse-open-day", OpenDay, "Brookhouse Resource Centre open day", 6, ("10:00", "14:00"),
            "Come and see the centre, meet the team and the people who come here, and try an activity. \
             Staff will show you the sensory room, the changing places toilet and the garden.\n\n\
             Tea, coffee and cake are free. Bring a family member, friend or carer if you like.")
            .service("brookhouse-day-centre").at("crewe-brookhouse")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "Adults who might use the centre, and their families and carers")
            .drop_in("Come any time between 10am and 2pm."),
        event("silkmill-open-day", OpenDay, "Silkmill Day Centre open day", 13, ("10:00", "15:00"),
            "Look round Silkmill, see the art room, the kitchen and the quiet room, and ask about taster days.\n\n\
             Our transport coordinator will be there to talk about getting to and from the centre.")
            .service("silkmill-day-centre").at("macclesfield-silkmill")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "")
            .drop_in("If you need the hoist or help with personal care on the day, ring us first."),
        event("dane-mill-open-afternoon", OpenDay, "Dane Mill Day Centre open afternoon", 20, ("13:00", "16:00"),
            "A relaxed afternoon to see Dane Mill: join in with the music session, have a cup of tea, and talk to the manager about places and costs.")
            .service("dane-mill-day-centre").at("congleton-dane-mill")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "")
            .book(Some("01632 960919"), Some("danevalley.dayops@example.org"), 2)
            .booking_notes("Booking helps us have enough staff on hand, but you will not be turned away."),
        event("heathside-open-day", OpenDay, "Heathside Day Centre open day", 27, ("10:30", "14:30"),
            "See what a day at Heathside is like. Lunch is served at 12:30 and visitors are welcome to join in.")
            .service("heathside-day-centre").at("knutsford-heathside")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "")
            .price(0, "Lunch is free for visitors on the day.")
            .book(Some("01632 960573"), None, 3),
        event("sandbach-lodge-open-morning", OpenDay, "Sandbach Lodge open morning", 9, ("10:00", "12:30"),
            "Meet the staff and members of Sandbach Lodge, see the rooms and the accessible minibus, and find out how to arrange a visit day.")
            .service("sandbach-lodge-day-centre").at("sandbach-lodge")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "")
            .drop_in(""),
        event("coppice-family-open-day", OpenDay, "Coppice Day Centre: open day for families", 16, ("11:00", "15:00"),
            "For people living with dementia and the family members who care for them. See the centre, meet the staff, \
             and talk privately with our dementia support worker about what might help.")
            .service("coppice-day-centre").at("poynton-coppice")
            .for_people(&[Dementia, OlderPeople, CarersBreak], ANY_AGE, "People living with dementia and their carers")
            .drop_in("Come when it suits you. There is parking at the front."),
        event("alderley-road-open-day", OpenDay, "Alderley Road Day Centre open day", 42, ("10:00", "13:00"),
            "Tour the centre, meet the team and see the new sensory garden.")
            .service("alderley-road-day-centre").at("wilmslow-alderley-road")
            .for_people(&[LearningDisability, PhysicalDisability], ADULTS, "")
            .drop_in(""),
        event("alsager-day-service-open-day", OpenDay, "Alsager Day Service open day", 21, ("10:00", "13:00"),
            "Have a look round, meet the regulars over coffee and see the afternoon's activities.")
            .service("alsager-day-service").at("alsager-lawton-road")
            .for_people(&[OlderPeople, PhysicalDisability, Dementia], (Some(60), None), "")
            .drop_in(""),
        event("middlewich-day-service-open-morning", OpenDay, "Middlewich Community Day Service open morning", 35, ("10:00", "12:00"),
            "Meet the team, see the rooms and ask about transport from the villages around Middlewich.")
            .service("middlewich-community-day-service").at("middlewich-wheelock-street")
            .for_people(&[OlderPeople, PhysicalDisability], (Some(60), None), "")
            .drop_in(""),
        event("handforth-dementia-day-club-open-afternoon", OpenDay, "Handforth Dementia Day Club open afternoon", 31, ("13:30", "15:30"),
            "Join the afternoon's singing and reminiscence session and see whether the club might suit you or someone you care for.")
            .service("handforth-dementia-day-club").at("handforth-station-road")
            .for_people(&[Dementia, OlderPeople, CarersBreak], (Some(55), None), "People living with dementia and their carers")
            .book(Some("01632 960090"), None, 2),
        event("disley-day-club-open-day", OpenDay, "Disley Tuesday Day Club open day", 40, ("10:30", "14:00"),
            "A chance to meet members and volunteers, enjoy a two-course lunch and hear about the summer outings.")
            .service("disley-tuesday-day-club").at("disley-buxton-road")
            .for_people(&[OlderPeople, PhysicalDisability], (Some(60), None), "")
            .price(0, "Lunch is free for first-time visitors.")
            .book(Some("01632 960062"), None, 3),
        event("audlem-day-club-open-day", OpenDay, "Audlem Village Day Club open day", 45, ("10:00", "14:00"),
            "See the village rooms, meet the volunteers and ask about lifts from the surrounding farms and villages.")
            .service("audlem-village-day-club").at("audlem-village-rooms")
            .for_people(&[OlderPeople, PhysicalDisability], (Some(55), None), "")
            .drop_in(""),
        // Taster sessions.
        event("weaver-lodge-taster-day", Taster, "Weaver Lodge taster day", 11, ("10:00", "15:00"),
            "Spend a day at Weaver Lodge before deciding: activities in the morning, a hot lunch and a quiz after. \
             A carer may stay for the day too.")
            .service("weaver-lodge-memory-day-centre").at("nantwich-weaver-lodge")
            .for_people(&[Dementia, OlderPeople], (Some(65), None), "People living with dementia")
            .price(0, "Lunch included.")
            .book(Some("01632 960670"), Some("weavervalley@example.org"), 3),
        event("ruskin-court-taster-morning", Taster, "Ruskin Court taster morning", 25, ("10:00", "12:30"),
            "Try a morning of the day centre's activities: gentle exercise, music and a chat over coffee.")
            .service("ruskin-court-dementia-day-care").at("crewe-ruskin-court")
            .for_people(&[Dementia, OlderPeople], (Some(65), None), "")
            .book(Some("01632 960670"), None, 2),
        event("restart-neuro-wilmslow-open-day", OpenDay, "Restart Neuro Wilmslow open day", 22, ("10:00", "15:00"),
            "For adults living with a brain injury or neurological condition. Try the therapy gym, meet the therapists and talk to people who use the service.")
            .service("restart-neuro-day-service-wilmslow").at("wilmslow-alderley-road")
            .for_people(&[PhysicalDisability, SensoryImpairment], ADULTS, "")
            .book(Some("01632 960873"), Some("restartneuro@example.org"), 4),
        event("earle-street-quiet-open-session", OpenDay, "Earle Street autism day service: quiet open session", 4, ("16:00", "18:00"),
            "A quiet, low-sensory visit after the day service closes: fewer people, lights down, no music. \
             You can look round at your own pace; staff will only talk to you if you want them to.")
            .service("earle-street-autism-day-service").at("crewe-earle-street")
            .for_people(&[Autism, LearningDisability], ADULTS, "")
            .book(None, Some("kestrel@example.org"), 1)
            .booking_notes("Tell us if you would like a photo guide to the building before you come."),
        event("brightlane-hub-open-evening", OpenDay, "Brightlane Autism Day Hub open evening", 18, ("17:30", "19:30"),
            "See the hub, the quiet rooms and the IT suite, and meet the team who run the week's sessions.")
            .service("brightlane-autism-day-hub").at("macclesfield-hurdsfield")
            .for_people(&[Autism, LearningDisability], (Some(18), Some(64)), "")
            .book_online("https://example.org/brightlane-autism-partnership/open-evening", 2),
        event("crewe-cook-and-eat-taster", Taster, "Cook and Eat: taster session", 3, ("10:30", "12:30"),
            "Cook a simple two-course lunch with the group and eat it together. Aprons and equipment provided.")
            .service("crewe-cook-and-eat").at("crewe-junction-rooms")
            .for_people(&[LearningDisability, MentalHealth], ADULTS, "")
            .price(300, "£3 towards ingredients.")
            .book(Some("01632 960906"), Some("fullplate@example.org"), 1),
        event("paintbox-open-studio-taster", Taster, "Paintbox open studio taster", 8, ("13:00", "15:00"),
            "Try painting, printing or clay with the Paintbox artists. No experience needed.")
            .service("paintbox-open-studio").at("macclesfield-chestergate")
            .for_people(&[LearningDisability, MentalHealth, Autism], ADULTS, "")
            .drop_in("Just turn up. Materials are provided."),
        event("harmony-lane-come-and-sing", Taster, "Come and sing with Harmony Lane Community Choir", 15, ("18:30", "20:00"),
            "An evening of easy songs for anyone who would like to try the choir. Nobody has to sing on their own.")
            .service("harmony-lane-community-choir").at("congleton-lawton-street")
            .for_people(&[LearningDisability, Autism], (Some(16), None), "")
            .drop_in(""),
        event("curtain-up-drama-taster", Taster, "Curtain Up drama taster workshop", 30, ("14:00", "16:00"),
            "Games, stories and a little acting: try a session of the Crewe drama group.")
            .service("curtain-up-crewe-drama-group").at("crewe-flag-lane")
            .for_people(&[LearningDisability, Autism], (Some(16), None), "")
            .book(Some("01632 960818"), Some("curtainup@example.org"), 2),
        event("junction-cafe-work-taster", Taster, "Junction Café: a taste of work", 26, ("09:30", "12:00"),
            "Spend a morning behind the counter and in the kitchen with our trainees, and find out how the work placements run.")
            .service("junction-cafe-work-placements").at("crewe-junction-rooms")
            .for_people(&[LearningDisability, Autism, MentalHealth], (Some(16), None), "")
            .book(Some("01632 960103"), None, 3),
        event("holmes-chapel-day-club-taster", Taster, "Holmes Chapel Day Club taster day", 28, ("10:00", "14:30"),
            "Come for a day of the club: exercises, lunch and the afternoon quiz.")
            .service("holmes-chapel-day-club").at("holmes-chapel-london-road")
            .for_people(&[OlderPeople, PhysicalDisability], (Some(65), None), "")
            .price(450, "£4.50 for lunch.")
            .book(Some("01632 960051"), None, 2),
        // Drop-ins.
        event("badger-avenue-garden-drop-in", DropIn, "Badger Avenue Community Garden drop-in", 5, ("10:00", "12:00"),
            "See the raised beds and the polytunnel, plant something, and meet the growing group over a cuppa.")
            .service("badger-avenue-growing-group").at("crewe-badger-avenue")
            .for_people(&[LearningDisability, MentalHealth, Autism], ADULTS, "")
            .drop_in("Wear clothes that can get muddy."),
        event("macclesfield-16-25-hangout-drop-in", DropIn, "16–25 Hangout drop-in for new members", 7, ("17:00", "19:00"),
            "Young people thinking of joining the Hangout can drop in with a parent or support worker, play games and meet the youth workers.")
            .service("macclesfield-16-25-hangout").at("macclesfield-hurdsfield")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "Young people and their parents or support workers")
            .drop_in(""),
        event("congleton-wellbeing-cafe-drop-in", DropIn, "Congleton Wellbeing Café: new faces morning", 2, ("10:00", "12:00"),
            "A morning for anyone thinking of trying the café. Peer supporters will be there to say hello and answer questions.")
            .service("congleton-wellbeing-cafe").at("congleton-bridge-street")
            .for_people(&[MentalHealth], ADULTS, "")
            .drop_in("Come and go as you like."),
        event("crewe-deaf-club-open-evening", DropIn, "Crewe Deaf Club open evening", 23, ("18:00", "20:30"),
            "Meet members, try some BSL and find out about the club's trips. BSL interpreters and a hearing loop are available.")
            .service("crewe-deaf-club").at("crewe-earle-street")
            .for_people(&[SensoryImpairment], ADULTS, "")
            .drop_in(""),
        event("congleton-hearing-aid-drop-in", DropIn, "Hearing aid care drop-in", 29, ("10:00", "12:00"),
            "Bring your NHS hearing aids for new tubing and batteries, and find out about the hearing loss support group.")
            .service("congleton-hearing-loss-support-group").at("congleton-mossley")
            .for_people(&[SensoryImpairment, OlderPeople], ADULTS, "")
            .drop_in(""),
        event("kerridge-view-garden-open-day", OpenDay, "Kerridge View Garden open day", 34, ("11:00", "15:00"),
            "Walk round the garden, see what the garden club grows, and buy plants and chutney made by members.")
            .service("kerridge-view-garden-club").at("bollington-kerridge-view")
            .for_people(&[LearningDisability, MentalHealth, Autism], (Some(16), None), "")
            .drop_in(""),
        // Carers.
        event("crewe-carers-information-morning", Information, "Carers' information morning", 12, ("10:00", "12:30"),
            "For anyone who looks after a family member or friend. Find out about carer's assessments, breaks, \
             benefits and what to do in an emergency, and meet other carers over coffee.\n\n\
             If you need someone to sit with the person you care for so you can come, ask us when you book.")
            .service("crewe-carers-cafe").at("crewe-junction-rooms")
            .for_people(&[CarersBreak], ADULTS, "Unpaid carers of any age over 18")
            .book(Some("01632 960901"), Some("lindencarers@example.org"), 2),
        event("macclesfield-carers-information-morning", Information, "Carers' information morning: planning for the future", 33, ("10:00", "12:30"),
            "Talks on lasting power of attorney, planning for emergencies, and carer's assessments, with time for questions.")
            .organisation("linden-carers-network").at("macclesfield-park-green")
            .for_people(&[CarersBreak], ADULTS, "Unpaid carers")
            .book(Some("01632 960901"), Some("lindencarers@example.org"), 3),
        // Preparing for adulthood.
        event("crewe-planning-for-adulthood-evening", Transition, "Planning for Adulthood evening, Crewe", 10, ("18:00", "20:00"),
            "For young people aged 16 to 25 with an education, health and care (EHC) plan, and their families. \
             Find out what happens when you move from children's to adult services: college and training, \
             supported work, day opportunities, and the care assessment at 18.\n\n\
             Providers from around Crewe will have stalls, and staff from the council's preparing for adulthood team will answer questions.")
            .organisation("next-chapter-transitions").at("crewe-earle-street")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "Young people with an EHC plan, and their parents and carers")
            .book(Some("01632 960667"), Some("nextchapter@example.org"), 2)
            .booking_notes("Tell us about any access needs when you book. A quiet room is available."),
        event("macclesfield-planning-for-adulthood-evening", Transition, "Planning for Adulthood evening, Macclesfield", 24, ("18:00", "20:00"),
            "For young people aged 16 to 25 with an EHC plan and their families: what changes at 18, how the adult care assessment works, \
             and what you can do in the day after school or college. Meet local providers and young people who have made the move.")
            .organisation("next-chapter-transitions").at("macclesfield-park-lane")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "Young people with an EHC plan, and their parents and carers")
            .book(Some("01632 960667"), Some("nextchapter@example.org"), 2),
        event("congleton-planning-for-adulthood-evening", Transition, "Planning for Adulthood evening, Congleton", 38, ("17:30", "19:30"),
            "An informal evening for families of young people aged 16 to 25 who are preparing for adulthood. \
             Talks at 6pm on money and benefits at 18, and on supported employment.")
            .organisation("next-chapter-transitions").at("congleton-bridge-street")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "Young people with an EHC plan, and their parents and carers")
            .book_online("https://example.org/next-chapter-transitions/events", 2),
        event("preparing-for-adulthood-market-place", Transition, "Preparing for adulthood market place", 19, ("10:00", "14:00"),
            "Day services, colleges, supported employment schemes and clubs from across Cheshire East in one hall. \
             Young people and families can talk to providers, pick up leaflets and book visits.")
            .organisation("next-chapter-transitions")
            .address("Macclesfield Town Hall", "Market Place", "Macclesfield", "SK10 1EA")
            .for_people(&[LearningDisability, Autism, PhysicalDisability], YOUNG_ADULTS, "Young people aged 16 to 25 and their families")
            .drop_in("Step-free entrance on Market Place."),
        event("sandbach-young-adults-open-day", OpenDay, "Young Adults Programme open day", 17, ("10:00", "14:00"),
            "See the programme's kitchen, workshop and media room, and talk to staff about starting after school or college.")
            .service("sandbach-lodge-young-adults-programme").at("sandbach-lodge")
            .for_people(&[LearningDisability, PhysicalDisability, Autism], YOUNG_ADULTS, "Young people and their families")
            .drop_in(""),
        event("next-chapter-life-skills-taster", Taster, "Life skills taster day for 16 to 25 year olds", 14, ("10:00", "14:00"),
            "Try a day of the life skills course: shopping on a budget, cooking lunch and using the bus.")
            .service("crewe-next-chapter-life-skills-16-to-25").at("crewe-earle-street")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "")
            .book(Some("01632 960667"), None, 3),
        event("pathways-to-work-open-afternoon", OpenDay, "Pathways to Work open afternoon", 32, ("14:00", "16:30"),
            "Meet the job coaches and young people on work placements, and find out how the scheme works alongside college.")
            .service("congleton-pathways-to-work").at("congleton-bridge-street")
            .for_people(&[LearningDisability, Autism], YOUNG_ADULTS, "")
            .book(Some("01632 960995"), Some("mossfield@example.org"), 2),
    ]
}
