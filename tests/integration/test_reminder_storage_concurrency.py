"""Reminder claims under concurrency: two processes on one database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from bot.storage.database import Database
from tests.integration.storage_support import (
    GCM,
    LEASE,
    T0,
    claim_committed,
    gcm_review,
    reminder_keys,
    retry_committed,
    save_committed,
)

Processes = tuple[Database, Database]


@pytest.fixture
async def two_processes(database_url: str) -> AsyncIterator[Processes]:
    """Two Databases on one store, each with its own connections, as two bot processes would have."""
    async with await Database.open(database_url) as first, await Database.open(database_url) as second:
        await save_committed(first.uow(), gcm_review())
        yield first, second


async def test_concurrent_claims_of_overlapping_keys_are_disjoint_and_complete(two_processes: Processes) -> None:
    first, second = two_processes
    for number in range(5):
        keys = reminder_keys(f"round{number}", 1_500)
        # Overlapping in the middle, and in opposite orders: the storage must not depend on the callers' order.
        mine, theirs = keys[:1_000], keys[500:][::-1]

        got_mine, got_theirs = await asyncio.gather(
            claim_committed(first.uow(), mine), claim_committed(second.uow(), theirs)
        )

        assert not got_mine & got_theirs
        assert got_mine | got_theirs == set(keys)


async def test_many_processes_claiming_the_same_keys_share_them_out_once(database_url: str) -> None:
    databases = [await Database.open(database_url) for _ in range(4)]
    try:
        await save_committed(databases[0].uow(), gcm_review())
        keys = reminder_keys("same", 300)

        results = await asyncio.gather(*(claim_committed(database.uow(), keys) for database in databases))

        assert sum(len(got) for got in results) == len(keys)
        assert set().union(*results) == set(keys)
    finally:
        for database in databases:
            await database.close()


async def test_a_lapsed_claim_is_taken_over_by_one_of_two_processes(two_processes: Processes) -> None:
    first, second = two_processes
    keys = reminder_keys("lapsed", 50)
    await claim_committed(first.uow(), keys)

    mine, theirs = await asyncio.gather(
        retry_committed(first.uow(), T0 + LEASE), retry_committed(second.uow(), T0 + LEASE)
    )

    taken = [claim.key for claim in [*mine, *theirs]]
    assert sorted(taken) == keys
    assert {claim.attempts for claim in [*mine, *theirs]} == {2}


async def test_a_takeover_read_before_another_commits_it_takes_nothing(two_processes: Processes) -> None:
    first, second = two_processes
    key = reminder_keys("lapsed", 1)[0]
    await claim_committed(first.uow(), [key])

    async with second.uow() as uow:
        (theirs,) = await uow.reminders.retry_due(GCM, T0 + LEASE, LEASE)
        # This process reads the lapsed claim as committed, then its compare-and-set waits for the other's
        # lock (a row lock on PostgreSQL, the write lock on SQLite) and finds the row changed.
        with statement_started(first, "UPDATE reminder_claims") as started:
            mine = asyncio.create_task(retry_committed(first.uow(), T0 + LEASE))
            await started.wait()  # its compare-and-set is on its way to the database, which holds it
            assert not mine.done()
            await uow.commit()

    assert await mine == []
    assert theirs.attempts == 2


@contextmanager
def statement_started(database: Database, prefix: str) -> Iterator[asyncio.Event]:
    """An event set when the database is sent a statement starting with `prefix`: no sleeping to wait for it."""
    started = asyncio.Event()

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        if statement.lstrip().startswith(prefix):
            started.set()

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        yield started
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", seen)


async def test_posting_after_another_process_recorded_a_failure_sets_its_own_columns(
    two_processes: Processes,
) -> None:
    first, second = two_processes
    key = reminder_keys("a", 1)[0]
    await claim_committed(first.uow(), [key])
    async with second.uow() as uow:
        await uow.reminders.failed(key, "timeout", T0 + 2 * LEASE)
        await uow.commit()
    async with first.uow() as uow:
        await uow.reminders.posted(key, T0 + LEASE)
        await uow.commit()

    async with second.uow() as uow:
        (claim,) = await uow.reminders.claims(GCM)
    # Each UPDATE sets its own columns, the last one wins for those it shares.
    assert (claim.posted_at, claim.next_attempt_at, claim.last_error) == (T0 + LEASE, None, None)
    assert claim.attempts == 1
