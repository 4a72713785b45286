"""`podium web-links`: the live page's links for staff, made from PODIUM_WEB_SECRET (no database needed)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from bot.cli.language import translator
from bot.config import MissingSetting, Settings, WebSettings

if TYPE_CHECKING:
    from bot.domain.meeting import Session
    from bot.services.translation import Translator

WIDTH = 9  # the session ids' column: as wide as "timetable" in English, wider if a language's word is


async def web_links(options: argparse.Namespace, settings: Settings) -> int:
    tr = translator(options, settings)
    try:
        web = WebSettings.from_env()
    except MissingSetting as missing:
        print(
            tr.gettext("podium {action}: {reason}.").format(action="web-links", reason=missing.said(tr)),
            file=sys.stderr,
        )
        return 2
    from bot.adapters.web.keys import Keys, agenda_path, moderator_path, session_path
    from bot.domain.meeting import SessionKind
    from bot.formats.roster import load_directory
    from bot.formats.schedules import load_meeting
    from bot.services.timetable import Timetable

    meeting = load_meeting(options.schedule or settings.schedule, options.rehearse)
    directory = load_directory(settings.member_states, options.roster or settings.roster)
    timetable, keys, base = Timetable(meeting, directory), Keys(web.secret.encode()), options.base_url.rstrip("/")
    sessions = [s for s in meeting.sessions if s.kind is not SessionKind.BREAK]
    title = meeting.short_title or meeting.title
    print(tr.gettext("The live page of {meeting}: read-only, one link per session.").format(meeting=title))
    label = tr.pgettext("web-links", "timetable")
    width = max(WIDTH, len(label))
    print(f"  {label:<{width}}  {base}{agenda_path(keys, meeting.id)}")
    for session in sessions:
        print(f"  {session.id:<{width}}  {base}{session_path(keys, session.id)}  {_title(session, tr)}")
    print(
        tr.gettext(
            "Moderators' links (buttons run /floor as that moderator; each expires when the session's list closes):"
        )
    )
    for session in sessions:
        roster = [
            p.id for p in directory.participants if p.has_role("moderator", session.id) and "moderator" not in p.roles
        ]
        for moderator in dict.fromkeys([*session.moderators, *roster]):
            given = keys.moderator_pass(session.id, moderator, timetable.list_closes(session))
            name = directory.participant(moderator).name
            print(f"  {session.id:<{width}}  {name}: {base}{moderator_path(given)}")
    return 0


def _title(session: Session, tr: Translator) -> str:
    """The session's title in the reader's language, marked when that is an unofficial translation."""
    shown = session.title_in(tr.language)
    return shown + " " + tr.gettext("(unofficial translation)") if session.unofficial_in(tr.language) else shown
