"""`podium web-links`: the live page's links for staff, made from PODIUM_WEB_SECRET (no database needed)."""

from __future__ import annotations

import argparse
import sys

from bot.config import MissingSetting, Settings, WebSettings


async def web_links(options: argparse.Namespace, settings: Settings) -> int:
    try:
        web = WebSettings.from_env()
    except MissingSetting as missing:
        print(f"podium web-links: {missing}.", file=sys.stderr)
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
    print(f"The live page of {meeting.short_title or meeting.title}: read-only, one link per session.")
    print(f"  timetable  {base}{agenda_path(keys, meeting.id)}")
    for session in sessions:
        print(f"  {session.id:<9}  {base}{session_path(keys, session.id)}  {session.title}")
    print("Moderators' links (buttons run /floor as that moderator; each expires when the session's list closes):")
    for session in sessions:
        roster = [
            p.id for p in directory.participants if p.has_role("moderator", session.id) and "moderator" not in p.roles
        ]
        for moderator in dict.fromkeys([*session.moderators, *roster]):
            given = keys.moderator_pass(session.id, moderator, timetable.list_closes(session))
            name = directory.participant(moderator).name
            print(f"  {session.id:<9}  {name}: {base}{moderator_path(given)}")
    return 0
