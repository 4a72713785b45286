"""The published written submissions: current versions only, alphabetised by name, dated in Geneva, inert text."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.submissions import Submission, count_words
from bot.formats.submissions_html import NONE_RECEIVED, TITLE, submissions_site
from tests.words import english

GENEVA = ZoneInfo("Europe/Zurich")  # Geneva keeps Zurich's time; the schedules name this zone
MEETING = "Regional Review of the Global Compact for Migration (UNECE) & <partners>"
NAMES = {
    "RU": "Russian Federation",
    "TR": "Türkiye",
    "TM": "Turkmenistan",
    "AM": "Armenia",
    "GE": "Georgia",
    "XA": 'Hostile <script>alert("name")</script> & Co',
}
RUSSIAN = "Российская Федерация поддерживает цели Глобального договора.\nВторая строка.\n\nНовый абзац: «пути»."
HOSTILE = '<script>alert("x")</script> & "quotes" \u202eevil\u202c\x07bell'


def submission(code: str, text: str, version: int = 1, *, day: int = 20, words: int | None = None) -> Submission:
    received = datetime(2020, 10, day, 9, 0, tzinfo=UTC)
    return Submission(code, text, received, count_words(text) if words is None else words, version)


def site(submissions: list[Submission]) -> dict[str, str]:
    pages = submissions_site(submissions, NAMES.__getitem__, MEETING, GENEVA, tr=english())
    return {name: page.decode("utf-8") for name, page in pages.items()}


class Table(HTMLParser):
    """The index's rows as the text of their cells, and the links in it."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.scripts = 0
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self.rows[-1].append("")
            self.in_cell = True
        elif tag == "a":
            self.links.append(dict(attrs)["href"] or "")
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"}:
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.rows[-1][-1] += data


def parsed(page: str) -> Table:
    table = Table()
    table.feed(page)
    return table


def test_index_lists_current_submissions_by_full_name_with_date_and_words() -> None:
    pages = site(
        [
            submission("TM", "Туркменистан " * 10),
            submission("RU", RUSSIAN, day=25),
            submission("TR", "Türkiye " * 3),
            submission("AM", "Հայաստան " * 7),
        ]
    )
    index = parsed(pages["index.html"])
    assert index.rows[0] == ["Delegation", "Received", "Words"]
    assert [row[0] for row in index.rows[1:]] == ["Armenia", "Russian Federation", "Türkiye", "Turkmenistan"]
    assert index.rows[2] == ["Russian Federation", "25 October 2020", "11"]
    assert index.links == ["am.html", "ru.html", "tr.html", "tm.html"]
    assert sorted(pages) == ["am.html", "index.html", "ru.html", "tm.html", "tr.html"]
    assert f"<h1>{TITLE}</h1>" in pages["index.html"]


def test_only_the_current_version_of_each_delegation_is_published() -> None:
    pages = site(
        [
            submission("GE", "Pirveli versia, withdrawn text", 1, day=10),
            submission("GE", "Meore versia: ახალი ტექსტი", 3, day=30),
            submission("GE", "Middle version, replaced", 2, day=20),
        ]
    )
    assert "ახალი ტექსტი" in pages["ge.html"]
    assert "withdrawn" not in pages["ge.html"]
    assert "replaced" not in pages["ge.html"]
    assert parsed(pages["index.html"]).rows[1] == ["Georgia", "30 October 2020", "4"]


def test_the_date_is_the_day_in_the_meetings_zone_and_words_have_a_thousands_separator() -> None:
    late_evening = Submission("RU", RUSSIAN, datetime(2020, 10, 29, 23, 30, tzinfo=UTC), 4800, 1)
    page = site([late_evening])["ru.html"]
    assert "Received 30 October 2020, 4,800 words" in page
    assert parsed(site([late_evening])["index.html"]).rows[1] == ["Russian Federation", "30 October 2020", "4,800"]


def test_a_page_holds_the_text_as_paragraphs_with_line_breaks_and_cyrillic_intact() -> None:
    page = site([submission("RU", RUSSIAN)])["ru.html"]
    assert "<h1>Russian Federation</h1>" in page
    assert (
        '<p dir="auto">Российская Федерация поддерживает цели Глобального договора.<br>\nВторая строка.</p>\n'
        '<p dir="auto">Новый абзац: «пути».</p>'
    ) in page
    assert "Received 20 October 2020, 11 words" in page


def test_hostile_text_is_escaped_once_and_stripped_of_controls() -> None:
    pages = site([submission("XA", HOSTILE)])
    page, index = pages["xa.html"], pages["index.html"]
    for published in (page, index):
        assert "<script" not in published
        assert parsed(published).scripts == 0
        assert "&amp;lt;" not in published  # escaped once, not twice
        assert "Regional Review of the Global Compact for Migration (UNECE) &amp; &lt;partners&gt;" in published
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; evilbell" in page
    assert "Hostile &lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; Co" in index
    assert not re.search("[\u202a-\u202e\x00-\x08]", page)


def test_pages_are_standalone_html5_without_script_or_external_resources(tmp_path: Path) -> None:
    pages = submissions_site([submission("AM", "Հայաստան")], NAMES.__getitem__, MEETING, GENEVA, tr=english())
    for name, content in pages.items():
        (tmp_path / name).write_bytes(content)
        page = (tmp_path / name).read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
        assert "@page { size: A4" in page
        assert not re.search(r"<script|<link|<img|src=|https?://|@import", page)
    assert "Հայաստան" in (tmp_path / "am.html").read_text(encoding="utf-8")


def test_no_submissions_gives_an_index_that_says_so() -> None:
    pages = site([])
    assert list(pages) == ["index.html"]
    assert NONE_RECEIVED in pages["index.html"]


def test_a_code_that_could_name_another_file_is_refused() -> None:
    with pytest.raises(ValueError, match="not an ISO 3166 code"):
        submissions_site([submission("../index", "text")], lambda code: code, MEETING, GENEVA, tr=english())
