"""The one-shot `podium` actions: agenda, check-schedule, ics, db, reload, slack-manifest.

Each imports what it needs when it runs (see `bot/cli/__init__.py`); `export`, `console`/`demo` and `serve` have
their own modules.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.cli.language import translator
from bot.config import Settings
from bot.domain.errors import Refused

if TYPE_CHECKING:
    from bot.services.translation import Translator


async def agenda(options: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.text.render import render
    from bot.adapters.text.times import PlainTimes
    from bot.formats.roster import load_directory
    from bot.formats.schedules import load_meeting
    from bot.scheduling.clock import make_clock
    from bot.services.timetable import Timetable

    tr = translator(options, settings)
    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    timetable = Timetable(meeting, load_directory(settings.member_states, settings.roster))
    zone = options.tz or options.delegation
    try:
        reader = replace(timetable.reader(zone=zone), language=tr.language)
        view = timetable.agenda(reader, make_clock(options.clock, options.speed).now(), options.day)
    except Refused as refusal:
        print(refused(refusal, tr), file=sys.stderr)
        return 2
    print(render(view, PlainTimes(), tr))
    return 0


async def check(options: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.text.render import schedule_summary
    from bot.formats.schedules import load_schedule
    from bot.services.schedule_check import ScheduleSummary, check_schedule

    tr = translator(options, settings)
    failed = False
    for path in options.files:
        result = check_schedule(path, load_schedule)
        if isinstance(result, ScheduleSummary):
            print(schedule_summary(result, tr))
        else:
            failed = True
            print("\n".join(result.lines(tr)), file=sys.stderr)
    return 1 if failed else 0


async def ics(options: argparse.Namespace, settings: Settings) -> int:
    from bot.formats.ical_export import meeting_to_ics
    from bot.formats.schedules import load_meeting
    from bot.scheduling.clock import SystemClock

    tr = translator(options, settings)
    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    if options.session and meeting.session(options.session) is None:
        known = ", ".join(s.id for s in meeting.sessions)
        print(
            tr.gettext("There is no session '{session}'; sessions are: {known}.").format(
                session=options.session, known=known
            ),
            file=sys.stderr,
        )
        return 2
    data = meeting_to_ics(
        meeting, session_id=options.session, stamp=SystemClock().now(), tr=translator(options, settings)
    )
    if options.out:
        options.out.write_bytes(data)
        print(tr.gettext("Wrote {file}").format(file=options.out))
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0


async def db(options: argparse.Namespace, settings: Settings) -> int:
    from bot.storage.database import Database

    database = await Database.open(options.db or settings.database_url)
    await database.close()
    print(translator(options, settings).gettext("The database is up to date."))
    return 0


async def reload(options: argparse.Namespace, settings: Settings) -> int:
    """Ask a running `podium serve` to read its timetable again: SIGHUP, once its process is checked to be one."""
    from bot.cli import pidfile
    from bot.cli.places import pid_file

    tr = translator(options, settings)
    found = pid_file(options.pid_file or settings.pid_file, options.db or settings.database_url)
    pid = options.pid if options.pid is not None else pidfile.read_pid(found, tr)
    fault = pid if isinstance(pid, str) else pidfile.ask_to_reload(pid, tr)
    if fault is not None:
        print(tr.gettext("Not reloaded: {reason}.").format(reason=fault), file=sys.stderr)
        return 1
    print(tr.gettext("Asked process {pid} to reload its timetable.").format(pid=pid))
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


def refused(refusal: Refused, tr: Translator) -> str:
    """A refusal as the one line the user sees, in `tr`'s language."""
    from bot.adapters.text.render import render
    from bot.adapters.text.times import PlainTimes
    from bot.services.views import RefusalView

    view = RefusalView(refusal.code, refusal.details, refusal.suggestion)
    return render(view, PlainTimes(), tr)
