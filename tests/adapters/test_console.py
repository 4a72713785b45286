"""The console end to end: scripts replayed through the real services on a real SQLite file, against goldens."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import bootstrap
from bot.adapters.console.script import Advance, Nothing, Said, SetClock, Unreadable, read_line
from bot.config import Settings
from bot.scheduling.clock import SimulatedClock
from bot.services.timeline import Timeline
from tests.conftest import SCHEDULES
from tests.fakes import ScheduledWork

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
ZURICH = ZoneInfo("Europe/Zurich")


async def replay(
    lines: Sequence[str | bytes], tmp_path: Path, prompt_as: str | None = None, **options: object
) -> tuple[str, int]:
    """The lines as a script (or, for `prompt_as`, typed at the interactive prompt): what it printed, lines refused."""
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'console.db'}",
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    clock = SimulatedClock(datetime(2020, 11, 12, 8, 0, tzinfo=UTC))
    out = io.StringIO()
    async with bootstrap.running(settings, clock, **options) as podium:  # type: ignore[arg-type]
        console = bootstrap.start_console(podium, clock, out, exports=tmp_path / "exports").app
        if prompt_as is None:
            faults = await console.run_script(lines)
        else:
            typed = b"".join(line if isinstance(line, bytes) else line.encode() for line in lines)
            await console.run_interactive(prompt_as, io.BytesIO(typed))
            faults = 0  # the prompt answers each line; it does not count them
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
            Unreadable("@advance needs a duration up to 24h such as 10m or 1h30m (@clock jumps further), not '-5m'"),
            id="negative",
        ),
    ],
)
def test_reading_script_lines(raw: str, expected: object) -> None:
    assert read_line(raw, ZURICH) == expected


# --- a bad line is refused with its number, and the lines after it run --------------------------------------------

NOW = "olga> /now"
IT_IS = "  It is 10:00 EET [09:00 CET]."  # what NOW answers where `replay` starts the clock


def refusals(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("! ")]


def ran_to_the_end(text: str, lines: int) -> bool:
    """The last line was echoed and answered: `olga> /now` with the clock where the script left it."""
    return text.count(NOW) == lines and text.rstrip().endswith("Channel: #gcm-plenary")


@pytest.mark.parametrize(
    ("line", "refusal"),
    [
        pytest.param(
            "@clock 0001-01-01T00:00",
            "! line 1: @clock takes a time in the years 2000–2100, such as 2020-11-12T09:45+01:00, "
            "not '0001-01-01T00:00'",
            id="clock-year-1",
        ),
        pytest.param(
            "@clock 2101-01-01T00:00+01:00",
            "! line 1: @clock takes a time in the years 2000–2100, such as 2020-11-12T09:45+01:00, "
            "not '2101-01-01T00:00+01:00'",
            id="clock-year-2101",
        ),
        pytest.param(
            "@advance 10000000000000000000000m",
            "! line 1: @advance needs a duration up to 24h such as 10m or 1h30m (@clock jumps further), "
            "not '10000000000000000000000m'",
            id="advance-huge",
        ),
        pytest.param(
            "@advance 24h1s",
            "! line 1: @advance needs a duration up to 24h such as 10m or 1h30m (@clock jumps further), not '24h1s'",
            id="advance-a-day-and-a-second",
        ),
    ],
)
async def test_a_date_or_duration_out_of_bounds_is_refused_and_the_clock_stays(
    tmp_path: Path, line: str, refusal: str
) -> None:
    text, faults = await replay([line, NOW], tmp_path)
    assert faults == 1
    assert refusals(text) == [refusal]
    assert text.splitlines()[:3] == [line, refusal, NOW]
    assert IT_IS in text  # the clock did not move
    assert ran_to_the_end(text, 1)


async def test_a_limit_of_more_than_a_day_is_refused_to_the_moderator(tmp_path: Path) -> None:
    lines = ["@clock 2020-11-12T10:45+01:00", "mod-rt1 #gcm-rt1> /floor limit 99999999999999h", NOW]
    text, faults = await replay(lines, tmp_path)
    assert faults == 0  # a command refused by the services is an answer, not a line the console cannot read
    shown = text.splitlines()
    at = shown.index(lines[1])
    assert shown[at : at + 4] == [
        "mod-rt1 #gcm-rt1> /floor limit 99999999999999h",
        "[Thu 12 Nov 2020 10:45 CET] #gcm-rt1 · only mod-rt1 sees this",
        "  '99999999999999h' is not a valid duration: such as 3m or 90s, at most 24h. "
        "Usage: /floor limit DURATION [CATEGORY]",
        NOW,
    ]
    assert "It is 11:45 EET [10:45 CET]." in text


async def test_a_line_that_is_not_utf8_is_named_and_the_rest_runs(tmp_path: Path) -> None:
    text, faults = await replay([b"olga> /hand \xff\xfe", NOW.encode()], tmp_path)
    assert faults == 1
    assert text.splitlines()[:3] == [
        "olga> /hand \ufffd\ufffd",  # echoed with the bytes replaced, so the reader sees where
        "! line 1: byte 0xff at position 13 is not UTF-8; save the script as UTF-8",
        NOW,
    ]
    assert "list of speakers" not in text  # the line was not run as a /hand
    assert ran_to_the_end(text, 1)


@pytest.mark.parametrize(
    ("content", "fault"),
    [
        pytest.param(None, "file: file: cannot be read ([Errno 2] No such file or directory: '{path}')", id="missing"),
        pytest.param("[meeting\n", "file: syntax: Expected ']' at the end of a table declaration", id="broken"),
    ],
)
async def test_a_reload_of_a_missing_or_broken_file_keeps_the_timetable(
    tmp_path: Path, content: str | None, fault: str
) -> None:
    path = tmp_path / "meeting.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    text, faults = await replay([f"@reload {path}", NOW], tmp_path)
    assert faults == 1
    (refusal,) = refusals(text)
    assert refusal.startswith(f"! line 1: not reloaded, the timetable in use is kept: {path}: ")
    assert fault.format(path=path) in refusal
    assert refusal.endswith("; fix the file and @reload again")
    assert "timetable reloaded" not in text
    assert "Opening segment (opening)" in text  # the 2020 meeting is still the one in use
    assert ran_to_the_end(text, 1)


async def test_the_interactive_prompt_names_a_line_that_is_not_utf8_and_goes_on(tmp_path: Path) -> None:
    text, _ = await replay([b"/now \xc3\x28\n", b"/now\n"], tmp_path, prompt_as="olga")
    prompts = text.split("olga> ")
    assert prompts[1] == "! byte 0xc3 at position 6 is not UTF-8; save the script as UTF-8\n"
    assert IT_IS in prompts[2]


async def test_a_file_is_attached_with_less_than_and_a_bad_path_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "armenia.txt").write_text("Армения " * 4800, encoding="utf-8")
    (tmp_path / "long.txt").write_text("word " * 5100, encoding="utf-8")
    lines = [
        "@clock 2020-10-30T12:00",
        f"armen> /submit < {tmp_path / 'armenia.txt'}",
        f"nino> /submit < {tmp_path / 'long.txt'}",
        "olga> /submit < missing.txt",
        "elif> /statement 2 < 3 is not a file",  # only commands that take a file read one
        "@clock 2020-11-01T00:00:01",
        "sarah> /submit Our input.",
        "secretariat> /submissions list",
    ]
    text, faults = await replay(lines, tmp_path)
    assert "The written submission of Armenia is kept: 4,800 words." in text
    assert "The text has 5,100 words; the limit is 5,000." in text
    assert "! line 4: cannot read missing.txt: No such file or directory" in text
    assert faults == 1
    assert "Written submissions closed on 31 October 2020 at 18:59 EDT [23:59 CET]" in text
    assert "Armenia: 4,800 words, received 30 October 2020 at 12:00 CET" in text


async def test_a_point_of_order_interrupts_the_speaker_the_chair_rules_and_the_notes_show_it(tmp_path: Path) -> None:
    lines = [
        "@clock 2020-11-12T10:40+01:00",
        "armen #gcm-rt1> /hand",
        "mod-rt1 #gcm-rt1> /floor next",
        "@advance 1m10s",
        "sarah #gcm-rt1> /hand order interpretation has stopped",
        "mod-rt1 #gcm-rt1> /floor next",
        "mod-rt1 #gcm-rt1> /floor rule",
        "@advance 45s",
        "mod-rt1 #gcm-rt1> /floor rule Interpretation is restored.",
        "@advance 1m20s",
        "mod-rt1 #gcm-rt1> /floor end",
        "mod-rt1 #gcm-rt1> /floor rule Too late.",
        "secretariat> /export rt1 md",
    ]
    out, faults = await replay(lines, tmp_path)

    assert "Point of order: Sarah Mitchell (US) interrupts Armen Hakobyan" in out
    assert "; their clock is paused at 1m50s left." in out
    assert (
        "Sarah Mitchell has the floor on a point of order that interrupted Armen Hakobyan — Արմեն Հակոբյան: give a "
        "ruling with /floor rule TEXT, or /floor end to resume them." in out
    )
    assert "Missing text: the chair's ruling. Usage: /floor rule TEXT" in out
    ruling = "Ruling of the chair: Interpretation is restored."
    assert f"{ruling} Armen Hakobyan — Արմեն Հակոբյան (AM) resumes, 1m50s left." in out
    # The warning comes 30 s before the deadline moved by the 45 s pause: 1m10s + 1m20s spoken, 30 s left.
    assert "[Thu 12 Nov 2020 10:43:15 CET] #gcm-rt1\n  Armen Hakobyan — Արմեն Հակոբյան (AM): 30s left." in out
    assert "Armen Hakobyan — Արմեն Հակոբյան has finished (2m30s)." in out  # the point of order left out
    assert "No point of order has the floor in rt1, so there is nothing to rule on" in out
    assert faults == 0  # refusals are answers, not faults of the script
    notes = next((tmp_path / "exports").glob("*.md")).read_text(encoding="utf-8")
    assert "— point of order, interrupted Armen Hakobyan — Արմեն Հակոբյան, 10:41" in notes
    assert "   - Ruling of the chair: Interpretation is restored." in notes
    assert "**Armen Hakobyan — Արմեն Հակոբյան (Armenia)**, Member State, 10:40, 2 min 30 s" in notes
