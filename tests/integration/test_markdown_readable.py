"""The Markdown exports read as typed: rendered by a CommonMark renderer, every statement shows its own text, and
nothing a participant typed becomes markup, HTML or a mention; the raw file escapes only what needs it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from bot.domain.participants import Level
from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.domain.transcript import EntryKind as Said
from bot.domain.transcript import TranscriptEntry
from bot.formats.markdown_text import markdown_line, markdown_lines, markdown_literal
from bot.formats.notes_markdown import notes_to_markdown
from bot.formats.safe_text import clean
from bot.formats.schedule_toml import load_schedule_toml
from bot.formats.transcript import transcript_to_markdown
from bot.services.record import MeetingRecord, SessionRecord
from tests.conftest import GCM_2020
from tests.words import english

COMMONMARK = MarkdownIt("commonmark")  # raw HTML on, as CommonMark has it: a tag that got through would show
GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # what GitHub adds that participants could use

STATEMENT = "Jean-Baptiste: *not bold* <script>alert(1)</script> @channel [x](http://evil) (objective 5)."
# What a hostile or careless participant types, mixed into arbitrary text: every construct CommonMark or GFM reads.
HOSTILE = [
    *"*_`[]()<>&#=+-|\\~!@:.'\"{}$^ \t\n",
    *["**", "__", "x_y", "_x_", "```", "~~", "~~~", "![", "](http://x)", "[x]: /u", "<script>", "</b>", "<!-- -->"],
    *["<http://x.org>", "<a@b.org>", "&amp;", "&copy;", "&#64;", "&#x40;", "&nbsp", "# ", "###### ", "1. ", "1) "],
    *["2020. ", "- ", "+ ", "* ", "> ", "===", "---", "- - -", "***", "___", "|---|", ":-:", "\\*", "\\\n", "  \n"],
    *["\n\n", "    ", "\t\t", "@channel", "@here", "@everyone", "<@U123>", "<!channel>", "x@y.org", "\u00a0", "\r\n"],
    *["Jean-Baptiste", "(objective 5).", "Ольга", "é", "e\u0301", "www.x.org", "http://x.org"],
]
TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=14).map("".join)


def words(text: str) -> str:
    """The words as a reader sees them, in order, one space between: CommonMark drops the spaces and tabs at either
    end of a line and turns a line end into a soft or hard break, and HTML shows any run of white space as one
    space. So a rendering reads as typed when its words are the typed words; no character may be added, lost or
    moved, and no two words joined or one split."""
    return " ".join(text.split())


class Rendered(HTMLParser):
    """The elements a rendering made, and its text with every entity and character reference resolved (the parser's
    convert_charrefs applies html.unescape to the text, once: `&amp;copy;` reads back as the typed `&copy;`)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self._text: list[str] = []
        self.feed(html)
        self.close()

    @property
    def text(self) -> str:
        return "".join(self._text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.hrefs += [v or "" for k, v in attrs if k in {"href", "src"}]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.tags["<!-- -->"] += 1  # a raw HTML comment would hide text

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def render(md: MarkdownIt, source: str) -> Rendered:
    return Rendered(md.render(source))


@dataclass(frozen=True)
class Place:
    """Where an export puts one line of participant text, and the rendered text around it."""

    name: str
    md: MarkdownIt
    around: Callable[[str], str]
    before: str = ""
    after: str = ""


PLACES = [
    Place("paragraph (provisional list)", COMMONMARK, lambda v: f"{v}\n"),
    Place("heading", COMMONMARK, lambda v: f"## {v}\n"),
    Place("strong name", COMMONMARK, lambda v: f"1. **{v}** (AM), member-state\n", after=" (AM), member-state"),
    Place(
        "statement quoted under a speaker",
        COMMONMARK,
        lambda v: f"1. **Olga**, member-state\n   > {v}\n",
        before="Olga, member-state ",
    ),
    Place("note", COMMONMARK, lambda v: f"- Note by Nino: {v}\n", before="Note by Nino: "),
    Place(
        "table cell",
        GFM,
        lambda v: f"| delegation | time |\n|---|---|\n| {v} | 2m |\n",
        before="delegation time ",
        after=" 2m",
    ),
    Place("strikethrough on", GFM, lambda v: f"- Note by Nino: {v}\n", before="Note by Nino: "),
]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_one_line_reads_as_typed_wherever_an_export_puts_it(typed: str) -> None:
    typed_words = words(clean(typed))
    assume(typed_words)  # an empty value renders as its place without it: nothing to read
    escaped = markdown_line(typed)
    assert "<" not in escaped  # no tag, autolink or <@U123> in the raw file either
    assert re.search(r"(?<!\\)@(?:channel|here|everyone)", escaped, re.IGNORECASE) is None  # no ping when pasted
    for place in PLACES:
        got = render(place.md, place.around(escaped))
        neutral = render(place.md, place.around("Neutral"))
        assert words(got.text) == words(place.before + typed_words + place.after), (place.name, escaped)
        assert got.tags == neutral.tags, (place.name, escaped)  # no element more or less than the place makes


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_several_lines_read_as_typed(typed: str) -> None:
    as_paragraph = render(GFM, markdown_literal(typed) + "\n")
    assert words(as_paragraph.text) == words(clean(typed)), markdown_literal(typed)
    assert set(as_paragraph.tags) <= {"p"}, markdown_literal(typed)
    # The transcript: a list item, the lines joined with hard breaks; a blank line ends the item, nothing more.
    item = "- 12 Nov 10:40:00, *Podium*: " + "  \n".join(markdown_lines(typed)) + "\n"
    got = render(GFM, item)
    assert words(got.text) == words("12 Nov 10:40:00, Podium: " + clean(typed)), item
    assert set(got.tags) <= {"ul", "li", "em", "br", "p"}, item
    assert (got.tags["ul"], got.tags["li"], got.tags["em"]) == (1, 1, 1), item


@pytest.mark.parametrize(
    "typed",
    [
        "Jean-Baptiste Tremblay (objective 5).",
        "Armenia supports regular pathways (objective 5).",
        "R&D, 5 - 3 = 2, snake_case, un@un.org, it's 10:40!",
        "Ольга Коваленко — Україна",
    ],
)
def test_plain_text_comes_out_unchanged(typed: str) -> None:
    assert markdown_line(typed) == typed
    assert markdown_literal(typed) == typed
    assert markdown_lines(typed) == [typed]


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("*not bold* _nor this_", r"\*not bold\* \_nor this\_"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("@channel <@U123> and x@everyone", r"\@channel &lt;\@U123&gt; and x\@everyone"),
        ("[x](http://evil)", r"\[x\](http://evil)"),
        ("&copy; stays &copy;", "&amp;copy; stays &amp;copy;"),
        ("# 1. - not a heading", r"\# 1. - not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("- not a list", r"\- not a list"),
        ("===", r"\==="),
        ("Room ##", r"Room \##"),
        ("    not code  ", "not code"),
        ("a | b ~~c~~ `d`", r"a \| b \~\~c\~\~ \`d\`"),
        ("C:\\path\\ and \\*", r"C:\path\ and \\\*"),
    ],
)
def test_only_what_markdown_would_read_is_escaped(typed: str, escaped: str) -> None:
    assert markdown_line(typed) == escaped


def notes_with(statement: str) -> MeetingRecord:
    """Roundtable 1 with one statement heard, one submitted in writing, notes and one speaker not heard, all hostile."""
    meeting = load_schedule_toml(GCM_2020)
    rt1 = next(s for s in meeting.sessions if s.id == "rt1")
    start = rt1.start + timedelta(minutes=5)

    def entry(n: int, name: str, delegation: str) -> QueueEntry:
        speaker = Speaker(f"p{n}", name, delegation, Category.MEMBER_STATE, Level.OTHER)
        return QueueEntry(n, speaker, EntryKind.STATEMENT, start, n)

    ended = start + timedelta(minutes=2)
    heard = Intervention(
        entry(1, "Jean-Baptiste Tremblay", "CA"), start, timedelta(minutes=3), ended, statement=statement
    )
    written = Intervention(entry(2, "*Olga* <b>K</b>", "UA"), start, None, start, Delivery.WRITTEN, statement)
    notes = (Note("Nino", statement, start, intervention=1), Note("# Elif", statement, start))
    unheard = (entry(3, "[Markus](http://evil) @here", "DE"),)
    return MeetingRecord(meeting, (SessionRecord(rt1, (heard, written), notes, unheard),), {})


def test_the_notes_render_every_statement_as_typed_and_nothing_as_markup() -> None:
    notes = notes_to_markdown(notes_with(STATEMENT), tr=english())
    assert "Jean-Baptiste Tremblay" in notes
    assert "(objective 5)." in notes  # the raw file reads as typed: no backslash before a hyphen or a parenthesis
    for md in (COMMONMARK, GFM):
        page = render(md, notes)
        assert page.text.count(STATEMENT) == 4  # heard, in writing, and the two notes; each as typed
        assert "*Olga* <b>K</b>" in page.text
        assert "[Markus](http://evil) @here" in page.text
        assert "# Elif: " + STATEMENT in page.text
        for tag in ("script", "b", "em", "a", "img", "code", "pre", "del", "h4", "hr", "<!-- -->"):
            assert page.tags[tag] == 0, tag
        assert page.tags["strong"] == 2  # the speakers' names, the notes' own markup
        assert not page.hrefs
    # Mentions stay inert in the raw file too: pasted into chat, none pings.
    assert "\\@channel" in notes
    assert "\\@here" in notes
    assert "@channel" not in notes.replace("\\@channel", "")


def test_the_transcript_renders_posts_as_typed() -> None:
    meeting = load_schedule_toml(GCM_2020)
    rt1 = next(s for s in meeting.sessions if s.id == "rt1")
    said = [
        TranscriptEntry(
            meeting.id, rt1.start, Said.MESSAGE, f"{STATEMENT}\n# two\n    three  ", "gcm-rt1", None, "rt1"
        ),
        TranscriptEntry(meeting.id, rt1.start, Said.COMMAND, f"/statement {STATEMENT}", "gcm-rt1", "olga", "rt1"),
    ]
    page = render(COMMONMARK, transcript_to_markdown(meeting, said, tr=english()))
    assert f"{STATEMENT}\n# two\nthree" in page.text
    assert f"/statement {STATEMENT}" in page.text  # a command as a code span, literally
    assert page.tags["code"] == 1
    assert page.tags["em"] == 1  # *Podium*
    assert (page.tags["h1"], page.tags["h2"]) == (1, 1)  # the transcript's title and the session's: no other
    assert page.tags["strong"] == 1  # the actor of the command
    for tag in ("script", "a", "h3", "pre"):
        assert page.tags[tag] == 0, tag
