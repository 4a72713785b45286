"""The reminder plan and the pure decision of what is due: keys, times, digests, grace, rehearsals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.domain.meeting import Meeting
from bot.domain.reminders import NoticeKind, decide, next_due, plan
from bot.domain.schedule_rules import check_meeting
from bot.domain.settings import ReminderSettings


def test_the_digest_of_12_november_is_due_at_16_utc_on_the_11th(gcm: Meeting) -> None:
    digests = [n for n in plan(gcm) if n.kind is NoticeKind.DIGEST]
    assert [(n.due, n.sessions) for n in digests] == [
        (datetime(2020, 11, 11, 16, 0, tzinfo=UTC), ("opening", "rt1", "rt2")),
        (datetime(2020, 11, 12, 16, 0, tzinfo=UTC), ("rt3", "rt4", "closing")),
    ]
    assert {n.channel for n in digests} == {"gcm-review"}


def test_each_session_is_announced_before_and_at_its_start_in_both_channels(gcm: Meeting) -> None:
    opening = [(n.due, n.kind, n.channel) for n in plan(gcm) if n.sessions == ("opening",)]
    assert opening == [
        (datetime(2020, 11, 12, 8, 45, tzinfo=UTC), NoticeKind.BEFORE, "gcm-plenary"),
        (datetime(2020, 11, 12, 8, 45, tzinfo=UTC), NoticeKind.BEFORE, "gcm-review"),
        (datetime(2020, 11, 12, 9, 0, tzinfo=UTC), NoticeKind.START, "gcm-plenary"),
        (datetime(2020, 11, 12, 9, 0, tzinfo=UTC), NoticeKind.START, "gcm-review"),
    ]


def test_breaks_have_no_reminders_and_keys_are_unique(gcm: Meeting) -> None:
    notices = plan(gcm)
    assert not [n for n in notices if n.sessions[0].startswith("break")]
    assert len({n.key for n in notices}) == len(notices)


def test_keys_survive_a_reload_that_moves_a_session(gcm: Meeting) -> None:
    moved = replace(
        gcm,
        sessions=tuple(
            replace(s, start=s.start + timedelta(minutes=5), end=s.end + timedelta(minutes=5)) if s.id == "rt4" else s
            for s in gcm.sessions
        ),
    )
    before, after = {n.key: n.due for n in plan(gcm)}, {n.key: n.due for n in plan(moved)}
    assert before.keys() == after.keys()
    changed = {k for k in before if before[k] != after[k]}
    assert changed
    assert all(":rt4:" in k for k in changed)


def test_a_rehearsal_has_its_own_keys_at_the_shifted_times(gcm: Meeting) -> None:
    real, rehearsal = plan(gcm), plan(gcm.rehearsed_on(date(2026, 11, 12)))
    assert not {n.key for n in real} & {n.key for n in rehearsal}
    assert [n.due.astimezone(gcm.zone).time() for n in real] == [n.due.astimezone(gcm.zone).time() for n in rehearsal]


def test_decide_posts_what_is_due_once_and_misses_what_is_too_old(gcm: Meeting) -> None:
    notices = plan(gcm)
    now = datetime(2020, 11, 12, 8, 55, tzinfo=UTC)  # 09:55 CET, ten minutes after the 09:45 reminders
    due, missed = decide(notices, now, set(), timedelta(minutes=10))
    assert {n.due for n in due} == {datetime(2020, 11, 12, 8, 45, tzinfo=UTC)}
    assert {n.kind for n in missed} == {NoticeKind.DIGEST}
    claimed = {n.key for n in due + missed}
    assert decide(notices, now, claimed, timedelta(minutes=10)) == ([], [])
    assert next_due(notices, claimed) == datetime(2020, 11, 12, 9, 0, tzinfo=UTC)


def test_a_reminder_before_the_announcement_is_a_schedule_fault(gcm: Meeting) -> None:
    typo = replace(gcm, reminders=ReminderSettings(offsets=(timedelta(days=-90),)))
    problems = check_meeting(typo)
    assert problems
    assert {p.field for p in problems} == {"reminders"}
    assert "before the meeting was announced (2020-09-21)" in problems[0].message
