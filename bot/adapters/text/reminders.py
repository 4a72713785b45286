"""Reminders and digests as text: what is coming, when in the reader's time, the links, and who is up at night."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.text.times import Times
from bot.domain.durations import format_duration
from bot.domain.reminders import NoticeKind
from bot.services.views import NightTime, ReminderView, SessionCard, SubscriptionsView


def reminder_text(view: ReminderView, times: Times, card_lines: list[str]) -> str:
    """`card_lines` holds the rendered session cards (title, time, objectives, links, moderators)."""
    kind = view.notice.kind
    if kind is NoticeKind.DIGEST:
        return _digest(view, times)
    first = view.cards[0]
    if kind is NoticeKind.BEFORE:
        head = f"In {_spoken(-view.notice.offset)}:"
    elif kind is NoticeKind.START:
        head = "Starting now:"
    else:
        head = f"The list of speakers of {first.session.title} is open."
    lines = [head, *card_lines]
    if kind is not NoticeKind.LIST_OPEN and view.list_open:
        lines.append(f"The list of speakers is open: /hand{_in(first)} to ask for the floor.")
    elif kind is NoticeKind.BEFORE and first.session.channel:
        lines.append(f"Ask for the floor with /hand{_in(first)} once the session starts.")
    return "\n".join(lines)


def subscriptions_text(view: SubscriptionsView) -> str:
    if not view.sessions:
        return "You have no personal reminders. /remind me SESSION (or all) sets one."
    named = ", ".join("every session" if s == "*" else s for s in view.sessions)
    return f"You will be reminded of: {named}. /remind off stops them."


def _digest(view: ReminderView, times: Times) -> str:
    day = view.cards[0].session.start.astimezone(view.reader.shown_zone).strftime("%A %d %B %Y")
    lines = [f"Tomorrow, {day}:"]
    night = dict(view.night)
    for card in view.cards:
        session = card.session
        lines.append(f"  {times.span(session.start, session.end, view.reader)}  {session.title} ({session.id})")
        late = night.get(session.id, ())
        if late:
            starts = ", ".join(_night(n) for n in late)
            lines.append(f"      in the night for: {starts}")
    lines.append("/agenda shows the day in your own time; /remind me SESSION sends you a personal reminder.")
    return "\n".join(lines)


def _night(night: NightTime) -> str:
    """'US 04:00' in the State's own zone; 'CA 01:00 Vancouver' where one of its delegates sits elsewhere."""
    where = "" if night.capital else f" {night.zone.rsplit('/', 1)[-1].replace('_', ' ')}"
    return f"{night.delegation} {night.start:%H:%M}{where}"


def _spoken(span: timedelta) -> str:
    """'15 minutes', '1 hour', '90 seconds': how a reminder says how long until the session."""
    seconds = int(span.total_seconds())
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds % size == 0 and seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count > 1 else ''}"
    return format_duration(span)


def _in(card: SessionCard) -> str:
    return f" in #{card.session.channel}" if card.session.channel else ""
