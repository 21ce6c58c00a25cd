#!/usr/bin/env python3
"""Write the invented second council's feed: data/another-council/services.json.

Mersey Vale Borough Council is invented; its area is real: the Warrington postcode
districts (WA1 to WA5 and WA13), with real postcodes and the positions the ONS publishes
for them (read from ../shared/data/postcodes/WA.csv). The services and providers are
invented too. Phone numbers are in Ofcom's drama range (01632 960000 to 960999); email
addresses and websites are at example.org.

The feed is what a council's existing directory publishes: Open Referral UK 3.0, one
page of `/services?full=true`, with the patchy structure real feeds have. Some listings
carry taxonomy terms, some say their needs and kinds only in their words; some give
access facts as structured entries, most only in a description ("Hearing loop
installed"); some give coordinates, some only a postcode; some give costs as amounts,
others as a sentence. The residents' questions tests (server/tests/site/borough.rs) ask
about it.

The output is deterministic. Run it from anywhere:

    python3 scripts/make_another_council.py          # writes the feed and the postcodes
    python3 scripts/make_another_council.py --check  # only checks, writes nothing
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POSTCODES = REPO / ".." / "shared" / "data" / "postcodes" / "WA.csv"
OUT_DIR = REPO / "data" / "another-council"
NAMESPACE = uuid.UUID("6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f")
MODIFIED = "2026-11-20T09:00:00Z"

# Each town: a name and the postcode sectors (real) its venues sit in.
TOWNS = {
    "Warrington": ["WA1 1", "WA1 2"],
    "Orford": ["WA2 8", "WA2 9"],
    "Padgate": ["WA2 0"],
    "Birchwood": ["WA3 6", "WA3 7"],
    "Culcheth": ["WA3 4", "WA3 5"],
    "Stockton Heath": ["WA4 2", "WA4 6"],
    "Grappenhall": ["WA4 3"],
    "Great Sankey": ["WA5 3", "WA5 1"],
    "Penketh": ["WA5 2"],
    "Burtonwood": ["WA5 4"],
    "Lymm": ["WA13 0", "WA13 9"],
}

STREETS = [
    "Church Street", "Station Road", "Park Lane", "Mill Lane", "Bridge Street",
    "Chapel Road", "Green Lane", "School Lane", "Victoria Road", "Manor Road",
    "Orchard Way", "Hill Street", "Cross Lane", "Heath Road", "Meadow View",
]


def load_postcodes() -> dict[str, list[tuple[str, float, float]]]:
    """Real postcodes with positions, by sector ("WA13 0")."""
    by_sector: dict[str, list[tuple[str, float, float]]] = {}
    with open(POSTCODES, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["lat"] or not row["long"]:
                continue
            pc = row["Postcode"].replace(" ", "")
            pc = f"{pc[:-3]} {pc[-3:]}"
            sector = pc[:-2]
            by_sector.setdefault(sector, []).append((pc, float(row["lat"]), float(row["long"])))
    return by_sector


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


# The listings. Each: name, town, provider, kinds (feed words), needs (feed words), days,
# hours, cost, access (what the venue offers), whether the feed structures the terms, the
# access facts, the place (coordinates or postcode only), and the description.
#   terms:  "terms" = taxonomy attributes; "words" = only the description says them
#   access: "facts" = structured accessibility entries; "words" = in a description only
#   place:  "point" = latitude and longitude given; "postcode" = only the address
LISTINGS = [
    dict(name="Lymm Saturday Memory Club", town="Lymm", org="Lymm Dementia Friends",
         kinds=["Memory cafe"], needs=["Dementia"], days="SA", hours=("10:00", "12:30"),
         cost=("amount", 3.0, "per session, tea and cake included"), access=["step-free"],
         terms="terms", facts="words", place="point",
         description="A friendly Saturday morning club for people living with dementia and the people who care for them. Music, reminiscence, chair exercises and a cup of tea. Carers are welcome to stay."),
    dict(name="Orford Deaf Social Club", town="Orford", org="Mersey Vale Sensory Support",
         kinds=[], needs=[], days="WE", hours=("13:00", "16:00"), cost=("fees", "Free"),
         access=["hearing loop"], terms="words", facts="words", place="point",
         description="A weekly social afternoon for adults who are Deaf, deafened or hard of hearing. Hearing loop installed in the main hall, and a BSL interpreter at every session. Games, talks and good company."),
    dict(name="Birchwood Quiet Space Autism Group", town="Birchwood", org="Spectrum North West",
         kinds=["Social group"], needs=[], days="TU,TH", hours=("10:00", "14:00"),
         cost=("fees", "£6 a session"), access=["quiet room"], terms="words", facts="words", place="postcode",
         description="A small, calm social group for autistic adults. There is a quiet room to use at any time, low lighting and no loud music. Board games, crafts and a shared lunch."),
    dict(name="Great Sankey Changing Places Day Centre", town="Great Sankey", org="Mersey Vale Care Partnership",
         kinds=["Day centre"], needs=["Physical disability", "Learning disability"], days="MO,TU,WE,TH,FR",
         hours=("09:30", "15:30"), cost=("amount", 48.0, "per day, lunch included"),
         access=["hoist", "changing places"], terms="terms", facts="facts", place="point",
         description="A day centre for adults with profound and multiple learning disabilities or complex physical needs. Sensory room, hydrotherapy pool, and a Changing Places toilet with a ceiling track hoist."),
    dict(name="Culcheth Carers' Break Afternoons", town="Culcheth", org="Mersey Vale Carers Centre",
         kinds=[], needs=[], days="FR", hours=("13:00", "16:30"), cost=("fees", "Free for carers"),
         access=["step-free"], terms="words", facts="words", place="postcode",
         description="A break for unpaid carers: while the person you care for enjoys activities with our trained volunteers, you can rest, have a massage or join the carers' coffee group. Carers' break every Friday afternoon."),
    dict(name="Stockton Heath Befriending for Older People", town="Stockton Heath", org="Age Well Mersey Vale",
         kinds=["Befriending"], needs=["Older people"], days="MO,WE,FR", hours=("10:00", "16:00"),
         cost=("amount", 0.0, "free"), access=[], terms="terms", facts="none", place="point",
         description="A volunteer befriender visits you at home or takes you out for a coffee each week. For older people who feel lonely or have lost touch with friends."),
    dict(name="Padgate Pathways Supported Employment", town="Padgate", org="Mersey Vale Works",
         kinds=["Supported employment"], needs=["Learning disability", "Autism"], days="MO,TU,WE,TH",
         hours=("09:00", "15:00"), cost=("fees", "Free"), access=["step-free"], terms="terms", facts="facts", place="point",
         description="Job coaching and work placements for young adults aged 18 to 25 with a learning disability or autism. Help with CVs, travel training and support in your first job."),
    dict(name="Penketh Community Allotment", town="Penketh", org="Grow Together Penketh",
         kinds=[], needs=[], days="WE,SA", hours=("10:00", "15:00"), cost=("fees", "Free"),
         access=[], terms="words", facts="none", place="postcode",
         description="A gardening group on a community allotment for adults with a learning disability. Grow vegetables, look after the hens and take home what you grow. Volunteers work alongside you."),
    dict(name="Warrington Recovery Volunteering", town="Warrington", org="Mind Mersey Vale",
         kinds=["Volunteering"], needs=["Mental health"], days="TU,TH", hours=("10:00", "13:00"),
         cost=("fees", "Free"), access=["step-free"], terms="terms", facts="facts", place="point",
         description="Volunteering roles for people recovering from mental ill health: the community cafe, the charity shop and the food bank. A peer mentor supports every volunteer."),
    dict(name="Burtonwood Men's Shed", town="Burtonwood", org="Burtonwood Men's Shed",
         kinds=[], needs=[], days="MO,TH", hours=("09:30", "13:30"), cost=("fees", "£2 a visit"),
         access=["step-free"], terms="words", facts="words", place="postcode",
         description="A workshop where older people, mostly retired men, meet to make and mend things: woodwork, bike repairs and garden benches for the village. Good for anyone feeling isolated after retirement or bereavement."),
    dict(name="Grappenhall Shared Lives Days", town="Grappenhall", org="Mersey Vale Shared Lives",
         kinds=["Shared Lives"], needs=["Learning disability"], days="MO,TU,WE,TH,FR", hours=("09:00", "17:00"),
         cost=("fees", "Funded through your care plan"), access=[], terms="terms", facts="none", place="point",
         description="Spend the day with an approved Shared Lives carer and their family, taking part in everyday life and activities in the community. Matched to your interests."),
    dict(name="Warrington Accessible Swimming", town="Warrington", org="Mersey Vale Leisure",
         kinds=["Sport"], needs=["Physical disability"], days="SU", hours=("09:00", "11:00"),
         cost=("amount", 4.5, "per swim, carers free"), access=["hoist", "accessible toilet"],
         terms="words", facts="words", place="point",
         description="Swimming sessions for adults with physical disabilities, with a poolside hoist, warmer water and trained staff in the pool. Accessible changing rooms and toilet."),
    dict(name="Lymm Art for Wellbeing", town="Lymm", org="Lymm Arts Collective",
         kinds=[], needs=[], days="TU", hours=("13:30", "15:30"), cost=("fees", "£5 including materials"),
         access=["step-free"], terms="words", facts="words", place="postcode",
         description="A relaxed painting and drawing group for people with anxiety or depression. No experience needed; materials provided. Step-free access to the studio on the ground floor."),
    dict(name="Birchwood Sight Loss Club", town="Birchwood", org="Mersey Vale Sensory Support",
         kinds=["Social group"], needs=["Sensory impairment"], days="WE", hours=("10:00", "12:00"),
         cost=("fees", "Free"), access=["large print"], terms="terms", facts="words", place="point",
         description="A social club for adults with sight loss: talking newspapers, audio book swaps, technology help and a monthly outing. Large print and braille materials available."),
]

# Filler listings: many more ordinary ones, as a real feed has.
FILLER = [
    ("Lunch Club", ["Lunch club"], ["Older people"], "TU", ("11:30", "14:00"), ("amount", 5.5, "for a two-course lunch"),
     "A weekly hot two-course lunch and a chat for older people in {town}. Transport can be arranged for those who cannot get there on their own."),
    ("Chair Exercise Class", ["Exercise"], ["Older people", "Physical disability"], "TH", ("10:30", "11:30"), ("amount", 3.0, "per class"),
     "Gentle seated exercise to music, to keep moving and stay steady on your feet. Suitable for wheelchair users. In {town}."),
    ("Day Service", ["Day centre"], ["Learning disability"], "MO,TU,WE,TH,FR", ("09:30", "15:30"), ("fees", "Funded through your care plan"),
     "A day service in {town} for adults with a learning disability: cooking, music, trips out and life skills, in small groups."),
    ("Craft and Chat", [], [], "WE", ("13:30", "15:30"), ("fees", "£2"),
     "Knitting, card making and chat for older people who would like some company in {town}. Tea and biscuits provided."),
    ("Walking Group", ["Exercise"], ["Mental health"], "SA", ("10:00", "11:30"), ("fees", "Free"),
     "A friendly led walk around {town} for people living with anxiety, low mood or other mental health needs. Walks are about an hour at an easy pace."),
    ("Memory Cafe", ["Memory cafe"], ["Dementia"], "MO", ("14:00", "16:00"), ("amount", 2.0, "a cup of tea and cake"),
     "A monthly-style memory cafe, now weekly, for people with memory problems or dementia and their carers in {town}."),
    ("Life Skills Course", ["Skills and learning"], ["Learning disability"], "TU,TH", ("10:00", "12:00"), ("fees", "Free"),
     "A 12-week course in {town} on cooking, money and travelling on the bus, for adults with a learning disability."),
    ("Carers' Coffee Morning", [], ["Carers"], "FR", ("10:00", "11:30"), ("fees", "Free"),
     "A coffee morning for unpaid carers in {town}: meet others who understand, and get advice about carers' breaks and support."),
]
FILLER_TOWNS = ["Warrington", "Orford", "Padgate", "Birchwood", "Culcheth", "Stockton Heath",
                "Grappenhall", "Great Sankey", "Penketh", "Lymm"]

ORGS = {}


def organisation(name: str) -> dict:
    """The provider called `name`, made the first time it is named."""
    if name in ORGS:
        return ORGS[name]
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    n = len(ORGS)
    ORGS[name] = {
        "id": uid("organization", name),
        "name": name,
        "description": f"{name} is a local organisation in Mersey Vale (invented for Dayfinder's tests).",
        "email": f"hello@{slug}.example.org",
        "website": f"https://{slug}.example.org",
        "phones": [{"id": uid("org-phone", name), "number": f"01632 960{100 + n:03d}"}],
    }
    return ORGS[name]


def service(i: int, spec: dict, postcodes) -> dict:
    name, town = spec["name"], spec["town"]
    sectors = TOWNS[town]
    candidates = postcodes[sectors[i % len(sectors)]]
    pc, lat, lon = candidates[(i * 37) % len(candidates)]
    location = {
        "id": uid("location", name),
        "location_type": "physical",
        "name": f"{spec['org']} at {town}" if i % 3 else f"{town} Community Centre",
        "addresses": [{
            "id": uid("address", name),
            "address_1": f"{10 + i} {STREETS[i % len(STREETS)]}",
            "city": town,
            "state_province": "Cheshire",
            "postal_code": pc,
            "country": "GB",
            "address_type": "physical",
        }],
        "accessibility": [],
    }
    if spec["place"] == "point":
        location["latitude"] = lat
        location["longitude"] = lon
    if spec["facts"] == "facts":
        for feature in spec["access"]:
            location["accessibility"].append({"id": uid("access", name, feature), "description": feature.capitalize()})
    elif spec["facts"] == "words" and spec["access"] and i % 2 == 0:
        # Some feeds put the words in the location's description instead.
        location["description"] = "The venue has " + " and ".join(spec["access"]) + "."

    opens, closes = spec["hours"]
    if i % 5 == 4:
        # Patchy: the times only in words.
        schedule = {"id": uid("schedule", name), "description": f"Every {day_words(spec['days'])}, {opens} to {closes}."}
    else:
        schedule = {"id": uid("schedule", name), "freq": "WEEKLY", "byday": spec["days"],
                    "opens_at": opens, "closes_at": closes}

    record = {
        "id": uid("service", name),
        "name": name,
        "description": spec["description"],
        "url": organisation(spec["org"])["website"],
        "email": None,
        "status": "active",
        "minimum_age": 18,
        "last_modified": MODIFIED,
        "assured_date": "2026-09-01" if i % 4 else None,
        "schedules": [schedule],
        "service_at_locations": [{"id": uid("sal", name), "location": location}],
        "organization": organisation(spec["org"]),
        "cost_options": [],
        "contacts": [{"id": uid("contact", name), "name": "Bookings team",
                      "phones": [{"id": uid("phone", name), "number": f"01632 960{500 + i:03d}"}]}],
        "attributes": [],
    }
    kind, *rest = spec["cost"]
    if kind == "amount":
        amount, words = rest
        record["cost_options"].append({"id": uid("cost", name), "option": "Per session",
                                       "amount": amount, "amount_description": words})
    else:
        record["fees"] = rest[0]
    if spec["terms"] == "terms":
        for term in spec["needs"] + spec["kinds"]:
            record["attributes"].append({
                "id": uid("attribute", name, term),
                "taxonomy_term": {"id": uid("term", term), "name": term, "term": term,
                                  "taxonomy": "Mersey Vale local directory"},
            })
    return {k: v for k, v in record.items() if v is not None}


def day_words(byday: str) -> str:
    names = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
    days = [names[d] for d in byday.split(",")]
    return days[0] if len(days) == 1 else ", ".join(days[:-1]) + " and " + days[-1]


def all_specs() -> list[dict]:
    specs = list(LISTINGS)
    n = 0
    for k, (title, kinds, needs, days, hours, cost, words) in enumerate(FILLER):
        for t in range(6):
            town = FILLER_TOWNS[(k * 3 + t) % len(FILLER_TOWNS)]
            n += 1
            specs.append(dict(
                name=f"{town} {title}", town=town, org=f"{town} Community Association",
                kinds=kinds, needs=needs, days=days, hours=hours, cost=cost,
                access=["step-free"] if n % 2 else [], terms="terms" if n % 3 else "words",
                facts="facts" if n % 4 == 0 else "words", place="point" if n % 2 else "postcode",
                description=words.format(town=town),
            ))
    names = [s["name"] for s in specs]
    dupes = {x for x in names if names.count(x) > 1}
    if dupes:
        sys.exit(f"duplicate listing names: {sorted(dupes)}")
    return specs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args()
    postcodes = load_postcodes()
    contents = [service(i, spec, postcodes) for i, spec in enumerate(all_specs())]
    page = {
        "total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
        "first_page": True, "last_page": True, "empty": False, "contents": contents,
    }
    used = sorted({loc["location"]["addresses"][0]["postal_code"]
                   for s in contents for loc in s["service_at_locations"]})
    if len(contents) < 60:
        sys.exit(f"only {len(contents)} services: the feed must hold at least 60")
    if args.check:
        print(f"{len(contents)} services, {len(ORGS)} organisations, {len(used)} postcodes: ok")
        return
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "services.json").write_text(json.dumps(page, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(contents)} services from {len(ORGS)} organisations to {OUT_DIR / 'services.json'}")
    # The postcodes of the towns' sectors, in the simple form `dayfinder places import`
    # reads: what the council would cut from the ONS Postcode Directory for its area.
    sectors = sorted({sector for town in TOWNS.values() for sector in town})
    with open(OUT_DIR / "postcodes.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["Postcode", "lat", "long"])
        rows = sorted(p for sector in sectors for p in postcodes[sector])
        for pc, lat, lon in rows:
            out.writerow([pc, lat, lon])
    print(f"wrote {len(rows)} postcodes in {len(sectors)} sectors to {OUT_DIR / 'postcodes.csv'}")


if __name__ == "__main__":
    main()
