"""One real item as plain text, UTF-16, a legacy code page, a saved web page and a PDF.

Each form must give the same sentences and the same incidents at the same place and date.
The item is the first paragraph of a development text (Wikipedia, CC BY-SA, read from the
shared workspace, never copied into the repository).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fpdf import FPDF

from geo.incidents import extract_incidents
from geo.places import Gazetteer
from geo.read import load_corpus
from geo.read.corpus import read_text
from tests.conftest import DEVSET

ITEM_FILE = "02_kirovabad-pogrom.txt"
TITLE = "Kirovabad Pogrom"


@pytest.fixture(scope="module")
def paragraph() -> str:
    path = DEVSET / ITEM_FILE
    if not path.is_file():
        pytest.skip(f"{DEVSET} is not here (it is beside the repository in CI)")
    text = path.read_text(encoding="utf-8")
    return next(p for p in text.split("\n\n") if p.startswith("The Kirovabad Pogrom was"))


def _page(paragraph: str) -> str:
    # What a browser saves: navigation and footer around the article.
    return (
        f"<html><head><title>{TITLE}</title>"
        '<meta property="article:published_time" content="2007-06-01">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/random'>Random article</a></nav>"
        f"<article><h1>{TITLE}</h1><p>{html.escape(paragraph)}</p></article>"
        "<footer>Text is available under the Creative Commons Attribution-ShareAlike "
        "License.</footer></body></html>"
    )


def _pdf(paragraph: str, path: Path) -> None:
    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, paragraph)  # wraps the paragraph into many short lines
    pdf.output(str(path))


@pytest.fixture(scope="module")
def variants(paragraph: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    paths = {
        "utf-8": folder / "item.txt",
        "utf-16": folder / "item-utf16.txt",
        "cp1252": folder / "item-cp1252.txt",
        "html": folder / "item.html",
        "pdf": folder / "item.pdf",
    }
    paths["utf-8"].write_text(paragraph + "\n", encoding="utf-8")
    paths["utf-16"].write_bytes(paragraph.replace("\n", "\r\n").encode("utf-16"))
    paths["cp1252"].write_bytes(("Bäganis Ayrum.\r\n\r\n" + paragraph).encode("cp1252"))
    paths["html"].write_text(_page(paragraph), encoding="utf-8")
    _pdf(paragraph, paths["pdf"])
    return paths


def test_utf16_and_legacy_code_pages_decode(variants: dict[str, Path]) -> None:
    assert read_text(variants["utf-16"])[1] == "utf-16"
    text, encoding = read_text(variants["cp1252"])
    assert text.startswith("Bäganis Ayrum.\n\nThe Kirovabad Pogrom")
    assert encoding.startswith("cp125")  # a Windows code page with ä at 0xe4


def test_every_format_gives_the_same_sentences(variants: dict[str, Path]) -> None:
    corpus = load_corpus(variants["utf-8"].parent)
    by_name = {doc.path: doc for doc in corpus.documents}
    plain = [s.text for s in by_name["item.txt"].sentences]
    assert plain[0].startswith("The Kirovabad Pogrom was an Azeri-led pogrom")
    assert plain[-1].endswith("such as the Sumgait Pogrom. [8]")
    assert len(plain) == 9
    assert [s.text for s in by_name["item-utf16.txt"].sentences] == plain
    assert [s.text for s in by_name["item-cp1252.txt"].sentences][1:] == plain
    web = by_name["item.html"]
    assert (web.source_format, web.headline) == ("html", TITLE)
    assert [s.text for s in web.sentences if s.text != TITLE] == plain
    pdf = by_name["item.pdf"]
    assert (pdf.source_format, pdf.headline) == ("pdf", TITLE)
    assert [s.text for s in pdf.sentences if s.text != TITLE] == plain
    for doc in corpus.documents:
        for sentence in doc.sentences:
            assert doc.text[sentence.start : sentence.end] == sentence.text


def test_every_format_gives_the_same_incident(
    variants: dict[str, Path], gazetteer: Gazetteer
) -> None:
    corpus = load_corpus(variants["utf-8"].parent)
    seen: dict[str, set[tuple[str, str, str, str | None]]] = {}
    for doc in corpus.documents:
        incidents = extract_incidents([doc], gazetteer).incidents
        seen[doc.path] = {
            (i.event_type, str(i.when.start), str(i.when.end), i.place.id if i.place else None)
            for i in incidents
        }
    pogrom = ("pogrom", "1988-11-01", "1988-11-30", "gn:586523")  # Kirovabad is Ganja
    assert all(pogrom in found for found in seen.values()), seen
    assert len({frozenset(found) for found in seen.values()}) == 1, seen
