"""``gazetteer stats``: what the gazetteer holds, counted by kind, country and district."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from geo.places.names import fold
from geo.places.namesakes import FAR_KM, SharedName, far_apart
from geo.places.table import Gazetteer


@dataclass(frozen=True, slots=True)
class GazetteerStats:
    """Counts over every row; each ``by_*`` holds (value, rows), largest count first."""

    rows: int
    by_kind: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    by_district: tuple[tuple[str, int], ...]
    names_mean: float
    names_median: float
    names_max: int
    shared: int
    shared_far: int
    far_km: float
    sourced: int


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def count_gazetteer(
    gazetteer: Gazetteer, shared: Sequence[SharedName], far_km: float = FAR_KM
) -> GazetteerStats:
    """Count the rows of ``gazetteer`` and the names they share.

    Parameters
    ----------
    gazetteer
        The loaded table.
    shared
        Its :func:`~geo.places.namesakes.shared_names`, computed once by the caller.
    far_km
        Names whose rows lie farther apart than this are counted in ``shared_far``.
    """
    places = gazetteer.places
    names = [len({fold(n) for n in (p.name, *p.aliases)}) for p in places]
    return GazetteerStats(
        rows=len(places),
        by_kind=_ranked(Counter(p.kind for p in places)),
        by_country=_ranked(Counter(p.country for p in places)),
        by_district=_ranked(Counter(p.admin or "(none)" for p in places)),
        names_mean=round(statistics.fmean(names), 2) if names else 0.0,
        names_median=float(statistics.median(names)) if names else 0.0,
        names_max=max(names, default=0),
        shared=len(shared),
        shared_far=len(far_apart(shared, far_km)),
        far_km=far_km,
        sourced=sum(1 for p in places if p.source.startswith("http")),
    )
