"""The command line as a user meets it: `podium --help`, and `podium export --format json` of 2,000 interventions,
as whole processes, beside a bare Python start-up (`import asyncio, argparse, logging`) in the same run.

Goals (issue 11): `--help` under 3x that start-up; the export under 1.5x its own in-process time plus that start-up.
Beside them, the floor of any command that reads the database: a process that only imports SQLAlchemy's asyncio
extension (which imports its ORM) and aiosqlite. Whatever that costs above the bare start-up, the export pays too.
The 2,000 interventions are made the way a meeting makes them: a console script in which delegations take the floor
500 times in each of the four roundtables (`/hand`, then the secretariat's `/floor next`), into a SQLite file.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from bench.timing import Row, measure
from bot.domain.meeting import SessionKind
from bot.formats.schedule_toml import load_schedule_toml

SCHEDULES = Path(__file__).resolve().parents[1] / "bot" / "schedules"
INTERVENTIONS = 2000
DELEGATES = (
    "aigerim", "armen", "nino", "elif", "olga", "markus", "sarah", "jean", "holysee", "iom", "osce", "picum", "icmc",
    "youth",
)  # fmt: skip
STARTUP = [sys.executable, "-c", "import asyncio, argparse, logging"]
DATABASE_FLOOR = [sys.executable, "-c", "import asyncio, argparse, logging, sqlalchemy.ext.asyncio, aiosqlite"]


def podium() -> list[str]:
    """The installed `podium` script beside this Python, as a user runs it; `python -m bot` without one."""
    script = Path(sys.executable).with_name("podium")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def rows(quick: bool) -> list[Row]:
    runs = 5 if quick else 15
    with tempfile.TemporaryDirectory(prefix="podium-bench-cli-") as folder:
        url = f"sqlite:///{Path(folder) / 'record.db'}"
        _record(Path(folder), url)
        out = Path(folder) / "record.json"
        export = ["export", "--format", "json", "--db", url, "--out", str(out)]
        startup = _processes("cli: python -c 'import asyncio, argparse, logging'", STARTUP, runs)
        floor = _processes("cli: the same, importing SQLAlchemy asyncio and aiosqlite", DATABASE_FLOOR, runs)
        inside = _in_process(export, runs)
        helped = _processes("cli: podium --help, whole process", [*podium(), "--help"], runs)
        exported = _processes(
            f"cli: podium export --format json, {INTERVENTIONS:,} interventions, whole process",
            [*podium(), *export],
            runs,
        )
    help_goal = 3 * startup.median_ms
    export_goal = 1.5 * inside.median_ms + startup.median_ms
    libraries = floor.median_ms - startup.median_ms
    return [
        startup,
        _with_goal(helped, help_goal, f"< 3× start-up = {help_goal:.0f} ms"),
        Row(floor.name, floor.runs, floor.median_ms, floor.p95_ms, f"+{libraries:.0f} ms of imports alone"),
        inside,
        _with_goal(exported, export_goal, f"< 1.5× in-process + start-up = {export_goal:.0f} ms"),
    ]


def _record(folder: Path, url: str) -> None:
    """2,000 interventions over the four roundtables, stored through the console as a meeting would store them."""
    meeting = load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")
    roundtables = [s for s in meeting.sessions if s.kind is SessionKind.ROUNDTABLE]
    per_session = INTERVENTIONS // len(roundtables)
    lines: list[str] = []
    for session in roundtables:
        lines.append(f"@clock {(session.start + timedelta(minutes=1)).isoformat()}")
        for i in range(per_session):
            lines.append(f"{DELEGATES[i % len(DELEGATES)]} #{session.channel}> /hand on objective {i % 23 + 1}")
            lines.append(f"secretariat #{session.channel}> /floor next")  # ends the last turn, gives the next
            lines.append("@advance 10s")
        lines.append(f"secretariat #{session.channel}> /floor next")
    script = folder / "meeting.script"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = str(SCHEDULES / "demo-roster-2020.toml")
    command = [*podium(), "console", "--script", str(script), "--db", url, "--roster", roster]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def _processes(name: str, command: Sequence[str], runs: int) -> Row:
    """Wall time of the whole process, from exec to exit: median and p95 of `runs`, after one to warm the disk."""
    samples = []
    for _ in range(runs + 1):
        started = _now()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        samples.append((_now() - started) * 1000)
    samples = sorted(samples[1:])
    return Row(name, runs, statistics.median(samples), samples[int(0.95 * (runs - 1))])


def _in_process(export: list[str], runs: int) -> Row:
    """The same export by `main()` in a process that has already imported everything it needs."""
    from bot.cli import main

    def once() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            if main(export) != 0:
                raise RuntimeError("podium export failed")

    return measure(f"cli: the same export, in process (imports done), {INTERVENTIONS:,}", once, runs=runs)


def _with_goal(row: Row, limit_ms: float, goal: str) -> Row:
    verdict = " (met)" if row.median_ms < limit_ms else " (not met)"
    return Row(row.name, row.runs, row.median_ms, row.p95_ms, goal + verdict)


def _now() -> float:
    import time

    return time.perf_counter()
