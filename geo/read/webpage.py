"""Saved web pages and PDFs → plain text in the shape the flat reader knows.

trafilatura finds a page's main text, title, date and address and drops menus and footers;
pypdf extracts a PDF's text, whose lines are re-joined into paragraphs. Both return text with
``Source:``/``Date:`` header lines first, so the one reader of flat text takes it from there
and every offset points into the normalized text it produces.
"""

from __future__ import annotations

import logging
import re
from io import BytesIO
from pathlib import Path

from geo.errors import InputError

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.!?:\"”’)]\s*$")
# A PDF line shorter than this share of the page's longest line ends its paragraph.
_SHORT_LINE_SHARE = 0.8


def html_to_text(html: str, path: Path) -> str:
    """Return the main text of a saved web page, with its title, date and address as headers.

    Raises
    ------
    InputError
        When the page has no main text.
    """
    import trafilatura  # a second or two to import: only when a page is read

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    fields: dict[str, object] = {}
    if found is not None and not isinstance(found, dict):
        fields = found.as_dict()
    body = str(fields.get("text") or "").strip()
    if not body:
        raise InputError(path, "saved web page has no main text that could be extracted")
    title, url, date = (str(fields.get(key) or "").strip() for key in ("title", "url", "date"))
    lines = body.split("\n")
    if title and lines[0].strip() == title:
        lines = lines[1:]
    headers = [f"Source: {url}"] * bool(url) + [f"Date: {date}"] * bool(date)
    return "\n".join([*headers, *([title, ""] if title else []), *lines])


def pdf_to_text(data: bytes, path: Path) -> str:
    """Return the text of a PDF, its hard-wrapped lines joined back into paragraphs.

    Raises
    ------
    InputError
        When the file is not a readable PDF or has no text layer.
    """
    import pypdf

    try:
        reader = pypdf.PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (pypdf.errors.PdfReadError, ValueError, KeyError) as exc:
        raise InputError(path, f"is not a readable PDF ({exc})") from None
    paragraphs = [p for page in pages for p in _unwrap(page)]
    if not paragraphs:
        raise InputError(path, "PDF has no text layer (a scan?); run OCR first")
    title = str(reader.metadata.title or "").strip() if reader.metadata else ""
    head = f"{title}\n\n" if title and title != paragraphs[0] else ""
    return head + "\n".join(paragraphs)


def _unwrap(page: str) -> list[str]:
    lines = [line.strip() for line in page.split("\n")]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line)
        if _SENTENCE_END.search(line) and len(line) < _SHORT_LINE_SHARE * width:
            paragraphs.append(current)
            current = ""
    paragraphs.append(current)
    return [p for p in paragraphs if p]


def _join(current: str, line: str) -> str:
    if not current:
        return line
    if current.endswith("-"):
        # "shel-/ling" was split at the line end; "Nagorno-/Karabakh" keeps its hyphen.
        return current[:-1] + line if line[:1].islower() else current + line
    return f"{current} {line}"
