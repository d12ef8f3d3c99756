"""The checked-in gazetteer; installed as ``geo.gazetteer`` so builds run outside the repo."""
