"""Invariants of the list of speakers under any sequence of requests and moderator actions (hypothesis)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bot.domain.errors import Refused
from bot.domain.participants import Level
from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.queue.ordering import KIND_RANK, protocol_rank
from bot.domain.settings import Category, SpeakingPolicy
from tests.queue_builders import T0, queue

PEOPLE = [f"p{i}" for i in range(8)]
speakers = st.builds(
    Speaker,
    participant_id=st.sampled_from(PEOPLE),
    name=st.just("Someone"),
    delegation=st.sampled_from(["KZ", "AM", "GE", "TR", "EU"]),
    category=st.sampled_from(list(Category)),
    level=st.sampled_from(list(Level)),
    group=st.sampled_from([None, None, "EU"]),
)
kinds = st.sampled_from([k for k in EntryKind if k not in (EntryKind.QUESTION, EntryKind.REPLY)] * 2 + list(EntryKind))


class Queue(RuleBasedStateMachine):
    """Without moves, the list is always in policy order; with or without, nothing is lost or doubled."""

    moves_allowed = False

    def __init__(self) -> None:
        super().__init__()
        self.q = queue(SpeakingPolicy.PROTOCOL)
        self.now = T0
        self.created: set[int] = set()
        self.served: list[int] = []
        self.removed: list[int] = []

    def attempt(self, action) -> None:  # type: ignore[no-untyped-def]
        before = len(self.q.events)
        try:
            action()
        except Refused:
            assert len(self.q.events) == before, "a refusal changed something"
        for event in self.q.events[before:]:
            self.record(event)

    def record(self, event: ev.QueueEvent) -> None:
        if isinstance(event, ev.HandRaised):
            self.created.add(event.entry.id)
        elif isinstance(event, ev.HandsLowered):
            self.removed += [e.id for e in event.entries]
        elif isinstance(event, ev.FloorGiven):
            self.created.add(event.intervention.entry.id)
            self.served.append(event.intervention.entry.id)

    @rule(who=speakers, kind=kinds)
    def hand(self, who: Speaker, kind: EntryKind) -> None:
        self.attempt(lambda: self.q.raise_hand(who, kind, "", self.now))

    @rule(who=st.sampled_from(PEOPLE))
    def lower(self, who: str) -> None:
        self.attempt(lambda: self.q.lower(who))

    @rule(seconds=st.integers(min_value=0, max_value=400))
    def next(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)
        self.attempt(lambda: self.q.next(self.now))

    @rule(who=speakers)
    def give(self, who: Speaker) -> None:
        self.now += timedelta(seconds=5)
        self.attempt(lambda: self.q.give(who, self.now))

    @rule(open_=st.booleans())
    def toggle_list(self, open_: bool) -> None:
        self.attempt(self.q.open_list if open_ else self.q.close_list)

    @rule(who=st.sampled_from(PEOPLE), position=st.integers(min_value=1, max_value=10))
    def move(self, who: str, position: int) -> None:
        if self.moves_allowed:
            self.attempt(lambda: self.q.move(who, position))

    @invariant()
    def no_duplicates(self) -> None:
        waiting = self.q.ordered()
        assert len({e.id for e in waiting}) == len(waiting)
        pairs = [(e.speaker.participant_id, e.kind) for e in waiting]
        assert len(set(pairs)) == len(pairs)

    @invariant()
    def every_entry_served_or_removed_once(self) -> None:
        waiting = {e.id for e in self.q.ordered()}
        done = self.served + self.removed
        assert len(done) == len(set(done)), "an entry was served or removed twice"
        assert waiting.isdisjoint(done)
        assert waiting | set(done) == self.created

    @invariant()
    def policy_order_when_nobody_moved_anything(self) -> None:
        if self.moves_allowed:
            return
        keys = [
            (KIND_RANK[e.kind], protocol_rank(e.speaker) if e.kind is EntryKind.STATEMENT else 0, e.id)
            for e in self.q.ordered()
        ]
        assert keys == sorted(keys), "priority inverted, or arrival order broken within a rank"


class QueueWithMoves(Queue):
    moves_allowed = True


TestQueue = Queue.TestCase
TestQueue.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestQueueWithMoves = QueueWithMoves.TestCase
TestQueueWithMoves.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
