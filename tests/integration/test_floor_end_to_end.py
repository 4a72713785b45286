"""The list of speakers end to end on real SQLite files: restarts, two processes at once, and the JSON record."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import bootstrap
from bot.adapters.console.app import Console
from bot.bootstrap import Podium
from bot.config import Settings
from bot.formats.record_json import record_to_json
from bot.formats.schedules import load_meeting
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import Invocation
from bot.services.record import read_record
from bot.services.views import FloorView, RefusalView
from bot.storage.database import Database
from tests.conftest import SCHEDULES

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


def settings(url: str) -> Settings:
    return Settings(
        database_url=url,
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )


@asynccontextmanager
async def process(url: str, clock: SimulatedClock) -> AsyncIterator[tuple[Podium, Console, io.StringIO]]:
    """One Podium process: its own database connection pool and cache, on the shared file."""
    out = io.StringIO()
    async with bootstrap.running(settings(url), clock) as podium:
        console = bootstrap.start_console(podium, clock, out).app
        yield podium, console, out


async def test_a_restart_mid_intervention_keeps_the_speaker_and_the_timer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (_, console, _):
        await console.run_script(
            [
                "picum #gcm-rt1> /hand",
                "elif #gcm-rt1> /hand",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 1m",
            ]
        )
    async with process(url, clock) as (_, console, out):
        await console.run_script(["olga #gcm-rt1> /queue", "@advance 2m"])
    text = out.getvalue()
    assert "Speaking: Elif Yılmaz (TR), statement, 3m until 11:43 EET [10:43 CET]" in text  # in Kyiv time
    assert "[Thu 12 Nov 2020 10:42:30 CET] #gcm-rt1\n  Elif Yılmaz (TR): 30s left." in text
    assert "[Thu 12 Nov 2020 10:43 CET] #gcm-rt1\n  Elif Yılmaz (TR): time is up." in text


async def test_two_processes_pressing_next_at_once_advance_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (one, _, _), process(url, clock) as (two, _, _):
        for who in ("armen", "elif", "olga"):
            await one.commands.handle(Invocation(who, "hand", "", "gcm-rt1"))
        await one.commands.handle(Invocation("mod-rt1", "floor", "next", "gcm-rt1"))
        clock.set(RT1_START + timedelta(minutes=3))
        press = Invocation("mod-rt1", "floor", "next", "gcm-rt1")
        answers = await asyncio.gather(one.commands.handle(press), two.commands.handle(press))
    views = [post.view for posts in answers for post in posts]
    given = [v for v in views if isinstance(v, FloorView)]
    refused = [v for v in views if isinstance(v, RefusalView)]
    assert len(given) == 1
    assert len(refused) == 1
    assert refused[0].code in {"floor_moved", "just_moved"}
    record = await exported(url, clock)
    assert [i["participant"] for i in record["sessions"][1]["interventions"]] == ["armen", "elif"]


async def test_a_double_hand_from_two_processes_makes_one_entry(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (one, _, _), process(url, clock) as (two, _, _):
        hand = Invocation("elif", "hand", "", "gcm-rt1")
        answers = await asyncio.gather(one.commands.handle(hand), two.commands.handle(hand))
        queue = await one.commands.handle(Invocation("olga", "queue", "", "gcm-rt1"))
    codes = sorted(type(p.view).__name__ + getattr(p.view, "code", "") for posts in answers for p in posts)
    assert codes == ["AckViewhand_raised", "RefusalViewduplicate_hand"]
    assert [p.entry.speaker.participant_id for p in queue[0].view.upcoming] == ["elif"]  # type: ignore[union-attr]


async def test_the_json_record_has_the_simulated_clocks_durations(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with process(url, clock) as (_, console, _):
        await console.run_script(
            [
                "markus #gcm-rt1> /hand",
                "picum #gcm-rt1> /hand",
                "icmc #gcm-rt1> /hand",
                "icmc #gcm-rt1> /statement Written text <script>alert(1)</script> @channel",
                "sarah #gcm-rt1> /hand order",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 47s",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 4m13s",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 1m1s",
                "mod-rt1 #gcm-rt1> /floor end",
                "mod-rt1 #gcm-rt1> /note Session note",
                "@clock 2020-11-12T13:00+01:00",
            ]
        )
    rt1 = next(s for s in (await exported(url, clock))["sessions"] if s["id"] == "rt1")
    heard = [(i["participant"], i["kind"], i["duration_seconds"], i["delivery"]) for i in rt1["interventions"]]
    assert heard == [
        ("sarah", "order", 47, "delivered"),
        ("markus", "statement", 253, "delivered"),
        ("picum", "statement", 61, "delivered"),
        ("icmc", "statement", 0, "written"),
    ]
    assert rt1["interventions"][0]["started_at"] == "2020-11-12T09:40:00Z"
    assert rt1["interventions"][3]["statement"] == "Written text <script>alert(1)</script> @channel"
    assert rt1["speaking_time_seconds"] == {
        "by_delegation": {"DE": 253, "PICUM": 61},
        "by_category": {"group": 253, "stakeholder": 61},
    }
    assert rt1["session_notes"][0]["text"] == "Session note"
    assert rt1["inscribed_not_heard"] == []


async def exported(url: str, clock: SimulatedClock) -> dict:  # type: ignore[type-arg]
    meeting = load_meeting(SCHEDULES / "unece-gcm-review-2020.toml")
    database = await Database.open(url)
    try:
        record = await read_record(meeting, database.uow())
    finally:
        await database.close()
    return json.loads(record_to_json(record, generated_at=clock.now()))  # type: ignore[no-any-return]
