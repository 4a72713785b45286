"""The pure parts of storage: URL normalisation, Meeting <-> dict and TranscriptEntry <-> row conversions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.language import Language
from bot.domain.meeting import Link, Meeting, Objective, Provenance, Session, SessionKind, Translation
from bot.domain.settings import Category, ReminderSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.schedule_toml import load_schedule_toml
from bot.storage.base import UtcDateTime
from bot.storage.engine import normalise_url
from bot.storage.meetings.mapping import meeting_from_dict, meeting_to_dict
from bot.storage.transcript.mapping import entry_from_row, entry_values

SCHEDULES = Path(__file__).resolve().parents[2] / "bot" / "schedules"


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        pytest.param("sqlite:///podium.db", "sqlite+aiosqlite:///podium.db", id="sqlite-relative"),
        pytest.param("sqlite:////var/lib/podium/p.db", "sqlite+aiosqlite:////var/lib/podium/p.db", id="sqlite-abs"),
        pytest.param("sqlite://", "sqlite+aiosqlite://", id="sqlite-memory"),
        pytest.param("postgresql://u:p%40ss@db:5432/podium", "postgresql+asyncpg://u:p%40ss@db:5432/podium", id="pg"),
        pytest.param("postgres://u@db/podium?ssl=require", "postgresql+asyncpg://u@db/podium?ssl=require", id="heroku"),
        pytest.param("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite:///x.db", id="already-async-sqlite"),
        pytest.param("postgresql+asyncpg://u@db/p", "postgresql+asyncpg://u@db/p", id="already-async-pg"),
        pytest.param("postgresql+psycopg://u@db/p", "postgresql+psycopg://u@db/p", id="other-driver-kept"),
    ],
)
def test_normalise_url_gives_bare_schemes_their_async_driver(given_url: str, expected: str) -> None:
    assert normalise_url(given_url) == expected


def test_normalise_url_refuses_a_non_url() -> None:
    with pytest.raises(ValueError, match="not a database URL"):
        normalise_url("podium.db")


@pytest.mark.parametrize("name", ["unece-gcm-review-2020.toml", "harbour-forum-2027.toml"])
def test_sample_meetings_round_trip_through_json(name: str) -> None:
    meeting = load_schedule_toml(SCHEDULES / name)

    stored = json.dumps(meeting_to_dict(meeting), ensure_ascii=False)

    assert meeting_from_dict(json.loads(stored)) == meeting


def test_stored_layout_is_readable() -> None:
    data = meeting_to_dict(load_schedule_toml(SCHEDULES / "harbour-forum-2027.toml"))

    assert data["format"] == 1
    assert data["days"] == ["2027-03-13", "2027-03-14"]
    assert data["sessions"][0]["start"] == "2027-03-13T16:30:00+00:00"
    assert data["speaking"]["limits"]["member-state"] == 180
    assert data["reminders"] == {"offsets": [-1800, -300, 0], "digest_at": "17:00:00", "grace": 600}


def test_unknown_layout_is_refused() -> None:
    data = meeting_to_dict(load_schedule_toml(SCHEDULES / "harbour-forum-2027.toml")) | {"format": 99}

    with pytest.raises(ValueError, match="format 99"):
        meeting_from_dict(data)


def test_naive_session_time_is_refused() -> None:
    meeting = load_schedule_toml(SCHEDULES / "harbour-forum-2027.toml")
    naive = meeting.sessions[0].start.replace(tzinfo=None)
    broken = Meeting("m", "t", "UTC", (), (Session("s", SessionKind.OTHER, "t", naive, naive),))

    with pytest.raises(ValueError, match="naive datetime"):
        meeting_to_dict(broken)


texts = st.text(max_size=12)
spans = st.timedeltas(min_value=timedelta(days=-10), max_value=timedelta(days=10))
# Instants in UTC, as the domain keeps them. (PEP 495: an ambiguous local time never equals a time in
# another zone, so zone-local instants could not round-trip by equality even when stored correctly.)
instants = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.timezones()).map(
    lambda moment: moment.astimezone(UTC)
)
speaking_settings = st.builds(
    SpeakingSettings,
    policy=st.sampled_from(SpeakingPolicy),
    prefer_first_time=st.booleans(),
    limits=st.dictionaries(st.sampled_from(Category), spans),
    warning_before_end=spans,
    opens_before=spans,
    overrun=spans,
)
translations = st.lists(st.builds(Translation, st.sampled_from(Language), texts, texts, st.booleans()), max_size=2).map(
    tuple
)
sessions = st.builds(
    Session,
    id=texts,
    kind=st.sampled_from(SessionKind),
    title=texts,
    start=instants,
    end=instants,
    objectives=st.lists(st.integers()).map(tuple),
    channel=st.none() | texts,
    links=st.lists(st.builds(Link, texts, texts), max_size=3).map(tuple),
    moderators=st.lists(texts, max_size=3).map(tuple),
    speaking=st.none() | speaking_settings,
    translations=translations,
)
meetings = st.builds(
    Meeting,
    id=texts,
    title=texts,
    timezone=texts,
    days=st.lists(st.dates(), max_size=4).map(tuple),
    sessions=st.lists(sessions, max_size=4).map(tuple),
    organisers=st.lists(texts, max_size=3).map(tuple),
    short_title=texts,
    main_channel=st.none() | texts,
    announced=st.none() | st.dates(),
    objectives=st.lists(st.builds(Objective, st.integers(), texts, texts, translations), max_size=3).map(tuple),
    language=st.sampled_from(Language),
    channel_languages=st.dictionaries(texts, st.sampled_from(Language), max_size=2).map(lambda d: tuple(d.items())),
    provenance=st.builds(Provenance, st.lists(texts).map(tuple), st.lists(texts).map(tuple), texts),
    speaking=speaking_settings,
    reminders=st.builds(
        ReminderSettings,
        offsets=st.lists(spans, max_size=4).map(tuple),
        digest_at=st.none() | st.times(),
        grace=spans,
    ),
)


@given(meetings)
def test_any_meeting_round_trips_through_json(meeting: Meeting) -> None:
    stored = json.dumps(meeting_to_dict(meeting), ensure_ascii=False)

    assert meeting_from_dict(json.loads(stored)) == meeting


@given(
    at=instants,
    kind=st.sampled_from(EntryKind),
    text=st.text(),
    channel=st.none() | texts,
    actor=st.none() | texts,
    session_id=st.none() | texts,
)
def test_any_transcript_entry_round_trips_through_a_row(
    at: datetime, kind: EntryKind, text: str, channel: str | None, actor: str | None, session_id: str | None
) -> None:
    entry = TranscriptEntry("m", at, kind, text, channel=channel, actor=actor, session_id=session_id)

    assert entry_from_row(entry_values(entry)) == entry


def test_utc_datetime_stores_utc_and_reads_back_aware_utc() -> None:
    column = UtcDateTime()
    yerevan = datetime(2020, 11, 12, 16, 0, tzinfo=ZoneInfo("Asia/Yerevan"))

    stored = column.process_bind_param(yerevan, dialect=None)  # type: ignore[arg-type]
    read_naive = column.process_result_value(datetime(2020, 11, 12, 12, 0), dialect=None)  # type: ignore[arg-type]

    assert stored == yerevan
    assert stored is not None
    assert stored.tzinfo is UTC
    assert read_naive == datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
    assert read_naive is not None
    assert read_naive.tzinfo is UTC


def test_utc_datetime_refuses_naive_values() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        UtcDateTime().process_bind_param(datetime(2020, 11, 12, 12, 0), dialect=None)  # type: ignore[arg-type]
