"""Length-preserving name normalization and cheap spelling variants for place names.

The resolver matches a normalized copy of each sentence, so normalization must map one
character to exactly one character: then an offset in the normalized copy is the same
offset in the original text, and no offset table is needed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters of Azerbaijani, Turkish and transliterated Armenian that have no ASCII decomposition
# through NFD, plus every apostrophe-like and dash-like character the seeds and GeoNames use.
_SPECIAL: dict[str, str] = {
    "ə": "e",
    "Ə": "e",
    "ǝ": "e",  # U+01DD turned e: GeoNames writes Xankǝndi with it instead of U+0259
    "Ǝ": "e",
    "ı": "i",
    "İ": "i",
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ß": "s",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "ʻ": "'",
    "ʽ": "'",
    "`": "'",
    "´": "'",
    "′": "'",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "\u00a0": " ",
}


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Fold one character: lower case, no diacritics, one apostrophe and one dash.

    Parameters
    ----------
    char
        A single character.

    Returns
    -------
    str
        Exactly one character.
    """
    special = _SPECIAL.get(char)
    if special is not None:
        return special
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0]
    if not unicodedata.combining(base) and all(unicodedata.combining(c) for c in decomposed[1:]):
        return base
    return lower


def fold(text: str) -> str:
    """Normalize ``text`` for matching without changing its length.

    Case is folded, diacritics are stripped (Ağdam -> agdam, Füzuli -> fuzuli, Xankəndi ->
    xankendi), curly and modifier apostrophes become ``'`` and every dash becomes ``-``.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        A string with ``len(result) == len(text)``; ``result[i]`` comes from ``text[i]``.
    """
    if text.isascii():
        # The common case: only case and the backtick-apostrophe change, and both keep length.
        return text.lower().replace("`", "'")
    return "".join(fold_char(c) for c in text)


# Transliteration pairs applied to folded names: Aghdam/Agdam, Khankendi/Xankendi,
# Dzhebrail/Jebrail, Shahumyan/Shahumian. Each rule is applied to all occurrences at once.
_VARIANT_RULES: tuple[tuple[str, str], ...] = (
    ("gh", "g"),
    ("g", "gh"),
    ("kh", "x"),
    ("x", "kh"),
    ("dzh", "j"),
    ("j", "dzh"),
    ("yan", "ian"),
    ("ian", "yan"),
    ("ayil", "ail"),
    ("ail", "ayil"),
)


_BARE_G = re.compile(r"g(?!h)")


def _apply_rule(name: str, old: str, new: str) -> str:
    if old == "g":
        # a bare g only: the g of an existing gh stays as it is
        return _BARE_G.sub(new, name)
    return name.replace(old, new)


def spelling_variants(folded: str) -> tuple[str, ...]:
    """Return extra folded spellings of a folded name, without the name itself.

    Rules are applied one at a time and then pairwise, which covers names such as
    ``aghdara`` -> ``agdara`` or ``dzhebrail`` -> ``jebrail`` -> ``jebrayil`` cheaply.

    Parameters
    ----------
    folded
        A name already passed through :func:`fold`.

    Returns
    -------
    tuple of str
        Sorted, distinct variants different from ``folded``.
    """
    first = {_apply_rule(folded, old, new) for old, new in _VARIANT_RULES if old in folded}
    second = {
        _apply_rule(variant, old, new)
        for variant in first
        for old, new in _VARIANT_RULES
        if old in variant
    }
    return tuple(sorted((first | second) - {folded}))
