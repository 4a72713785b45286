"""What each `podium` action does: build what it needs through the composition root, run, print."""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import signal
import sys
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

from bot import bootstrap
from bot.adapters.console.app import Console, Hooks
from bot.adapters.text.render import render, schedule_summary
from bot.adapters.text.times import PlainTimes
from bot.cli import pidfile, serve
from bot.cli.places import missing_database, pid_file
from bot.config import Settings, data_path
from bot.domain.errors import Refused
from bot.formats.exports import ExportInput
from bot.formats.exports import export as export_as
from bot.formats.ical_export import meeting_to_ics
from bot.formats.schedules import load_schedule
from bot.scheduling.clock import SystemClock
from bot.scheduling.scheduler import Scheduler
from bot.services.record import on_day, read_record
from bot.services.schedule_check import ScheduleSummary, check_schedule
from bot.services.timetable import Timetable
from bot.services.views import RefusalView
from bot.storage.database import Database

Action = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]
DEMO_SCRIPT = "schedules/demo-2020.script"
DEMO_ROSTER = "schedules/demo-roster-2020.toml"


async def agenda(options: argparse.Namespace, settings: Settings) -> int:
    meeting = bootstrap.load_meeting(options.schedule or settings.schedule, options.rehearse)
    timetable = Timetable(meeting, bootstrap.load_directory(settings))
    zone = options.tz or options.delegation
    try:
        reader = timetable.reader(zone=zone)
        view = timetable.agenda(reader, bootstrap.make_clock(options.clock, options.speed).now(), options.day)
    except Refused as refusal:
        print(render(_refusal(refusal), PlainTimes()), file=sys.stderr)
        return 2
    print(render(view, PlainTimes()))
    return 0


async def check(options: argparse.Namespace, settings: Settings) -> int:
    failed = False
    for path in options.files:
        result = check_schedule(path, load_schedule)
        if isinstance(result, ScheduleSummary):
            print(schedule_summary(result))
        else:
            failed = True
            print("\n".join(result.lines), file=sys.stderr)
    return 1 if failed else 0


async def ics(options: argparse.Namespace, settings: Settings) -> int:
    meeting = bootstrap.load_meeting(options.schedule or settings.schedule, options.rehearse)
    if options.session and meeting.session(options.session) is None:
        known = ", ".join(s.id for s in meeting.sessions)
        print(f"There is no session '{options.session}'; sessions are: {known}.", file=sys.stderr)
        return 2
    data = meeting_to_ics(meeting, session_id=options.session, stamp=SystemClock().now())
    if options.out:
        options.out.write_bytes(data)
        print(f"Wrote {options.out}")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


async def export(options: argparse.Namespace, settings: Settings) -> int:
    meeting = bootstrap.load_meeting(options.schedule or settings.schedule, options.rehearse)
    url = options.db or settings.database_url
    if missing := missing_database(url):  # opening it would create an empty one, and export nothing
        print(missing, file=sys.stderr)
        return 2
    database = await Database.open(url)
    try:
        directory = bootstrap.load_directory(settings, options.roster)
        names = {p.id: p.name for p in directory.participants}
        record = await read_record(meeting, database.uow(), options.session, names)
        record = on_day(record, options.day) if options.day else record
        async with database.uow() as uow:
            entries = await uow.transcript.entries(meeting.id)
    except Refused as refusal:
        print(render(_refusal(refusal), PlainTimes()), file=sys.stderr)
        return 2
    finally:
        await database.close()
    data = export_as(options.format, ExportInput(record, entries, SystemClock().now()))
    if options.out:
        options.out.write_bytes(data)
        print(f"Wrote {options.out}")
    else:
        sys.stdout.buffer.write(data)
    return 0


async def db(options: argparse.Namespace, settings: Settings) -> int:
    database = await Database.open(options.db or settings.database_url)
    await database.close()
    print("The database is up to date.")
    return 0


async def console(options: argparse.Namespace, settings: Settings) -> int:
    piped = options.script is None and not sys.stdin.isatty()
    try:
        script = _script_lines(options.script, piped)
    except OSError as unreadable:
        print(f"cannot read the script {options.script}: {unreadable.strerror}", file=sys.stderr)
        return 2
    clock = bootstrap.console_clock(options.clock, options.speed, scripted=script is not None)
    async with bootstrap.running(
        settings,
        clock,
        schedule=options.schedule,
        roster=options.roster,
        database_url=options.db,
        rehearse=options.rehearse,
    ) as podium:
        scheduler = Scheduler(clock, podium.timeline, lambda post: app.show(post))  # noqa: PLW0108 - app comes next
        hooks = Hooks(reload=podium.reload, wake=scheduler.wake)
        meeting = podium.meeting
        app = Console(
            podium.commands,
            podium.timeline,
            clock=clock,
            meeting_zone=meeting.timezone,
            main_channel=meeting.main_channel,
            out=sys.stdout,
            receipt=podium.reminders.delivered,
            hooks=hooks,
        )
        if script is not None:
            return 1 if await app.run_script(script, options.actor if piped else None) else 0
        print(f"Podium console for {meeting.short_title or meeting.title}. /help lists the commands; Ctrl-D quits.")
        with _on_sighup(lambda: asyncio.ensure_future(app.reload_on_signal())):
            await _beside(scheduler.run(), app.run_interactive(options.actor))
    return 0


async def reload(options: argparse.Namespace, settings: Settings) -> int:
    """Ask a running `podium serve` to read its timetable again: SIGHUP, once its process is checked to be one."""
    found = pid_file(options.pid_file or settings.pid_file, options.db or settings.database_url)
    pid = options.pid if options.pid is not None else pidfile.read_pid(found)
    fault = pid if isinstance(pid, str) else pidfile.ask_to_reload(pid)
    if fault is not None:
        print(f"Not reloaded: {fault}.", file=sys.stderr)
        return 1
    print(f"Asked process {pid} to reload its timetable.")
    return 0


def _script_lines(script: Path | None, piped: bool) -> list[bytes] | None:
    """The lines to replay, as bytes: the console decodes each, so one that is not UTF-8 is named, not fatal."""
    if script is not None:
        data = script.read_bytes()
    elif piped:
        data = sys.stdin.buffer.read()
    else:
        return None
    return data.removeprefix(codecs.BOM_UTF8).splitlines()


@contextlib.contextmanager
def _on_sighup(handler: Callable[[], object]) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGHUP, handler)
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGHUP)


async def _beside(background: Coroutine[Any, Any, None], foreground: Coroutine[Any, Any, None]) -> None:
    """Run foreground to its end with background alongside, then stop background."""
    task = asyncio.create_task(background)
    try:
        await foreground
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def demo(options: argparse.Namespace, settings: Settings) -> int:
    options.script = options.script or data_path(DEMO_SCRIPT)
    options.roster = options.roster or data_path(DEMO_ROSTER)
    if options.db:
        return await console(options, settings)
    with tempfile.TemporaryDirectory(prefix="podium-demo-") as folder:
        options.db = f"sqlite:///{Path(folder) / 'demo.db'}"
        return await console(options, settings)


def _refusal(refusal: Refused) -> RefusalView:
    return RefusalView(refusal.code, refusal.details, refusal.suggestion)


ACTIONS: dict[str, Action] = {
    "agenda": agenda,
    "check-schedule": check,
    "ics": ics,
    "export": export,
    "db": db,
    "reload": reload,
    "console": console,
    "demo": demo,
    "serve": serve.serve,
    "slack-manifest": serve.manifest,
}
