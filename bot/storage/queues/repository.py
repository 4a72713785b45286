"""The SQLAlchemy list-of-speakers repository: rows read through the process's cache, saved with a version check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import RowMapping, Select, bindparam, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.domain.queue.entries import Delivery, Intervention, Note, QueueEntry
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import SpeakingSettings
from bot.services.ports import ConcurrentChange
from bot.storage.dialects import insert_on_conflict
from bot.storage.queues.cache import Checkout, QueueCache
from bot.storage.queues.mapping import (
    INTERVENTION_COLUMNS,
    entry_from_row,
    intervention_from_row,
    limits_from_text,
    note_from_row,
    state_values,
)
from bot.storage.queues.tables import ENTRIES, INTERVENTIONS, NOTES, STATES, EntryStatus, key_params, session_key
from bot.storage.queues.writes import EventWriter

# Unique or primary-key violations: SQLSTATE on PostgreSQL, the extended error name on SQLite.
DUPLICATE_CODES = frozenset({"23505", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"})
RETRYABLE_CODES = frozenset({"40P01", "40001"})  # PostgreSQL: deadlock detected, serialization failure


def _interventions() -> Select[Any]:
    """Interventions with their entries' columns, which intervention_from_row reads."""
    return select(ENTRIES, *INTERVENTION_COLUMNS).select_from(INTERVENTIONS.join(ENTRIES))


# Built once, executed with parameters (see queues/writes.py for why).
SELECT_STATE = select(STATES).where(*session_key(STATES))
# A change holds the list's row until it commits, so another replica's change waits instead of colliding and
# replaying. PostgreSQL only: SQLite renders no FOR UPDATE, and its single writer already holds everything.
SELECT_STATE_FOR_UPDATE = SELECT_STATE.with_for_update()
CLAIM = update(STATES).where(*session_key(STATES), STATES.c.version == bindparam("k_version"))
SELECT_ENTRIES = (
    select(ENTRIES)
    .where(*session_key(ENTRIES), ENTRIES.c.status == bindparam("k_status"))
    .order_by(ENTRIES.c.order_value, ENTRIES.c.id)
)
SELECT_HEARD = (
    _interventions()
    .where(*session_key(INTERVENTIONS), INTERVENTIONS.c.delivery == bindparam("k_delivery"))
    .order_by(INTERVENTIONS.c.started_at, INTERVENTIONS.c.entry_id)
)


class SqlAlchemyQueueRepository:
    """One session's list as a state row plus entry, intervention and note rows.

    Saving is optimistic: the state row's version must still be the one the aggregate was read at. The
    version is claimed first, so a process that lost the race has written nothing and its transaction
    stays usable; the winner's claim holds a row lock (PostgreSQL) or the write lock (SQLite) until commit.
    """

    def __init__(self, session: AsyncSession, cache: QueueCache) -> None:
        self._session = session
        self._cache = cache
        self.checkout = Checkout(cache)

    async def get(
        self, meeting_id: str, session_id: str, settings: SpeakingSettings, *, lock: bool = False
    ) -> SpeakerQueue:
        held = self.checkout.find((meeting_id, session_id))
        if held is not None:
            return held
        state = await self._state(meeting_id, session_id, lock=lock)
        if state is None:
            self._cache.evict((meeting_id, session_id))
            queue = SpeakerQueue(meeting_id, session_id, settings)
        else:
            cached = self._cache.get((meeting_id, session_id), state["version"])
            queue = cached if cached is not None else await _load(await self._session.connection(), state, settings)
            # Settings come from the timetable, not the rows; a reloaded timetable may have changed them.
            queue.settings = settings
        self.checkout.took(queue)
        return queue

    async def _state(self, meeting_id: str, session_id: str, *, lock: bool) -> RowMapping | None:
        connection = await self._session.connection()
        query = SELECT_STATE_FOR_UPDATE if lock else SELECT_STATE
        try:
            return (await connection.execute(query, key_params(meeting_id, session_id))).mappings().one_or_none()
        except DBAPIError as error:
            if _code(error) not in RETRYABLE_CODES:
                raise
            # Two replicas locking two lists in opposite orders: the server broke the cycle; the batch runs again.
            raise ConcurrentChange(
                f"the list of {session_id} is locked by another process", session_id=session_id
            ) from error

    async def save(self, queue: SpeakerQueue) -> None:
        """Claim the next version, then write the events; a duplicate row also means someone else was first.

        A duplicate can only happen once the claim succeeded if the aggregate disagrees with the rows, and
        by then the claim is written: the whole transaction is rolled back (this block's other changes
        with it) so that nothing of this save can be committed, and the caller should leave the block.
        """
        connection = await self._session.connection()
        if not await _claim(connection, queue):
            raise ConcurrentChange(
                f"the list of {queue.session_id} changed since version {queue.version}", session_id=queue.session_id
            )
        try:
            await EventWriter(connection, queue.meeting_id, queue.session_id).write(queue.events)
        except IntegrityError as error:
            if _code(error) not in DUPLICATE_CODES:
                raise
            await self._session.rollback()
            self.checkout.spoiled()
            raise ConcurrentChange(
                f"the list of {queue.session_id} already holds that entry", session_id=queue.session_id
            ) from error
        queue.version += 1
        queue.events.clear()
        self.checkout.saved(queue)

    async def interventions(self, meeting_id: str, session_id: str | None = None) -> Sequence[Intervention]:
        query = _interventions().where(INTERVENTIONS.c.meeting_id == meeting_id)
        if session_id is not None:
            query = query.where(INTERVENTIONS.c.session_id == session_id)
        query = query.order_by(INTERVENTIONS.c.started_at, INTERVENTIONS.c.entry_id, INTERVENTIONS.c.session_id)
        return tuple(intervention_from_row(row) for row in await self._rows(query))

    async def notes(self, meeting_id: str, session_id: str) -> Sequence[Note]:
        query = select(NOTES).where(*session_key(NOTES)).order_by(NOTES.c.at, NOTES.c.id)
        return tuple(note_from_row(row) for row in await self._rows(query, key_params(meeting_id, session_id)))

    async def unheard(self, meeting_id: str, session_id: str) -> Sequence[QueueEntry]:
        rows = await self._rows(
            SELECT_ENTRIES, {**key_params(meeting_id, session_id), "k_status": EntryStatus.UNHEARD.value}
        )
        return tuple(entry_from_row(row) for row in rows)

    async def sessions_with_queues(self, meeting_id: str) -> Sequence[str]:
        query = select(STATES.c.session_id).where(STATES.c.meeting_id == meeting_id).order_by(STATES.c.session_id)
        return tuple(row["session_id"] for row in await self._rows(query))

    async def _rows(self, query: Select[Any], params: dict[str, Any] | None = None) -> Sequence[RowMapping]:
        connection = await self._session.connection()
        rows: Sequence[RowMapping] = (await connection.execute(query, params)).mappings().all()
        return rows


async def _claim(connection: AsyncConnection, queue: SpeakerQueue) -> bool:
    """Write the list's own columns at the next version, if the stored one is still queue.version."""
    values = {**state_values(queue), "version": queue.version + 1}
    if queue.version == 0:
        # Two processes may both start a session's list; the second finds the row there and does nothing.
        new = insert_on_conflict(connection.dialect, STATES).values(
            meeting_id=queue.meeting_id, session_id=queue.session_id, **values
        )
        result = await connection.execute(new.on_conflict_do_nothing(index_elements=["meeting_id", "session_id"]))
    else:
        where = {**key_params(queue.meeting_id, queue.session_id), "k_version": queue.version}
        result = await connection.execute(CLAIM, {**where, **values})
    return result.rowcount == 1


async def _load(connection: AsyncConnection, state: RowMapping, settings: SpeakingSettings) -> SpeakerQueue:
    """The aggregate from its rows: a cache miss, so the rare path."""
    key = key_params(state["meeting_id"], state["session_id"])
    waiting = await connection.execute(SELECT_ENTRIES, {**key, "k_status": EntryStatus.WAITING.value})
    heard = await connection.execute(SELECT_HEARD, {**key, "k_delivery": Delivery.DELIVERED.value})
    queue = SpeakerQueue(
        state["meeting_id"],
        state["session_id"],
        settings,
        version=state["version"],
        list_open=state["list_open"],
        replies_called=state["replies_called"],
        finished=state["finished"],
        limits=limits_from_text(state["limits"]),
        next_arrival=state["next_arrival"],
        floor_changed_at=state["floor_changed_at"],
    )
    for intervention in (intervention_from_row(row) for row in heard.mappings()):
        _replay(queue, intervention)
    queue.restore_waiting(entry_from_row(row) for row in waiting.mappings())
    return queue


def _replay(queue: SpeakerQueue, intervention: Intervention) -> None:
    """What a delivered intervention left on the list: who spoke, who spoke last, who speaks now, and who waits
    for the chair's ruling on the point of order that interrupted them (not ended, its clock stopped)."""
    speaker = intervention.entry.speaker
    if speaker.delegation:
        queue.spoken.add(speaker.delegation)
    if intervention.ended_at is None and intervention.suspended_at is not None:
        queue.interrupted = intervention
    elif intervention.ended_at is None:
        queue.current = intervention
    else:
        queue.last_heard[speaker.participant_id] = intervention


def _code(error: DBAPIError) -> str | None:
    original = error.orig
    code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None)
    return code if isinstance(code, str) else None
