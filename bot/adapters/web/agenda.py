"""The timetable page: every session in the meeting's time and (by live.js) the viewer's, the one on now marked."""

from __future__ import annotations

from html import escape
from itertools import groupby
from zoneinfo import ZoneInfo

from bot.adapters.web.pages import page, span_text
from bot.adapters.web.state import millis
from bot.services.stage import AgendaItem, AgendaPage


def agenda(view: AgendaPage) -> str:
    zone = ZoneInfo(view.meeting_zone)
    days = groupby(view.items, key=lambda item: item.session.start.astimezone(zone).date())
    sections = []
    for day, items in days:
        rows = "".join(_row(item, view.meeting_zone) for item in items)
        sections.append(
            f"""<section aria-label="{day:%A %d %B %Y}"><h2>{day:%A %d %B %Y}</h2>
<table><thead><tr><th scope="col">Meeting time</th><th scope="col">Your time</th>
<th scope="col">Session</th></tr></thead><tbody>{rows}</tbody></table></section>"""
        )
    body = f"""<header class="top"><h1>{escape(view.meeting_title)}</h1>
<p class="zone-note">Times in the meeting's zone ({escape(view.meeting_zone)}) and in yours
<span class="your-zone"></span>.</p></header>
<main class="agenda">{"".join(sections)}</main>"""
    return page(f"{view.meeting_title} — timetable", body, body_attributes=' class="timetable"')


def _row(item: AgendaItem, meeting_zone: str) -> str:
    session = item.session
    now = ' class="now" aria-current="true"' if item.current else ""
    marker = ' <strong class="on-now">on now</strong>' if item.current else ""
    listed = ""
    if item.listed:
        names = "".join(
            f"<li>{escape(n.name)} <span>({escape(n.delegation or n.category)})</span></li>" for n in item.listed
        )
        listed = f'<details><summary>Provisional list of speakers</summary><ol class="listed">{names}</ol></details>'
    return (
        f"<tr{now}><td>{escape(span_text(session.start, session.end, meeting_zone))}</td>"
        f'<td><span class="local" data-start="{millis(session.start)}" data-end="{millis(session.end)}"></span></td>'
        f"<td>{escape(session.title)}{marker}{listed}</td></tr>"
    )
