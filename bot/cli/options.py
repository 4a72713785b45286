"""The command-line options of every `podium` action, in one parser."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from bot.config import data_path
from bot.domain.durations import plausible_date
from bot.formats.exports import EXPORTS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="podium", description="Podium runs a virtual intergovernmental meeting.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    agenda = actions.add_parser("agenda", help="print the timetable in a zone, with the meeting's time beside it")
    _schedule(agenda)
    agenda.add_argument("--day", type=int, choices=(1, 2, 3, 4, 5), help="one day only")
    where = agenda.add_mutually_exclusive_group()
    where.add_argument("--tz", metavar="ZONE", help="an IANA time zone, such as America/New_York")
    where.add_argument("--delegation", metavar="ISO", help="a member State's code, such as KZ")
    _clock(agenda)

    check = actions.add_parser("check-schedule", help="check timetable files; exit 1 listing every fault")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    ics = actions.add_parser("ics", help="write the timetable as iCalendar (RFC 5545)")
    _schedule(ics)
    ics.add_argument("--session", metavar="ID", help="one session only")
    ics.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    ics.add_argument("--rehearse", type=_date, metavar="YYYY-MM-DD", help="move the meeting to this date")

    export = actions.add_parser("export", help="write the record of interventions (schema: docs/record-schema.md)")
    _schedule(export)
    export.add_argument(
        "--format",
        choices=tuple(EXPORTS),
        default="json",
        help="json: the record; md or html: session notes; csv: one row per intervention; "
        "transcript-md or transcript-json: every command and bot message",
    )
    only = export.add_mutually_exclusive_group()
    only.add_argument("--session", metavar="ID", help="one session only")
    only.add_argument("--day", type=int, metavar="N", help="one day only (1 is the first day)")
    export.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    export.add_argument("--roster", type=data_path, metavar="FILE", help="participants, for moderators' names")
    export.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    export.add_argument("--rehearse", type=_date, metavar="YYYY-MM-DD", help="the meeting as rehearsed on this date")

    _reload(actions)

    db = actions.add_parser("db", help="database maintenance")
    db.add_argument("db_action", choices=("upgrade",), help="upgrade: apply every migration")
    db.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")

    _serve(actions)

    manifest = actions.add_parser("slack-manifest", help="print the Slack app manifest (JSON) for this release")
    manifest.add_argument("--url", help="the public URL of /slack/events (HTTP mode)")
    manifest.add_argument("--socket", action="store_true", help="for Socket Mode: no request URLs")

    for name, text in (
        ("console", "talk to Podium in the terminal, or replay a script"),
        ("demo", "replay a scripted part of the 2020 meeting through the console"),
    ):
        console = actions.add_parser(name, help=text)
        _schedule(console)
        console.add_argument("--roster", type=data_path, metavar="FILE", help="participants (TOML or CSV)")
        console.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
        console.add_argument("--script", type=Path, metavar="FILE", help="replay these lines, then stop")
        console.add_argument("--as", dest="actor", default="guest", metavar="NAME", help="who you are (interactive)")
        _clock(console)
    return parser


def _reload(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reload = actions.add_parser("reload", help="make a running `podium serve` read its timetable again (SIGHUP)")
    which = reload.add_mutually_exclusive_group()
    which.add_argument("--pid", type=int, metavar="PID", help="the server's process (checked to be `podium serve`)")
    _pid_file(which)
    reload.add_argument("--db", metavar="URL", help="the server's database URL, to find its pid file beside it")


def _serve(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = actions.add_parser("serve", help="run Podium in a chat platform (settings from the environment)")
    serve.add_argument("platform", choices=("slack",), help="slack: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 behind a load balancer)")
    serve.add_argument("--port", type=int, default=3000, help="HTTP port: Slack's events and /healthz")
    serve.add_argument("--socket", action="store_true", help="Socket Mode (also when SLACK_APP_TOKEN is set)")
    _schedule(serve)
    serve.add_argument("--roster", type=data_path, metavar="FILE", help="participants (TOML or CSV)")
    serve.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    _pid_file(serve)
    _clock(serve)


def _schedule(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--schedule", type=data_path, metavar="FILE", help="timetable (.toml or .ics)")


def _pid_file(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--pid-file",
        type=Path,
        metavar="FILE",
        help="the server's pid file (default: PODIUM_PID_FILE, else beside a SQLite database, else ./podium.pid)",
    )


def _clock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clock", type=_moment, metavar="ISO", help="start the clock here, e.g. 2020-11-12T09:45+01:00"
    )
    parser.add_argument("--speed", type=_speed, metavar="N", help="run the clock N times faster than real time")
    parser.add_argument("--rehearse", type=_date, metavar="YYYY-MM-DD", help="move the meeting to this date")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time such as 2020-11-12T09:45+01:00") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"'{text}' needs a UTC offset, such as +01:00")
    _plausible(moment)
    return moment


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date such as 2026-11-12") from None
    _plausible(day)
    return day


def _plausible(day: date) -> None:
    # Far dates are typos, and near year 1 or 9999 the conversion to UTC overflows.
    if not plausible_date(day):
        raise argparse.ArgumentTypeError(f"'{day.isoformat()}' is not in the years 2000–2100")


def _speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        speed = 0
    if speed <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive number")
    return speed
