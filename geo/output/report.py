"""The two reports beside the map: names the gazetteer lacks, and dated reports not taken."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from geo.model import ExcludedReport, UnresolvedName

UNRESOLVED_COLUMNS = ("name", "cue", "doc", "start", "end", "sentence")
EXCLUDED_COLUMNS = ("reason", "doc", "start", "end", "sentence")


def unresolved_csv_text(names: Sequence[UnresolvedName]) -> str:
    """Render the report as CSV, sorted by (name, doc, start), one row per occurrence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(UNRESOLVED_COLUMNS)
    for name in sorted(names, key=lambda n: (n.name.casefold(), n.sentence.doc, n.start)):
        sentence = " ".join(name.sentence.text.split())
        writer.writerow((name.name, name.cue, name.sentence.doc, name.start, name.end, sentence))
    return buffer.getvalue()


def excluded_csv_text(reports: Sequence[ExcludedReport]) -> str:
    """Render the dated violent-looking sentences not taken, in document order, with why."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXCLUDED_COLUMNS)
    for report in sorted(reports, key=lambda r: (r.sentence.doc, r.sentence.start)):
        sentence = report.sentence
        text = " ".join(sentence.text.split())
        writer.writerow((report.reason, sentence.doc, sentence.start, sentence.end, text))
    return buffer.getvalue()
