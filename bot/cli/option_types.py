"""The options several actions share, and the types their values are read as (moments, dates, speeds)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from bot.config import data_path
from bot.domain.durations import plausible_date
from bot.domain.language import Language, language_of


def schedule_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--schedule",
        type=data_path,
        metavar="FILE",
        help="timetable (.toml or .ics; default: PODIUM_SCHEDULE, else the 2020 GCM review shipped with Podium)",
    )


def pid_file_option(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--pid-file",
        type=Path,
        metavar="FILE",
        help="the server's pid file (default: PODIUM_PID_FILE, else beside a SQLite database, else ./podium.pid)",
    )


def clock_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clock", type=moment, metavar="ISO", help="start the clock here, e.g. 2020-11-12T09:45+01:00")
    parser.add_argument("--speed", type=speed, metavar="N", help="run the clock N times faster than real time")
    parser.add_argument("--rehearse", type=day, metavar="YYYY-MM-DD", help="move the meeting to this date")


def moment(text: str) -> datetime:
    moment = local_moment(text)
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"'{text}' needs a UTC offset, such as +01:00")
    return moment


def local_moment(text: str) -> datetime:
    """A date and time; without an offset it is left for the caller to read in the meeting's time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time such as 2020-10-30T16:20+01:00") from None
    _plausible(moment)
    return moment


def day(text: str) -> date:
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


def speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        speed = 0
    if speed <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive number")
    return speed


def language_option(parser: argparse.ArgumentParser, what: str) -> None:
    """`--lang en|fr|ru`: `what` says what is written in it (the console's messages, an export)."""
    parser.add_argument("--lang", type=language, metavar="en|fr|ru", help=f"{what} (default: English)")


def language(text: str) -> Language:
    found = language_of(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not one of Podium's languages: en, fr or ru")
    return found
