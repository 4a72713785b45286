"""Console lines as an adversary types them: real commands with hostile arguments, bad directives, broken bytes.

Run it as a fuzzer: `python -m tests.fuzz.console_lines --lines 6000 --seed 1` replays that many random lines
through the console on a fresh SQLite file and prints how many were read, refused, and how many crashed it.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot import bootstrap
from bot.adapters.console.app import Console, Hooks
from bot.config import Settings

SCHEDULES = Path(__file__).resolve().parents[2] / "bot" / "schedules"
ACTORS = ("olga", "aigerim", "mod-rt1", "secretariat", "picum", "chair", "nobody-at-all", "x\u202e", "")
CHANNELS = ("", " #gcm-rt1", " #gcm-review", " #gcm-rt2", " #no-such", " #\x00")
COMMANDS = (
    "/hand", "/lower", "/queue", "/statement", "/note", "/agenda", "/now", "/session", "/iam", "/verify",
    "/remind me", "/remind off", "/remind list", "/correct", "/export", "/help", "/floor next", "/floor give",
    "/floor end", "/floor close", "/floor open", "/floor move", "/floor remove", "/floor limit",
    "/floor last-word", "/floor replies", "/floor", "/nonsense",
)  # fmt: skip
WORDS = (
    "rt1", "rt1:1", "rt1:999999999999", "all", "md", "docx", "html", "csv", "json", "ics", "order", "reply",
    "statement", "member-state", "stakeholder", "KZ", "EU", "Asia/Almaty", "3m", "-5m", "99999999999999h",
    "10000000000000000000000m", "0s", "@olga", "<@U123|x>", "1", "0", "-1", "2", "99999999999", "nan",
)  # fmt: skip
NASTY = ("\x00", "\x01", "\x07", "\x1b[31m", "\u202e", "\u2066", "\ud800", "\ufffe", "\r", "\t", "\x85", "€", "𝄞")
DIRECTIVES = (
    "@clock 0001-01-01T00:00", "@clock 9999-12-31T23:59", "@clock 2020-11-12T10:40+01:00", "@clock yesterday",
    "@clock 2020-02-30T10:00", "@advance 10000000000000000000000m", "@advance 5m", "@advance -5m", "@advance",
    "@reload /no/such/file.toml", "@reload /etc/passwd", "@reload", "@sing", "@", "#comment",
)  # fmt: skip


def random_line(rng: random.Random) -> str | bytes:
    """One line: mostly commands with hostile arguments, some directives, some undecodable bytes."""
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(DIRECTIVES)
    if roll < 0.2:
        return rng.randbytes(rng.randint(1, 40))
    words = [_word(rng) for _ in range(rng.randint(0, 4))]
    actor = rng.choice(ACTORS)
    return f"{actor}{rng.choice(CHANNELS)}> {rng.choice(COMMANDS)} {' '.join(words)}"


def _word(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(WORDS)
    if rng.random() < 0.02:
        return "x" * rng.choice((1000, 30_000))
    return "".join(rng.choice(NASTY) if rng.random() < 0.3 else chr(rng.randint(32, 0x2FFF)) for _ in range(8))


async def replay(lines: Sequence[str | bytes], folder: Path) -> tuple[str, int]:
    """The lines as one script through the real console and services: what it printed, and lines refused."""
    settings = Settings(
        database_url=f"sqlite:///{folder / 'fuzz.db'}",
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    clock_start = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
    out = io.StringIO()
    async with bootstrap.running(settings, bootstrap.console_clock(clock_start, None, scripted=True)) as podium:
        console = Console(
            podium.commands,
            podium.timeline,
            clock=podium.clock,  # type: ignore[arg-type]
            meeting_zone=podium.meeting.timezone,
            main_channel=podium.meeting.main_channel,
            out=out,
            receipt=podium.reminders.delivered,
            translations=podium.translations,
            hooks=Hooks(reload=podium.reload, exports=folder / "exports"),
        )
        faults = await console.run_script(lines)
    return out.getvalue(), faults


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.console_lines")
    parser.add_argument("--lines", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    lines = [random_line(rng) for _ in range(options.lines)]
    with tempfile.TemporaryDirectory() as folder:
        try:
            text, faults = asyncio.run(replay(lines, Path(folder)))
        except Exception:
            traceback.print_exc()
            print(f"console fuzz: {options.lines} lines, seed {options.seed}: CRASHED")
            return 1
    crashes = text.count("Traceback")
    print(
        f"console fuzz: {options.lines} lines, seed {options.seed}: {faults} refused as unreadable, {crashes} crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
