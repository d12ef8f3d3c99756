"""Word lists and text tests that decide whether a name in a sentence is a place mention.

Editorial data for :mod:`geo.places.resolve`: cue words, keys that are people or English words,
and the shapes of names that are not places (hyphen compounds, people's names).
"""

from __future__ import annotations

import re

# Words after a name that make it a district/province ("Agdam District", "Martuni rayons").
# The defence ministries' "X direction" names the front sector after a district or town ("in
# the Nakhchivan direction", "the Tovuz direction", devnews 18 and the seeds' 2020 reports): a
# district row is the honest precision when one exists, the town otherwise.
DISTRICT_WORDS = frozenset(
    {
        "district", "districts", "rayon", "rayons", "raion", "region", "regions", "province",
        "provinces", "marz", "oblast", "direction",
    }
)  # fmt: skip
DISTRICT_SUFFIX = re.compile(
    r"\s+(district|rayon|rayonu|raion|region|province|marz|oblast|autonomous oblast)$"
)
# Settlement cues: "the village of X", "X village".
SETTLEMENT_BEFORE = re.compile(r"(?i)\b(villages?|town|city|settlement)(\s+of)?\s+$")
SETTLEMENT_AFTER = re.compile(r"(?i)^\s+(village|town|city)\b")
DISTRICT_AFTER = re.compile(r"(?i)^\s+(" + "|".join(sorted(DISTRICT_WORDS)) + r")\b")
DISTRICT_BEFORE = re.compile(
    r"(?i)\b(districts?|regions?|provinces?|rayons?|direction)\s+of\s+(?:the\s+)?$"
)
NEAR_BEFORE = re.compile(r"(?i)\bnear\s+$")
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# A capitalized word that is a surname: Sahakyan, Mikoyan, Aliyev, Huseynov, Mammadli.
SURNAME = re.compile(r"^[A-Z][a-z]+(yan|ian|yants|ov|ova|ev|eva|iyev|li|lu|dze|shvili|enko)\b")
WORD_AFTER = re.compile(r"^\s+([A-Z][\w]*)")
WORD_BEFORE = re.compile(r"([A-Z][\w]*)\s+$")
# Capitalized adjectives and peoples that look like surnames (-ian, -ani) but are not.
DEMONYMS = frozenset(
    {
        "Armenian", "Armenians", "Azerbaijani", "Azerbaijanis", "Azeri", "Azeris", "Russian",
        "Russians", "Georgian", "Georgians", "Iranian", "Iranians", "Persian", "Christian",
        "Syrian", "Ukrainian", "Belarusian", "Canadian", "Italian", "Indian", "Soviet",
    }
)  # fmt: skip
# Capitalized words before a name that are not a first name.
NOT_FIRST_NAMES = frozenset(
    {
        "In", "At", "Near", "The", "From", "To", "Of", "And", "By", "On", "For", "With", "Into",
        "Towards", "Toward", "Around", "Outside", "Inside", "Between", "Via", "Across", "Both",
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
        "Central", "Upper", "Lower", "Greater", "Old", "New", "Soviet", "After", "Before",
        "During", "Within", "Along", "Over", "Under", "Against", "Beyond", "Behind",
    }
)  # fmt: skip
# Folded keys that are far more often an English word or a non-place name in these texts than
# the village of that name in GeoNames. Matching them would put points on the map for nothing.
STOP_KEYS = frozenset(
    {
        "bako",  # Bako Sahakyan (004); GeoNames also lists it as an alias of Baku
        "mikoyan",  # Sergo Mikoyan, historian (001)
        # GeoNames aliases that are English words or people's names
        "bank", "banka", "bina", "bum", "gay", "gel", "lenin", "kirov", "kirova", "moses",
        "nizami", "puskin", "kamo", "razin", "tairov", "babak", "babek", "sardar",
        "efendi", "madina", "sabir", "sabira", "satin", "sri", "seri", "zar", "lal", "lala",
        "sis", "sen", "shen", "ara", "arum", "brun", "randa", "navar", "nour", "ramana", "tala",
        "tex", "teg", "sufa", "mola", "molla", "nairi", "armas",
        "der", "dar",  # "Der Spiegel", "Dar es Salaam"; spellings of Darkənd (Ordubad)
    }
)  # fmt: skip
# Keys that are a place only after a settlement cue ("the village of Vank"): otherwise "vank"
# is the Armenian word for monastery and "Ayrum" is part of Bağanis Ayrum (004).
WEAK_KEYS = frozenset({"vank", "ayrum"})
# Words that open compound village names ("Yukhari Askipara", "Boyuk Taghlar", "Verin
# Getashen"): a bare hit right after one is only the second half of a name we do not have.
NAME_PREFIXES = frozenset(
    {
        "yukhari", "yuxari", "yukhary", "asagi", "ashagi", "ashaghi", "ashagy", "verin",
        "nerkin", "mets", "pokr", "boyuk", "kichik", "kicik", "nor", "tap", "orta", "yeni",
    }
)  # fmt: skip
# Capitalized words that may follow a village name without making it part of a longer name.
KEEP_AFTER = DISTRICT_WORDS | {
    "massacre", "pogrom", "pogroms", "tragedy", "offensive", "battle", "airport", "corridor",
    "pass", "reservoir", "assr", "ssr", "ao",
}  # fmt: skip
NEXT_WORD = re.compile(r"^ ([A-Z]\w*)")
# A name after these words is part of a landmark ("Lake Sevan", "Mount Ararat").
LANDMARK_BEFORE = re.compile(r"\b(Lake|Mount|Mt\.?|River|Mountain|Mountains)\s+$")


# "the Agdam–Tartar section", "the Khojavend-Fizuli direction": the defence ministries name a
# stretch of the front by the places at its ends; such a pair is a place, not a compound.
_FRONT_STRETCH = re.compile(
    rf"[{DASHES}][\w'’]+(?:[{DASHES}][\w'’]+)*\s+(?:section|sector|direction|part)s?\b",
    re.IGNORECASE,
)


def is_compound(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` is glued by a dash to another word (Kars-Gyumri)."""
    glued_after = end + 1 < len(text) and text[end] in DASHES and text[end + 1].isalpha()
    glued_before = start >= 2 and text[start - 1] in DASHES and text[start - 2].isalpha()
    if glued_after and not glued_before and _FRONT_STRETCH.match(text, end):
        return False  # the first place of a front stretch stands for it
    return glued_after or glued_before


def is_person(text: str, start: int, end: int) -> bool:
    """Tell whether the name is part of a person's name (Bako Sahakyan, Sergo Mikoyan)."""
    after = WORD_AFTER.match(text[end:])
    if after and after.group(1) not in DEMONYMS and SURNAME.match(after.group(1)):
        return True
    before = WORD_BEFORE.search(text[max(0, start - 40) : start])
    return bool(
        before
        and before.group(1) not in NOT_FIRST_NAMES | DEMONYMS
        and SURNAME.match(text[start:end] + " ")
    )
