"""Who takes part: member States with their time zones, and the participants of the roster."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.language import Language
from bot.domain.settings import Category


class Level(StrEnum):
    HEAD_OF_STATE = "head-of-state"
    HEAD_OF_GOVERNMENT = "head-of-government"
    MINISTER = "minister"
    VICE_MINISTER = "vice-minister"
    AMBASSADOR = "ambassador"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class StateName:
    """A State's name in another working language, and the form 'the representative of …' needs in it
    (French "de l'Arménie", "du Kazakhstan"; Russian genitive "Армении")."""

    language: Language
    name: str
    of: str


@dataclass(frozen=True, slots=True)
class MemberState:
    iso: str
    name: str
    zone: str
    names: tuple[StateName, ...] = ()  # French and Russian, as UN documents write them

    def name_in(self, language: Language) -> str:
        """The short name in that language; the English one where the list gives none."""
        found = self._in(language)
        return found.name if found else self.name

    def of_in(self, language: Language) -> str | None:
        """The form that follows 'the representative' in that language; None in English or where none is given."""
        found = self._in(language)
        return found.of if found else None

    def _in(self, language: Language) -> StateName | None:
        return next((n for n in self.names if n.language is language), None)


@dataclass(frozen=True, slots=True)
class Participant:
    """A roster entry; an id the roster does not know is a participant with no delegation."""

    id: str
    name: str
    delegation: str | None = None
    category: Category = Category.STAKEHOLDER
    level: Level = Level.OTHER
    group: str | None = None
    roles: tuple[str, ...] = ()
    timezone: str | None = None
    verified: bool = True
    title: str = ""  # the position held, as registration gives it ("Minister of Labour and Social Protection")
    language: Language | None = None  # the language they registered in; /language and their platform's may differ

    @classmethod
    def unlisted(cls, participant_id: str) -> Participant:
        """Someone neither on the roster nor self-declared: shown as unverified wherever they appear."""
        return cls(id=participant_id, name=participant_id, verified=False)

    def has_role(self, role: str, session_id: str | None = None) -> bool:
        return role in self.roles or (session_id is not None and f"{role}:{session_id}" in self.roles)


class Directory:
    """Member States and roster together: who someone is, and which zone they read time in."""

    def __init__(self, states: Iterable[MemberState] = (), participants: Iterable[Participant] = ()) -> None:
        self.states = tuple(states)
        self.participants = tuple(participants)
        # Indexed once: a roster can hold thousands, and every command looks its sender up.
        self._states = {s.iso: s for s in self.states}
        self._participants = {p.id: p for p in self.participants}

    def state(self, iso: str) -> MemberState | None:
        return self._states.get(iso.upper())

    def state_name(self, code: str, language: Language = Language.EN) -> str:
        """A Member State's name for its code (AM -> Armenia); anything else (an organisation) as given."""
        state = self.state(code)
        return state.name_in(language) if state else code

    def participant(self, participant_id: str) -> Participant:
        return self.find(participant_id) or Participant.unlisted(participant_id)

    def find(self, participant_id: str) -> Participant | None:
        return self._participants.get(participant_id)

    def zone_of(self, participant: Participant) -> str | None:
        if participant.timezone:
            return participant.timezone
        state = self.state(participant.delegation) if participant.delegation else None
        return state.zone if state else None
