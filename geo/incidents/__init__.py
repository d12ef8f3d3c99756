"""Incidents stage: sentences and their place mentions → dated, merged incidents and war phases."""

from geo.incidents.extract import (
    DocumentReports,
    Extraction,
    document_reports,
    extract_incidents,
    merge_reports,
)
from geo.incidents.memo import MergeMemo, restore_memo
from geo.incidents.periods import PERIODS, assign_period, find_period

__all__ = [
    "PERIODS",
    "DocumentReports",
    "Extraction",
    "MergeMemo",
    "assign_period",
    "document_reports",
    "extract_incidents",
    "find_period",
    "merge_reports",
    "restore_memo",
]
