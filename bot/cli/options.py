"""The command-line options of every `podium` action, in one parser.

Building it imports no action's implementation: `podium --help` and `podium --version` stay quick. Only the chosen
action's options are filled in (`build_parser(argv)`), so the export formats' table is read only for `export`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from bot.cli.option_types import (
    clock_options,
    day,
    language_option,
    local_moment,
    pid_file_option,
    schedule_option,
    speed,
)
from bot.config import data_path

Filler = Callable[[argparse.ArgumentParser], None]

CONSOLE_LINES = """\
the line language (a script, standard input, or the prompt):
  NAME> /command ARGS           NAME (an id in the roster) types a command, e.g. aigerim> /agenda 1
  NAME #channel> /command ARGS  ... in a channel, e.g. olga #gcm-rt1> /hand
  /command ARGS                 at the prompt, or piped in: typed by --as NAME
  @clock 2020-11-12T09:45+01:00 set the simulated clock (no offset: the meeting's time); going forwards, what
                                falls due on the way (reminders, time limits) is posted, as with @advance
  @advance 10m                  move the clock on by a duration up to 24h (45s, 10m, 1h30m)
  @reload [FILE]                read the timetable again (or FILE), as `podium reload` does
  NAME> /submit < FILE          a command that takes a file (/submit, /submissions add) gets FILE attached, as a
                                platform sends one: .txt, .md or .docx, found beside the script (at the prompt: here)
  # comment                     ignored, as are blank lines
A script runs to its end: a line that cannot be read is answered `! line N: ...` and the others run (exit 1).
Scripts must be UTF-8. Ctrl-D leaves the prompt. `podium demo` replays schedules/demo-2020.script."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with `argv`, only the action it names gets its options (the others would not be used)."""
    parser = argparse.ArgumentParser(
        prog="podium",
        description="Podium runs a virtual intergovernmental meeting.",
        epilog="`podium ACTION --help` explains one action.",
    )
    parser.add_argument("--version", action=_Version, help="print Podium's version and exit")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    chosen = _chosen(sys.argv[1:] if argv is None else argv)
    for name, command in ACTIONS.items():
        text = command.help
        action = actions.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        if chosen is None or chosen == name:
            command.fill(action)
    return parser


def listing() -> str:
    """What a bare `podium` prints: every action, one line each."""
    width = max(map(len, ACTIONS))
    lines = [f"  {name.ljust(width)}  {command.help}" for name, command in ACTIONS.items()]
    return "\n".join(
        [
            "usage: podium ACTION [options]   (podium ACTION --help explains one; podium --version)",
            "",
            "Podium runs a virtual intergovernmental meeting. Actions:",
            *lines,
        ]
    )


def _chosen(argv: Sequence[str]) -> str | None:
    """The action named on the command line (its first word that is not an option), if it is one we know."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in ACTIONS else None


class _Version(argparse.Action):
    """`--version`: read from the installed package's metadata, only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=str(kwargs.get("help")))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("podium")
        except PackageNotFoundError:
            found = "(not installed: run from a checkout without `pip install`)"
        print(f"podium {found}")
        parser.exit()


def _agenda(agenda: argparse.ArgumentParser) -> None:
    schedule_option(agenda)
    agenda.add_argument("--day", type=int, choices=(1, 2, 3, 4, 5), help="one day only")
    where = agenda.add_mutually_exclusive_group()
    where.add_argument("--tz", metavar="ZONE", help="an IANA time zone, such as America/New_York")
    where.add_argument("--delegation", metavar="ISO", help="a member State's code, such as KZ")
    clock_options(agenda)
    language_option(agenda, "the agenda's language")


def _check(check: argparse.ArgumentParser) -> None:
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help="timetables (.toml or .ics)")


def _ics(ics: argparse.ArgumentParser) -> None:
    schedule_option(ics)
    ics.add_argument("--session", metavar="ID", help="one session only")
    ics.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    ics.add_argument("--rehearse", type=day, metavar="YYYY-MM-DD", help="move the meeting to this date")


def _export(export: argparse.ArgumentParser) -> None:
    from bot.formats.exports import EXPORTS  # the one table of formats; read only when `export` is the action

    width = max(map(len, EXPORTS))
    suffix = max(len(chosen.extension) for chosen in EXPORTS.values()) + 1
    export.formatter_class = argparse.RawDescriptionHelpFormatter
    export.epilog = "formats (--format):\n" + "\n".join(
        f"  {form.ljust(width)}  {('.' + chosen.extension).ljust(suffix)}  {chosen.description}"
        for form, chosen in EXPORTS.items()
    )
    schedule_option(export)
    export.add_argument(
        "--format", choices=tuple(EXPORTS), default="json", metavar="FORMAT", help="one of those below (default: json)"
    )
    only = export.add_mutually_exclusive_group()
    only.add_argument("--session", metavar="ID", help="one session only")
    only.add_argument("--day", type=int, metavar="N", help="one day only (1 is the first day)")
    export.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    export.add_argument("--roster", type=data_path, metavar="FILE", help="participants, for moderators' names")
    export.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    export.add_argument("--rehearse", type=day, metavar="YYYY-MM-DD", help="the meeting as rehearsed on this date")
    language_option(export, "the language of the export")
    before = export.add_mutually_exclusive_group()
    before.add_argument(
        "--submissions",
        action="store_true",
        help="the written submissions as the pages made available ahead of the meeting (--format html --out DIR)",
    )
    before.add_argument(
        "--provisional-list",
        action="store_true",
        help="the provisional list of speakers of every segment, as published (--format md, html or docx)",
    )
    before.add_argument(
        "--interests", action="store_true", help="every expression of interest, for the records (--format csv or json)"
    )
    before.add_argument(
        "--participants",
        action="store_true",
        help="the list of participants, by delegation, States first (--format md, html, docx or csv; --roster, "
        "or --registrations with --columns)",
    )
    export.add_argument(
        "--registrations",
        type=data_path,
        metavar="FILE.csv",
        help="with --participants: a registration system's CSV export instead of the roster (needs --columns)",
    )
    export.add_argument(
        "--columns",
        type=data_path,
        metavar="MAPPING.toml",
        help="the export's column mapping, such as schedules/indico-columns.toml (`podium roster --help`)",
    )


def _db(db: argparse.ArgumentParser) -> None:
    db.add_argument("db_action", choices=("upgrade",), help="upgrade: apply every migration")
    db.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")


def _manifest(manifest: argparse.ArgumentParser) -> None:
    manifest.add_argument("--url", help="the public URL of /slack/events (HTTP mode)")
    manifest.add_argument("--socket", action="store_true", help="for Socket Mode: no request URLs")


def _console(console: argparse.ArgumentParser) -> None:
    console.formatter_class = argparse.RawDescriptionHelpFormatter
    console.epilog = CONSOLE_LINES
    schedule_option(console)
    console.add_argument("--roster", type=data_path, metavar="FILE", help="participants (TOML or CSV)")
    console.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    console.add_argument("--script", type=Path, metavar="FILE", help="replay these lines, then stop")
    console.add_argument("--as", dest="actor", default="guest", metavar="NAME", help="who you are (interactive)")
    clock_options(console)
    language_option(console, "the meeting's language: Podium's answers and announcements, for readers without one")
    _web(console)


def _reload(reload: argparse.ArgumentParser) -> None:
    which = reload.add_mutually_exclusive_group()
    which.add_argument("--pid", type=int, metavar="PID", help="the server's process (checked to be `podium serve`)")
    pid_file_option(which)
    reload.add_argument("--db", metavar="URL", help="the server's database URL, to find its pid file beside it")


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "platform",
        nargs="+",
        choices=("slack", "discord"),
        help="slack: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (`pip install 'podium[slack]'`); discord: DISCORD_TOKEN "
        "and DISCORD_GUILD_ID (`pip install 'podium[discord]'`); both at once: `podium serve slack discord`",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 behind a load balancer)")
    serve.add_argument("--port", type=int, default=3000, help="HTTP port: Slack's events and /healthz")
    serve.add_argument("--socket", action="store_true", help="Socket Mode (also when SLACK_APP_TOKEN is set)")
    schedule_option(serve)
    serve.add_argument("--roster", type=data_path, metavar="FILE", help="participants (TOML or CSV)")
    serve.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    pid_file_option(serve)
    clock_options(serve)
    _web(serve)


def _web(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--web", action="store_true", help="serve the room's live page too (PODIUM_WEB_SECRET; `podium web-links`)"
    )
    parser.add_argument("--web-host", default="127.0.0.1", metavar="HOST", help="the live page's address")
    parser.add_argument("--web-port", type=int, default=8080, metavar="PORT", help="the live page's port (8080)")
    if parser.prog.split()[-1] in ("console", "demo"):
        parser.add_argument(
            "--web-pace",
            type=speed,
            default=1.5,
            metavar="SECONDS",
            help="with --web, replay a script a line every SECONDS, to watch the page follow it (1.5)",
        )


def _web_links(links: argparse.ArgumentParser) -> None:
    schedule_option(links)
    links.add_argument("--roster", type=data_path, metavar="FILE", help="participants, for the moderators' links")
    links.add_argument(
        "--base-url", default="http://127.0.0.1:8080", metavar="URL", help="where the live page is reached"
    )
    links.add_argument("--rehearse", type=day, metavar="YYYY-MM-DD", help="the meeting as rehearsed on this date")
    language_option(links, "the messages' and session titles' language")


def _submissions(submissions: argparse.ArgumentParser) -> None:
    submissions.add_argument("submissions_action", choices=("add",), help="add: register one received by e-mail")
    submissions.add_argument("--delegation", required=True, metavar="ISO", help="the Member State's code, such as AM")
    submissions.add_argument("--file", required=True, type=Path, metavar="FILE", help="the text: .txt, .md or .docx")
    submissions.add_argument(
        "--received",
        type=local_moment,
        metavar="ISO",
        help="when the e-mail came, such as 2020-10-30T16:20 (no offset: the meeting's time; default: now); "
        "the deadline is checked against it",
    )
    submissions.add_argument(
        "--accept-late", dest="late", action="store_true", help="register it even if it came after the deadline"
    )
    submissions.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
    schedule_option(submissions)
    submissions.add_argument("--rehearse", type=day, metavar="YYYY-MM-DD", help="the meeting as rehearsed on this date")


def _roster(roster: argparse.ArgumentParser) -> None:
    from bot.formats.registration_columns import MAPPING_HELP  # plain text: imports nothing more

    roster.formatter_class = argparse.RawDescriptionHelpFormatter
    roster.epilog = MAPPING_HELP
    roster.add_argument("roster_action", choices=("import",), help="import: a registration export as a roster")
    roster.add_argument("file", type=data_path, metavar="FILE.csv", help="the export (comma or semicolon separated)")
    roster.add_argument(
        "--columns", required=True, type=data_path, metavar="MAPPING.toml", help="its column mapping (below)"
    )
    roster.add_argument("-o", "--out", type=Path, metavar="FILE.toml", help="write here instead of standard output")


class Command(NamedTuple):
    help: str
    fill: Filler  # adds the action's options to its parser
    runs: str  # "module:function": imported only when this action is the one asked for


ACTIONS: dict[str, Command] = {
    "agenda": Command("print the timetable in a zone, with the meeting's time beside it", _agenda, "actions:agenda"),
    "check-schedule": Command("check timetable files; exit 1 listing every fault", _check, "actions:check"),
    "ics": Command("write the timetable as iCalendar (RFC 5545)", _ics, "actions:ics"),
    "export": Command(
        "write the record, session notes, the report draft or the transcript (JSON, CSV, Word…)",
        _export,
        "export:export",
    ),
    "submissions": Command(
        "register a written submission received by e-mail (checked as one sent by command)",
        _submissions,
        "submissions:submissions",
    ),
    "roster": Command(
        "turn a registration export (CSV, with a column mapping) into a roster",
        _roster,
        "registrations:roster",
    ),
    "reload": Command("make a running `podium serve` read its timetable again (SIGHUP)", _reload, "actions:reload"),
    "db": Command("database maintenance", _db, "actions:db"),
    "serve": Command("run Podium in a chat platform (settings from the environment)", _serve, "serve:serve"),
    "web-links": Command(
        "print the live page's links for staff: each session's display, the timetable, moderators' controls",
        _web_links,
        "web_links:web_links",
    ),
    "slack-manifest": Command("print the Slack app manifest (JSON) for this release", _manifest, "actions:manifest"),
    "console": Command("talk to Podium in the terminal, or replay a script of lines", _console, "console:console"),
    "demo": Command("replay a scripted part of the 2020 meeting through the console", _console, "console:demo"),
}
