"""`podium export`: the stored record in one of the formats of `bot/formats/exports.py`; no platform library."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.domain.errors import Refused
from bot.domain.meeting import Meeting


async def export(options: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.actions import refused
    from bot.cli.places import missing_database
    from bot.formats.exports import ExportInput
    from bot.formats.exports import export as export_as
    from bot.formats.roster import load_directory
    from bot.formats.schedules import load_meeting
    from bot.scheduling.clock import SystemClock
    from bot.services.record import on_day, read_record

    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    url = options.db or settings.database_url
    if missing := missing_database(url):  # opening it would create an empty one, and export nothing
        print(missing, file=sys.stderr)
        return 2
    if options.submissions:
        return await _submissions(options, settings, meeting, url)
    from bot.storage.database import Database

    database = await Database.open(url)
    try:
        directory = load_directory(settings.member_states, options.roster or settings.roster)
        names = {p.id: p.name for p in directory.participants}
        states = {s.iso: s.name for s in directory.states}
        record = await read_record(meeting, database.uow(), options.session, names, states)
        record = on_day(record, options.day) if options.day else record
        async with database.uow() as uow:
            entries = await uow.transcript.entries(meeting.id)
    except Refused as refusal:
        print(refused(refusal), file=sys.stderr)
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


async def _submissions(options: argparse.Namespace, settings: Settings, meeting: Meeting, url: str) -> int:
    """`--submissions --format html --out DIR`: the pages made available ahead of the meeting, one per delegation."""
    from bot.formats.roster import load_directory
    from bot.formats.submissions_html import submissions_site
    from bot.storage.database import Database

    if options.format != "html" or options.out is None:
        print("--submissions writes web pages: give --format html and --out DIR (a folder).", file=sys.stderr)
        return 2
    if options.out.exists() and not options.out.is_dir():
        print(f"{options.out} is a file; --submissions --out needs a folder.", file=sys.stderr)
        return 2
    directory = load_directory(settings.member_states, None)

    def name(code: str) -> str:
        state = directory.state(code)
        return state.name if state else code

    async with await Database.open(url) as database, database.uow() as uow:
        history = await uow.submissions.all(meeting.id)
    pages = submissions_site(history, name, meeting.title, meeting.zone)
    options.out.mkdir(parents=True, exist_ok=True)
    for file_name, data in pages.items():
        (options.out / file_name).write_bytes(data)
    print(f"Wrote {len(pages) - 1} submission page(s) and the index to {options.out}")
    return 0
