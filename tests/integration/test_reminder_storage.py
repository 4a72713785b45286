"""Reminder claims in storage: the same behaviour on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from tests.integration.storage_support import (
    GCM,
    LEASE,
    T0,
    MakeUow,
    claim_committed,
    due_at,
    gcm_review,
    harbour_forum,
    reminder_keys,
    retry_committed,
    save_committed,
)

HARBOUR = "harbour-forum-2027"
LATER = T0 + timedelta(hours=1)


@pytest.fixture
async def uow(make_uow: MakeUow) -> MakeUow:
    """make_uow over a store holding the GCM review and the Harbour Forum."""
    await save_committed(make_uow(), gcm_review())
    await save_committed(make_uow(), harbour_forum())
    return make_uow


async def claimed_keys(make_uow: MakeUow, meeting_id: str = GCM) -> set[str]:
    async with make_uow() as uow:
        return await uow.reminders.claimed_keys(meeting_id)


async def next_retry(make_uow: MakeUow, meeting_id: str = GCM) -> datetime | None:
    async with make_uow() as uow:
        return await uow.reminders.next_retry(meeting_id)


# --- claims -------------------------------------------------------------------------------------------------


async def test_a_claim_returns_exactly_the_keys_nobody_had(uow: MakeUow) -> None:
    first, second = reminder_keys("a", 3), reminder_keys("b", 2)

    assert await claim_committed(uow(), first) == set(first)
    assert await claim_committed(uow(), [*first[1:], *second]) == set(second)
    assert await claim_committed(uow(), [*first, *second]) == set()
    assert await claimed_keys(uow) == {*first, *second}
    assert await claimed_keys(uow, HARBOUR) == set()


async def test_a_key_claimed_earlier_in_the_same_block_is_not_claimed_again(uow: MakeUow) -> None:
    keys = reminder_keys("a", 2)
    async with uow() as unit:
        assert await unit.reminders.claim(GCM, due_at(keys), T0, LEASE) == set(keys)
        assert await unit.reminders.claim(GCM, due_at(keys), T0, LEASE) == set()
        assert await unit.reminders.claim(GCM, [], T0, LEASE) == set()


async def test_a_claim_not_committed_is_rolled_back(uow: MakeUow) -> None:
    keys = reminder_keys("a", 2)
    async with uow() as unit:
        await unit.reminders.claim(GCM, due_at(keys), T0, LEASE)

    assert await claimed_keys(uow) == set()
    assert await claim_committed(uow(), keys) == set(keys)


async def test_a_key_twice_in_one_batch_is_claimed_once_with_its_first_due_time(uow: MakeUow) -> None:
    key = reminder_keys("a", 1)[0]
    async with uow() as unit:
        got = await unit.reminders.claim(GCM, [(key, T0), (key, LATER)], T0, LEASE)
        claims = await unit.reminders.claims(GCM)
        await unit.commit()

    assert got == {key}
    assert [(c.key, c.due) for c in claims] == [(key, T0)]


async def test_a_claim_records_when_and_until_when(uow: MakeUow) -> None:
    key = reminder_keys("a", 1)[0]
    await claim_committed(uow(), [key], T0 + timedelta(seconds=5))

    async with uow() as unit:
        (claim,) = await unit.reminders.claims(GCM)
    assert (claim.key, claim.due, claim.claimed_at, claim.attempts) == (key, T0, T0 + timedelta(seconds=5), 1)
    assert (claim.posted_at, claim.missed, claim.last_error) == (None, False, None)
    assert claim.next_attempt_at == T0 + timedelta(seconds=5) + LEASE


async def test_claims_come_in_due_order_then_by_key(uow: MakeUow) -> None:
    async with uow() as unit:
        await unit.reminders.claim(GCM, [("k-b", LATER), ("k-c", T0), ("k-a", LATER), ("K-z", LATER)], T0, LEASE)
        await unit.commit()
    async with uow() as unit:
        assert [c.key for c in await unit.reminders.claims(GCM)] == ["k-c", "K-z", "k-a", "k-b"]


async def test_five_thousand_keys_in_one_claim(uow: MakeUow) -> None:
    keys = reminder_keys("bulk", 5_000)

    assert await claim_committed(uow(), keys) == set(keys)
    extra = reminder_keys("extra", 1)
    assert await claim_committed(uow(), [*keys, *extra]) == set(extra)
    assert len(await claimed_keys(uow)) == 5_001


async def test_instants_come_back_aware_and_in_utc(uow: MakeUow) -> None:
    geneva = timezone(timedelta(hours=1))
    key = reminder_keys("a", 1)[0]
    async with uow() as unit:
        await unit.reminders.claim(GCM, [(key, T0.astimezone(geneva))], T0.astimezone(geneva), LEASE)
        await unit.commit()
    async with uow() as unit:
        await unit.reminders.failed(key, "timeout", LATER.astimezone(geneva))
        await unit.commit()

    async with uow() as unit:
        (claim,) = await unit.reminders.claims(GCM)
        retry = await unit.reminders.next_retry(GCM)
        (taken,) = await unit.reminders.retry_due(GCM, LATER.astimezone(geneva), LEASE)
    for moment in (claim.due, claim.claimed_at, claim.next_attempt_at, retry, taken.next_attempt_at):
        assert moment is not None
        assert moment.tzinfo is UTC
    assert (claim.due, retry, taken.next_attempt_at) == (T0, LATER, LATER + LEASE)


async def test_a_naive_instant_is_refused(uow: MakeUow) -> None:
    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        async with uow() as unit:
            await unit.reminders.claim(GCM, [("k", datetime(2020, 11, 12, 9, 0))], T0, LEASE)


# --- missed, posted, failed, retried ------------------------------------------------------------------------


async def test_missed_reminders_are_recorded_and_never_retried(uow: MakeUow) -> None:
    keys = reminder_keys("missed", 2)

    assert await claim_committed(uow(), keys, missed=True) == set(keys)

    assert await claim_committed(uow(), keys) == set()
    async with uow() as unit:
        claims = await unit.reminders.claims(GCM)
    assert [(c.missed, c.next_attempt_at, c.posted_at) for c in claims] == [(True, None, None)] * 2
    assert await retry_committed(uow(), LATER + timedelta(days=30)) == []
    assert await next_retry(uow) is None


async def test_a_claim_not_posted_is_offered_again_once_its_lease_is_over(uow: MakeUow) -> None:
    key = reminder_keys("a", 1)[0]
    await claim_committed(uow(), [key])

    assert await retry_committed(uow(), T0 + LEASE - timedelta(microseconds=1)) == []
    (taken,) = await retry_committed(uow(), T0 + LEASE)
    assert (taken.key, taken.attempts, taken.next_attempt_at) == (key, 2, T0 + 2 * LEASE)
    # Taken over: offered again only once the new lease is over too.
    assert await retry_committed(uow(), T0 + LEASE) == []
    assert await next_retry(uow) == T0 + 2 * LEASE
    (again,) = await retry_committed(uow(), T0 + 3 * LEASE)
    assert (again.attempts, again.next_attempt_at) == (3, T0 + 4 * LEASE)


async def test_a_failed_post_is_retried_from_its_retry_time(uow: MakeUow) -> None:
    key = reminder_keys("a", 1)[0]
    await claim_committed(uow(), [key])
    retry_at = T0 + timedelta(minutes=5)
    async with uow() as unit:
        await unit.reminders.failed(key, "é" * 600, retry_at)
        await unit.commit()

    assert await next_retry(uow) == retry_at
    assert await retry_committed(uow(), retry_at - timedelta(seconds=1)) == []
    (taken,) = await retry_committed(uow(), retry_at)
    assert taken.last_error == "é" * 500
    assert (taken.attempts, taken.next_attempt_at) == (2, retry_at + LEASE)


async def test_a_posted_claim_is_never_retried(uow: MakeUow) -> None:
    keys = reminder_keys("a", 2)
    await claim_committed(uow(), keys)
    async with uow() as unit:
        await unit.reminders.failed(keys[0], "rate limited", T0 + timedelta(seconds=10))
        await unit.reminders.posted(keys[0], T0 + timedelta(seconds=20))
        await unit.commit()

    async with uow() as unit:
        posted = (await unit.reminders.claims(GCM))[0]
    assert (posted.key, posted.posted_at, posted.next_attempt_at, posted.last_error) == (
        keys[0],
        T0 + timedelta(seconds=20),
        None,
        None,
    )
    assert [c.key for c in await retry_committed(uow(), LATER)] == [keys[1]]
    async with uow() as unit:
        await unit.reminders.posted(keys[1], LATER)
        await unit.commit()
    assert await retry_committed(uow(), LATER + timedelta(days=1)) == []
    assert await next_retry(uow) is None


async def test_next_retry_is_the_earliest_pending_claim_of_the_meeting(uow: MakeUow) -> None:
    assert await next_retry(uow) is None
    early, late, posted = reminder_keys("a", 3)
    await claim_committed(uow(), [late], T0 + timedelta(minutes=10))
    await claim_committed(uow(), [early, posted], T0)
    await claim_committed(uow(), reminder_keys("h", 1, meeting_id=HARBOUR), T0 - timedelta(hours=1), meeting_id=HARBOUR)
    await claim_committed(uow(), reminder_keys("m", 1), T0 - timedelta(hours=1), missed=True)

    assert await next_retry(uow) == T0 + LEASE
    async with uow() as unit:
        await unit.reminders.posted(early, T0)
        await unit.reminders.failed(posted, "boom", T0 + timedelta(minutes=20))
        await unit.commit()
    assert await next_retry(uow) == T0 + timedelta(minutes=10) + LEASE
    assert await next_retry(uow, HARBOUR) == T0 - timedelta(hours=1) + LEASE


async def test_retries_stay_within_their_meeting(uow: MakeUow) -> None:
    await claim_committed(uow(), reminder_keys("h", 2, meeting_id=HARBOUR), meeting_id=HARBOUR)

    assert await retry_committed(uow(), LATER) == []
    assert len(await retry_committed(uow(), LATER, HARBOUR)) == 2


async def test_posting_or_failing_an_unknown_key_is_an_error(uow: MakeUow) -> None:
    async with uow() as unit:
        with pytest.raises(LookupError):
            await unit.reminders.posted("no-such-key", T0)
        with pytest.raises(LookupError):
            await unit.reminders.failed("no-such-key", "boom", T0)
