"""The checked-in gazetteer: load it, check it, and find its places in sentences.

This module is the public face of the gazetteer stage; the work is split over
:mod:`geo.gazetteer_table` (reading rows), :mod:`geo.gazetteer_check` (validation),
:mod:`geo.names` (normalization) and :mod:`geo.resolve` (matching and disambiguation).
See gazetteer/README.md for the data rules.
"""

from __future__ import annotations

from geo.gazetteer_check import check_gazetteer
from geo.gazetteer_table import Gazetteer, load_gazetteer
from geo.gazetteer_unresolved import find_unresolved
from geo.resolve import find_mentions

__all__ = ["Gazetteer", "check_gazetteer", "find_mentions", "find_unresolved", "load_gazetteer"]
