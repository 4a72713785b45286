"""Lists of speakers and declarations in storage: what is saved comes back, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from bot.domain.participants import Level, Participant
from bot.domain.queue.entries import Delivery, EntryKind
from bot.domain.queue.events import EntriesMoved
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category
from bot.storage.database import Database
from tests.integration.storage_support import (
    ARMENIA,
    CHAIR,
    CIVIL_SOCIETY,
    GCM,
    GEORGIA,
    GROUP,
    NOTE_KA,
    RT1,
    RULING,
    RUSSIA,
    SCENARIO,
    SPEAKING,
    T0,
    TEXT_HY,
    TEXT_RU,
    TEXT_TR,
    TURKIYE,
    MakeUow,
    change_committed,
    gcm_review,
    hand,
    observable,
    read_queue,
    save_committed,
)


async def run_scenario(make_uow: MakeUow, steps: int = len(SCENARIO)) -> SpeakerQueue:
    await save_committed(make_uow(), gcm_review())
    queue = None
    for now, step in SCENARIO[:steps]:
        queue = await change_committed(make_uow(), step, now)
    assert queue is not None
    return queue


async def test_every_step_reads_back_equal_in_a_new_process(database_url: str) -> None:
    async with await Database.open(database_url) as first:
        await save_committed(first.uow(), gcm_review())
        for now, step in SCENARIO:
            original = await change_committed(first.uow(), step, now)
            # A second Database has an empty cache: it reads the rows, as a restarted bot would.
            async with await Database.open(database_url) as restarted:
                assert observable(await read_queue(restarted.uow())) == observable(original)


async def test_a_restart_mid_intervention_keeps_the_speaker_and_the_deadline(database_url: str) -> None:
    talking = next(i for i, (now, _) in enumerate(SCENARIO) if now == T0 + timedelta(seconds=300)) + 1
    async with await Database.open(database_url) as first:
        before = await run_scenario(first.uow, talking)

    async with await Database.open(database_url) as restarted:
        after = await read_queue(restarted.uow())

    assert after.current is not None
    assert after.current == before.current
    assert after.current.entry.speaker == TURKIYE
    assert after.current.entry.kind is EntryKind.QUESTION
    assert after.current.deadline == T0 + timedelta(seconds=300 + 150)
    assert after.next_timer() == T0 + timedelta(seconds=300 + 120)
    assert after.current.started_at.tzinfo is UTC


async def test_the_record_holds_what_happened(make_uow: MakeUow) -> None:
    await run_scenario(make_uow)

    async with make_uow() as uow:
        heard = await uow.queues.interventions(GCM, RT1)
        everywhere = await uow.queues.interventions(GCM)
        notes = await uow.queues.notes(GCM, RT1)
        unheard = await uow.queues.unheard(GCM, RT1)
        sessions = await uow.queues.sessions_with_queues(GCM)

    assert everywhere == heard
    speakers = [(i.entry.speaker, i.entry.kind, i.delivery) for i in heard]
    assert speakers == [
        (CIVIL_SOCIETY, EntryKind.STATEMENT, Delivery.DELIVERED),
        (ARMENIA, EntryKind.ORDER, Delivery.DELIVERED),
        (TURKIYE, EntryKind.QUESTION, Delivery.DELIVERED),
        (GROUP, EntryKind.STATEMENT, Delivery.DELIVERED),
        (CHAIR, EntryKind.STATEMENT, Delivery.DELIVERED),
        (ARMENIA, EntryKind.STATEMENT, Delivery.WRITTEN),
    ]
    seconds = [(i.started_at - T0).seconds for i in heard]
    assert seconds == [100, 120, 300, 510, 520, 600]
    assert [(i.ended_at - T0).seconds for i in heard if i.ended_at] == [240, 130, 510, 520, 565, 600]
    # The point of order interrupted civil society for 10 s: left out of its duration, and ruled on.
    assert [i.paused for i in heard] == [timedelta(seconds=10)] + [timedelta(0)] * 5
    assert heard[0].duration == timedelta(seconds=130)
    assert (heard[1].interrupted, heard[1].ruling) == (heard[0].id, RULING)
    assert [i.suspended_at for i in heard] == [None] * 6
    assert [i.limit for i in heard] == [timedelta(seconds=150), None, *[timedelta(seconds=150)] * 3, None]
    # Civil society was warned, then the new limit gave a fresh start; Türkiye ran over.
    assert [(i.warned, i.expired) for i in heard] == [(False, False)] * 2 + [(True, True)] + [(False, False)] * 3
    assert [i.statement for i in heard] == [TEXT_RU, None, TEXT_TR, None, None, TEXT_HY]
    assert heard[-1].entry.statement == TEXT_HY
    assert heard[0].entry.order < heard[3].entry.order  # the move put civil society first
    assert all(i.started_at.tzinfo is UTC and i.entry.queued_at.tzinfo is UTC for i in heard)

    assert [(n.author, n.text, n.intervention) for n in notes] == [
        ("U-chair", NOTE_KA, heard[0].id),
        ("U-rapporteur", "Session suspended for five minutes.", None),
    ]
    assert [n.at for n in notes] == [T0 + timedelta(seconds=206), T0 + timedelta(seconds=570)]
    assert [(e.speaker, e.kind, e.last_word) for e in unheard] == [
        (RUSSIA, EntryKind.RIGHT_OF_REPLY, False),
        (GEORGIA, EntryKind.STATEMENT, True),
    ]
    assert sessions == (RT1,)


async def test_a_finished_list_reads_back_finished_and_empty(make_uow: MakeUow) -> None:
    await run_scenario(make_uow)

    queue = await read_queue(make_uow())

    assert (queue.finished, queue.list_open, queue.replies_called, len(queue)) == (True, False, True, 0)
    assert queue.current is None
    assert queue.spoken == {"ARM", "TUR", "EU"}
    assert queue.limits == dict.fromkeys(Category, timedelta(seconds=150))
    assert queue.last_heard["U-ngo"].statement == TEXT_RU


async def test_a_list_nobody_touched_is_empty_at_version_zero(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())

    queue = await read_queue(make_uow())

    assert (queue.version, len(queue), queue.current, queue.next_arrival) == (0, 0, None, 1)
    async with make_uow() as uow:
        assert await uow.queues.sessions_with_queues(GCM) == ()
        assert await uow.queues.interventions(GCM) == ()


async def test_saving_clears_the_events_and_counts_the_version(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    async with make_uow() as uow:
        queue = await uow.queues.get(GCM, RT1, SPEAKING)
        hand(ARMENIA)(queue, T0)
        hand(GEORGIA)(queue, T0)
        await uow.queues.save(queue)
        assert (queue.version, queue.events) == (1, [])
        queue.next(T0 + timedelta(seconds=5))
        await uow.queues.save(queue)
        assert queue.version == 2
        await uow.commit()

    again = await read_queue(make_uow())
    assert again.version == 2
    assert again.current is not None
    assert again.current.entry.speaker == ARMENIA


async def test_renumbered_and_last_word_entries_read_back_in_order(database_url: str) -> None:
    async with await Database.open(database_url) as first:
        await save_committed(first.uow(), gcm_review())
        for number, speaker in enumerate((ARMENIA, GEORGIA, TURKIYE, RUSSIA)):
            await change_committed(first.uow(), hand(speaker), T0 + timedelta(seconds=number))
        await change_committed(first.uow(), lambda q, now: q.last_word(CHAIR, now), T0)
        renumbered: list[bool] = []

        def move_up(queue: SpeakerQueue, _now: datetime) -> None:
            # The one before the last word to second place, again and again: the room between halves each time.
            queue.move(queue.ordered()[-2].speaker.participant_id, 2)
            renumbered.append(any(isinstance(e, EntriesMoved) and len(e.entries) > 1 for e in queue.events))

        for _ in range(60):
            queue = await change_committed(first.uow(), move_up, T0)
        async with await Database.open(database_url) as restarted:
            again = await read_queue(restarted.uow())

    assert any(renumbered)
    assert again.ordered() == queue.ordered()
    assert again.ordered()[-1].speaker == CHAIR
    assert again.ordered()[-1].last_word


async def save_a_hand(make_uow: MakeUow, session_id: str) -> None:
    async with make_uow() as uow:
        queue = await uow.queues.get(GCM, session_id, SPEAKING)
        hand(ARMENIA)(queue, T0)
        await uow.queues.save(queue)


async def test_a_list_for_an_unknown_session_is_refused(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    with pytest.raises((LookupError, IntegrityError)):
        await save_a_hand(make_uow, "no-such-session")


# --- declarations -------------------------------------------------------------------------------------------

ANI = Participant("U-ani", "Անի Հակոբյան", "ARM", Category.MEMBER_STATE, Level.MINISTER, timezone="Asia/Yerevan")
NINO = Participant("U-nino", "ნინო ბერიძე", "GEO", Category.MEMBER_STATE, Level.AMBASSADOR, group="GUAM")
AYSE = Participant("U-ayse", "Ayşe Yıldız", None, Category.STAKEHOLDER, roles=("moderator",))


async def test_declarations_start_unverified_and_come_back_in_the_order_made(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    async with make_uow() as uow:
        await uow.participants.declare(GCM, NINO, T0 + timedelta(minutes=1))
        await uow.participants.declare(GCM, ANI, T0)
        await uow.participants.declare(GCM, AYSE, T0 + timedelta(minutes=2))
        await uow.commit()

    async with make_uow() as uow:
        declared = await uow.participants.declared(GCM)
        assert await uow.participants.declared("harbour-forum-2027") == ()

    unverified = [replace(p, verified=False, roles=()) for p in (ANI, NINO, AYSE)]
    assert list(declared) == unverified


async def test_verifying_a_declaration_and_declaring_again(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    await declare_committed(make_uow, GCM, ANI)

    async with make_uow() as uow:
        verified = await uow.participants.verify(GCM, "U-ani", "U-chair", T0 + timedelta(minutes=5))
        assert await uow.participants.verify(GCM, "U-nobody", "U-chair", T0) is None
        await uow.commit()
    async with make_uow() as uow:
        assert await uow.participants.declared(GCM) == (ANI,)
        # Declaring again (another delegation, say) needs verifying again.
        await uow.participants.declare(GCM, replace(ANI, delegation="GEO"), T0 + timedelta(hours=1))
        await uow.commit()
    async with make_uow() as uow:
        again = await uow.participants.declared(GCM)

    assert verified == ANI
    assert again == (replace(ANI, delegation="GEO", verified=False),)


async def declare_committed(make_uow: MakeUow, meeting_id: str, participant: Participant) -> None:
    async with make_uow() as uow:
        await uow.participants.declare(meeting_id, participant, T0)
        await uow.commit()


async def test_a_declaration_for_an_unknown_meeting_is_refused(make_uow: MakeUow) -> None:
    with pytest.raises((LookupError, IntegrityError)):
        await declare_committed(make_uow, "no-such-meeting", ANI)
