"""`podium export`: the stored record in one of the formats of `bot/formats/exports.py`; no platform library."""

from __future__ import annotations

import argparse
import sys

from bot.cli.language import translator
from bot.config import Settings
from bot.domain.errors import Refused


async def export(options: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.actions import refused
    from bot.cli.places import missing_database, write_out
    from bot.formats.exports import ExportInput
    from bot.formats.exports import export as export_as
    from bot.formats.roster import load_directory
    from bot.formats.schedules import load_meeting
    from bot.scheduling.clock import SystemClock
    from bot.services.record import on_day, read_record

    tr = translator(options, settings)  # the secretariat's language, for the file and for what is said
    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    if options.participants and options.registrations:  # a registration export alone: no database
        from bot.cli.registrations import participants_list

        return participants_list(options, settings, meeting)
    url = options.db or settings.database_url
    if missing := missing_database(url, tr):  # opening it would create an empty one, and export nothing
        print(missing, file=sys.stderr)
        return 2
    if options.submissions or options.provisional_list or options.interests or options.participants:
        from bot.cli.before import before_the_meeting  # what is published ahead of it, not the record

        return await before_the_meeting(options, settings, meeting, url)
    from bot.storage.database import Database

    database = await Database.open(url)
    try:
        directory = load_directory(settings.member_states, options.roster or settings.roster)
        record = await read_record(meeting, database.uow(), options.session, directory)
        record = on_day(record, options.day) if options.day else record
        async with database.uow() as uow:
            entries = await uow.transcript.entries(meeting.id)
    except Refused as refusal:
        print(refused(refusal, tr), file=sys.stderr)
        return 2
    finally:
        await database.close()
    data = export_as(options.format, ExportInput(record, entries, SystemClock().now(), tr=tr))
    write_out(data, options.out, tr=tr)
    return 0
