"""`podium submissions add`: staff register a written submission received by e-mail, checked as any other."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.errors import Refused

REGISTERED_BY = "podium submissions add"  # who the record says registered it: the command line's operator


async def submissions(options: argparse.Namespace, settings: Settings) -> int:
    from bot import bootstrap
    from bot.cli.actions import refused
    from bot.domain.submissions import SubmissionLate
    from bot.formats.submission_files import SubmissionFileError, read_submission
    from bot.scheduling.clock import SystemClock

    try:
        text, name = read_submission(options.file)
    except SubmissionFileError as error:
        print(error, file=sys.stderr)
        return 2
    clock = SystemClock()
    async with bootstrap.running(
        settings, clock, schedule=options.schedule, database_url=options.db, rehearse=options.rehearse
    ) as podium:
        received = _received(options.received, podium.meeting.zone) or clock.now()
        try:
            async with podium.uow() as uow:
                kept = await podium.submissions.register(
                    uow, options.delegation, text, received, by=REGISTERED_BY, file_name=name, accept_late=options.late
                )
                await uow.commit()
        except SubmissionLate as late:
            deadline = (late.deadline or received).astimezone(podium.meeting.zone)
            print(
                f"Received after the deadline ({deadline:%d %B %Y %H:%M %Z}); --accept-late registers it anyway.",
                file=sys.stderr,
            )
            return 2
        except Refused as refusal:
            print(refused(refusal), file=sys.stderr)
            return 2
        delegation = podium.timetable.delegation_name(kept.delegation)
    replaced = f", replacing version {kept.version - 1}" if kept.version > 1 else ""
    print(
        f"Registered the written submission of {delegation}: {kept.words:,} words (version {kept.version}{replaced})."
    )
    return 0


def _received(given: datetime | None, zone: ZoneInfo) -> datetime | None:
    """The e-mail's time: one without an offset is read in the meeting's time, as the schedule's times are."""
    if given is None:
        return None
    return (given if given.tzinfo else given.replace(tzinfo=zone)).astimezone(UTC)
