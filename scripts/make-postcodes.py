#!/usr/bin/env python3
"""Regenerates data/postcodes/ from the shared ONS postcode extract.

Usage: scripts/make-postcodes.py [SOURCE_DIR]
SOURCE_DIR defaults to ../shared/data/postcodes (relative to the repository root).

Writes:
  data/postcodes/cheshire-east.csv  every postcode with coordinates in the outward codes
                                     that cover Cheshire East, as `CW111AA,53.14328,-2.36527`
                                     (no space, 5 decimals), sorted by byte order
  data/postcodes/outcodes.csv       a copy of every UK outward code's mean position,
                                     sorted by byte order
"""

import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/postcodes"
OUT = ROOT / "data/postcodes"

# Outward codes wholly or largely in Cheshire East, plus SK23 (Kettleshulme) and WA15
# (Ashley), border districts with one Cheshire East village each. Postcodes in these
# districts that lie over the border are kept too: they do no harm and still resolve.
OUTCODES = [
    "CW1", "CW2", "CW3", "CW4", "CW5", "CW10", "CW11", "CW12",
    "SK9", "SK10", "SK11", "SK12", "SK23",
    "ST7",
    "WA15", "WA16",
]


def outward(postcode: str) -> str:
    compact = postcode.replace(" ", "").upper()
    return compact[:-3]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = set(OUTCODES)
    rows = []
    skipped = 0
    for area in sorted({oc.rstrip("0123456789") for oc in OUTCODES}):
        with open(SOURCE / f"{area}.csv", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                pc = row["Postcode"].replace(" ", "").upper()
                if outward(pc) not in wanted:
                    continue
                if not row["lat"] or not row["long"]:
                    skipped += 1
                    continue
                rows.append((pc, round(float(row["lat"]), 5), round(float(row["long"]), 5)))
    rows.sort(key=lambda r: r[0].encode())
    with open(OUT / "cheshire-east.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("postcode,lat,lon\n")
        for pc, lat, lon in rows:
            f.write(f"{pc},{lat:.5f},{lon:.5f}\n")

    outcodes = []
    with open(SOURCE / "outcodes.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            outcodes.append(
                (row["outcode"].strip().upper(), round(float(row["lat"]), 5),
                 round(float(row["long"]), 5), int(row["postcodes"]))
            )
    outcodes.sort(key=lambda r: r[0].encode())
    with open(OUT / "outcodes.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("outcode,lat,lon,postcodes\n")
        for oc, lat, lon, n in outcodes:
            f.write(f"{oc},{lat:.5f},{lon:.5f},{n}\n")

    print(f"{len(rows)} postcodes ({skipped} without coordinates skipped), "
          f"{len(outcodes)} outward codes", file=sys.stderr)


if __name__ == "__main__":
    main()
