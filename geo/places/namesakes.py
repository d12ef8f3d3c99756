"""Names that several rows share: how many, and which lie far apart (for check and stats)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from geo.model import Place
from geo.places.districts import km_between
from geo.places.names import fold

# Rows of one name farther apart than this are different places, not one place's two points:
# the default for the far-namesakes report of `gazetteer check` and `gazetteer stats`.
FAR_KM = 25.0


@dataclass(frozen=True, slots=True)
class SharedName:
    """A folded name and the rows that carry it, with the largest distance between two of them."""

    name: str
    place_ids: tuple[str, ...]
    max_km: float


def shared_names(places: Iterable[Place]) -> list[SharedName]:
    """Every folded name or alias carried by more than one row, sorted by name.

    Parameters
    ----------
    places
        Gazetteer rows; areas (districts, provinces) count like points, at their centre.
    """
    groups: dict[str, dict[str, Place]] = {}
    for place in places:
        for key in {fold(n) for n in (place.name, *place.aliases)}:
            groups.setdefault(key, {})[place.id] = place
    shared = []
    for key in sorted(groups):
        members = groups[key]
        if len(members) < 2:
            continue
        ids = tuple(sorted(members))
        far = max(km_between(members[a], members[b]) for a, b in combinations(ids, 2))
        shared.append(SharedName(name=key, place_ids=ids, max_km=round(far, 1)))
    return shared


def far_apart(shared: Iterable[SharedName], km: float = FAR_KM) -> list[SharedName]:
    """Keep the shared names whose rows lie more than ``km`` apart, farthest first."""
    return sorted((s for s in shared if s.max_km > km), key=lambda s: (-s.max_km, s.name))
