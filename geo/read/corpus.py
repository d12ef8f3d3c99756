"""Read seed documents into normalized text, sections and sentences with exact offsets."""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy

from geo.errors import InputError
from geo.model import Document, Section, Sentence
from geo.read.sentences import split_spans
from geo.read.shapes import Block, shape_text

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".md")
# A line this long is not prose a person wrote; it is a dump or a binary in disguise.
MAX_LINE_CHARS = 1_000_000

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)
# ftfy leaves some MacRoman mojibake alone: runs starting with U+F8FF (MacRoman's 0xF0, the lead
# byte of every emoji, e.g. the flags in 004's tables) and all-Cyrillic runs such as 004's image
# captions. A run is replaced only if it re-encodes to valid UTF-8, as real text hardly does.
_MACROMAN_RUN = re.compile("[^\\x00-\\x7f]{2,}")


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
        raise InputError(seeds_dir, "no .txt or .md seed files found in this folder")
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
    try:
        return parse_document(read_seed(path), path.name)
    except InputError as error:
        # Documents are named by file name, but a message should name the file the user has.
        if error.path == path.name:
            raise InputError(path, error.problem, error.line) from None
        raise


def read_seed(path: Path) -> str:
    """Read one seed file as UTF-8 text, refusing what is not a text document.

    Raises
    ------
    InputError
        Unreadable, empty, binary, not UTF-8, or with an absurdly long line.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(path, f"looks like a binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        message = f"is not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); save it as UTF-8"
        raise InputError(path, message) from None
    _check_line_lengths(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_line_lengths(text: str, path: Path) -> None:
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            message = (
                f"line {number} is {len(line):,} characters long (limit {MAX_LINE_CHARS:,}); "
                "this does not look like prose: split it into paragraphs"
            )
            raise InputError(path, message, number)


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
        fixed = _MACROMAN_RUN.sub(_decode_macroman, ftfy.fix_text(line, _FTFY_CONFIG))
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
    """Turn the raw text of one seed into a :class:`~geo.model.Document`.

    Parameters
    ----------
    text
        The file's content.
    path
        The seed's file name, kept on every sentence as its provenance.

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
    return Document(
        path=path,
        shape=shaped.shape,
        text=normalized,
        sections=sections,
        sentences=sentences,
        metadata=shaped.metadata,
        glosses_removed=shaped.glosses_removed,
        chars_repaired=chars_repaired,
    )


def _assemble(
    blocks: Sequence[Block], path: str
) -> tuple[str, tuple[Section, ...], tuple[Sentence, ...]]:
    """Lay blocks out as one text (blank line between blocks) and cut it into sentences."""
    parts: list[str] = []
    offset = 0
    headings: list[tuple[int, str, int]] = []  # (level, heading, start)
    sentences: list[Sentence] = []
    for block in blocks:
        if block.kind == "heading":
            headings = [h for h in headings if h[0] < block.level]
            headings.append((block.level, block.text, offset))
        else:
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
        if block.kind == "heading":
            starts.append((block.text, block.level, offset))
        offset += len(block.text) + 2
    ends = [start for _, _, start in starts[1:]] + [text_length] * bool(starts)
    return tuple(
        Section(heading=heading, level=level, start=start, end=end)
        for (heading, level, start), end in zip(starts, ends, strict=True)
    )
