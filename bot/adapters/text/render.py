"""Views as plain text: the agenda table, what is on now, a session card, help, refusals."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from zoneinfo import ZoneInfo

from bot.adapters.text.acks import ack_text
from bot.adapters.text.floor import floor_text, queue_text
from bot.adapters.text.inert import inert
from bot.adapters.text.interests import decision_text, interests_text
from bot.adapters.text.labels import UNOFFICIAL, objective_title, session_title
from bot.adapters.text.refusals import refusal_line
from bot.adapters.text.reminders import reminder_text, subscriptions_text
from bot.adapters.text.submissions import deadline_text, submissions_text
from bot.adapters.text.times import Times, long_day
from bot.domain.language import N_, Language
from bot.domain.meeting import Session, SessionKind
from bot.services.registry import Audience
from bot.services.schedule_check import ScheduleSummary
from bot.services.translation import Translator
from bot.services.views import (
    AckView,
    AgendaView,
    DeadlineView,
    FloorView,
    HelpView,
    InterestDecisionView,
    InterestsView,
    NowView,
    QueueView,
    Reader,
    RefusalView,
    ReminderView,
    SessionCard,
    SessionView,
    SubmissionsView,
    SubscriptionsView,
    View,
)

NIGHT = "☾"
NOW = "▶"
_ONLY = {
    Audience.MODERATOR: N_("(moderators only)"),
    Audience.NOTETAKER: N_("(notetakers only)"),
    Audience.STAFF: N_("(staff only)"),
}


def render(view: View, times: Times, tr: Translator) -> str:
    """The view as text; a title shown in an unofficial translation is marked, and the mark explained once."""
    text = _rendered(view, times, tr)
    if UNOFFICIAL in text:
        text += "\n" + tr.gettext("{mark} unofficial translation").format(mark=UNOFFICIAL)
    return text


@singledispatch
def _rendered(view: View, times: Times, tr: Translator) -> str:
    raise TypeError(f"no plain-text rendering for {type(view).__name__}")


@_rendered.register
def _agenda(view: AgendaView, times: Times, tr: Translator) -> str:
    # The offset named in the header is the one in force during the meeting, not today's.
    shown_at = view.rows[0].session.start if view.rows else view.now
    lines = [view.title, times.header(view.reader, shown_at, tr)]
    day = None
    for row in view.rows:
        if row.day_number != day:
            day = row.day_number
            local_day = row.session.start.astimezone(view.reader.shown_zone)
            lines += ["", tr.gettext("Day {number} · {date}").format(number=day, date=long_day(local_day, tr))]
        marks = (NOW if row.current else " ") + (NIGHT if row.night else " ")
        session = row.session
        span = times.span(session.start, session.end, view.reader, tr)
        lines.append(f"  {marks} {span}  {session_title(session, tr)} ({session.id}){_objective_numbers(session, tr)}")
    legend = [
        tr.gettext("{night} in the night where you are (00:00–06:59)").format(night=NIGHT)
        if any(r.night for r in view.rows)
        else "",
        tr.gettext("{now} on now").format(now=NOW) if any(r.current for r in view.rows) else "",
    ]
    if any(legend):
        lines += ["", "   ".join(item for item in legend if item)]
    if view.footer:
        lines += ["", tr.gettext("Source: {source}").format(source=view.footer)]
    return "\n".join(lines)


@_rendered.register
def _now(view: NowView, times: Times, tr: Translator) -> str:
    if view.meeting_over:
        return tr.gettext("The meeting is over. /agenda shows what took place.")
    lines = [tr.gettext("It is {moment}.").format(moment=times.moment(view.now, view.reader))]
    if view.current:
        lines += ["", tr.gettext("On now:"), *_card(view.current, times, view.reader, tr)]
    else:
        lines += ["", tr.gettext("No session is on now.")]
    if view.upcoming:
        lines += ["", tr.gettext("Next:"), *_card(view.upcoming, times, view.reader, tr)]
    return "\n".join(lines)


@_rendered.register
def _session(view: SessionView, times: Times, tr: Translator) -> str:
    return "\n".join(_card(view.card, times, view.reader, tr))


@_rendered.register
def _help(view: HelpView, times: Times, tr: Translator) -> str:
    if not view.detailed:
        lines = [tr.gettext("Commands:")]
        lines += [f"  {c.usage:<28} {tr.gettext(c.summary)}{_audience(c.audience, tr)}" for c in view.commands]
        lines.append(tr.gettext("/help COMMAND explains one command."))
        return "\n".join(lines)
    command = view.commands[0]
    if command.subcommands:
        lines = [f"/{command.name}: {tr.gettext(command.summary)}"]
        lines += [f"  {s.usage:<34} {tr.gettext(s.summary)}" for s in command.subcommands]
        return "\n".join(lines)
    lines = [f"{command.usage}  {tr.gettext(command.summary)}{_audience(command.audience, tr)}"]
    for p in command.params:
        optional = "" if p.required else " " + tr.gettext("(optional)")
        lines.append("  " + _labelled(p.name.upper(), tr.gettext(p.help), tr) + optional)
    if command.example:
        lines.append("  " + tr.gettext("Example: {example}").format(example=tr.gettext(command.example)))
    return "\n".join(lines)


@_rendered.register
def _refusal(view: RefusalView, times: Times, tr: Translator) -> str:
    return refusal_line(view, tr)


@_rendered.register
def _ack(view: AckView, times: Times, tr: Translator) -> str:
    return ack_text(view, tr)


@_rendered.register
def _queue(view: QueueView, times: Times, tr: Translator) -> str:
    return queue_text(view, times, tr)


@_rendered.register
def _floor(view: FloorView, times: Times, tr: Translator) -> str:
    return floor_text(view, times, tr)


@_rendered.register
def _reminder(view: ReminderView, times: Times, tr: Translator) -> str:
    cards = [line for card in view.cards for line in _card(card, times, view.reader, tr)]
    return reminder_text(view, times, cards, tr)


@_rendered.register
def _subscriptions(view: SubscriptionsView, times: Times, tr: Translator) -> str:
    return subscriptions_text(view, tr)


@_rendered.register
def _deadline(view: DeadlineView, times: Times, tr: Translator) -> str:
    return deadline_text(view, times, tr)


@_rendered.register
def _submissions(view: SubmissionsView, times: Times, tr: Translator) -> str:
    return submissions_text(view, times, tr)


@_rendered.register
def _decision(view: InterestDecisionView, times: Times, tr: Translator) -> str:
    return decision_text(view, times, tr)


@_rendered.register
def _interests(view: InterestsView, times: Times, tr: Translator) -> str:
    return interests_text(view, times, tr)


def _card(card: SessionCard, times: Times, reader: Reader, tr: Translator) -> list[str]:
    session = card.session
    span = times.span(session.start, session.end, reader, tr)
    when = (
        tr.gettext("When: {span} {night} in your night").format(span=span, night=NIGHT)
        if card.night
        else tr.gettext("When: {span}").format(span=span)
    )
    lines = [f"{session_title(session, tr)} ({session.id})", f"  {when}"]
    if session.kind is SessionKind.BREAK:
        return lines
    lines += [
        "  " + tr.gettext("Objective {number}: {title}").format(number=o.number, title=objective_title(o, tr))
        for o in card.objectives
    ]
    lines += [
        "  "
        + _labelled(_link_name(link.kind, tr), link.url, tr)
        + (" " + tr.gettext("(placeholder)") if link.is_placeholder else "")
        for link in card.links
    ]
    if card.moderators:
        names = ", ".join(inert(m) for m in card.moderators)
        lines.append("  " + tr.gettext("Moderated by {names}").format(names=names))
    if session.channel:
        lines.append("  " + tr.gettext("Channel: #{channel}").format(channel=session.channel))
    return lines


def _labelled(label: str, text: str, tr: Translator) -> str:
    """'Join: https://…': a label and what it names, with the colon as the language sets it (French spaces it)."""
    return tr.gettext("{label}: {text}").format(label=label, text=text)


def _link_name(kind: str, tr: Translator) -> str:
    """The kinds of link the shipped timetables use, in the reader's language; any other as the schedule names it."""
    names = {
        "join": tr.pgettext("link", "Join"),
        "interpretation": tr.pgettext("link", "Interpretation"),
        "documents": tr.pgettext("link", "Documents"),
    }
    return names.get(kind, kind.capitalize())


def _objective_numbers(session: Session, tr: Translator) -> str:
    numbers = ", ".join(map(str, session.objectives))
    return " · " + tr.gettext("objectives {numbers}").format(numbers=numbers) if session.objectives else ""


def _audience(audience: Audience, tr: Translator) -> str:
    return "" if audience is Audience.EVERYONE else " " + tr.gettext(_ONLY[audience])


def _day(moment: date, tr: Translator) -> str:
    """'12 November 2020' (English as it always read, zero-padded), else the language's long date."""
    return f"{moment:%d %B %Y}" if tr.language is Language.EN else tr.date(moment, "long")


def schedule_summary(summary: ScheduleSummary, tr: Translator) -> str:
    """One paragraph a secretariat can read back to check it loaded the right timetable."""
    meeting = summary.meeting
    zone = ZoneInfo(meeting.timezone)
    first, last = summary.first_start.astimezone(zone), summary.last_end.astimezone(zone)
    days = _day(meeting.days[0], tr)
    if len(meeting.days) > 1:
        days = tr.gettext("{first} to {last}").format(first=days, last=_day(meeting.days[-1], tr))
    text = tr.gettext(
        "{source}: {title}. {count} day(s), {days}, in {zone}; {sessions} sessions ({breaks} breaks), "
        "earliest start {first}, latest end {last} local ({first_utc}–{last_utc} UTC)."
    ).format(
        source=summary.source,
        title=meeting.short_title or meeting.title,
        count=len(meeting.days),
        days=days,
        zone=meeting.timezone,
        sessions=summary.sessions,
        breaks=summary.breaks,
        first=f"{first:%H:%M}",
        last=f"{last:%H:%M}",
        first_utc=f"{summary.first_start:%H:%M}",
        last_utc=f"{summary.last_end:%H:%M}",
    )
    if meeting.objectives:
        text += " " + tr.gettext("{roundtables} roundtables cover {covered} of {total} objectives, each once.").format(
            roundtables=summary.roundtables, covered=summary.objectives_covered, total=len(meeting.objectives)
        )
    if summary.placeholder_links:
        text += " " + tr.gettext("{count} links are placeholders (.invalid) to replace before the meeting.").format(
            count=summary.placeholder_links
        )
    return text + " " + tr.gettext("No problems found.")
