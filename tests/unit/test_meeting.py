"""The meeting model: sessions by day, what is on, rehearsal shifts that keep local times."""

from datetime import UTC, date, datetime

from bot.domain.meeting import Link, Meeting, SessionKind


def test_opening_starts_at_nine_utc_on_the_first_day(gcm: Meeting) -> None:
    opening = gcm.session("opening")
    assert opening is not None
    assert opening.start == datetime(2020, 11, 12, 9, 0, tzinfo=UTC)
    assert opening.end == datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


def test_roundtables_follow_the_73_326_clustering(gcm: Meeting) -> None:
    clusters = {s.id: s.objectives for s in gcm.sessions if s.kind is SessionKind.ROUNDTABLE}
    assert clusters == {
        "rt1": (2, 5, 6, 12, 18),
        "rt2": (4, 8, 9, 10, 11, 13, 21),
        "rt3": (14, 15, 16, 19, 20, 22),
        "rt4": (1, 3, 7, 17, 23),
    }
    assert sorted(n for numbers in clusters.values() for n in numbers) == list(range(1, 24))


def test_each_day_runs_from_ten_to_fifteen_forty_cet(gcm: Meeting) -> None:
    for day in (1, 2):
        sessions = gcm.sessions_on(day)
        assert sessions[0].start.astimezone(gcm.zone).strftime("%H:%M") == "10:00"
        assert sessions[-1].end.astimezone(gcm.zone).strftime("%H:%M") == "15:40"


def test_current_and_upcoming_session(gcm: Meeting) -> None:
    during_rt1 = datetime(2020, 11, 12, 10, 0, tzinfo=UTC)
    assert gcm.current(during_rt1).id == "rt1"  # type: ignore[union-attr]
    assert gcm.upcoming(during_rt1).id == "break-1"  # type: ignore[union-attr]
    assert gcm.current(datetime(2020, 11, 12, 8, 59, tzinfo=UTC)) is None
    assert gcm.upcoming(datetime(2020, 11, 13, 15, 0, tzinfo=UTC)) is None


def test_a_session_ends_when_the_next_begins(gcm: Meeting) -> None:
    boundary = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
    assert gcm.current(boundary).id == "rt1"  # type: ignore[union-attr]


def test_rehearsal_keeps_local_times_across_a_change_of_offset(gcm: Meeting) -> None:
    # 12 November is CET (UTC+1); 2 July is CEST (UTC+2): the same 10:00 local is an hour earlier in UTC.
    rehearsal = gcm.rehearsed_on(date(2026, 7, 2))
    opening = rehearsal.session("opening")
    assert rehearsal.days == (date(2026, 7, 2), date(2026, 7, 3))
    assert opening.start == datetime(2026, 7, 2, 8, 0, tzinfo=UTC)  # type: ignore[union-attr]
    local = [(s.start.astimezone(gcm.zone).time(), s.id) for s in rehearsal.sessions]
    assert local == [(s.start.astimezone(gcm.zone).time(), s.id) for s in gcm.sessions]
    assert rehearsal.announced == date(2026, 5, 11)  # 52 days before, as in 2020


def test_harbour_forum_keeps_0830_local_across_the_spring_change(harbour: Meeting) -> None:
    welcome, ferries = harbour.session("welcome"), harbour.session("ferries")
    assert welcome.start.hour == 16  # type: ignore[union-attr]  # PST, UTC-8
    assert ferries.start.hour == 15  # type: ignore[union-attr]  # PDT, UTC-7


def test_links_on_the_invalid_domain_are_placeholders() -> None:
    assert Link("join", "https://meeting.invalid/x").is_placeholder
    assert not Link("join", "https://unece.org/x").is_placeholder
    assert not Link("join", "https://invalid.example.org/").is_placeholder


def test_channels_are_the_main_one_then_each_sessions_once(gcm: Meeting) -> None:
    assert gcm.channels == ("gcm-review", "gcm-plenary", "gcm-rt1", "gcm-rt2", "gcm-rt3", "gcm-rt4")
