"""The list of speakers: protocol order, kinds of request, the floor, timers, and every refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.errors import Refused
from bot.domain.participants import Level
from bot.domain.queue import events as ev
from bot.domain.queue.entries import Delivery, EntryKind
from bot.domain.settings import Category, SpeakingPolicy
from tests.queue_builders import T0, queue, speaker

K = EntryKind


def names(q) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.speaker.participant_id for e in q.ordered()]


def test_protocol_order_groups_then_states_by_level_then_observers_organisations_stakeholders() -> None:
    q = queue()
    arrivals = [
        speaker("ngo", Category.STAKEHOLDER),
        speaker("iom", Category.UN_SYSTEM),
        speaker("amb", level=Level.AMBASSADOR),
        speaker("holy", Category.OBSERVER_STATE),
        speaker("vice", level=Level.VICE_MINISTER),
        speaker("osce", Category.IGO),
        speaker("min", level=Level.MINISTER),
        speaker("eu", group="EU"),
        speaker("hos", level=Level.HEAD_OF_STATE),
    ]
    for s in arrivals:
        q.raise_hand(s, K.STATEMENT, "", T0)
    assert names(q) == ["eu", "hos", "min", "vice", "amb", "holy", "iom", "osce", "ngo"]


def test_fifo_is_arrival_order() -> None:
    q = queue(SpeakingPolicy.FIFO)
    for pid in ["ngo", "hos", "eu"]:
        q.raise_hand(speaker(pid, group="EU" if pid == "eu" else None), K.STATEMENT, "", T0)
    assert names(q) == ["ngo", "hos", "eu"]


def test_points_of_order_go_first_even_when_the_list_is_closed() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.close_list()
    with pytest.raises(Refused) as closed:
        q.raise_hand(speaker("b"), K.STATEMENT, "", T0)
    assert closed.value.code == "list_closed"
    q.raise_hand(speaker("c"), K.ORDER, "quorum", T0)
    assert names(q) == ["c", "a"]


def test_questions_and_replies_need_a_speaker_and_go_before_statements() -> None:
    q = queue()
    with pytest.raises(Refused) as nobody:
        q.raise_hand(speaker("a"), K.REPLY, "", T0)
    assert nobody.value.code == "nobody_speaking"
    q.raise_hand(speaker("s1"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("s2"), K.STATEMENT, "", T0)
    q.next(T0)
    q.raise_hand(speaker("r"), K.REPLY, "", T0)
    q.raise_hand(speaker("qq"), K.QUESTION, "", T0)
    assert names(q) == ["r", "qq", "s2"]


def test_rights_of_reply_wait_until_called_or_until_statements_run_out() -> None:
    q = queue()
    q.raise_hand(speaker("s1"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("rr"), K.RIGHT_OF_REPLY, "", T0)
    q.raise_hand(speaker("s2"), K.STATEMENT, "", T0)
    assert names(q) == ["s1", "s2", "rr"]
    q.call_replies()
    assert q.next(T0).entry.speaker.participant_id == "rr"
    assert q.next(T0 + timedelta(minutes=1)).entry.speaker.participant_id == "s1"


def test_a_duplicate_hand_is_refused_and_changes_nothing() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    before = (q.ordered(), q.next_arrival, len(q.events))
    with pytest.raises(Refused) as dup:
        q.raise_hand(speaker("a"), K.STATEMENT, "again", T0)
    assert dup.value.code == "duplicate_hand"
    assert (q.ordered(), q.next_arrival, len(q.events)) == before


def test_prefer_first_time_puts_a_new_delegation_ahead() -> None:
    q = queue(SpeakingPolicy.FIFO, first_time=True)
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.next(T0)
    q.raise_hand(speaker("a2", delegation="A"), K.STATEMENT, "", T0)  # same delegation as "a" ("A")
    q.raise_hand(speaker("b"), K.STATEMENT, "", T0)
    assert names(q) == ["b", "a2"]


def test_next_ends_the_speaker_and_records_the_intervention() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "on objective 5", T0)
    q.raise_hand(speaker("b"), K.STATEMENT, "", T0)
    first = q.next(T0)
    assert first.limit == timedelta(minutes=3)
    second = q.next(T0 + timedelta(minutes=2, seconds=30))
    ended = [e.intervention for e in q.events if isinstance(e, ev.InterventionEnded)]
    assert [(i.entry.speaker.participant_id, i.duration) for i in ended] == [("a", timedelta(minutes=2, seconds=30))]
    assert q.current == second
    assert q.spoken == {"A", "B"}


def test_next_on_an_empty_list_is_refused_and_keeps_the_speaker() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    floor = q.next(T0)
    with pytest.raises(Refused) as empty:
        q.next(T0 + timedelta(minutes=1))
    assert empty.value.code == "queue_empty"
    assert q.current == floor


def test_two_presses_of_next_at_the_same_moment_advance_once() -> None:
    q = queue()
    for pid in "abc":
        q.raise_hand(speaker(pid), K.STATEMENT, "", T0)
    q.next(T0)
    q.next(T0 + timedelta(minutes=1))
    with pytest.raises(Refused) as twice:
        q.next(T0 + timedelta(minutes=1, seconds=1))
    assert twice.value.code == "just_moved"
    assert q.current.entry.speaker.participant_id == "b"  # type: ignore[union-attr]


def test_a_stale_version_is_refused() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    with pytest.raises(Refused) as stale:
        q.next(T0, expected_version=q.version + 1)
    assert stale.value.code == "floor_moved"


def test_give_takes_the_participants_entry_or_makes_one() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("b"), K.STATEMENT, "", T0)
    assert q.give(speaker("b"), T0).entry.id == 2
    walk_in = q.give(speaker("z", Category.STAKEHOLDER), T0 + timedelta(minutes=1))
    assert walk_in.entry.id == 3
    assert walk_in.limit == timedelta(minutes=2)
    assert names(q) == ["a"]


def test_move_puts_an_entry_at_a_position_and_later_arrivals_follow_policy() -> None:
    q = queue()
    for s in [
        speaker("m1", level=Level.MINISTER),
        speaker("m2", level=Level.MINISTER),
        speaker("ngo", Category.STAKEHOLDER),
    ]:
        q.raise_hand(s, K.STATEMENT, "", T0)
    q.move("ngo", 1)
    assert names(q) == ["ngo", "m1", "m2"]
    q.raise_hand(speaker("hos", level=Level.HEAD_OF_STATE), K.STATEMENT, "", T0)
    assert names(q) == ["hos", "ngo", "m1", "m2"]
    with pytest.raises(Refused) as bad:
        q.move("m1", 9)
    assert bad.value.code == "bad_position"


def test_many_moves_into_the_same_gap_renumber_without_losing_order() -> None:
    q = queue(SpeakingPolicy.FIFO)
    for i in range(5):
        q.raise_hand(speaker(f"p{i}"), K.STATEMENT, "", T0)
    for _ in range(60):
        q.move("p4", 2)
        q.move("p3", 2)
    assert names(q)[0] == "p0"
    assert sorted(names(q)) == ["p0", "p1", "p2", "p3", "p4"]
    assert any(isinstance(e, ev.EntriesMoved) and len(e.entries) == 5 for e in q.events)


def test_last_word_stays_last() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.last_word(speaker("panel", Category.UN_SYSTEM), T0)
    q.raise_hand(speaker("ngo", Category.STAKEHOLDER), K.STATEMENT, "", T0)
    q.raise_hand(speaker("rr"), K.RIGHT_OF_REPLY, "", T0)
    assert names(q) == ["a", "ngo", "rr", "panel"]


def test_timer_warns_then_says_time_is_up_once_each() -> None:
    q = queue()
    q.raise_hand(speaker("ngo", Category.STAKEHOLDER), K.STATEMENT, "", T0)
    q.next(T0)
    assert q.next_timer() == T0 + timedelta(minutes=1, seconds=30)
    q.tick(T0 + timedelta(minutes=1, seconds=30))
    q.tick(T0 + timedelta(minutes=1, seconds=31))
    assert q.next_timer() == T0 + timedelta(minutes=2)
    q.tick(T0 + timedelta(minutes=2))
    q.tick(T0 + timedelta(minutes=3))
    kinds = [type(e) for e in q.events if isinstance(e, ev.TimeWarning | ev.TimeUp)]
    assert kinds == [ev.TimeWarning, ev.TimeUp]
    assert q.next_timer() is None


def test_a_point_of_order_has_no_limit_and_does_not_count_for_time() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.ORDER, "", T0)
    floor = q.next(T0)
    assert floor.limit is None
    assert not floor.counts_for_time
    assert q.next_timer() is None


def test_a_new_limit_applies_to_the_current_speaker_of_that_category() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.next(T0)
    q.set_limit(timedelta(minutes=5), Category.MEMBER_STATE)
    assert q.current.limit == timedelta(minutes=5)  # type: ignore[union-attr]
    q.set_limit(timedelta(minutes=1), Category.STAKEHOLDER)
    assert q.current.limit == timedelta(minutes=5)  # type: ignore[union-attr]
    with pytest.raises(Refused):
        q.set_limit(timedelta(0), None)


def test_statements_attach_to_waiting_current_or_last_heard_and_unheard_ones_become_written() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("b"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("c"), K.STATEMENT, "", T0)
    q.attach_statement("b", "Our text.", T0)
    q.next(T0)
    q.attach_statement("a", "Summary of A.", T0)
    with pytest.raises(Refused) as nothing:
        q.attach_statement("z", "text", T0)
    assert nothing.value.code == "nothing_to_attach"
    q.finish(T0 + timedelta(hours=2))
    finished = next(e for e in q.events if isinstance(e, ev.SessionFinished))
    assert [(w.entry.speaker.participant_id, w.delivery, w.statement) for w in finished.written] == [
        ("b", Delivery.WRITTEN, "Our text.")
    ]
    assert [u.speaker.participant_id for u in finished.unheard] == ["c"]
    ended = next(e for e in q.events if isinstance(e, ev.InterventionEnded))
    assert ended.intervention.statement == "Summary of A."
    with pytest.raises(Refused) as over:
        q.raise_hand(speaker("d"), K.STATEMENT, "", T0)
    assert over.value.code == "session_over"


def test_an_unverified_member_state_cannot_take_the_floor() -> None:
    q = queue()
    with pytest.raises(Refused) as unverified:
        q.raise_hand(speaker("x", delegation="KZ", verified=False), K.STATEMENT, "", T0)
    assert unverified.value.code == "unverified_state"
    q.raise_hand(speaker("ngo", Category.STAKEHOLDER, verified=False), K.STATEMENT, "", T0)
    assert names(q) == ["ngo"]


@pytest.mark.parametrize("text", ["x" * 1001])
def test_a_note_over_the_limit_is_refused(text: str) -> None:
    q = queue()
    with pytest.raises(Refused) as long:
        q.raise_hand(speaker("a"), K.STATEMENT, text, T0)
    assert long.value.code == "note_too_long"
    assert len(q) == 0


def test_the_wait_estimate_adds_the_limits_ahead_and_the_time_left() -> None:
    q = queue()
    q.raise_hand(speaker("a"), K.STATEMENT, "", T0)
    q.raise_hand(speaker("ngo", Category.STAKEHOLDER), K.STATEMENT, "", T0)
    q.raise_hand(speaker("me", Category.STAKEHOLDER), K.STATEMENT, "", T0)
    q.next(T0)  # a speaks for up to 3 minutes
    mine = q.entries_of("me")[0]
    assert q.position(mine) == 2
    assert q.wait_before(mine, T0 + timedelta(minutes=1)) == timedelta(minutes=4)
