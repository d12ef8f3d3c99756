"""Tell whether a clause reports violence, of which type, and which sides it names."""

from __future__ import annotations

import functools
import re

import ahocorasick

from geo.model import EventType
from geo.places import fold

# First match wins, so specific types come before the catch-all "clash" and "other".
_CUE_PATTERNS: tuple[tuple[EventType, str], ...] = (
    (
        "shootdown",
        r"\bshot\s+down\b|\bshoot-?downs?\b|\bdowned\b|\bshooting\s+down\b"
        r"|\blost\b[^.;]{0,30}\b(?:L-39|MiG|Su-2\d|Mi-\d+|helicopters?|aircraft|jets?)\b",
    ),
    ("massacre", r"\bmassacre[sd]?\b"),
    (
        "pogrom",
        r"\bpogroms?\b"
        # ethnic riots, as AP's 1992 timeline and Wikipedia write them ("After rioting against
        # Armenians in the Azerbaijani capital", "anti-Armenian riots"); not "riot police" or
        # "anti-government riots"
        r"|\briot(?:s|ing)\s+against\s+(?:the\s+)?(?:Armenians?|Azerbaijanis?|Azeris?)\b"
        r"|\banti-(?:Armenian|Azerbaijani|Azeri)\s+riot(?:s|ing)?\b",
    ),
    ("drone", r"\bdrones?\b|\bUAVs?\b|\bloitering munitions?\b"),
    (
        "landmine",
        r"\bland\s?-?mines?\b|\bmine(?:['’]s)?\s+(?:blast|explosion)s?\b|\bstepped on a mine\b"
        # the agencies' reports of the mine victims after 2020: "as a result of an anti-tank
        # mine's explosion", "the explosion of an anti-personnel mine"
        r"|\banti-(?:tank|personnel)\s+mines?\b|\bexplosion\s+of\s+(?:an?\s+)?mines?\b",
    ),
    ("sniper", r"\bsnipers?\b|\bsniper\s+fire\b"),
    (
        "shelling",
        r"\bshell(?:ed|ing|s)\b|\bartillery\b|\bbombard(?:ed|ment|ing)\b|\bmortars?\b"
        r"|\brockets?\b|\bmissiles?\b|\bGrad\b|\bbomb(?:ed|ing|s)\b|\bair\s?strikes?\b"
        # "strikes hit residential homes", "a strike on the town" (HRW, the wires); not a
        # labour strike, which is "a strike in Yerevan", "went on strike"
        r"|\bstrikes?\s+(?:hit|on|against|target(?:ed|ing))\b|\bstruck\s+(?:by|twice|again)\b"
        # "attacked with cluster munitions", "launched the attack by using cluster bombs"
        # (HRW, Amnesty, both sides' agencies)
        r"|\bcluster\s+(?:munitions?|bombs?)\b",
    ),
    (
        "capture",
        # the present tense of timelines: "December 14, 2020 – ... Azerbaijan captures the last
        # remaining part of the Hadrut region" (CivilNet), "Azerbaijan captures strategic
        # heights" (an infobox's claim in a Wikipedia copy)
        r"\bcaptur(?:ed|es?|ing)\b|\b(?:re)?took\s+(?:control\s+of\s+)?(?:the\s+)?"
        # a settlement noun or a proper name: "took the town", "retook Shusha"
        r"(?:town|city|village|district|region|heights?|(?-i:[A-Z][a-z]\w+))"
        r"|\bseiz(?:ed|es|ure)\b(?!\s+of\b)|\b(?:fell|fallen)\s+to\b|\bfall\s+of\b|\brecaptur(?:ed|es?)\b"
        r"|\bstorm(?:ed|ing)\b|\boverr(?:an|un)\b|\bdriven\s+out\b|\boccupying\b"
        r"|\btook\s+control\b|\bretaken\b"  # the passive of "retook": "it was retaken by ..."
        # "has taken control of nine new villages", "forces take control of Hadrut", "managed
        # to take control of the village of Parukh" (the wires, Wikipedia, both sides' agencies)
        r"|\b(?:take[ns]?|taking)\s+control\s+(?:of|over)\b"
        # The loser's side of a capture, as AP, the seeds and devset write it: "after losing
        # Mardakert", "the loss of Lachin", "losing their final foothold of the enclave", "It
        # lost its last major foothold". Not "lost faith in" or "lost 1,500 soldiers", and not
        # a loss that only times what follows: "cleared him ... after the loss of Khojaly".
        r"|\b(?:los(?:t|ing)|(?<!after\s)(?<!since\s)(?<!following\s)the\s+loss\s+of)\s+"
        r"(?:control\s+of\s+)?(?-i:[A-Z][a-z]\w+)"
        r"|\blos(?:t|ing)\s+(?:its|their|the)\s+(?:\w+\s+){0,2}foothold\b"
        # The verb, not the adjective of "the occupied territories": "Armenian forces occupied
        # 20 percent", "the village was occupied by ..." (devnews 08, 13; devset); and the
        # Azerbaijani ministry's "taken under control", "returned under control" (devnews 13).
        r"|(?:(?<=forces\s)|(?<=troops\s)|(?<=army\s)|(?<=was\s)|(?<=were\s)|(?<=had\s)"
        r"|(?<=been\s))occupied\b|\boccupied\s+by\b"
        # "took under its control several strategic peaks" (the ministry's spokesman)
        r"|(?:(?<=taken\s)|(?<=took\s)|(?<=returned\s)|(?<=brought\s))under\s+"
        r"(?:the\s+|its\s+|their\s+)?control\b"
        # The Azerbaijani side's word for taking back a place ("liberated Hadrut", "the
        # liberation of Kalbajar"); the Armenian side uses it of 1990s captures too.
        # "Artsakh Liberation War" is a name: the cue is the lower-case word. "In the liberated
        # territory", "the newly liberated village" (the agencies' post-2020 reports of mine
        # blasts) is an adjective of a place, not a capture.
        r"|\b(?-i:liberat(?:e|ing|ion))\b|\b(?<!\bthe\s)(?<!\bnewly\s)(?-i:liberated)\b",
    ),
    (
        "offensive",
        r"\boffensives?\b|\bcounter-?attacks?\b|\bassaults?\b"
        # "sent to take the town"; not "expect the peacekeepers to take measures", "called on
        # them to take action", "sent to take part in" (Panorama, a campus paper, the seeds)
        r"|\bto\s+take\b(?!\s+(?:measures|steps|action|part|place|note|care)\b)"
        # "violated the ceasefire and invaded the area of responsibility of the peacekeepers"
        r"|\binvad(?:ed|ing)\b|\binvasion\s+of\b"
        # "the May 1991 military operation conducted by the Soviet Army" (devset 04), "the
        # military operation launched by Azerbaijan" (seeds), "large-scale military
        # operations ... on September 19" (devnews 25)
        r"|\bmilitary\s+operations?\b"
        # "forces advanced towards Armenian positions", "troops advanced on this strategic
        # city" as AP wrote, RFE/RL's "trying to secure positional advances, notably towards
        # [the villages of] ...", "the latest Armenian advance in south west Azerbaijan";
        # never "in advance"
        r"|\badvanc(?:e[ds]?|ing)\b,?\s+(?:\w+\s+){0,2}?(?:towards?|on|into|in|at|beyond|deep)\b"
        r"|\b(?:Armenian|Azerbaijani|military|positional)\s+advances?\b"
        # "tried to advance their military positions into sovereign Armenian territory" (the
        # ministries, EVN Report's 2021 timeline)
        r"|\b(?:tried|attempted|attempting|trying|attempts?)\s+to\s+advance\b"
        r"|\bcrossed\s+(?:\w+\s+){0,3}into\b",
    ),
    (
        "firefight",
        r"\bfirefights?\b|\bexchange\s+of\s+(?:gun)?fire\b|\bgunfire\b|\bskirmish(?:es)?\b"
        r"|\bfiring\s+on\b|\bopen(?:ed|ing)?\s+(?:\w+\s+)?fire\b|\bshootouts?\b"
        r"|\bshot\s+(?:dead|and\s+killed)\b|\bshots\s+(?:were\s+|being\s+)?fired\b"
        # Defence-ministry and wire idioms of both sides: "came under fire", "were subjected
        # to fire", "fired at/on/upon", "positions were fired from ...", "violated (the)
        # ceasefire (regime)", "border shootings". The noun "ceasefire violation" mostly sums
        # up ("the deadliest ceasefire violation"), so only the verb counts.
        r"|\bunder\s+(?:\w+\s+){0,3}fire\b|\bsubjected\s+to\s+(?:\w+\s+)?fire\b"
        # "had started firing at Azerbaijani positions", "fired towards Armenian positions",
        # "firing across the border" (the wires relaying both ministries)
        r"|\bfir(?:ed|ing)\s+(?:at|on|upon|towards?|across|into)\b"
        r"|\bfired\s+from\b(?!\s+(?:his|her|their)\s+(?:job|post)s?\b)"
        r"|\bviolat(?:ed|ing)\s+(?:the\s+)?(?:[\w()-]+\s+){0,3}?cease[\s-]?fire\b"
        # the mediators' and ministries' "a serious breach of cease fire on the Line of Contact"
        r"|\bbreach(?:es)?\s+of\s+(?:the\s+)?cease[\s-]?fire\b"
        r"|\bshootings?\b(?!\s+down)",
    ),
    (
        "clash",
        r"\bclash(?:es|ed)?\b|\bfighting\b|\bbattles?\b|\bhostilities\b|\battack(?:s|ed)?\b"
        r"|\battacking\b"
        r"|\braid(?:s|ed)?\b|\bambush(?:ed)?\b|\bincursion\b|\bviolence\b|\bwar\s+erupted\b"
        r"|\bkilled\s+in\s+action\b|\bfell\s+in\s+(?:battle|combat|action)\b"
        # "Martakert military confrontations started", "during this military confrontation"
        # (Artsakh.news, 2018); not a political one
        r"|\b(?:military|armed)\s+confrontations?\b"
        # "The incident occurred near the village of X", "the incident took place at the part
        # of the border formed by its X district": where the report before it happened
        r"|\bincident\s+(?:took\s+place|occurred|happened)\b",
    ),
    (
        "other",
        r"\bkill(?:ed|ing|s)\b|\bdead\b|\bdied\b|\bdeaths?\b|\bmurder(?:ed)?\b"
        r"|\bfatalities\b|\bwounded\b|\binjured\b|\bbeaten\b|\brap(?:ed|e)\b"
        r"|\bexpel(?:led)?\b|\bdeport(?:s|ed|ations?)?\b|\batrocities\b|\barmed\s+coup\b"
        r"|\bperished\b|\blost\s+(?:his|her|their)\s+lives?\b",
    ),
)
# One alternation with a named group per type: a single scan finds every cue in a clause.
_ANY_CUE = re.compile(
    "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _CUE_PATTERNS), re.IGNORECASE
)
_PRIORITY: dict[str, int] = {kind: rank for rank, (kind, _) in enumerate(_CUE_PATTERNS)}
# Every cue above starts with one of these stems. One Aho-Corasick pass over the folded text
# finds where a cue can start; the alternation is then tried only there, not at every
# position of every sentence.
_CUE_STARTS = (
    "shot", "shoot", "downed", "massacr", "pogrom", "riot", "drone", "uav", "loitering", "land",
    "mine", "stepped", "sniper", "shell", "artiller", "bombard", "mortar", "rocket", "missile",
    "grad", "bomb", "air", "captur", "recaptur", "took", "retook", "seiz", "fell to", "fallen to",
    "fall of", "storm", "overr", "driven out", "occupying", "lost", "offensive", "counter",
    "assault",
    "to take", "crossed", "firefight", "exchange of", "gunfire", "skirmish", "firing", "open",
    "shootout", "clash", "fighting", "battle", "hostilities", "attack", "raid", "ambush",
    "incursion", "incident", "violence", "war erupted", "kill", "dead", "died", "death", "murder",
    "fatalities", "wounded", "injured", "beaten", "rape", "expel", "deport", "atrocit", "armed",
    "military confrontation",
    "liberat", "under", "subjected", "fired", "violat", "fell in", "perished", "strike",
    "struck", "occupied", "military", "breach", "retaken", "anti-", "explosion", "losing",
    "the loss", "take", "taking", "cluster", "invad", "invasion", "advanc", "positional",
    "armenian advance", "azerbaijani advance", "military advance", "tried to", "attempt",
    "trying to",
)  # fmt: skip
_STEM_MATCHER = ahocorasick.Automaton()
for _stem in _CUE_STARTS:
    _STEM_MATCHER.add_word(_stem, len(_stem))
_STEM_MATCHER.make_automaton()

# Clauses about these are not incidents even when a violent word occurs in them.
_NOT_INCIDENT = re.compile(
    # One word boundary before the whole alternation, not one per word: the regex engine then
    # tries the words only where a word starts, several times faster on every sentence.
    r"\b(?:census\b|earthquake\b|premiere[ds]?\b|film\b|novel\b|election\s+(?:was|were)\b"
    r"|resolutions?\b|referendum\b|was\s+born\b|museum\b|commemorat"
    # a monument, not the rights group that documents the attacks ("According to Memorial, the
    # villages Malibeyli and Gushchular ...", "A report by Memorial, the Moscow-based ...")
    r"|(?<!to\s)(?<!by\s)(?<!of\s)(?<!and\s)(?<!organization\s)(?<!group\s)memorial\b"
    r"(?!,\s+the\s)(?!\s+human\s+rights)"
    r"|inaugurat|in\s+memory\s+of\b|armistice\b|ceasefire\s+agreement\b"
    r"|peace\s+(?:deal|agreement|treaty)\b|video\s+game\b"
    # Statements around incidents, not incidents: condolences and anniversaries.
    r"|condolences?\b|anniversary\b"
    # The banner of an old revision of a Wikipedia page (devset 12, 14).
    r"|old\s+revision\s+of\s+this\s+page\b)"
    # Page furniture of Wikipedia copies: a map's caption ("Map of the battle as of 20 October
    # 2020", devset 16, 17, 19).
    r"|^\W*(?:an?\s+)?map\s+(?:of|showing)\b",
    re.IGNORECASE,
)
# Diplomacy and displacement: not incidents, unless a concrete attack is named as well.
_MOSTLY_NOT_INCIDENT = re.compile(
    r"\b(?:peace\s+talks\b|summit\b|negotiations?\b|High\s+Commissioner\b"
    r"|expressed\s+concern\b|condemned\b|called\s+(?:on|for)\b|calls?\s+upon\b|warned\b"
    r"|cease\s+(?:hostilities|fire)\b|leave\s+their\s+homes\b|fleeing\s+to\b)",
    re.IGNORECASE,
)

# Totals over a year or more ("In all during 2012, 19 ... were killed") summarise many incidents.
_AGGREGATE = re.compile(
    # "violated the ceasefire 24 times throughout the day" (the ministries' daily reports) is
    # one day's count, not a total over a period; so is "shelled throughout the week" (NYT).
    r"\b(?:in\s+all\b|throughout\b(?!\s+the\s+(?:day|night|week|weekend)\b)|overall\b|in\s+total\b|a\s+total\s+of\b"
    r"|in\s+the\s+(?:years|decades)\s+following\b|over\s+the\s+years\b"
    r"|as\s+a\s+result\s+of\s+the\s+(?:conflict|war)\b|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
    r"|became\s+more\b|as\s+(?:border\s+)?clashes\s+continued\b"
    r"|since\s+the\s+start\s+of\b|during\s+the\s+year\b|since\s+the\s+(?:1994\s+)?ceasefire\b"
    # a toll since the war began: "7 civilians have been killed by Azeri bombings since the
    # attacks began on September 27" (Armenpress, 2020; "since the fighting erupted")
    r"|since\s+the\s+(?:attacks?|fighting|war|hostilities|escalation|clashes|offensive)\s+"
    r"(?:began|started|erupted|broke\s+out|resumed)\b"
    r"|over\s+the\s+(?:course|period)\b|per\s+year\b|annually\b|each\s+year\b"
    r"|between\s+(?:19|20)\d\d\s+and\b"
    # Running totals of the ministries: "to date, N servicemen", "so far, five deaths"; not
    # "the worst fighting to date".
    r"|(?:to\s+date|so\s+far),?\s+(?:[\w,]+\s+){0,5}?(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\b"
    # a toll that grows: "fatalities among military personnel have risen to at least 926",
    # "the number of Azerbaijanis killed rose to 39" (a live blog; devset)
    r"|\b(?:rose|risen|rise|rises|climbed)\s+to\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?\d)",
    re.IGNORECASE,
)

_SIDES = (
    (
        "Artsakh",
        re.compile(
            r"\bArtsakh\b|\bNKR\b|\bNKO\b|\bKarabakh\s+Armenian|\bNagorno-Karabakh\s+(?:soldiers?|forces|troops|Defen[cs]e)",
            re.IGNORECASE,
        ),
    ),
    ("Armenia", re.compile(r"\bArmenian?s?\b")),
    ("Azerbaijan", re.compile(r"\bAzerbaijan(?:i|is)?\b|\bAzeris?\b")),
)


def event_type(clause: str) -> EventType | None:
    """Return the type of violence ``clause`` reports, or ``None`` when it reports none."""
    cue = find_event_cue(clause)
    return cue[0] if cue else None


# A sentence is asked for its cue when it is read, when it is screened and as its own first
# clause: remember the last answers rather than scan it three times.
@functools.lru_cache(maxsize=2048)
def find_event_cue(clause: str) -> tuple[EventType, int] | None:
    """Return the type of violence ``clause`` reports and where its cue word starts."""
    first: dict[str, int] = {}
    for start in _cue_starts(clause):
        match = _ANY_CUE.match(clause, start)
        kind = match.lastgroup if match else None
        if kind is not None and kind not in first and not _is_negated(clause, start):
            first[kind] = start
    if not first:
        return None
    kind = min(first, key=_PRIORITY.__getitem__)
    return _CUE_PATTERNS[_PRIORITY[kind]][0], first[kind]


# "there were no shelling attacks", "no fighting was reported": the word is denied. One word
# may stand between ("no such attacks"); "No one was killed" keeps its cue, and so does "used
# not only assault rifles".
_NEGATION_BEFORE = re.compile(r"\b(?i:no|never|without|not(?!\s+only\b))\s+(?:[\w-]+\s+)?$")


def _is_negated(clause: str, start: int) -> bool:
    return _NEGATION_BEFORE.search(clause, max(0, start - 24), start) is not None


def _cue_starts(text: str) -> list[int]:
    folded = fold(text)
    starts = {end - length + 1 for end, length in _STEM_MATCHER.iter(folded)}
    return sorted(s for s in starts if s == 0 or not text[s - 1].isalnum())


def has_event_cue(text: str) -> bool:
    """Tell whether ``text`` has any word that reports violence."""
    return find_event_cue(text) is not None


# A diplomatic sentence may still report a concrete attack ("talks ended due to continuing
# bombardment"); only these weak cues are outweighed by diplomatic words.
_WEAK_TYPES: frozenset[EventType] = frozenset({"clash", "other", "offensive"})


def is_excluded(clause: str) -> bool:
    """Tell whether ``clause`` is about censuses, diplomacy, films and the like."""
    return exclusion_reason(clause) is not None


def exclusion_reason(clause: str) -> str | None:
    """Say which topic makes ``clause`` a non-incident ("about: condolences"), or None."""
    cue = find_event_cue(clause)
    topic = _NOT_INCIDENT.search(clause)
    if topic is not None:
        # "... launched a large-scale military offensive in September 2023, resulting in a
        # ceasefire agreement" reports the attack first; "An armistice was established ..."
        # does not.
        is_topic_first = cue is None or cue[1] > topic.start()
        return f"about {_whole_word(clause, topic)!r}, not an incident" if is_topic_first else None
    words = _MOSTLY_NOT_INCIDENT.search(clause)
    if words is None or (cue is not None and cue[0] not in _WEAK_TYPES):
        return None
    # "A raid ... left forces with heavy casualties; the incident took place a day after the
    # summit": the attack is told first, and the diplomacy only dates it.
    if cue is not None and cue[1] < words.start():
        return None
    return f"diplomacy or displacement ({_whole_word(clause, words)!r}) with no concrete attack"


def _whole_word(clause: str, found: re.Match[str]) -> str:
    """Extend a match to the end of its last word ("inaugurat" -> "inaugurated")."""
    tail = re.match(r"\w*", clause[found.end() :])
    return (found.group(0) + (tail.group(0) if tail else "")).lower()


def aggregate_words(clause: str) -> str | None:
    """Return the words that make ``clause`` a total over a period ("in total"), or None."""
    found = _AGGREGATE.search(clause)
    return found.group(0) if found else None


def is_aggregate(clause: str) -> bool:
    """Tell whether ``clause`` totals casualties over a long period instead of one event."""
    return _AGGREGATE.search(clause) is not None


def find_sides(clause: str) -> tuple[str, ...]:
    """Return the parties ``clause`` names, in a fixed order (Armenia, Artsakh, Azerbaijan)."""
    return tuple(sorted(side for side, pattern in _SIDES if pattern.search(clause)))
