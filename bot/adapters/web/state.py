"""The live page's state as JSON and as server-rendered text: times as epoch milliseconds, the countdown as m:ss."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta
from typing import Any

from bot.services.stage import Named, StageView, Turn

KINDS = {
    "order": "point of order",
    "question": "question",
    "reply": "reply",
    "statement": "statement",
    "right-of-reply": "right of reply",
}


def millis(moment: datetime | None) -> int | None:
    return None if moment is None else round(moment.timestamp() * 1000)


def state_json(view: StageView, rate: float) -> str:
    """Everything the page shows, once per change: the browser runs the countdown from these times."""
    return json.dumps(state(view, rate), ensure_ascii=False, separators=(",", ":"))


def clock_json(now: datetime, rate: float) -> str:
    """The server's time, now and then, so a page corrects its clock (skew, or a simulated clock's jumps)."""
    return json.dumps({"now": millis(now), "rate": rate}, separators=(",", ":"))


def state(view: StageView, rate: float) -> dict[str, Any]:
    session = view.session
    return {
        "version": view.version,
        "now": millis(view.now),
        "rate": rate,
        "title": session.title,
        "start": millis(session.start),
        "end": millis(session.end),
        "objectives": [f"{o.number}. {o.title}" for o in view.objectives],
        "list": list_state(view),
        "turn": _turn(view.turn) if view.turn else None,
        "upcoming": [_named(n) for n in view.upcoming],
        "warning": round(view.warning.total_seconds() * 1000),
    }


def list_state(view: StageView) -> str:
    opened = "open" if view.list_open else "closed"
    return f"List of speakers {opened} · {view.waiting} waiting"


def _turn(turn: Turn) -> dict[str, Any]:
    return {
        **_named(turn.speaker),
        "deadline": millis(turn.deadline),
        "suspended": millis(turn.suspended_at),
        "pausedBy": paused_text(turn),
    }


def _named(named: Named) -> dict[str, str]:
    return {"name": named.name, "delegation": named.delegation, "meta": meta(named)}


def meta(named: Named) -> str:
    """'Member State · statement'."""
    return " · ".join(part for part in (named.category, KINDS.get(named.kind.value, named.kind.value)) if part)


def paused_text(turn: Turn) -> str:
    return f"paused — point of order by {turn.paused_by.name}" if turn.paused_by else ""


def left(turn: Turn, now: datetime) -> timedelta | None:
    """The time left on the turn's clock (below zero once over), frozen while a point of order pauses it."""
    return None if turn.deadline is None else turn.deadline - (turn.suspended_at or now)


def countdown(span: timedelta | None) -> str:
    """'2:31' (whole seconds, rounded up as a countdown reads), '−0:12' once over, '—' without a limit."""
    if span is None:
        return "—"
    milliseconds = span.total_seconds() * 1000
    seconds = math.ceil(milliseconds / 1000) if milliseconds >= 0 else math.floor(-milliseconds / 1000)
    sign = "" if milliseconds >= 0 else "−"
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def phase(turn: Turn | None, view: StageView) -> str:
    """'' while time is ample, 'amber' in the warning's last seconds, 'red' once over, as the floor clock says."""
    span = left(turn, view.now) if turn else None
    if span is None:
        return ""
    if span <= timedelta(0):
        return "red"
    return "amber" if span <= view.warning else ""
