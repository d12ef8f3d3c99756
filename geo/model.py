"""Typed values shared by every stage of the pipeline.

The flow is Document -> Sentence -> Mention -> Incident -> GeoDataFrame. Everything here is a
frozen, slotted dataclass so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Shape = Literal["front_matter", "flat", "glossed"]
SourceFormat = Literal["text", "markdown", "html", "pdf"]
PlaceKind = Literal[
    "village", "town", "city", "district", "province", "region", "country", "landmark", "water"
]
GeoPrecision = Literal["settlement", "district", "province", "region", "country", "unlocated"]
DatePrecision = Literal["day", "month", "year"]
EventType = Literal[
    "shelling",
    "sniper",
    "firefight",
    "shootdown",
    "capture",
    "offensive",
    "massacre",
    "pogrom",
    "landmine",
    "drone",
    "clash",
    "other",
]

PLACE_KINDS: tuple[PlaceKind, ...] = (
    "village",
    "town",
    "city",
    "district",
    "province",
    "region",
    "country",
    "landmark",
    "water",
)
EVENT_TYPES: tuple[EventType, ...] = (
    "shelling",
    "sniper",
    "firefight",
    "shootdown",
    "capture",
    "offensive",
    "massacre",
    "pogrom",
    "landmine",
    "drone",
    "clash",
    "other",
)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the span of normalized text it governs (up to the next heading)."""

    heading: str
    level: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document; ``text == document.text[start:end]``."""

    doc: str
    index: int
    text: str
    start: int
    end: int
    heading: str = ""
    is_table: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A seed file after shape detection, mojibake repair and gloss removal."""

    path: str
    shape: Shape
    text: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    metadata: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    glosses_removed: int = 0
    chars_repaired: int = 0
    source_format: SourceFormat = "text"
    encoding: str = "utf-8"
    headline: str = ""
    # The item's own date (publication line, dateline, page metadata), and where it came from.
    published: dt.date | None = None
    published_from: str = ""
    dateline: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row. ``source`` is a GeoNames URL or the page the coordinates came from."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: PlaceKind
    admin: str
    country: str
    lat: float
    lon: float
    source: str
    source_id: str
    population: int = 0
    note: str = ""

    @property
    def precision(self) -> GeoPrecision:
        """How precise a point at this place is, for the map and the GeoJSON."""
        return KIND_PRECISION[self.kind]


KIND_PRECISION: dict[PlaceKind, GeoPrecision] = {
    "village": "settlement",
    "town": "settlement",
    "city": "settlement",
    "landmark": "settlement",
    "water": "settlement",
    "district": "district",
    "province": "province",
    "region": "region",
    "country": "country",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer place found in a sentence, with where it was written and why it was chosen."""

    sentence: Sentence
    place: Place
    start: int
    end: int
    as_written: str
    reason: str = ""

    @property
    def precision(self) -> GeoPrecision:
        """Precision of the resolved place."""
        return self.place.precision


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """Words that look like a place name but match no gazetteer row."""

    sentence: Sentence
    name: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True, slots=True)
class ExcludedReport:
    """A sentence with a violent word that did not become an incident, and why not."""

    sentence: Sentence
    reason: str
    # dated only relative to an item date the document lacks ("on Thursday", "September 28")
    needs_item_date: bool = False


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date or date range with its precision and the text it was read from."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    text: str = ""
    # Why the year or the day is not in the text itself ("year from the heading"); "" if it is.
    inferred: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where an incident is reported: a seed file, the sentence and its span."""

    doc: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """A death figure as one source states it."""

    source: Source
    deaths_low: int | None
    deaths_high: int | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """A war phase: an inclusive date range with a label, a colour and its source."""

    id: str
    label: str
    start: dt.date
    end: dt.date
    color: str
    source: str


@dataclass(frozen=True, slots=True)
class Incident:
    """A dated violent event, located at ``places[0]`` or unlocated with a reason."""

    id: str
    event_type: EventType
    when: DateRange
    places: tuple[Mention, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...] = ()
    deaths_low: int | None = None
    deaths_high: int | None = None
    sides: tuple[str, ...] = ()
    summary: str = ""
    unlocated_reason: str = ""
    place_inferred: str = ""

    @property
    def place(self) -> Place | None:
        """The main place, or ``None`` when the incident is unlocated."""
        return self.places[0].place if self.places else None

    @property
    def geo_precision(self) -> GeoPrecision:
        """Precision of the main place, ``unlocated`` when there is none."""
        return self.places[0].precision if self.places else "unlocated"
