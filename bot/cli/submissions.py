"""`podium submissions add`: staff register a written submission received by e-mail, checked as any other."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.cli.language import day_and_time, translator
from bot.config import Settings
from bot.domain.errors import Refused

if TYPE_CHECKING:
    from bot.domain.submissions import Submission
    from bot.services.translation import Translator

REGISTERED_BY = "podium submissions add"  # not user-facing: the record names the command line as who registered it


async def submissions(options: argparse.Namespace, settings: Settings) -> int:
    from bot import bootstrap
    from bot.cli.actions import refused
    from bot.domain.submissions import SubmissionLate
    from bot.formats.submission_files import SubmissionFileError, read_submission
    from bot.scheduling.clock import SystemClock

    tr = translator(options, settings)
    try:
        text, name = read_submission(options.file)
    except SubmissionFileError as error:
        print(error.said(tr), file=sys.stderr)
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
            message = tr.gettext("Received after the deadline ({deadline}); --accept-late registers it anyway.")
            print(message.format(deadline=day_and_time(tr, deadline)), file=sys.stderr)
            return 2
        except Refused as refusal:
            print(refused(refusal, tr), file=sys.stderr)
            return 2
        delegation = podium.timetable.delegation_name(kept.delegation)
    print(_registered(kept, delegation, tr))
    return 0


def _registered(kept: Submission, delegation: str, tr: Translator) -> str:
    """What the operator is told once a submission is kept: its words and version, and the one it replaces."""
    if kept.version > 1:
        message = tr.ngettext(
            "Registered the written submission of {delegation}: {count} word (version {version}, replacing version "
            "{previous}).",
            "Registered the written submission of {delegation}: {count} words (version {version}, replacing version "
            "{previous}).",
            kept.words,
        )
    else:
        message = tr.ngettext(
            "Registered the written submission of {delegation}: {count} word (version {version}).",
            "Registered the written submission of {delegation}: {count} words (version {version}).",
            kept.words,
        )
    return message.format(
        delegation=delegation, count=tr.number(kept.words), version=kept.version, previous=kept.version - 1
    )


def _received(given: datetime | None, zone: ZoneInfo) -> datetime | None:
    """The e-mail's time: one without an offset is read in the meeting's time, as the schedule's times are."""
    if given is None:
        return None
    return (given if given.tzinfo else given.replace(tzinfo=zone)).astimezone(UTC)
