"""Reminders and digests as text: what is coming, when in the reader's time, the links, and who is up at night."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.text.labels import session_title
from bot.adapters.text.times import Times, long_day
from bot.domain.durations import format_duration
from bot.domain.reminders import NoticeKind
from bot.services.translation import Translator
from bot.services.views import NightTime, ReminderView, SubscriptionsView


def reminder_text(view: ReminderView, times: Times, card_lines: list[str], tr: Translator) -> str:
    """`card_lines` holds the rendered session cards (title, time, objectives, links, moderators)."""
    kind = view.notice.kind
    if kind is NoticeKind.DIGEST:
        return _digest(view, times, tr)
    first = view.cards[0]
    if kind is NoticeKind.BEFORE:
        head = tr.gettext("In {span}:").format(span=_spoken(-view.notice.offset, tr))
    elif kind is NoticeKind.START:
        head = tr.gettext("Starting now:")
    else:
        head = tr.gettext("The list of speakers of {session} is open.").format(session=session_title(first.session, tr))
    lines = [head, *card_lines]
    channel = first.session.channel
    if kind is not NoticeKind.LIST_OPEN and view.list_open:
        lines.append(
            tr.gettext("The list of speakers is open: /hand in #{channel} to ask for the floor.").format(
                channel=channel
            )
            if channel
            else tr.gettext("The list of speakers is open: /hand to ask for the floor.")
        )
    elif kind is NoticeKind.BEFORE and channel:
        lines.append(
            tr.gettext("Ask for the floor with /hand in #{channel} once the session starts.").format(channel=channel)
        )
    return "\n".join(lines)


def subscriptions_text(view: SubscriptionsView, tr: Translator) -> str:
    if not view.sessions:
        return tr.gettext("You have no personal reminders. /remind me SESSION (or all) sets one.")
    named = ", ".join(tr.gettext("every session") if s == "*" else s for s in view.sessions)
    return tr.gettext("You will be reminded of: {sessions}. /remind off stops them.").format(sessions=named)


def _digest(view: ReminderView, times: Times, tr: Translator) -> str:
    day = long_day(view.cards[0].session.start.astimezone(view.reader.shown_zone), tr)
    lines = [tr.gettext("Tomorrow, {date}:").format(date=day)]
    night = dict(view.night)
    for card in view.cards:
        session = card.session
        span = times.span(session.start, session.end, view.reader, tr)
        lines.append(f"  {span}  {session_title(session, tr)} ({session.id})")
        late = night.get(session.id, ())
        if late:
            starts = ", ".join(_night(n) for n in late)
            lines.append("      " + tr.gettext("in the night for: {delegations}").format(delegations=starts))
    lines.append(
        tr.gettext("/agenda shows the day in your own time; /remind me SESSION sends you a personal reminder.")
    )
    return "\n".join(lines)


def _night(night: NightTime) -> str:
    """'US 04:00' in the State's own zone; 'CA 01:00 Vancouver' where one of its delegates sits elsewhere."""
    where = "" if night.capital else f" {night.zone.rsplit('/', 1)[-1].replace('_', ' ')}"
    return f"{night.delegation} {night.start:%H:%M}{where}"


def _spoken(span: timedelta, tr: Translator) -> str:
    """'15 minutes', '1 hour', '90 seconds': how a reminder says how long until the session."""
    seconds = int(span.total_seconds())
    if seconds >= 3600 and seconds % 3600 == 0:
        count = seconds // 3600
        return tr.ngettext("{count} hour", "{count} hours", count).format(count=count)
    if seconds >= 60 and seconds % 60 == 0:
        count = seconds // 60
        return tr.ngettext("{count} minute", "{count} minutes", count).format(count=count)
    return format_duration(span)
