"""How the report names speakers and quotes them: house-style attributions and a statement's first sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.meeting import Meeting
from bot.domain.participants import Level
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.formats.report_summaries import MAX_WORDS, Summaries, opening, passage_on
from bot.formats.wording import speaker_as, with_article
from bot.services.record import MeetingRecord
from tests.words import english

STATES = {"AM": "Armenia", "RU": "Russian Federation", "MD": "Republic of Moldova", "DE": "Germany"}


def speaker(delegation: str | None, category: Category, group: str | None = None) -> Speaker:
    return Speaker("p", "Ana Lee", delegation, category, Level.OTHER, group)


@pytest.mark.parametrize(
    ("who", "written"),
    [
        (speaker("AM", Category.MEMBER_STATE), "the representative of Armenia"),
        (speaker("RU", Category.MEMBER_STATE), "the representative of the Russian Federation"),
        (speaker("MD", Category.MEMBER_STATE), "the representative of the Republic of Moldova"),
        (speaker("Holy See", Category.OBSERVER_STATE), "the observer for the Holy See"),
        (speaker("IOM", Category.UN_SYSTEM), "the representative of IOM"),
        (speaker("Youth Migration Network", Category.STAKEHOLDER), "the representative of the Youth Migration Network"),
        (speaker("DE", Category.MEMBER_STATE, "EU"), "the European Union, speaking on behalf of its member States"),
        (speaker("DE", Category.MEMBER_STATE, "Nordic"), "the representative of Germany, speaking on behalf of Nordic"),
        (speaker("UNECE", Category.SECRETARIAT), "Ana Lee, for the secretariat"),
        (speaker(None, Category.STAKEHOLDER), "Ana Lee"),
    ],
)
def test_speakers_are_named_as_a_un_summary_names_them(who: Speaker, written: str) -> None:
    assert speaker_as(who, lambda code: STATES.get(code, code), tr=english()) == written


def test_the_secretariat_is_named_with_its_title_when_the_roster_gives_one() -> None:
    assert speaker_as(speaker("UNECE", Category.SECRETARIAT), str, "Director", tr=english()) == "Ana Lee, Director"


def test_san_marino_and_acronyms_take_no_article() -> None:
    assert with_article("San Marino", state=True) == "San Marino"
    assert with_article("OSCE", state=False) == "OSCE"
    assert with_article("Netherlands", state=True) == "the Netherlands"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One. Two. Three.", "One. Two."),
        ("Mr. Ivanov spoke, e.g. on visas. Then more. And more.", "Mr. Ivanov spoke, e.g. on visas. Then more."),
        ("Казахстан принял план. Второе. Третье.", "Казахстан принял план. Второе."),
        ("“Quoted.” Next one! Last?", "“Quoted.” Next one!"),
        ("no stop at all", "no stop at all"),
        ("  spaced\n\nout.  Lines. ", "spaced out. Lines."),
    ],
)
def test_a_statement_opens_with_its_first_two_sentences(text: str, first: str) -> None:
    assert opening(text) == first


def test_a_long_first_sentence_is_cut_at_a_word() -> None:
    cut = opening("word " * 100)
    assert cut.endswith("word…")
    assert len(cut.split()) == MAX_WORDS


def test_a_submission_is_quoted_from_the_paragraph_on_the_objective() -> None:
    finder = lambda text: (5,) if "objective 5" in text else ()  # noqa: E731
    assert passage_on("Thanks.\n\nOn objective 5: pathways.", 5, finder) == "On objective 5: pathways."
    assert passage_on("Nothing on it.", 5, finder) == "Nothing on it."


@given(st.text())
def test_the_opening_is_the_text_s_start_and_never_longer_than_the_limit(text: str) -> None:
    cut = opening(text)
    flat = " ".join(text.split())
    assert flat.startswith(cut.removesuffix("…"))
    assert len(cut.split()) <= MAX_WORDS


def test_speakers_without_text_are_named_together_as_a_summary_would() -> None:
    at = datetime(2020, 11, 12, 10, tzinfo=UTC)
    record = MeetingRecord(Meeting("m", "M", "Europe/Paris", (), ()), (), states=STATES)
    said = [
        Intervention(QueueEntry(n, who, EntryKind.STATEMENT, at, n), at, None, at)
        for n, who in enumerate(
            [
                speaker("AM", Category.MEMBER_STATE),
                speaker("Holy See", Category.OBSERVER_STATE),
                speaker("RU", Category.MEMBER_STATE),
            ]
        )
    ]
    assert Summaries(record, english()).also(said) == (
        "The representatives of Armenia and the Russian Federation and the observer for the Holy See also took the "
        "floor."
    )
