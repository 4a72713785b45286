"""One transaction per batch: a command's log entry, request id and effect are kept together, and items fail alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.bootstrap import Podium
from bot.domain.participants import Category, Level, Participant
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import KEPT, Invocation
from bot.services.transaction import Transaction
from bot.services.views import AckView, RefusalView
from bot.services.writer import Job, Writer
from tests.integration.test_floor_batches import waiting
from tests.integration.test_floor_end_to_end import RT1_START, process

MEETING = "unece-gcm-review-2020"


@pytest.fixture
async def podium(database_url: str) -> AsyncIterator[Podium]:
    """One Podium process on a fresh SQLite file, and on a scratch PostgreSQL database when one is configured."""
    async with process(database_url, SimulatedClock(RT1_START)) as running:
        yield running[0]


def entry(request_id: str, text: str = "/hand", *, at: datetime = RT1_START) -> TranscriptEntry:
    return TranscriptEntry(MEETING, at, EntryKind.COMMAND, text, "gcm-rt1", "olga", "rt1", request_id)


async def logged(podium: Podium) -> list[str]:
    async with podium.commands.uow() as uow:
        return [e.request_id or "" for e in await uow.transcript.entries(MEETING) if e.kind is EntryKind.COMMAND]


async def declare(tx: Transaction, who: str, delegation: str) -> str:
    person = Participant(who, who, delegation, Category.STAKEHOLDER, Level.OTHER, verified=False)
    await tx.uow.participants.declare(MEETING, person, RT1_START)
    return who


async def test_an_effect_that_fails_takes_its_log_entry_with_it_and_a_retry_runs_in_full(podium: Podium) -> None:
    writer = Writer(podium.commands.uow)

    async def breaks(tx: Transaction) -> str:
        await declare(tx, "olga", "PICUM")
        raise ConnectionResetError("the process died between the log and the effect")

    with pytest.raises(ConnectionResetError):
        await writer.run(Job(breaks, entry("T1")))
    assert await logged(podium) == []  # nothing of the first try was kept: no log row, no request id
    async with podium.commands.uow() as uow:
        assert await uow.participants.declarations(MEETING, ["olga"]) == {}

    async def works(tx: Transaction) -> str:
        return await declare(tx, "olga", "PICUM")

    assert await writer.run(Job(works, entry("T1"))) == "olga"  # the retried delivery ran, it was not skipped
    assert await writer.run(Job(works, entry("T1"))) is None  # and now a repeat is one
    assert await logged(podium) == ["T1"]


async def test_an_item_the_database_refuses_fails_alone_and_the_batch_commits(podium: Podium) -> None:
    """A naive time cannot be stored on either backend: that item's own data fails it, not the others."""
    writer = Writer(podium.commands.uow)
    bad = entry("T-bad", at=datetime(2020, 11, 12, 9, 40))

    async def ok(tx: Transaction) -> str:
        return "done"

    jobs = [Job(ok, entry(f"T{n}")) for n in range(5)]
    jobs.insert(2, Job(ok, bad))
    outcomes = await asyncio.gather(*(writer.run(job) for job in jobs), return_exceptions=True)
    assert [type(o).__name__ for o in outcomes].count("str") == 5
    assert not isinstance(outcomes[2], str)
    assert sorted(await logged(podium)) == [f"T{n}" for n in range(5)]


async def test_hands_with_control_characters_among_twenty_at_once_are_all_listed(podium: Podium) -> None:
    people = [f"guest-{n:02d}" for n in range(20)]
    notes = dict.fromkeys(people, "on objective 5")
    notes["guest-07"] = "nul\x00 here \u202eevil\u202c and \x1b[31m"
    answers = await asyncio.gather(
        *(podium.commands.handle(Invocation(who, "hand", f"statement {notes[who]}", "gcm-rt1")) for who in people)
    )
    assert all(isinstance(posts[0].view, AckView) for posts in answers)
    listed, _ = await waiting(podium)
    assert sorted(listed) == people
    session = podium.meeting.session("rt1")
    assert session is not None
    note = await podium.floor.read(
        session, lambda q: next(e.note for e in q.ordered() if e.speaker.participant_id == "guest-07")
    )
    assert note == "nul here evil and [31m"


async def test_an_oversized_command_is_refused_and_kept_shortened_with_its_length(podium: Podium) -> None:
    huge = "x" * 1_000_000
    (answer,) = await podium.commands.handle(Invocation("olga", "hand", f"statement {huge}", "gcm-rt1"))
    assert isinstance(answer.view, RefusalView)
    assert answer.view.code == "text_too_long"
    assert answer.view.details["length"] == str(len(f"statement {huge}"))
    async with podium.commands.uow() as uow:
        (kept,) = [e for e in await uow.transcript.entries(MEETING) if e.kind is EntryKind.COMMAND]
    assert len(kept.text) < KEPT + 50
    assert kept.text.endswith("[1,000,016 characters in all]")
    listed, _ = await waiting(podium)
    assert listed == []


async def test_a_retried_delivery_of_a_kept_command_is_not_run_again_across_processes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (one, _, _), process(url, clock) as (two, _, _):
        first = await one.commands.handle(Invocation("olga", "hand", "", "gcm-rt1", request_id="T9"))
        again = await two.commands.handle(Invocation("olga", "hand", "", "gcm-rt1", request_id="T9"))
        listed, _ = await waiting(two)
    assert isinstance(first[0].view, AckView)
    assert again == []
    assert listed == ["olga"]
