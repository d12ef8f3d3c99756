"""Read documents into normalized text, sections and sentences with exact offsets."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from geo.errors import InputError
from geo.model import Document, Section, Sentence, SourceFormat
from geo.read.decode import decode_text
from geo.read.front import dateline_date, page_stamp, parse_date_line, parse_iso_date, url_date
from geo.read.sentences import split_spans
from geo.read.shapes import Block, ShapedText, shape_text
from geo.read.webpage import html_to_text, pdf_to_text

log = logging.getLogger(__name__)

FORMATS: dict[str, SourceFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
SEED_SUFFIXES = tuple(FORMATS)


@functools.cache
def _fix_text() -> Callable[[str], str]:
    # ftfy takes 0.15 s to import; a build whose documents all come from the cache never needs it
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)
    return functools.partial(ftfy.fix_text, config=config)


# ftfy leaves some MacRoman mojibake alone: runs starting with U+F8FF (MacRoman's 0xF0, the lead
# byte of every emoji, e.g. the flags in 004's tables) and all-Cyrillic runs such as 004's image
# captions. A run is replaced only if it re-encodes to valid UTF-8, as real text hardly does.
_MACROMAN_RUN = re.compile("[^\\x00-\\x7f]{2,}")
# Printable ASCII without "&" (an HTML entity) is what ftfy leaves as it is: it has no
# mojibake, control characters, line separators or entities. The news' typographic quotes,
# dashes, bullets and ellipsis are no mojibake on their own either: they show up in it only after
# a Latin-1 letter (â€™), which such a line lacks. Most lines are such; skip ftfy for them
# (a test checks that ftfy would leave them unchanged).
PLAIN_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u2026"
_PLAIN_LINE = re.compile(f"[\\t\\x20-\\x25\\x27-\\x7e{PLAIN_PUNCTUATION}]*")


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents that were read and the files that were skipped, with why."""

    documents: tuple[Document, ...]
    skipped: tuple[InputError, ...] = ()


def seed_files(seeds_dir: Path) -> list[Path]:
    """List the seed files in ``seeds_dir`` in name order (README files are documentation).

    Raises
    ------
    InputError
        When the folder does not exist or holds no seed file.
    """
    if not seeds_dir.is_dir():
        message = "seeds folder not found; run from the repository root or pass --seeds DIR"
        raise InputError(seeds_dir, message)
    paths = sorted(
        path
        for path in seeds_dir.iterdir()
        if path.suffix.lower() in SEED_SUFFIXES and not path.name.upper().startswith("README")
    )
    if not paths:
        raise InputError(seeds_dir, "no .txt, .md, .html or .pdf files found in this folder")
    return paths


def load_corpus(seeds_dir: Path, *, is_strict: bool = False) -> Corpus:
    """Read and parse every seed file in ``seeds_dir``.

    Parameters
    ----------
    seeds_dir
        Folder of ``*.txt`` and ``*.md`` files.
    is_strict
        Raise on the first bad file instead of skipping it with a warning.

    Raises
    ------
    InputError
        A bad file when ``is_strict``, or when no file at all could be read.
    """
    documents: list[Document] = []
    skipped: list[InputError] = []
    for path in seed_files(seeds_dir):
        try:
            documents.append(_parse_file(path))
        except InputError as error:
            if is_strict:
                raise
            log.warning("skipped %s", error)
            skipped.append(error)
    if not documents:
        raise skipped[0] if len(skipped) == 1 else InputError(seeds_dir, "no readable seed file")
    return Corpus(tuple(documents), tuple(skipped))


def _parse_file(path: Path) -> Document:
    return parse_seed(path, read_bytes(path))


def parse_seed(path: Path, data: bytes) -> Document:
    """Parse the bytes of one seed file, already read, into a document named by its file name.

    Raises
    ------
    InputError
        Empty, binary, in no known encoding, or otherwise unusable; the message names ``path``.
    """
    source_format = FORMATS[path.suffix.lower()]
    try:
        text, encoding = text_of(data, path, source_format)
        document = parse_document(text, path.name)
    except InputError as error:
        # Documents are named by file name, but a message should name the file the user has.
        if error.path == path.name:
            raise InputError(path, error.problem, error.line) from None
        raise
    return replace(document, source_format=source_format, encoding=encoding)


def read_bytes(path: Path) -> bytes:
    """Read a seed file's bytes, with a one-line error naming it when that fails."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None


def read_text(path: Path, source_format: SourceFormat = "text") -> tuple[str, str]:
    """Read one document file as text, whatever its format and encoding.

    Returns
    -------
    tuple[str, str]
        The text (a web page's main text, a PDF's paragraphs) and the encoding it was read with.

    Raises
    ------
    InputError
        Unreadable, empty, binary, in no known encoding, or with an absurdly long line.
    """
    return text_of(read_bytes(path), path, source_format)


def text_of(data: bytes, path: Path, source_format: SourceFormat = "text") -> tuple[str, str]:
    """Decode the bytes of a document file (see :func:`read_text`); ``path`` names it."""
    if source_format == "pdf":
        return pdf_to_text(data, path), "pdf"
    text, encoding = decode_text(data, path)
    if source_format == "html":
        return html_to_text(text, path), encoding
    return text, encoding


def read_seed(path: Path) -> str:
    """Read one plain-text document (see :func:`read_text`)."""
    return read_text(path)[0]


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo mis-decoded UTF-8 and count the characters that changed.

    Returns
    -------
    tuple[str, int]
        The repaired text and how many characters of the original were replaced.
    """
    repaired_lines: list[str] = []
    changed = 0
    for line in text.split("\n"):
        if _PLAIN_LINE.fullmatch(line):
            repaired_lines.append(line)
            continue
        fixed = _MACROMAN_RUN.sub(_decode_macroman, _fix_text()(line))
        if fixed != line:
            changed += _count_replaced(line, fixed)
        repaired_lines.append(fixed)
    return "\n".join(repaired_lines), changed


def _decode_macroman(match: re.Match[str]) -> str:
    try:
        return match.group(0).encode("mac_roman").decode("utf-8")
    except UnicodeError:
        return match.group(0)


def _count_replaced(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal")


def parse_document(text: str, path: str) -> Document:
    """Turn the text of one document into a :class:`~geo.model.Document`.

    Parameters
    ----------
    text
        The file's content, decoded.
    path
        The document's file name, kept on every sentence as its provenance.

    Raises
    ------
    InputError
        When the front matter is malformed or no prose is left.
    """
    repaired, chars_repaired = repair_mojibake(text)
    shaped = shape_text(repaired, path)
    normalized, sections, sentences = _assemble(shaped.blocks, path)
    if not sentences:
        raise InputError(path, "contains no prose sentences")
    published, published_from = document_date(shaped)
    return Document(
        path=path,
        shape=shaped.shape,
        text=normalized,
        sections=sections,
        sentences=sentences,
        metadata=shaped.metadata,
        glosses_removed=shaped.glosses_removed,
        chars_repaired=chars_repaired,
        headline=_headline(shaped),
        published=published,
        published_from=published_from,
        dateline=shaped.dateline.text if shaped.dateline else "",
    )


def _headline(shaped: ShapedText) -> str:
    title = next((b.text for b in shaped.blocks if b.kind == "title"), "")
    return title or str(shaped.metadata.get("title") or "")


# Where an item's own date is written, most explicit first.
_METADATA_DATE_KEYS = ("date", "pubDate", "published")


def document_date(shaped: ShapedText) -> tuple[dt.date | None, str]:
    """Return the item's own date and where it was read.

    A header ``Date:`` line or front-matter date comes first; then the dateline, whose year
    (when it has none) comes from any other date of the item; then a date line under the
    headline, a page store's date prefix, and last the date in the item's address.
    """
    metadata = shaped.metadata
    for key in _METADATA_DATE_KEYS:
        value = metadata.get(key)
        found = parse_iso_date(str(value)) if value else None
        if found is not None:
            return found, "front matter" if shaped.shape == "front_matter" else "Date: line"
    others = [
        (_published_stamp(shaped.blocks), "published line"),
        (_first_date_heading(shaped.blocks), "date line"),
        (
            parse_iso_date(str(metadata["date_prefix"])) if "date_prefix" in metadata else None,
            "date prefix",
        ),
        (_address_date(metadata), "address"),
    ]
    known = [(date, origin) for date, origin in others if date is not None]
    if shaped.dateline is not None:
        reference = known[0][0] if known else None
        found = dateline_date(shaped.dateline, reference)
        if found is not None:
            is_own_year = shaped.dateline.year is not None or not known
            origin = "dateline" if is_own_year else f"dateline, year from {known[0][1]}"
            return found, origin
    return known[0] if known else (None, "")


def _address_date(metadata: Mapping[str, object]) -> dt.date | None:
    """Return the date in the item's address, from its "URL:" line or else its "Source:" line."""
    for key in ("url", "source"):
        found = url_date(str(metadata.get(key) or ""))
        if found is not None:
            return found
    return None


# The date line of a news item stands under its headline, among the page's first lines.
_DATE_LINE_BLOCKS = 6


def _published_stamp(blocks: Sequence[Block]) -> dt.date | None:
    """Return the date of the page's "Published"/"Posted" stamp among its first lines."""
    for block in blocks[:_STAMP_BLOCKS]:
        stamp = page_stamp(block.text) if block.kind == "meta" else None
        if stamp is not None and stamp[0] in ("published", "posted"):
            return stamp[1]
    return None


# A page's stamps sit among its first lines, sometimes after the first paragraph (AMP pages).
_STAMP_BLOCKS = 12


def _first_date_heading(blocks: Sequence[Block]) -> dt.date | None:
    """Return the date line under a news headline: a date heading among the first blocks.

    Of several, one stamped with a clock time is the item's own ("Sunday, 04 March, 2018,
    10:20" under a headline, after the site's "Friday, 23 August, 2019" of the day the page
    was saved, beside the weather); the agencies stamp their items so ("12 November, 2014
    00:00", "20.07.2021 [12:25]").
    """
    headings = [
        (position, date, _CLOCK.search(block.text) is not None)
        for position, block in enumerate(blocks)
        if block.kind == "heading" and (date := parse_date_line(block.text)) is not None
    ]
    first = [
        (date, is_stamped)
        for position, date, is_stamped in headings
        if position < _DATE_LINE_BLOCKS
    ]
    stamped = [date for date, is_stamped in first if is_stamped]
    if stamped:
        return stamped[0]
    # Bare dates heading one section after another are a timeline's days ("May 12, 2021",
    # "May 13, 2021" in EVN Report's nine-day timeline), not the item's date.
    days = {date for _, date, _ in headings}
    return first[0][0] if first and len(days) == 1 else None


_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}[:.]\d\d(?![\d.:])")


def _assemble(
    blocks: Sequence[Block], path: str
) -> tuple[str, tuple[Section, ...], tuple[Sentence, ...]]:
    """Lay blocks out as one text (blank line between blocks) and cut it into sentences."""
    parts: list[str] = []
    offset = 0
    headings: list[tuple[int, str, int]] = []  # (level, heading, start)
    sentences: list[Sentence] = []
    for block in blocks:
        if block.kind in ("heading", "title"):
            headings = [h for h in headings if h[0] < block.level]
            headings.append((block.level, block.text, offset))
        if block.kind not in ("heading", "meta"):
            heading_path = " > ".join(h[1] for h in headings)
            for start, end in split_spans(block.text, is_table=block.kind == "table"):
                sentences.append(
                    Sentence(
                        doc=path,
                        index=len(sentences),
                        text=block.text[start:end],
                        start=offset + start,
                        end=offset + end,
                        heading=heading_path,
                        is_table=block.kind == "table",
                    )
                )
        parts.append(block.text)
        offset += len(block.text) + 2
    text = "\n\n".join(parts)
    return text, _sections(blocks, len(text)), tuple(sentences)


def _sections(blocks: Sequence[Block], text_length: int) -> tuple[Section, ...]:
    starts: list[tuple[str, int, int]] = []
    offset = 0
    for block in blocks:
        if block.kind in ("heading", "title"):
            starts.append((block.text, block.level, offset))
        offset += len(block.text) + 2
    ends = [start for _, _, start in starts[1:]] + [text_length] * bool(starts)
    return tuple(
        Section(heading=heading, level=level, start=start, end=end)
        for (heading, level, start), end in zip(starts, ends, strict=True)
    )
