"""Incidents stage: sentences and their place mentions → dated, merged incidents and war phases."""

from geo.incidents.extract import Extraction, extract_incidents
from geo.incidents.periods import PERIODS, assign_period, find_period

__all__ = ["PERIODS", "Extraction", "assign_period", "extract_incidents", "find_period"]
