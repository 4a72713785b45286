"""Hands arriving together are saved together, on a real SQLite file: one version per batch, nothing lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.bootstrap import Podium
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import Invocation
from bot.services.views import AckView, RefusalView
from tests.integration.test_floor_end_to_end import RT1_START, process


async def hands(podium: Podium, people: list[str]) -> list[object]:
    """Everyone presses /hand at once, as at the opening of a roundtable."""
    answers = await asyncio.gather(
        *(podium.commands.handle(Invocation(who, "hand", "", "gcm-rt1", request_id=f"t-{who}")) for who in people)
    )
    return [posts[0].view for posts in answers]


async def waiting(podium: Podium) -> tuple[list[str], int]:
    session = podium.meeting.session("rt1")
    assert session is not None
    return await podium.floor.read(session, lambda q: ([e.speaker.participant_id for e in q.ordered()], q.version))


async def test_fifty_hands_at_once_are_all_listed_in_a_few_saves(tmp_path: Path) -> None:
    people = [f"guest-{n:02d}" for n in range(50)]
    async with process(f"sqlite:///{tmp_path / 'podium.db'}", SimulatedClock(RT1_START)) as (podium, _, _):
        views = await hands(podium, people)
        listed, version = await waiting(podium)
    assert all(isinstance(v, AckView) and v.code == "hand_raised" for v in views)
    positions = sorted(int(v.details["position"]) for v in views if isinstance(v, AckView))
    assert positions == list(range(1, 51))
    assert sorted(listed) == people
    assert version < 10  # one save per batch, not one per hand


async def test_a_refused_hand_in_a_batch_leaves_the_others_listed(tmp_path: Path) -> None:
    async with process(f"sqlite:///{tmp_path / 'podium.db'}", SimulatedClock(RT1_START)) as (podium, _, _):
        await hands(podium, ["olga"])
        views = await asyncio.gather(
            podium.commands.handle(Invocation("armen", "hand", "", "gcm-rt1")),
            podium.commands.handle(Invocation("olga", "hand", "", "gcm-rt1")),  # already waiting: refused
            podium.commands.handle(Invocation("nino", "hand", "", "gcm-rt1")),
        )
        listed, _ = await waiting(podium)
    assert [type(posts[0].view) for posts in views] == [AckView, RefusalView, AckView]
    assert sorted(listed) == ["armen", "nino", "olga"]


async def test_two_processes_batching_at_once_lose_no_hand(tmp_path: Path) -> None:
    """Each process saves its batch with a version check; the one that loses replays its hands on the new list."""
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (one, _, _), process(url, clock) as (two, _, _):
        answers = await asyncio.gather(
            hands(one, [f"a-{n}" for n in range(20)]), hands(two, [f"b-{n}" for n in range(20)])
        )
        listed, _ = await waiting(one)
    refused = [v for views in answers for v in views if not isinstance(v, AckView)]
    assert refused == []
    assert len(listed) == 40
    assert len(set(listed)) == 40
