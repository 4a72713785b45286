"""A point of order interrupting the speaker, in storage: the suspended speaker, the pause and the ruling come back
after a restart (a new Database, an empty cache), on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.queue.entries import EntryKind
from bot.storage.database import Database
from tests.integration.storage_support import (
    ARMENIA,
    GCM,
    GEORGIA,
    RT1,
    RULING,
    T0,
    TURKIYE,
    at,
    change_committed,
    gcm_review,
    hand,
    observable,
    read_queue,
    save_committed,
)

S = timedelta(seconds=1)
INTERRUPTED = [
    at(0, hand(ARMENIA)),
    at(1, hand(TURKIYE)),
    at(10, lambda q, now: q.next(now)),  # Türkiye (head of State) first: 3 min, until 190
    at(70, hand(GEORGIA, EntryKind.ORDER, "quorum")),  # interrupts Türkiye 60 s in
]


async def test_a_restart_during_a_point_of_order_keeps_the_suspended_speaker(database_url: str) -> None:
    async with await Database.open(database_url) as first:
        await save_committed(first.uow(), gcm_review())
        for now, step in INTERRUPTED:
            before = await change_committed(first.uow(), step, now)

    async with await Database.open(database_url) as restarted:
        after = await read_queue(restarted.uow())

    assert observable(after) == observable(before)
    assert after.current is not None
    assert after.interrupted is not None
    assert (after.current.entry.speaker, after.current.interrupted) == (GEORGIA, after.interrupted.id)
    assert (after.interrupted.entry.speaker, after.interrupted.suspended_at) == (TURKIYE, T0 + 70 * S)
    assert after.interrupted.suspended_at.tzinfo is not None
    assert after.next_timer() is None  # the clock stands still

    async with await Database.open(database_url) as again:
        resumed = await change_committed(again.uow(), lambda q, now: q.rule(RULING, now), T0 + 100 * S)
        async with await Database.open(database_url) as third:
            back = await read_queue(third.uow())
        async with again.uow() as uow:
            heard = await uow.queues.interventions(GCM, RT1)

    assert observable(back) == observable(resumed)
    assert back.interrupted is None
    assert back.current is not None
    assert (back.current.entry.speaker, back.current.paused, back.current.suspended_at) == (TURKIYE, 30 * S, None)
    assert back.current.deadline == T0 + 10 * S + timedelta(minutes=3) + 30 * S
    assert back.next_timer() == T0 + 190 * S  # 30 s before the deadline, moved by the pause
    order = next(i for i in heard if i.entry.kind is EntryKind.ORDER)
    assert (order.ruling, order.interrupted, order.ended_at) == (RULING, back.current.id, T0 + 100 * S)


async def test_end_and_finish_during_a_point_of_order_read_back(database_url: str) -> None:
    async with await Database.open(database_url) as first:
        await save_committed(first.uow(), gcm_review())
        for now, step in INTERRUPTED:
            await change_committed(first.uow(), step, now)
        await change_committed(first.uow(), lambda q, now: q.end(now), T0 + 80 * S)  # no ruling: Türkiye resumes
        await change_committed(first.uow(), hand(ARMENIA, EntryKind.ORDER, "again"), T0 + 90 * S)  # interrupts again
        finished = await change_committed(first.uow(), lambda q, now: q.finish(now), T0 + 120 * S)

    async with await Database.open(database_url) as restarted:
        after = await read_queue(restarted.uow())
        async with restarted.uow() as uow:
            heard = await uow.queues.interventions(GCM, RT1)

    assert observable(after) == observable(finished)
    assert (after.current, after.interrupted, after.finished) == (None, None, True)
    delivered = [(i.entry.speaker, i.paused, i.duration, i.ruling) for i in heard if i.ended_at and i.limit is None]
    assert delivered == [(GEORGIA, timedelta(0), 10 * S, None), (ARMENIA, timedelta(0), 30 * S, None)]
    turkiye = next(i for i in heard if i.entry.speaker == TURKIYE)
    assert (turkiye.paused, turkiye.duration, turkiye.ended_at) == (40 * S, 70 * S, T0 + 120 * S)
