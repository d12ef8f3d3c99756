"""Score extracted incidents against the hand-annotated gold sets in ``tests/gold/``.

There is one gold set per corpus (the seeds, the Wikipedia-derived development texts, the news
excerpts). A corpus may hold out some documents: rules are developed on the rest and the held
part is scored separately, so the figures say how the rules do on text they were not fitted to.

A predicted incident matches a gold incident when one of its source sentences contains one of
the gold fragments from the same document. Precision counts as false positives: predictions
that hit a gold negative, second predictions for an already matched gold incident (a failed
merge), and predictions from an exhaustively annotated document that match no gold incident.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from geo.errors import InputError
from geo.model import Incident

# A located prediction this close to the gold point counts as the right place.
PLACE_TOLERANCE_KM = 5.0


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One sentence fragment that reports a gold incident."""

    doc: str
    fragment: str


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """A hand-annotated incident."""

    id: str
    date_start: dt.date
    date_end: dt.date
    date_precision: str
    event_type: str
    place: str | None
    lat: float | None
    lon: float | None
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class Gold:
    """The gold set: incidents, sentences that must not yield one, fully annotated documents."""

    incidents: tuple[GoldIncident, ...]
    negatives: tuple[GoldMention, ...]
    exhaustive_docs: tuple[str, ...]
    held_out_docs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """A folder of documents and the gold set annotated on it, relative to the repository."""

    name: str
    docs: Path
    gold: Path


# The development corpora live in the shared workspace beside the repository: they are not ours
# to redistribute (the news excerpts are their publishers' copyright).
CORPORA = (
    Corpus("seeds", Path("seeds"), Path("tests/gold/incidents.yaml")),
    Corpus("devset", Path("../shared/devset/docs"), Path("tests/gold/devset.yaml")),
    Corpus("devnews", Path("../shared/devnews/docs"), Path("tests/gold/devnews.yaml")),
)
PARTS = ("all", "dev", "held")


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores of one run against the gold set."""

    gold: int
    predicted: int
    found: int
    true_positives: int
    false_positives: int
    duplicates: int
    negatives_hit: int
    dates_right: int
    dates_consistent: int
    located_pairs: int
    places_right: int
    distances_km: tuple[float, ...]
    missed: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Matched predictions over all judged predictions."""
        judged = self.true_positives + self.false_positives
        return self.true_positives / judged if judged else 0.0

    @property
    def recall(self) -> float:
        """Gold incidents found over all gold incidents."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def date_accuracy(self) -> float:
        """Share of found incidents whose start and end are within a day of the gold dates."""
        return self.dates_right / self.found if self.found else 0.0

    @property
    def date_consistency(self) -> float:
        """Share of found incidents whose dates overlap the gold's, starting near its start."""
        return self.dates_consistent / self.found if self.found else 0.0

    @property
    def median_km(self) -> float | None:
        """Median distance between predicted and gold points, where both exist."""
        return statistics.median(self.distances_km) if self.distances_km else None

    @property
    def max_km(self) -> float | None:
        """Largest distance between predicted and gold points, where both exist."""
        return max(self.distances_km) if self.distances_km else None


def load_gold(path: Path) -> Gold:
    """Read the gold YAML file.

    Raises
    ------
    InputError
        When the file is missing or an entry lacks a required field.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, f"cannot read the gold set: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"gold set is not valid YAML: {exc}") from None
    try:
        incidents = tuple(_gold_incident(item) for item in raw["incidents"])
        negatives = tuple(_mention(item) for item in raw.get("negatives") or ())
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(path, f"gold entry is malformed: {exc!r}") from None
    return Gold(
        incidents,
        negatives,
        tuple(raw.get("exhaustive_docs") or ()),
        tuple(raw.get("held_out_docs") or ()),
    )


def gold_part(gold: Gold, docs: Sequence[str], part: str) -> tuple[Gold, frozenset[str]]:
    """Restrict ``gold`` to the development or held-out documents (``part`` in :data:`PARTS`).

    Returns
    -------
    tuple[Gold, frozenset[str]]
        The gold set of that part and the names of its documents.
    """
    held = set(gold.held_out_docs)
    names = frozenset(d for d in docs if part == "all" or (d in held) == (part == "held"))
    incidents = []
    for incident in gold.incidents:
        mentions = tuple(m for m in incident.mentions if m.doc in names)
        if mentions:
            incidents.append(replace(incident, mentions=mentions))
    negatives = tuple(m for m in gold.negatives if m.doc in names)
    exhaustive = tuple(d for d in gold.exhaustive_docs if d in names)
    return Gold(tuple(incidents), negatives, exhaustive, gold.held_out_docs), names


def in_docs(incidents: Sequence[Incident], names: frozenset[str]) -> list[Incident]:
    """Keep the incidents reported by at least one of the documents ``names``."""
    return [i for i in incidents if any(s.doc in names for s in i.sources)]


def _mention(item: dict[str, str]) -> GoldMention:
    return GoldMention(str(item["doc"]), str(item["fragment"]))


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _gold_incident(item: dict[str, object]) -> GoldIncident:
    mentions = item["mentions"]
    if not isinstance(mentions, list):
        message = f"{item.get('id')}: mentions must be a list"
        raise TypeError(message)
    lat, lon = item.get("lat"), item.get("lon")
    return GoldIncident(
        id=str(item["id"]),
        date_start=_as_date(item["date_start"]),
        date_end=_as_date(item["date_end"]),
        date_precision=str(item.get("date_precision", "day")),
        event_type=str(item.get("event_type", "")),
        place=None if item.get("place") is None else str(item["place"]),
        lat=None if lat is None else float(str(lat)),
        lon=None if lon is None else float(str(lon)),
        mentions=tuple(_mention(m) for m in mentions),
    )


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _hits(incident: Incident, mentions: Sequence[GoldMention]) -> bool:
    return any(
        source.doc == mention.doc and _squash(mention.fragment) in _squash(source.quote)
        for source in incident.sources
        for mention in mentions
    )


def evaluate(incidents: Sequence[Incident], gold: Gold) -> Evaluation:
    """Compare ``incidents`` with ``gold`` and count what matched.

    Parameters
    ----------
    incidents
        Merged incidents of a build over the seeds the gold set was annotated on.
    gold
        The annotations.
    """
    matched_gold: dict[str, Incident] = {}
    true_positives = false_positives = duplicates = negatives_hit = 0
    for incident in incidents:
        golds = [g for g in gold.incidents if _hits(incident, g.mentions)]
        if golds:
            # One sentence can report two incidents: pair each prediction with the gold
            # incident its dates fit best, preferring one not matched yet.
            # Among equally near golds, the one whose span is most alike: a day's attack
            # pairs with the gold of that day, not with a war-long summary it also overlaps.
            best = min(
                golds,
                key=lambda g: (g.id in matched_gold, _date_gap(g, incident), _misfit(g, incident)),
            )
            if best.id in matched_gold:
                duplicates += 1
                false_positives += 1
            else:
                matched_gold[best.id] = incident
                true_positives += 1
        elif _hits(incident, gold.negatives):
            negatives_hit += 1
            false_positives += 1
        elif any(source.doc in gold.exhaustive_docs for source in incident.sources):
            false_positives += 1
    pairs = [(g, matched_gold[g.id]) for g in gold.incidents if g.id in matched_gold]
    from geopy.distance import geodesic  # loads every geocoder: only scoring needs it

    distances = tuple(
        round(float(geodesic((g.lat, g.lon), (p.place.lat, p.place.lon)).km), 3)
        for g, p in pairs
        if g.lat is not None and g.lon is not None and p.place is not None
    )
    return Evaluation(
        gold=len(gold.incidents),
        predicted=len(incidents),
        found=len(pairs),
        true_positives=true_positives,
        false_positives=false_positives,
        duplicates=duplicates,
        negatives_hit=negatives_hit,
        dates_right=sum(1 for g, p in pairs if _date_right(g, p)),
        dates_consistent=sum(1 for g, p in pairs if _date_consistent(g, p)),
        located_pairs=len(distances),
        places_right=sum(1 for km in distances if km <= PLACE_TOLERANCE_KM),
        distances_km=distances,
        missed=tuple(g.id for g in gold.incidents if g.id not in matched_gold),
    )


def _date_gap(gold: GoldIncident, predicted: Incident) -> int:
    """Days between the two date ranges; 0 when they overlap."""
    if predicted.when.end < gold.date_start:
        return (gold.date_start - predicted.when.end).days
    if gold.date_end < predicted.when.start:
        return (predicted.when.start - gold.date_end).days
    return 0


def _misfit(gold: GoldIncident, predicted: Incident) -> int:
    """Days by which the two ranges' starts and ends differ."""
    starts = abs((predicted.when.start - gold.date_start).days)
    return starts + abs((predicted.when.end - gold.date_end).days)


# How far a predicted start may be from the gold start, by the gold's own precision: "late
# April 2011" (21-30 April) agrees with a gold "April 2011".
_START_TOLERANCE_DAYS = {"day": 1, "month": 31, "year": 366}


def _date_consistent(gold: GoldIncident, predicted: Incident) -> bool:
    tolerance = _START_TOLERANCE_DAYS.get(gold.date_precision, 1)
    is_near = abs((predicted.when.start - gold.date_start).days) <= tolerance
    return is_near and _date_gap(gold, predicted) == 0


def _date_right(gold: GoldIncident, predicted: Incident) -> bool:
    one_day = dt.timedelta(days=1)
    return (
        abs(predicted.when.start - gold.date_start) <= one_day
        and abs(predicted.when.end - gold.date_end) <= one_day
    )
