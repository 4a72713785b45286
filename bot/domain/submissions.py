"""Voluntary written submissions: the letter's word limit and deadline, and one current text per delegation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.domain.errors import Refused
from bot.domain.settings import Category

WORD_LIMIT = 5000  # "at a maximum of 5000 words" (the invitation letter of 21 September 2020)
# A letter or a digit in any script: Python's Unicode \w (letters and numbers, categories L and N) but the underscore.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """Words as a word processor counts them, in any script: runs of characters between spaces that hold at
    least one letter or digit.

    Secretariats check a limit with the count their word processor shows, which splits on white space;
    a hyphenated compound ("state-of-the-art") is one word, a lone dash or bullet is none. Letters are
    Unicode's (categories L and N), so Cyrillic, Georgian and Armenian count as Latin does. Scripts written
    without spaces (Chinese, Japanese, Thai) would count a sentence as one word; no UNECE working or national
    language is written so.
    """
    return sum(1 for token in text.split() if _LETTER_OR_DIGIT.search(token))


@dataclass(frozen=True, slots=True)
class Submission:
    """One version of a delegation's written input, as received (by command or registered by staff from e-mail)."""

    delegation: str  # ISO 3166 code of the Member State
    text: str
    received: datetime  # aware UTC
    words: int
    version: int  # 1 for the delegation's first; a new one replaces the current, every version is kept
    submitted_by: str | None = None  # the participant, or the staff member who registered an e-mailed one
    file_name: str | None = None


@dataclass(frozen=True)
class SubmissionLate(Refused):
    """Received after the deadline: the answer shows the deadline in the reader's own time, so it keeps the instant."""

    deadline: datetime | None = None


@dataclass(frozen=True, slots=True)
class SubmissionRules:
    """The letter's terms for one meeting: the deadline, a late window staff may open, the word limit, and who
    is invited (the letter invites Member States; a setting may invite other categories)."""

    deadline: datetime  # aware; "31 October 2020" is its last second in the meeting's time
    word_limit: int = WORD_LIMIT
    late_until: datetime | None = None  # staff opened a late window up to this instant
    categories: tuple[Category, ...] = (Category.MEMBER_STATE,)

    def check(self, text: str, received: datetime, *, accept_late: bool = False) -> int:
        """The text's word count, or Refused: empty, over the limit (with the count), or after the deadline.

        `accept_late` is staff registering one received late, on purpose.
        """
        words = count_words(text)
        if words == 0:
            raise Refused("submission_empty", {})
        if words > self.word_limit:
            raise Refused("submission_too_long", {"words": f"{words:,}", "limit": f"{self.word_limit:,}"})
        if not (accept_late or self.on_time(received)):
            raise SubmissionLate("submission_late", deadline=self.deadline)
        return words

    def on_time(self, received: datetime) -> bool:
        return received <= self.deadline or (self.late_until is not None and received <= self.late_until)

    def invites(self, category: Category) -> bool:
        return category in self.categories


def next_version(history: Iterable[Submission], delegation: str) -> int:
    """The version number a new submission of the delegation gets: one past its last, whatever was replaced."""
    return 1 + max((s.version for s in history if s.delegation == delegation), default=0)


def current(history: Iterable[Submission]) -> dict[str, Submission]:
    """Each delegation's current submission: its latest version."""
    latest: dict[str, Submission] = {}
    for submission in history:
        kept = latest.get(submission.delegation)
        if kept is None or submission.version > kept.version:
            latest[submission.delegation] = submission
    return latest
