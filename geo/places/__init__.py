"""Places stage: the checked-in gazetteer and sentences → resolved place mentions.

The rows are read by :mod:`~geo.places.table` and validated by :mod:`~geo.places.check`;
:mod:`~geo.places.names` normalizes spellings and :mod:`~geo.places.resolve` matches and
disambiguates them. See gazetteer/README.md for the data rules.
"""

from geo.places.check import check_gazetteer
from geo.places.names import fold
from geo.places.namesakes import FAR_KM, SharedName, far_apart, shared_names
from geo.places.resolve import distance_km, find_mentions
from geo.places.stats import GazetteerStats, count_gazetteer
from geo.places.table import Gazetteer, load_gazetteer, packaged_places
from geo.places.unresolved import VILLAGE_CUES, find_unresolved

__all__ = [
    "FAR_KM",
    "VILLAGE_CUES",
    "Gazetteer",
    "GazetteerStats",
    "SharedName",
    "check_gazetteer",
    "count_gazetteer",
    "distance_km",
    "far_apart",
    "find_mentions",
    "find_unresolved",
    "fold",
    "load_gazetteer",
    "packaged_places",
    "shared_names",
]
