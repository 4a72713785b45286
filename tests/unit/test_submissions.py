"""Written submissions: the word count in every script of the region, the 5,000-word limit, the deadline's edges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import Refused
from bot.domain.settings import Category
from bot.domain.submissions import (
    Submission,
    SubmissionLate,
    SubmissionRules,
    count_words,
    current,
    next_version,
)

CET = ZoneInfo("Europe/Zurich")  # the meeting is run from Geneva
# "The end of 31 October 2020" in the meeting's time: summer time ended on 25 October, so CET, UTC+1.
DEADLINE = datetime(2020, 10, 31, 23, 59, 59, tzinfo=CET)
RULES = SubmissionRules(DEADLINE)
ON_TIME = datetime(2020, 10, 30, 12, 0, tzinfo=UTC)


def test_the_deadline_is_one_second_before_midnight_cet_which_is_22_59_59_utc() -> None:
    assert DEADLINE.astimezone(UTC) == datetime(2020, 10, 31, 22, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Safe, orderly and regular migration.", 5),
        ("state-of-the-art reporting", 2),  # a hyphenated compound is one word, as in a word processor
        ("Objective 23 — international cooperation", 4),  # a lone dash is no word; a number is one
        ("Глобальный договор о безопасной миграции", 5),  # Russian
        ("მიგრაციის გლობალური შეთანხმება", 3),  # Georgian
        ("Միգրացիայի գլոբալ համաձայնագիր", 3),  # Armenian
        ("Göç Küresel Mutabakatı", 3),  # Turkish
        ("  \n\t • \n  ", 0),
        ("l'intégration des migrants", 3),
    ],
)
def test_words_are_counted_alike_in_every_script(text: str, words: int) -> None:
    assert count_words(text) == words


def test_a_known_text_has_a_pinned_count() -> None:
    # The letter's own sentence on submissions, as a secretariat's word processor counts it.
    letter = (
        "Given the new date of the review, we extend the deadline for submissions of voluntary written inputs "
        "on experiences by Member States to 31 October 2020. We would be grateful if submissions, at a maximum "
        "of 5000 words, could be submitted to Ryan.Kennedy@un.org."
    )
    assert count_words(letter) == 43


@given(st.lists(st.sampled_from(["migration", "миграция", "მიგრაცია", "միգրացիա", "—", "•", "2020"]), max_size=50))
def test_the_count_is_the_number_of_tokens_holding_a_letter_or_digit(tokens: list[str]) -> None:
    assert count_words(" ".join(tokens)) == sum(token not in ("—", "•") for token in tokens)


def test_5000_words_are_accepted_and_5001_refused_with_the_count() -> None:
    assert RULES.check("слово " * 5000, ON_TIME) == 5000
    with pytest.raises(Refused) as refused:
        RULES.check("слово " * 5001, ON_TIME)
    assert refused.value.code == "submission_too_long"
    assert refused.value.details == {"words": "5,001", "limit": "5,000"}


def test_the_last_second_of_31_october_cet_is_on_time_and_midnight_is_late() -> None:
    assert RULES.check("text", DEADLINE) == 1
    with pytest.raises(SubmissionLate) as refused:
        RULES.check("text", DEADLINE + timedelta(seconds=1))
    assert refused.value.code == "submission_late"
    assert refused.value.deadline == DEADLINE  # kept as an instant: the answer shows it in the reader's time
    assert RULES.check("text", DEADLINE + timedelta(seconds=1), accept_late=True) == 1


def test_a_late_window_opened_by_staff_admits_until_its_end() -> None:
    window = SubmissionRules(DEADLINE, late_until=DEADLINE + timedelta(days=3))
    assert window.check("text", DEADLINE + timedelta(days=2)) == 1
    with pytest.raises(SubmissionLate):
        window.check("text", DEADLINE + timedelta(days=3, seconds=1))


def test_member_states_are_invited_and_other_categories_only_by_a_setting() -> None:
    assert RULES.invites(Category.MEMBER_STATE)
    assert not RULES.invites(Category.STAKEHOLDER)
    assert SubmissionRules(DEADLINE, categories=(Category.MEMBER_STATE, Category.IGO)).invites(Category.IGO)


def test_an_empty_text_is_refused() -> None:
    with pytest.raises(Refused, match="submission_empty"):
        RULES.check(" \n ", ON_TIME)


def _version(delegation: str, version: int) -> Submission:
    return Submission(delegation, f"v{version}", ON_TIME + timedelta(hours=version), 1, version)


def test_a_new_submission_replaces_the_current_one_and_every_version_is_kept() -> None:
    history = [_version("AM", 1), _version("GE", 1), _version("AM", 2)]
    assert next_version(history, "AM") == 3
    assert next_version(history, "KZ") == 1
    assert {d: s.version for d, s in current(history).items()} == {"AM": 2, "GE": 1}


def test_in_new_york_the_deadline_falls_at_18_59_59_because_us_summer_time_ended_a_day_later() -> None:
    # Europe left summer time on 25 October 2020, the United States on 1 November: on 31 October New York was
    # still on EDT (UTC-4), so the deadline there is 18:59:59, not the 17:59:59 that EST would give.
    assert DEADLINE.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M:%S %Z") == "18:59:59 EDT"
