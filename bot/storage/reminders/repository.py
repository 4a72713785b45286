"""The SQLAlchemy reminder repositories: claims (INSERT ... ON CONFLICT, compare-and-set), and subscriptions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.ports import Claim
from bot.storage.dialects import insert_on_conflict
from bot.storage.reminders.mapping import claim_from_row
from bot.storage.reminders.tables import CLAIMS, EVERY_SESSION, SUBSCRIPTIONS

ERROR_LENGTH = 500  # a post's error is for people to read, and a stack of them must not bloat the table

# Built once, executed with parameters (see queues/writes.py for why). Parameters named like columns form the
# UPDATEs' SET clauses, hence the k_ prefix on the others.
BY_KEY = CLAIMS.c.key == bindparam("k_key")
PENDING = (CLAIMS.c.meeting_id == bindparam("k_meeting"), CLAIMS.c.posted_at.is_(None), CLAIMS.c.missed.is_(False))
UPDATE = update(CLAIMS).where(BY_KEY)
SELECT_DUE = select(CLAIMS.c.key, CLAIMS.c.next_attempt_at).where(
    *PENDING, CLAIMS.c.next_attempt_at <= bindparam("k_now")
)
# Takes a claim over only if nobody changed it since it was read: of two processes, one matches the row.
TAKE_OVER = (
    update(CLAIMS)
    .where(BY_KEY, CLAIMS.c.posted_at.is_(None), CLAIMS.c.next_attempt_at == bindparam("k_seen"))
    .values(attempts=CLAIMS.c.attempts + 1)
    .returning(*CLAIMS.c)
)
NEXT_RETRY = select(func.min(CLAIMS.c.next_attempt_at)).where(*PENDING)


class SqlAlchemyReminderRepository:
    """One row per reminder key; the key's uniqueness, not any read, decides which process posts it."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(
        self,
        meeting_id: str,
        due: Sequence[tuple[str, datetime]],
        now: datetime,
        lease: timedelta,
        *,
        missed: bool = False,
    ) -> set[str]:
        if not due:
            return set()
        connection = await self._session.connection()
        # The first of a key's due times wins, as the first of two rows would in one INSERT. Sorted, so two
        # processes lock overlapping keys in the same order (PostgreSQL): one waits, neither deadlocks.
        first = dict(reversed(due))
        lease_end = None if missed else now + lease
        rows = [
            {
                "key": key,
                "meeting_id": meeting_id,
                "due_at": first[key],
                "claimed_at": now,
                "attempts": 1,
                "missed": missed,
                "next_attempt_at": lease_end,
            }
            for key in sorted(first)
        ]
        # One statement for all: SQLAlchemy's "insertmanyvalues" sends it as multi-row INSERTs, split into
        # pages under the driver's parameter limit, and RETURNING gives only the rows actually inserted.
        # Against a concurrent claim PostgreSQL waits for the other transaction, then skips its keys;
        # SQLite lets one writer in at a time.
        insert = insert_on_conflict(connection.dialect, CLAIMS).on_conflict_do_nothing(index_elements=["key"])
        result = await connection.execute(insert.returning(CLAIMS.c.key), rows)
        return set(result.scalars())

    async def claimed_keys(self, meeting_id: str) -> set[str]:
        connection = await self._session.connection()
        return set((await connection.scalars(select(CLAIMS.c.key).where(CLAIMS.c.meeting_id == meeting_id))).all())

    async def posted(self, key: str, at: datetime) -> None:
        values = {"posted_at": at, "next_attempt_at": None, "last_error": None}
        await self._change({"k_key": key, **values})

    async def failed(self, key: str, error: str, retry_at: datetime) -> None:
        values = {"last_error": error[:ERROR_LENGTH], "next_attempt_at": retry_at}
        await self._change({"k_key": key, **values})

    async def retry_due(self, meeting_id: str, now: datetime, lease: timedelta) -> list[Claim]:
        connection = await self._session.connection()
        seen = (await connection.execute(SELECT_DUE, {"k_meeting": meeting_id, "k_now": now})).all()
        taken: list[Claim] = []
        # In key order, for the same reason as claim(): two processes taking over overlapping claims wait
        # for each other in one order (PostgreSQL row locks), and the second finds the rows changed.
        for key, next_attempt_at in sorted(seen):
            params = {"k_key": key, "k_seen": next_attempt_at, "next_attempt_at": now + lease}
            row = (await connection.execute(TAKE_OVER, params)).mappings().one_or_none()
            if row is not None:
                taken.append(claim_from_row(row))
        return sorted(taken, key=lambda claim: (claim.due, claim.key))

    async def next_retry(self, meeting_id: str) -> datetime | None:
        connection = await self._session.connection()
        earliest: datetime | None = await connection.scalar(NEXT_RETRY, {"k_meeting": meeting_id})
        return earliest

    async def claims(self, meeting_id: str) -> Sequence[Claim]:
        connection = await self._session.connection()
        rows = (await connection.execute(select(CLAIMS).where(CLAIMS.c.meeting_id == meeting_id))).mappings()
        # Sorted here, not by ORDER BY: PostgreSQL would order keys by its collation, Python by code point.
        return tuple(sorted((claim_from_row(row) for row in rows), key=lambda claim: (claim.due, claim.key)))

    async def _change(self, params: dict[str, Any]) -> None:
        connection = await self._session.connection()
        if (await connection.execute(UPDATE, params)).rowcount == 0:
            # Nothing deletes claims, so an unknown key is a caller's mistake, not a race.
            raise LookupError(f"no reminder claimed under {params['k_key']!r}")


class SqlAlchemySubscriptionRepository:
    """One row per (meeting, participant, session); session '*' stands for every session of the meeting."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def subscribe(self, meeting_id: str, participant_id: str, session_id: str) -> bool:
        connection = await self._session.connection()
        # ON CONFLICT rather than read-then-insert: a participant pressing twice, or two processes, cannot
        # collide on the primary key; the row count says whether this call added it.
        insert = insert_on_conflict(connection.dialect, SUBSCRIPTIONS).values(
            meeting_id=meeting_id, participant_id=participant_id, session_id=session_id
        )
        result = await connection.execute(insert.on_conflict_do_nothing())
        return result.rowcount == 1

    async def unsubscribe_all(self, meeting_id: str, participant_id: str) -> int:
        connection = await self._session.connection()
        statement = delete(SUBSCRIPTIONS).where(
            SUBSCRIPTIONS.c.meeting_id == meeting_id, SUBSCRIPTIONS.c.participant_id == participant_id
        )
        return (await connection.execute(statement)).rowcount

    async def of_participant(self, meeting_id: str, participant_id: str) -> Sequence[str]:
        query = select(SUBSCRIPTIONS.c.session_id).where(
            SUBSCRIPTIONS.c.meeting_id == meeting_id, SUBSCRIPTIONS.c.participant_id == participant_id
        )
        connection = await self._session.connection()
        # Sorted here, not by ORDER BY: PostgreSQL would order by its collation, Python by code point.
        return tuple(sorted((await connection.scalars(query)).all()))

    async def subscribers(self, meeting_id: str, session_id: str) -> Sequence[str]:
        query = (
            select(SUBSCRIPTIONS.c.participant_id)
            .where(
                SUBSCRIPTIONS.c.meeting_id == meeting_id,
                SUBSCRIPTIONS.c.session_id.in_((session_id, EVERY_SESSION)),
            )
            .distinct()
        )
        connection = await self._session.connection()
        return tuple(sorted((await connection.scalars(query)).all()))
