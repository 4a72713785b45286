"""Reminders through the console on a real SQLite file: on time, once each, across restarts and rehearsals."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from bot import bootstrap
from bot.config import Settings
from bot.scheduling.clock import SimulatedClock
from tests.conftest import SCHEDULES

REMINDER = "In 15 minutes:\n  Opening segment (opening)"
START = "Starting now:\n  Opening segment (opening)"


async def replay(url: str, lines: list[str], start: datetime, rehearse: date | None = None) -> str:
    settings = Settings(
        database_url=url,
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    clock = SimulatedClock(start)
    out = io.StringIO()
    async with bootstrap.running(settings, clock, rehearse=rehearse) as podium:
        console = bootstrap.start_console(
            podium, clock, out, exports=Path(url.rsplit("/", 1)[0].removeprefix("sqlite:///")) / "out"
        ).app
        await console.run_script(lines)
    return out.getvalue()


async def test_the_opening_is_reminded_once_then_announced_with_its_join_link(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    text = await replay(
        url, ["@clock 2020-11-12T09:40+01:00", "@advance 25m"], datetime(2020, 11, 12, 8, 0, tzinfo=UTC)
    )
    assert text.count(REMINDER) == 2  # the session's channel and the main channel
    assert text.count(START) == 2
    assert "[Thu 12 Nov 2020 09:45 CET] #gcm-plenary\n  In 15 minutes:" in text
    assert "[Thu 12 Nov 2020 10:00 CET] #gcm-review\n  Starting now:" in text
    assert "Join: https://meeting.invalid/unece-gcm-2020/plenary (placeholder)" in text
    assert "The list of speakers is open: /hand in #gcm-plenary to ask for the floor." in text


async def test_a_restart_at_0950_does_not_repeat_the_0945_reminder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    start = datetime(2020, 11, 12, 8, 40, tzinfo=UTC)
    first = await replay(url, ["@advance 10m"], start)
    second = await replay(url, ["@clock 2020-11-12T09:50+01:00", "@advance 15m"], start)
    assert first.count(REMINDER) == 2
    assert REMINDER not in second
    assert second.count(START) == 2


async def test_a_rehearsal_shows_the_same_messages_at_the_shifted_times(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    await replay(url, ["@clock 2020-11-12T09:40+01:00", "@advance 25m"], datetime(2020, 11, 12, 8, 0, tzinfo=UTC))
    text = await replay(
        url,
        ["@clock 2026-11-12T09:40+01:00", "@advance 25m"],
        datetime(2026, 11, 12, 8, 0, tzinfo=UTC),
        rehearse=date(2026, 11, 12),
    )
    assert "[Thu 12 Nov 2026 09:45 CET] #gcm-plenary\n  In 15 minutes:" in text
    assert text.count(START) == 2


async def test_subscribers_get_a_direct_message_in_their_own_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    text = await replay(
        url,
        ["aigerim> /remind me opening", "jean> /remind me all", "jean> /remind list", "@advance 10m"],
        datetime(2020, 11, 12, 8, 40, tzinfo=UTC),
    )
    assert (
        "direct message to aigerim\n  In 15 minutes:\n  Opening segment (opening)\n"
        "    When: 15:00–15:40 Almaty [10:00–10:40 CET]" in text
    )
    assert (
        "direct message to jean\n  In 15 minutes:\n  Opening segment (opening)\n"
        "    When: 01:00–01:40 PST [10:00–10:40 CET] ☾ in your night" in text
    )
    assert "You will be reminded of: every session." in text


async def test_a_reload_moves_a_pending_reminder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    later = tmp_path / "later.toml"
    original = (SCHEDULES / "unece-gcm-review-2020.toml").read_text(encoding="utf-8")
    later.write_text(
        original.replace("start = 10:00:00\nend = 10:40:00", "start = 10:10:00\nend = 10:40:00"), encoding="utf-8"
    )
    text = await replay(
        url, ["@advance 4m", f"@reload {later}", "@advance 30m"], datetime(2020, 11, 12, 8, 40, tzinfo=UTC)
    )
    assert "(timetable reloaded: pending reminders follow it)" in text
    assert "[Thu 12 Nov 2020 09:55 CET] #gcm-plenary\n  In 15 minutes:" in text
    assert "09:45 CET] #gcm-plenary\n  In 15 minutes:" not in text


async def test_staff_export_is_saved_by_the_console(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    text = await replay(
        url,
        ["@clock 2020-11-12T10:41+01:00", "elif #gcm-rt1> /hand", "secretariat> /export rt1 html"],
        datetime(2020, 11, 12, 8, 0, tzinfo=UTC),
    )
    saved = tmp_path / "out" / "unece-gcm-review-2020-rt1.html"
    assert f"Saved {saved} (" in text
    assert "<!DOCTYPE html>" in saved.read_text(encoding="utf-8")
