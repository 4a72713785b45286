"""Points of order interrupt the speaker (UN practice): the clock pauses, the chair rules, the speaker resumes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.errors import Refused
from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind
from bot.domain.queue.queue import NOTE_LIMIT, SpeakerQueue
from tests.queue_builders import T0, queue, speaker

K = EntryKind
S = timedelta(seconds=1)
LIMIT = timedelta(minutes=3)  # a member State's statement


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def speaking() -> SpeakerQueue:
    """Armen has the floor for a statement (3 min) from T0; nobody else is waiting."""
    q = queue()
    q.raise_hand(speaker("armen"), K.STATEMENT, "", T0)
    q.next(T0)
    q.events.clear()
    return q


def interrupted(after: float = 70) -> SpeakerQueue:
    """Sarah's point of order interrupts Armen `after` seconds into his statement."""
    q = speaking()
    q.raise_hand(speaker("sarah"), K.ORDER, "quorum", at(after))
    return q


def test_a_point_of_order_takes_the_floor_at_once_and_pauses_the_speakers_clock() -> None:
    q = interrupted(70)

    assert q.current is not None
    assert q.interrupted is not None
    assert (q.current.entry.speaker.participant_id, q.current.limit) == ("sarah", None)
    assert q.current.interrupted == q.interrupted.id
    assert q.interrupted.suspended_at == at(70)
    assert q.interrupted.left(at(500)) == timedelta(seconds=110)  # stands still however long the pause
    assert len(q) == 0  # it never waited on the list
    assert [type(e) for e in q.events] == [ev.FloorInterrupted]
    event = q.events[0]
    assert isinstance(event, ev.FloorInterrupted)
    assert (event.suspended, event.order) == (q.interrupted, q.current)


def test_no_warning_nor_time_up_while_suspended() -> None:
    q = interrupted(70)
    q.events.clear()

    for seconds in (150, 180, 400, 3600):
        q.tick(at(seconds))

    assert q.events == []
    assert q.next_timer() is None


def test_the_ruling_ends_the_point_of_order_and_the_speaker_resumes_with_the_time_left() -> None:
    q = interrupted(70)
    q.events.clear()

    order = q.rule("The meeting has quorum.", at(110))

    assert (order.ended_at, order.ruling, order.duration) == (at(110), "The meeting has quorum.", 40 * S)
    assert q.interrupted is None
    assert q.current is not None
    resumed = q.current
    assert (resumed.entry.speaker.participant_id, resumed.suspended_at, resumed.paused) == ("armen", None, 40 * S)
    assert resumed.deadline == T0 + LIMIT + 40 * S  # the deadline moved by the pause
    assert resumed.left(at(110)) == timedelta(seconds=110)
    assert q.events == [ev.RulingGiven(order, "The meeting has quorum.", resumed)]
    assert q.last_heard["sarah"] == order


def test_warning_and_time_up_after_resuming_come_from_the_time_left() -> None:
    q = interrupted(70)
    q.rule("Noted.", at(110))
    q.events.clear()
    deadline = T0 + LIMIT + 40 * S

    assert q.next_timer() == deadline - 30 * S
    q.tick(deadline - 31 * S)
    assert q.events == []
    q.tick(deadline - 30 * S)
    assert [type(e) for e in q.events] == [ev.TimeWarning]
    assert q.next_timer() == deadline
    q.tick(deadline - S)
    assert len(q.events) == 1
    q.tick(deadline)
    assert [type(e) for e in q.events] == [ev.TimeWarning, ev.TimeUp]

    ended = q.end(deadline + 5 * S)
    assert ended.duration == LIMIT + 5 * S  # speaking time: the pause left out
    assert ended.ended_at is not None
    assert ended.ended_at - ended.started_at == LIMIT + 45 * S


def test_end_during_a_point_of_order_resumes_the_speaker_without_a_ruling() -> None:
    q = interrupted(70)
    q.events.clear()

    order = q.end(at(100))

    assert order.ruling is None
    assert order.entry.speaker.participant_id == "sarah"
    assert q.current is not None
    assert (q.current.entry.speaker.participant_id, q.current.paused) == ("armen", 30 * S)
    assert q.interrupted is None
    assert q.events == [ev.SpeakerResumed(order, q.current)]


@pytest.mark.parametrize("move", ["next", "give"])
def test_the_floor_cannot_move_on_while_a_speaker_is_interrupted(move: str) -> None:
    q = interrupted(70)
    q.raise_hand(speaker("olga"), K.STATEMENT, "", at(80))
    q.events.clear()

    moving = (lambda: q.next(at(90))) if move == "next" else (lambda: q.give(speaker("olga"), at(90)))
    with pytest.raises(Refused) as refused:
        moving()

    assert refused.value.code == "point_of_order_pending"
    assert refused.value.details["speaker"] == "Sarah"
    assert refused.value.details["interrupted"] == "Armen"
    assert q.events == []


def test_a_second_point_of_order_waits_at_the_head_of_the_list() -> None:
    q = interrupted(70)
    q.raise_hand(speaker("olga"), K.STATEMENT, "", at(71))
    second = q.raise_hand(speaker("elif"), K.ORDER, "interpretation", at(72))

    assert q.current is not None
    assert q.current.entry.speaker.participant_id == "sarah"
    assert q.position(second) == 1
    assert [type(e) for e in q.events][-1] is ev.HandRaised


def test_a_point_of_order_with_nobody_speaking_waits_as_before() -> None:
    q = queue()
    q.raise_hand(speaker("olga"), K.STATEMENT, "", T0)
    entry = q.raise_hand(speaker("sarah"), K.ORDER, "quorum", T0)

    assert q.current is None
    assert q.position(entry) == 1
    floor = q.next(at(5))
    assert floor.entry == entry
    assert floor.interrupted is None
    q.rule("Ruled.", at(20))
    assert q.current is None  # nobody was interrupted: nobody resumes


def test_the_speaker_raising_a_point_of_order_does_not_interrupt_themselves() -> None:
    q = speaking()
    entry = q.raise_hand(speaker("armen"), K.ORDER, "", at(10))
    assert q.interrupted is None
    assert q.position(entry) == 1


def test_ruling_needs_a_point_of_order_on_the_floor_and_a_text() -> None:
    q = speaking()
    with pytest.raises(Refused) as nothing:
        q.rule("Ruled.", at(10))
    assert nothing.value.code == "no_point_of_order"

    q = interrupted(70)
    with pytest.raises(Refused) as empty:
        q.rule("  ", at(80))
    assert empty.value.code == "empty_text"
    with pytest.raises(Refused) as long:
        q.rule("x" * (NOTE_LIMIT + 1), at(80))
    assert long.value.code == "ruling_too_long"
    assert q.interrupted is not None  # nothing changed


def test_finish_during_an_interruption_ends_both_at_that_moment() -> None:
    q = interrupted(70)
    q.events.clear()

    q.finish(at(100))

    ended = [e.intervention for e in q.events if isinstance(e, ev.InterventionEnded)]
    assert [(i.entry.speaker.participant_id, i.ended_at) for i in ended] == [("sarah", at(100)), ("armen", at(100))]
    assert ended[1].duration == 70 * S
    assert ended[1].suspended_at is None
    assert q.current is None
    assert q.interrupted is None
    assert q.finished


def test_a_statement_attached_while_interrupted_goes_to_the_suspended_intervention() -> None:
    q = interrupted(70)
    q.attach_statement("armen", "Our statement.", at(80))
    assert q.interrupted is not None
    assert q.interrupted.statement == "Our statement."


def test_a_new_limit_reaches_the_suspended_speaker() -> None:
    q = interrupted(70)
    q.set_limit(timedelta(minutes=4), None)
    assert q.interrupted is not None
    assert q.interrupted.limit == timedelta(minutes=4)
    assert q.interrupted.left(at(500)) == timedelta(seconds=170)


def test_the_wait_estimate_counts_the_interrupted_speakers_time_left() -> None:
    q = interrupted(70)
    entry = q.raise_hand(speaker("olga"), K.STATEMENT, "", at(80))
    assert q.wait_before(entry, at(90)) == timedelta(seconds=110)


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(st.tuples(st.integers(1, 120), st.integers(1, 120)), max_size=6),
    tail=st.integers(0, 300),
)
def test_speaking_time_plus_pauses_is_the_wall_time_and_time_up_never_fires_while_suspended(
    steps: list[tuple[int, int]], tail: int
) -> None:
    """Any number of points of order, each after some speaking time and lasting some time, ruled or ended."""
    q = speaking()
    now = T0
    for n, (speak, pause) in enumerate(steps):
        for second in range(speak):  # the clock ticks every second the speaker speaks
            q.tick(now + second * S)
        now += speak * S
        q.raise_hand(speaker(f"order{n}"), K.ORDER, "", now)
        assert q.interrupted is not None
        q.events.clear()
        for second in range(0, pause, 7):
            q.tick(now + second * S)
        assert not [e for e in q.events if isinstance(e, ev.TimeWarning | ev.TimeUp)]
        now += pause * S
        if n % 2:
            q.rule("Ruled.", now)
        else:
            q.end(now)
    for second in range(tail):
        q.tick(now + second * S)
    now += tail * S
    ended = q.end(now)

    assert ended.entry.speaker.participant_id == "armen"
    assert ended.paused == sum((p for _, p in steps), 0) * S
    assert ended.duration + ended.paused == now - T0
    assert ended.duration == (sum((s for s, _ in steps), 0) + tail) * S
    # Ticked at every second of speaking time before the end: time is up once more than the limit was spoken.
    assert ended.expired == (ended.duration > LIMIT)
