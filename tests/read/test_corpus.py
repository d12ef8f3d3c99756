from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import InputError
from geo.model import Document
from geo.read.corpus import (
    PLAIN_PUNCTUATION,
    _fix_text,
    load_corpus,
    parse_document,
    read_seed,
    repair_mojibake,
)
from geo.read.decode import MAX_LINE_CHARS
from geo.read.sentences import split_spans
from tests.conftest import BAD, SEEDS


def sentence_with(doc: Document, fragment: str) -> str:
    matches = [s for s in doc.sentences if fragment in s.text]
    assert matches, f"no sentence of {doc.path} contains {fragment!r}"
    return matches[0].heading


def test_each_seed_gets_its_shape(docs: dict[str, Document]) -> None:
    shapes = {key: doc.shape for key, doc in docs.items()}
    assert shapes == {
        "000": "flat",
        "001": "front_matter",
        "002": "glossed",
        "003": "flat",
        "004": "front_matter",
    }


def test_readme_in_seeds_is_not_a_document(docs: dict[str, Document]) -> None:
    assert (SEEDS / "README.md").exists()
    assert sorted(docs) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize(
    "gloss_words",
    [
        "formerly Pishpek and Frunze",  # Bishkek
        "capital and largest city of Kyrgyzstan",
        "is a city and the capital of the Kalbajar District",  # Kalbajar
        "Thomas Patrick Lowndes de Waal",
        "Bako Sahaki Sahakyan",
        "Azərbaycanlılar",
        "is a village and municipality",  # Tap Qaraqoyunlu
        "North is one of the four compass points",
        "Agreements and declarations resulting from meetings in Paris",
        "may refer to",
        ", image = Syrian Observatory",
        "__NOTOC__",
    ],
)
def test_no_gloss_of_002_survives(docs: dict[str, Document], gloss_words: str) -> None:
    raw = read_seed(SEEDS / docs["002"].path)
    assert gloss_words in raw
    assert gloss_words not in docs["002"].text


def test_link_text_stays_in_the_narrative(docs: dict[str, Document]) -> None:
    text = docs["002"].text
    assert "A ceasefire signed in 1994 in Bishkek was followed by two decades" in text
    assert "the Armenian-populated village of Chardakhly (present-day Çardaqlı)" in text
    assert "positions near Tap Qaraqoyunlu, Qızıloba, Qapanlı" in text
    assert docs["002"].glosses_removed == 64


def test_mojibake_in_004_is_repaired(docs: dict[str, Document]) -> None:
    doc = docs["004"]
    raw = read_seed(SEEDS / doc.path)
    assert "Baƒüanis Ayrum" in raw
    assert "storming the Azerbaijani village Bağanis Ayrum" in doc.text
    for damaged in ("‚Äì", "‚Äô", "Ã", "ƒü", "\uf8ff", "üá", "–ü—"):
        assert damaged not in doc.text
    assert "🇦🇲 Armenia and Nagorno-Karabakh | 🇦🇿 Azerbaijan" in doc.text
    assert doc.chars_repaired > 300


def test_clean_seeds_are_left_alone(docs: dict[str, Document]) -> None:
    assert [docs[key].chars_repaired for key in ("000", "001", "002", "003")] == [0, 0, 0, 0]


def test_front_matter_becomes_metadata_not_prose(docs: dict[str, Document]) -> None:
    infobox = docs["004"].metadata["infobox"]
    assert isinstance(infobox, dict)
    assert infobox["date"] == "20 February 1988 – 12 May 1994"
    assert "Guerrilla warfare: 1988–1991" in docs["001"].metadata["infobox"]["date"]  # type: ignore[index]
    assert docs["001"].metadata["pubDate"] == "2022-02-13"
    for doc in (docs["001"], docs["004"]):
        assert "infoboxes:" not in doc.text
        assert "Special:Redirect" not in doc.text
        assert "**" not in doc.text
    assert docs["001"].text.startswith("The Nagorno-Karabakh conflict is an ethnic")
    assert "remaining de facto independent" in docs["004"].text


@pytest.mark.parametrize(
    ("key", "fragment", "heading_end"),
    [
        ("001", "In late April 2011, border clashes left three", "2011–2013 continued fighting"),
        ("002", "In late April 2011, border clashes left three", "2011–2013 continued fighting"),
        ("001", "killed by an Azerbaijani sniper near the line of", "2018 clashes"),
        ("004", "the Azerbaijani forces stationed in Shusha encircled", "Capture of Shusha"),
        ("001", "positions near Tap Qaraqoyunlu", "2010 violence"),
    ],
)
def test_headings_stay_with_their_sentences(
    docs: dict[str, Document], key: str, fragment: str, heading_end: str
) -> None:
    assert sentence_with(docs[key], fragment).endswith(heading_end)


def test_heading_path_keeps_parents(docs: dict[str, Document]) -> None:
    heading = sentence_with(docs["001"], "In late April 2011, border clashes")
    assert heading == "Timeline > Border clashes (1994–2020) > 2011–2013 continued fighting"


def test_table_notes_become_sentences(docs: dict[str, Document]) -> None:
    rows = [s for s in docs["004"].sentences if "Shokhiy" in s.text]
    assert [s.text for s in rows] == [
        "1 Azerbaijani MiG-21 was shot down near Shokhiy on 20 August 1992",
        "1 Azerbaijani MiG-21 shot down near Shokhiy on 31 August 1992 using small-arms fire",
    ]
    assert all(s.is_table for s in rows)


def test_offsets_round_trip_on_every_seed(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        for index, sentence in enumerate(doc.sentences):
            assert doc.text[sentence.start : sentence.end] == sentence.text
            assert sentence.index == index
            assert sentence.doc == doc.path


def test_abbreviations_do_not_end_sentences() -> None:
    text = "George W. Bush met Mr. Aliyev on 5 May. Then fighting resumed near Agdam."
    assert [text[s:e] for s, e in split_spans(text)] == [
        "George W. Bush met Mr. Aliyev on 5 May.",
        "Then fighting resumed near Agdam.",
    ]


@given(st.text())
def test_split_spans_cut_back_to_the_text(text: str) -> None:
    spans = list(split_spans(text))
    assert spans == sorted(spans)
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip()
        assert piece


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_parse_document_never_crashes_and_offsets_hold(text: str) -> None:
    try:
        doc = parse_document(text, "fuzz.txt")
    except InputError as error:
        message = str(error)
    else:
        message = ""
        for sentence in doc.sentences:
            assert doc.text[sentence.start : sentence.end] == sentence.text
    assert "\n" not in message


_PLAIN_ALPHABET = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "&") + "\t"


@given(st.text(alphabet=_PLAIN_ALPHABET + PLAIN_PUNCTUATION * 4, max_size=60))
def test_ftfy_leaves_the_lines_the_reader_skips_unchanged(line: str) -> None:
    # repair_mojibake does not call ftfy on ASCII lines with typographic punctuation: that
    # shortcut is only right while ftfy leaves every such line as it is
    assert _fix_text()(line) == line


def test_repair_is_idempotent_on_clean_text() -> None:
    clean = "Talish and Ağdam were shelled — “heavily” — on 2 April 2016."
    assert repair_mojibake(clean) == (clean, 0)


BAD_FILES = {
    "empty.txt": "empty.txt: file is empty",
    "binary.txt": "binary.txt: looks like a binary file (NUL byte at offset 13)",
    "undecodable.txt": (
        "undecodable.txt: is neither UTF-8 (byte 0x80 at offset 0) nor a recognisable text "
        "encoding; save it as UTF-8"
    ),
    "front_matter_unclosed.md": (
        "front_matter_unclosed.md:1: front matter opened with '---' on line 1 is never closed"
    ),
    "front_matter_invalid_yaml.md": (
        "front_matter_invalid_yaml.md:4: front matter is not valid YAML: "
        "found unexpected end of stream"
    ),
}


@pytest.mark.parametrize(("name", "message"), sorted(BAD_FILES.items()))
def test_bad_seed_is_refused_with_one_line(name: str, message: str) -> None:
    path = BAD / name
    with pytest.raises(InputError) as caught:
        parse_document(read_seed(path), name)
    assert str(caught.value).replace(str(BAD) + "/", "") == message


def test_every_bad_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.iterdir() if not p.name.startswith("gazetteer")) == sorted(
        BAD_FILES
    )


def test_giant_single_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("shelling near Agdam " * 1_048_576, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"(limit {MAX_LINE_CHARS:,})")) as caught:
        read_seed(path)
    assert str(caught.value).startswith(f"{path}:1: line 1 is 20,971,520 characters long")


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError, match=r"folder\.txt: cannot be read: Is a directory"):
        read_seed(tmp_path / "folder.txt")


def test_one_bad_file_among_good_ones_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Agdam was captured on 23 July 1993.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe broken")
    corpus = load_corpus(tmp_path)
    assert [doc.path for doc in corpus.documents] == ["good.txt"]
    assert [str(e) for e in corpus.skipped] == [
        f"{tmp_path}/bad.txt: starts with a utf-16 byte-order mark but is not utf-16 "
        "('utf-16-le' codec can't decode byte 0x6e in position 8: truncated data)"
    ]
    with pytest.raises(InputError, match=r"bad\.txt"):
        load_corpus(tmp_path, is_strict=True)


def test_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run from the repository root or pass --seeds DIR"):
        load_corpus(tmp_path / "nope")


def test_spaced_reference_markers_stay_with_their_sentence() -> None:
    # Wikipedia mirrors print citations as " [4]" after the full stop.
    text = "MVD troops were called out. [4] Soviet troops tried to defend Armenians. [5] [6]"
    spans = list(split_spans(text))
    assert [text[a:b] for a, b in spans] == [
        "MVD troops were called out. [4]",
        "Soviet troops tried to defend Armenians. [5] [6]",
    ]
