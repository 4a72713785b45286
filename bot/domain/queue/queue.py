"""The list of speakers of one session: hands, the order they are heard in, the floor, timers, the record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.domain.errors import Refused
from bot.domain.queue import clock
from bot.domain.queue import events as ev
from bot.domain.queue import interruption as po
from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.queue.ordering import LAST_WORD, MOVE_SLOTS, order_value
from bot.domain.queue.speaker_list import SpeakerList
from bot.domain.settings import Category, SpeakingSettings

NOTE_LIMIT = 1000
STATEMENT_LIMIT = 20000
MAX_LIMIT = timedelta(hours=1)
# Two presses of "next" this close together are one intention (two moderators, or a double click).
DOUBLE_PRESS = timedelta(seconds=2)


@dataclass
class SpeakerQueue:
    """One session's list. Methods check their preconditions first and raise Refused before changing anything."""

    meeting_id: str
    session_id: str
    settings: SpeakingSettings
    version: int = 0
    list_open: bool = True
    replies_called: bool = False
    finished: bool = False
    limits: dict[Category, timedelta] = field(default_factory=dict)
    current: Intervention | None = None
    interrupted: Intervention | None = None  # suspended by the point of order that has the floor (interruption.py)
    spoken: set[str] = field(default_factory=set)
    last_heard: dict[str, Intervention] = field(default_factory=dict)
    next_arrival: int = 1
    floor_changed_at: datetime | None = None
    events: list[ev.QueueEvent] = field(default_factory=list)
    waiting: SpeakerList = field(default_factory=SpeakerList)

    # --- reading -----------------------------------------------------------------------------------------

    def ordered(self) -> list[QueueEntry]:
        return list(self.waiting)

    def __len__(self) -> int:
        return len(self.waiting)

    def entries_of(self, participant_id: str) -> list[QueueEntry]:
        return self.waiting.of(participant_id)

    def position(self, entry: QueueEntry) -> int:
        """1 for the next to be heard."""
        return self.waiting.position(entry)

    def limit_for(self, entry: QueueEntry) -> timedelta | None:
        if entry.kind is EntryKind.ORDER:
            return None
        category = entry.speaker.time_category
        return self.limits.get(category, self.settings.limit_for(category))

    def wait_before(self, entry: QueueEntry, now: datetime) -> timedelta:
        """An estimate from the time limits: the speaker's time left, then each entry ahead (clock.py)."""
        return clock.wait_before(self, entry, now)

    def next_timer(self) -> datetime | None:
        """When the current speaker's warning or end falls, if either is still to come."""
        return clock.next_timer(self)

    def restore_waiting(self, entries: Iterable[QueueEntry]) -> None:
        """Put back entries a repository stored as waiting; no event, since nothing new happened."""
        self.waiting = SpeakerList(entries)

    # --- participants ------------------------------------------------------------------------------------

    def raise_hand(self, speaker: Speaker, kind: EntryKind, note: str, now: datetime) -> QueueEntry:
        self._check_running()
        if not self.list_open and kind is not EntryKind.ORDER:
            raise Refused("list_closed", {"session": self.session_id})
        if kind in (EntryKind.QUESTION, EntryKind.REPLY) and self.current is None:
            raise Refused("nobody_speaking", {"kind": kind.value})
        if any(e.kind is kind for e in self.entries_of(speaker.participant_id)):
            raise Refused("duplicate_hand", {"kind": kind.value})
        _check_length("note", note, NOTE_LIMIT)
        entry = self._new_entry(speaker, kind, note, now)
        if po.interrupts(self, speaker, kind):
            po.interrupt(self, entry, now)  # the entry goes straight to the floor: it never waits
            return entry
        self.waiting.add(entry)
        self.events.append(ev.HandRaised(entry))
        return entry

    def inscribe(self, speaker: Speaker, note: str, now: datetime, interest: int) -> QueueEntry:
        """A speaker of the provisional list, inscribed ahead of the session from an accepted expression of
        interest: a statement, placed as the policy places any (hands raised later join behind or among them)."""
        self._check_running()
        if any(e.kind is EntryKind.STATEMENT for e in self.entries_of(speaker.participant_id)):
            raise Refused("already_inscribed", {"name": speaker.name, "session": self.session_id})
        _check_length("note", note, NOTE_LIMIT)
        entry = replace(self._new_entry(speaker, EntryKind.STATEMENT, note, now), interest=interest)
        self.waiting.add(entry)
        self.events.append(ev.HandRaised(entry))
        return entry

    def strike(self, interest: int) -> tuple[QueueEntry, ...]:
        """Take off the list what an expression of interest inscribed (it was withdrawn); nothing if it spoke."""
        entries = tuple(e for e in self.waiting if e.interest == interest)
        for entry in entries:
            self.waiting.discard(entry)
        if entries:
            self.events.append(ev.HandsLowered(entries, True))
        return entries

    def lower(self, participant_id: str, *, by_moderator: bool = False) -> tuple[QueueEntry, ...]:
        entries = tuple(self.entries_of(participant_id))
        if not entries:
            raise Refused("not_in_queue", {"participant": participant_id})
        for entry in entries:
            self.waiting.discard(entry)
        self.events.append(ev.HandsLowered(entries, by_moderator))
        return entries

    def attach_statement(self, participant_id: str, text: str, now: datetime) -> None:
        """Keep the text of an intervention: the one under way, one waiting, or the last one heard."""
        _check_length("statement", text, STATEMENT_LIMIT)
        if not text.strip():
            raise Refused("empty_text", {})
        if self.current and self.current.entry.speaker.participant_id == participant_id:
            self.current = replace(self.current, statement=text)
            self.events.append(ev.StatementAttached(None, self.current, text))
            return
        if self.interrupted and self.interrupted.entry.speaker.participant_id == participant_id:
            self.interrupted = replace(self.interrupted, statement=text)
            self.events.append(ev.StatementAttached(None, self.interrupted, text))
            return
        waiting = sorted(self.entries_of(participant_id), key=lambda e: e.kind is not EntryKind.STATEMENT)
        if waiting:
            entry = replace(waiting[0], statement=text)
            self.waiting.update(entry)
            self.events.append(ev.StatementAttached(entry, None, text))
        elif participant_id in self.last_heard:
            heard = replace(self.last_heard[participant_id], statement=text)
            self.last_heard[participant_id] = heard
            self.events.append(ev.StatementAttached(None, heard, text))
        else:
            raise Refused("nothing_to_attach", {"session": self.session_id})

    # --- moderators --------------------------------------------------------------------------------------

    def next(self, now: datetime, *, expected_version: int | None = None) -> Intervention:
        self._check_running()
        if expected_version is not None and expected_version != self.version:
            raise Refused("floor_moved", self._floor_details())
        po.check_no_interruption(self)
        if not self.waiting:
            raise Refused("queue_empty", {"session": self.session_id})
        if self.floor_changed_at and now - self.floor_changed_at < DOUBLE_PRESS and self.current:
            raise Refused("just_moved", self._floor_details())
        entry = self._next_entry()
        assert entry is not None  # the list is not empty
        return self._give(entry, now)

    def give(self, speaker: Speaker, now: datetime) -> Intervention:
        self._check_running()
        po.check_no_interruption(self)
        waiting = self.entries_of(speaker.participant_id)
        entry = waiting[0] if waiting else self._new_entry(speaker, EntryKind.STATEMENT, "", now)
        return self._give(entry, now)

    def end(self, now: datetime) -> Intervention:
        if self.current is None:
            raise Refused("nobody_speaking", {"kind": "end"})
        if self.interrupted is not None:
            return po.end_order(self, now)  # without a ruling: the speaker it interrupted resumes
        ended = self._end_current(now)
        self.floor_changed_at = now
        return ended

    def close_list(self) -> None:
        self._check_running()
        if not self.list_open:
            raise Refused("already_closed", {"session": self.session_id})
        self.list_open = False
        self.events.append(ev.ListClosed())

    def open_list(self) -> None:
        self._check_running()
        if self.list_open:
            raise Refused("already_open", {"session": self.session_id})
        self.list_open = True
        self.events.append(ev.ListOpened())

    def move(self, participant_id: str, position: int) -> QueueEntry:
        entries = self.entries_of(participant_id)
        if not entries:
            raise Refused("not_in_queue", {"participant": participant_id})
        if not 1 <= position <= len(self.waiting):
            raise Refused("bad_position", {"value": str(position), "size": str(len(self.waiting))})
        moved = self.waiting.place_at(entries[0], position)
        if moved is None:
            self.events.append(ev.EntriesMoved(self.waiting.renumber()))
            return self.move(participant_id, position)
        self.events.append(ev.EntriesMoved((moved,)))
        return moved

    def last_word(self, speaker: Speaker, now: datetime) -> QueueEntry:
        """The participant speaks last: after everyone on the list now and everyone who asks later."""
        self._check_running()
        waiting = self.entries_of(speaker.participant_id)
        entry = waiting[0] if waiting else self._new_entry(speaker, EntryKind.STATEMENT, "", now)
        value = LAST_WORD + entry.id * MOVE_SLOTS
        if waiting:
            moved = self.waiting.reorder(entry, value)
            self.events.append(ev.EntriesMoved((moved,)))
            return moved
        entry = replace(entry, order=value, last_word=True)
        self.waiting.add(entry)
        self.events.append(ev.HandRaised(entry))
        return entry

    def set_limit(self, limit: timedelta, category: Category | None) -> None:
        if not timedelta(0) < limit <= MAX_LIMIT:
            raise Refused("bad_limit", {"value": str(int(limit.total_seconds())), "max": "1h"})
        for each in [category] if category else list(Category):
            self.limits[each] = limit
        floor = self.current
        if floor and floor.limit is not None and category in (None, floor.entry.speaker.time_category):
            self.current = replace(floor, limit=limit, warned=False, expired=False)
        held = self.interrupted
        if held and held.limit is not None and category in (None, held.entry.speaker.time_category):
            self.interrupted = replace(held, limit=limit, warned=False, expired=False)
        self.events.append(ev.LimitChanged(category, limit, self.current, self.interrupted))

    def call_replies(self) -> None:
        self._check_running()
        waiting = sum(e.kind is EntryKind.RIGHT_OF_REPLY for e in self.waiting)
        if not waiting:
            raise Refused("no_rights_of_reply", {"session": self.session_id})
        self.replies_called = True
        self.events.append(ev.RepliesCalled(waiting))

    def note(self, author: str, text: str, now: datetime) -> Note:
        _check_length("note", text, NOTE_LIMIT)
        if not text.strip():
            raise Refused("empty_text", {})
        note = Note(author, text, now, self.current.id if self.current else None)
        self.events.append(ev.NoteAdded(note))
        return note

    def rule(self, text: str, now: datetime) -> Intervention:
        """The chair's ruling on the point of order that has the floor: it ends, and the speaker it interrupted
        (if any) resumes with the time they had left."""
        _check_length("ruling", text, NOTE_LIMIT)
        if not text.strip():
            raise Refused("empty_text", {})
        return po.rule(self, text, now)

    # --- the clock ---------------------------------------------------------------------------------------

    def tick(self, now: datetime) -> None:
        """Warn the speaker before their time is up, then say it is; each once (clock.py)."""
        clock.tick(self, now)

    def finish(self, now: datetime) -> None:
        """The session is over: the floor ends, texts never delivered count as written, the rest as unheard."""
        if self.finished:
            return
        if self.interrupted:
            po.finish_interrupted(self, now)
        if self.current:
            self._end_current(now)
        entries = self.ordered()
        written = tuple(Intervention(e, now, None, now, Delivery.WRITTEN, e.statement) for e in entries if e.statement)
        unheard = tuple(e for e in entries if not e.statement)
        self.waiting.clear()
        self.list_open = False
        self.finished = True
        self.events.append(ev.SessionFinished(written, unheard))

    # --- inside ------------------------------------------------------------------------------------------

    def _check_running(self) -> None:
        if self.finished:
            raise Refused("session_over", {"session": self.session_id})

    def _floor_details(self) -> dict[str, str]:
        name = self.current.entry.speaker.name if self.current else ""
        return {"session": self.session_id, "speaker": name}

    def _new_entry(self, speaker: Speaker, kind: EntryKind, note: str, now: datetime) -> QueueEntry:
        if speaker.category is Category.MEMBER_STATE and not speaker.verified:
            raise Refused("unverified_state", {"delegation": speaker.delegation or ""})
        arrival, self.next_arrival = self.next_arrival, self.next_arrival + 1
        first_time = self.settings.prefer_first_time and speaker.delegation not in self.spoken
        has_spoken = self.settings.prefer_first_time and not first_time
        order = order_value(kind, speaker, arrival, self.settings.policy, has_spoken)
        return QueueEntry(arrival, speaker, kind, now, order, note)

    def _next_entry(self) -> QueueEntry | None:
        if not self.waiting:
            return None
        if self.replies_called:
            replies = [e for e in self.ordered() if e.kind is EntryKind.RIGHT_OF_REPLY]
            if replies:
                return replies[0]
            self.replies_called = False
        return self.waiting.first()

    def _give(self, entry: QueueEntry, now: datetime) -> Intervention:
        if self.current:
            self._end_current(now)
        if entry in self.entries_of(entry.speaker.participant_id):
            self.waiting.discard(entry)
        floor = Intervention(entry, now, self.limit_for(entry), statement=entry.statement)
        self.current = floor
        self.floor_changed_at = now
        if entry.speaker.delegation:
            self.spoken.add(entry.speaker.delegation)
        self.events.append(ev.FloorGiven(floor))
        return floor

    def _end_current(self, now: datetime) -> Intervention:
        assert self.current is not None
        ended = replace(self.current, ended_at=now)
        self.current = None
        self.last_heard[ended.entry.speaker.participant_id] = ended
        self.events.append(ev.InterventionEnded(ended))
        return ended


def _check_length(what: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise Refused(f"{what}_too_long", {"limit": str(limit), "length": str(len(text))})
