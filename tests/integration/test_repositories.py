"""Storage against real databases: the repositories and the unit-of-work contract, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.meeting import Meeting
from bot.domain.transcript import TranscriptEntry
from bot.services.ports import Display, UnitOfWork
from bot.storage.database import Database
from bot.storage.meetings.tables import MeetingRow, SessionRow
from tests.integration.storage_support import (
    LOADED_AT,
    MEETINGS,
    MakeUow,
    entry,
    gcm_review,
    harbour_forum,
    save_committed,
)

# --- the repositories and unit of work, on each SQL backend ---------------------------------------------------


@pytest.mark.parametrize("build", MEETINGS)
async def test_saved_meeting_comes_back_equal(make_uow: MakeUow, build: Callable[[], Meeting]) -> None:
    meeting = build()
    await save_committed(make_uow(), meeting)

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == meeting


async def test_unknown_meeting_is_none(make_uow: MakeUow) -> None:
    async with make_uow() as uow:
        assert await uow.meetings.get("no-such-meeting") is None


async def test_saving_a_meeting_again_replaces_it(make_uow: MakeUow) -> None:
    meeting = gcm_review()
    await save_committed(make_uow(), meeting)
    shorter = replace(meeting, title="Regional Review", sessions=meeting.sessions[:2])

    await save_committed(make_uow(), shorter)

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == shorter


UNICODE_TEXTS = {
    "ru": "Слово предоставляется представителю Армении.",
    "hy": "Շնորհակալություն, պարոն նախագահ։",
    "ka": "გმადლობთ, ბატონო თავმჯდომარევ.",
    "tr": "Teşekkür ederim Sayın Başkan; İstanbul, Iğdır, çğıöşü.",
}


async def test_transcript_comes_back_in_order_with_utc_times_and_unicode(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    noon = datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
    yerevan, tbilisi = ZoneInfo("Asia/Yerevan"), ZoneInfo("Asia/Tbilisi")
    written = [
        entry(noon + timedelta(minutes=2), UNICODE_TEXTS["ru"], session_id="rt2"),
        entry(noon.astimezone(yerevan), UNICODE_TEXTS["hy"], session_id="rt1"),
        # The same instant as the line above, so the order they were appended in decides.
        entry(noon.astimezone(tbilisi), UNICODE_TEXTS["ka"], session_id="rt1"),
    ]
    late = entry((noon + timedelta(minutes=1)).astimezone(ZoneInfo("Europe/Istanbul")), UNICODE_TEXTS["tr"])
    async with make_uow() as uow:
        for item in written:
            await uow.transcript.append(item)
        await uow.commit()
    async with make_uow() as uow:
        await uow.transcript.append(late)
        await uow.commit()

    async with make_uow() as uow:
        entries = await uow.transcript.entries("unece-gcm-review-2020")

    assert [e.text for e in entries] == [UNICODE_TEXTS[k] for k in ("hy", "ka", "tr", "ru")]
    assert all(e.at.tzinfo is UTC for e in entries)
    assert entries == (
        replace(written[1], at=noon),
        replace(written[2], at=noon),
        replace(late, at=noon + timedelta(minutes=1)),
        written[0],
    )


async def test_transcript_can_be_read_for_one_session(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    noon = datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
    async with make_uow() as uow:
        for minute, session_id in enumerate(["rt1", "rt2", None, "rt1"]):
            at = noon + timedelta(minutes=minute)
            await uow.transcript.append(entry(at, str(minute), session_id=session_id))
        await uow.commit()

    async with make_uow() as uow:
        in_rt1 = await uow.transcript.entries("unece-gcm-review-2020", session_id="rt1")
        assert [e.text for e in in_rt1] == ["0", "3"]
        assert await uow.transcript.entries("harbour-forum-2027") == ()


async def test_a_repeated_request_id_is_kept_once_across_units_of_work(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    first = replace(entry(LOADED_AT, "/hand"), request_id="13345224609.738474920.8088930838d88f008e0")
    async with make_uow() as uow:
        assert await uow.transcript.append(first) is True
        assert await uow.transcript.append(replace(entry(LOADED_AT, "no id")))  # entries without one never collide
        assert await uow.transcript.append(replace(entry(LOADED_AT, "no id either")))
        await uow.commit()
    async with make_uow() as uow:
        assert await uow.transcript.append(replace(first, text="/hand (retried)")) is False
        await uow.commit()
    async with make_uow() as uow:
        texts = [e.text for e in await uow.transcript.entries("unece-gcm-review-2020")]
    assert texts == ["/hand", "no id", "no id either"]


async def test_entries_appended_together_keep_their_order_and_a_repeat_in_the_batch_is_skipped(
    make_uow: MakeUow,
) -> None:
    await save_committed(make_uow(), gcm_review())
    command = replace(entry(LOADED_AT, "/hand"), request_id="T.1")
    batch = [command, entry(LOADED_AT, "posted"), replace(command, text="/hand (retried)"), entry(LOADED_AT, "last")]
    async with make_uow() as uow:
        assert await uow.transcript.append_all(batch) == [True, True, False, True]
        await uow.commit()
    async with make_uow() as uow:
        texts = [e.text for e in await uow.transcript.entries("unece-gcm-review-2020")]
    assert texts == ["/hand", "posted", "last"]  # same instant: the order they were appended in


async def test_leaving_without_commit_leaves_nothing(make_uow: MakeUow) -> None:
    uow = make_uow()
    async with uow:
        await uow.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        await uow.transcript.append(entry(LOADED_AT, "never committed"))

    async with uow:
        assert await uow.meetings.get("unece-gcm-review-2020") is None
        assert await uow.transcript.entries("unece-gcm-review-2020") == ()


async def save_then_fail(uow: UnitOfWork) -> None:
    async with uow:
        await uow.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        raise RuntimeError("the handler failed")


async def test_an_error_in_the_block_rolls_back_and_propagates(make_uow: MakeUow) -> None:
    with pytest.raises(RuntimeError, match="the handler failed"):
        await save_then_fail(make_uow())

    async with make_uow() as uow:
        assert await uow.meetings.get("unece-gcm-review-2020") is None


async def test_changes_after_a_commit_need_their_own_commit(make_uow: MakeUow) -> None:
    meeting = gcm_review()
    async with make_uow() as uow:
        await uow.meetings.save(meeting, loaded_at=LOADED_AT)
        await uow.commit()
        await uow.meetings.save(replace(meeting, title="not committed"), loaded_at=LOADED_AT)
        await uow.transcript.append(entry(LOADED_AT, "not committed either"))
        assert (await uow.meetings.get(meeting.id)) == replace(meeting, title="not committed")

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == meeting
        assert await uow.transcript.entries(meeting.id) == ()


async def test_uncommitted_changes_are_invisible_to_another_unit_of_work(make_uow: MakeUow) -> None:
    writer, reader = make_uow(), make_uow()
    async with writer:
        await writer.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        async with reader:
            assert await reader.meetings.get("unece-gcm-review-2020") is None
        await writer.commit()

    async with reader:
        assert await reader.meetings.get("unece-gcm-review-2020") == gcm_review()


async def append_committed(uow: UnitOfWork, item: TranscriptEntry) -> None:
    async with uow:
        await uow.transcript.append(item)
        await uow.commit()


async def test_transcript_entry_for_an_unknown_meeting_is_refused(make_uow: MakeUow) -> None:
    with pytest.raises((LookupError, IntegrityError)):
        await append_committed(make_uow(), entry(LOADED_AT, "orphan", meeting_id="no-such-meeting"))


async def test_naive_datetime_is_refused(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())

    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        await append_committed(make_uow(), entry(datetime(2020, 11, 12, 12, 0), "when?"))


async def test_a_unit_of_work_cannot_be_entered_twice_at_once(make_uow: MakeUow) -> None:
    uow = make_uow()
    async with uow:
        with pytest.raises(RuntimeError, match="already open"):
            await uow.__aenter__()


async def test_a_unit_of_work_has_every_repository_the_port_names(make_uow: MakeUow) -> None:
    async with make_uow() as uow:
        missing = [name for name in UnitOfWork.__annotations__ if getattr(uow, name, None) is None]
    assert missing == []


async def test_commit_outside_the_block_is_an_error(make_uow: MakeUow) -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await make_uow().commit()


async def test_database_row_count_matches_after_many_saves(database: Database) -> None:
    for _ in range(3):
        await save_committed(database.uow(), gcm_review())
    await save_committed(database.uow(), harbour_forum())

    async with AsyncSession(database.engine) as session:
        assert await session.scalar(select(func.count()).select_from(MeetingRow)) == 2
        assert await session.scalar(select(func.count()).select_from(SessionRow)) == 12


async def test_the_first_display_claimed_is_kept_until_replaced(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    first = Display("unece-gcm-review-2020", "rt1", "slack", "C0RT1", "1605171600.000100")
    async with make_uow() as uow:
        assert await uow.displays.find("unece-gcm-review-2020", "rt1", "slack") is None
        assert await uow.displays.claim(first) == first
        await uow.commit()
    async with make_uow() as uow:  # another replica, a moment later
        assert await uow.displays.claim(replace(first, message_id="1605171600.000200")) == first
        await uow.displays.replace(replace(first, message_id="1605171600.000300"))
        await uow.commit()
    async with make_uow() as uow:
        found = await uow.displays.find("unece-gcm-review-2020", "rt1", "slack")
        assert found == replace(first, message_id="1605171600.000300")
        assert await uow.displays.find("unece-gcm-review-2020", "rt1", "discord") is None
