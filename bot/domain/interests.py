"""Expressions of interest in speaking at, or moderating, a segment; accepted speakers are inscribed ahead of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from bot.domain.errors import Refused
from bot.domain.queue.entries import Speaker

NOTE_LIMIT = 500  # what the delegation wishes to speak about: a line for the secretariat, not the statement
REASON_LIMIT = 500


class Role(StrEnum):
    SPEAKER = "speaker"
    MODERATOR = "moderator"


class Status(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Interest:
    """One expression of interest, numbered in the meeting; staff decide it, the participant may withdraw it."""

    id: int
    session_id: str
    role: Role
    speaker: Speaker  # who, and as what delegation and rank, when they expressed it
    note: str
    at: datetime
    status: Status = Status.PENDING
    decided_at: datetime | None = None
    decided_by: str | None = None
    reason: str = ""  # why it was declined, as staff wrote it
    position: int | None = None  # the place staff gave in the provisional list; None: as protocol orders it

    def accepted(self, by: str, at: datetime, position: int | None) -> Interest:
        self._check_open()
        return replace(self, status=Status.ACCEPTED, decided_at=at, decided_by=by, position=position)

    def declined(self, by: str, at: datetime, reason: str) -> Interest:
        self._check_open()
        _check_length("reason", reason, REASON_LIMIT)
        return replace(self, status=Status.DECLINED, decided_at=at, decided_by=by, reason=reason)

    def withdrawn(self, at: datetime) -> Interest:
        """The participant's own withdrawal; an accepted speaker leaves the provisional list with it."""
        if self.status in (Status.DECLINED, Status.WITHDRAWN):
            raise Refused("interest_closed", {"id": str(self.id), "status": self.status.value})
        return replace(self, status=Status.WITHDRAWN, decided_at=at)

    def _check_open(self) -> None:
        if self.status is not Status.PENDING:
            raise Refused("interest_decided", {"id": str(self.id), "status": self.status.value})


@dataclass(frozen=True, slots=True)
class InterestRules:
    """The call's deadline for expressions of interest (None: open until each segment starts)."""

    deadline: datetime | None = None

    def check(self, at: datetime, *, staff: bool) -> None:
        """After the deadline only staff may still add one (for someone who asked by e-mail, say)."""
        if self.deadline is not None and at > self.deadline and not staff:
            raise InterestLate("interest_late", deadline=self.deadline)


@dataclass(frozen=True)
class InterestLate(Refused):
    """After the deadline: the answer shows it in the reader's own time, so it keeps the instant."""

    deadline: datetime | None = None


def new_interest(
    held: Iterable[Interest], *, number: int, session_id: str, role: Role, speaker: Speaker, note: str, at: datetime
) -> Interest:
    """A new expression of interest, unless the same person already holds one for that segment and role."""
    _check_length("note", note, NOTE_LIMIT)
    for other in held:
        same = (other.session_id, other.role, other.speaker.participant_id) == (
            session_id,
            role,
            speaker.participant_id,
        )
        if same and other.status in (Status.PENDING, Status.ACCEPTED):
            raise Refused("interest_duplicate", {"id": str(other.id), "session": session_id, "role": role.value})
    return Interest(number, session_id, role, speaker, note, at)


def _check_length(field: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise Refused(f"{field}_too_long", {"length": str(len(text)), "limit": str(limit)})
