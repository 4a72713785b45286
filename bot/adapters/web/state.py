"""The live page's state as JSON and as server-rendered text: times as epoch milliseconds, the countdown as m:ss.

The state is data (names, numbers, codes for kinds and categories, titles in every language), one message for
every open page whatever its language; each page carries its own words for those codes (`labels`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.domain.language import N_, Language
from bot.domain.naming import CATEGORY_NAMES
from bot.domain.settings import Category
from bot.services.stage import Named, StageView, Turn
from bot.services.translation import Translator

KINDS = {
    "order": N_("point of order"),
    "question": N_("question"),
    "reply": N_("reply"),
    "statement": N_("statement"),
    "right-of-reply": N_("right of reply"),
}
# A count that picks each plural category of CLDR (what the browser's Intl.PluralRules says) from the catalog.
PLURAL_SAMPLES = {"one": 1, "few": 2, "many": 5, "other": 10}


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
        "titles": {language.value: session.title_in(language) for language in Language},
        "unofficial": [language.value for language in Language if session.unofficial_in(language)],
        "start": millis(session.start),
        "end": millis(session.end),
        "objectives": [
            {
                "number": o.number,
                "titles": {language.value: o.title_in(language) for language in Language},
                "unofficial": [language.value for language in Language if o.unofficial_in(language)],
            }
            for o in view.objectives
        ],
        "list": list_state(view),  # in English, for a reader of the stream; pages show their own words
        "open": view.list_open,
        "waiting": view.waiting,
        "turn": _turn(view.turn) if view.turn else None,
        "upcoming": [_named(n) for n in view.upcoming],
        "warning": round(view.warning.total_seconds() * 1000),
    }


def labels(tr: Translator) -> dict[str, Any]:
    """The page's words for the state's codes, in its language: live.js fills the state in with them."""
    return {
        "nobody": tr.gettext("Nobody has the floor"),
        "open": _forms(
            lambda n: tr.ngettext(
                "List of speakers open · {count} waiting", "List of speakers open · {count} waiting", n
            )
        ),
        "closed": _forms(
            lambda n: tr.ngettext(
                "List of speakers closed · {count} waiting", "List of speakers closed · {count} waiting", n
            )
        ),
        "kinds": {code: tr.gettext(name) for code, name in KINDS.items()},
        "categories": {category.value: tr.gettext(CATEGORY_NAMES[category]) for category in Category},
        "paused": tr.gettext("paused — point of order by {name}"),
        "unofficial": tr.gettext("(unofficial translation)"),
        "yourTime": tr.gettext("{start}–{end} your time ({zone})"),
        "yourZone": tr.gettext("your zone"),
    }


def _forms(pick: Callable[[int], str]) -> dict[str, str]:
    """A plural message's form for each plural category (one, few, many, other), as the catalog gives them."""
    return {category: pick(count) for category, count in PLURAL_SAMPLES.items()}


def list_state(view: StageView, tr: Translator | None = None) -> str:
    """'List of speakers open · 3 waiting' in the reader's language (English for the stream)."""
    count = view.waiting
    if tr is None:
        return f"List of speakers {'open' if view.list_open else 'closed'} · {count} waiting"  # not user-facing: JSON
    if view.list_open:
        text = tr.ngettext("List of speakers open · {count} waiting", "List of speakers open · {count} waiting", count)
    else:
        text = tr.ngettext(
            "List of speakers closed · {count} waiting", "List of speakers closed · {count} waiting", count
        )
    return text.format(count=count)


def _turn(turn: Turn) -> dict[str, Any]:
    return {
        **_named(turn.speaker),
        "deadline": millis(turn.deadline),
        "suspended": millis(turn.suspended_at),
        "pausedBy": turn.paused_by.name if turn.paused_by else None,
    }


def _named(named: Named) -> dict[str, str]:
    return {
        "name": named.name,
        "delegation": named.delegation,
        "category": category_code(named),
        "kind": named.kind.value,
    }


def category_code(named: Named) -> str:
    """The category's code ('member-state') from the name the stage gives ('Member State')."""
    return next((c.value for c, name in CATEGORY_NAMES.items() if name == named.category), named.category)


def meta(named: Named, tr: Translator) -> str:
    """'Member State · statement'."""
    kind = KINDS.get(named.kind.value, named.kind.value)
    return " · ".join(tr.gettext(part) for part in (named.category, kind) if part)


def paused_text(turn: Turn, tr: Translator) -> str:
    if turn.paused_by is None:
        return ""
    return tr.gettext("paused — point of order by {name}").format(name=turn.paused_by.name)


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
