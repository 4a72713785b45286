"""The list of speakers as text: /queue, announcements to the session channel, and confirmations."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.adapters.text.inert import inert
from bot.adapters.text.times import Times
from bot.domain.durations import format_duration
from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry, Speaker
from bot.services.views import AckView, Fact, FloorView, QueueView, Reader

KIND_LABEL = {
    EntryKind.ORDER: "point of order",
    EntryKind.QUESTION: "question",
    EntryKind.REPLY: "reply",
    EntryKind.STATEMENT: "statement",
    EntryKind.RIGHT_OF_REPLY: "right of reply",
}

_ACKS = {
    "hand_raised": "You are on the list of {session} for a {kind}: number {position}, {wait}.",
    "lowered": "Your request for the floor in {session} is withdrawn.",
    "statement_kept": "Your statement is kept ({length} characters); if you are not heard, it counts as "
    "submitted in writing.",
    "note_kept": "Note kept on the {on}.",
    "floor_ended": "{name} has finished ({span}).",
    "order_has_floor": "Your point of order has the floor now in {session}: the speaker's clock is paused; state "
    "it, and the chair rules on it.",
    "moved": "{name} is now number {position} on the list.",
    "removed": "{name} is off the list.",
    "last_word": "{name} will speak last.",
    "declared": "You are listed for {delegation} ({category}), unverified until staff confirm it with /verify.",
    "verified": "{user} is verified for {delegation}.",
    "subscribed": "You will get a personal reminder for {session}, in your own time.",
    "already_subscribed": "You already have a reminder for {session}; /remind list shows them.",
    "unsubscribed": "Your {count} personal reminder(s) are off.",
    "your_turn": "You are {position} on the list of speakers of {session}.",
    "submission_kept": "The written submission of {delegation} is kept: {words} words. A new one replaces it; "
    "every version is kept.",
    "submission_replaced": "The written submission of {delegation} is replaced by this one: {words} words "
    "(version {version}); the earlier versions are kept.",
    "consent_asked": "You were not heard in {session}; your statement is kept as submitted in writing. May the "
    "secretariat publish it in the session notes and the report? Answer /consent {id} yes, or /consent {id} no.",
    "consent_given": "Your statement in {session} will be published as submitted in writing.",
    "consent_withheld": "Your statement in {session} stays in the record for the secretariat and is not published.",
    "interest_kept": "Your interest in the {role} role at {session} is number {id}; the secretariat will tell you "
    "what it decides. /interest withdraw {id} takes it back.",
    "interest_withdrawn": "Expression of interest #{id} ({session}) is withdrawn.",
    "interest_accepted_speaker": "Accepted #{id}: {name} is inscribed on the provisional list of {session}, and told.",
    "interest_accepted_moderator": "Accepted #{id}: {name} will moderate {session}, and is told.",
    "interest_declined": "Declined #{id} ({name}, {session}); they are told.",
    "zone_is": "Times are shown to you in {zone}{source_part}. /zone ZONE sets your own (an IANA name such as "
    "Asia/Vladivostok); /zone reset goes back.",
    "zone_set": "Times are now shown to you in {zone}, wherever Podium shows you a time. /zone reset goes back.",
    "zone_reset": "Your own zone is removed: times are shown to you in {zone}{source_part}.",
    "corrected": "Corrected {intervention}, {name} ({delegation}): '{old}' now reads '{new}'. The log keeps the old "
    "text; /correct {intervention} with it restores it.",
}

# Where a reader's zone comes from when they chose none (services/zones.py).
_ZONE_SOURCES = {
    "own": " (your own, set with /zone)",
    "roster": " (from the roster)",
    "capital": " (your delegation's capital: {delegation})",
    "meeting": " (the meeting's time zone)",
}


def speaker_label(speaker: Speaker) -> str:
    """'Name (KZ)', 'Name (DE, for the EU)', with '(unverified)' for a self-declaration not yet confirmed."""
    parts = [inert(speaker.delegation, 40)] if speaker.delegation else []
    if speaker.group:
        parts.append(f"for the {inert(speaker.group, 40)}")
    label = inert(speaker.name, 60) + (f" ({', '.join(parts)})" if parts else "")
    return label if speaker.verified else f"{label} (unverified)"


def ack_text(view: AckView) -> str:
    details = {key: _fact(value) for key, value in view.details.items()}
    facts = view.details
    if view.code == "hand_raised" and isinstance(facts["wait"], timedelta):
        kind = facts["kind"]
        details["kind"] = KIND_LABEL[kind] if isinstance(kind, EntryKind) else details["kind"]
        details["wait"] = "you are next" if facts["position"] == 1 else f"about {_minutes(facts['wait'])} before you"
    if view.code == "your_turn" and isinstance(facts["position"], int):
        details["position"] = ordinal(facts["position"])
    if isinstance(facts.get("words"), int):
        details["words"] = f"{facts['words']:,}"
    if view.code.startswith("zone_"):
        details["source_part"] = _ZONE_SOURCES.get(str(facts.get("source")), "").format(**details)
    if view.code == "corrected":
        details["old"] = details["old"] or "(no text)"  # never given: say so, not an empty quote
    return _ACKS[view.code].format(**details)


def _fact(value: Fact) -> str:
    """A fact as text: what people typed made inert, a span in minutes and seconds, a number as digits."""
    if isinstance(value, timedelta):
        return f"{int(value.total_seconds())} s" if value < timedelta(minutes=1) else format_duration(value)
    return inert(value) if isinstance(value, str) else str(value)


def ordinal(position: int) -> str:
    """'next', '2nd', '3rd', '4th': a place on the list as people say it."""
    return "next" if position == 1 else {2: "2nd", 3: "3rd"}.get(position, f"{position}th")


def queue_text(view: QueueView, times: Times) -> str:
    state = "open" if view.list_open else "closed (points of order only)"
    if view.opens is not None:  # the session has not begun: what is shown is its provisional list
        state = (
            f"not open yet (this is its provisional list); hands are taken from {times.moment(view.opens, view.reader)}"
        )
    lines = [f"{view.session.title} ({view.session.id}): the list is {state}."]
    if view.current:
        lines.append(f"Speaking: {_floor_line(view.current, times, view.reader)}")
    if view.interrupted:
        lines.append(f"Interrupted: {_paused_line(view.interrupted, view.now)}")
    if not view.upcoming:
        lines.append("Nobody is waiting. /hand asks for the floor.")
    for place in view.upcoming:
        lines.append(f"  {place.position}. {_entry_line(place.entry)}, {_from_now(place.wait)}")
    if view.total > len(view.upcoming):
        lines.append(f"  … and {view.total - len(view.upcoming)} more")
    for place in view.mine:
        lines.append(f"You: number {place.position} ({KIND_LABEL[place.entry.kind]}), about {_minutes(place.wait)}.")
    return "\n".join(lines)


def floor_text(view: FloorView, times: Times) -> str:  # noqa: PLR0911 - one return per kind of event
    """An announcement for the session's channel, one kind of event each."""
    session = view.session.title
    match view.event:
        case ev.FloorGiven(intervention=floor):
            following = ", ".join(speaker_label(e.speaker) for e in view.upcoming)
            after = f"\nNext: {following}." if following else "\nNobody else is waiting."
            return f"The floor: {_floor_line(floor, times, view.reader)}{after}"
        case ev.FloorInterrupted(suspended=suspended, order=order):
            note = f" — {inert(order.entry.note, 120)}" if order.entry.note else ""
            who = f"{speaker_label(order.entry.speaker)} interrupts {speaker_label(suspended.entry.speaker)}"
            return f"Point of order: {who}{note}; {_paused(suspended, view.now)}."
        case ev.RulingGiven(ruling=ruling, resumed=resumed):
            back = f" {_resumes(resumed, view.now)}" if resumed else ""
            return f"Ruling of the chair: {inert(ruling, 1000)}{_stop(ruling)}{back}"
        case ev.SpeakerResumed(order=order, resumed=resumed):
            ended = f"The point of order of {speaker_label(order.entry.speaker)} ends without a ruling."
            return f"{ended} {_resumes(resumed, view.now)}"
        case ev.TimeWarning(intervention=floor, left=left):
            return f"{speaker_label(floor.entry.speaker)}: {format_duration(left)} left."
        case ev.TimeUp(intervention=floor):
            return f"{speaker_label(floor.entry.speaker)}: time is up."
        case ev.ListClosed():
            return f"The list of speakers of {session} is closed; only points of order are taken."
        case ev.ListOpened():
            return f"The list of speakers of {session} is open again: /hand to ask for the floor."
        case ev.LimitChanged(category=category, limit=limit):
            whom = f"{category.value} speakers" if category else "every speaker"
            return f"Speaking time is now {format_duration(limit)} for {whom}."
        case ev.RepliesCalled(waiting=waiting):
            return f"Rights of reply are taken now ({waiting} waiting)."
        case ev.SessionFinished():
            return _finished(view, view.event)
    return ""


def _finished(view: FloorView, event: ev.SessionFinished) -> str:
    text = f"The list of speakers of {view.session.title} is closed."
    if event.written:
        count = len(event.written)
        text += f" {count} statement{'s count' if count > 1 else ' counts'} as submitted in writing."
    if event.unheard:
        names = ", ".join(speaker_label(e.speaker) for e in event.unheard)
        text += f" Inscribed but not heard: {names}."
    return text


def _floor_line(floor: Intervention, times: Times, reader: Reader) -> str:
    line = f"{speaker_label(floor.entry.speaker)}, {KIND_LABEL[floor.entry.kind]}"
    if floor.deadline:
        line += f", {format_duration(floor.limit or timedelta(0))} until {times.moment(floor.deadline, reader)}"
    return line + (f" — {inert(floor.entry.note, 120)}" if floor.entry.note else "")


def _paused(suspended: Intervention, now: datetime) -> str:
    """'their clock is paused at 1m10s left', or without a limit, 'their clock is paused'."""
    left = suspended.left(now)
    return "their clock is paused" + (f" at {format_duration(left)} left" if left is not None else "")


def _paused_line(suspended: Intervention, now: datetime) -> str:
    label = f"{speaker_label(suspended.entry.speaker)}, {KIND_LABEL[suspended.entry.kind]}"
    left = suspended.left(now)
    return label + (f", paused at {format_duration(left)} left" if left is not None else ", paused")


def _resumes(resumed: Intervention, now: datetime) -> str:
    left = resumed.left(now)
    return f"{speaker_label(resumed.entry.speaker)} resumes" + (
        f", {format_duration(left)} left." if left is not None else "."
    )


def _stop(text: str) -> str:
    """A full stop after a ruling, unless it ends with one already."""
    return "" if text.rstrip().endswith((".", "!", "?")) else "."


def _entry_line(entry: QueueEntry) -> str:
    note = f" — {inert(entry.note, 80)}" if entry.note else ""
    listed = " (provisional list)" if entry.interest is not None else ""  # inscribed before the session
    return f"{speaker_label(entry.speaker)}, {KIND_LABEL[entry.kind]}{listed}{note}"


def _from_now(span: timedelta) -> str:
    return "next" if span < timedelta(minutes=1) else f"in about {_minutes(span)}"


def _minutes(span: timedelta) -> str:
    minutes = round(span.total_seconds() / 60)
    return "less than a minute" if minutes < 1 else f"{minutes} min"
