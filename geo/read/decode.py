"""Bytes of a text file → text: UTF-8 with or without BOM, UTF-16 with BOM, legacy code pages."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

import charset_normalizer

from geo.errors import InputError

log = logging.getLogger(__name__)

# A line this long is not prose a person wrote; it is a dump or a binary in disguise.
MAX_LINE_CHARS = 1_000_000

# Notepad's "Unicode" and Word's plain-text export write UTF-16 with a byte-order mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode the bytes of a text file and normalize its line ends to LF.

    Parameters
    ----------
    data
        The whole file.
    path
        Named in error messages.

    Returns
    -------
    tuple[str, str]
        The text and the name of the encoding it was read with.

    Raises
    ------
    InputError
        Empty, binary, in no recognisable text encoding, or with an absurdly long line.
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    text, encoding = _decode(data, path)
    if not text.strip():
        raise InputError(path, "file is empty")
    _check_line_lengths(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                message = f"starts with a {encoding} byte-order mark but is not {encoding} ({exc})"
                raise InputError(path, message) from None
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(path, f"looks like a binary file (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Not UTF-8: a legacy single-byte code page (Windows-1252, -1251, ...), told apart by
    # charset-normalizer from the byte statistics rather than guessed here.
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        message = (
            f"is neither UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) nor a "
            "recognisable text encoding; save it as UTF-8"
        )
        raise InputError(path, message)
    log.info("%s: not UTF-8, read as %s", path, best.encoding)
    return str(best), best.encoding


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
