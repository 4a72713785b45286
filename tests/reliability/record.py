"""What the database kept, read straight from its tables, held against what the server acknowledged."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import text

from bot.storage.database import Database
from tests.reliability.load import Command

MEETING = "unece-gcm-review-2020"
SESSION = "rt1"
SHOWN = 25  # lost or doubled commands listed in a report; the counts are always complete
CONFIRMATIONS = ("You are on the list", "Your statement is kept")  # bot/adapters/text/floor.py

_ENTRIES = text(
    "SELECT participant_id, statement FROM queue_entries WHERE meeting_id = :meeting AND session_id = :session"
)
_REQUESTS = text("SELECT request_id, COUNT(*) FROM transcript_entries WHERE request_id IS NOT NULL GROUP BY request_id")


@dataclass(frozen=True)
class Stored:
    """rt1's entries per participant (their statements), and how many transcript rows hold each request id."""

    entries: dict[str, list[str | None]]
    requests: Counter[str]


async def read_stored(database_url: str) -> Stored:
    database = await Database.open(database_url)
    try:
        async with database.engine.connect() as connection:
            rows = (await connection.execute(_ENTRIES, {"meeting": MEETING, "session": SESSION})).all()
            requests = Counter({str(rid): int(n) for rid, n in (await connection.execute(_REQUESTS)).all()})
    finally:
        await database.close()
    entries: dict[str, list[str | None]] = defaultdict(list)
    for participant, statement in rows:
        entries[str(participant)].append(statement)
    return Stored(dict(entries), requests)


@dataclass
class Report:
    """Commands sent and acknowledged (HTTP 200), and those of them missing from or doubled in the record."""

    sent: list[Command]
    lost: list[tuple[Command, str]] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)

    @property
    def acknowledged(self) -> list[Command]:
        return [c for c in self.sent if c.acknowledged]

    @property
    def unacknowledged(self) -> list[Command]:
        return [c for c in self.sent if not c.acknowledged]

    def summary(self) -> str:
        counts = (len(self.sent), len(self.acknowledged), len(self.lost), len(self.doubled))
        return "sent {}, acknowledged {}, lost {}, doubled {}".format(*counts)

    def details(self) -> str:
        """Every fault, one a line (the first SHOWN of each kind): what was lost and why, what was doubled."""
        lines = [f"lost, by the answer they got: {self.breakdown()}"] if self.lost else []
        lines += [f"lost: {command.describe()} -> {why}" for command, why in self.lost[:SHOWN]]
        lines += [f"doubled: {what}" for what in self.doubled[:SHOWN]]
        lines += [f"never acknowledged: {command.describe()}" for command in self.unacknowledged[:SHOWN]]
        return "\n".join(lines)

    def breakdown(self) -> str:
        """The lost commands counted by command and answer: confirmed, a bare 200, or refused (with what)."""
        counts = Counter(f"{command.command} {answer_kind(command.answer)}" for command, _ in self.lost)
        return "; ".join(f"{n} {what}" for what, n in counts.most_common())


def answer_kind(answer: str) -> str:
    if not answer:
        return "answered with a bare 200 (taken for a repeated delivery)"
    if answer.startswith(CONFIRMATIONS):
        return "confirmed"
    return f"refused with a 200: {answer[:60]!r}"


def compare(sent: Sequence[Command], stored: Stored) -> Report:
    report = Report(list(sent))
    for command in report.acknowledged:
        why = _missing(command, stored)
        if why:
            report.lost.append((command, why))
    for user in sorted({c.user for c in sent}):
        if len(stored.entries.get(user, [])) > 1:
            report.doubled.append(f"{user} has {len(stored.entries[user])} entries on the list of {SESSION}")
    for request_id, count in sorted(stored.requests.items()):
        if count > 1:
            report.doubled.append(f"request id {request_id} is in the transcript {count} times")
    return report


def _missing(command: Command, stored: Stored) -> str:
    """Why an acknowledged command is not in the record, or "" when it is."""
    entries = stored.entries.get(command.user, [])
    if not entries:
        return f"{command.user} has no entry on the list of {SESSION}"
    if command.command == "/statement" and command.text not in entries:
        return f"the entry's statement is {entries[0]!r}"
    if stored.requests[command.trigger_id] == 0:
        return "its request id is not in the transcript"
    return ""
