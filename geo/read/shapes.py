"""Recognise the seed shapes and turn each into clean blocks of prose, headings and table rows.

Three shapes occur: markdown with YAML front matter, a flat dump (one line or plain lines), and a
scraped page in which every link is followed on the same line by a gloss of the linked article.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import yaml

from geo.errors import InputError
from geo.model import Shape
from geo.read.front import (
    Dateline,
    is_bare_date,
    match_dateline,
    page_stamp,
    parse_date_line,
    split_header,
)

# A title is a heading whose text is also read as a sentence (a headline can report an
# incident); a meta block (a dateline, a header) is kept in the text but is no sentence.
BlockKind = Literal["heading", "title", "para", "table", "meta"]


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, a title, a paragraph, a table row or a metadata line, cleaned of markup."""

    kind: BlockKind
    text: str
    level: int = 0


@dataclass(frozen=True, slots=True)
class ShapedText:
    """What a shape reader found: its blocks, front-matter metadata and glosses dropped."""

    shape: Shape
    blocks: tuple[Block, ...]
    metadata: dict[str, object]
    glosses_removed: int
    dateline: Dateline | None = None


# A gloss is the first ~250 characters of the linked article, cut at a word and ended with " ...".
_GLOSS_MAX_CHARS = 256
_LINK_MAX_WORDS = 8
_GLOSSED_MIN_LINES = 3
# Site furniture of the scraped page, not part of the article.
_WORDISH = re.compile(r"\w")
_ARTICLES = frozenset({"A", "An", "The"})
_SCRAPE_FURNITURE = frozenset({"HOME", "TheInfoList", "OR:"})

# Site furniture of saved web pages: never a headline.
WEB_FURNITURE = frozenset(
    {
        "related topics", "skip to main content", "back to main page", "advertisement", "share",
        "menu", "home", "show more", "search", "main menu", "related news", "read more",
        "jump to content", "from wikipedia, the free encyclopedia",
    }
)  # fmt: skip
# "== History ==" in wikitext dumps.
_WIKI_HEADING = re.compile(r"^(=+)\s*(.+?)\s*\1$")
_LATIN = re.compile(r"[A-Za-z]")
# News headlines run longer than section headings.
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 24
# Datelines open one of the first paragraphs, after a headline, a date line or residue.
_DATELINE_SEARCH_BLOCKS = 8

_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE_MD = re.compile(r"^\s*!\[[^\]]*\]\(.*\)\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_WIKI_ITALIC = re.compile(r"'{2,3}")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
_SPACE_RUN = re.compile(r"[ \t]+")
_JOIN_TIGHT = re.compile(r"^[.,;:!?)\]'\"”’]")


def detect_shape(text: str) -> Shape:
    """Tell which of the three seed shapes ``text`` has."""
    if text.startswith("---\n"):
        return "front_matter"
    gloss_lines = sum(1 for line in text.split("\n") if _split_gloss(line) is not None)
    return "glossed" if gloss_lines >= _GLOSSED_MIN_LINES else "flat"


def shape_text(text: str, path: str) -> ShapedText:
    """Clean ``text`` according to its shape.

    Parameters
    ----------
    text
        The whole document, mojibake already repaired.
    path
        Used only in error messages.

    Raises
    ------
    InputError
        When the YAML front matter is unterminated or malformed.
    """
    shape = detect_shape(text)
    if shape == "front_matter":
        front, body = _split_front_matter(text, path)
        return ShapedText(shape, tuple(_markdown_blocks(body)), front, 0)
    fields, lines = split_header(text.split("\n"))
    metadata: dict[str, object] = dict(fields)
    if shape == "glossed":
        body, removed = _remove_glosses("\n".join(lines))
        return ShapedText(shape, tuple(_plain_blocks(body, is_scraped=True)), metadata, removed)
    blocks, dateline = _with_dateline(list(_flat_blocks(lines)))
    if dateline is not None:
        metadata["dateline"] = dateline.text
    return ShapedText(shape, tuple(blocks), metadata, 0, dateline)


def _split_front_matter(text: str, path: str) -> tuple[dict[str, object], str]:
    end = text.find("\n---\n", 3)
    if end == -1:
        raise InputError(path, "front matter opened with '---' on line 1 is never closed", 1)
    try:
        loaded = yaml.safe_load(text[4 : end + 1])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise InputError(path, f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(loaded, dict):
        raise InputError(path, "front matter must be a YAML mapping of keys to values", 2)
    return _flatten_metadata(loaded), text[end + 5 :]


def _flatten_metadata(loaded: dict[object, object]) -> dict[str, object]:
    """Keep plain fields and reduce each infobox field to its text (links are noise here)."""
    metadata: dict[str, object] = {}
    for key, value in loaded.items():
        if key == "infoboxes" and isinstance(value, list):
            metadata["infobox"] = _infobox_texts(value)
        elif isinstance(value, dt.date):
            # YAML reads an unquoted `date: 2014-08-06` (Jekyll, Hugo) as a date, not a string
            metadata[str(key)] = value.isoformat()
        elif isinstance(value, str | int | float):
            metadata[str(key)] = str(value)
    return metadata


def _infobox_texts(infoboxes: list[object]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for box in infoboxes:
        if not isinstance(box, dict):
            continue
        for key, value in box.items():
            text = value.get("text") if isinstance(value, dict) else value
            if isinstance(text, str | int | float):
                fields[str(key)] = str(text).strip()
    return fields


def _markdown_blocks(body: str) -> Iterator[Block]:
    paragraph: list[str] = []
    for line in body.split("\n"):
        heading = _HEADING_MD.match(line)
        is_table = line.lstrip().startswith("|")
        if heading or is_table or not line.strip() or _IMAGE_MD.match(line):
            yield from _flush(paragraph)
            paragraph = []
        if heading:
            yield Block("heading", _clean_inline(heading.group(2)), len(heading.group(1)))
        elif is_table:
            row = _table_row(line)
            if row:
                yield Block("table", row)
        elif line.strip() and not _IMAGE_MD.match(line):
            paragraph.append(line.strip())
    yield from _flush(paragraph)


def _flush(lines: list[str]) -> Iterator[Block]:
    text = _clean_inline(" ".join(lines))
    if text:
        yield Block("para", text)


def _clean_inline(text: str) -> str:
    # Each pattern needs its mark in the text; most paragraphs have none, so test first.
    if "*" in text:
        text = _EMPHASIS_STAR.sub(r"\1", _BOLD.sub(r"\1", text))
    if "_" in text:
        text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    if "''" in text:
        text = _WIKI_ITALIC.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.strip()


def _table_row(line: str) -> str:
    if _TABLE_RULE.match(line):
        return ""
    cells = [_clean_inline(cell) for cell in line.strip().strip("|").split("|")]
    return " | ".join(cell for cell in cells if cell)


def _plain_blocks(text: str, *, is_scraped: bool) -> Iterator[Block]:
    """Blocks of scraped text: the page title, then paragraphs; lone short lines are headings."""
    lines = text.split("\n")
    title = next((line.strip() for line in lines if line.strip()), "")
    if title and len(lines) > 1:
        yield Block("title", title, 1)
        lines = lines[lines.index(next(ln for ln in lines if ln.strip())) + 1 :]
    yield from _chunked_blocks(lines, is_scraped=is_scraped)


def _chunked_blocks(lines: list[str], *, is_scraped: bool) -> Iterator[Block]:
    for chunk in re.split(r"\n[ \t]*\n", "\n".join(lines)):
        chunk_lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if is_scraped:
            chunk_lines = [ln for ln in chunk_lines if ln not in _SCRAPE_FURNITURE]
        else:
            chunk_lines = _unwrapped(chunk_lines)
        yield from _chunk_blocks(chunk_lines, is_scraped=is_scraped)


# Text wrapped at a fixed width (a wire item reposted on a forum, mail and Usenet archives,
# plain-text exports) breaks its sentences across lines: "... said Tuesday that five of" /
# "its soldiers have been killed ...". Such a chunk has several wrapped lines that end without
# a sentence's end and go on in lower case.
_WRAP_MIN_CHARS = 40
_WRAP_MAX_CHARS = 100
_WRAP_MIN_BREAKS = 3
_WRAP_SLACK_CHARS = 15
_LINE_END = re.compile(r"[.!?:;\"”’)\]]$")


def _is_wrapped_break(line: str, following: str) -> bool:
    return (
        _WRAP_MIN_CHARS <= len(line) <= _WRAP_MAX_CHARS
        and _LINE_END.search(line) is None
        and "|" not in line
        and following[:1].islower()
    )


def _unwrapped(lines: list[str]) -> list[str]:
    """Join the lines of a chunk wrapped at a fixed width back into its paragraphs' lines."""
    breaks = sum(1 for a, b in itertools.pairwise(lines) if _is_wrapped_break(a, b))
    if breaks < _WRAP_MIN_BREAKS:
        return lines
    width = max(len(line) for line in lines if len(line) <= _WRAP_MAX_CHARS)
    joined: list[str] = []
    last = ""
    for line in lines:
        # A wrapped line goes on when the one before did not end a sentence and either filled
        # the width or breaks mid-sentence; a headline, a byline or an address is shorter or
        # longer than the wrapped lines and stands alone.
        fills_width = width - _WRAP_SLACK_CHARS <= len(last) <= width
        is_continued = (
            (fills_width or _is_wrapped_break(last, line))
            and _LINE_END.search(last) is None
            and "|" not in line
            and "|" not in last
        )
        if is_continued:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        last = line
    return joined


def _flat_blocks(lines: list[str]) -> Iterator[Block]:
    """Split a flat text into blocks: a title if the first line is one, then a block per line.

    A line that holds only a date or a wikitext heading becomes a heading.
    """
    # Saved pages open with furniture ("Advertisement", "Skip to main content"); the headline
    # is the first line after it.
    first = next(
        (i for i, line in enumerate(lines) if line.strip() and not _is_furniture(line)), None
    )
    title = _title_of(lines, first) if first is not None else None
    if first is not None and title is not None:
        yield from _chunked_blocks(lines[:first], is_scraped=False)  # kept, not a headline
        yield Block("title", title, 1)
        lines = lines[first + 1 :]
    for block in _chunked_blocks(lines, is_scraped=False):
        heading = _WIKI_HEADING.match(block.text) if block.kind == "para" else None
        if heading:
            yield Block("heading", heading.group(2), len(heading.group(1)))
        elif block.kind == "para" and page_stamp(block.text) is not None:
            # the page's own time stamp: it dates the page, and heads no section
            yield Block("meta", block.text)
        elif block.kind == "para" and (is_bare_date(block.text) or parse_date_line(block.text)):
            # Timelines head each day's events with the date; news items put the date
            # under the headline. Either way the date governs the lines below it.
            yield Block("heading", block.text, 3)
        else:
            yield block


def _title_of(lines: list[str], index: int) -> str | None:
    wiki_title = _WIKI_HEADING.match(lines[index].strip())
    if wiki_title and len(wiki_title.group(1)) == 1:
        return wiki_title.group(2)  # "= Sumgait pogrom =" in wikitext dumps
    return _clean_inline(lines[index]) if _is_title(lines, index) else None


def _is_title(lines: list[str], index: int) -> bool:
    """Tell whether the first line is a title: short, no sentence end, and set off."""
    line = lines[index].strip()
    following = next((ln for ln in lines[index + 1 :]), "")
    is_set_off = not following.strip() or following.lstrip().startswith("|")
    return (
        is_set_off
        and len(lines) > index + 1
        and _looks_like_heading(line, max_chars=_TITLE_MAX_CHARS, max_words=_TITLE_MAX_WORDS)
        and _LATIN.search(line) is not None  # not a screen-reader label in another script
        and parse_date_line(line) is None
        and not is_bare_date(line)
        and match_dateline(line) is None
    )


def _is_furniture(line: str) -> bool:
    return line.strip().casefold() in WEB_FURNITURE


def _with_dateline(blocks: list[Block]) -> tuple[list[Block], Dateline | None]:
    """Split a wire dateline off the first paragraphs ("BAKU, December 29. /TASS/. ...")."""
    for position, block in enumerate(blocks[:_DATELINE_SEARCH_BLOCKS]):
        dateline = match_dateline(block.text) if block.kind == "para" else None
        if dateline is None:
            continue
        rest = block.text[len(dateline.text) :].strip()
        replaced = [Block("meta", dateline.text)] + ([Block("para", rest)] if rest else [])
        return blocks[:position] + replaced + blocks[position + 1 :], dateline
    return blocks, None


def _chunk_blocks(lines: list[str], *, is_scraped: bool) -> Iterator[Block]:
    if is_scraped and len(lines) == 1 and _looks_like_heading(lines[0]):
        yield Block("heading", lines[0], 2)
        return
    paragraph: list[str] = []
    for line in lines:
        if line.count("|") >= 2:
            yield from _flush_joined(paragraph)
            paragraph = []
            row = _table_row(line)
            if row:
                yield Block("table", row)
        elif is_scraped:
            paragraph.append(line)
        else:
            # Flat dumps put one paragraph on each line.
            yield from _flush_joined([line])
    yield from _flush_joined(paragraph)


def _flush_joined(lines: list[str]) -> Iterator[Block]:
    """Join soft-wrapped lines; the scrape breaks lines at links, so no space before punctuation."""
    joined = ""
    for line in lines:
        if joined and not _JOIN_TIGHT.match(line):
            joined += " "
        joined += line
    yield from _flush([joined] if joined else [])


def _looks_like_heading(line: str, *, max_chars: int = 80, max_words: int = 10) -> bool:
    return (
        len(line) <= max_chars
        and len(line.split()) <= max_words
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".!?:;,"
    )


def _remove_glosses(text: str) -> tuple[str, int]:
    kept: list[str] = []
    removed = 0
    for line in text.split("\n"):
        split = _split_gloss(line)
        if split is None:
            kept.append(line)
        else:
            kept.append(split[0])
            removed += 1
    return "\n".join(kept), removed


def _split_gloss(line: str) -> tuple[str, str] | None:
    """Split ``link text + gloss ...`` into its two parts, or return None for other lines."""
    if not line.endswith(" ..."):
        return None
    best: tuple[int, int, str, str] | None = None
    for match in re.finditer(" ", line):
        link, gloss = line[: match.start()], line[match.end() :]
        if len(link.split()) > _LINK_MAX_WORDS:
            break
        if not link or len(gloss) > _GLOSS_MAX_CHARS or link.rsplit(" ", 1)[-1] in _ARTICLES:
            continue
        if any(not _WORDISH.search(word) or word.startswith("__") for word in link.split()):
            # Link text is words; "Rights , image =" and "__NOTOC__" belong to the gloss.
            continue
        candidate = (_gloss_score(link, gloss), len(link), link, gloss)
        if candidate[0] > 0 and (best is None or candidate[:2] > best[:2]):
            best = candidate
    return None if best is None else (best[2], best[3])


def _gloss_score(link: str, gloss: str) -> int:
    """How much ``gloss`` looks like the opening of an article titled ``link``."""
    head = gloss[:80].casefold()
    link_words = link.casefold().split()
    first_word = gloss.split(" ", 1)[0]
    after_article = head.split(" ", 1)[-1] if first_word in _ARTICLES else head
    score = 0
    if head.startswith(link.casefold()) or after_article.startswith(link.casefold()):
        score += 4
    if all(word in head for word in link_words):
        score += 3
    if first_word.casefold() == link_words[0]:
        score += 2
    if first_word in _ARTICLES:
        score += 2
    if gloss[:1].isupper() or gloss[:1] in "(,_":
        score += 1
    # "George W. Bush George Walker Bush": a one-word link whose word comes back two words
    # into the gloss was cut too early.
    if len(link_words) == 1 and link_words[0] in head.split(" ")[1:3]:
        score -= 3
    return score
