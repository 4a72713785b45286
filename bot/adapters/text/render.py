"""Views as plain text: the agenda table, what is on now, a session card, help, refusals."""

from __future__ import annotations

from functools import singledispatch
from zoneinfo import ZoneInfo

from bot.adapters.text.floor import ack_text, floor_text, queue_text
from bot.adapters.text.inert import inert
from bot.adapters.text.interests import decision_text, interests_text
from bot.adapters.text.refusals import refusal_line
from bot.adapters.text.reminders import reminder_text, subscriptions_text
from bot.adapters.text.submissions import deadline_text, submissions_text
from bot.adapters.text.times import Times
from bot.domain.meeting import SessionKind
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


@singledispatch
def render(view: View, times: Times, tr: Translator) -> str:
    raise TypeError(f"no plain-text rendering for {type(view).__name__}")


@render.register
def _agenda(view: AgendaView, times: Times, tr: Translator) -> str:
    # The offset named in the header is the one in force during the meeting, not today's.
    shown_at = view.rows[0].session.start if view.rows else view.now
    lines = [view.title, times.header(view.reader, shown_at)]
    day = None
    for row in view.rows:
        if row.day_number != day:
            day = row.day_number
            lines += ["", f"Day {day} · {row.session.start.astimezone(view.reader.shown_zone):%A %d %B %Y}"]
        marks = (NOW if row.current else " ") + (NIGHT if row.night else " ")
        objectives = _objective_numbers(row.session.objectives)
        lines.append(
            f"  {marks} {times.span(row.session.start, row.session.end, view.reader)}  "
            f"{row.session.title} ({row.session.id}){objectives}"
        )
    legend = [
        f"{NIGHT} in the night where you are (00:00–06:59)" if any(r.night for r in view.rows) else "",
        f"{NOW} on now" if any(r.current for r in view.rows) else "",
    ]
    if any(legend):
        lines += ["", "   ".join(item for item in legend if item)]
    if view.footer:
        lines += ["", f"Source: {view.footer}"]
    return "\n".join(lines)


@render.register
def _now(view: NowView, times: Times, tr: Translator) -> str:
    if view.meeting_over:
        return "The meeting is over. /agenda shows what took place."
    lines = [f"It is {times.moment(view.now, view.reader)}."]
    if view.current:
        lines += ["", "On now:", *_card(view.current, times, view.reader)]
    else:
        lines += ["", "No session is on now."]
    if view.upcoming:
        lines += ["", "Next:", *_card(view.upcoming, times, view.reader)]
    return "\n".join(lines)


@render.register
def _session(view: SessionView, times: Times, tr: Translator) -> str:
    return "\n".join(_card(view.card, times, view.reader))


@render.register
def _help(view: HelpView, times: Times, tr: Translator) -> str:
    if not view.detailed:
        lines = ["Commands:"]
        lines += [f"  {c.usage:<28} {c.summary}{_audience(c.audience)}" for c in view.commands]
        lines.append("/help COMMAND explains one command.")
        return "\n".join(lines)
    command = view.commands[0]
    if command.subcommands:
        lines = [f"/{command.name}: {command.summary}"]
        lines += [f"  {s.usage:<34} {s.summary}" for s in command.subcommands]
        return "\n".join(lines)
    lines = [f"{command.usage}  {command.summary}{_audience(command.audience)}"]
    lines += [f"  {p.name.upper()}: {p.help}" + ("" if p.required else " (optional)") for p in command.params]
    if command.example:
        lines.append(f"  Example: {command.example}")
    return "\n".join(lines)


@render.register
def _refusal(view: RefusalView, times: Times, tr: Translator) -> str:
    return refusal_line(view)


@render.register
def _ack(view: AckView, times: Times, tr: Translator) -> str:
    return ack_text(view)


@render.register
def _queue(view: QueueView, times: Times, tr: Translator) -> str:
    return queue_text(view, times)


@render.register
def _floor(view: FloorView, times: Times, tr: Translator) -> str:
    return floor_text(view, times)


@render.register
def _reminder(view: ReminderView, times: Times, tr: Translator) -> str:
    cards = [line for card in view.cards for line in _card(card, times, view.reader)]
    return reminder_text(view, times, cards)


@render.register
def _subscriptions(view: SubscriptionsView, times: Times, tr: Translator) -> str:
    return subscriptions_text(view)


@render.register
def _deadline(view: DeadlineView, times: Times, tr: Translator) -> str:
    return deadline_text(view, times)


@render.register
def _submissions(view: SubmissionsView, times: Times, tr: Translator) -> str:
    return submissions_text(view, times)


@render.register
def _decision(view: InterestDecisionView, times: Times, tr: Translator) -> str:
    return decision_text(view, times)


@render.register
def _interests(view: InterestsView, times: Times, tr: Translator) -> str:
    return interests_text(view, times)


def _card(card: SessionCard, times: Times, reader: Reader) -> list[str]:
    session = card.session
    night = f" {NIGHT} in your night" if card.night else ""
    lines = [
        f"{session.title} ({session.id})",
        f"  When: {times.span(session.start, session.end, reader)}{night}",
    ]
    if session.kind is SessionKind.BREAK:
        return lines
    lines += [f"  Objective {o.number}: {o.title}" for o in card.objectives]
    lines += [
        f"  {link.kind.capitalize()}: {link.url}" + (" (placeholder)" if link.is_placeholder else "")
        for link in card.links
    ]
    if card.moderators:
        lines.append(f"  Moderated by {', '.join(inert(m) for m in card.moderators)}")
    if session.channel:
        lines.append(f"  Channel: #{session.channel}")
    return lines


def _objective_numbers(numbers: tuple[int, ...]) -> str:
    return f" · objectives {', '.join(map(str, numbers))}" if numbers else ""


def _audience(audience: Audience) -> str:
    plural = {Audience.MODERATOR: "moderators", Audience.NOTETAKER: "notetakers", Audience.STAFF: "staff"}
    return "" if audience is Audience.EVERYONE else f" ({plural[audience]} only)"


def schedule_summary(summary: ScheduleSummary) -> str:
    """One paragraph a secretariat can read back to check it loaded the right timetable."""
    meeting = summary.meeting
    zone = ZoneInfo(meeting.timezone)
    first, last = summary.first_start.astimezone(zone), summary.last_end.astimezone(zone)
    days = f"{meeting.days[0]:%d %B %Y}" + (f" to {meeting.days[-1]:%d %B %Y}" if len(meeting.days) > 1 else "")
    text = (
        f"{summary.source}: {meeting.short_title or meeting.title}. {len(meeting.days)} day(s), {days}, "
        f"in {meeting.timezone}; {summary.sessions} sessions ({summary.breaks} breaks), "
        f"earliest start {first:%H:%M}, latest end {last:%H:%M} local "
        f"({summary.first_start:%H:%M}–{summary.last_end:%H:%M} UTC)."
    )
    if meeting.objectives:
        text += (
            f" {summary.roundtables} roundtables cover {summary.objectives_covered} of "
            f"{len(meeting.objectives)} objectives, each once."
        )
    if summary.placeholder_links:
        text += f" {summary.placeholder_links} links are placeholders (.invalid) to replace before the meeting."
    return text + " No problems found."
