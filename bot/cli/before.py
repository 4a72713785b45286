"""`podium export` of what comes before the meeting: the submissions' pages, the provisional lists of speakers,
and the expressions of interest for the secretariat's own records."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable, Sequence
from functools import partial

from bot.cli.language import translator
from bot.cli.places import write_out
from bot.config import Settings
from bot.domain.interests import Interest, Role, Status
from bot.domain.meeting import Meeting, SessionKind
from bot.domain.participants import Participant
from bot.services.translation import Translator
from bot.storage.database import Database

LIST_FORMATS = ("md", "html", "docx")
INTEREST_FORMATS = ("csv", "json")
PARTICIPANT_FORMATS = ("md", "html", "docx", "csv")
Maker = Callable[[argparse.Namespace, Meeting, Database, Callable[[str], str], Translator], Awaitable[bytes]]


async def before_the_meeting(options: argparse.Namespace, settings: Settings, meeting: Meeting, url: str) -> int:
    """--submissions (html, into a folder), --provisional-list (md, html, docx), --interests (csv, json) or
    --participants (md, html, docx, csv)."""
    from bot.formats.roster import load_directory

    tr = translator(options, settings)
    directory = load_directory(settings.member_states, options.roster or settings.roster)
    state_name = partial(directory.state_name, language=tr.language)  # States as the pages' language writes them
    if options.submissions:
        return await _submissions(options, meeting, url, state_name, tr)
    make: Maker
    wanted: tuple[str, ...]
    if options.provisional_list:
        what, wanted, make = "--provisional-list", LIST_FORMATS, _lists
    elif options.interests:
        what, wanted, make = "--interests", INTEREST_FORMATS, _interests
    else:
        what, wanted, make = "--participants", PARTICIPANT_FORMATS, _participants(directory.participants)
    if options.format not in wanted:
        message = tr.gettext("{option} is written as {formats}: give --format {first}, say.")
        print(message.format(option=what, formats=", ".join(wanted), first=wanted[0]), file=sys.stderr)
        return 2
    async with await Database.open(url) as database:
        data = await make(options, meeting, database, state_name, tr)
    write_out(data, options.out, tr=tr)
    return 0


async def _submissions(
    options: argparse.Namespace, meeting: Meeting, url: str, state_name: Callable[[str], str], tr: Translator
) -> int:
    """The pages made available ahead of the meeting: an index and one page per delegation, into a folder."""
    from bot.formats.submissions_html import submissions_site

    if options.format != "html" or options.out is None:
        print(
            tr.gettext("--submissions writes web pages: give --format html and --out DIR (a folder)."), file=sys.stderr
        )
        return 2
    if options.out.exists() and not options.out.is_dir():
        print(
            tr.gettext("{file} is a file; --submissions --out needs a folder.").format(file=options.out),
            file=sys.stderr,
        )
        return 2
    async with await Database.open(url) as database, database.uow() as uow:
        history = await uow.submissions.all(meeting.id)
    pages = submissions_site(history, state_name, meeting.title, meeting.zone, tr)
    options.out.mkdir(parents=True, exist_ok=True)
    for file_name, data in pages.items():
        (options.out / file_name).write_bytes(data)
    count = len(pages) - 1
    message = tr.ngettext(
        "Wrote {count} submission page(s) and the index to {folder}",
        "Wrote {count} submission page(s) and the index to {folder}",
        count,
    )
    print(message.format(count=count, folder=options.out))
    return 0


async def _lists(
    options: argparse.Namespace, meeting: Meeting, database: Database, state_name: Callable[[str], str], tr: Translator
) -> bytes:
    """Each segment's speakers inscribed from the provisional list, in the order of its list of speakers now
    (protocol order, and any place the moderator or staff gave since)."""
    from bot.formats.provisional_list import (
        ProvisionalLists,
        provisional_list_docx,
        provisional_list_html,
        provisional_list_md,
    )
    from bot.scheduling.clock import SystemClock

    segments, moderators = [], []
    async with database.uow() as uow:
        interests = {i.id: i for i in await uow.interests.all(meeting.id)}
        for session in (s for s in meeting.sessions if s.kind is not SessionKind.BREAK):
            queue = await uow.queues.get(meeting.id, session.id, meeting.speaking_for(session))
            listed = tuple(interests[e.interest] for e in queue.waiting if e.interest in interests)
            segments.append((session, listed))
            moderators.append((session, tuple(i for i in interests.values() if _moderates(i, session.id))))
    lists = ProvisionalLists(meeting, tuple(segments), tuple(moderators), state_name, SystemClock().now(), tr=tr)
    if options.format == "docx":
        return provisional_list_docx(lists)
    return (provisional_list_html(lists) if options.format == "html" else provisional_list_md(lists)).encode()


async def _interests(
    options: argparse.Namespace, meeting: Meeting, database: Database, state_name: Callable[[str], str], tr: Translator
) -> bytes:
    """A machine's file (CSV, JSON: codes, not words), whatever the language."""
    from bot.formats.interests_export import interests_csv, interests_json

    async with database.uow() as uow:
        interests = list(await uow.interests.all(meeting.id))
    form = interests_csv if options.format == "csv" else interests_json
    return form(interests, meeting, state_name)


def _participants(roster: Sequence[Participant]) -> Maker:
    """The roster's participants with the self-declared ones staff verified, as the list of participants."""

    async def make(
        options: argparse.Namespace,
        meeting: Meeting,
        database: Database,
        state_name: Callable[[str], str],
        tr: Translator,
    ) -> bytes:
        from bot.formats.participants_list import ParticipantsList, participants_file
        from bot.scheduling.clock import SystemClock

        async with database.uow() as uow:
            declared = [p for p in await uow.participants.declared(meeting.id) if p.verified]
        lists = ParticipantsList(meeting, (*roster, *declared), state_name, SystemClock().now(), tr=tr)
        return participants_file(options.format, lists)

    return make


def _moderates(interest: Interest, session_id: str) -> bool:
    accepted = interest.status is Status.ACCEPTED and interest.role is Role.MODERATOR
    return accepted and interest.session_id == session_id
