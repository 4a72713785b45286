"""The list of speakers as text: /queue, announcements to the session channel, and confirmations."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.adapters.text.inert import inert
from bot.adapters.text.labels import category_label, duration_label, kind_label, minutes, session_title, speaker_label
from bot.adapters.text.times import Times
from bot.domain.queue import events as ev
from bot.domain.queue.entries import Intervention, QueueEntry
from bot.services.translation import Translator
from bot.services.views import FloorView, QueueView, Reader


def queue_text(view: QueueView, times: Times, tr: Translator) -> str:
    fields = {"title": session_title(view.session, tr), "id": view.session.id}
    if view.opens is not None:  # the session has not begun: what is shown is its provisional list
        head = tr.gettext(
            "{title} ({id}): the list is not open yet (this is its provisional list); hands are taken from {moment}."
        ).format(moment=times.moment(view.opens, view.reader), **fields)
    elif view.list_open:
        head = tr.gettext("{title} ({id}): the list is open.").format(**fields)
    else:
        head = tr.gettext("{title} ({id}): the list is closed (points of order only).").format(**fields)
    lines = [head]
    if view.current:
        lines.append(tr.gettext("Speaking: {line}").format(line=_floor_line(view.current, times, view.reader, tr)))
    if view.interrupted:
        lines.append(tr.gettext("Interrupted: {line}").format(line=_paused_line(view.interrupted, view.now, tr)))
    if not view.upcoming:
        lines.append(tr.gettext("Nobody is waiting. /hand asks for the floor."))
    for place in view.upcoming:
        lines.append(f"  {place.position}. {_entry_line(place.entry, tr)}, {_from_now(place.wait, tr)}")
    if view.total > len(view.upcoming):
        more = view.total - len(view.upcoming)
        lines.append("  " + tr.ngettext("… and {count} more", "… and {count} more", more).format(count=more))
    for place in view.mine:
        text = tr.gettext("You: number {position} ({kind}), about {wait}.")
        kind = kind_label(place.entry.kind, tr)
        lines.append(text.format(position=place.position, kind=kind, wait=minutes(place.wait, tr)))
    return "\n".join(lines)


def floor_text(view: FloorView, times: Times, tr: Translator) -> str:  # noqa: PLR0911 - one return per kind of event
    """An announcement for the session's channel, one kind of event each."""
    session = session_title(view.session, tr)
    match view.event:
        case ev.FloorGiven(intervention=floor):
            following = ", ".join(speaker_label(e.speaker, tr) for e in view.upcoming)
            line = _floor_line(floor, times, view.reader, tr)
            if following:
                return tr.gettext("The floor: {line}\nNext: {following}.").format(line=line, following=following)
            return tr.gettext("The floor: {line}\nNobody else is waiting.").format(line=line)
        case ev.FloorInterrupted(suspended=suspended, order=order):
            note = f" — {inert(order.entry.note, 120)}" if order.entry.note else ""
            return tr.gettext("Point of order: {speaker} interrupts {interrupted}{note}; {paused}.").format(
                speaker=speaker_label(order.entry.speaker, tr),
                interrupted=speaker_label(suspended.entry.speaker, tr),
                note=note,
                paused=_paused(suspended, view.now, tr),
            )
        case ev.RulingGiven(ruling=ruling, resumed=resumed):
            back = f" {_resumes(resumed, view.now, tr)}" if resumed else ""
            return tr.gettext("Ruling of the chair: {ruling}").format(ruling=inert(ruling, 1000)) + _stop(ruling) + back
        case ev.SpeakerResumed(order=order, resumed=resumed):
            ended = tr.gettext("The point of order of {speaker} ends without a ruling.")
            return f"{ended.format(speaker=speaker_label(order.entry.speaker, tr))} {_resumes(resumed, view.now, tr)}"
        case ev.TimeWarning(intervention=floor, left=left):
            text = tr.gettext("{speaker}: {left} left.")
            return text.format(speaker=speaker_label(floor.entry.speaker, tr), left=duration_label(left, tr))
        case ev.TimeUp(intervention=floor):
            return tr.gettext("{speaker}: time is up.").format(speaker=speaker_label(floor.entry.speaker, tr))
        case ev.ListClosed():
            return tr.gettext("The list of speakers of {session} is closed; only points of order are taken.").format(
                session=session
            )
        case ev.ListOpened():
            return tr.gettext("The list of speakers of {session} is open again: /hand to ask for the floor.").format(
                session=session
            )
        case ev.LimitChanged(category=category, limit=limit):
            return _limit_text(category_label(category, tr) if category else None, limit, tr)
        case ev.RepliesCalled(waiting=waiting):
            return tr.gettext("Rights of reply are taken now ({waiting} waiting).").format(waiting=waiting)
        case ev.SessionFinished():
            return _finished(view, view.event, tr)
    return ""


def _limit_text(category: str | None, limit: timedelta, tr: Translator) -> str:
    if category is None:
        return tr.gettext("Speaking time is now {limit} for every speaker.").format(limit=duration_label(limit, tr))
    text = tr.gettext("Speaking time is now {limit} for {category} speakers.")
    return text.format(limit=duration_label(limit, tr), category=category)


def _finished(view: FloorView, event: ev.SessionFinished, tr: Translator) -> str:
    text = tr.gettext("The list of speakers of {session} is closed.").format(session=session_title(view.session, tr))
    if event.written:
        count = len(event.written)
        written = tr.ngettext(
            "{count} statement counts as submitted in writing.",
            "{count} statements count as submitted in writing.",
            count,
        )
        text += " " + written.format(count=count)
    if event.unheard:
        names = ", ".join(speaker_label(e.speaker, tr) for e in event.unheard)
        text += " " + tr.gettext("Inscribed but not heard: {names}.").format(names=names)
    return text


def _floor_line(floor: Intervention, times: Times, reader: Reader, tr: Translator) -> str:
    line = f"{speaker_label(floor.entry.speaker, tr)}, {kind_label(floor.entry.kind, tr)}"
    if floor.deadline:
        until = tr.gettext("{limit} until {moment}")
        line += ", " + until.format(
            limit=duration_label(floor.limit or timedelta(0), tr), moment=times.moment(floor.deadline, reader)
        )
    return line + (f" — {inert(floor.entry.note, 120)}" if floor.entry.note else "")


def _paused(suspended: Intervention, now: datetime, tr: Translator) -> str:
    """'their clock is paused at 1m10s left', or without a limit, 'their clock is paused'."""
    left = suspended.left(now)
    if left is None:
        return tr.gettext("their clock is paused")
    return tr.gettext("their clock is paused at {left} left").format(left=duration_label(left, tr))


def _paused_line(suspended: Intervention, now: datetime, tr: Translator) -> str:
    label = f"{speaker_label(suspended.entry.speaker, tr)}, {kind_label(suspended.entry.kind, tr)}"
    left = suspended.left(now)
    if left is None:
        return label + ", " + tr.gettext("paused")
    return label + ", " + tr.gettext("paused at {left} left").format(left=duration_label(left, tr))


def _resumes(resumed: Intervention, now: datetime, tr: Translator) -> str:
    left = resumed.left(now)
    speaker = speaker_label(resumed.entry.speaker, tr)
    if left is None:
        return tr.gettext("{speaker} resumes.").format(speaker=speaker)
    return tr.gettext("{speaker} resumes, {left} left.").format(speaker=speaker, left=duration_label(left, tr))


def _stop(text: str) -> str:
    """A full stop after a ruling, unless it ends with one already."""
    return "" if text.rstrip().endswith((".", "!", "?")) else "."


def _entry_line(entry: QueueEntry, tr: Translator) -> str:
    note = f" — {inert(entry.note, 80)}" if entry.note else ""
    # Inscribed before the session, from an accepted expression of interest.
    listed = " " + tr.gettext("(provisional list)") if entry.interest is not None else ""
    return f"{speaker_label(entry.speaker, tr)}, {kind_label(entry.kind, tr)}{listed}{note}"


def _from_now(span: timedelta, tr: Translator) -> str:
    if span < timedelta(minutes=1):
        return tr.pgettext("wait", "next")
    return tr.gettext("in about {wait}").format(wait=minutes(span, tr))
