"""The meeting's record as JSON (schema in docs/record-schema.md): times in ISO 8601 UTC, durations in seconds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.domain.language import Language
from bot.domain.queue.entries import Intervention, Note, QueueEntry
from bot.formats.safe_text import safe_json
from bot.services.record import MeetingRecord, SessionRecord

SCHEMA_VERSION = 1


def record_to_json(record: MeetingRecord, *, generated_at: datetime, language: Language = Language.EN) -> str:
    """The record; the keys and codes are the schema (English), the sessions' titles in the language asked for."""
    meeting = record.meeting
    document = {
        "schema": SCHEMA_VERSION,
        "generated_at": _instant(generated_at),
        "meeting": {
            "id": meeting.id,
            "title": meeting.title,
            "timezone": meeting.timezone,
            "days": [d.isoformat() for d in meeting.days],
        },
        "sessions": [_session(s, language) for s in record.sessions],
    }
    return safe_json(document)


def _session(record: SessionRecord, language: Language) -> dict[str, Any]:
    session = record.session
    return {
        "id": session.id,
        "title": session.title_in(language),
        "kind": session.kind.value,
        "starts_at": _instant(session.start),
        "ends_at": _instant(session.end),
        "objectives": list(session.objectives),
        "interventions": [_intervention(i, record) for i in record.interventions],
        "session_notes": [_note(n) for n in record.session_notes],
        "inscribed_not_heard": [_entry(e) for e in record.unheard],
        "speaking_time_seconds": {
            "by_delegation": _seconds(record.time_by(lambda i: i.entry.speaker.delegation or i.entry.speaker.name)),
            "by_category": _seconds(record.time_by(lambda i: i.entry.speaker.time_category.value)),
        },
    }


def _intervention(intervention: Intervention, record: SessionRecord) -> dict[str, Any]:
    notes = record.notes_on(intervention)
    corrections = [{"by": c.by, "at": _instant(c.at), "text": c.text} for c in record.corrections_of(intervention)]
    entry = intervention.entry
    return {
        "number": record.number_of(intervention),  # what /correct takes: rt1:3
        **_entry(entry),
        "started_at": _instant(intervention.started_at),
        "ended_at": _instant(intervention.ended_at) if intervention.ended_at else None,
        "duration_seconds": int(intervention.duration.total_seconds()) if intervention.ended_at else None,
        "limit_seconds": int(intervention.limit.total_seconds()) if intervention.limit else None,
        "statement": intervention.statement,
        "delivery": intervention.delivery.value,
        "counts_for_time": intervention.counts_for_time,
        # Points of order take the floor at once: the speaker's clock stood still this long (not in the duration);
        # on a point of order, the number of the intervention it interrupted, and the chair's ruling on it.
        "paused_seconds": int(intervention.paused.total_seconds()),
        "interrupted": record.number_of(cut) if (cut := record.interrupted_by(intervention)) else None,
        "ruling": intervention.ruling,
        "moderator_notes": [_note(n) for n in notes],
        "corrections": corrections,
    }


def _entry(entry: QueueEntry) -> dict[str, Any]:
    speaker = entry.speaker
    return {
        "id": entry.id,
        "participant": speaker.participant_id,
        "name": speaker.name,
        "delegation": speaker.delegation,
        "category": speaker.category.value,
        "level": speaker.level.value,
        "on_behalf_of": speaker.group,
        "verified": speaker.verified,
        "kind": entry.kind.value,
        "note": entry.note,
        "queued_at": _instant(entry.queued_at),
    }


def _note(note: Note) -> dict[str, Any]:
    return {"author": note.author, "text": note.text, "at": _instant(note.at)}


def _seconds(totals: dict[str, timedelta]) -> dict[str, int]:
    return {key: int(span.total_seconds()) for key, span in totals.items()}


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
