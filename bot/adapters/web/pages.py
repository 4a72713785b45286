"""The session's display as server-rendered HTML: every typed name escaped, no inline script; live.js fills its ids."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from bot.adapters.text.times import zone_label
from bot.adapters.web.state import countdown, left, list_state, meta, millis, paused_text, phase
from bot.services.stage import Named, StageView, Turn

STATIC = "/static"
NOBODY = "Nobody has the floor"


def page(title: str, body: str, *, body_attributes: str = "", refresh: bool = True) -> str:
    """The document around a page's body; without JavaScript it reloads itself every 5 seconds (`refresh`)."""
    reload = '<noscript><meta http-equiv="refresh" content="5"></noscript>' if refresh else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{STATIC}/live.css">
<script src="{STATIC}/live.js" defer></script>
{reload}
</head>
<body{body_attributes}>
{body}
</body>
</html>
"""


def span_text(start: datetime, end: datetime, zone: str) -> str:
    """'10:40–12:10 CET': a session's time in the meeting's zone."""
    tz = ZoneInfo(zone)
    return f"{start.astimezone(tz):%H:%M}–{end.astimezone(tz):%H:%M} {zone_label(start, tz)}"


def display(view: StageView, events: str, controls: str = "") -> str:
    """The room's display of one session; `events` is where live.js listens, `controls` a moderator's form."""
    session, turn = view.session, view.turn
    attributes = f' class="stage" data-events="{escape(events)}"'
    clock = countdown(left(turn, view.now)) if turn else ""
    upcoming = "".join(upcoming_item(n) for n in view.upcoming)
    objectives = "".join(f"<li>{escape(f'{o.number}. {o.title}')}</li>" for o in view.objectives)
    body = f"""<header class="top">
<h1 id="title">{escape(session.title)}</h1>
<p class="when"><span class="meeting-time">{escape(span_text(session.start, session.end, view.meeting_zone))}</span>
<span class="local" data-start="{millis(session.start)}" data-end="{millis(session.end)}"></span></p>
<p class="meeting">{escape(view.meeting_title)}</p>
</header>
<main>
<section class="floor" aria-labelledby="floor-label">
<h2 id="floor-label" class="label">Has the floor</h2>
<div id="speaker" class="speaker" aria-live="polite" aria-atomic="true">
<p id="name" class="name">{escape(turn.speaker.name) if turn else NOBODY}</p>
<p id="delegation" class="delegation">{escape(turn.speaker.delegation) if turn else ""}</p>
<p id="meta" class="meta">{escape(meta(turn.speaker)) if turn else ""}</p>
<p id="paused" class="paused">{escape(paused_text(turn)) if turn else ""}</p>
</div>
<p id="countdown" class="{countdown_class(turn, view)}" role="timer" aria-label="Time left">{clock}</p>
</section>
<section class="next" aria-labelledby="next-label">
<h2 id="next-label" class="label">Next speakers</h2>
<ol id="upcoming">{upcoming}</ol>
<p id="list" class="list-state">{escape(list_state(view))}</p>
</section>
<section class="objectives" aria-labelledby="objectives-label">
<h2 id="objectives-label" class="label">Objectives</h2>
<ul id="objectives">{objectives}</ul>
</section>
{controls}
</main>"""
    return page(f"{session.title} — live", body, body_attributes=attributes)


def countdown_class(turn: Turn | None, view: StageView) -> str:
    """As live.js sets it: 'countdown', then 'amber' or 'red', then 'paused' while a point of order pauses it."""
    paused = "paused" if turn is not None and turn.suspended_at is not None else ""
    return " ".join(part for part in ("countdown", phase(turn, view), paused) if part)


def upcoming_item(named: Named) -> str:
    return (
        f'<li><span class="who">{escape(named.name)}</span>'
        f'<span class="from">{escape(named.delegation or named.category)}</span></li>'
    )


def not_found() -> str:
    return page("Not found", "<main><h1>Not found</h1></main>", refresh=False)


def expired() -> str:
    text = "This moderator link has expired: ask the secretariat for a new one."
    return page("Link expired", f"<main><h1>{escape(text)}</h1></main>", refresh=False)
