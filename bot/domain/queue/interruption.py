"""Points of order that interrupt the speaker, as in UN practice.

A point of order raised while someone speaks takes the floor at once: the speaker's intervention is
suspended (its clock stands still) and kept aside as the list's `interrupted`; the chair rules on the point
of order, which ends it, and the speaker resumes with the time they had left. A point of order raised while
nobody speaks, or while another point of order has the floor, waits at the head of the list.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain.errors import Refused
from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry, Speaker

if TYPE_CHECKING:
    from bot.domain.queue.queue import SpeakerQueue


def interrupts(q: SpeakerQueue, speaker: Speaker, kind: EntryKind) -> bool:
    """Whether a request for the floor takes it at once: a point of order, while another speaker speaks."""
    floor = q.current
    return (
        kind is EntryKind.ORDER
        and floor is not None
        and floor.entry.kind is not EntryKind.ORDER
        and floor.entry.speaker.participant_id != speaker.participant_id
    )


def suspend(floor: Intervention, now: datetime) -> Intervention:
    """The intervention with its clock stopped at `now`."""
    return floor if floor.suspended_at is not None else replace(floor, suspended_at=now)


def resume(floor: Intervention, now: datetime) -> Intervention:
    """The intervention with its clock running again from `now`: the pause is added to the ones before."""
    if floor.suspended_at is None:
        return floor
    return replace(floor, paused=floor.paused + max(now - floor.suspended_at, timedelta(0)), suspended_at=None)


def interrupt(q: SpeakerQueue, entry: QueueEntry, now: datetime) -> Intervention:
    """The point of order takes the floor; the speaker waits, their clock stopped."""
    assert q.current is not None
    suspended = suspend(q.current, now)
    order = Intervention(entry, now, None, statement=entry.statement, interrupted=suspended.id)
    q.interrupted, q.current = suspended, order
    q.floor_changed_at = now
    if entry.speaker.delegation:
        q.spoken.add(entry.speaker.delegation)
    q.events.append(ev.FloorInterrupted(suspended, order))
    return order


def check_no_interruption(q: SpeakerQueue) -> None:
    """The floor cannot pass to someone else while a speaker waits for the chair's ruling to resume."""
    if q.interrupted is not None:
        order = q.current.entry.speaker.name if q.current else ""
        details = {"session": q.session_id, "speaker": order, "interrupted": q.interrupted.entry.speaker.name}
        raise Refused("point_of_order_pending", details)


def rule(q: SpeakerQueue, text: str, now: datetime) -> Intervention:
    """The chair's ruling ends the point of order that has the floor; the speaker it interrupted resumes."""
    floor = q.current
    if floor is None or floor.entry.kind is not EntryKind.ORDER:
        raise Refused("no_point_of_order", {"session": q.session_id})
    order = replace(floor, ended_at=now, ruling=text)
    resumed = _back(q, order, now)
    q.events.append(ev.RulingGiven(order, text, resumed))
    return order


def end_order(q: SpeakerQueue, now: datetime) -> Intervention:
    """The point of order that interrupted the speaker ends without a ruling; the speaker resumes."""
    assert q.current is not None
    assert q.interrupted is not None
    order = replace(q.current, ended_at=now)
    resumed = _back(q, order, now)
    assert resumed is not None
    q.events.append(ev.SpeakerResumed(order, resumed))
    return order


def finish_interrupted(q: SpeakerQueue, now: datetime) -> None:
    """The session closes during a point of order: it ends, and so does the speaker it interrupted."""
    assert q.current is not None
    assert q.interrupted is not None
    order = replace(q.current, ended_at=now)
    speaker = replace(resume(q.interrupted, now), ended_at=now)
    q.current = q.interrupted = None
    for ended in (order, speaker):
        q.last_heard[ended.entry.speaker.participant_id] = ended
        q.events.append(ev.InterventionEnded(ended))


def _back(q: SpeakerQueue, order: Intervention, now: datetime) -> Intervention | None:
    """The point of order is over: the interrupted speaker, if any, has the floor again."""
    q.last_heard[order.entry.speaker.participant_id] = order
    resumed = resume(q.interrupted, now) if q.interrupted is not None else None
    q.current, q.interrupted = resumed, None
    q.floor_changed_at = now
    return resumed
