"""The timetable page: every session in the meeting's time and (by live.js) the viewer's, the one on now marked."""

from __future__ import annotations

from datetime import date
from html import escape
from itertools import groupby
from zoneinfo import ZoneInfo

from bot.adapters.web.pages import page, span_text
from bot.adapters.web.state import millis
from bot.domain.language import Language
from bot.services.stage import AgendaItem, AgendaPage
from bot.services.translation import Translator


def agenda(view: AgendaPage, tr: Translator) -> str:
    zone = ZoneInfo(view.meeting_zone)
    days = groupby(view.items, key=lambda item: item.session.start.astimezone(zone).date())
    heads = (tr.gettext("Meeting time"), tr.gettext("Your time"), tr.gettext("Session"))
    # not user-facing: the page's markup (its words are translated)
    header = "".join(f'<th scope="col">{escape(head)}</th>' for head in heads)
    sections = []
    for day, items in days:
        rows = "".join(_row(item, view.meeting_zone, tr) for item in items)
        named = escape(day_name(day, tr))
        sections.append(
            # not user-facing: the page's markup (its words are translated)
            f"""<section aria-label="{named}"><h2>{named}</h2>
<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></section>"""
        )
    note = escape(tr.gettext("Times in the meeting's zone ({zone}) and in yours").format(zone=view.meeting_zone))
    # not user-facing: the page's markup (its words are translated)
    body = f"""<header class="top"><h1>{escape(view.meeting.title_in(tr.language))}</h1>
<p class="zone-note">{note}
<span class="your-zone"></span>.</p></header>
<main class="agenda">{"".join(sections)}</main>"""
    title = tr.gettext("{title} — timetable").format(title=view.meeting.title_in(tr.language))
    return page(title, body, tr, body_attributes=' class="timetable"')


def day_name(day: date, tr: Translator) -> str:
    """'Thursday 12 November 2020' as the page always read in English; the language's own full date in others."""
    return f"{day:%A %d %B %Y}" if tr.language is Language.EN else tr.date(day, "full")


def _row(item: AgendaItem, meeting_zone: str, tr: Translator) -> str:
    session = item.session
    now = ' class="now" aria-current="true"' if item.current else ""
    on_now = escape(tr.gettext("on now"))
    # not user-facing: the page's markup (its words are translated)
    marker = f' <strong class="on-now">{on_now}</strong>' if item.current else ""
    listed = ""
    if item.listed:
        names = "".join(
            f"<li>{escape(n.name)} <span>({escape(n.delegation or tr.gettext(n.category))})</span></li>"
            for n in item.listed
        )
        summary = escape(tr.gettext("Provisional list of speakers"))
        # not user-facing: the page's markup (its words are translated)
        listed = f'<details><summary>{summary}</summary><ol class="listed">{names}</ol></details>'
    title = session.title_in(tr.language)
    if session.unofficial_in(tr.language):
        title += " " + tr.gettext("(unofficial translation)")
    return (
        # not user-facing: the page's markup (its words are translated)
        f"<tr{now}><td>{escape(span_text(session.start, session.end, meeting_zone))}</td>"
        f'<td><span class="local" data-start="{millis(session.start)}" data-end="{millis(session.end)}"></span></td>'
        f"<td>{escape(title)}{marker}{listed}</td></tr>"
    )
