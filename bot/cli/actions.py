"""The one-shot `podium` actions: agenda, check-schedule, ics, db, reload, slack-manifest.

Each imports what it needs when it runs (see `bot/cli/__init__.py`); `export`, `console`/`demo` and `serve` have
their own modules.
"""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.domain.errors import Refused


async def agenda(options: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.text.render import render
    from bot.adapters.text.times import PlainTimes
    from bot.domain.language import Language
    from bot.formats.roster import load_directory
    from bot.formats.schedules import load_meeting
    from bot.locales.catalogs import Catalogs
    from bot.scheduling.clock import make_clock
    from bot.services.timetable import Timetable

    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    timetable = Timetable(meeting, load_directory(settings.member_states, settings.roster))
    zone = options.tz or options.delegation
    try:
        reader = timetable.reader(zone=zone)
        view = timetable.agenda(reader, make_clock(options.clock, options.speed).now(), options.day)
    except Refused as refusal:
        print(refused(refusal), file=sys.stderr)
        return 2
    print(render(view, PlainTimes(), Catalogs()(Language.EN)))
    return 0


async def check(options: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.text.render import schedule_summary
    from bot.formats.schedules import load_schedule
    from bot.services.schedule_check import ScheduleSummary, check_schedule

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
    from bot.formats.ical_export import meeting_to_ics
    from bot.formats.schedules import load_meeting
    from bot.scheduling.clock import SystemClock

    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
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


async def db(options: argparse.Namespace, settings: Settings) -> int:
    from bot.storage.database import Database

    database = await Database.open(options.db or settings.database_url)
    await database.close()
    print("The database is up to date.")
    return 0


async def reload(options: argparse.Namespace, settings: Settings) -> int:
    """Ask a running `podium serve` to read its timetable again: SIGHUP, once its process is checked to be one."""
    from bot.cli import pidfile
    from bot.cli.places import pid_file

    found = pid_file(options.pid_file or settings.pid_file, options.db or settings.database_url)
    pid = options.pid if options.pid is not None else pidfile.read_pid(found)
    fault = pid if isinstance(pid, str) else pidfile.ask_to_reload(pid)
    if fault is not None:
        print(f"Not reloaded: {fault}.", file=sys.stderr)
        return 1
    print(f"Asked process {pid} to reload its timetable.")
    return 0


async def manifest(options: argparse.Namespace, settings: Settings) -> int:
    """The Slack app manifest: built from the command registry, so it needs no Slack library."""
    import json

    from bot.adapters.slack.manifest import PLACEHOLDER_URL, slack_manifest
    from bot.services.catalogue import command_registry

    document = slack_manifest(
        command_registry(), request_url=options.url or PLACEHOLDER_URL, socket_mode=options.socket
    )
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0


def refused(refusal: Refused) -> str:
    """A refusal as the one line the user sees."""
    from bot.adapters.text.render import render
    from bot.adapters.text.times import PlainTimes
    from bot.domain.language import Language
    from bot.locales.catalogs import Catalogs
    from bot.services.views import RefusalView

    return render(RefusalView(refusal.code, refusal.details, refusal.suggestion), PlainTimes(), Catalogs()(Language.EN))
