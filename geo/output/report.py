"""The unresolved-names report: words that look like places but match no gazetteer row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from geo.model import UnresolvedName

UNRESOLVED_COLUMNS = ("name", "cue", "doc", "start", "end", "sentence")


def unresolved_csv_text(names: Sequence[UnresolvedName]) -> str:
    """Render the report as CSV, sorted by (name, doc, start), one row per occurrence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(UNRESOLVED_COLUMNS)
    for name in sorted(names, key=lambda n: (n.name.casefold(), n.sentence.doc, n.start)):
        sentence = " ".join(name.sentence.text.split())
        writer.writerow((name.name, name.cue, name.sentence.doc, name.start, name.end, sentence))
    return buffer.getvalue()
