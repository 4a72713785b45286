"""The console end to end: scripts replayed through the real services on a real SQLite file, against goldens."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import bootstrap
from bot.adapters.console.app import Console
from bot.adapters.console.script import Advance, Nothing, Said, SetClock, Unreadable, read_line
from bot.config import Settings
from bot.scheduling.clock import SimulatedClock
from bot.services.timeline import Timeline
from tests.conftest import SCHEDULES
from tests.fakes import ScheduledWork

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
ZURICH = ZoneInfo("Europe/Zurich")


async def replay(lines: list[str], tmp_path: Path, **options: object) -> tuple[str, int]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'console.db'}",
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    clock = SimulatedClock(datetime(2020, 11, 12, 8, 0, tzinfo=UTC))
    out = io.StringIO()
    async with bootstrap.running(settings, clock, **options) as podium:  # type: ignore[arg-type]
        console = Console(
            podium.commands,
            podium.timeline,
            clock=clock,
            meeting_zone=podium.meeting.timezone,
            main_channel=podium.meeting.main_channel,
            out=out,
            receipt=podium.reminders.delivered,
        )
        faults = await console.run_script(lines)
    return out.getvalue(), faults


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PODIUM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; PODIUM_UPDATE_GOLDEN=1 rewrites it"


async def test_the_demo_script_matches_its_golden_transcript(tmp_path: Path) -> None:
    script = (SCHEDULES / "demo-2020.script").read_text(encoding="utf-8").splitlines()
    text, faults = await replay(script, tmp_path)
    assert faults == 0
    assert_golden("demo-2020.txt", text)


async def test_a_rehearsal_shows_the_same_local_times_on_another_date(tmp_path: Path) -> None:
    lines = ["@clock 2026-11-12T09:40+01:00", "aigerim> /now", "jean> /agenda 1"]
    text, _ = await replay(lines, tmp_path, rehearse=datetime(2026, 11, 12).date())
    assert "[Thu 12 Nov 2026 09:40 CET]" in text
    # Almaty is UTC+5 since 2024: the same 10:00 CET opening is 14:00 there in 2026, 15:00 in 2020.
    assert "14:00–14:40 Almaty [10:00–10:40 CET]" in text
    assert "☾ 01:00–01:40 PST [10:00–10:40 CET]  Opening segment (opening)" in text


async def test_bad_lines_are_named_and_the_script_goes_on(tmp_path: Path) -> None:
    lines = ["@clock yesterday", "@advance forever", "@sing", "just words", "olga> hello", "olga> /now"]
    text, faults = await replay(lines, tmp_path)
    assert faults == 4
    assert "! line 1: @clock needs a time such as 2020-11-12T09:45+01:00, not 'yesterday'" in text
    assert "! line 3: unknown directive @sing" in text
    assert "(commands start with '/'; /help lists them)" in text
    assert "Traceback" not in text
    assert text.rstrip().endswith("Channel: #gcm-plenary")


async def test_what_a_participant_types_is_shown_inert(tmp_path: Path) -> None:
    text, _ = await replay(["olga> /session \x1b[31mred\x1b[0m\x07"], tmp_path)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "There is no session 'red'" in text


async def test_advancing_fires_due_work_in_order_at_its_moment() -> None:
    start = datetime(2020, 11, 12, 8, 0, tzinfo=UTC)
    clock = SimulatedClock(start)
    early = ScheduledWork("early", [start + timedelta(minutes=5), start + timedelta(minutes=20)])
    late = ScheduledWork("late", [start + timedelta(minutes=10), start + timedelta(hours=2)])
    async for _ in Timeline(clock, [early, late]).run_until(start + timedelta(minutes=30)):
        pass
    assert early.fired == [start + timedelta(minutes=5), start + timedelta(minutes=20)]
    assert late.fired == [start + timedelta(minutes=10)]
    assert late.pending == [start + timedelta(hours=2)]
    assert clock.now() == start + timedelta(minutes=30)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("alice> /agenda 1", Said("alice", None, "/agenda 1"), id="command"),
        pytest.param("bob #gcm-rt1> /now", Said("bob", "gcm-rt1", "/now"), id="channel"),
        pytest.param("  # note", Nothing(), id="comment"),
        pytest.param("@advance 1h30m", Advance(timedelta(minutes=90)), id="advance"),
        pytest.param("@clock 2020-11-12T10:00", SetClock(datetime(2020, 11, 12, 10, 0, tzinfo=ZURICH)), id="local"),
        pytest.param(
            "@advance -5m",
            Unreadable("@advance needs a positive duration such as 10m or 1h30m, not '-5m'"),
            id="negative",
        ),
    ],
)
def test_reading_script_lines(raw: str, expected: object) -> None:
    assert read_line(raw, ZURICH) == expected
