"""Explicit conversions between the list of speakers and its rows: entries, interventions, notes, limits."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import RowMapping

from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category
from bot.storage.queues.tables import INTERVENTIONS
from bot.storage.speakers import speaker_from_row, speaker_values

# Selected next to the entry's columns, whose names (statement above all) they would otherwise shadow.
INTERVENTION_COLUMNS = (
    INTERVENTIONS.c.started_at.label("iv_started_at"),
    INTERVENTIONS.c.ended_at.label("iv_ended_at"),
    INTERVENTIONS.c.limit_seconds.label("iv_limit_seconds"),
    INTERVENTIONS.c.delivery.label("iv_delivery"),
    INTERVENTIONS.c.statement.label("iv_statement"),
    INTERVENTIONS.c.warned.label("iv_warned"),
    INTERVENTIONS.c.expired.label("iv_expired"),
    INTERVENTIONS.c.paused_seconds.label("iv_paused_seconds"),
    INTERVENTIONS.c.suspended_at.label("iv_suspended_at"),
    INTERVENTIONS.c.interrupted_id.label("iv_interrupted_id"),
    INTERVENTIONS.c.ruling.label("iv_ruling"),
)


def entry_values(entry: QueueEntry, status: str) -> dict[str, Any]:
    """The entry's columns, without the session's key."""
    return {
        "id": entry.id,
        **speaker_values(entry.speaker),
        "kind": entry.kind.value,
        "note": entry.note,
        "statement": entry.statement,
        "queued_at": entry.queued_at,
        "order_value": entry.order,
        "last_word": entry.last_word,
        "status": status,
        "interest_id": entry.interest,
    }


def entry_from_row(row: RowMapping) -> QueueEntry:
    return QueueEntry(
        id=row["id"],
        speaker=speaker_from_row(row),
        kind=EntryKind(row["kind"]),
        queued_at=row["queued_at"],
        order=row["order_value"],
        note=row["note"],
        statement=row["statement"],
        last_word=row["last_word"],
        interest=row["interest_id"],
    )


def intervention_values(intervention: Intervention) -> dict[str, Any]:
    """The columns that change while an intervention runs (ended, warned, given more time, a text)."""
    return {
        "ended_at": intervention.ended_at,
        "limit_seconds": seconds(intervention.limit),
        "statement": intervention.statement,
        "warned": intervention.warned,
        "expired": intervention.expired,
        "paused_seconds": intervention.paused.total_seconds(),
        "suspended_at": intervention.suspended_at,
        "interrupted_id": intervention.interrupted,
        "ruling": intervention.ruling,
    }


def intervention_from_row(row: RowMapping) -> Intervention:
    """An intervention from an entry's columns joined with INTERVENTION_COLUMNS."""
    limit = row["iv_limit_seconds"]
    return Intervention(
        entry=entry_from_row(row),
        started_at=row["iv_started_at"],
        limit=timedelta(seconds=limit) if limit is not None else None,
        ended_at=row["iv_ended_at"],
        delivery=Delivery(row["iv_delivery"]),
        statement=row["iv_statement"],
        warned=row["iv_warned"],
        expired=row["iv_expired"],
        paused=timedelta(seconds=row["iv_paused_seconds"]),
        suspended_at=row["iv_suspended_at"],
        interrupted=row["iv_interrupted_id"],
        ruling=row["iv_ruling"],
    )


def note_from_row(row: RowMapping) -> Note:
    return Note(row["author"], row["text"], row["at"], row["intervention_id"])


def state_values(queue: SpeakerQueue) -> dict[str, Any]:
    """The list's own columns, except the version the optimistic check sets."""
    return {
        "list_open": queue.list_open,
        "replies_called": queue.replies_called,
        "finished": queue.finished,
        "limits": limits_to_text(queue.limits),
        "next_arrival": queue.next_arrival,
        "floor_changed_at": queue.floor_changed_at,
    }


def limits_to_text(limits: Mapping[Category, timedelta]) -> str:
    return json.dumps({category.value: seconds(span) for category, span in limits.items()}, sort_keys=True)


def limits_from_text(text: str) -> dict[Category, timedelta]:
    return {Category(name): timedelta(seconds=value) for name, value in json.loads(text).items()}


def seconds(span: timedelta | None) -> float | None:
    # A float holds whole and half seconds exactly; timedelta(seconds=float) rounds to the microsecond.
    return span.total_seconds() if span is not None else None
