"""The session's display as server-rendered HTML: every typed name escaped, no inline script; live.js fills its ids.

Each page is in its viewer's language: its words rendered here, and the words live.js needs for the pushed state
(which is the same for every viewer) given in the body's `data-labels`, as JSON, never as script.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.adapters.text.times import zone_label
from bot.adapters.web.state import countdown, labels, left, list_state, meta, millis, paused_text, phase
from bot.services.stage import Named, StageView, Turn
from bot.services.translation import Translator

STATIC = "/static"


def page(title: str, body: str, tr: Translator, *, body_attributes: str = "", refresh: bool = True) -> str:
    """The document around a page's body; without JavaScript it reloads itself every 5 seconds (`refresh`)."""
    # not user-facing: the page's markup (its words are translated)
    reload = '<noscript><meta http-equiv="refresh" content="5"></noscript>' if refresh else ""
    words = escape(json.dumps(labels(tr), ensure_ascii=False, separators=(",", ":")))
    # not user-facing: the page's markup (its words are translated)
    return f"""<!doctype html>
<html lang="{tr.language.value}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{STATIC}/live.css">
<script src="{STATIC}/live.js" defer></script>
{reload}
</head>
<body{body_attributes} data-lang="{tr.language.value}" data-labels="{words}">
{body}
</body>
</html>
"""


def span_text(start: datetime, end: datetime, zone: str) -> str:
    """'10:40–12:10 CET': a session's time in the meeting's zone."""
    tz = ZoneInfo(zone)
    return f"{start.astimezone(tz):%H:%M}–{end.astimezone(tz):%H:%M} {zone_label(start, tz)}"


def session_title(view: StageView, tr: Translator) -> str:
    """The session's title in the viewer's language, marked where it is not an official translation."""
    session = view.session
    return _marked(session.title_in(tr.language), session.unofficial_in(tr.language), tr)


def _marked(title: str, unofficial: bool, tr: Translator) -> str:
    return title + " " + tr.gettext("(unofficial translation)") if unofficial else title


def display(view: StageView, events: str, tr: Translator, controls: str = "") -> str:
    """The room's display of one session; `events` is where live.js listens, `controls` a moderator's form."""
    session, turn = view.session, view.turn
    attributes = f' class="stage" data-events="{escape(events)}"'
    clock = countdown(left(turn, view.now)) if turn else ""
    upcoming = "".join(upcoming_item(n, tr) for n in view.upcoming)
    objectives = "".join(
        f"<li>{escape(f'{o.number}. ' + _marked(o.title_in(tr.language), o.unofficial_in(tr.language), tr))}</li>"
        for o in view.objectives
    )
    title = session_title(view, tr)
    nobody = escape(tr.gettext("Nobody has the floor"))
    time_left = escape(tr.gettext("Time left"))
    has_floor, next_speakers = escape(tr.gettext("Has the floor")), escape(tr.gettext("Next speakers"))
    objectives_label = escape(tr.gettext("Objectives"))
    # not user-facing: the page's markup (its words are translated)
    body = f"""<header class="top">
<h1 id="title">{escape(title)}</h1>
<p class="when"><span class="meeting-time">{escape(span_text(session.start, session.end, view.meeting_zone))}</span>
<span class="local" data-start="{millis(session.start)}" data-end="{millis(session.end)}"></span></p>
<p class="meeting">{escape(view.meeting.title_in(tr.language))}</p>
</header>
<main>
<section class="floor" aria-labelledby="floor-label">
<h2 id="floor-label" class="label">{has_floor}</h2>
<div id="speaker" class="speaker" aria-live="polite" aria-atomic="true">
<p id="name" class="name">{escape(turn.speaker.name) if turn else nobody}</p>
<p id="delegation" class="delegation">{escape(turn.speaker.delegation) if turn else ""}</p>
<p id="meta" class="meta">{escape(meta(turn.speaker, tr)) if turn else ""}</p>
<p id="paused" class="paused">{escape(paused_text(turn, tr)) if turn else ""}</p>
</div>
<p id="countdown" class="{countdown_class(turn, view)}" role="timer" aria-label="{time_left}">{clock}</p>
</section>
<section class="next" aria-labelledby="next-label">
<h2 id="next-label" class="label">{next_speakers}</h2>
<ol id="upcoming">{upcoming}</ol>
<p id="list" class="list-state">{escape(list_state(view, tr))}</p>
</section>
<section class="objectives" aria-labelledby="objectives-label">
<h2 id="objectives-label" class="label">{objectives_label}</h2>
<ul id="objectives">{objectives}</ul>
</section>
{controls}
</main>"""
    return page(tr.gettext("{title} — live").format(title=title), body, tr, body_attributes=attributes)


def countdown_class(turn: Turn | None, view: StageView) -> str:
    """As live.js sets it: 'countdown', then 'amber' or 'red', then 'paused' while a point of order pauses it."""
    paused = "paused" if turn is not None and turn.suspended_at is not None else ""
    return " ".join(part for part in ("countdown", phase(turn, view), paused) if part)


def upcoming_item(named: Named, tr: Translator) -> str:
    origin = named.delegation or tr.gettext(named.category)
    # not user-facing: the page's markup (its words are translated)
    return f'<li><span class="who">{escape(named.name)}</span><span class="from">{escape(origin)}</span></li>'


def not_found(tr: Translator) -> str:
    text = escape(tr.gettext("Not found"))
    return page(tr.gettext("Not found"), f"<main><h1>{text}</h1></main>", tr, refresh=False)


def expired(tr: Translator) -> str:
    text = tr.gettext("This moderator link has expired: ask the secretariat for a new one.")
    return page(tr.gettext("Link expired"), f"<main><h1>{escape(text)}</h1></main>", tr, refresh=False)
