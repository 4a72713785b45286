"""Explicit conversions between a Meeting and the JSON-ready dict its row stores."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from bot.domain.interests import InterestRules
from bot.domain.language import Language
from bot.domain.meeting import Link, Meeting, Objective, Provenance, Session, SessionKind, Translation
from bot.domain.settings import Category, ReminderSettings, ReportSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.submissions import SubmissionRules
from bot.storage.meetings.tables import SessionRow

# Stored schedules outlive the code that wrote them; the number says which layout a document has.
SCHEDULE_FORMAT = 1


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """Every field of the meeting as JSON-compatible values (str, int, float, bool, None, list, dict)."""
    return {
        "format": SCHEDULE_FORMAT,
        "id": meeting.id,
        "title": meeting.title,
        "short_title": meeting.short_title,
        "timezone": meeting.timezone,
        "days": [day.isoformat() for day in meeting.days],
        "organisers": list(meeting.organisers),
        "main_channel": meeting.main_channel,
        "announced": meeting.announced.isoformat() if meeting.announced else None,
        "objectives": [
            {
                "number": o.number,
                "label": o.label,
                "title": o.title,
                "translations": _translations_to_list(o.translations),
            }
            for o in meeting.objectives
        ],
        "language": meeting.language.value,
        "channel_languages": {channel: language.value for channel, language in meeting.channel_languages},
        "translations": _translations_to_list(meeting.translations),
        "provenance": {
            "sourced": list(meeting.provenance.sourced),
            "reconstructed": list(meeting.provenance.reconstructed),
            "footer": meeting.provenance.footer,
        },
        "speaking": _speaking_to_dict(meeting.speaking),
        "reminders": _reminders_to_dict(meeting.reminders),
        "submissions": _submissions_to_dict(meeting.submissions),
        "interests": {"deadline": instant_to_text(d) if (d := meeting.interests.deadline) else None},
        "report": {"symbol": meeting.report.symbol, "issued": i.isoformat() if (i := meeting.report.issued) else None},
        "sessions": [_session_to_dict(session) for session in meeting.sessions],
    }


def meeting_from_dict(data: dict[str, Any]) -> Meeting:
    """The meeting meeting_to_dict wrote; raises ValueError for a layout this code does not know."""
    if data.get("format") != SCHEDULE_FORMAT:
        raise ValueError(f"stored schedule has format {data.get('format')!r}, expected {SCHEDULE_FORMAT}")
    provenance = data["provenance"]
    announced = data["announced"]
    return Meeting(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        timezone=data["timezone"],
        days=tuple(date.fromisoformat(day) for day in data["days"]),
        organisers=tuple(data["organisers"]),
        main_channel=data["main_channel"],
        announced=date.fromisoformat(announced) if announced is not None else None,
        objectives=tuple(
            Objective(o["number"], o["label"], o["title"], _translations_from_list(o.get("translations")))
            for o in data["objectives"]
        ),
        # Absent from schedules stored before languages: English, no channel of its own.
        language=Language(data.get("language", Language.EN.value)),
        channel_languages=tuple((c, Language(code)) for c, code in data.get("channel_languages", {}).items()),
        translations=_translations_from_list(data.get("translations")),
        provenance=Provenance(tuple(provenance["sourced"]), tuple(provenance["reconstructed"]), provenance["footer"]),
        speaking=_speaking_from_dict(data["speaking"]),
        reminders=_reminders_from_dict(data["reminders"]),
        submissions=_submissions_from_dict(data.get("submissions")),  # absent from schedules stored before it
        interests=_interests_from_dict(data.get("interests")),
        report=_report_from_dict(data.get("report")),
        sessions=tuple(_session_from_dict(session) for session in data["sessions"]),
    )


def copy_session(session: Session, row: SessionRow) -> None:
    """The session's columns onto its row (the JSON document holds the rest)."""
    row.kind = session.kind.value
    row.title = session.title
    row.starts_at = session.start
    row.ends_at = session.end
    row.channel = session.channel


def instant_to_text(moment: datetime) -> str:
    """ISO 8601 in UTC; a naive datetime is refused rather than guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} cannot be stored; give it a time zone")
    return moment.astimezone(UTC).isoformat()


def instant_from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "kind": session.kind.value,
        "title": session.title,
        "start": instant_to_text(session.start),
        "end": instant_to_text(session.end),
        "objectives": list(session.objectives),
        "channel": session.channel,
        "links": [{"kind": link.kind, "url": link.url} for link in session.links],
        "moderators": list(session.moderators),
        "speaking": _speaking_to_dict(session.speaking) if session.speaking else None,
        "replies_ahead": session.replies_ahead,
        "translations": _translations_to_list(session.translations),
    }


def _session_from_dict(data: dict[str, Any]) -> Session:
    speaking = data["speaking"]
    return Session(
        id=data["id"],
        kind=SessionKind(data["kind"]),
        title=data["title"],
        start=instant_from_text(data["start"]),
        end=instant_from_text(data["end"]),
        objectives=tuple(data["objectives"]),
        channel=data["channel"],
        links=tuple(Link(link["kind"], link["url"]) for link in data["links"]),
        moderators=tuple(data["moderators"]),
        speaking=_speaking_from_dict(speaking) if speaking is not None else None,
        replies_ahead=data.get("replies_ahead"),  # absent from schedules stored before it
        translations=_translations_from_list(data.get("translations")),
    )


def _translations_to_list(translations: tuple[Translation, ...]) -> list[dict[str, Any]]:
    return [
        {"language": t.language.value, "title": t.title, "label": t.label, "official": t.official} for t in translations
    ]


def _translations_from_list(data: list[dict[str, Any]] | None) -> tuple[Translation, ...]:
    """A title's translations; none in a schedule stored before them."""
    return tuple(Translation(Language(t["language"]), t["title"], t["label"], t["official"]) for t in data or ())


def _speaking_to_dict(speaking: SpeakingSettings) -> dict[str, Any]:
    return {
        "policy": speaking.policy.value,
        "prefer_first_time": speaking.prefer_first_time,
        "limits": {category.value: _seconds(span) for category, span in speaking.limits.items()},
        "warning_before_end": _seconds(speaking.warning_before_end),
        "opens_before": _seconds(speaking.opens_before),
        "overrun": _seconds(speaking.overrun),
        "written_needs_consent": speaking.written_needs_consent,
    }


def _speaking_from_dict(data: dict[str, Any]) -> SpeakingSettings:
    return SpeakingSettings(
        policy=SpeakingPolicy(data["policy"]),
        prefer_first_time=data["prefer_first_time"],
        limits={Category(name): timedelta(seconds=value) for name, value in data["limits"].items()},
        warning_before_end=timedelta(seconds=data["warning_before_end"]),
        # Meetings stored before these settings existed read with today's defaults.
        opens_before=timedelta(seconds=data.get("opens_before", _seconds(SpeakingSettings().opens_before))),
        overrun=timedelta(seconds=data.get("overrun", _seconds(SpeakingSettings().overrun))),
        written_needs_consent=data.get("written_needs_consent", False),
    )


def _reminders_to_dict(reminders: ReminderSettings) -> dict[str, Any]:
    digest_at = reminders.digest_at
    return {
        "offsets": [_seconds(offset) for offset in reminders.offsets],
        "digest_at": digest_at.isoformat() if digest_at is not None else None,
        "grace": _seconds(reminders.grace),
    }


def _reminders_from_dict(data: dict[str, Any]) -> ReminderSettings:
    digest_at = data["digest_at"]
    return ReminderSettings(
        offsets=tuple(timedelta(seconds=value) for value in data["offsets"]),
        digest_at=time.fromisoformat(digest_at) if digest_at is not None else None,
        grace=timedelta(seconds=data["grace"]),
    )


def _submissions_to_dict(rules: SubmissionRules | None) -> dict[str, Any] | None:
    if rules is None:
        return None
    return {
        "deadline": instant_to_text(rules.deadline),
        "word_limit": rules.word_limit,
        "late_until": instant_to_text(rules.late_until) if rules.late_until else None,
        "categories": [category.value for category in rules.categories],
    }


def _submissions_from_dict(data: dict[str, Any] | None) -> SubmissionRules | None:
    if data is None:
        return None
    late_until = data["late_until"]
    return SubmissionRules(
        deadline=instant_from_text(data["deadline"]),
        word_limit=data["word_limit"],
        late_until=instant_from_text(late_until) if late_until else None,
        categories=tuple(Category(value) for value in data["categories"]),
    )


def _report_from_dict(data: dict[str, Any] | None) -> ReportSettings:
    if not data:
        return ReportSettings()
    issued = data.get("issued")
    return ReportSettings(symbol=data.get("symbol") or "", issued=date.fromisoformat(issued) if issued else None)


def _interests_from_dict(data: dict[str, Any] | None) -> InterestRules:
    deadline = data.get("deadline") if data else None
    return InterestRules(deadline=instant_from_text(deadline) if deadline else None)


def _seconds(span: timedelta) -> int | float:
    # Whole seconds (the usual case) stay integers so the stored JSON reads "300", not "300.0";
    # timedelta(seconds=float) rounds to the microsecond, so fractions also come back exactly.
    if span.microseconds == 0:
        return span.days * 86_400 + span.seconds
    return span.total_seconds()
