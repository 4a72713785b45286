"""In-memory twins of the reminder and subscription repositories, with the database's semantics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from bot.domain.meeting import Meeting
from bot.services.ports import Claim, ConcurrentChange

ERROR_LENGTH = 500  # as in the database repository
EVERY_SESSION = "*"  # as in reminder_tables; kept apart so the memory store needs no SQLAlchemy
FindMeeting = Callable[[str], Meeting | None]
Subscription = tuple[str, str, str]  # (meeting_id, participant_id, session_id)


class StoredClaim(NamedTuple):
    meeting_id: str
    claim: Claim


class InMemoryReminderRepository:
    """Claims by key; a block's new claims and changes stay private until commit, which re-checks them.

    The database decides a claim when it is inserted; here two blocks cannot see each other, so the
    decision is checked again at commit: a key another block committed in the meantime, or a claim it
    changed since this block took it over, fails the commit with ConcurrentChange and publishes nothing.
    """

    def __init__(self, claims: dict[str, StoredClaim], meetings: FindMeeting) -> None:
        self._claims, self._meetings = claims, meetings
        self._new: dict[str, StoredClaim] = {}
        self._changes: dict[str, dict[str, Any]] = {}
        # Committed claims this block took over, as they were then: nobody may have changed them at commit.
        self._taken: dict[str, Claim] = {}

    async def claim(
        self,
        meeting_id: str,
        due: Sequence[tuple[str, datetime]],
        now: datetime,
        lease: timedelta,
        *,
        missed: bool = False,
    ) -> set[str]:
        if due and self._meetings(meeting_id) is None:
            raise LookupError(f"no meeting {meeting_id!r} to claim reminders for")
        now = _utc(now)
        got: set[str] = set()
        for key, due_at in due:
            if key in self._new or key in self._claims:
                continue
            next_attempt_at = None if missed else now + lease
            claim = Claim(key, _utc(due_at), now, 1, missed=missed, next_attempt_at=next_attempt_at)
            self._new[key] = StoredClaim(meeting_id, claim)
            got.add(key)
        return got

    async def claimed_keys(self, meeting_id: str) -> set[str]:
        return {key for key, stored in self._visible().items() if stored.meeting_id == meeting_id}

    async def posted(self, key: str, at: datetime) -> None:
        self._change(key, posted_at=_utc(at), next_attempt_at=None, last_error=None)

    async def failed(self, key: str, error: str, retry_at: datetime) -> None:
        self._change(key, last_error=error[:ERROR_LENGTH], next_attempt_at=_utc(retry_at))

    async def retry_due(self, meeting_id: str, now: datetime, lease: timedelta) -> list[Claim]:
        now = _utc(now)
        taken: list[Claim] = []
        for key, stored in sorted(self._visible().items()):
            claim = stored.claim
            if stored.meeting_id != meeting_id or not _pending(claim) or claim.next_attempt_at is None:
                continue
            if claim.next_attempt_at <= now:
                if key in self._claims:
                    self._taken.setdefault(key, self._claims[key].claim)
                changes: dict[str, Any] = {"attempts": claim.attempts + 1, "next_attempt_at": now + lease}
                self._change(key, **changes)
                taken.append(replace(claim, **changes))
        return sorted(taken, key=lambda claim: (claim.due, claim.key))

    async def next_retry(self, meeting_id: str) -> datetime | None:
        waiting = [
            stored.claim.next_attempt_at
            for stored in self._visible().values()
            if stored.meeting_id == meeting_id and _pending(stored.claim)
        ]
        return min((at for at in waiting if at is not None), default=None)

    async def claims(self, meeting_id: str) -> Sequence[Claim]:
        chosen = [stored.claim for stored in self._visible().values() if stored.meeting_id == meeting_id]
        return tuple(sorted(chosen, key=lambda claim: (claim.due, claim.key)))

    def check(self) -> None:
        """Raise ConcurrentChange if another block committed one of this block's keys or takeovers first."""
        for key in self._new:
            if key in self._claims:
                raise ConcurrentChange(f"the reminder {key!r} was claimed by another unit of work")
        for key, claim in self._taken.items():
            # Identity: every commit replaces the stored Claim, so the same object means nobody changed it.
            if self._claims[key].claim is not claim:
                raise ConcurrentChange(f"the reminder {key!r} was taken over by another unit of work")

    def publish(self) -> None:
        self._claims.update(self._new)
        for key, changes in self._changes.items():
            # Only the fields this block set: a change another block committed to the others stays.
            stored = self._claims[key]
            self._claims[key] = stored._replace(claim=replace(stored.claim, **changes))
        self._new.clear()
        self._changes.clear()
        self._taken.clear()

    def _change(self, key: str, **changes: Any) -> None:
        if key not in self._new and key not in self._claims:
            raise LookupError(f"no reminder claimed under {key!r}")
        self._changes.setdefault(key, {}).update(changes)

    def _visible(self) -> dict[str, StoredClaim]:
        """Committed claims and this block's new ones, each with this block's changes applied."""
        visible = {**self._claims, **self._new}
        for key, changes in self._changes.items():
            stored = visible[key]
            visible[key] = stored._replace(claim=replace(stored.claim, **changes))
        return visible


class InMemorySubscriptionRepository:
    """Subscriptions as a set of (meeting, participant, session); commit publishes the block's changes."""

    def __init__(self, subscriptions: set[Subscription], meetings: FindMeeting) -> None:
        self._subscriptions, self._meetings = subscriptions, meetings
        self._added: set[Subscription] = set()
        self._removed: set[Subscription] = set()

    async def subscribe(self, meeting_id: str, participant_id: str, session_id: str) -> bool:
        if self._meetings(meeting_id) is None:
            raise LookupError(f"no meeting {meeting_id!r} to subscribe to")
        row = (meeting_id, participant_id, session_id)
        if row in self._visible():
            return False
        self._added.add(row)
        self._removed.discard(row)
        return True

    async def unsubscribe_all(self, meeting_id: str, participant_id: str) -> int:
        gone = {row for row in self._visible() if row[:2] == (meeting_id, participant_id)}
        self._added -= gone
        # Only what this block saw, as a DELETE sees only committed rows: a later subscription stays.
        self._removed |= gone & self._subscriptions
        return len(gone)

    async def of_participant(self, meeting_id: str, participant_id: str) -> Sequence[str]:
        return tuple(sorted(row[2] for row in self._visible() if row[:2] == (meeting_id, participant_id)))

    async def subscribers(self, meeting_id: str, session_id: str) -> Sequence[str]:
        wanted = (session_id, EVERY_SESSION)
        return tuple(sorted({row[1] for row in self._visible() if row[0] == meeting_id and row[2] in wanted}))

    def publish(self) -> None:
        self._subscriptions -= self._removed
        self._subscriptions |= self._added
        self._added.clear()
        self._removed.clear()

    def _visible(self) -> set[Subscription]:
        return (self._subscriptions - self._removed) | self._added


def _pending(claim: Claim) -> bool:
    return claim.posted_at is None and not claim.missed


def _utc(moment: datetime) -> datetime:
    """The instant in UTC, as the database hands it back; a naive one is refused, as UtcDateTime does."""
    if moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} cannot be stored; give it a time zone")
    return moment.astimezone(UTC)
