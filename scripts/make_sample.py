#!/usr/bin/env python3
"""Write Dayfinder's sample directory for Cheshire East: data/sample/cheshire-east.json.

The listings are invented; the places are real. Every location sits at a real postcode in
its town, with the coordinates the ONS publishes for it (read from the shared postcode
tables in ../shared/data/postcodes). Phone numbers come from Ofcom's drama range
(01632 960000 to 960999), and email addresses and websites are at example.org.

The output is deterministic: the same script and postcode tables always give the same
file. Run it from anywhere:

    python3 scripts/make_sample.py            # writes data/sample/cheshire-east.json
    python3 scripts/make_sample.py --check    # only builds and checks, writes nothing

How it is built: a small set of venues per town, a list of providers, and for each kind of
day opportunity (an "archetype": memory café, specialist day centre, job coaching...) the
words a real listing of that kind would use. Each listing below names its archetype,
town, provider and venue, and the script fills in the text, timetable, costs and dates.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POSTCODES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "postcodes"
OUTPUT = REPO / "data" / "sample" / "cheshire-east.json"

SEED = 20261123
TODAY = dt.date(2026, 11, 23)
SOURCE = (
    "Sample data: invented listings at real Cheshire East places, made for demonstrating "
    "Dayfinder. Not a real directory. Postcode positions: contains OS data © Crown copyright "
    "and database right 2025; contains Royal Mail data © Royal Mail copyright and database "
    "right 2025; source: Office for National Statistics licensed under the Open Government "
    "Licence v3.0."
)

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_ABBR = {d[:3]: d for d in DAYS}
DAY_NAME = {d: d.capitalize() for d in DAYS}

# Words the easy-read summaries must not use (plain English guidance for easy read).
JARGON = [
    "direct payment", "enablement", "reablement", "referral", "refer ", "assessment",
    "respite", "eligibility", "eligible", "facilitate", "holistic", "specialist",
    "personalised", "service user", "provision",
]

FIRST_NAMES = [
    "Helen", "Sam", "Priya", "Gareth", "Joanne", "Tom", "Aisha", "Mark", "Bev", "Lewis",
    "Karen", "Dev", "Rachel", "Owen", "Siobhan", "Paul", "Nadia", "Chris", "Lorraine",
    "Ravi", "Emma", "Stuart", "Fiona", "Jake", "Marie", "Kwame", "Lucy", "Dan", "Ann",
    "Imran", "Tessa", "Neil", "Carys", "Phil", "Megan", "Yusuf",
]
SURNAMES = [
    "Bradshaw", "Okafor", "Patel", "Hulme", "Dakin", "Burgess", "Leigh", "Whittaker",
    "Shaw", "Morris", "Chadwick", "Nair", "Ollier", "Kenyon", "Pickering", "Rowlands",
    "Bloor", "Hassan", "Twiss", "Cartwright", "Mellor", "Oakes", "Fairclough", "Evans",
    "Bebbington", "Grundy", "Ashworth", "Lowe", "Mensah", "Platt",
]


# ---------------------------------------------------------------------------------------
# Postcodes


def display_postcode(fixed: str) -> str:
    """'CW111AA' -> 'CW11 1AA'; 'CW1 1AA' -> 'CW1 1AA'."""
    compact = fixed.replace(" ", "")
    return f"{compact[:-3]} {compact[-3:]}"


def load_postcodes(folder: Path) -> dict[str, tuple[float, float]]:
    """Every placed postcode in the areas Cheshire East uses, by display form."""
    table: dict[str, tuple[float, float]] = {}
    for name in ("CW.csv", "SK.csv", "ST.csv", "WA.csv"):
        with open(folder / name, newline="") as f:
            for row in csv.DictReader(f):
                if row["lat"] and row["long"]:
                    table[display_postcode(row["Postcode"])] = (float(row["lat"]), float(row["long"]))
    return table


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    x = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    y = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(x, y)


def town_postcodes(table, town) -> list[str]:
    """Postcodes that really are in the town: in its own postcode sectors and close to
    its centre. Sorted by distance from the centre, nearest first."""
    centre = (town["lat"], town["lon"])
    found = []
    for pc, pos in table.items():
        sector = pc[:-2]  # "CW11 1"
        if sector in town["sectors"]:
            d = km_between(centre, pos)
            if d <= town["radius_km"]:
                found.append((round(d, 4), pc))
    found.sort()
    return [pc for _, pc in found]


# ---------------------------------------------------------------------------------------
# Timetables


@dataclass(frozen=True)
class Slot:
    day: str
    start: str
    end: str

    @property
    def start_min(self) -> int:
        h, m = self.start.split(":")
        return int(h) * 60 + int(m)

    @property
    def end_min(self) -> int:
        h, m = self.end.split(":")
        return int(h) * 60 + int(m)


def parse_sessions(spec: str) -> list[Slot]:
    """'mon-fri 09:30-15:30, sat 10:00-12:00' or 'tue,thu 19:00-21:00'."""
    slots: list[Slot] = []
    if not spec:
        return slots
    for part in spec.split(";"):
        days_spec, times = part.strip().split()
        start, end = times.split("-")
        days: list[str] = []
        for chunk in days_spec.split(","):
            if "-" in chunk:
                a, b = chunk.split("-")
                i, j = DAYS.index(DAY_ABBR[a]), DAYS.index(DAY_ABBR[b])
                days.extend(DAYS[i : j + 1])
            else:
                days.append(DAY_ABBR[chunk])
        for d in days:
            slots.append(Slot(d, start, end))
    for s in slots:
        assert s.end_min > s.start_min, s
    return slots


def friendly(t: str) -> str:
    h, m = (int(x) for x in t.split(":"))
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


def day_run(days: list[str], plural: bool) -> str:
    """['monday'..'friday'] -> 'Monday to Friday'; ['tuesday','thursday'] -> 'Tuesdays and Thursdays'."""
    idx = [DAYS.index(d) for d in days]
    if len(idx) >= 3 and idx == list(range(idx[0], idx[0] + len(idx))):
        return f"{DAY_NAME[days[0]]} to {DAY_NAME[days[-1]]}"
    names = [DAY_NAME[d] + ("s" if plural else "") for d in days]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def group_by_times(slots: list[Slot]) -> list[tuple[list[str], str, str]]:
    groups: dict[tuple[str, str], list[str]] = {}
    for s in slots:
        groups.setdefault((s.start, s.end), []).append(s.day)
    out = [(days, a, b) for (a, b), days in groups.items()]
    out.sort(key=lambda g: DAYS.index(g[0][0]))
    return out


def when_phrase(slots: list[Slot]) -> str:
    """'on Saturdays from 10am to 12:30pm', 'Monday to Friday from 9:30am to 3:30pm'."""
    parts = []
    for days, a, b in group_by_times(slots):
        run = day_run(days, plural=True)
        lead = "" if " to " in run else "on "
        parts.append(f"{lead}{run} from {friendly(a)} to {friendly(b)}")
    return " and ".join(parts)


def part_of_day(s: Slot) -> str:
    if s.end_min <= 12 * 60 + 30:
        return "morning"
    if s.start_min >= 17 * 60:
        return "evening"
    if s.start_min >= 12 * 60 and s.end_min <= 17 * 60 + 30:
        return "afternoon"
    return "day"


def easy_when(slots: list[Slot], verb: str) -> str:
    """One easy-read sentence: 'It meets on Saturday mornings.'"""
    groups = group_by_times(slots)
    if len(groups) == 1:
        days, a, b = groups[0]
        part = part_of_day(Slot(days[0], a, b))
        run = day_run(days, plural=False)
        if part == "day" or (" to " in run):
            return f"It {verb} {run}, {friendly(a)} to {friendly(b)}."
        return f"It {verb} on {run} {part}s."
    phrases = []
    for days, a, b in groups:
        part = part_of_day(Slot(days[0], a, b))
        run = day_run(days, plural=False)
        phrases.append(f"{run} {part}s" if part != "day" else f"{run} daytimes")
    if len(phrases) > 2:
        return f"It {verb} on several days each week."
    return f"It {verb} on {phrases[0]} and {phrases[1]}."


# ---------------------------------------------------------------------------------------
# Building the directory


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def capitalise_sentences(text: str) -> str:
    """Upper-case the first letter of each sentence (after filling in 'the team')."""
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def venue_with_street(venue: dict) -> str:
    """'The Junction Rooms, 27 Market Street', or just 'Flag Lane Community Hall'."""
    street = re.sub(r"^\d+\s+", "", venue["address"])
    return venue["name"] if street.lower() in venue["name"].lower() else f"{venue['name']}, {venue['address']}"


def pounds(pence: int) -> str:
    return f"£{pence // 100}" if pence % 100 == 0 else f"£{pence // 100}.{pence % 100:02d}"


def words(sentence: str) -> int:
    return len(sentence.split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]


class Decks:
    """Draws text variants like cards from a shuffled deck, so that listings of the same
    kind use every variant in turn rather than repeating one by chance."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.decks: dict[tuple, list[int]] = {}

    def draw(self, key: tuple, options: list):
        deck = self.decks.get(key)
        if not deck:
            deck = list(range(len(options)))
            self.rng.shuffle(deck)
            self.decks[key] = deck
        return options[deck.pop()]


class Phones:
    """Hands out numbers from Ofcom's drama range 01632 960000 to 960999, never twice."""

    def __init__(self, rng: random.Random):
        self.pool = list(range(960000, 961000))
        rng.shuffle(self.pool)

    def next(self) -> str:
        n = self.pool.pop()
        return f"01632 {n}"


def pick_date(rng: random.Random, newest_days_ago: int, oldest_days_ago: int) -> dt.date:
    return TODAY - dt.timedelta(days=rng.randint(newest_days_ago, oldest_days_ago))


def fill(template: str, ctx: dict) -> str:
    out = template.format(**ctx)
    assert "{" not in out and "}" not in out, out
    return out


def build(table: dict[str, tuple[float, float]]) -> dict:
    rng = random.Random(SEED)
    phones = Phones(rng)
    decks = Decks(rng)

    # Locations: each venue at a real postcode in its town.
    locations = []
    venue_by_key = {}
    used_postcodes: set[str] = set()
    pools = {name: town_postcodes(table, t) for name, t in TOWNS.items()}
    for name, pool in pools.items():
        assert len(pool) >= 20, f"too few postcodes found for {name}"
    for key, v in VENUES.items():
        pool = [pc for pc in pools[v["town"]] if pc not in used_postcodes]
        if "near" in v:  # a venue that must sit close to a given postcode
            target = table[v["near"]]
            pool.sort(key=lambda pc: km_between(target, table[pc]))
            postcode = pool[rng.randrange(0, 5)]
        else:
            postcode = pool[rng.randrange(0, max(1, int(len(pool) * 0.6)))]
        used_postcodes.add(postcode)
        lat, lon = table[postcode]
        loc = {
            "id": key,
            "name": v["name"],
            "address": v["address"],
            "town": v["town"],
            "postcode": postcode,
            "latitude": lat,
            "longitude": lon,
            "accessibility": v["features"],
        }
        if v.get("notes"):
            loc["access_notes"] = v["notes"]
        locations.append(loc)
        venue_by_key[key] = loc

    # Organisations.
    organisations = []
    org_by_id = {}
    for oid, o in PROVIDERS.items():
        org = {
            "id": oid,
            "name": o["name"],
            "description": o["description"],
            "website": f"https://example.org/{oid}",
            "email": f"{o['mail']}@example.org",
            "phone": phones.next(),
        }
        organisations.append(org)
        org_by_id[oid] = org

    services = []
    seen_ids: set[str] = set()
    for spec in LISTINGS:
        services.append(make_service(spec, rng, decks, phones, org_by_id, venue_by_key, seen_ids))

    unknown = set(DETAILS) - seen_ids
    assert not unknown, f"DETAILS for listings that do not exist: {sorted(unknown)}"
    used_orgs = {s["organisation_id"] for s in services}
    unused = set(org_by_id) - used_orgs
    assert not unused, f"providers with no listing: {sorted(unused)}"
    used_venues = {s.get("location_id") for s in services}
    unused_venues = set(venue_by_key) - used_venues
    assert not unused_venues, f"venues with no listing: {sorted(unused_venues)}"

    return {"source": SOURCE, "organisations": organisations, "locations": locations, "services": services}


def make_service(spec: dict, rng, decks, phones, org_by_id, venue_by_key, seen_ids) -> dict:
    arch = spec["arch"]
    a = ARCHETYPES[arch]
    sid = spec.get("id") or slugify(spec["name"])
    spec = spec | DETAILS.get(sid, {})
    assert sid not in seen_ids, f"duplicate id {sid}"
    seen_ids.add(sid)
    org = org_by_id[spec["org"]]
    venue = venue_by_key[spec["venue"]] if spec.get("venue") else None
    slots = parse_sessions(spec.get("sessions", ""))
    tier = spec.get("tier", a["tier"])
    weeks = spec.get("weeks")
    if tier == "enablement" and weeks is None:
        weeks = rng.choice(a.get("weeks", [6, 8, 10, 12]))

    contact_first = rng.choice(FIRST_NAMES)
    contact_name = f"{contact_first} {rng.choice(SURNAMES)}"
    town = spec["town"]
    ctx = {
        "name": spec["name"],
        "town": town,
        "area": spec.get("area", town),
        "provider": org["name"].split(" (")[0],
        "venue": venue["name"] if venue else "",
        "street": venue["address"] if venue else "",
        # "Spath Lane Community Hall, Spath Lane" says the street twice.
        "venue_full": venue_with_street(venue) if venue else "",
        "when": when_phrase(slots) if slots else "",
        "weeks": weeks or "",
        "contact": contact_first,
        "day": DAY_NAME[slots[0].day] if slots else "",
        "a_weeks": (f"an {weeks}-week" if weeks in (8, 11, 18) else f"a {weeks}-week") if weeks else "",
        "days": day_run(sorted({s.day for s in slots}, key=DAYS.index), plural=True) if slots else "",
        "audience": spec.get("audience", a.get("audience", "")),
    }
    ctx.update(spec.get("ctx", {}))
    # "Beartown Workshop Shed is run by Beartown Workshop Shed" reads badly: when the
    # listing is named after its provider, the text uses the provider's short name.
    if ctx["provider"].lower() in spec["name"].lower() or spec["name"].lower() in ctx["provider"].lower():
        ctx["provider"] = PROVIDERS[spec["org"]]["short"]

    # Words.
    summary = spec.get("summary") or fill(decks.draw((arch, "summary"), a["summary"]), ctx)
    if "description" in spec:
        paragraphs = spec["description"]
    else:
        paragraphs = [fill(decks.draw((arch, "para", i), slot), ctx) for i, slot in enumerate(a["paras"])]
        if spec.get("more"):
            paragraphs.insert(1, spec["more"])
        extras = a.get("extra", []) + COMMON_EXTRA
        if len(paragraphs) < 4 and rng.random() < 0.55:
            paragraphs.append(fill(decks.draw((arch, "extra"), extras), ctx))
    assert 2 <= len(paragraphs) <= 4, sid
    paragraphs = [capitalise_sentences(p) for p in paragraphs]
    summary = capitalise_sentences(summary)
    description = "\n\n".join(paragraphs)

    if "easy" in spec:
        easy = spec["easy"]
    else:
        chosen = []
        for i, slot in enumerate(a["easy"]):
            if slot == "WHEN":
                chosen.append(easy_when(slots, a.get("easy_verb", "meets")) if slots else fill(a["easy_flex"], ctx))
            else:
                chosen.append(fill(decks.draw((arch, "easy", i), slot), ctx))
        easy = " ".join(chosen)

    pool = list(a["activities"])
    rng.shuffle(pool)
    activities = spec.get("activities") or pool[: rng.randint(min(4, len(pool)), min(7, len(pool)))]

    # Cost.
    cost_opt = spec.get("cost") or rng.choice(a["cost"])
    cost = {"kinds": list(cost_opt["kinds"])}
    price = cost_opt.get("price")
    if isinstance(price, tuple):
        lo, hi = price
        step = 100 if lo >= 2000 else 50
        price = rng.randrange(lo, hi + 1, step)
    if price:
        cost["price_per_session_pence"] = price
    if cost_opt.get("notes"):
        note = rng.choice(cost_opt["notes"]) if isinstance(cost_opt["notes"], list) else cost_opt["notes"]
        cost["notes"] = fill(note, ctx | {"price": pounds(price) if price else ""})

    # Who it is for.
    age = spec.get("age") or rng.choice(a["age"])
    elig = {"minimum_age": age[0]}
    if age[1] is not None:
        elig["maximum_age"] = age[1]
    notes = spec.get("elig_notes") or rng.choice(a["elig_notes"])
    if notes:
        elig["notes"] = fill(notes, ctx)

    # Places, dates.
    statuses, weights = zip(*a.get("vacancy", {"spaces": 6, "waiting-list": 3, "full": 1}).items())
    status = spec.get("vacancy") or rng.choices(statuses, weights)[0]
    stale = spec.get("stale", rng.random() < 0.1)
    if spec.get("fresh"):
        stale = False
    reviewed = pick_date(rng, 190, 340) if stale else pick_date(rng, 2, 175)
    if spec.get("fresh"):
        reviewed = pick_date(rng, 3, 30)
    confirmed = pick_date(rng, (TODAY - reviewed).days, 364) if stale else pick_date(rng, 0, 364)
    if spec.get("fresh"):
        confirmed = pick_date(rng, 0, 21)

    contact: dict = {}
    # A description that says "ask for Chris" must name Chris as the contact.
    if rng.random() < 0.7 or re.search(rf"\b{contact_first}\b", description):
        contact["name"] = contact_name
    contact["phone"] = phones.next() if rng.random() < 0.6 else org["phone"]
    if rng.random() < 0.5:
        contact["email"] = f"{contact_first.lower()}.{org['email'].split('@')[0].replace('.', '')}@example.org"
    else:
        contact["email"] = org["email"]
    if rng.random() < 0.45:
        contact["website"] = f"{org['website']}/{sid}"

    service = {
        "id": sid,
        "organisation_id": org["id"],
    }
    if venue:
        service["location_id"] = venue["id"]
    service |= {
        "name": spec["name"],
        "summary": summary,
        "description": description,
        "activities": activities,
        "easy_read": easy,
        "tier": tier,
        "kinds": spec.get("kinds", a["kinds"]),
        "needs": spec.get("needs", a["needs"]),
        "sessions": [{"day": s.day, "start": s.start, "end": s.end} for s in slots],
    }
    schedule = spec.get("schedule") or (fill(rng.choice(a["schedule"]), ctx) if not slots and a.get("schedule") else "")
    if schedule:
        service["schedule_notes"] = schedule
    if tier == "enablement":
        service["duration_weeks"] = weeks
    service |= {
        "eligibility": elig,
        "cost": cost,
        "join": spec.get("join") or rng.choice(a["join"]),
        "vacancy": {"status": status, "confirmed": confirmed.isoformat()},
        "transport": spec.get("transport", a.get("transport", False)),
        "contact": contact,
        "last_reviewed": reviewed.isoformat(),
    }
    return service


COMMON_EXTRA = [
    "If you would like to talk it through first, ring and ask for {contact}. We are happy to answer questions from family members too.",
    "You are welcome to come and have a look before you decide. Ring ahead and {contact} will make sure someone is there to say hello.",
    "We are always glad to hear from new people. Call or email and {contact} will get back to you within two working days.",
]


# ---------------------------------------------------------------------------------------
# Checks


def check(directory: dict, table: dict) -> list[str]:
    """Everything the app and its tests rely on; returns problems as sentences."""
    problems = []
    services = directory["services"]
    locs = {l["id"]: l for l in directory["locations"]}

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    need(len(services) >= 220, f"only {len(services)} services")
    need(len(directory["organisations"]) >= 55, f"only {len(directory['organisations'])} organisations")
    towns = {l["town"] for l in locs.values()}
    need(len(towns) >= 14, f"only {len(towns)} towns")
    for l in locs.values():
        need(table.get(l["postcode"]) == (l["latitude"], l["longitude"]), f"{l['id']}: postcode position")
        need(52.9 <= l["latitude"] <= 53.45 and -2.65 <= l["longitude"] <= -1.95, f"{l['id']}: outside Cheshire East")

    weekend = [s for s in services if any(x["day"] in ("saturday", "sunday") for x in s["sessions"])]
    evening = [s for s in services if any(Slot(x["day"], x["start"], x["end"]).end_min > 17 * 60 for x in s["sessions"])]
    need(len(weekend) >= 20, f"only {len(weekend)} weekend services")
    need(len(evening) >= 20, f"only {len(evening)} evening services")

    vocab = {
        "tier": ["specialist", "community", "enablement"],
        "needs": ["learning-disability", "autism", "physical-disability", "sensory-impairment", "mental-health",
                  "dementia", "older-people", "carers-break"],
        "kinds": ["day-centre", "community-group", "skills-learning", "supported-employment", "volunteering",
                  "befriending", "shared-lives", "outreach", "online"],
        "cost": ["free", "funded", "direct-payment", "pay-session"],
        "join": ["self-referral", "carer", "social-worker"],
        "vacancy": ["spaces", "waiting-list", "full"],
        "days": DAYS,
        "access": ["step-free", "accessible-toilet", "changing-places", "hoist", "hearing-loop", "quiet-space",
                   "parking", "transport"],
    }
    seen = {k: set() for k in vocab}
    for s in services:
        seen["tier"].add(s["tier"])
        seen["needs"].update(s["needs"])
        seen["kinds"].update(s["kinds"])
        seen["cost"].update(s["cost"]["kinds"])
        seen["join"].update(s["join"])
        seen["vacancy"].add(s["vacancy"]["status"])
        seen["days"].update(x["day"] for x in s["sessions"])
        for sent in sentences(s["easy_read"]):
            need(words(sent) <= 15, f"{s['id']}: easy-read sentence too long: {sent}")
        n = len(sentences(s["easy_read"]))
        need(3 <= n <= 6, f"{s['id']}: easy read has {n} sentences")
        low = s["easy_read"].lower()
        for j in JARGON:
            need(j not in low, f"{s['id']}: easy read uses '{j.strip()}'")
        need(2 <= len(s["description"].split("\n\n")) <= 4, f"{s['id']}: paragraphs")
        need(len(sentences(s["summary"])) <= 2, f"{s['id']}: summary too long")
        has_evening = any(Slot(x["day"], x["start"], x["end"]).end_min > 17 * 60 for x in s["sessions"])
        need(has_evening or "evening" not in s["summary"].lower(), f"{s['id']}: summary says evening")
        need("{" not in s["description"] and "  " not in s["description"], f"{s['id']}: unfilled text")
        if s["tier"] == "enablement":
            need(6 <= s.get("duration_weeks", 0) <= 12, f"{s['id']}: enablement without weeks")
        if not s["sessions"]:
            need(bool(s.get("schedule_notes")), f"{s['id']}: no sessions and no schedule notes")
        if set(s["kinds"]) & {"outreach", "online"}:
            need("location_id" not in s, f"{s['id']}: outreach or online service with a location")
    for l in locs.values():
        seen["access"].update(l["accessibility"])
    for k, values in vocab.items():
        missing = set(values) - seen[k]
        need(not missing, f"{k} never used: {sorted(missing)}")

    stale = [s for s in services if (TODAY - dt.date.fromisoformat(s["last_reviewed"])).days > 183]
    share = len(stale) / len(services)
    need(0.05 <= share <= 0.15, f"{share:.0%} of listings are stale")
    return problems


# ---------------------------------------------------------------------------------------
# Towns: the centre of each town, the postcode sectors that cover it, and how far from the
# centre a venue may be. A venue's postcode is drawn from that pool, so it is in the town.

TOWNS = {
    "Crewe": {"lat": 53.0979, "lon": -2.4410, "radius_km": 1.5,
              "sectors": {"CW1 1", "CW1 2", "CW1 3", "CW1 4", "CW1 5", "CW1 6", "CW2 6", "CW2 7"}},
    "Macclesfield": {"lat": 53.2587, "lon": -2.1270, "radius_km": 1.3,
                     "sectors": {"SK10 1", "SK10 2", "SK10 3", "SK11 6", "SK11 7", "SK11 8"}},
    "Congleton": {"lat": 53.1632, "lon": -2.2130, "radius_km": 1.2,
                  "sectors": {"CW12 1", "CW12 2", "CW12 3", "CW12 4"}},
    "Nantwich": {"lat": 53.0672, "lon": -2.5220, "radius_km": 0.9, "sectors": {"CW5 5", "CW5 6", "CW5 7"}},
    "Sandbach": {"lat": 53.1446, "lon": -2.3636, "radius_km": 1.0, "sectors": {"CW11 1", "CW11 3", "CW11 4"}},
    "Wilmslow": {"lat": 53.3262, "lon": -2.2317, "radius_km": 1.0,
                 "sectors": {"SK9 1", "SK9 2", "SK9 5", "SK9 6"}},
    "Knutsford": {"lat": 53.3027, "lon": -2.3716, "radius_km": 0.9, "sectors": {"WA16 6", "WA16 8"}},
    "Poynton": {"lat": 53.3497, "lon": -2.1213, "radius_km": 0.8, "sectors": {"SK12 1"}},
    "Alsager": {"lat": 53.0960, "lon": -2.3060, "radius_km": 0.8, "sectors": {"ST7 2"}},
    "Middlewich": {"lat": 53.1920, "lon": -2.4440, "radius_km": 0.8, "sectors": {"CW10 0", "CW10 9"}},
    "Holmes Chapel": {"lat": 53.1990, "lon": -2.3580, "radius_km": 0.7, "sectors": {"CW4 7"}},
    "Handforth": {"lat": 53.3465, "lon": -2.2150, "radius_km": 0.7, "sectors": {"SK9 3"}},
    "Bollington": {"lat": 53.2960, "lon": -2.0940, "radius_km": 0.6, "sectors": {"SK10 5"}},
    "Disley": {"lat": 53.3580, "lon": -2.0420, "radius_km": 0.5, "sectors": {"SK12 2"}},
    "Audlem": {"lat": 52.9890, "lon": -2.5080, "radius_km": 0.45, "sectors": {"CW3 0"}},
}

# ---------------------------------------------------------------------------------------
# Venues. Building names are invented; street names are real streets of the town, but the
# building, its number and the exact postcode do not belong together.

_SPECIALIST = ["step-free", "accessible-toilet", "changing-places", "hoist", "quiet-space", "parking", "transport"]
_HALL = ["step-free", "accessible-toilet", "hearing-loop", "parking"]

VENUES = {
    # Crewe
    "crewe-brookhouse": {"town": "Crewe", "name": "Brookhouse Resource Centre", "address": "48 West Street",
                         "features": _SPECIALIST,
                         "notes": "Level access throughout. Changing Places toilet with ceiling track hoist and adult changing bench. Covered drop-off bay at the front door."},
    "crewe-ruskin-court": {"town": "Crewe", "name": "Ruskin Court", "address": "12 Ruskin Road",
                           "features": ["step-free", "accessible-toilet", "hoist", "hearing-loop", "quiet-space", "parking", "transport"],
                           "notes": "Single-storey building with a secure garden. Mobile hoist and an assisted bathroom. Hearing loop in the main lounge."},
    "crewe-flag-lane": {"town": "Crewe", "name": "Flag Lane Community Hall", "address": "Flag Lane",
                        "features": _HALL,
                        "notes": "Ramp at the side entrance. Small car park with two blue badge spaces."},
    "crewe-junction-rooms": {"town": "Crewe", "name": "The Junction Rooms", "address": "27 Market Street",
                             "features": ["step-free", "accessible-toilet", "quiet-space"],
                             "notes": "Ground-floor café and meeting rooms. No car park; on-street parking nearby and the bus station is a five-minute walk."},
    "crewe-earle-street": {"town": "Crewe", "name": "Earle Street Enterprise Hub", "address": "Earle Street",
                           "features": ["step-free", "accessible-toilet", "hearing-loop", "quiet-space"],
                           "notes": "Lift to the first-floor training rooms. Quiet room available on request."},
    "crewe-hungerford": {"town": "Crewe", "name": "Hungerford Road Church Hall", "address": "Hungerford Road",
                         "features": _HALL,
                         "notes": "Level entrance from the car park at the back. Hearing loop in the main hall."},
    "crewe-badger-avenue": {"town": "Crewe", "name": "Badger Avenue Community Garden", "address": "Badger Avenue",
                            "features": ["step-free", "parking"],
                            "notes": "Firm, wide paths and raised beds at wheelchair height. Compost toilet on site; the nearest accessible toilet is in the community centre across the road."},
    "crewe-swim-centre": {"town": "Crewe", "name": "Crewe Sports and Swim Centre", "address": "Moss Square",
                          "features": ["step-free", "accessible-toilet", "changing-places", "hoist", "parking"],
                          "notes": "Pool hoist and a Changing Places toilet beside the poolside changing village. Blue badge bays by the main doors."},
    # Macclesfield
    "macclesfield-silkmill": {"town": "Macclesfield", "name": "Silkmill Day Centre", "address": "Hibel Road",
                              "features": _SPECIALIST,
                              "notes": "Purpose-built single-storey centre. Changing Places toilet, ceiling track hoists in every personal care room, and a sensory garden."},
    "macclesfield-park-green": {"town": "Macclesfield", "name": "Park Green Community Rooms", "address": "6 Park Green",
                                "features": ["step-free", "accessible-toilet", "hearing-loop"],
                                "notes": "Automatic door at the front. Pay and display parking on Park Green."},
    "macclesfield-chestergate": {"town": "Macclesfield", "name": "Chestergate Methodist Hall", "address": "Chestergate",
                                 "features": ["step-free", "accessible-toilet", "hearing-loop", "quiet-space"],
                                 "notes": "Level access through the side door on the lane. A small quiet room off the main hall."},
    "macclesfield-loom-cafe": {"town": "Macclesfield", "name": "The Loom Café", "address": "54 Mill Street",
                               "features": ["step-free", "accessible-toilet", "quiet-space"],
                               "notes": "Café on the ground floor with a quieter back room. Lighting can be dimmed for evening groups."},
    "macclesfield-park-lane": {"town": "Macclesfield", "name": "Park Lane Learning Centre", "address": "Park Lane",
                               "features": ["step-free", "accessible-toilet", "hearing-loop", "parking"],
                               "notes": "Lift to all floors. Teaching rooms have hearing loops."},
    "macclesfield-hurdsfield": {"town": "Macclesfield", "name": "Hurdsfield Road Youth and Community Hub", "address": "Hurdsfield Road",
                                "features": ["step-free", "accessible-toilet", "quiet-space", "parking"],
                                "notes": "Sensory-friendly chill-out room. Free car park."},
    "macclesfield-prestbury-road": {"town": "Macclesfield", "name": "Prestbury Road Allotment Garden", "address": "Prestbury Road",
                                    "features": ["step-free", "parking"],
                                    "notes": "Hard paths to the glasshouse and raised beds. Portable toilet only."},
    "macclesfield-sports-pavilion": {"town": "Macclesfield", "name": "Macclesfield Sports Pavilion", "address": "Victoria Road",
                                     "features": ["step-free", "accessible-toilet", "changing-places", "parking"],
                                     "notes": "Sports hall on the ground floor. Changing Places toilet next to reception."},
    # Congleton
    "congleton-dane-mill": {"town": "Congleton", "name": "Dane Mill Day Centre", "address": "West Road",
                            "features": _SPECIALIST,
                            "notes": "All on one level. Changing Places toilet, two hoists and a hydro-style spa bath."},
    "congleton-lawton-street": {"town": "Congleton", "name": "Lawton Street Community Rooms", "address": "Lawton Street",
                                "features": ["step-free", "accessible-toilet", "hearing-loop"],
                                "notes": "Ramp to the front door. Short-stay parking in the town centre car parks."},
    "congleton-canal-road": {"town": "Congleton", "name": "Canal Road Workshop", "address": "Canal Road",
                             "features": ["step-free", "accessible-toilet", "parking", "quiet-space"],
                             "notes": "Ground-floor workshop with wide doors. Ear defenders available for noisy work."},
    "congleton-bridge-street": {"town": "Congleton", "name": "Bridge Street Enterprise Café", "address": "21 Bridge Street",
                                "features": ["step-free", "accessible-toilet", "quiet-space"],
                                "notes": "Step-free café and training kitchen. Quiet booth at the back."},
    "congleton-mossley": {"town": "Congleton", "name": "Mossley Methodist Hall", "address": "Biddulph Road",
                          "features": _HALL, "notes": "Large car park. Hall and toilets all on the ground floor."},
    # Nantwich
    "nantwich-weaver-lodge": {"town": "Nantwich", "name": "Weaver Lodge", "address": "Wellington Road",
                              "features": ["step-free", "accessible-toilet", "hoist", "quiet-space", "parking", "transport"],
                              "notes": "Bungalow-style building with a secure garden and a mobile hoist. Dementia-friendly signs and colours."},
    "nantwich-welsh-row": {"town": "Nantwich", "name": "Welsh Row Chapel Rooms", "address": "Welsh Row",
                           "features": ["step-free", "accessible-toilet", "hearing-loop"],
                           "notes": "Level access from the side path. Hearing loop in the main room."},
    "nantwich-hospital-street": {"town": "Nantwich", "name": "Hospital Street Community Hall", "address": "Hospital Street",
                                 "features": _HALL,
                                 "notes": "Ramped entrance and an accessible toilet. Two blue badge spaces at the back."},
    "nantwich-beam-street": {"town": "Nantwich", "name": "Beam Street Centre", "address": "Beam Street",
                             "features": ["step-free", "accessible-toilet", "parking", "quiet-space"],
                             "notes": "Everything is on the ground floor. Quiet room with soft lighting."},
    "nantwich-barony-park": {"town": "Nantwich", "name": "Barony Park Pavilion", "address": "Barony Road",
                             "features": ["step-free", "accessible-toilet", "parking"],
                             "notes": "Pavilion beside the park with a level path down to the river."},
    # Sandbach
    "sandbach-lodge": {"town": "Sandbach", "name": "Sandbach Lodge", "address": "Congleton Road", "near": "CW11 1AA",
                       "features": _SPECIALIST,
                       "notes": "Single-storey centre. Changing Places toilet with ceiling track hoist, open to visitors. Adapted minibus with a tail lift."},
    "sandbach-elworth": {"town": "Sandbach", "name": "Elworth Community Rooms", "address": "Station Road",
                         "features": ["step-free", "accessible-toilet", "parking"],
                         "notes": "Level access and an accessible toilet. There is no hoist, so people need to be able to transfer with the help of one person."},
    "sandbach-high-street": {"town": "Sandbach", "name": "High Street Community Rooms", "address": "High Street",
                             "features": ["accessible-toilet", "hearing-loop", "quiet-space"],
                             "notes": "Two steps up to the front door; a portable ramp is kept inside, so ring the bell. Upstairs rooms have no lift."},
    "sandbach-wesley-hall": {"town": "Sandbach", "name": "Wesley Hall", "address": "Middlewich Road",
                             "features": _HALL, "notes": "Level entrance from the car park. Hearing loop in the hall."},
    "sandbach-charity-shop": {"town": "Sandbach", "name": "Thrift and Thread Charity Shop", "address": "The Commons",
                              "features": ["step-free"],
                              "notes": "Shop floor is step-free. The stockroom is up a few steps; volunteers who cannot manage steps work on the till and the shop floor."},
    # Wilmslow
    "wilmslow-alderley-road": {"town": "Wilmslow", "name": "Alderley Road Day Centre", "address": "Alderley Road",
                               "features": ["step-free", "accessible-toilet", "hoist", "quiet-space", "parking", "transport"],
                               "notes": "Hoist in the assisted bathroom. No Changing Places toilet; the nearest is in Macclesfield."},
    "wilmslow-grove-street": {"town": "Wilmslow", "name": "Grove Street Rooms", "address": "Grove Street",
                              "features": ["step-free", "accessible-toilet", "hearing-loop"],
                              "notes": "First-floor rooms reached by a lift. Town centre parking nearby."},
    "wilmslow-carrs": {"town": "Wilmslow", "name": "Carrs Park Pavilion", "address": "Chapel Lane",
                       "features": ["step-free", "accessible-toilet", "parking"],
                       "notes": "Meeting point at the pavilion. Riverside paths are flat and mostly tarmac."},
    "wilmslow-hawthorn-lane": {"town": "Wilmslow", "name": "Hawthorn Lane Church Hall", "address": "Hawthorn Lane",
                               "features": _HALL, "notes": "Level access and a hearing loop. Car park behind the hall."},
    # Knutsford
    "knutsford-heathside": {"town": "Knutsford", "name": "Heathside Day Centre", "address": "Toft Road",
                            "features": ["step-free", "accessible-toilet", "changing-places", "hoist", "parking", "transport"],
                            "notes": "Changing Places toilet and ceiling hoists. Parking for minibuses at the front."},
    "knutsford-king-street": {"town": "Knutsford", "name": "King Street Rooms", "address": "King Street",
                              "features": ["step-free", "accessible-toilet", "hearing-loop"],
                              "notes": "Lift to the first-floor meeting room. Cobbled street outside, so take care."},
    "knutsford-tatton-street": {"town": "Knutsford", "name": "Tatton Street Hall", "address": "Tatton Street",
                                "features": ["step-free", "accessible-toilet", "parking"],
                                "notes": "Level access, free car park."},
    "knutsford-princess-street": {"town": "Knutsford", "name": "Princess Street Studio", "address": "Princess Street",
                                  "features": ["accessible-toilet", "quiet-space"],
                                  "notes": "One small step at the door, with a handrail. Calm studio space with natural light."},
    # Poynton
    "poynton-coppice": {"town": "Poynton", "name": "Coppice Day Centre", "address": "London Road North",
                        "features": ["step-free", "accessible-toilet", "hoist", "quiet-space", "parking", "transport"],
                        "notes": "Single storey with a secure sensory garden. Mobile hoist and assisted bathroom."},
    "poynton-park-lane": {"town": "Poynton", "name": "Park Lane Community Hub", "address": "Park Lane",
                          "features": _HALL, "notes": "Level access from Park Lane. Free parking behind the building."},
    "poynton-pool": {"town": "Poynton", "name": "Poynton Pool Pavilion", "address": "London Road South",
                     "features": ["step-free", "parking"],
                     "notes": "Meet at the pavilion. The path round the pool is level and firm."},
    # Alsager
    "alsager-lawton-road": {"town": "Alsager", "name": "Lawton Road Centre", "address": "Lawton Road",
                            "features": ["step-free", "accessible-toilet", "hoist", "parking", "transport"],
                            "notes": "Mobile hoist and assisted bathroom. Drop-off point by the main door."},
    "alsager-crewe-road": {"town": "Alsager", "name": "Crewe Road Methodist Hall", "address": "Crewe Road",
                           "features": _HALL, "notes": "Level access from the car park."},
    "alsager-mere-rooms": {"town": "Alsager", "name": "Mere Rooms", "address": "Sandbach Road North",
                           "features": ["step-free", "accessible-toilet", "quiet-space"],
                           "notes": "Ground-floor rooms overlooking the mere. Quiet lounge."},
    # Middlewich
    "middlewich-kinderton": {"town": "Middlewich", "name": "Kinderton Day Centre", "address": "Lewin Street",
                             "features": ["step-free", "accessible-toilet", "hoist", "parking", "transport"],
                             "notes": "Ceiling hoist in the bathroom. Secure garden and a drop-off bay."},
    "middlewich-wheelock-street": {"town": "Middlewich", "name": "Wheelock Street Rooms", "address": "Wheelock Street",
                                   "features": ["step-free", "accessible-toilet", "hearing-loop"],
                                   "notes": "Level access on the main street. Hearing loop in both rooms."},
    "middlewich-canal-basin": {"town": "Middlewich", "name": "Canal Basin Workshop", "address": "Webbs Lane",
                               "features": ["accessible-toilet", "parking"],
                               "notes": "Workshop is on a slope down to the canal; we can help with a wheelchair on the ramp."},
    # Holmes Chapel
    "holmes-chapel-london-road": {"town": "Holmes Chapel", "name": "Chapel Community Rooms", "address": "London Road",
                                  "features": _HALL, "notes": "All on one floor. Car park shared with the shops."},
    "holmes-chapel-station-road": {"town": "Holmes Chapel", "name": "Station Road Pavilion", "address": "Station Road",
                                   "features": ["step-free", "accessible-toilet", "parking"],
                                   "notes": "Pavilion beside the playing fields. Level path from the car park."},
    # Handforth
    "handforth-spath-lane": {"town": "Handforth", "name": "Spath Lane Community Hall", "address": "Spath Lane",
                             "features": _HALL, "notes": "Ramp at the front. Car park beside the hall."},
    "handforth-station-road": {"town": "Handforth", "name": "Station Road Day Centre", "address": "Station Road",
                               "features": ["step-free", "accessible-toilet", "hoist", "parking", "transport", "quiet-space"],
                               "notes": "Close to the railway station. Mobile hoist and a calm lounge."},
    # Bollington
    "bollington-palmerston-street": {"town": "Bollington", "name": "Palmerston Street Rooms", "address": "Palmerston Street",
                                     "features": ["step-free", "accessible-toilet", "hearing-loop"],
                                     "notes": "Level access from the street. Limited parking on Palmerston Street."},
    "bollington-wellington-road": {"town": "Bollington", "name": "Wellington Road Methodist Hall", "address": "Wellington Road",
                                   "features": ["accessible-toilet", "parking"],
                                   "notes": "Three steps to the main door, with a handrail. Accessible toilet inside."},
    "bollington-kerridge-view": {"town": "Bollington", "name": "Kerridge View Garden", "address": "Grimshaw Lane",
                                 "features": ["step-free", "parking"],
                                 "notes": "Gravel and grass paths; the main path to the polytunnel is firm."},
    # Disley
    "disley-buxton-road": {"town": "Disley", "name": "Buxton Road Community Hall", "address": "Buxton Road",
                           "features": ["step-free", "accessible-toilet", "parking"],
                           "notes": "Level access from the car park. Close to the railway station."},
    "disley-lyme-rooms": {"town": "Disley", "name": "Lyme Rooms", "address": "Market Street",
                          "features": ["accessible-toilet", "quiet-space", "hearing-loop"],
                          "notes": "Small step at the door. Cosy room with a hearing loop."},
    # Audlem
    "audlem-village-rooms": {"town": "Audlem", "name": "Shropshire Street Village Rooms", "address": "Shropshire Street",
                             "features": _HALL, "notes": "Level access and parking. Hearing loop in the main room."},
    "audlem-chapel-rooms": {"town": "Audlem", "name": "Cheshire Street Chapel Rooms", "address": "Cheshire Street",
                            "features": ["step-free", "accessible-toilet"],
                            "notes": "Level access from the chapel car park."},
}

# ---------------------------------------------------------------------------------------
# Providers. All invented. "mail" is the local part of the example.org email address.

def _p(name, mail, description, short=None):
    """short: how a listing named after its provider refers to the provider."""
    return {"name": name, "mail": mail, "description": description, "short": short or "the team"}


PROVIDERS = {
    # Council teams (samples)
    "bollin-enablement-team": _p("Bollin Enablement Team (sample council service)", "bollin.enablement",
        "The council's enablement team for Macclesfield, Wilmslow, Knutsford and Poynton. Short courses and home support that help people get back their confidence and independence."),
    "weaver-enablement-team": _p("Weaver Enablement Team (sample council service)", "weaver.enablement",
        "The council's enablement team for Crewe, Nantwich and Alsager. Time-limited support to learn skills, travel independently and recover after illness."),
    "dane-valley-day-opportunities": _p("Dane Valley Day Opportunities (sample council service)", "danevalley.dayops",
        "Council-run day centres and day services in Congleton, Middlewich and Holmes Chapel for adults with learning disabilities and older people."),
    "hearthside-shared-lives": _p("Hearthside Shared Lives (sample council scheme)", "hearthside",
        "A Shared Lives scheme matching adults who need support with approved Shared Lives carers, who share their family life, days out and interests."),
    # Day service providers
    "weaver-valley-day-services": _p("Weaver Valley Day Services", "weavervalley",
        "A local charity running day services and social clubs for adults with learning disabilities and people living with dementia in south Cheshire."),
    "dane-community-trust": _p("Dane Community Trust", "danetrust",
        "A community trust in Congleton, Sandbach and Alsager running day clubs, memory cafés and social groups, with a strong volunteer team."),
    "silkmill-day-opportunities": _p("Silkmill Day Opportunities", "silkmill",
        "Specialist day opportunities in Macclesfield for adults with profound and multiple learning disabilities, and a memory day service for older people."),
    "brookhouse-support-services": _p("Brookhouse Support Services", "brookhouse",
        "A not-for-profit provider running the Brookhouse Resource Centre in Crewe for adults with complex learning and physical disabilities."),
    "wheelock-care-cooperative": _p("Wheelock Care Co-operative", "wheelockcare",
        "A care co-operative owned by its staff, running Sandbach Lodge and outreach support for disabled adults around Sandbach."),
    "heathside-care-trust": _p("Heathside Care Trust", "heathside",
        "A Knutsford charity that runs Heathside Day Centre and an older people's day service."),
    "lindow-lives": _p("Lindow Lives", "lindowlives",
        "A Wilmslow and Handforth charity for disabled and older adults: day support, friendship matching and social lunches."),
    "coppice-dementia-care": _p("Coppice Dementia Care", "coppicecare",
        "Dementia day care and home-based support in Poynton and Disley, started by local families in 2009."),
    "restart-neuro": _p("Restart Neuro Day Service", "restartneuro",
        "Day rehabilitation and social support for adults living with acquired brain injury and neurological conditions.", short="the Restart Neuro team"),
    # Dementia and memory
    "larkspur-memory-network": _p("Larkspur Memory Network", "larkspur",
        "Memory clubs, courses and home support for people living with dementia and their families in Crewe, Nantwich, Sandbach and Alsager."),
    "tidewell-dementia-support": _p("Tidewell Dementia Support", "tidewell",
        "A dementia charity for north Cheshire East: memory cafés, post-diagnosis courses and activities at home."),
    # Autism
    "brightlane-autism-partnership": _p("Brightlane Autism Partnership", "brightlane",
        "Run by and with autistic adults: social clubs, day opportunities and one-to-one support in Macclesfield, Congleton and Wilmslow."),
    "kestrel-autism-collective": _p("Kestrel Autism Collective", "kestrel",
        "Autism day services, social evenings and outreach across Crewe, Nantwich, Sandbach and Alsager."),
    # Employment
    "canalside-futures": _p("Canalside Futures", "canalside",
        "Supported employment and travel training for disabled adults in Crewe, Middlewich and Sandbach."),
    "mossfield-work-partnership": _p("Mossfield Work Partnership", "mossfield",
        "Helps young people and adults with learning disabilities and autism into paid jobs, with job coaches and local employers in Congleton and Macclesfield."),
    "next-shift-employment": _p("Next Shift Employment CIC", "nextshift",
        "A community interest company offering job coaching and work experience in Wilmslow and Knutsford."),
    "junction-cafe-cic": _p("Junction Café CIC", "junctioncafe",
        "A social enterprise café in Crewe town centre that trains and employs people with learning disabilities."),
    "loom-cafe-cic": _p("The Loom Café CIC", "loomcafe",
        "A community café on Mill Street, Macclesfield, offering traineeships and evening community groups."),
    "thrift-and-thread": _p("Thrift and Thread", "thriftandthread",
        "A small chain of charity shops that welcomes volunteers who need extra support."),
    # Mental health
    "open-door-wellbeing-collective": _p("Open Door Wellbeing Collective", "opendoor",
        "Peer-led mental health groups, wellbeing cafés and employment support in south Cheshire East."),
    "riverside-recovery-college": _p("Riverside Recovery College (sample)", "riversiderecovery",
        "Free short courses about mental health and recovery, co-written and taught by people with lived experience."),
    "lighthouse-peer-support": _p("Lighthouse Peer Support", "lighthouse",
        "Evening peer support groups for adults with mental health needs, and back-to-work support."),
    # Sensory and physical
    "clearview-sight-loss": _p("Clearview Sight Loss Group", "clearview",
        "Support, social groups and skills training for people with sight loss across Cheshire East."),
    "signpost-deaf-association": _p("Signpost Deaf Community Association", "signpostdeaf",
        "A Deaf-led association with social clubs in British Sign Language and support for people with hearing loss."),
    "second-stride": _p("Second Stride Stroke Clubs", "secondstride",
        "Volunteer-run clubs and courses for stroke survivors and their families."),
    "wheelhouse-inclusive-sport": _p("Wheelhouse Inclusive Sport", "wheelhouse",
        "Inclusive sport and swimming for disabled adults, with trained coaches and adapted equipment."),
    "weaver-paddlers": _p("Weaver Paddlers Inclusive Canoe Club", "weaverpaddlers",
        "A canoe and kayak club on the River Weaver with adapted boats and coaches for disabled paddlers."),
    "steady-steps-exercise": _p("Steady Steps Exercise CIC", "steadysteps",
        "Gentle exercise, strength and balance classes for older and disabled adults, in halls and online."),
    # Older people and neighbourhood groups
    "silver-threads": _p("Silver Threads Friendship Groups", "silverthreads",
        "Lunch clubs, coffee mornings and telephone friendship for older people, run by volunteers."),
    "nantwich-good-companions": _p("Nantwich Good Companions", "goodcompanions",
        "A volunteer group in Nantwich running free friendship mornings and afternoon teas for older residents."),
    "audlem-village-care-group": _p("Audlem Village Care Group", "audlemcare",
        "Volunteers from Audlem and the surrounding villages running a lunch club, a day club and visiting."),
    "disley-and-lyme-neighbours": _p("Disley and Lyme Neighbours", "lymeneighbours",
        "A neighbourhood group in Disley organising a day club, a weekly welcome morning and visiting."),
    "poynton-coffee-companions": _p("Poynton Coffee Companions", "coffeecompanions",
        "Free coffee mornings for older people in Poynton, run by volunteers.", short="the Coffee Companions committee"),
    "handforth-spath-community-association": _p("Spath Lane Community Association", "spathlane",
        "Runs Spath Lane Community Hall in Handforth and its friendship and lunch groups."),
    "holmes-chapel-good-neighbours": _p("Holmes Chapel Good Neighbours", "hcgoodneighbours",
        "Volunteers who run a day club, memory café and visiting for older people in Holmes Chapel and Cranage.", short="Good Neighbours"),
    "alsager-mere-social-club": _p("Alsager Mere Social Club", "meresocial",
        "A social club for older people in Alsager with a weekly lunch and friendship group."),
    "knutsford-good-neighbours": _p("Knutsford and District Good Neighbours", "knutsfordneighbours",
        "Volunteer befrienders visiting older and isolated people in Knutsford and nearby villages."),
    "bollington-happy-valley-friends": _p("Happy Valley Friends, Bollington", "happyvalley",
        "A Bollington charity running a day club and Sunday lunches for older people."),
    # Clubs and activities
    "hightown-friday-club": _p("Hightown Friday Club", "hightownclub",
        "A social club for adults with learning disabilities in Crewe, run by parents and volunteers since 1987."),
    "weekenders-club-macclesfield": _p("Weekenders Club Macclesfield", "weekenders",
        "Saturday afternoon club for adults with learning disabilities, run by a volunteer committee."),
    "sandbach-stars": _p("Sandbach Stars Social Club", "sandbachstars",
        "A Wednesday evening social club for adults with learning disabilities in Sandbach.", short="a committee of parents and volunteers"),
    "knutsford-thursday-club": _p("Knutsford Thursday Club", "thursdayclub",
        "A volunteer-run evening club for adults with learning disabilities in Knutsford.", short="a volunteer committee"),
    "beartown-workshop-shed": _p("Beartown Workshop Shed", "beartownshed",
        "A community workshop in Congleton where people make, mend and chat.", short="a members' committee"),
    "middlewich-canal-workshop": _p("Middlewich Canal Workshop", "canalworkshop",
        "Woodwork, bike repair and boat restoration by the canal in Middlewich.", short="a members' committee"),
    "bollington-workshop-shed": _p("Bollington Workshop Shed", "bollingtonshed",
        "A woodwork and repair shed in Bollington, open to anyone who wants company and something useful to do.", short="a members' committee"),
    "crewe-repair-shed": _p("Crewe Repair and Make", "creweremake",
        "A repair café and maker space in Crewe, with sessions for people who need a calmer, supported start.", short="the Repair and Make volunteers"),
    "knutsford-workshop-shed": _p("Knutsford Workshop Shed", "knutsfordshed",
        "A friendly workshop for woodwork and small repairs in Knutsford.", short="a members' committee"),
    "rootstock-community-gardens": _p("Rootstock Community Gardens", "rootstock",
        "Therapeutic gardening projects in Crewe, Macclesfield, Bollington, Nantwich and Middlewich."),
    "paintbox-collective": _p("Paintbox Collective", "paintbox",
        "An arts charity running inclusive studios and classes for disabled adults and people with mental health needs."),
    "kerridge-ridge-arts": _p("Kerridge Ridge Arts", "kerridgearts",
        "A small Bollington arts group for adults who want to paint and draw for their wellbeing."),
    "harmony-lane-music": _p("Harmony Lane Music", "harmonylane",
        "Music projects for people living with dementia, disabled adults and carers: singing groups, choirs and drumming."),
    "curtain-up-theatre": _p("Curtain Up Inclusive Theatre", "curtainup",
        "Inclusive drama groups where adults with learning disabilities write and perform their own shows."),
    "footpath-friends": _p("Footpath Friends Cheshire", "footpathfriends",
        "Short, led walks for wellbeing, with trained walk leaders and routes suitable for beginners."),
    "goyt-valley-outdoors": _p("Goyt Valley Outdoors", "goytoutdoors",
        "Outdoor activities and walks around Disley for people who want to get out in the countryside with support."),
    "greenway-conservation": _p("Greenway Conservation Volunteers", "greenway",
        "Practical conservation days in parks, woods and riversides, with support for volunteers who need it."),
    "heatherbank-volunteer-exchange": _p("Heatherbank Volunteer Exchange", "heatherbank",
        "Matches people who want to volunteer with local groups, and offers a volunteer buddy to anyone who needs support."),
    "full-plate-kitchen": _p("Full Plate Community Kitchen", "fullplate",
        "Cooking classes and shared meals that teach practical kitchen skills on a budget."),
    "click-together": _p("Click Together Digital Inclusion", "clicktogether",
        "Friendly help with phones, tablets and getting online, from volunteers with a lot of patience."),
    "next-chapter-transitions": _p("Next Chapter Transitions", "nextchapter",
        "Skills, social groups and support for young people aged 16 to 25 with learning disabilities and autism as they move into adult life."),
    "linden-carers-network": _p("Linden Carers' Network", "lindencarers",
        "Support and breaks for unpaid carers: cafés, evening groups, walks and online meet-ups."),
    "homeward-sitting-service": _p("Homeward Sitting Service", "homeward",
        "Trained sitters who stay with the person you care for at home, so you can take a break.", short="Homeward"),
    "porchlight-befriending": _p("Porchlight Befriending", "porchlight",
        "Volunteer befrienders who visit or phone older people who are lonely or isolated.", short="Porchlight"),
    "compass-community-support": _p("Compass Community Support", "compass",
        "Personal assistants and support workers who help disabled adults get out and do the things they enjoy.", short="Compass"),
    "screenside-social": _p("Screenside Social", "screenside",
        "Online groups for people who find it hard to get out: quizzes, coffee mornings and chats by video call."),
}


# ---------------------------------------------------------------------------------------
# Archetypes: the words, timetable habits, prices and rules of each kind of day
# opportunity. Text may use {name} {town} {area} {provider} {venue} {street} {when}
# {weeks} {contact} {day} {days} {audience}. "WHEN" in an easy-read list is replaced by a
# sentence made from the timetable ("It meets on Saturday mornings.").

_FUNDED_DAY = [
    {"kinds": ["funded", "direct-payment", "pay-session"], "price": (5200, 7500),
     "notes": ["Self-funders pay {price} a day, including lunch. Transport is charged separately.",
               "{price} a full day for people paying privately; half days are available. Lunch included.",
               "Most places are funded by the council after a care assessment. Private daily rate {price}, lunch included."]},
]
_FUNDED_DAY_OLDER = [
    {"kinds": ["funded", "direct-payment", "pay-session"], "price": (4500, 6800),
     "notes": ["{price} a day for self-funders, including a hot lunch and afternoon tea. Transport £6 return.",
               "Daily rate {price}. Funded places are arranged through adult social care.",
               "{price} a day including lunch. Ask about funded places and direct payments."]},
]


def _SMALL_CHARGE(lo, hi, notes):
    """A small pay-as-you-go charge between lo and hi pence."""
    return [{"kinds": ["pay-session"], "price": (lo, hi), "notes": notes}]


ARCHETYPES = {
    "ld_day_centre": {
        "tier": "specialist", "kinds": ["day-centre"],
        "needs": ["learning-disability", "physical-disability", "carers-break"],
        "summary": [
            "A specialist day centre in {town} for adults with profound and multiple learning disabilities and complex health needs.",
            "Building-based day support in {town} for adults with learning disabilities who need a high level of personal and health care.",
            "A well-equipped day centre for adults with complex learning and physical disabilities, with a sensory room, a spa bath and trained staff.",
        ],
        "paras": [
            ["{name} is run by {provider} for adults with learning disabilities, including people with profound and multiple learning disabilities, physical disabilities and health needs such as epilepsy or tube feeding. Staff are trained in moving and handling, epilepsy care and communication.",
             "{provider} runs {name} for adults with complex learning and physical disabilities. Each person has a day plan built around what they enjoy and how they communicate, and staff get to know people and their families well."],
            ["The centre is open {when}. People can come for full or part days, and many come two or three days a week.",
             "We are open {when}. Transport can be arranged from home in our adapted minibuses, within about five miles of the centre."],
            ["The building has a large sensory room, a quiet lounge, a kitchen for cooking sessions and an accessible garden with raised beds. Personal care rooms have ceiling track hoists and height-adjustable changing benches.",
             "Inside there is a sensory room, an art room, a music space and a lounge with a big screen for films and karaoke. Personal care is given in private rooms with hoists, and we can support people who use intensive interaction, Makaton or objects of reference."],
        ],
        "extra": [
            "Most people come after a care assessment by adult social care, and we also welcome people who pay for themselves or use a direct payment. Families are welcome to visit before deciding.",
            "If you would like to visit, call the centre and ask for {contact}. Places are usually arranged through a social worker, but you can also pay privately.",
        ],
        "activities": ["sensory sessions", "music and movement", "cooking", "arts and crafts", "spa bath relaxation",
                       "gardening", "trips out", "swimming", "hand massage", "Makaton signing", "intensive interaction",
                       "boccia", "tablet games", "community walks", "rebound therapy"],
        "easy": [["This is a day centre for adults with learning disabilities.", "This day centre is for adults who need a lot of support."],
                 "WHEN",
                 ["Staff help with personal care and eating.", "Staff can help you with your care and your meals."],
                 ["You can do music, art, cooking and sensory sessions.", "There is a sensory room and a garden."],
                 ["A minibus can pick you up from home.", "You can visit first to see if you like it."]],
        "easy_verb": "is open",
        "cost": _FUNDED_DAY,
        "join": [["social-worker", "carer"], ["social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["For adults with a learning disability and complex needs. Must live in Cheshire East or be funded by their home council.",
                       "Adults aged 18 and over with profound and multiple learning disabilities or complex health needs."],
        "vacancy": {"spaces": 2, "waiting-list": 5, "full": 3},
        "transport": True,
    },
    "dementia_day_centre": {
        "tier": "specialist", "kinds": ["day-centre"], "needs": ["dementia", "older-people", "carers-break"],
        "summary": [
            "Day care in {town} for people living with dementia, giving a good day out and a regular break for the family.",
            "A dementia day centre in {town} with trained staff, hot lunches and activities that suit each person.",
            "Specialist day care for older people with memory loss or dementia, with transport from home.",
        ],
        "paras": [
            ["{name} is a day centre for people living with dementia, run by {provider}. Our staff are trained in dementia care and make sure each person has a calm, sociable day doing things they enjoy.",
             "At {name} we look after people with dementia in a homely setting, with plenty of staff and a routine that helps people settle. Many people come one or two days a week so that their carer can have a break.",
             "{provider} opened {name} for people with dementia who need more support than a memory café can give. The team includes dementia care workers, an activities coordinator and a cook who knows everybody's favourite pudding."],
            ["We are open {when}. A hot two-course lunch and afternoon tea are served every day, and staff can help with eating, medication and personal care.",
             "The centre opens {when}. Our minibus collects people from home across {town} and the villages nearby."],
            ["Days include reminiscence, music and singing, gentle exercise, baking, quizzes and time in the garden. We keep a life story book for each person so staff can talk about the things that matter to them.",
             "There is a quiet lounge, a dementia-friendly garden and an assisted bathroom. Activities include music, chair exercise, reminiscence, flower arranging and visits from a pet therapy dog."],
        ],
        "extra": [
            "Places are usually funded by the council after a care assessment, but you can also pay privately. Families can come for a trial afternoon first.",
            "Carers are welcome to stay for the first visit. We also run a monthly carers' coffee morning at the centre.",
        ],
        "activities": ["reminiscence", "music and singing", "chair exercise", "baking", "quizzes", "gardening",
                       "pet therapy visits", "flower arranging", "hot lunch", "life story work", "sensory activities"],
        "easy": [["This day centre is for people with dementia.", "This is a day centre for older people with memory problems."],
                 "WHEN",
                 ["You can have a hot lunch and a cup of tea.", "Staff look after you all day."],
                 ["There is music, baking and time in the garden.", "You can join in quizzes, music and gentle exercise."],
                 ["A minibus can take you there and back.", "Your carer can have a rest while you are here."]],
        "easy_verb": "is open",
        "cost": _FUNDED_DAY_OLDER,
        "join": [["social-worker", "carer"], ["social-worker", "carer", "self-referral"]],
        "age": [(65, None), (55, None), (18, None)],
        "elig_notes": ["For people with a diagnosis of dementia. Younger people with dementia are welcome too.",
                       "For older people with dementia or memory problems who need support during the day.",
                       "A diagnosis is not needed, but the person should have memory problems that affect daily life."],
        "vacancy": {"spaces": 3, "waiting-list": 5, "full": 2},
        "transport": True,
    },
    "autism_day_service": {
        "tier": "specialist", "kinds": ["day-centre", "skills-learning"], "needs": ["autism", "learning-disability"],
        "summary": [
            "A low-arousal day service in {town} for autistic adults, with small groups, predictable routines and quiet spaces.",
            "Specialist day support in {town} for autistic adults, some with learning disabilities, who find busy day centres hard.",
        ],
        "paras": [
            ["{name} is a day service for autistic adults run by {provider}. We keep groups small, plan each day with a visual timetable and make sure there is always somewhere quiet to go.",
             "{provider} set up {name} for autistic adults who need more than a social group but find a busy day centre overwhelming. Staff are trained in low-arousal approaches and positive behaviour support."],
            ["We are open {when}. People come for the days that suit them, and we agree a plan with each person and their family.",
             "The service runs {when}, with a gradual start for new people: a first visit, then short sessions, then full days when you are ready."],
            ["Activities follow people's interests: cooking, computing, trains and transport, art, walking, swimming and work projects in the community. There is a sensory room and a quiet garden.",
             "We help people build everyday skills such as cooking, shopping and using money, and we go out into {town} for activities people enjoy. Lighting, noise and numbers are kept low."],
        ],
        "extra": ["Most places are funded after a care assessment, and direct payments are welcome. You can visit at a quiet time first."],
        "activities": ["cooking", "computing", "art", "walking", "swimming", "shopping skills", "sensory room",
                       "special interest projects", "bus and train trips", "gardening"],
        "easy": [["This is a day service for autistic adults.", "This place is for autistic adults who like quiet."],
                 "WHEN",
                 ["Groups are small and calm.", "There is a quiet room you can use any time."],
                 ["You will have a picture timetable for your day.", "Staff plan the day with you."]],
        "easy_verb": "is open",
        "cost": [{"kinds": ["funded", "direct-payment"], "notes": "Funded places and direct payments only; no private rate."},
                 {"kinds": ["funded", "direct-payment", "pay-session"], "price": (5500, 7000), "notes": "{price} a day for private places."}],
        "join": [["social-worker", "carer"]],
        "age": [(18, None), (18, 64)],
        "elig_notes": ["For autistic adults, with or without a learning disability. A formal diagnosis is helpful but not always needed.",
                       "Autistic adults who need support during the day."],
        "vacancy": {"spaces": 2, "waiting-list": 4, "full": 2},
        "transport": False,
    },
    "neuro_day_service": {
        "tier": "specialist", "kinds": ["day-centre", "skills-learning"],
        "needs": ["physical-disability", "sensory-impairment", "carers-break"],
        "summary": [
            "A day service in {town} for adults living with brain injury, stroke or a neurological condition such as MS or Parkinson's.",
            "Rehabilitation and social day support for adults with acquired brain injury and neurological conditions.",
        ],
        "paras": [
            ["{name} supports adults who have had a brain injury or stroke, or who live with a neurological condition. Sessions are led by support workers with input from an occupational therapist.",
             "{provider} runs {name} for adults with acquired brain injury and neurological conditions. We work on the goals each person sets, from memory strategies to getting back to a hobby."],
            ["Sessions run {when}. There is a cooked lunch and time to rest.",
             "We meet {when}, in a fully accessible building with a hoist and accessible toilets."],
            ["Activities include cognitive exercises, art, music, cooking, gentle exercise and peer support. Family members can join a monthly support session.",
             "People work on memory, planning and communication through practical activities, and there is plenty of time for friendship too."],
        ],
        "activities": ["memory strategies", "cooking", "art", "gentle exercise", "peer support", "music", "computer skills", "speech and language practice"],
        "easy": [["This day service is for adults with a brain injury.", "This is for adults who had a stroke or brain injury."],
                 "WHEN",
                 ["You can work on memory and everyday skills.", "You can do art, cooking and exercise."],
                 ["You will meet other people in the same situation.", "There is lunch and time to rest."]],
        "easy_verb": "is open",
        "cost": [{"kinds": ["funded", "direct-payment", "pay-session"], "price": (4800, 6500), "notes": "{price} a day, including lunch."}],
        "join": [["social-worker", "self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with an acquired brain injury, stroke or progressive neurological condition."],
        "vacancy": {"spaces": 4, "waiting-list": 3, "full": 1},
        "transport": True,
    },
    "older_day_club": {
        "tier": "community", "kinds": ["day-centre", "community-group"],
        "needs": ["older-people", "physical-disability", "carers-break"],
        "summary": [
            "A friendly day service for older people in {town}, with a hot lunch, activities and company.",
            "A day club for older people in {town} who would like company, a cooked meal and something to do.",
            "Day service for older people who are frail or lonely, with transport, lunch and afternoon activities.",
        ],
        "paras": [
            ["{name} is a day service for older people living in and around {town}. It is run by {provider} with a small staff team and volunteers, and most people have been coming for years.",
             "{provider} runs {name} for older people who live alone, are becoming frail or simply want company. It is a relaxed day with a cooked lunch, a chat and activities for anyone who wants to join in.",
             "People come to {name} for the company as much as the lunch. It is a small, homely day service with a mix of regulars who have been coming for years and newcomers who are made very welcome."],
            ["It runs {when} at {venue}. Lunch is freshly cooked on site and special diets can be catered for.",
             "We open {when} at {venue_full}. A volunteer driver scheme can bring people from home.",
             "The day service is open {when} at {venue}. Our accessible minibus collects people from home and takes them back at the end of the day."],
            ["There are quizzes, bingo, gentle exercise, crafts and visiting entertainers, with outings in the summer. Staff can help people to the toilet and with eating, but we cannot offer nursing care.",
             "Days include newspapers and a chat over coffee, a two-course lunch, and an afternoon activity such as a singer, a quiz or armchair exercise.",
             "Mornings start with tea and the papers, then there is a choice of activity: a craft, a quiz, dominoes or a gentle exercise session. After lunch there is often a singer or a speaker, and in summer we go on trips to garden centres and the seaside."],
        ],
        "activities": ["hot lunch", "bingo", "quizzes", "armchair exercise", "crafts", "visiting entertainers", "summer outings", "dominoes", "newspapers and a chat"],
        "easy": [["This is a day club for older people.", "This day service is for older people in {town}."],
                 "WHEN",
                 ["You can have a hot lunch.", "There is lunch, a chat and games."],
                 ["You can play bingo and join quizzes.", "People come to make friends and have fun."],
                 ["A driver can bring you there.", "Staff and helpers are friendly."]],
        "easy_verb": "is open",
        "cost": [{"kinds": ["pay-session", "direct-payment", "funded"], "price": (2400, 4200),
                  "notes": ["{price} a day including lunch. Transport £4 each way.", "{price} a day including a two-course lunch and tea."]},
                 {"kinds": ["pay-session", "direct-payment"], "price": (1800, 3200), "notes": "{price} a day, lunch included."}],
        "join": [["self-referral", "carer", "social-worker"], ["self-referral", "carer"]],
        "age": [(60, None), (65, None), (55, None)],
        "elig_notes": ["For older people who can manage with light support from staff. No hoist on site.",
                       "Older people living in {town} and the surrounding villages.",
                       ""],
        "vacancy": {"spaces": 6, "waiting-list": 2, "full": 1},
        "transport": True,
    },
    "memory_club": {
        "tier": "community", "kinds": ["community-group"], "needs": ["dementia", "older-people", "carers-break"],
        "summary": [
            "A friendly memory café in {town} for people living with dementia or memory worries and the people who care for them.",
            "A relaxed get-together for people with memory loss and their carers, with tea, music and a chat.",
            "A welcoming club for people with dementia and their families, meeting at {venue}.",
        ],
        "paras": [
            ["{name} is a relaxed, welcoming group for people living with dementia or worried about their memory, and for family members and carers. It is run by {provider} with trained volunteers.",
             "{provider} runs {name} for anyone affected by memory loss or dementia. People come as a couple, with a friend or on their own, and there is always someone to chat to.",
             "At {name} people living with dementia and their carers can spend time together in a friendly place where nobody minds if you forget a name or repeat a story."],
            ["We meet {when} at {venue}. Drop in for the whole session or just part of it.",
             "The café meets {when} at {venue_full}. There is no need to book.",
             "Sessions run {when} at {venue}."],
            ["Each session has tea and cake, an activity such as a singalong, reminiscence with old photographs or a gentle quiz, and time to talk. A dementia adviser comes once a month to answer questions.",
             "There is music, reminiscence, crafts and chair exercise, and carers can slip into a side room for a chat with each other and an information table with leaflets.",
             "Activities change each week: music and singing, memory games, flower arranging, visiting speakers and a Christmas party. Carers often say it is the one place they can relax."],
        ],
        "extra": ["Carers and family members are very welcome. If you cannot leave the person you care for, bring them along: the café is for both of you."],
        "activities": ["tea and cake", "singalong", "reminiscence", "memory games", "chair exercise", "crafts",
                       "quizzes", "visiting speakers", "carers' chat", "flower arranging"],
        "easy": [["This is a club for people with memory problems.", "This café is for people with dementia and their carers.",
                  "This is a friendly group for people with dementia."],
                 "WHEN",
                 ["You can have tea and a chat.", "You can sing, play games and have a cup of tea."],
                 ["Carers can come too.", "You can bring a family member or friend."],
                 ["You do not need to book.", "Everyone is welcome."]],
        "cost": [{"kinds": ["free"], "notes": ["Free. Donations welcome.", "Free; tea and cake included."]},
                 {"kinds": ["pay-session"], "price": (200, 400), "notes": "{price} per person, carers free. Includes tea and cake."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (50, None)],
        "elig_notes": ["For people with dementia or memory worries, with or without a diagnosis, and their carers.",
                       "No diagnosis needed. People must come with a carer or be able to manage on their own."],
        "vacancy": {"spaces": 8, "waiting-list": 1, "full": 1},
    },
    "sing_remember": {
        "tier": "community", "kinds": ["community-group"], "needs": ["dementia", "carers-break"],
        "summary": [
            "A singing group in {town} for people with dementia and their carers, using songs everyone knows.",
            "Sing familiar songs, warm up your voice and enjoy a cuppa: a music group for people with memory loss.",
        ],
        "paras": [
            ["{name} is a singing group for people living with dementia and the people who care for them. It is led by a trained music leader from {provider}, with a pianist and volunteers.",
             "Music can reach people when words are hard to find. {name} brings people with dementia and their carers together to sing songs from the 1950s to the 1980s, with no experience needed."],
            ["We meet {when} at {venue}, with a tea break halfway through.",
             "The group sings {when} at {venue}. Song sheets are in large print."],
        ],
        "extra": ["Carers sing too, and many say it is the best part of their week."],
        "activities": ["singing", "vocal warm-ups", "percussion", "tea and biscuits", "music quizzes"],
        "easy": [["This is a singing group for people with dementia.", "Come and sing songs you know."],
                 "WHEN", ["Carers can sing too.", "You do not need to be good at singing."], ["There is tea and biscuits."]],
        "cost": _SMALL_CHARGE(300, 500, ["{price} per couple, including tea.", "{price} a session. First session free."]),
        "join": [["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["For people with dementia and their carers."],
    },
    "autism_social": {
        "tier": "community", "kinds": ["community-group"], "needs": ["autism"],
        "summary": [
            "An autism-friendly social club in {town} for autistic adults who want to meet people in a calm, low-pressure setting.",
            "A relaxed social group for autistic adults in {town}: games, chat and shared interests, with a quiet space if you need it.",
            "Meet other autistic adults in {town} for board games, chat and days out, at your own pace.",
        ],
        "paras": [
            ["{name} is a social group for autistic adults, run by {provider} with autistic volunteers. There is no pressure to talk: some people play games, some chat about their interests and some just listen.",
             "{provider} runs {name} for autistic adults who would like to make friends. The group was set up and is partly led by autistic people, so it is built around what works for them."],
            ["We meet {when} at {venue}. The room is kept calm, with lights dimmed and a quiet corner, and there is a clear plan for each session sent out beforehand.",
             "The club meets {when} at {venue_full}. You can come for part of the session and leave whenever you want."],
            ["Activities include board and card games, video games, film nights, craft and occasional trips to places such as museums and bowling. Members choose what happens next.",
             "There is tea and squash, a games table, a crafts table and space to talk about shared interests. We also have a group chat for members who prefer messaging."],
        ],
        "extra": ["Before your first visit you can meet one of the organisers for a coffee, or just look at the photos of the room on our website so you know what to expect.",
                  "A formal diagnosis is not needed. If you are self-identified or waiting for an assessment, you are welcome."],
        "activities": ["board games", "video games", "film nights", "crafts", "chat", "day trips", "quiz nights", "special interest talks", "bowling"],
        "easy": [["This is a social club for autistic adults.", "This group is for autistic adults who want to make friends."],
                 "WHEN",
                 ["The room is calm and quiet.", "There is a quiet corner if you need a break."],
                 ["You can play games or just chat.", "You do not have to talk if you do not want to."],
                 ["You can leave at any time."]],
        "cost": [{"kinds": ["free"], "notes": "Free. Drinks and snacks provided."},
                 {"kinds": ["pay-session"], "price": (200, 500), "notes": "{price} a session towards room hire and snacks."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (18, 35)],
        "elig_notes": ["For autistic adults. Diagnosis not needed.", "Autistic adults, including people waiting for a diagnosis."],
    },
    "ld_social": {
        "tier": "community", "kinds": ["community-group"], "needs": ["learning-disability", "autism"],
        "summary": [
            "A lively social club in {town} for adults with learning disabilities: music, games and friends.",
            "A club for adults with learning disabilities in {town}, with a disco, karaoke, games and snacks.",
            "A long-running social club for adults with learning disabilities, run by volunteers.",
        ],
        "paras": [
            ["{name} is a social club for adults with learning disabilities, run by {provider}. Many members have been coming for years, and new members are always welcome.",
             "Everyone is welcome at {name}, a friendly club for adults with learning disabilities and autistic adults in and around {town}.",
             "{name} started as a small group of friends and now has more than sixty members. It is run by {provider}, and members sit on the committee and help decide what the club does."],
            ["The club meets {when} at {venue}. Members can arrive with a support worker or family member, who can stay or come back later.",
             "Club sessions are {when} at {venue}. Please let us know if you need help with transport.",
             "We meet {when} at {venue_full}."],
            ["Each session has a mix of disco, karaoke, games, arts and crafts, with a tuck shop. There are themed nights, a summer barbecue and a Christmas party.",
             "Members decide what happens: music quizzes, bingo, dancing, talent shows and trips to the cinema or bowling.",
             "There is always music, a games table and a craft activity, plus a quieter room for people who need a break from the noise. Members run a tuck shop and raise money for a summer trip."],
        ],
        "activities": ["disco", "karaoke", "bingo", "arts and crafts", "games", "talent shows", "tuck shop", "cinema trips", "bowling", "themed parties"],
        "easy": [["This is a club for adults with learning disabilities.", "This is a fun club for adults with learning disabilities."],
                 "WHEN",
                 ["You can dance, sing and play games.", "There is a disco and karaoke."],
                 ["You can make friends here.", "Your support worker can come with you."]],
        "cost": _SMALL_CHARGE(200, 600, ["{price} a night, support workers free.", "{price} a session. Tuck shop extra.", "{price} including drinks and snacks."]),
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with a learning disability. People who need personal care must bring a support worker.",
                       "For adults with learning disabilities or autism. Support workers are welcome and go free."],
    },
    "friendship_morning": {
        "tier": "community", "kinds": ["community-group"], "needs": ["older-people", "mental-health"],
        "summary": [
            "A free, friendly get-together for older people in {town}: tea, coffee, cake and a chat.",
            "A free weekly get-together for older people who would like some company.",
        ],
        "paras": [
            ["{name} is a free drop-in for older people, run by volunteers from {provider}. It is a chance to get out of the house, have a hot drink and meet people.",
             "{provider} started {name} for older people who live alone or feel lonely. It is free and there is nothing to sign up for.",
             "If you would like to get out of the house, meet people and have a laugh, {name} is a good place to start. It is free and run entirely by volunteers from {provider}."],
            ["It runs {when} at {venue}. Come along for as long as you like.",
             "We meet {when} at {venue_full}."],
            ["There is tea, coffee and homemade cake, newspapers, board games and jigsaws, and now and then a visiting speaker.",
             "Volunteers can help with forms, phones and finding out about other local groups. There is always a jigsaw on the go.",
             "Some weeks there is a quiz, a craft or a short talk from the library, the fire service or a local historian. Most weeks it is simply a good chat."],
        ],
        "activities": ["tea and coffee", "homemade cake", "board games", "jigsaws", "chat", "visiting speakers", "newspapers"],
        "easy": [["This is a free group for older people.", "Older people can meet here for free."],
                 "WHEN",
                 ["You can have tea, coffee and cake.", "You can have a drink and a chat."],
                 ["You do not need to book.", "Just come along."]],
        "cost": [{"kinds": ["free"], "notes": ["Free. Donations for tea and cake welcome.", "Free."]}],
        "join": [["self-referral", "carer"]],
        "age": [(60, None), (55, None), (65, None)],
        "elig_notes": ["Older people living in and around {town}.", ""],
    },
    "lunch_club": {
        "tier": "community", "kinds": ["community-group"], "needs": ["older-people"],
        "summary": [
            "A weekly lunch club for older people in {town}: a two-course hot meal and good company.",
            "Home-cooked lunch and a chat for older people, with a raffle and occasional entertainment.",
        ],
        "paras": [
            ["{name} is run by {provider} for older people who would like a hot meal and some company. The volunteers cook a two-course lunch with a choice of main.",
             "Many people at {name} live alone and come as much for the chat as for the food. It has been running for over twenty years.",
             "{provider} volunteers cook a proper home-made lunch at {name}, followed by a pudding, a cup of tea and plenty of conversation. New faces are always welcome."],
            ["Lunch is served {when} at {venue}. Please book your place by the Monday before.",
             "We meet {when} at {venue_full}."],
            ["After lunch there is a raffle and often a quiz, a singer or a talk. Special diets can be catered for if you tell us in advance.",
             "There is a lift scheme for people who cannot get there on their own, and tea and biscuits after the meal.",
             "Birthdays are celebrated with a cake, and there is a Christmas lunch with entertainment every December."],
        ],
        "activities": ["two-course lunch", "raffle", "quizzes", "visiting entertainers", "talks", "chat"],
        "easy": [["This is a lunch club for older people.", "You can have a hot lunch with other people."],
                 "WHEN", ["The meal has two courses.", "Helpers cook a hot meal."],
                 ["There is a raffle after lunch.", "You can make new friends."]],
        "cost": _SMALL_CHARGE(450, 800, ["{price} for a two-course lunch and tea.", "{price} a meal. Lifts available for £2."]),
        "join": [["self-referral", "carer"]],
        "age": [(60, None), (65, None)],
        "elig_notes": ["Older people. Please book by phone.", ""],
    },
    "sunday_lunch": {
        "tier": "community", "kinds": ["community-group"], "needs": ["older-people", "mental-health"],
        "summary": [
            "A Sunday roast and company for older people who would otherwise spend Sunday alone.",
            "A weekly Sunday lunch club for older people in {town}, with a roast dinner and good company.",
        ],
        "paras": [
            ["Sundays can be the loneliest day of the week. {name} offers older people a roast dinner, a pudding and an afternoon of company, served by volunteers from {provider}.",
             "{name} is a Sunday lunch club for older people, especially those who live alone. Volunteers cook a roast with all the trimmings."],
            ["Lunch is served {when} at {venue}. Volunteer drivers can collect people who cannot get there.",
             "We meet {when} at {venue}. Please ring by Friday to book."],
        ],
        "activities": ["Sunday roast", "pudding", "chat", "board games", "singalong"],
        "easy": [["This is a Sunday lunch club for older people.", "You can have Sunday dinner with other people."],
                 "WHEN", ["A driver can bring you.", "Please ring to book a place."], ["It is friendly and relaxed."]],
        "cost": _SMALL_CHARGE(500, 900, ["{price} for a roast and pudding.", "{price} including tea and coffee."]),
        "join": [["self-referral", "carer"]],
        "age": [(60, None)],
        "elig_notes": ["Older people, especially those who live alone."],
    },
}


ARCHETYPES.update({
    "stroke_club": {
        "tier": "community", "kinds": ["community-group"], "needs": ["physical-disability", "carers-break"],
        "summary": [
            "A friendly club in {town} for people who have had a stroke, and their partners and carers.",
            "Peer support, exercise and a chat for stroke survivors and their families.",
        ],
        "paras": [
            ["{name} is a volunteer-run club for stroke survivors and the people close to them. Many volunteers have had a stroke themselves and know how it feels.",
             "{provider} runs {name} to help people rebuild confidence after a stroke. Members include people with weakness on one side, speech difficulties (aphasia) and tiredness.",
             "Life after a stroke can feel very different. {name} is a place to meet people who have been through it, swap tips and get back some confidence."],
            ["We meet {when} at {venue}. There is a seated exercise session, then tea and a chat.",
             "The club meets {when} at {venue_full}."],
            ["Activities include armchair exercise, communication games, crafts, talks from health professionals and days out. Partners have their own chat corner.",
             "Volunteers make sure people with aphasia can join in, using pictures, gesture and plenty of time."],
        ],
        "activities": ["seated exercise", "communication games", "crafts", "health talks", "days out", "peer support"],
        "easy": [["This club is for people who had a stroke.", "This is a club for stroke survivors."],
                 "WHEN", ["You can do gentle exercise.", "You can meet people who understand."],
                 ["Your family can come too.", "Helpers give you time to talk."]],
        "cost": _SMALL_CHARGE(200, 400, ["{price} a session including tea.", "{price}. Carers free."]) + [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Anyone who has had a stroke, and their family and carers."],
    },
    "sight_loss": {
        "tier": "community", "kinds": ["community-group"], "needs": ["sensory-impairment", "older-people"],
        "summary": [
            "A social group in {town} for people with sight loss, with talks, tips and friendly company.",
            "Meet others living with sight loss, try out equipment and enjoy a chat over tea.",
        ],
        "paras": [
            ["{name} is a social and support group for people who are blind or partially sighted, run by {provider}. New members are welcome whether their sight loss is recent or lifelong.",
             "{provider} runs {name} for people living with sight loss, including macular degeneration, glaucoma and diabetic eye disease.",
             "{name} is a friendly group where people with sight loss can share tips, get information and enjoy each other's company. Family members and guides are welcome."],
            ["We meet {when} at {venue}. Volunteers can meet you at the bus stop if you let us know.",
             "The group meets {when} at {venue}."],
            ["Sessions include guest speakers, demonstrations of talking and magnifying equipment, audio book swaps and outings. Large print and audio information is always available.",
             "There is a chance to try low vision aids and smart speakers, and to share tips on cooking, reading and getting about."],
        ],
        "activities": ["guest speakers", "equipment demonstrations", "audio books", "outings", "tea and chat", "technology tips"],
        "easy": [["This group is for people who cannot see well.", "This is a group for blind and partly sighted people."],
                 "WHEN", ["You can try things that help you see or hear.", "You can meet other people with sight loss."],
                 ["A helper can meet you at the bus stop."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}, {"kinds": ["pay-session"], "price": (150, 300), "notes": "{price} towards refreshments."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (50, None)],
        "elig_notes": ["Anyone with sight loss. Registration as sight impaired is not needed."],
    },
    "deaf_club": {
        "tier": "community", "kinds": ["community-group"], "needs": ["sensory-impairment"],
        "summary": [
            "A social club in {town} for Deaf people who use British Sign Language (BSL).",
            "A Deaf social club in {town}, with BSL conversation, games and events.",
        ],
        "paras": [
            ["{name} is run by Deaf people for Deaf people. Everything happens in British Sign Language, and hearing friends who sign are welcome.",
             "{provider} runs {name} as a place for Deaf people to meet, share news and relax in BSL."],
            ["The club meets {when} at {venue}. The room has good lighting for signing.",
             "We meet {when} at {venue_full}."],
            ["There are quiz nights, darts, bingo, talks from visiting speakers with BSL interpreters, and an annual Deaf Awareness Week event.",
             "Older Deaf members and Deafblind members are supported to join in, with guides and tactile signing when needed."],
        ],
        "activities": ["BSL conversation", "quiz nights", "darts", "bingo", "visiting speakers", "social events"],
        "easy": [["This club is for Deaf people who use sign language.", "Deaf people can meet here and sign."],
                 "WHEN", ["Everyone uses British Sign Language.", "You can play games and chat in BSL."], ["Hearing friends who sign are welcome."]],
        "cost": _SMALL_CHARGE(200, 400, ["{price} a night.", "{price}; members' annual fee £10."]),
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Deaf and hard of hearing adults, and people who use BSL."],
    },
    "hearing_support": {
        "tier": "community", "kinds": ["community-group", "skills-learning"], "needs": ["sensory-impairment", "older-people"],
        "summary": [
            "A friendly group in {town} for people with hearing loss: lipreading practice, tips and company.",
            "Learn lipreading and ways to manage hearing loss, with others who know how it feels.",
        ],
        "paras": [
            ["{name} helps adults who are losing their hearing to keep talking, keep going out and stay in touch. It is run by {provider}.",
             "{provider} runs {name} for people with mild to severe hearing loss. Sessions are taught by a qualified lipreading tutor."],
            ["We meet {when} at {venue}, which has a hearing loop.",
             "Sessions run {when} at {venue}."],
        ],
        "extra": ["There is also advice on hearing aids, loops, phones and captions, and a chance to share what works."],
        "activities": ["lipreading practice", "hearing aid tips", "tea and chat", "equipment advice"],
        "easy": [["This group is for people who are losing their hearing.", "Learn to lipread with friendly people."],
                 "WHEN", ["The room has a hearing loop.", "You can get tips about hearing aids."], ["Anyone with hearing loss can come."]],
        "cost": _SMALL_CHARGE(300, 600, ["{price} a session.", "{price} a week, or £40 a term."]),
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with any level of hearing loss."],
    },
    "mh_peer": {
        "tier": "community", "kinds": ["community-group"], "needs": ["mental-health"],
        "summary": [
            "A peer support group in {town} for adults living with anxiety, depression or other mental health difficulties.",
            "A safe, friendly space in {town} to talk, listen and share what helps with your mental health.",
            "A wellbeing group where people with lived experience of mental ill health support each other.",
        ],
        "paras": [
            ["{name} is run by {provider}. It is led by trained peer facilitators who have their own experience of mental ill health, and it is not a clinical service.",
             "At {name} you can talk openly about how you are feeling, or just listen. The group is confidential and nobody has to share more than they want to.",
             "{provider} runs {name} for adults who are struggling with low mood, anxiety, stress or loneliness and would like to be with people who understand."],
            ["We meet {when} at {venue}. You can drop in without booking.",
             "The group meets {when} at {venue_full}. Please arrive a few minutes early on your first visit so we can say hello."],
            ["Sessions usually begin with a check-in and a cup of tea, then a theme such as sleep, self-care or coping with difficult days. There is no pressure to speak.",
             "Alongside the talking there are creative sessions, wellbeing walks and a monthly visit from a local service who can answer questions.",
             "Some weeks we try something practical, such as a breathing exercise, a short walk or a craft, because sometimes it is easier to talk while your hands are busy."],
        ],
        "extra": ["This group is not a crisis service. If you need urgent help, call NHS 111 and choose the mental health option."],
        "activities": ["peer support", "talking and listening", "wellbeing walks", "creative sessions", "mindfulness", "tea and chat"],
        "easy": [["This group is for people who feel anxious or low.", "This is a group to talk about how you feel."],
                 "WHEN", ["You can talk or just listen.", "People here understand how you feel."],
                 ["What you say stays in the group.", "You do not need to book."]],
        "cost": [{"kinds": ["free"], "notes": ["Free.", "Free. Tea and biscuits provided."]}],
        "join": [["self-referral"], ["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with any mental health difficulty. No diagnosis or referral needed.", ""],
    },
    "walking_group": {
        "tier": "community", "kinds": ["community-group"], "needs": ["mental-health", "older-people"],
        "summary": [
            "A short, gentle led walk in {town} for people who want fresh air, exercise and a chat.",
            "Friendly wellbeing walks of about an hour, at an easy pace, with a walk leader.",
        ],
        "paras": [
            ["{name} is a led walk for people who would like to get moving at their own pace. Walks are led by trained volunteers from {provider} and there is always a back marker so nobody is left behind.",
             "Walking with others is good for body and mind. {name} welcomes people who are recovering from illness, living with low mood or just starting to be more active.",
             "{name} is a gentle, sociable walk on good paths, run by {provider}. It is a good way to get some exercise and fresh air without having to go on your own."],
            ["We meet {when} at {venue}. Walks last about an hour and finish with an optional cuppa.",
             "The walk sets off {when} from {venue}."],
        ],
        "extra": ["Wear comfortable shoes and bring a waterproof. Walks go ahead in most weather but are called off in ice, snow or strong winds."],
        "activities": ["led walks", "nature spotting", "tea afterwards", "photography walks"],
        "easy": [["This is a walking group.", "Come for a gentle walk with other people."],
                 "WHEN", ["The walks are slow and short.", "A leader shows the way."], ["You can have a drink after the walk.", "Wear comfy shoes."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Anyone who can walk for about an hour on flat paths, with rests.", ""],
    },
    "garden_group": {
        "tier": "community", "kinds": ["community-group", "volunteering"],
        "needs": ["learning-disability", "mental-health", "autism"],
        "summary": [
            "Therapeutic gardening in {town}: grow fruit, vegetables and flowers with support, whatever your experience.",
            "A community growing project for adults with learning disabilities or mental health needs.",
        ],
        "paras": [
            ["{name} is a therapeutic gardening project run by {provider}. People with learning disabilities, autism and mental health needs work alongside volunteers and a horticultural therapist.",
             "{provider} runs {name} as a place to be outdoors, learn new skills and be part of a team. There is a job for everyone, from sowing seeds to making compost."],
            ["Sessions run {when} at {venue}. You can come to one session a week or several.",
             "We garden {when} at {venue_full}."],
            ["We grow vegetables, fruit and cut flowers, keep bees and chickens, and sell produce at a monthly stall. Tools are adapted and there are raised beds at wheelchair height.",
             "As well as growing, people learn to cook what we harvest, make bird boxes and look after the wildlife pond."],
        ],
        "activities": ["growing vegetables", "planting", "composting", "beekeeping", "looking after chickens", "cooking with produce", "woodwork", "selling at the stall"],
        "easy": [["This is a garden project.", "You can grow food and flowers here."],
                 "WHEN", ["You will work with a friendly team.", "You can learn how to grow things."],
                 ["You will be outside in the fresh air."]],
        "cost": [{"kinds": ["pay-session", "direct-payment", "funded"], "price": (2500, 4500), "notes": "{price} a day for supported places. Volunteers with no support needs come free."},
                 {"kinds": ["free"], "notes": "Free for volunteers."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with learning disabilities, autism or mental health needs. People who need personal care should bring a support worker."],
    },
    "workshop_shed": {
        "tier": "community", "kinds": ["community-group"], "needs": ["mental-health", "older-people"],
        "summary": [
            "A community workshop in {town} where people make, mend and chat over a brew.",
            "Woodwork, repairs and company in a friendly shed, for anyone who wants something useful to do.",
        ],
        "paras": [
            ["{name} is a workshop where people come to work on projects, share skills and enjoy each other's company. Many members are retired, some are living with depression or loneliness, and everyone is welcome.",
             "{provider} runs {name} as a place to make things and make friends. You can bring your own project or help with community jobs such as planters and benches."],
            ["The workshop is open {when} at {venue}.",
             "We are open {when} at {venue_full}."],
            ["There are lathes, saws and hand tools, and experienced members will show you how to use them safely. The kettle is always on.",
             "Projects include bird boxes, furniture repair, bike servicing and toys for local charities."],
        ],
        "activities": ["woodwork", "repairs", "bike servicing", "metalwork", "making planters", "tea and chat"],
        "easy": [["This is a workshop where you can make things.", "You can make and mend things here."],
                 "WHEN", ["People will show you how to use tools.", "You can make friends here."], ["The kettle is always on."]],
        "cost": _SMALL_CHARGE(200, 500, ["{price} a visit towards materials.", "{price} a session; first visit free."]),
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Anyone aged 18 or over. Under-18s with an adult."],
    },
    "arts_studio": {
        "tier": "community", "kinds": ["community-group", "skills-learning"],
        "needs": ["learning-disability", "mental-health", "autism"],
        "summary": [
            "An inclusive art group in {town} for adults with learning disabilities or mental health needs.",
            "Painting, printmaking and crafts in a relaxed studio, led by working artists.",
        ],
        "paras": [
            ["{name} is an inclusive art group run by {provider}. Sessions are led by professional artists, and you do not need any experience.",
             "{provider} runs {name} for adults who want to be creative, try new materials and share their work.",
             "At {name} people paint, draw and make things for the pleasure of it. Some members are working towards exhibitions, others just enjoy a calm afternoon with a brush in hand."],
            ["The group meets {when} at {venue}. All materials are provided.",
             "Sessions run {when} at {venue}."],
            ["Projects include painting, printmaking, clay, textiles and collage, and members show their work at an exhibition every year.",
             "The studio is calm and there is space to work alone or with others. Artists adapt tools for people with limited grip."],
        ],
        "activities": ["painting", "printmaking", "clay", "textiles", "collage", "drawing", "exhibitions", "pottery"],
        "easy": [["This is an art group.", "You can paint and make things here."],
                 "WHEN", ["Artists help you try new things.", "You do not need to be good at art."], ["All the art things are free to use."]],
        "cost": _SMALL_CHARGE(500, 1500, ["{price} a session, materials included.", "{price}; support workers free."]),
        "join": [["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with learning disabilities, autism or mental health needs. Support workers are welcome."],
    },
    "inclusive_sport": {
        "tier": "community", "kinds": ["community-group"], "needs": ["physical-disability", "learning-disability"],
        "summary": [
            "Inclusive sport in {town} for disabled adults, with trained coaches and adapted equipment.",
            "A friendly, all-abilities sports session for adults with physical or learning disabilities.",
        ],
        "paras": [
            ["{name} is run by {provider} for disabled adults who want to keep fit, have fun and maybe compete. Coaches are trained in disability sport.",
             "{provider} runs {name} as an all-abilities session: wheelchair users, people with learning disabilities and people with long-term conditions play together.",
             "At {name} the focus is on having fun, getting fitter and being part of a team. Some members go on to play in regional competitions, and many just come for the exercise and the banter."],
            ["Sessions run {when} at {venue}. Equipment is provided.",
             "We meet {when} at {venue_full}."],
        ],
        "extra": ["Personal assistants and carers come free and are welcome to join in.",
                  "The venue has a hoist and accessible changing, and coaches can adapt every activity."],
        "activities": ["boccia", "swimming", "wheelchair basketball", "football", "cycling", "fitness", "canoeing", "table tennis"],
        "easy": [["This is a sports club for disabled adults.", "You can play sport here with friendly coaches."],
                 "WHEN", ["Coaches help everyone join in.", "There is special kit if you need it."], ["Your carer can come for free."]],
        "cost": _SMALL_CHARGE(300, 700, ["{price} a session. Carers free.", "{price}; first session free."]),
        "join": [["self-referral", "carer"]],
        "age": [(16, None), (18, None)],
        "elig_notes": ["Disabled adults of all abilities."],
    },
    "chair_exercise": {
        "tier": "community", "kinds": ["community-group"], "needs": ["older-people", "physical-disability"],
        "summary": [
            "A gentle exercise class in {town} for older people, mostly done sitting down.",
            "Strength and balance exercise for older people, to help you stay steady on your feet.",
        ],
        "paras": [
            ["{name} is a gentle class run by {provider}, led by an instructor trained in exercise for older adults. Most of it is done sitting down, with standing work for those who can.",
             "Staying active helps you stay independent. {name} is a friendly class that builds strength, balance and confidence, with music and plenty of laughs.",
             "{name} is for older people who want to stay steady on their feet and keep doing the things they enjoy. Exercises are shown seated and standing, so you can choose what suits you."],
            ["Classes run {when} at {venue}.",
             "The class meets {when} at {venue_full}."],
        ],
        "extra": ["Tell the instructor about any health conditions before you start. Classes can be adapted for people who use wheelchairs."],
        "activities": ["seated exercise", "strength and balance", "music", "stretching", "tai chi"],
        "easy": [["This is a gentle exercise class for older people.", "You can do exercise sitting in a chair."],
                 "WHEN", ["The exercise helps you stay strong.", "It helps stop falls."], ["There is music and tea after."]],
        "cost": _SMALL_CHARGE(300, 600, ["{price} a class.", "{price} a class, pay on the day."]),
        "join": [["self-referral"]],
        "age": [(60, None), (55, None), (18, None)],
        "elig_notes": ["Older people and adults with long-term conditions.", ""],
    },
    "carers_cafe": {
        "tier": "community", "kinds": ["community-group"], "needs": ["carers-break", "mental-health"],
        "summary": [
            "A relaxed meeting place in {town} for unpaid carers to take a break and talk to others who understand.",
            "Time out for carers: a chat, a hot drink and information, with people who know what caring is like.",
        ],
        "paras": [
            ["{name} is for anyone who looks after a family member or friend who could not manage without them. It is run by {provider}.",
             "Caring can be lonely and tiring. {provider} runs {name} so carers can meet, share tips and have a bit of time for themselves.",
             "{name} is a space for carers to put themselves first for a couple of hours. Whether you care for a partner, a parent or a grown-up son or daughter, you will find people who understand."],
            ["We meet {when} at {venue}.",
             "The group meets {when} at {venue_full}."],
            ["A carers' support worker is there to answer questions about benefits, breaks and getting help. Sometimes there is a therapist offering hand massage or a guest speaker.",
             "There is no agenda: just tea, a listening ear and information when you want it."],
        ],
        "activities": ["chat", "information and advice", "pamper sessions", "guest speakers", "walks"],
        "easy": [["This group is for people who look after someone.", "This is a break for carers."],
                 "WHEN", ["You can have a chat and a drink.", "You can meet other carers."], ["Someone can answer your questions."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Unpaid carers of any age over 18.", "Adult carers. Young adult carers aged 16 and over welcome."],
    },
    "young_adults": {
        "tier": "community", "kinds": ["community-group"], "needs": ["learning-disability", "autism"],
        "summary": [
            "A social group in {town} for young people aged 16 to 25 with learning disabilities or autism.",
            "Social sessions for young adults with additional needs, run by youth workers.",
        ],
        "paras": [
            ["{name} is run by {provider} for young people aged 16 to 25 with learning disabilities or autism. It is a place to hang out, try new things and make friends after leaving school.",
             "Leaving school can mean losing touch with friends. {provider} runs {name} so young adults can keep a social life, with youth workers on hand.",
             "{name} is a relaxed youth club for young adults aged 16 to 25 with learning disabilities or autism, run by {provider}. Parents drop off, and young people get some independence."],
            ["Sessions run {when} at {venue}.",
             "We meet {when} at {venue_full}."],
            ["Members plan the programme: gaming, cooking, music, sport and trips out to the cinema, bowling and trampolining.",
             "There is a gaming corner, a chill-out room, a kitchen and a music studio. Young people help run the tuck shop."],
        ],
        "activities": ["gaming", "cooking", "music", "trips out", "sport", "chill-out room", "tuck shop"],
        "easy": [["This group is for young people aged 16 to 25.", "This is a club for young adults."],
                 "WHEN", ["You can play games, cook and go on trips.", "You can make friends here."], ["Youth workers help out."]],
        "cost": _SMALL_CHARGE(200, 500, ["{price} a session.", "{price}. Trips cost extra."]),
        "join": [["self-referral", "carer"]],
        "age": [(16, 25)],
        "elig_notes": ["Young people aged 16 to 25 with a learning disability or autism."],
    },
    "music_drama": {
        "tier": "community", "kinds": ["community-group"], "needs": ["learning-disability", "autism"],
        "summary": [
            "An inclusive drama and music group in {town} for adults with learning disabilities.",
            "Make music, act and perform with a friendly group of adults with learning disabilities.",
        ],
        "paras": [
            ["{name} is run by {provider}. Members devise their own shows, write songs and perform for friends and family twice a year.",
             "{provider} runs {name} for adults who love performing or want to give it a go. Sessions are led by theatre and music practitioners."],
            ["We meet {when} at {venue}.",
             "Rehearsals run {when} at {venue_full}."],
        ],
        "extra": ["Performers of every ability take part, including people who do not use speech. There are roles on stage and behind the scenes."],
        "activities": ["drama", "singing", "drumming", "songwriting", "performances", "dance"],
        "easy": [["This is a drama and music group.", "You can act, sing and make music."],
                 "WHEN", ["You can be in a show.", "You do not need to have done it before."], ["Everyone can take part."]],
        "cost": _SMALL_CHARGE(300, 800, ["{price} a session. Support workers free.", "{price} a week, paid termly."]),
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with learning disabilities or autism."],
    },
})


ARCHETYPES.update({
    "sitting_service": {
        "tier": "community", "kinds": ["outreach"], "needs": ["carers-break", "dementia", "older-people"],
        "summary": [
            "A trained sitter stays with the person you care for at home, so you can have a few hours off.",
            "Breaks for carers in {area}: a regular sitter at home while you go out, rest or see friends.",
        ],
        "paras": [
            ["{name} gives unpaid carers a regular break. A trained, checked sitter from {provider} comes to your home and spends time with the person you care for, so you can go out knowing they are in good hands.",
             "{provider} runs {name} across {area}. The same sitter visits each time, so the person you care for gets to know them."],
            ["Sitters chat, play games, look at photos, make drinks and snacks and help with going to the toilet. They do not give medication or nursing care.",
             "Visits are usually two to four hours, once a week or once a fortnight. Evening and weekend visits can be arranged."],
        ],
        "activities": ["company at home", "games", "reminiscence", "making drinks and snacks", "short walks"],
        "easy": [["A helper comes to your home.", "A friendly helper visits the person you look after."],
                 "WHEN", ["You can go out or have a rest.", "You can have a few hours for yourself."], ["The same helper comes each time."]],
        "easy_flex": "Visits are arranged with you.",
        "schedule": ["Visits of 2 to 4 hours, arranged with you. Weekdays, evenings and some weekends.",
                     "Weekly or fortnightly visits, arranged with you, including evenings."],
        "cost": [{"kinds": ["funded", "direct-payment", "pay-session"], "price": (2800, 4800), "notes": "{price} for a three-hour visit for self-funders."},
                 {"kinds": ["free", "funded"], "notes": "Free to carers who have had a carer's assessment; up to 6 hours a month."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["For unpaid carers of adults living in {area}."],
    },
    "living_skills": {
        "tier": "enablement", "kinds": ["skills-learning"], "needs": ["learning-disability", "autism"],
        "summary": [
            "{a_weeks} course in {town} that helps adults with learning disabilities learn to cook, shop, budget and look after a home.",
            "Short, practical course to build independent living skills, ahead of moving into your own place.",
        ],
        "paras": [
            ["{name} is a time-limited course from {provider} for adults with learning disabilities or autism who want to become more independent. It lasts {weeks} weeks.",
             "{provider} runs {name} for adults who are planning to move out, or who want to do more for themselves at home. The course lasts {weeks} weeks and has clear goals agreed with you."],
            ["Sessions run {when} at {venue}, in a training flat with a real kitchen, laundry and lounge.",
             "The group meets {when} at {venue}. Some sessions happen in local shops, banks and on the bus."],
            ["You will practise cooking simple meals, shopping to a budget, using a washing machine, keeping safe at home and managing appointments. At the end you get a record of what you can do and what to work on next.",
             "Each person has a personal plan. Staff work in small groups and step back as you get more confident."],
        ],
        "activities": ["cooking", "shopping to a budget", "laundry", "money skills", "home safety", "using the phone", "planning the week"],
        "easy": [["This is a short course about living on your own.", "This course helps you do more things for yourself."],
                 "WHEN", ["It lasts {weeks} weeks.", "The course is for {weeks} weeks."],
                 ["You learn to cook, shop and look after money.", "You practise cooking and cleaning."],
                 ["Staff help you set goals."]],
        "cost": [{"kinds": ["funded"], "notes": "No charge: this is a council service."},
                 {"kinds": ["funded", "free"], "notes": "Free for people who meet the criteria."}],
        "join": [["social-worker"], ["social-worker", "carer"]],
        "age": [(18, None), (17, None)],
        "elig_notes": ["Adults with learning disabilities or autism who live in Cheshire East. Ask your social worker.",
                       "For people who have a goal of living more independently. Places agreed through adult social care."],
        "vacancy": {"spaces": 3, "waiting-list": 4, "full": 1},
        "weeks": [8, 10, 12],
    },
    "travel_training": {
        "tier": "enablement", "kinds": ["skills-learning", "outreach"], "needs": ["learning-disability", "autism", "mental-health"],
        "summary": [
            "One-to-one travel training in {area}: learn to use buses and trains on your own, step by step.",
            "A trainer travels with you until you can make your own journeys to college, work or the shops.",
        ],
        "paras": [
            ["{name} helps people learn to travel on their own. A travel trainer from {provider} works one to one with you on the journeys you need, such as to work, college or a day activity.",
             "{provider} runs {name} for adults who would like to use public transport but feel anxious or unsure. Training lasts up to {weeks} weeks."],
            ["The trainer starts by travelling with you, then follows at a distance, then meets you at the other end. You learn to plan a route, buy tickets, and what to do if a bus does not come.",
             "We work on road safety, timetables, money and phones, and what to do if something goes wrong. Most people are travelling on their own within {weeks} weeks."],
        ],
        "activities": ["route planning", "bus journeys", "train journeys", "road safety", "using a travel app", "what to do if lost"],
        "easy": [["A trainer helps you learn to use the bus.", "This helps you travel on your own."],
                 "WHEN", ["The trainer comes with you at first.", "You learn one journey at a time."], ["It lasts up to {weeks} weeks."]],
        "easy_flex": "Times are agreed with you.",
        "schedule": ["Arranged with you, weekdays 8am to 6pm, for up to {weeks} weeks.", "Sessions arranged around the journeys you need to make."],
        "cost": [{"kinds": ["funded", "free"], "notes": "No charge."}],
        "join": [["social-worker", "self-referral", "carer"]],
        "age": [(16, None), (18, None)],
        "elig_notes": ["People aged 16 and over with a learning disability, autism or mental health needs."],
        "weeks": [6, 8, 10],
    },
    "cooking_course": {
        "tier": "community", "kinds": ["skills-learning"], "needs": ["learning-disability", "mental-health"],
        "summary": [
            "A friendly cooking class in {town}: learn simple, healthy meals on a budget and eat together.",
            "Practical cookery sessions for adults who want to cook more for themselves.",
        ],
        "paras": [
            ["{name} is run by {provider}. Each session you cook a simple meal from scratch with a small group, then sit down and eat it together.",
             "{provider} runs {name} for adults who would like more confidence in the kitchen, including people with learning disabilities and mental health needs."],
            ["Sessions run {when} at {venue}.",
             "We cook {when} at {venue_full}."],
        ],
        "extra": ["Recipes come in easy-read picture form to take home, with a shopping list and costs."],
        "activities": ["cooking", "food hygiene", "budgeting", "shopping lists", "eating together"],
        "easy": [["This is a cooking class.", "You can learn to cook easy meals."],
                 "WHEN", ["You eat the food you make.", "You get a picture recipe to take home."], ["The food is cheap and healthy."]],
        "cost": _SMALL_CHARGE(300, 800, ["{price} a session, ingredients included.", "{price}. Support workers free."]),
        "join": [["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Adults who want to learn to cook. Support workers welcome."],
    },
    "digital_skills": {
        "tier": "community", "kinds": ["skills-learning"], "needs": ["older-people", "learning-disability"],
        "summary": [
            "Friendly help in {town} to use your phone, tablet or computer, at your own pace.",
            "A drop-in where volunteers help you get online: video calls, emails, shopping and staying safe.",
        ],
        "paras": [
            ["{name} is run by {provider}. Bring your own phone, tablet or laptop, or borrow one of ours, and a volunteer will help you with whatever you want to learn.",
             "{provider} runs {name} for anyone who finds technology confusing. No question is too small.",
             "Whether you want to video call the grandchildren, order a prescription or just stop your phone beeping, the volunteers at {name} will help, slowly and without jargon."],
            ["Sessions run {when} at {venue}.",
             "We are at {venue} {when}."],
        ],
        "extra": ["Popular topics include video calls with family, NHS app, online shopping, photos and spotting scams."],
        "activities": ["video calls", "email", "online shopping", "NHS app", "staying safe online", "photos"],
        "easy": [["Get help with your phone or tablet.", "This is help to use computers and phones."],
                 "WHEN", ["A helper sits with you.", "You can learn at your own speed."], ["Bring your phone or tablet if you have one."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None), (50, None)],
        "elig_notes": ["Anyone who wants help with technology.", ""],
    },
    "recovery_college": {
        "tier": "enablement", "kinds": ["skills-learning"], "needs": ["mental-health"],
        "summary": [
            "A free course of {weeks} weeks in {town} about managing your mental health, taught by people with lived experience.",
            "Short recovery course for adults with mental health needs: learn tools that help, with others who understand.",
        ],
        "paras": [
            ["{name} is one of the short courses from {provider}. Each course is taught by a mental health professional and a peer trainer who has their own experience of recovery.",
             "{provider} offers {name} to adults who want to understand their mental health and find what helps. It runs for {weeks} weeks."],
            ["The course meets {when} at {venue}, for {weeks} weeks.",
             "Sessions run {when} at {venue}. New courses start every term."],
            ["Topics include understanding your feelings, sleep, managing worry, building routines and planning for setbacks. You are a student, not a patient, and you can share as much or as little as you like.",
             "It is a relaxed classroom: there is no homework, no tests, and a break with tea halfway through."],
        ],
        "activities": ["recovery planning", "managing anxiety", "sleep", "confidence building", "peer learning"],
        "easy": [["This is a short course about your mental health.", "Learn ways to feel better."],
                 "WHEN", ["It lasts {weeks} weeks.", "The course is {weeks} weeks long."],
                 ["People who have felt the same teach it.", "You can share a little or a lot."]],
        "cost": [{"kinds": ["free"], "notes": "Free. Enrol online or by phone."}],
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with mental health needs, their carers, and staff.", "No diagnosis or referral needed."],
        "weeks": [6, 8, 10],
    },
    "reablement_home": {
        "tier": "enablement", "kinds": ["outreach"], "needs": ["older-people", "physical-disability"],
        "summary": [
            "Up to six weeks of support at home in {area} after illness, a fall or a hospital stay, to get back your independence.",
            "Short-term support at home to help you wash, dress and cook for yourself again.",
        ],
        "paras": [
            ["{name} is a short-term service from {provider}. Support workers and occupational therapists visit you at home to help you relearn everyday tasks after a spell in hospital, a fall or an illness.",
             "{provider} runs {name} across {area}. The aim is to help you do as much as possible for yourself, so that you need less care in the long run."],
            ["Support lasts up to {weeks} weeks. Visits start several times a day and reduce as you get more confident. We can also arrange equipment such as grab rails and perching stools.",
             "We agree goals with you, such as making a hot drink or getting to the shop, and review progress every week. At the end we help you plan what happens next."],
        ],
        "activities": ["washing and dressing practice", "kitchen skills", "walking practice", "equipment", "confidence building"],
        "easy": [["Helpers visit you at home after a hospital stay.", "This helps you get better at home."],
                 "WHEN", ["You practise washing, dressing and cooking.", "Helpers show you how to do things again."], ["It lasts up to {weeks} weeks."]],
        "easy_flex": "Visits are at times that suit you.",
        "schedule": ["Visits arranged with you, 7am to 10pm, seven days a week, for up to {weeks} weeks.",
                     "Home visits at agreed times, any day of the week, for up to {weeks} weeks."],
        "cost": [{"kinds": ["funded", "free"], "notes": "Free for up to six weeks."}],
        "join": [["social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["Adults living in {area} who could regain independence with short-term support. Usually arranged by the hospital or a social worker."],
        "weeks": [6],
    },
    "sight_loss_skills": {
        "tier": "enablement", "kinds": ["outreach", "skills-learning"], "needs": ["sensory-impairment"],
        "summary": [
            "Home visits in {area} from a rehabilitation worker to help you live safely and independently with sight loss.",
            "Learn new ways to cook, read, move around and use technology after losing your sight.",
        ],
        "paras": [
            ["{name} is a short programme from {provider} for adults who have recently lost some or all of their sight. A qualified rehabilitation worker visits you at home.",
             "{provider} runs {name} across {area}. It lasts up to {weeks} weeks and is built around what you want to be able to do."],
            ["You can learn to cook safely, label and find things at home, use a long cane, cross roads and use talking technology. We also look at lighting and magnifiers.",
             "Sessions cover mobility, daily living skills, communication and technology. At the end we link you with local groups and support."],
        ],
        "activities": ["mobility training", "cane skills", "kitchen skills", "talking technology", "lighting and magnifiers"],
        "easy": [["A trainer visits you at home.", "This helps people who are losing their sight."],
                 "WHEN", ["You learn to cook and get about safely.", "You can learn to use talking gadgets."], ["It lasts up to {weeks} weeks."]],
        "easy_flex": "Visits are arranged with you.",
        "schedule": ["Home visits arranged with you, weekdays, for up to {weeks} weeks."],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with sight loss living in {area}."],
        "weeks": [8, 10, 12],
    },
    "transition_skills": {
        "tier": "community", "kinds": ["skills-learning", "day-centre"], "needs": ["learning-disability", "autism"],
        "summary": [
            "A skills programme in {town} for young people aged 16 to 25 with learning disabilities or autism, as they leave school or college.",
            "Learn life and work skills, make friends and plan your future: a day programme for young adults.",
        ],
        "paras": [
            ["{name} is for young people aged 16 to 25 with learning disabilities or autism. It is run by {provider} and helps people move from school or college into adult life.",
             "{provider} runs {name} as a bridge between education and adult life. Young people choose from a timetable of life skills, work skills and social activities."],
            ["The programme runs {when} at {venue}.",
             "We are open {when} at {venue_full}."],
            ["Young people work towards their own goals, such as cooking a meal, using the bus, doing work experience or joining a club. Families are involved in planning.",
             "There are sessions on money, cooking, travel, relationships, staying safe online and getting ready for work, with trips into {town} every week."],
        ],
        "activities": ["cooking", "money skills", "travel skills", "work experience", "relationships and staying safe", "sport", "trips out"],
        "easy": [["This is for young people aged 16 to 25.", "This programme is for young adults leaving school."],
                 "WHEN", ["You learn skills for adult life.", "You can learn to cook, travel and use money."],
                 ["You can try work experience.", "You will make new friends."]],
        "easy_verb": "runs",
        "cost": [{"kinds": ["funded", "direct-payment"], "notes": "Funded through adult social care or an education, health and care plan."},
                 {"kinds": ["funded", "direct-payment", "pay-session"], "price": (4500, 6000), "notes": "{price} a day for private places."}],
        "join": [["social-worker", "carer"]],
        "age": [(16, 25)],
        "elig_notes": ["Young people aged 16 to 25 with a learning disability or autism, including those with an EHC plan."],
        "vacancy": {"spaces": 3, "waiting-list": 3, "full": 1},
    },
    "memory_course": {
        "tier": "enablement", "kinds": ["skills-learning"], "needs": ["dementia", "carers-break"],
        "summary": [
            "A short course in {town} for people recently diagnosed with dementia and their family, about living well with memory loss.",
            "Learn about dementia, practical memory aids and local support, with others at the same stage.",
        ],
        "paras": [
            ["{name} is {a_weeks} course from {provider} for people who have recently been told they have dementia, and the people close to them.",
             "After a dementia diagnosis many people feel lost. {name}, run by {provider}, gives you time, information and the company of people in the same position."],
            ["The course runs {when} at {venue}, for {weeks} weeks.",
             "Sessions are {when} at {venue}."],
            ["Topics include understanding the diagnosis, memory aids and routines, staying active, legal and money matters, and where to find support. Carers have a separate session each week.",
             "Each week covers one topic, with a short talk, practical tips and time to talk. People often stay in touch afterwards."],
        ],
        "activities": ["information sessions", "memory aids", "planning ahead", "carers' session", "peer support"],
        "easy": [["This is a short course about dementia.", "This course is for people just told they have dementia."],
                 "WHEN", ["It lasts {weeks} weeks.", "The course runs for {weeks} weeks."],
                 ["You can bring a family member.", "You learn tips to help your memory."]],
        "cost": [{"kinds": ["free"], "notes": "Free. Please book."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["People diagnosed with dementia in the last year or so, and their carers."],
        "weeks": [6, 7, 8],
    },
    "job_coaching": {
        "tier": "community", "kinds": ["supported-employment"], "needs": ["learning-disability", "autism"],
        "summary": [
            "Supported employment in {town}: a job coach helps disabled adults find paid work and settle in.",
            "Help to find a job and keep it, with a job coach who supports you and your employer.",
        ],
        "paras": [
            ["{name} is a supported employment service run by {provider}. A job coach gets to know you, what you are good at and what kind of work you want, then helps you find a real paid job.",
             "{provider} helps disabled adults into paid work through {name}. We work with local employers in shops, warehouses, offices, cafés and garden centres."],
            ["You can meet your job coach {when} at {venue}, and the coach also works with you at your workplace.",
             "The team is at {venue} {when}, and coaches visit workplaces across {town}."],
            ["Support includes a vocational profile, CV writing, interview practice, work tasters and travel training. Once you start work, your job coach helps you learn the job and checks in with you and your manager for as long as you need.",
             "We also help with Access to Work, benefits advice so you know work will leave you better off, and training for your employer."],
        ],
        "activities": ["job coaching", "CV writing", "interview practice", "work tasters", "travel training", "benefits advice"],
        "easy": [["This helps you get a paid job.", "A job coach helps you find work."],
                 "WHEN", ["The job coach helps you at work too.", "You can practise interviews."],
                 ["You can try different jobs first."]],
        "cost": [{"kinds": ["free"], "notes": "Free to job seekers."}, {"kinds": ["free", "funded"], "notes": "No charge."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with learning disabilities or autism who want paid work.", "Disabled adults of working age who want a paid job."],
        "vacancy": {"spaces": 5, "waiting-list": 3, "full": 1},
    },
    "work_cafe": {
        "tier": "community", "kinds": ["supported-employment", "skills-learning"],
        "needs": ["learning-disability", "autism", "mental-health"],
        "summary": [
            "Real work experience in a busy {town} café, with training towards food hygiene and customer service qualifications.",
            "Traineeships in a social enterprise, building skills and confidence for paid work.",
        ],
        "paras": [
            ["{name} gives adults with learning disabilities, autism or mental health needs the chance to train and work in a real business. It is run by {provider}.",
             "Trainees at {name} work front of house, in the kitchen and on deliveries, with support from job coaches at {provider}."],
            ["Placements run {when} at {venue}. Most trainees do two or three shifts a week.",
             "The café trains people {when} at {venue_full}."],
            ["Trainees can gain a food hygiene certificate, barista skills and a reference for future jobs. Several have gone on to paid work in local cafés and shops.",
             "We set goals together and review them every six weeks. When you are ready, we help you apply for paid jobs."],
        ],
        "activities": ["customer service", "barista training", "food preparation", "cash handling", "food hygiene certificate", "deliveries"],
        "easy": [["You can train to work in a café.", "This is work training in a real café."],
                 "WHEN", ["You learn to make coffee and serve people.", "You can get a certificate."], ["Job coaches help you."]],
        "cost": [{"kinds": ["direct-payment", "funded", "pay-session"], "price": (2500, 4000), "notes": "{price} a day for supported trainees."},
                 {"kinds": ["free"], "notes": "Free placement for trainees."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with a learning disability, autism or mental health needs who want to work."],
    },
    "mh_employment": {
        "tier": "community", "kinds": ["supported-employment", "outreach"], "needs": ["mental-health"],
        "summary": [
            "One-to-one help in {area} for people with mental health needs who want to find work or stay in their job.",
            "An employment specialist helps you find a job that suits you and supports you once you start.",
        ],
        "paras": [
            ["{name} is an employment service from {provider} for adults with mental health difficulties. You work with an employment specialist who meets you where you feel comfortable.",
             "{provider} runs {name} across {area}. It follows the evidence-based individual placement and support approach: paid work first, with support for as long as you need it."],
            ["Support covers CVs, applications, interviews, talking to employers about your mental health and what adjustments might help. If you are off sick from a job, we can help you plan a return.",
             "We look for jobs that match what you want to do, not just what is available, and carry on supporting you and your employer after you start."],
        ],
        "activities": ["employment advice", "CV and applications", "interview practice", "in-work support", "return to work planning"],
        "easy": [["This helps you find a job.", "Get help to find work or keep your job."],
                 "WHEN", ["A worker meets you one to one.", "You can meet in a café or online."], ["They help you after you start work too."]],
        "easy_flex": "You choose when and where to meet.",
        "schedule": ["Meetings arranged with you, weekdays 9am to 5pm, in a café, library or online.",
                     "Weekly meetings at a time and place that suit you."],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "social-worker"]],
        "age": [(18, 64)],
        "elig_notes": ["Adults of working age with mental health needs who want paid work."],
    },
    "supported_volunteering": {
        "tier": "community", "kinds": ["volunteering"], "needs": ["learning-disability", "mental-health", "autism"],
        "summary": [
            "Supported volunteering in {town}: find a role that suits you, with a buddy to help you settle in.",
            "Volunteer with local groups, build skills and confidence, with as much support as you need.",
        ],
        "paras": [
            ["{name} is run by {provider}. We help people who need extra support to find a volunteering role they will enjoy, and a volunteer buddy goes with them for the first few weeks.",
             "{provider} runs {name} for adults who want to give something back, meet people or build skills for work.",
             "Volunteering is a great way to meet people, feel useful and get experience for a future job. {name} makes sure the first step is not a scary one."],
            ["Drop in {when} at {venue} to talk about what you would like to do.",
             "The team is at {venue} {when}."],
            ["Roles include charity shops, food banks, community cafés, gardening, animal rescue and events. We check the role is safe and welcoming, and we stay in touch while you volunteer.",
             "You can volunteer for a couple of hours a week or more. Expenses are paid and you can get a reference."],
        ],
        "activities": ["charity shop work", "food bank", "gardening", "café work", "events", "animal care"],
        "easy": [["This helps you find volunteer work.", "You can help out in your community."],
                 "WHEN", ["A buddy can go with you at first.", "You can choose what you want to do."], ["You can learn new skills."]],
        "cost": [{"kinds": ["free"], "notes": "Free. Travel expenses paid."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Anyone who would like support to volunteer."],
    },
    "conservation_volunteering": {
        "tier": "community", "kinds": ["volunteering", "community-group"], "needs": ["mental-health", "learning-disability"],
        "summary": [
            "Outdoor conservation days around {town}: hedge laying, path repairs and tree planting, with support.",
            "Practical conservation volunteering for your wellbeing, in woods, parks and riversides.",
        ],
        "paras": [
            ["{name} is a practical conservation group run by {provider}. Tasks include coppicing, clearing ponds, repairing paths and planting trees, and everyone works at their own pace.",
             "{provider} runs {name} as a way to be outdoors, learn new skills and do something worthwhile. Many volunteers come for their mental wellbeing."],
            ["Meet {when} at {venue}. Tools, gloves and a hot drink are provided.",
             "The group meets {when} at {venue}."],
        ],
        "extra": ["Volunteers with learning disabilities and mental health needs are very welcome, and our leaders are trained to support them."],
        "activities": ["tree planting", "hedge laying", "path repairs", "pond clearing", "wildlife surveys", "coppicing"],
        "easy": [["This group looks after parks and woods.", "You can help look after nature."],
                 "WHEN", ["You work outside with a team.", "We give you tools and gloves."], ["There is a hot drink."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer"]],
        "age": [(16, None), (18, None)],
        "elig_notes": ["Anyone aged 16 or over. Wear old clothes and sturdy boots."],
    },
    "home_befriending": {
        "tier": "community", "kinds": ["befriending", "outreach"], "needs": ["older-people", "dementia", "mental-health"],
        "summary": [
            "A friendly volunteer visits older people in {area} at home for a chat, a cup of tea or a short outing.",
            "Befriending for lonely or isolated older people: a regular visit from someone who cares.",
        ],
        "paras": [
            ["{name} matches older people who are lonely or isolated with a volunteer befriender from {provider}. Your befriender visits once a week for about an hour.",
             "{provider} runs {name} across {area}. We match you with a volunteer who shares some of your interests, and we keep in touch to check it is going well."],
            ["Befrienders chat, share a cup of tea, play cards or go for a short walk or a coffee. They do not help with personal care or housework.",
             "All befrienders are checked and trained, including in dementia awareness. Many friendships last for years.",
             "We usually have a short wait to be matched, because we take care to find the right person. In the meantime we can arrange a weekly phone call."],
        ],
        "activities": ["home visits", "chat", "short outings", "cards and games", "phone calls"],
        "easy": [["A friendly person visits you at home.", "A helper comes to see you each week."],
                 "WHEN", ["You can have a chat and a cup of tea.", "You can go out for a coffee together."], ["It is free."]],
        "easy_flex": "Visits are at a time that suits you.",
        "schedule": ["Weekly visits of about an hour, arranged with you.", "A weekly visit at a time that suits you and your befriender."],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(60, None), (65, None)],
        "elig_notes": ["Older people living in {area} who are lonely or isolated.", "People aged 65 and over who live alone."],
        "vacancy": {"spaces": 3, "waiting-list": 5, "full": 1},
    },
    "phone_befriending": {
        "tier": "community", "kinds": ["befriending"], "needs": ["older-people", "sensory-impairment"],
        "summary": [
            "A friendly phone call every week from a trained volunteer, for older people across Cheshire East.",
            "Telephone friendship for people who cannot easily get out: a regular chat with someone who listens.",
        ],
        "paras": [
            ["{name} is a telephone befriending service from {provider}. A volunteer rings you at the same time each week for a chat about whatever you like.",
             "{provider} runs {name} for people who are housebound, live far from family or simply would like someone to talk to."],
            ["Calls last between 20 minutes and an hour. Some people also join our group calls, where up to six people chat together on the phone.",
             "Calls are free to you. Volunteers are trained and supported, and everything you say is private."],
        ],
        "activities": ["weekly phone calls", "group phone chats", "quizzes by phone"],
        "easy": [["A friendly person phones you each week.", "You get a phone call for a chat."],
                 "WHEN", ["You can talk about anything.", "The calls are free."], ["It is good if you cannot go out."]],
        "easy_flex": "The call is at a time you choose.",
        "schedule": ["Weekly calls at a time that suits you, including evenings and weekends."],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer"]],
        "age": [(55, None), (18, None)],
        "elig_notes": ["Anyone in Cheshire East who is lonely or cannot get out easily."],
    },
    "ld_befriending": {
        "tier": "community", "kinds": ["befriending"], "needs": ["learning-disability", "autism"],
        "summary": [
            "A volunteer buddy for adults with learning disabilities in {area}, to go out and share interests.",
            "Get matched with a buddy who likes the same things as you: gigs, football, the cinema or a coffee.",
        ],
        "paras": [
            ["{name} matches adults with learning disabilities or autism with a volunteer buddy who shares their interests. It is run by {provider}.",
             "{provider} runs {name} so that people with learning disabilities can have a social life on their own terms, with a friend rather than a support worker."],
            ["Buddies meet about twice a month, often in the evening or at weekends, to go to gigs, matches, the pub, the cinema or for a walk.",
             "We carefully match people and meet you both before you start. Staff keep in touch and are on call if anything goes wrong."],
        ],
        "activities": ["gigs", "football matches", "cinema", "coffee", "walks", "bowling"],
        "easy": [["You can get a buddy to go out with.", "A buddy is a friend who likes the same things."],
                 "WHEN", ["You can go to gigs, football or the cinema.", "You choose what you do together."], ["Staff help you meet your buddy."]],
        "easy_flex": "You and your buddy choose when to meet.",
        "schedule": ["Meet your buddy about twice a month, often evenings and weekends.",
                     "Arranged between you and your buddy, usually evenings and weekends."],
        "cost": [{"kinds": ["free"], "notes": "Free to join. You pay for your own tickets and drinks."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with a learning disability or autism living in {area}."],
        "vacancy": {"spaces": 3, "waiting-list": 4, "full": 1},
    },
    "shared_lives_day": {
        "tier": "community", "kinds": ["shared-lives"], "needs": ["learning-disability", "older-people", "dementia"],
        "summary": [
            "Day support with a Shared Lives carer in {area}: spend the day in a family home and out in the community.",
            "Shared Lives day support: an approved carer welcomes you into their home and daily life.",
        ],
        "paras": [
            ["{name} is part of {provider}. Shared Lives carers are ordinary people, approved and trained by the scheme, who welcome an adult into their family life during the day.",
             "With {name}, you spend the day with a Shared Lives carer who has been matched with you. It is an alternative to a day centre for people who prefer a small, homely setting."],
            ["Days might include cooking lunch together, walking the dog, visiting the garden centre, going to a club or helping on an allotment. Each match is different.",
             "We introduce you to your carer slowly, with visits first, so everyone is sure it is the right match."],
        ],
        "activities": ["home life", "cooking", "walks", "days out", "hobbies", "community clubs"],
        "easy": [["You spend the day with a family.", "A carer looks after you in their home."],
                 "WHEN", ["You can do things you enjoy together.", "You can cook, walk and go out."], ["You meet the carer first to see if you like them."]],
        "easy_flex": "Days are agreed with you and your carer.",
        "schedule": ["Days agreed with you and your Shared Lives carer, usually weekdays.",
                     "Flexible days, including some weekends, agreed at your matching meeting."],
        "cost": [{"kinds": ["funded", "direct-payment", "pay-session"], "price": (4500, 6000), "notes": "{price} a day for self-funders."}],
        "join": [["social-worker", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Adults with support needs who live in {area}. Arranged through the Shared Lives team after an assessment."],
        "vacancy": {"spaces": 3, "waiting-list": 4, "full": 1},
    },
    "community_outreach": {
        "tier": "community", "kinds": ["outreach"], "needs": ["learning-disability", "autism", "mental-health"],
        "summary": [
            "Personal support to get out and about in {area}: a support worker helps you do the things you enjoy.",
            "One-to-one community support for disabled adults, built around your interests and goals.",
        ],
        "paras": [
            ["{name} provides support workers who help adults with learning disabilities, autism or mental health needs take part in their community. It is run by {provider}.",
             "{provider} offers {name} across {area}. Instead of going to a building, you choose what you do: swimming, college, shopping, the gym, volunteering or meeting friends."],
            ["Support is planned around you, often a few hours at a time, and can include evenings and weekends. We try to match you with support workers who share your interests.",
             "We help you build skills and confidence so that, over time, you may need less support. Many people use a direct payment or personal budget."],
        ],
        "activities": ["community activities", "shopping", "swimming", "gym", "college support", "meeting friends"],
        "easy": [["A support worker helps you go out.", "You choose what you want to do."],
                 "WHEN", ["You can go swimming, shopping or to college.", "The worker likes the same things as you."], ["You can use your own money from the council to pay."]],
        "easy_flex": "Times are agreed with you.",
        "schedule": ["Support at times agreed with you, 8am to 10pm, seven days a week.", "Visits arranged with you, weekdays and weekends."],
        "cost": [{"kinds": ["direct-payment", "funded", "pay-session"], "price": (2200, 2800), "notes": "{price} an hour for self-funders."}],
        "join": [["social-worker", "carer", "self-referral"]],
        "age": [(18, None), (16, None)],
        "elig_notes": ["Adults with a learning disability, autism or mental health needs."],
    },
    "online_social": {
        "tier": "community", "kinds": ["online", "community-group"], "needs": ["older-people", "mental-health"],
        "summary": [
            "A friendly online group you can join from home by video call or phone.",
            "Meet people from home: a relaxed video call with a host who makes sure everyone is included.",
        ],
        "paras": [
            ["{name} is an online group run by {provider}. You join from home on a tablet, computer or phone, and a host welcomes everyone and keeps things flowing.",
             "{provider} runs {name} for people who cannot easily get out, or who prefer to meet from home.",
             "{name} brings people together from all over Cheshire East. It is ideal if you are housebound, live in a village without buses or simply enjoy meeting from your armchair."],
            ["It runs {when} on Zoom. You can also dial in from a landline.",
             "We meet {when} by video call. A link is sent out the day before."],
        ],
        "extra": ["If you have never used a video call, a volunteer can ring you beforehand and talk you through it. We can lend a tablet to people who do not have one."],
        "activities": ["video calls", "quizzes", "chat", "guest speakers", "games"],
        "easy": [["This is a group on a video call.", "You can join from home on a computer or phone."],
                 "WHEN", ["A helper can show you how to join.", "You can chat and play quizzes."], ["It is free."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral", "carer"]],
        "age": [(18, None)],
        "elig_notes": ["Anyone who would like to join. You need a phone, tablet or computer."],
    },
    "online_course": {
        "tier": "enablement", "kinds": ["online", "skills-learning"], "needs": ["mental-health"],
        "summary": [
            "An online course of {weeks} weeks that you can join from home, with a small group and two tutors.",
            "Learn practical tools for your wellbeing in a short online course.",
        ],
        "paras": [
            ["{name} is a short online course from {provider}. It runs for {weeks} weeks by video call, with up to ten people and two tutors.",
             "{provider} designed {name} for people who find it hard to get to a classroom. You can keep your camera off if you prefer."],
            ["The course meets {when}, for {weeks} weeks. Handouts are posted or emailed before each session.",
             "Sessions run {when}. You can watch a recording if you miss a week."],
        ],
        "activities": ["online learning", "small group discussion", "practical tools", "workbooks"],
        "easy": [["This is a short course on the computer.", "You join this course from home."],
                 "WHEN", ["It lasts {weeks} weeks.", "The course is {weeks} weeks long."], ["You can keep your camera off."]],
        "cost": [{"kinds": ["free"], "notes": "Free."}],
        "join": [["self-referral"]],
        "age": [(18, None)],
        "elig_notes": ["Adults in Cheshire East. You need an internet connection."],
        "weeks": [6, 8],
    },
    "dementia_outreach": {
        "tier": "community", "kinds": ["outreach"], "needs": ["dementia", "carers-break", "older-people"],
        "summary": [
            "Activities at home for people living with dementia in {area}, giving carers a break.",
            "A trained support worker visits people with dementia at home for music, reminiscence and outings.",
        ],
        "paras": [
            ["{name} brings meaningful activity to people with dementia who find it hard to go to a group. A support worker from {provider} visits regularly and plans activities around the person's life and interests.",
             "{provider} runs {name} across {area}. It suits people who are not ready for a day centre, or who would find one too busy."],
            ["Visits might include music and memories, baking, gardening, a walk or a trip to a café. Carers can use the time to rest or go out.",
             "Visits last two to four hours. We keep in touch with the family and can help plan what comes next."],
        ],
        "activities": ["music and memories", "baking", "gardening", "short outings", "life story work"],
        "easy": [["A helper visits people with dementia at home.", "This is for people with dementia who stay at home."],
                 "WHEN", ["You can do music, baking or go out.", "Your carer can have a rest."], ["The same helper comes each time."]],
        "easy_flex": "Visits are arranged with you.",
        "schedule": ["Visits of 2 to 4 hours, arranged with you, weekdays 9am to 5pm.", "Visits arranged with you, including some Saturdays."],
        "cost": [{"kinds": ["pay-session", "direct-payment", "funded"], "price": (2400, 4200), "notes": "{price} for a visit of up to three hours."}],
        "join": [["self-referral", "carer", "social-worker"]],
        "age": [(18, None)],
        "elig_notes": ["People living with dementia in {area}."],
    },
})


# ---------------------------------------------------------------------------------------
# The listings. Each names its archetype, town, provider, venue and weekly sessions
# ("mon-fri 09:30-15:30; sat 10:00-12:00"); anything else overrides the archetype.


def L(arch, town, name, org, venue=None, sessions="", **kw):
    return {"arch": arch, "town": town, "name": name, "org": org, "venue": venue, "sessions": sessions, **kw}


_SOUTH = "Crewe, Nantwich and the villages around them"
_NORTH = "Macclesfield, Bollington and Prestbury"
_MIDDLE = "Congleton, Sandbach and Holmes Chapel"
_WEST_NORTH = "Wilmslow, Handforth and Knutsford"
_ALL = "Cheshire East"

LISTINGS = [
    # ---- The answers to the demonstration questions (hand-written) --------------------
    L("memory_club", "Crewe", "Crewe Saturday Memory Club", "larkspur-memory-network", "crewe-hungerford", "sat 10:00-12:30",
      id="crewe-saturday-memory-club", fresh=True, vacancy="spaces",
      summary="A Saturday morning club in Crewe for people living with dementia or memory loss and their families, with music, reminiscence and a proper cup of tea.",
      description=[
          "Crewe Saturday Memory Club is a friendly weekend club for people living with dementia or memory problems, and for the family members, friends and carers who support them. It is run by Larkspur Memory Network with trained volunteers, and was started by carers who wanted something on a Saturday, when most other groups are closed.",
          "We meet every Saturday from 10am to 12:30pm at Hungerford Road Church Hall, Crewe. There is a level entrance from the car park, an accessible toilet and a hearing loop.",
          "Each week there is tea, coffee and cake, a singalong or a music quiz, reminiscence with old photographs of Crewe and the railway works, and gentle chair exercise. Carers can join in, or chat with each other and with a dementia adviser who comes on the first Saturday of the month.",
          "You do not need a diagnosis and you do not need to book: just come along. If it helps, ring first and a volunteer will look out for you at the door.",
      ],
      easy="This is a club for people with memory problems. It meets on Saturday mornings in Crewe. You can have tea and a chat. There is music and singing. Carers can come too.",
      activities=["tea and cake", "singalong", "music quiz", "reminiscence", "chair exercise", "carers' chat", "dementia adviser drop-in"],
      cost={"kinds": ["free"], "notes": "Free. Donations towards tea and cake are welcome."},
      join=["self-referral", "carer"], age=(18, None),
      elig_notes="For people with dementia or memory worries, with or without a diagnosis, and their carers."),
    L("autism_social", "Macclesfield", "Macclesfield Autism Social Club", "brightlane-autism-partnership", "macclesfield-loom-cafe",
      "thu 18:30-20:30; sat 11:00-13:00", id="macclesfield-autism-social-club", fresh=True, vacancy="spaces",
      summary="An autism-friendly social club in Macclesfield for autistic adults: board games, chat and days out in a calm, low-pressure setting.",
      description=[
          "Macclesfield Autism Social Club is a social group for autistic adults, run by Brightlane Autism Partnership with autistic volunteers. It is a place to meet people who get it, without any pressure to make small talk.",
          "The club meets on Thursday evenings from 6:30pm to 8:30pm and on Saturday mornings from 11am to 1pm at The Loom Café on Mill Street. The café is closed to the public during club sessions, the lights are dimmed and there is a quiet back room. A plan of each session, with photos, is sent out the week before.",
          "Members play board and card games and video games, do crafts and talk about their interests. Once a month we go out together, for example to a museum, bowling or a walk in the park, and members vote on where to go.",
          "You do not need a formal diagnosis. If you are nervous about your first visit, you can meet one of the organisers for a coffee beforehand, or bring a friend, parent or support worker.",
      ],
      easy="This is a social club for autistic adults. It meets in Macclesfield on Thursday evenings and Saturday mornings. The room is calm and quiet. You can play games or just chat. You do not have to talk if you do not want to.",
      activities=["board games", "card games", "video games", "crafts", "special interest chat", "monthly trips out"],
      cost={"kinds": ["free"], "notes": "Free. Drinks and snacks provided."}, join=["self-referral", "carer"], age=(18, None),
      elig_notes="For autistic adults, including people who are self-identified or waiting for an assessment."),
    L("job_coaching", "Congleton", "Congleton Pathways to Work", "mossfield-work-partnership", "congleton-bridge-street",
      "tue,thu 10:00-15:00", id="congleton-pathways-to-work", fresh=True, vacancy="spaces",
      summary="Supported employment for young people aged 16 to 25 with a learning disability or autism: a job coach helps you find paid work in and around Congleton and learn the job.",
      description=[
          "Congleton Pathways to Work is a supported employment programme run by Mossfield Work Partnership for young people aged 16 to 25 with a learning disability or autism. A job coach gets to know you, what you are good at and what kind of job you want, then helps you find real, paid work with a local employer.",
          "We start with work tasters and work experience in cafés, shops, warehouses, garden centres and offices around Congleton. Then we help with CVs, applications and interview practice, and with travel training so you can get to work on your own.",
          "Once you start a job, your job coach learns the job alongside you and stays in touch with you and your manager for as long as you need. We also help with Access to Work and benefits advice, so you know you will be better off in work.",
          "The team is based at Bridge Street Enterprise Café on Tuesdays and Thursdays from 10am to 3pm. Families are welcome at the first meeting.",
      ],
      easy="This helps young people find a paid job. It is for people aged 16 to 25. A job coach helps you find work near Congleton. You can try different jobs first. The job coach helps you when you start work.",
      activities=["job coaching", "work tasters", "work experience", "CV writing", "interview practice", "travel training", "benefits advice"],
      schedule="Job coaching also happens at your workplace, at times that fit your shifts.",
      cost={"kinds": ["free"], "notes": "Free to young people and their families."},
      join=["self-referral", "carer", "social-worker"], age=(16, 25),
      elig_notes="Young people aged 16 to 25 with a learning disability or autism who live in or near Congleton. An EHC plan is not needed."),
    L("ld_day_centre", "Sandbach", "Sandbach Lodge Day Centre", "wheelock-care-cooperative", "sandbach-lodge",
      "mon-fri 09:30-15:30; sat 10:00-15:00", id="sandbach-lodge-day-centre", fresh=True, vacancy="spaces",
      summary="A specialist day centre in Sandbach for adults with profound and multiple learning disabilities and complex physical needs, with a Changing Places toilet, ceiling hoists and a sensory room.",
      description=[
          "Sandbach Lodge Day Centre is a specialist day centre run by Wheelock Care Co-operative for adults with learning disabilities and complex physical and health needs, including people with profound and multiple learning disabilities. Staff are trained in moving and handling, epilepsy care, tube feeding and communication.",
          "The centre is open Monday to Friday from 9:30am to 3:30pm and on Saturdays from 10am to 3pm. Our adapted minibus, with a tail lift, collects people from home across Sandbach, Elworth, Wheelock and Holmes Chapel.",
          "The building is all on one level. There is a Changing Places toilet with a ceiling track hoist and an adult-sized changing bench, ceiling hoists in every personal care room, a sensory room, a spa bath and a sensory garden. Visitors can use the Changing Places toilet during opening hours.",
          "Most people come after a care assessment from adult social care, and we also welcome people using a direct payment or paying privately. Ring and ask for a look round at any time.",
      ],
      easy="This is a day centre for adults who need a lot of support. It is in Sandbach. It is open Monday to Friday and on Saturdays. There is a big accessible toilet with a hoist. Staff help with personal care and eating. A minibus can pick you up from home.",
      activities=["sensory sessions", "music and movement", "spa bath relaxation", "cooking", "gardening", "rebound therapy", "trips out", "intensive interaction"],
      cost={"kinds": ["funded", "direct-payment", "pay-session"], "price": 6400,
            "notes": "Self-funders pay £64 a day, including lunch. Transport is charged separately."},
      join=["social-worker", "carer"], age=(18, None),
      elig_notes="Adults with a learning disability and complex physical or health needs. Must live in Cheshire East or be funded by their home council."),
    L("friendship_morning", "Nantwich", "Nantwich Friday Friends", "nantwich-good-companions", "nantwich-hospital-street",
      "fri 10:00-12:00", id="nantwich-friday-friends", fresh=True, vacancy="spaces",
      summary="A free Friday morning get-together for older people in Nantwich: coffee, cake, a chat and a jigsaw on the go.",
      description=[
          "Nantwich Friday Friends is a free weekly drop-in for older people, run by volunteers from Nantwich Good Companions. It started in a front room in 2015 and now welcomes around thirty people each week, many of whom live alone.",
          "We meet every Friday morning from 10am to 12 noon at Hospital Street Community Hall in the centre of Nantwich. There is a ramped entrance, an accessible toilet and two blue badge spaces at the back.",
          "There is tea, coffee and homemade cake, newspapers, board games and jigsaws, and on the last Friday of the month a visiting speaker or a singer. Volunteers can help with forms and phones, and tell you about other free activities in the town.",
          "It is completely free and there is no need to book. Just come along, and bring a friend if you like.",
      ],
      easy="This is a free group for older people. It meets on Friday mornings in Nantwich. You can have tea, coffee and cake. You can make new friends. You do not need to book.",
      activities=["tea and coffee", "homemade cake", "jigsaws", "board games", "newspapers", "visiting speakers"],
      cost={"kinds": ["free"], "notes": "Free. Donations towards tea and cake are welcome, but never expected."},
      join=["self-referral", "carer"], age=(55, None),
      elig_notes="Older people living in and around Nantwich. Carers and friends are welcome too."),

    # ---- Specialist day centres --------------------------------------------------------
    L("ld_day_centre", "Crewe", "Brookhouse Day Centre", "brookhouse-support-services", "crewe-brookhouse", "mon-fri 09:30-15:30"),
    L("ld_day_centre", "Macclesfield", "Silkmill Day Centre", "silkmill-day-opportunities", "macclesfield-silkmill", "mon-fri 09:00-15:30"),
    L("ld_day_centre", "Congleton", "Dane Mill Day Centre", "dane-valley-day-opportunities", "congleton-dane-mill", "mon-fri 09:15-15:15",
      cost={"kinds": ["funded", "direct-payment"], "notes": "Council-funded places and direct payments only."}),
    L("ld_day_centre", "Knutsford", "Heathside Day Centre", "heathside-care-trust", "knutsford-heathside", "mon-thu 09:30-15:30"),
    L("ld_day_centre", "Wilmslow", "Alderley Road Day Centre", "lindow-lives", "wilmslow-alderley-road", "mon,wed,fri 09:30-15:30",
      needs=["learning-disability", "physical-disability"]),
    L("dementia_day_centre", "Crewe", "Ruskin Court Dementia Day Care", "weaver-valley-day-services", "crewe-ruskin-court", "mon-sat 10:00-16:00"),
    L("dementia_day_centre", "Nantwich", "Weaver Lodge Memory Day Centre", "weaver-valley-day-services", "nantwich-weaver-lodge", "mon-fri 09:30-15:30"),
    L("dementia_day_centre", "Poynton", "Coppice Day Centre", "coppice-dementia-care", "poynton-coppice", "tue-sat 10:00-15:30"),
    L("dementia_day_centre", "Middlewich", "Kinderton Day Centre", "dane-valley-day-opportunities", "middlewich-kinderton", "mon,wed,thu 10:00-15:00"),
    L("dementia_day_centre", "Handforth", "Handforth Dementia Day Club", "lindow-lives", "handforth-station-road", "tue,thu 10:00-15:30"),
    L("dementia_day_centre", "Macclesfield", "Silkmill Memory Day Service", "silkmill-day-opportunities", "macclesfield-silkmill", "wed-sat 10:00-15:30"),
    L("autism_day_service", "Crewe", "Earle Street Autism Day Service", "kestrel-autism-collective", "crewe-earle-street", "mon-fri 09:30-15:00"),
    L("autism_day_service", "Macclesfield", "Brightlane Autism Day Hub", "brightlane-autism-partnership", "macclesfield-hurdsfield", "mon-thu 10:00-15:00"),
    L("autism_day_service", "Congleton", "Congleton Autism Day Opportunities", "brightlane-autism-partnership", "congleton-canal-road", "tue-fri 09:30-15:00"),
    L("neuro_day_service", "Crewe", "Restart Neuro Day Service, Crewe", "restart-neuro", "crewe-brookhouse", "tue,thu 10:00-15:00"),
    L("neuro_day_service", "Wilmslow", "Restart Neuro Day Service, Wilmslow", "restart-neuro", "wilmslow-alderley-road", "mon,wed 10:00-15:00"),
    L("transition_skills", "Sandbach", "Sandbach Lodge Young Adults' Programme", "wheelock-care-cooperative", "sandbach-lodge", "tue,thu 10:00-15:00",
      tier="specialist", needs=["learning-disability", "physical-disability", "autism"]),

    # ---- Day services and day clubs for older people ("day service", not "day centre") --
    L("older_day_club", "Alsager", "Alsager Day Service", "dane-community-trust", "alsager-lawton-road", "mon-fri 09:30-15:30",
      summary="A friendly day service for older people in Alsager, with a hot lunch, activities, a hoist and transport from home.",
      needs=["older-people", "physical-disability", "dementia", "carers-break"], tier="specialist"),
    L("older_day_club", "Sandbach", "Elworth Day Club", "dane-community-trust", "sandbach-elworth", "tue,thu 10:00-15:00",
      elig_notes="For older people who can manage with light support from staff. There is no hoist on site."),
    L("older_day_club", "Middlewich", "Middlewich Community Day Service", "dane-valley-day-opportunities", "middlewich-wheelock-street", "mon,wed,fri 10:00-15:00"),
    L("older_day_club", "Holmes Chapel", "Holmes Chapel Day Club", "holmes-chapel-good-neighbours", "holmes-chapel-london-road", "wed 10:00-15:00"),
    L("older_day_club", "Audlem", "Audlem Village Day Club", "audlem-village-care-group", "audlem-village-rooms", "tue 10:00-15:00"),
    L("older_day_club", "Disley", "Disley Tuesday Day Club", "disley-and-lyme-neighbours", "disley-buxton-road", "tue 10:00-14:30"),
    L("older_day_club", "Bollington", "Bollington Day Club", "bollington-happy-valley-friends", "bollington-palmerston-street", "thu 10:00-15:00"),
    L("older_day_club", "Knutsford", "Knutsford Older People's Day Service", "heathside-care-trust", "knutsford-tatton-street", "mon,fri 10:00-15:30"),

    # ---- Memory and dementia groups ----------------------------------------------------
    L("memory_club", "Crewe", "Crewe Wednesday Memory Café", "larkspur-memory-network", "crewe-junction-rooms", "wed 13:30-15:30"),
    L("memory_club", "Macclesfield", "Macclesfield Saturday Memory Café", "tidewell-dementia-support", "macclesfield-chestergate", "sat 14:00-16:00"),
    L("memory_club", "Nantwich", "Nantwich Memory Café", "larkspur-memory-network", "nantwich-welsh-row", "thu 14:00-16:00"),
    L("memory_club", "Congleton", "Beartown Memory Café", "dane-community-trust", "congleton-lawton-street", "tue 10:30-12:30"),
    L("memory_club", "Knutsford", "Knutsford Memory Lane Club", "tidewell-dementia-support", "knutsford-king-street", "mon 14:00-16:00"),
    L("memory_club", "Wilmslow", "Wilmslow Memory Café", "tidewell-dementia-support", "wilmslow-hawthorn-lane", "fri 10:30-12:30"),
    L("memory_club", "Sandbach", "Sandbach Memory Café", "larkspur-memory-network", "sandbach-wesley-hall", "mon 14:00-16:00"),
    L("memory_club", "Poynton", "Poynton Remember When Club", "coppice-dementia-care", "poynton-park-lane", "wed 10:00-12:00"),
    L("memory_club", "Bollington", "Bollington Memory Café", "tidewell-dementia-support", "bollington-palmerston-street", "fri 14:00-16:00"),
    L("memory_club", "Alsager", "Alsager Sunday Memory Café", "larkspur-memory-network", "alsager-mere-rooms", "sun 14:00-16:00"),
    L("memory_club", "Holmes Chapel", "Holmes Chapel Memory Café", "holmes-chapel-good-neighbours", "holmes-chapel-london-road", "thu 10:30-12:30"),
    L("memory_club", "Middlewich", "Middlewich Memory Café", "dane-community-trust", "middlewich-wheelock-street", "fri 10:30-12:30"),
    L("memory_club", "Handforth", "Handforth Memory Café", "lindow-lives", "handforth-spath-lane", "tue 14:00-16:00"),
    L("memory_club", "Disley", "Disley Memory Café", "coppice-dementia-care", "disley-buxton-road", "thu 14:00-16:00"),
    L("sing_remember", "Macclesfield", "Sing and Remember, Macclesfield", "harmony-lane-music", "macclesfield-park-green", "tue 14:00-15:30"),
    L("sing_remember", "Crewe", "Sing and Remember, Crewe", "harmony-lane-music", "crewe-flag-lane", "thu 10:30-12:00"),
    L("sing_remember", "Middlewich", "Sing and Remember, Middlewich", "harmony-lane-music", "middlewich-wheelock-street", "mon 14:00-15:30"),
    L("memory_course", "Crewe", "Living Well with Memory Loss, Crewe", "larkspur-memory-network", "crewe-junction-rooms", "tue 10:00-12:00", weeks=6),
    L("memory_course", "Macclesfield", "After the Diagnosis: Memory Course, Macclesfield", "tidewell-dementia-support", "macclesfield-chestergate", "thu 14:00-16:00", weeks=7),
    L("memory_course", "Knutsford", "Living Well with Memory Loss, Knutsford", "tidewell-dementia-support", "knutsford-king-street", "wed 10:00-12:00", weeks=6),
    L("dementia_outreach", "Crewe", "Larkspur Memory Support at Home", "larkspur-memory-network", area="Crewe, Nantwich, Sandbach and Alsager"),
    L("dementia_outreach", "Macclesfield", "Tidewell Home Activities Service", "tidewell-dementia-support", area="Macclesfield, Wilmslow and Knutsford"),
    L("dementia_outreach", "Poynton", "Coppice Dementia Outreach", "coppice-dementia-care", area="Poynton, Disley and Adlington"),

    # ---- Autism ------------------------------------------------------------------------
    L("autism_social", "Crewe", "Crewe Autism Social Evening", "kestrel-autism-collective", "crewe-junction-rooms", "tue 18:30-20:30"),
    L("autism_social", "Congleton", "Congleton Autistic Adults' Games Night", "brightlane-autism-partnership", "congleton-bridge-street", "fri 18:30-21:00"),
    L("autism_social", "Wilmslow", "Wilmslow Autism Meet-Up", "brightlane-autism-partnership", "wilmslow-grove-street", "sat 10:30-12:30"),
    L("autism_social", "Nantwich", "Nantwich Autism Coffee and Chat", "kestrel-autism-collective", "nantwich-beam-street", "wed 10:30-12:00"),
    L("autism_social", "Sandbach", "Sandbach Neurodivergent Adults' Social", "kestrel-autism-collective", "sandbach-high-street", "mon 19:00-21:00"),
    L("community_outreach", "Macclesfield", "Brightlane Outreach", "brightlane-autism-partnership", area=_NORTH, needs=["autism", "mental-health"]),
    L("community_outreach", "Alsager", "Kestrel Autism Outreach", "kestrel-autism-collective", area="Alsager, Sandbach and Crewe", needs=["autism"]),
    L("online_social", "Macclesfield", "Online Autistic Adults' Peer Group", "brightlane-autism-partnership", sessions="sun 19:00-20:30",
      needs=["autism", "mental-health"], area=_ALL,
      summary="A monthly-themed online peer group for autistic adults, with text chat for people who prefer not to speak."),

    # ---- Learning disability clubs and groups --------------------------------------------
    L("ld_social", "Crewe", "Hightown Friday Night Club", "hightown-friday-club", "crewe-flag-lane", "fri 19:00-21:30"),
    L("ld_social", "Macclesfield", "Macclesfield Saturday Club", "weekenders-club-macclesfield", "macclesfield-hurdsfield", "sat 13:00-16:00"),
    L("ld_social", "Sandbach", "Sandbach Stars Social Club", "sandbach-stars", "sandbach-wesley-hall", "wed 18:30-20:30"),
    L("ld_social", "Knutsford", "Knutsford Thursday Club", "knutsford-thursday-club", "knutsford-tatton-street", "thu 18:30-20:30"),
    L("ld_social", "Congleton", "Beartown Disco Night", "dane-community-trust", "congleton-mossley", "sat 19:00-22:00",
      schedule="Runs on the first Saturday of every month."),
    L("ld_social", "Nantwich", "Nantwich Sunday Social", "weaver-valley-day-services", "nantwich-hospital-street", "sun 13:00-16:00"),
    L("ld_social", "Middlewich", "Middlewich Friendship Club", "dane-community-trust", "middlewich-wheelock-street", "tue 18:00-20:00"),
    L("ld_social", "Handforth", "Handforth Saturday Social", "lindow-lives", "handforth-station-road", "sat 11:00-14:00"),
    L("ld_social", "Poynton", "Poynton Monday Club", "compass-community-support", "poynton-park-lane", "mon 18:30-20:30"),
    L("music_drama", "Crewe", "Curtain Up Crewe Drama Group", "curtain-up-theatre", "crewe-flag-lane", "tue 18:30-20:30"),
    L("music_drama", "Macclesfield", "Silk Town Players", "curtain-up-theatre", "macclesfield-chestergate", "sat 10:30-12:30"),
    L("music_drama", "Congleton", "Harmony Lane Community Choir", "harmony-lane-music", "congleton-lawton-street", "wed 18:30-20:00"),
    L("music_drama", "Knutsford", "Knutsford Drumming Circle", "harmony-lane-music", "knutsford-princess-street", "thu 13:30-15:00"),
    L("young_adults", "Crewe", "Crewe Young Adults' Friday Social", "next-chapter-transitions", "crewe-earle-street", "fri 18:00-20:00"),
    L("young_adults", "Macclesfield", "Macclesfield 16-25 Hangout", "next-chapter-transitions", "macclesfield-hurdsfield", "wed 17:30-19:30"),
    L("young_adults", "Congleton", "Congleton Next Step Youth Club", "next-chapter-transitions", "congleton-mossley", "mon 18:00-20:00"),
    L("young_adults", "Wilmslow", "Wilmslow Young Adults' Saturday Group", "next-chapter-transitions", "wilmslow-grove-street", "sat 13:00-16:00"),
    L("young_adults", "Sandbach", "Sandbach Gamers' Night (16 to 25)", "next-chapter-transitions", "sandbach-high-street", "thu 18:00-20:30"),
    L("transition_skills", "Crewe", "Crewe Next Chapter Life Skills (16 to 25)", "next-chapter-transitions", "crewe-earle-street", "mon-wed 10:00-15:00"),
    L("transition_skills", "Macclesfield", "Macclesfield Pathways for Young Adults", "next-chapter-transitions", "macclesfield-park-lane", "tue-thu 10:00-15:00"),
    L("transition_skills", "Congleton", "Congleton Bridge to Adulthood", "next-chapter-transitions", "congleton-bridge-street", "mon,fri 10:00-14:30"),
    L("transition_skills", "Alsager", "Alsager Young People's Skills Hub", "next-chapter-transitions", "alsager-crewe-road", "wed,thu 10:00-14:00"),
    L("ld_befriending", "Crewe", "Crewe Buddy Scheme", "compass-community-support", area=_SOUTH),
    L("ld_befriending", "Macclesfield", "Macclesfield Night Out Buddies", "compass-community-support", area=_NORTH,
      schedule="Buddies meet in the evenings and at weekends, about twice a month."),
    L("ld_befriending", "Wilmslow", "Wilmslow and Handforth Friendship Matching", "lindow-lives", area="Wilmslow and Handforth"),
    L("community_outreach", "Crewe", "Compass Community Support, Crewe", "compass-community-support", area=_SOUTH),
    L("community_outreach", "Knutsford", "Compass Community Support, Knutsford and Wilmslow", "compass-community-support", area="Knutsford and Wilmslow"),
    L("community_outreach", "Sandbach", "Wheelock Community Support", "wheelock-care-cooperative", area="Sandbach, Middlewich and Holmes Chapel",
      needs=["learning-disability", "physical-disability"]),

    # ---- Older people --------------------------------------------------------------------
    L("friendship_morning", "Nantwich", "Nantwich Afternoon Tea Club", "nantwich-good-companions", "nantwich-welsh-row", "tue 14:00-16:00"),
    L("friendship_morning", "Crewe", "Crewe Tuesday Coffee Morning", "silver-threads", "crewe-hungerford", "tue 10:00-11:30"),
    L("friendship_morning", "Poynton", "Poynton Coffee Companions", "poynton-coffee-companions", "poynton-park-lane", "thu 10:00-12:00"),
    L("friendship_morning", "Handforth", "Handforth Friendship Morning", "handforth-spath-community-association", "handforth-spath-lane", "mon 10:00-12:00"),
    L("friendship_morning", "Disley", "Disley Wednesday Welcome", "disley-and-lyme-neighbours", "disley-lyme-rooms", "wed 10:30-12:00"),
    L("friendship_morning", "Alsager", "Alsager Monday Friendship Group", "alsager-mere-social-club", "alsager-crewe-road", "mon 10:00-12:00"),
    L("friendship_morning", "Nantwich", "Nantwich Saturday Coffee Club", "silver-threads", "nantwich-beam-street", "sat 10:00-12:00"),
    L("lunch_club", "Nantwich", "Nantwich Thursday Lunch Club", "silver-threads", "nantwich-beam-street", "thu 11:30-14:00"),
    L("lunch_club", "Audlem", "Audlem Village Lunch Club", "audlem-village-care-group", "audlem-village-rooms", "wed 12:00-14:00"),
    L("lunch_club", "Sandbach", "Sandbach Wesley Lunch Club", "silver-threads", "sandbach-wesley-hall", "tue 11:45-14:00"),
    L("lunch_club", "Macclesfield", "Park Green Lunch Club", "silver-threads", "macclesfield-park-green", "fri 12:00-14:00"),
    L("lunch_club", "Holmes Chapel", "Holmes Chapel Tuesday Lunch", "holmes-chapel-good-neighbours", "holmes-chapel-station-road", "tue 12:00-14:00"),
    L("lunch_club", "Alsager", "Alsager Mere Lunch Club", "alsager-mere-social-club", "alsager-mere-rooms", "thu 12:00-14:00"),
    L("lunch_club", "Congleton", "Mossley Friday Lunch Club", "silver-threads", "congleton-mossley", "fri 12:00-14:00"),
    L("lunch_club", "Handforth", "Handforth Wednesday Lunch Club", "handforth-spath-community-association", "handforth-spath-lane", "wed 12:00-14:00"),
    L("lunch_club", "Disley", "Disley Lunch Club", "disley-and-lyme-neighbours", "disley-buxton-road", "fri 12:00-14:00"),
    L("sunday_lunch", "Crewe", "Crewe Sunday Lunch Club", "silver-threads", "crewe-hungerford", "sun 12:30-15:00"),
    L("sunday_lunch", "Wilmslow", "Wilmslow Sunday Table", "lindow-lives", "wilmslow-hawthorn-lane", "sun 12:00-14:30"),
    L("sunday_lunch", "Bollington", "Bollington Sunday Lunch Club", "bollington-happy-valley-friends", "bollington-wellington-road", "sun 12:30-14:30"),
    L("chair_exercise", "Sandbach", "Sandbach Seated Exercise", "steady-steps-exercise", "sandbach-wesley-hall", "thu 10:30-11:30"),
    L("chair_exercise", "Crewe", "Crewe Chair Yoga", "steady-steps-exercise", "crewe-hungerford", "wed 10:00-11:00"),
    L("chair_exercise", "Macclesfield", "Macclesfield Strength and Balance Class", "steady-steps-exercise", "macclesfield-park-lane", "tue 13:30-14:30"),
    L("chair_exercise", "Poynton", "Poynton Tai Chi for Balance", "steady-steps-exercise", "poynton-park-lane", "fri 10:00-11:00"),
    L("chair_exercise", "Audlem", "Audlem Gentle Movement Class", "steady-steps-exercise", "audlem-chapel-rooms", "mon 10:30-11:30"),
    L("chair_exercise", "Handforth", "Handforth Seated Dance", "steady-steps-exercise", "handforth-spath-lane", "thu 14:00-15:00"),
    L("chair_exercise", "Holmes Chapel", "Holmes Chapel Strength and Balance", "steady-steps-exercise", "holmes-chapel-station-road", "wed 11:00-12:00"),
    L("digital_skills", "Crewe", "Crewe Tablet and Smartphone Help", "click-together", "crewe-earle-street", "wed 10:00-12:00"),
    L("digital_skills", "Macclesfield", "Macclesfield Digital Drop-In", "click-together", "macclesfield-park-lane", "fri 10:00-12:00"),
    L("digital_skills", "Knutsford", "Knutsford Get Online Sessions", "click-together", "knutsford-king-street", "mon 13:30-15:30"),
    L("digital_skills", "Alsager", "Alsager Digital Buddies", "click-together", "alsager-mere-rooms", "tue 10:00-12:00"),
    L("digital_skills", "Holmes Chapel", "Holmes Chapel Computer Club", "click-together", "holmes-chapel-london-road", "fri 13:30-15:30"),
    L("digital_skills", "Handforth", "Handforth Digital Drop-In", "click-together", "handforth-spath-lane", "mon 13:30-15:00"),
    L("home_befriending", "Crewe", "Porchlight Befriending, Crewe", "porchlight-befriending", area=_SOUTH),
    L("home_befriending", "Macclesfield", "Porchlight Befriending, Macclesfield and Bollington", "porchlight-befriending", area=_NORTH),
    L("home_befriending", "Knutsford", "Knutsford Good Neighbours Befriending", "knutsford-good-neighbours", area="Knutsford, Mobberley and Plumley"),
    L("home_befriending", "Audlem", "Audlem and Villages Visiting Scheme", "audlem-village-care-group", area="Audlem, Buerton and Hankelow"),
    L("home_befriending", "Holmes Chapel", "Holmes Chapel Good Neighbours Visiting", "holmes-chapel-good-neighbours", area="Holmes Chapel and Cranage"),
    L("home_befriending", "Disley", "Disley Neighbours Visiting", "disley-and-lyme-neighbours", area="Disley and Newtown"),
    L("phone_befriending", "Crewe", "Porchlight Telephone Friends", "porchlight-befriending", area=_ALL),
    L("phone_befriending", "Macclesfield", "Clearview Telephone Chat Club", "clearview-sight-loss", area=_ALL,
      needs=["sensory-impairment", "older-people"]),
    L("phone_befriending", "Sandbach", "Silver Threads Call Companions", "silver-threads", area=_ALL),

    # ---- Physical disability, stroke, sensory ----------------------------------------------
    L("stroke_club", "Crewe", "Crewe Stroke Club", "second-stride", "crewe-flag-lane", "mon 10:00-12:30"),
    L("stroke_club", "Macclesfield", "Macclesfield Stroke Club", "second-stride", "macclesfield-park-green", "wed 13:30-15:30"),
    L("stroke_club", "Congleton", "Congleton Stroke Support Group", "second-stride", "congleton-lawton-street", "thu 13:30-15:30"),
    L("stroke_club", "Knutsford", "Knutsford Stroke and Aphasia Café", "second-stride", "knutsford-king-street", "tue 10:30-12:30"),
    L("stroke_club", "Nantwich", "Nantwich Stroke Club", "second-stride", "nantwich-hospital-street", "mon 10:00-12:00"),
    L("inclusive_sport", "Crewe", "Crewe Inclusive Swim", "wheelhouse-inclusive-sport", "crewe-swim-centre", "sun 09:00-10:30"),
    L("inclusive_sport", "Crewe", "Crewe Wheelchair Basketball Club", "wheelhouse-inclusive-sport", "crewe-swim-centre", "wed 18:00-20:00",
      needs=["physical-disability"]),
    L("inclusive_sport", "Macclesfield", "Macclesfield Boccia Club", "wheelhouse-inclusive-sport", "macclesfield-sports-pavilion", "mon 18:30-20:00"),
    L("inclusive_sport", "Congleton", "Congleton Inclusive Football", "wheelhouse-inclusive-sport", "congleton-mossley", "sat 10:00-11:30",
      needs=["learning-disability", "autism"]),
    L("inclusive_sport", "Nantwich", "Weaver Inclusive Canoe Club", "weaver-paddlers", "nantwich-barony-park", "sat 10:00-12:00",
      schedule="Saturdays from April to October; indoor pool sessions in winter."),
    L("inclusive_sport", "Knutsford", "Knutsford All-Ability Cycling", "wheelhouse-inclusive-sport", "knutsford-tatton-street", "sun 10:00-12:00"),
    L("sight_loss", "Crewe", "Crewe Sight Loss Social Group", "clearview-sight-loss", "crewe-junction-rooms", "mon 13:30-15:30"),
    L("sight_loss", "Macclesfield", "Macclesfield Low Vision Group", "clearview-sight-loss", "macclesfield-chestergate", "thu 10:30-12:30"),
    L("sight_loss", "Wilmslow", "Wilmslow Sight Loss Coffee Morning", "clearview-sight-loss", "wilmslow-grove-street", "tue 10:30-12:00"),
    L("sight_loss", "Nantwich", "Nantwich Sight Loss Friendship Group", "clearview-sight-loss", "nantwich-welsh-row", "wed 14:00-16:00"),
    L("sight_loss", "Sandbach", "Sandbach Sight Loss Group", "clearview-sight-loss", "sandbach-wesley-hall", "fri 10:30-12:00"),
    L("sight_loss_skills", "Crewe", "Living with Sight Loss: Skills at Home (south)", "clearview-sight-loss", area=_SOUTH, weeks=8),
    L("sight_loss_skills", "Macclesfield", "Living with Sight Loss: Skills at Home (north)", "clearview-sight-loss", area="Macclesfield, Wilmslow and Poynton", weeks=10),
    L("deaf_club", "Crewe", "Crewe Deaf Club", "signpost-deaf-association", "crewe-earle-street", "fri 19:00-22:00"),
    L("deaf_club", "Macclesfield", "Macclesfield Deaf Social Evening", "signpost-deaf-association", "macclesfield-park-green", "wed 18:30-21:00"),
    L("deaf_club", "Congleton", "Congleton Deaf Saturday Social", "signpost-deaf-association", "congleton-lawton-street", "sat 14:00-17:00"),
    L("hearing_support", "Congleton", "Congleton Hearing Loss Support Group", "signpost-deaf-association", "congleton-mossley", "mon 10:00-12:00"),
    L("hearing_support", "Wilmslow", "Wilmslow Lipreading Class", "signpost-deaf-association", "wilmslow-hawthorn-lane", "thu 18:30-20:00"),
    L("neuro_day_service", "Macclesfield", "Restart Neuro Day Service, Macclesfield", "restart-neuro", "macclesfield-silkmill", "fri 10:00-15:00",
      tier="specialist"),

    # ---- Mental health and wellbeing --------------------------------------------------------
    L("mh_peer", "Crewe", "Crewe Evening Wellbeing Group", "lighthouse-peer-support", "crewe-junction-rooms", "mon 18:00-20:00"),
    L("mh_peer", "Macclesfield", "Macclesfield Men's Mental Health Group", "lighthouse-peer-support", "macclesfield-loom-cafe", "wed 19:00-21:00"),
    L("mh_peer", "Congleton", "Congleton Wellbeing Café", "open-door-wellbeing-collective", "congleton-bridge-street", "thu 13:00-15:30"),
    L("mh_peer", "Nantwich", "Nantwich Anxiety Support Group", "open-door-wellbeing-collective", "nantwich-beam-street", "tue 18:30-20:00"),
    L("mh_peer", "Wilmslow", "Wilmslow Evening Peer Support", "lighthouse-peer-support", "wilmslow-grove-street", "thu 18:30-20:30"),
    L("mh_peer", "Sandbach", "Sandbach Sunday Wellbeing Café", "open-door-wellbeing-collective", "sandbach-high-street", "sun 14:00-16:00"),
    L("mh_peer", "Knutsford", "Knutsford Women's Wellbeing Circle", "open-door-wellbeing-collective", "knutsford-princess-street", "fri 10:00-12:00"),
    L("mh_peer", "Middlewich", "Middlewich Talking Café", "open-door-wellbeing-collective", "middlewich-wheelock-street", "wed 13:30-15:30"),
    L("mh_peer", "Alsager", "Alsager Evening Wellbeing Group", "lighthouse-peer-support", "alsager-crewe-road", "tue 19:00-20:30"),
    L("mh_peer", "Bollington", "Bollington Wellbeing Walk and Talk", "lighthouse-peer-support", "bollington-kerridge-view", "sat 10:00-11:30"),
    L("recovery_college", "Macclesfield", "Understanding Anxiety, Macclesfield", "riverside-recovery-college", "macclesfield-park-lane", "tue 13:30-15:30", weeks=6),
    L("recovery_college", "Crewe", "Building Confidence, Crewe", "riverside-recovery-college", "crewe-earle-street", "thu 10:00-12:00", weeks=8),
    L("recovery_college", "Congleton", "Sleep and Wellbeing, Congleton", "riverside-recovery-college", "congleton-lawton-street", "mon 18:00-20:00", weeks=6),
    L("recovery_college", "Nantwich", "Recovery Starts Here, Nantwich", "riverside-recovery-college", "nantwich-beam-street", "fri 13:00-15:00", weeks=10),
    L("online_course", "Crewe", "Online Mood and Wellbeing Course", "riverside-recovery-college", sessions="tue 18:30-20:00", weeks=8, area=_ALL),
    L("online_course", "Macclesfield", "Online Living Well After Stroke Course", "second-stride", sessions="wed 10:00-11:30", weeks=6, area=_ALL,
      needs=["physical-disability", "mental-health"],
      summary="A six-week online course for stroke survivors about fatigue, mood and getting back to the things you enjoy."),
    L("mh_employment", "Crewe", "Open Door Employment Support", "open-door-wellbeing-collective", area="Crewe, Nantwich and Congleton"),
    L("mh_employment", "Macclesfield", "Lighthouse Back to Work", "lighthouse-peer-support", area="Macclesfield, Wilmslow and Knutsford"),
    L("walking_group", "Macclesfield", "Macclesfield Canal Wellbeing Walk", "footpath-friends", "macclesfield-park-green", "sat 10:00-11:30"),
    L("walking_group", "Wilmslow", "Carrs Park Sunday Stroll", "footpath-friends", "wilmslow-carrs", "sun 10:30-12:00"),
    L("walking_group", "Knutsford", "Knutsford Heath Walkers", "footpath-friends", "knutsford-tatton-street", "sat 10:00-11:30"),
    L("walking_group", "Congleton", "Dane Valley Walking for Wellbeing", "footpath-friends", "congleton-canal-road", "sun 10:00-12:00"),
    L("walking_group", "Poynton", "Poynton Pool Gentle Walk", "footpath-friends", "poynton-pool", "tue 10:00-11:00"),
    L("walking_group", "Disley", "Goyt Valley Easy Walk", "goyt-valley-outdoors", "disley-buxton-road", "sat 10:00-12:30"),
    L("walking_group", "Audlem", "Audlem Canal Towpath Walk", "footpath-friends", "audlem-chapel-rooms", "sun 10:30-12:00"),
    L("workshop_shed", "Congleton", "Beartown Workshop Shed", "beartown-workshop-shed", "congleton-canal-road", "tue 09:30-15:30; thu 09:30-15:30"),
    L("workshop_shed", "Middlewich", "Middlewich Canal Workshop", "middlewich-canal-workshop", "middlewich-canal-basin", "wed 10:00-16:00; sat 09:30-12:30"),
    L("workshop_shed", "Bollington", "Bollington Workshop Shed", "bollington-workshop-shed", "bollington-wellington-road", "mon 10:00-15:00"),
    L("workshop_shed", "Crewe", "Crewe Repair and Make Quiet Sessions", "crewe-repair-shed", "crewe-earle-street", "thu 10:00-15:00",
      needs=["mental-health", "autism"]),
    L("workshop_shed", "Knutsford", "Knutsford Workshop Shed", "knutsford-workshop-shed", "knutsford-tatton-street", "fri 10:00-15:00"),
    L("garden_group", "Crewe", "Badger Avenue Growing Group", "rootstock-community-gardens", "crewe-badger-avenue", "tue 10:00-14:00; sat 10:00-13:00"),
    L("garden_group", "Macclesfield", "Prestbury Road Garden Project", "rootstock-community-gardens", "macclesfield-prestbury-road", "mon,thu 10:00-15:00"),
    L("garden_group", "Bollington", "Kerridge View Garden Club", "rootstock-community-gardens", "bollington-kerridge-view", "wed 10:00-14:00; sun 10:00-12:30"),
    L("garden_group", "Nantwich", "Barony Park Growers", "rootstock-community-gardens", "nantwich-barony-park", "fri 10:00-13:00"),
    L("garden_group", "Middlewich", "Canal Basin Growing Space", "rootstock-community-gardens", "middlewich-canal-basin", "sat 10:00-13:00"),
    L("arts_studio", "Macclesfield", "Paintbox Open Studio", "paintbox-collective", "macclesfield-chestergate", "tue 10:00-15:00"),
    L("arts_studio", "Crewe", "Crewe Inclusive Art Club", "paintbox-collective", "crewe-junction-rooms", "sat 10:00-13:00"),
    L("arts_studio", "Bollington", "Kerridge Ridge Art Group", "kerridge-ridge-arts", "bollington-palmerston-street", "wed 13:30-16:00",
      needs=["mental-health", "older-people"]),
    L("arts_studio", "Nantwich", "Nantwich Textile and Craft Group", "paintbox-collective", "nantwich-hospital-street", "mon 13:30-15:30"),
    L("arts_studio", "Wilmslow", "Wilmslow Evening Pottery Class", "paintbox-collective", "wilmslow-grove-street", "tue 18:30-20:30"),
    L("arts_studio", "Disley", "Disley Watercolour Group for Wellbeing", "paintbox-collective", "disley-lyme-rooms", "fri 13:30-15:30",
      needs=["mental-health", "older-people"]),
    L("arts_studio", "Audlem", "Audlem Craft and Chat", "audlem-village-care-group", "audlem-chapel-rooms", "thu 14:00-16:00",
      needs=["older-people", "mental-health"]),
    L("conservation_volunteering", "Disley", "Goyt Valley Conservation Volunteers", "greenway-conservation", "disley-buxton-road", "sat 10:00-15:00"),
    L("conservation_volunteering", "Macclesfield", "Bollin Valley Conservation Days", "greenway-conservation", "macclesfield-prestbury-road", "sun 10:00-14:00"),
    L("conservation_volunteering", "Crewe", "Crewe Green Spaces Volunteers", "greenway-conservation", "crewe-badger-avenue", "thu 10:00-14:00"),
    L("conservation_volunteering", "Holmes Chapel", "Dane Riverside Volunteers", "greenway-conservation", "holmes-chapel-station-road", "sat 10:00-13:00"),

    # ---- Carers ------------------------------------------------------------------------------
    L("carers_cafe", "Crewe", "Crewe Carers' Café", "linden-carers-network", "crewe-junction-rooms", "thu 10:00-12:00"),
    L("carers_cafe", "Macclesfield", "Macclesfield Carers' Evening", "linden-carers-network", "macclesfield-park-green", "tue 19:00-21:00"),
    L("carers_cafe", "Congleton", "Congleton Carers' Saturday Coffee", "linden-carers-network", "congleton-bridge-street", "sat 10:00-12:00"),
    L("carers_cafe", "Wilmslow", "Wilmslow Carers' Pamper Afternoon", "linden-carers-network", "wilmslow-hawthorn-lane", "mon 13:30-15:30"),
    L("carers_cafe", "Nantwich", "Nantwich Carers' Walk and Talk", "linden-carers-network", "nantwich-barony-park", "sun 10:30-12:00"),
    L("carers_cafe", "Alsager", "Alsager Dementia Carers' Group", "linden-carers-network", "alsager-crewe-road", "wed 19:00-20:30",
      needs=["carers-break", "dementia"]),
    L("carers_cafe", "Poynton", "Poynton Carers' Saturday Break", "linden-carers-network", "poynton-park-lane", "sat 10:00-12:00"),
    L("online_social", "Crewe", "Online Carers' Evening", "linden-carers-network", sessions="mon 19:30-20:30", area=_ALL,
      needs=["carers-break", "mental-health"], summary="An online get-together for unpaid carers, on Monday evenings after the day's caring is done."),
    L("sitting_service", "Crewe", "Homeward Sitting Service, Crewe and Nantwich", "homeward-sitting-service", area=_SOUTH),
    L("sitting_service", "Macclesfield", "Homeward Sitting Service, Macclesfield and Bollington", "homeward-sitting-service", area=_NORTH),
    L("sitting_service", "Congleton", "Congleton Carers' Break at Home", "dane-community-trust", area=_MIDDLE),
    L("shared_lives_day", "Crewe", "Shared Lives Day Support, Crewe and Nantwich", "hearthside-shared-lives", area=_SOUTH),
    L("shared_lives_day", "Macclesfield", "Shared Lives Day Support, Macclesfield", "hearthside-shared-lives", area=_NORTH),
    L("shared_lives_day", "Congleton", "Shared Lives Days for Older People, Congleton and Sandbach", "hearthside-shared-lives",
      area="Congleton and Sandbach", needs=["older-people", "dementia", "carers-break"]),
    L("shared_lives_day", "Wilmslow", "Shared Lives Short Breaks, Wilmslow and Knutsford", "hearthside-shared-lives", area=_WEST_NORTH,
      needs=["learning-disability", "carers-break"]),

    # ---- Skills and enablement ----------------------------------------------------------------
    L("living_skills", "Crewe", "Crewe Independent Living Skills Course", "weaver-enablement-team", "crewe-earle-street", "tue,thu 10:00-14:00", weeks=12),
    L("living_skills", "Macclesfield", "Macclesfield Moving On Skills Course", "bollin-enablement-team", "macclesfield-park-lane", "mon,wed 10:00-14:00", weeks=10),
    L("living_skills", "Congleton", "Congleton Life Skills Course", "dane-valley-day-opportunities", "congleton-dane-mill", "fri 10:00-14:30", weeks=8),
    L("living_skills", "Wilmslow", "Wilmslow Steps to Independence", "bollin-enablement-team", "wilmslow-grove-street", "tue 10:00-13:00", weeks=12),
    L("living_skills", "Nantwich", "Nantwich Skills for Home", "weaver-enablement-team", "nantwich-beam-street", "wed 10:00-13:00", weeks=10),
    L("living_skills", "Poynton", "Poynton Confidence at Home Course", "bollin-enablement-team", "poynton-park-lane", "thu 10:00-13:00", weeks=8,
      needs=["learning-disability", "mental-health"]),
    L("travel_training", "Crewe", "Crewe Travel Confidence Programme", "weaver-enablement-team", area=_SOUTH, weeks=8),
    L("travel_training", "Macclesfield", "Macclesfield Travel Training", "bollin-enablement-team", area=_NORTH, weeks=10),
    L("travel_training", "Sandbach", "Sandbach and Middlewich Bus Buddies", "canalside-futures", area="Sandbach and Middlewich", weeks=6),
    L("reablement_home", "Crewe", "Weaver Home Enablement", "weaver-enablement-team", area="Crewe, Nantwich, Audlem and Alsager"),
    L("reablement_home", "Macclesfield", "Bollin Home Enablement", "bollin-enablement-team", area="Macclesfield, Bollington, Poynton and Disley"),
    L("reablement_home", "Congleton", "Dane Valley Home Enablement", "dane-valley-day-opportunities", area="Congleton, Middlewich and Holmes Chapel"),
    L("reablement_home", "Wilmslow", "Bollin Home Enablement, Wilmslow and Knutsford", "bollin-enablement-team", area=_WEST_NORTH),
    L("cooking_course", "Crewe", "Crewe Cook and Eat", "full-plate-kitchen", "crewe-junction-rooms", "mon 10:00-13:00"),
    L("cooking_course", "Macclesfield", "Macclesfield Cooking on a Budget", "full-plate-kitchen", "macclesfield-loom-cafe", "thu 18:00-20:30"),
    L("cooking_course", "Congleton", "Congleton Saturday Kitchen Club", "full-plate-kitchen", "congleton-bridge-street", "sat 10:00-13:00"),
    L("cooking_course", "Middlewich", "Middlewich Cookery for Beginners", "full-plate-kitchen", "middlewich-wheelock-street", "tue 13:00-15:30"),
    L("cooking_course", "Handforth", "Handforth Evening Cookery Club", "full-plate-kitchen", "handforth-spath-lane", "wed 18:00-20:00"),

    # ---- Work and volunteering -------------------------------------------------------------------
    L("job_coaching", "Crewe", "Crewe Supported Employment Service", "canalside-futures", "crewe-earle-street", "mon-fri 09:00-17:00", age=(18, None),
      needs=["learning-disability", "autism", "physical-disability"]),
    L("job_coaching", "Macclesfield", "Macclesfield Jobs Club for Disabled Adults", "mossfield-work-partnership", "macclesfield-park-lane", "wed 13:00-16:00"),
    L("job_coaching", "Wilmslow", "Next Shift Job Coaching", "next-shift-employment", "wilmslow-grove-street", "tue 09:30-16:30"),
    L("job_coaching", "Knutsford", "Knutsford Work Experience Programme", "next-shift-employment", "knutsford-king-street", "mon,wed 10:00-15:00"),
    L("job_coaching", "Middlewich", "Middlewich Routes into Work", "canalside-futures", "middlewich-wheelock-street", "thu 10:00-15:00"),
    L("job_coaching", "Handforth", "Handforth Evening Jobs Club", "next-shift-employment", "handforth-spath-lane", "tue 17:30-19:30",
      needs=["learning-disability", "mental-health", "physical-disability"]),
    L("work_cafe", "Crewe", "Junction Café Work Placements", "junction-cafe-cic", "crewe-junction-rooms", "mon-sat 09:00-14:00"),
    L("work_cafe", "Macclesfield", "The Loom Café Trainee Programme", "loom-cafe-cic", "macclesfield-loom-cafe", "tue-sat 09:30-14:30"),
    L("work_cafe", "Congleton", "Bridge Street Café Traineeships", "mossfield-work-partnership", "congleton-bridge-street", "mon,wed,fri 09:00-14:00"),
    L("work_cafe", "Nantwich", "Weaver Valley Print and Packing Workshop", "weaver-valley-day-services", "nantwich-beam-street", "mon-thu 09:30-15:00",
      summary="Real work in a small print and packing workshop in Nantwich, with job coaching towards paid employment."),
    L("supported_volunteering", "Crewe", "Crewe Supported Volunteering", "heatherbank-volunteer-exchange", "crewe-earle-street", "wed 10:00-13:00"),
    L("supported_volunteering", "Macclesfield", "Macclesfield Volunteer Buddies", "heatherbank-volunteer-exchange", "macclesfield-park-green", "mon 13:00-15:00"),
    L("supported_volunteering", "Sandbach", "Sandbach Charity Shop Volunteering", "thrift-and-thread", "sandbach-charity-shop", "tue-sat 10:00-14:00"),
    L("supported_volunteering", "Alsager", "Alsager Community Volunteering", "heatherbank-volunteer-exchange", "alsager-mere-rooms", "thu 10:00-12:00"),
    L("supported_volunteering", "Poynton", "Poynton Community Pantry Volunteers", "heatherbank-volunteer-exchange", "poynton-park-lane", "fri 09:30-12:30; sat 09:30-12:00"),
    L("supported_volunteering", "Knutsford", "Knutsford Volunteer Buddies", "heatherbank-volunteer-exchange", "knutsford-king-street", "thu 13:00-15:00"),

    # ---- Online ----------------------------------------------------------------------------------
    L("online_social", "Crewe", "Screenside Social Evening Quiz", "screenside-social", sessions="wed 19:30-20:30", area=_ALL),
    L("online_social", "Crewe", "Kettle On Online Coffee Morning", "screenside-social", sessions="mon 10:30-11:30", area=_ALL),
    L("online_social", "Sandbach", "Online Chair Exercise with Steady Steps", "steady-steps-exercise", sessions="fri 11:00-11:45", area=_ALL,
      needs=["older-people", "physical-disability"], summary="Gentle seated exercise by video call, led live by a qualified instructor."),
    L("online_social", "Macclesfield", "Clearview Online Audio Book Club", "clearview-sight-loss", sessions="thu 14:00-15:00", area=_ALL,
      needs=["sensory-impairment", "older-people"], summary="A book club by phone or video call for people with sight loss, reading audio books together."),
    L("online_social", "Congleton", "Screenside Sunday Chat", "screenside-social", sessions="sun 15:00-16:00", area=_ALL),
]


# Listing-specific words for listings whose names promise something the archetype text
# does not say (a pottery class, a choir, a canoe club). Keyed by listing id.
DETAILS = {
    "wilmslow-evening-pottery-class": dict(
        summary="An evening pottery class in Wilmslow for adults with learning disabilities or mental health needs: hand-building, the wheel and glazing.",
        more="The class is taught by a potter, with a small kiln on site. Pieces are fired between sessions, so you can take your work home a fortnight later.",
        activities=["hand-building", "throwing on the wheel", "glazing", "clay modelling"]),
    "harmony-lane-community-choir": dict(
        summary="An inclusive community choir in Congleton where adults with learning disabilities and autism sing pop songs, show tunes and Makaton-signed songs.",
        more="Nobody has to read music. Songs are learned by ear, with large-print words and Makaton signs, and the choir performs at local fêtes and the Christmas lights switch-on.",
        activities=["singing", "Makaton signing", "vocal warm-ups", "performances"]),
    "knutsford-drumming-circle": dict(
        summary="A drumming circle in Knutsford for adults with learning disabilities: loud, joyful and no experience needed.",
        activities=["African drumming", "percussion", "rhythm games", "performances"]),
    "nantwich-carers-walk-and-talk": dict(
        summary="A gentle Sunday morning walk for unpaid carers around Barony Park, Nantwich, with a coffee afterwards.",
        activities=["walks", "chat", "coffee afterwards"]),
    "bollington-wellbeing-walk-and-talk": dict(
        summary="A Saturday morning walk and talk in Bollington for adults with low mood or anxiety, starting from Kerridge View Garden.",
        activities=["walking", "peer support", "tea afterwards"]),
    "sandbach-gamers-night-16-to-25": dict(
        summary="A gaming night in Sandbach for young people aged 16 to 25 with learning disabilities or autism: consoles, board games and pizza.",
        activities=["console games", "board games", "pizza", "tournaments"]),
    "congleton-autistic-adults-games-night": dict(
        summary="A Friday games night in Congleton for autistic adults: board games, card games and video games in a calm café."),
    "beartown-disco-night": dict(
        summary="A monthly Saturday night disco in Congleton for adults with learning disabilities, with a DJ, karaoke and a chill-out room."),
    "nantwich-textile-and-craft-group": dict(
        summary="A relaxed textile and craft group in Nantwich: sewing, knitting, weaving and felting, with help for beginners.",
        activities=["sewing", "knitting", "weaving", "felting", "embroidery"]),
    "audlem-craft-and-chat": dict(
        summary="Crafts, tea and a natter in Audlem for older people who want to make things and meet people.",
        activities=["knitting", "card making", "crochet", "tea and chat"]),
    "disley-watercolour-group-for-wellbeing": dict(
        summary="A gentle watercolour painting group in Disley for people who want to relax, paint and meet others.",
        activities=["watercolour painting", "drawing", "landscape painting", "tea and chat"]),
    "kerridge-ridge-art-group": dict(
        summary="A small painting and drawing group in Bollington for adults who paint for their wellbeing."),
    "crewe-inclusive-art-club": dict(
        summary="A Saturday morning art club in Crewe for adults with learning disabilities, led by working artists."),
    "knutsford-stroke-and-aphasia-cafe": dict(
        summary="A café-style group in Knutsford for stroke survivors with aphasia and their families, with communication support and conversation practice.",
        activities=["conversation practice", "communication aids", "tea and chat", "word games"]),
    "crewe-inclusive-swim": dict(
        summary="An inclusive Sunday morning swim in Crewe for disabled adults, with a pool hoist, a Changing Places toilet and swimming coaches.",
        activities=["swimming", "water confidence", "aqua exercise"]),
    "crewe-wheelchair-basketball-club": dict(
        summary="Wheelchair basketball for adults in Crewe: beginners welcome and sports wheelchairs provided.",
        activities=["wheelchair basketball", "fitness", "team games"]),
    "macclesfield-boccia-club": dict(
        summary="A boccia club in Macclesfield for disabled adults, including players who use ramps and assistants.",
        activities=["boccia", "friendly competitions"]),
    "congleton-inclusive-football": dict(
        summary="Saturday morning inclusive football in Congleton for adults with learning disabilities and autism.",
        activities=["football", "skills drills", "friendly matches"]),
    "weaver-inclusive-canoe-club": dict(
        more="Paddlers use stable open canoes, sit-on-top kayaks and an adapted canoe that takes a wheelchair user. Buoyancy aids and wetsuits are provided, and a coach is always on the water with you.",
        summary="Adapted canoeing and kayaking on the River Weaver in Nantwich for disabled adults, with qualified coaches.",
        activities=["canoeing", "kayaking", "water safety"]),
    "knutsford-all-ability-cycling": dict(
        summary="All-ability cycling in Knutsford on adapted bikes, trikes, hand cycles and side-by-side bikes.",
        activities=["adapted cycling", "hand cycles", "side-by-side bikes"]),
    "crewe-chair-yoga": dict(
        summary="Gentle chair yoga in Crewe for older people and adults with limited mobility.",
        activities=["chair yoga", "breathing exercises", "stretching"]),
    "poynton-tai-chi-for-balance": dict(
        summary="Tai chi in Poynton to improve balance and confidence, with movements done standing or seated.",
        activities=["tai chi", "balance exercises", "breathing"]),
    "handforth-seated-dance": dict(
        summary="Seated dance to music from the 1940s to the 1980s, for older people in Handforth.",
        activities=["seated dance", "music", "reminiscence"]),
    "macclesfield-mens-mental-health-group": dict(
        summary="An evening peer support group in Macclesfield for men who are struggling with their mental health."),
    "knutsford-womens-wellbeing-circle": dict(
        summary="A small, supportive group in Knutsford for women living with anxiety, low mood or stress."),
    "nantwich-anxiety-support-group": dict(
        summary="An evening support group in Nantwich for adults living with anxiety and panic."),
    "crewe-repair-and-make-quiet-sessions": dict(
        summary="Calm, quieter repair and making sessions in Crewe for people who find busy workshops hard."),
    "clearview-telephone-chat-club": dict(
        summary="Group phone calls for people with sight loss: chat, quizzes and talking books, from your own armchair."),
    "online-autistic-adults-peer-group": dict(
        more="The group is run by autistic people. You can keep your camera and microphone off and take part by text, and each session has a topic sent out in advance, such as routines, work or special interests.",
        summary="A relaxed online peer group for autistic adults on Sunday evenings, with text chat for people who prefer not to speak."),
    "macclesfield-saturday-memory-cafe": dict(
        summary="A Saturday afternoon memory café in Macclesfield for people living with dementia and their families, with tea, music and a chat."),
    "crewe-wednesday-memory-cafe": dict(
        summary="A Wednesday afternoon memory café in Crewe town centre for people living with dementia or memory worries and their carers."),
    "alsager-sunday-memory-cafe": dict(
        summary="A Sunday afternoon memory café in Alsager for people with dementia and their families, overlooking the mere."),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="build and check only; write nothing")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    table = load_postcodes(POSTCODES)
    directory = build(table)
    problems = check(directory, table)
    for p in problems:
        print("problem:", p, file=sys.stderr)
    if problems:
        return 1
    s = directory["services"]
    print(
        f"{len(s)} services, {len(directory['organisations'])} organisations, "
        f"{len(directory['locations'])} locations in {len({l['town'] for l in directory['locations']})} towns",
        file=sys.stderr,
    )
    if not args.check:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(directory, ensure_ascii=False, indent=1)
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
