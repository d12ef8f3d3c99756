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
    return text.translate(_FOLD_TABLE)


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each new character once, then looks it up in C."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


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
    # Russian й and Azerbaijani y after a vowel, written i in English: Chailu for the
    # Chaylu of Çaylı's page, Aigestan for Aygestan
    ("ay", "ai"),
    ("ai", "ay"),
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


# Azerbaijani Latin letters as English texts write them. ə and q have two common spellings
# (Ağdərə: Aghdara, Agdere; Qubadlı: Gubadly, Qubadli, Ghubadli): both are generated.
_AZ_LETTERS = {
    "ə": ("a", "e"),
    "q": ("g", "gh"),
    "ğ": ("gh",),
    "x": ("kh",),
    "ş": ("sh",),
    "ç": ("ch",),
    "c": ("j",),
    "ı": ("i",),
    "ü": ("u",),
    "ö": ("o",),
}
# Letters only Azerbaijani (among the languages the texts transliterate) writes.
_AZ_MARKERS = frozenset("əğışç")
# Upper/Lower and Big/Small open compound village names in four languages.
_PREFIX_GROUPS = (
    ("upper", "verin", "yukhari", "yuxari", "yukhary"),
    ("lower", "nerkin", "ashaghi", "asagi", "ashagi", "ashagy"),
    ("big", "mets", "boyuk"),
    ("small", "pokr", "kichik", "kicik"),
)
_RUSSIAN_ENDINGS = ("skiy", "skii", "sky", "ski")


def transliterations(written: str) -> tuple[str, ...]:
    """Return folded spellings a place name is also written in, without the name itself.

    Azerbaijani letters as English writes them (Ağcakənd -> aghjakand, agjakend, ...), the
    Upper/Lower words of four languages (Yuxarı Quşçular -> upper gushchular, verin ...),
    Russian adjective endings (-skiy, -sky), and two-word names joined by a space, a hyphen
    or nothing (Nor Maragha, Nor-Maragha, Normaragha).

    Parameters
    ----------
    written
        A name as the gazetteer has it, not folded.

    Returns
    -------
    tuple of str
        Sorted, distinct folded variants different from ``fold(written)``.
    """
    base = fold(written)
    forms = {base}
    lower = written.lower()
    if _AZ_MARKERS & set(lower):
        forms |= _azerbaijani_in_english(lower)
    if "ə" in lower:
        # Azerbaijani typed without its own letters, ə as a ("Kalbacar district", the
        # agencies' English and their addresses): one more form, the rest folded as usual
        forms.add("".join("a" if char == "ə" else fold_char(char) for char in lower))
    forms |= {variant for form in tuple(forms) for variant in _ending_forms(form)}
    forms |= {variant for form in tuple(forms) for variant in _join_forms(form)}
    forms |= {variant for form in tuple(forms) if " " in form for variant in _prefix_forms(form)}
    return tuple(sorted(forms - {base}))


def _azerbaijani_in_english(lower: str) -> set[str]:
    results = {""}
    for char in lower:
        options = _AZ_LETTERS.get(char, (fold_char(char),))
        results = {done + option for done in results for option in options}
        if len(results) > 16:  # a long name with many ə and q: keep the commonest forms
            results = set(sorted(results)[:16])
    return results


def _prefix_forms(form: str) -> set[str]:
    first, _, rest = form.partition(" ")
    if not rest:
        return set()
    for group in _PREFIX_GROUPS:
        if first in group:
            return {f"{word} {rest}" for word in group}
    return set()


def _ending_forms(form: str) -> set[str]:
    for ending in _RUSSIAN_ENDINGS:
        if form.endswith(ending):
            stem = form[: -len(ending)]
            return {stem + other for other in _RUSSIAN_ENDINGS}
    # Russian-style romanization ends in -y where Azerbaijani has -ı/-i: Gubadly, Qubadlı.
    if len(form) > 4 and form[-1] in "iy" and form[-2] not in "aeiouy":
        return {form[:-1] + ("y" if form[-1] == "i" else "i")}
    return set()


def _join_forms(form: str) -> set[str]:
    parts = re.split(r"[ -]", form)
    if len(parts) != 2 or min(len(p) for p in parts) < 2:
        return set()
    return {" ".join(parts), "-".join(parts), "".join(parts)}
