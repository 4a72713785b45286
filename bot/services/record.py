"""The record of the meeting, read back from storage: every intervention, notes, who was not heard, speaking time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TypeVar

from bot.domain.consents import agreed_in
from bot.domain.corrections import Correction
from bot.domain.errors import Refused
from bot.domain.language import Language
from bot.domain.meeting import Meeting, Session, SessionKind
from bot.domain.objectives import ObjectiveFinder
from bot.domain.participants import Directory, MemberState, Participant
from bot.domain.queue.entries import Delivery, Intervention, Note, QueueEntry
from bot.domain.submissions import Submission, current
from bot.services.ports import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SessionRecord:
    session: Session
    interventions: tuple[Intervention, ...]
    notes: tuple[Note, ...]
    unheard: tuple[QueueEntry, ...]
    corrections: tuple[Correction, ...] = ()
    # Who agreed that their statement, not delivered, be published; consulted only where the session needs it.
    consented: frozenset[str] = frozenset()
    needs_consent: bool = False
    _numbers: dict[int, int] = field(init=False, repr=False, compare=False)
    # Notes and corrections by intervention id, in record order: every export asks for them once per
    # intervention, and a scan of all the session's notes each time grew with the square of the record.
    _notes_on: dict[int, tuple[Note, ...]] = field(init=False, repr=False, compare=False)
    _corrections_of: dict[int, tuple[Correction, ...]] = field(init=False, repr=False, compare=False)
    _by_id: dict[int, Intervention] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_numbers", {i.id: n for n, i in enumerate(self.interventions, start=1)})
        object.__setattr__(self, "_by_id", {i.id: i for i in self.interventions})
        object.__setattr__(self, "_notes_on", _grouped((n.intervention, n) for n in self.notes))
        object.__setattr__(self, "_corrections_of", _grouped((c.entry_id, c) for c in self.corrections))

    def number_of(self, intervention: Intervention) -> int:
        """Its number in the session, as every export shows it and /correct takes it (`rt1:3`).

        1 is the first intervention heard; statements submitted in writing follow the last one heard.
        """
        return self._numbers[intervention.id]

    @property
    def delivered(self) -> tuple[Intervention, ...]:
        """The interventions heard, in the order they started."""
        return tuple(i for i in self.interventions if i.delivery is Delivery.DELIVERED)

    @property
    def written(self) -> tuple[Intervention, ...]:
        """The statements never delivered, submitted in writing when the list closed."""
        return tuple(i for i in self.interventions if i.delivery is Delivery.WRITTEN)

    @property
    def published_written(self) -> tuple[Intervention, ...]:
        """The statements submitted in writing that published documents (notes, report) may show: all of them,
        or, where the session asks for consent, those whose speaker agreed. The others stay in the record."""
        if not self.needs_consent:
            return self.written
        return tuple(i for i in self.written if i.entry.speaker.participant_id in self.consented)

    def interrupted_by(self, order: Intervention) -> Intervention | None:
        """The intervention a point of order interrupted (it took the floor at once), if it did."""
        return self._by_id.get(order.interrupted) if order.interrupted is not None else None

    @property
    def rulings(self) -> tuple[Intervention, ...]:
        """The points of order the chair ruled on, in the order they were raised; `ruling` holds the text."""
        return tuple(i for i in self.interventions if i.ruling is not None)

    def corrections_of(self, intervention: Intervention) -> tuple[Correction, ...]:
        return self._corrections_of.get(intervention.id, ())

    def notes_on(self, intervention: Intervention) -> tuple[Note, ...]:
        return self._notes_on.get(intervention.id, ())

    @property
    def session_notes(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.intervention is None)

    def time_by(self, key: Callable[[Intervention], str]) -> dict[str, timedelta]:
        """Speaking time delivered, points of order excluded, largest first."""
        totals: dict[str, timedelta] = defaultdict(timedelta)
        for intervention in self.interventions:
            if intervention.counts_for_time:
                totals[key(intervention)] += intervention.duration
        return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def _grouped(pairs: Iterable[tuple[int | None, T]]) -> dict[int, tuple[T, ...]]:
    """The items by the intervention id each is about, in the order given; those about none are left out."""
    found: dict[int, list[T]] = defaultdict(list)
    for key, item in pairs:
        if key is not None:
            found[key].append(item)
    return {key: tuple(items) for key, items in found.items()}


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    meeting: Meeting
    sessions: tuple[SessionRecord, ...]
    names: Mapping[str, str] = field(default_factory=dict)  # participant id -> name, from the roster
    # Each Member State's current written submission (the version it stands by), and the States' names by code.
    submissions: tuple[Submission, ...] = ()
    states: Mapping[str, str] = field(default_factory=dict)
    # Who registered (the roster): the report counts them and lists them in its annex.
    participants: tuple[Participant, ...] = ()
    # The States with their names in every working language: an export in French or Russian names them so.
    member_states: tuple[MemberState, ...] = ()
    finder: ObjectiveFinder = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finder", ObjectiveFinder(self.meeting.objectives))

    def objectives_of(self, intervention: Intervention) -> tuple[int, ...]:
        """The objectives an intervention addressed, from what it was announced as and its statement."""
        return self.finder(f"{intervention.entry.note} {intervention.statement or ''}")

    def name_of(self, participant_id: str) -> str:
        return self.names.get(participant_id, participant_id)

    def state_name(self, code: str) -> str:
        """The State's name as the UN wrote it (AM -> Armenia); the code when the list does not know it."""
        return self.states.get(code.upper(), code)

    def state_of(self, code: str, language: Language) -> str | None:
        """The form 'the representative of …' needs in that language ("de l'Arménie", "Армении"); None if unknown."""
        found = next((s for s in self.member_states if s.iso == code.upper()), None)
        return found.of_in(language) if found else None

    def in_language(self, language: Language) -> MeetingRecord:
        """The record with the meeting and the States named in that language (sorting and every export follow)."""
        if language is Language.EN:
            return self
        named = replace(self, meeting=self.meeting.in_language(language))
        if not self.member_states:
            return named
        return replace(named, states={s.iso: s.name_in(language) for s in self.member_states})

    def submissions_on(self, objectives: Iterable[int]) -> tuple[Submission, ...]:
        """The written submissions that address any of these objectives (found as for interventions), by name."""
        wanted = set(objectives)
        found = [s for s in self.submissions if wanted.intersection(self.finder(s.text))]
        return tuple(sorted(found, key=lambda s: self.state_name(s.delegation)))


def on_day(record: MeetingRecord, day: int) -> MeetingRecord:
    """The record of one day's sessions (day 1 is the first day of the meeting)."""
    if not 1 <= day <= len(record.meeting.days):
        raise Refused("unknown_day", {"value": str(day), "days": str(len(record.meeting.days))})
    ids = {s.id for s in record.meeting.sessions_on(day)}
    sessions = tuple(s for s in record.sessions if s.session.id in ids)
    return replace(record, sessions=sessions)


async def read_record(
    meeting: Meeting,
    uow: UnitOfWork,
    session_id: str | None = None,
    directory: Directory | None = None,
) -> MeetingRecord:
    """The record of every session with speakers (or of one session, even an empty one), and the written
    submissions received (each delegation's current version)."""
    if session_id is not None and meeting.session(session_id) is None:
        raise Refused("unknown_session", {"value": session_id, "known": ", ".join(s.id for s in meeting.sessions)})
    records = []
    async with uow:
        corrections = await uow.corrections.all(meeting.id)
        consents = await uow.consents.all(meeting.id)
        for session in _sessions(meeting, session_id):
            mine = tuple(c for c in corrections if c.session_id == session.id)
            interventions = tuple(_corrected(i, mine) for i in await uow.queues.interventions(meeting.id, session.id))
            notes = await uow.queues.notes(meeting.id, session.id)
            unheard = await uow.queues.unheard(meeting.id, session.id)
            consented = agreed_in(consents, session.id)
            needs = meeting.speaking_for(session).written_needs_consent
            records.append(SessionRecord(session, interventions, tuple(notes), tuple(unheard), mine, consented, needs))
        submissions = tuple(current(await uow.submissions.all(meeting.id)).values())
    if directory is None:
        return MeetingRecord(meeting, tuple(records), submissions=submissions)
    names = {p.id: p.name for p in directory.participants}
    states = {s.iso: s.name for s in directory.states}
    return MeetingRecord(meeting, tuple(records), names, submissions, states, directory.participants, directory.states)


def _corrected(intervention: Intervention, corrections: tuple[Correction, ...]) -> Intervention:
    """The intervention with its latest correction's text, if staff corrected it."""
    latest = [c for c in corrections if c.entry_id == intervention.id]
    return replace(intervention, statement=latest[-1].text) if latest else intervention


def _sessions(meeting: Meeting, session_id: str | None) -> Sequence[Session]:
    if session_id is not None:
        return [s for s in meeting.sessions if s.id == session_id]
    return [s for s in meeting.sessions if s.kind is not SessionKind.BREAK]
