"""Benchmarks of the timetable: load and validate the 2020 schedule, render the agenda, export iCalendar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bench.timing import Row, measure
from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.domain.language import Language
from bot.domain.participants import Directory
from bot.formats.ical_export import meeting_to_ics
from bot.formats.roster import load_member_states
from bot.formats.schedule_toml import load_schedule_toml
from bot.locales.catalogs import Catalogs
from bot.services.timetable import Timetable

SCHEDULES = Path(__file__).resolve().parents[1] / "bot" / "schedules"


def rows(quick: bool) -> list[Row]:
    runs = 50 if quick else 500
    path = SCHEDULES / "unece-gcm-review-2020.toml"
    meeting = load_schedule_toml(path)
    timetable = Timetable(meeting, Directory(load_member_states(SCHEDULES / "unece-member-states.toml")))
    now = datetime(2020, 11, 12, 9, 50, tzinfo=UTC)
    reader = timetable.reader(zone="KZ")
    stamp = datetime(2020, 11, 1, tzinfo=UTC)
    return [
        measure("schedule: load + validate 2020 TOML", lambda: load_schedule_toml(path), runs=runs, goal="< 50 ms"),
        measure(
            "agenda: build + render, both days, KZ",
            lambda: render(timetable.agenda(reader, now), PlainTimes(), Catalogs()(Language.EN)),
            runs=runs,
            goal="< 10 ms",
        ),
        measure(
            "ics: export the whole meeting",
            lambda: meeting_to_ics(meeting, stamp=stamp, tr=Catalogs()(Language.EN)),
            runs=runs,
            goal="< 50 ms",
        ),
    ]
