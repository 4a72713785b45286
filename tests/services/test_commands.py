"""The command use case on a SQLite file: answers, refusals that change nothing, permissions, the transcript."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.services.catalogue import command_registry
from bot.services.commands import CommandService, Invocation
from bot.services.registry import Audience, CommandSpec, Registry
from bot.services.views import AgendaView, HelpView, NowView, RefusalView, SessionView, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import command_service


@pytest.fixture
def service(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> CommandService:
    return command_service(gcm, directory, clock, database)


async def commands(database: Database) -> list[TranscriptEntry]:
    """The commands the transcript kept, read back as any later process would."""
    async with database.uow() as uow:
        entries = await uow.transcript.entries("unece-gcm-review-2020")
    return [e for e in entries if e.kind is EntryKind.COMMAND]


async def answer(service: CommandService, actor: str, command: str, text: str = "") -> object:
    posts = await service.handle(Invocation(actor, command, text, "gcm-review"))
    assert len(posts) == 1
    assert posts[0].visibility is Visibility.PRIVATE
    assert posts[0].recipient == actor
    return posts[0].view


async def test_agenda_is_in_the_delegations_zone(service: CommandService) -> None:
    view = await answer(service, "aigerim", "agenda", "1")
    assert isinstance(view, AgendaView)
    assert view.reader.zone == "Asia/Almaty"
    assert [r.session.id for r in view.rows] == ["opening", "rt1", "break-1", "rt2"]


async def test_agenda_in_a_zone_marks_the_night(service: CommandService) -> None:
    view = await answer(service, "guest", "agenda", "America/Vancouver")
    assert isinstance(view, AgendaView)
    assert all(r.night for r in view.rows if r.day_number == 1 and r.session.id != "rt2")


async def test_an_unlisted_participant_reads_the_meetings_time(service: CommandService) -> None:
    view = await answer(service, "someone-new", "now")
    assert isinstance(view, NowView)
    assert view.reader.zone is None
    assert view.upcoming is not None
    assert view.upcoming.session.id == "opening"


async def test_now_skips_a_break_to_show_the_next_session(service: CommandService, clock: FakeClock) -> None:
    clock.set(datetime(2020, 11, 12, 11, 0, tzinfo=UTC))  # 12:00 CET, during rt1
    view = await answer(service, "markus", "now")
    assert isinstance(view, NowView)
    assert view.current.session.id == "rt1"  # type: ignore[union-attr]
    assert view.upcoming.session.id == "rt2"  # type: ignore[union-attr]


async def test_now_after_the_meeting_says_so(service: CommandService, clock: FakeClock) -> None:
    clock.set(datetime(2020, 11, 14, tzinfo=UTC))
    view = await answer(service, "markus", "now")
    assert isinstance(view, NowView)
    assert view.meeting_over


async def test_session_card_resolves_objectives_and_moderators(service: CommandService) -> None:
    view = await answer(service, "markus", "session", "RT4")
    assert isinstance(view, SessionView)
    assert [o.number for o in view.card.objectives] == [1, 3, 7, 17, 23]
    assert view.card.moderators == ("Leila Mammadova",)


@pytest.mark.parametrize(
    ("command", "text", "code", "suggestion"),
    [
        pytest.param("agnda", "", "unknown_command", "/agenda [DAY] [ZONE]", id="typo"),
        pytest.param("xyzzy", "", "unknown_command", None, id="nothing-close"),
        pytest.param("session", "", "missing_argument", "/session ID [ZONE]", id="missing-id"),
        pytest.param("session", "rt9", "unknown_session", "rt4", id="unknown-session"),
        pytest.param("agenda", "3", "unknown_day", None, id="day-3"),
        pytest.param("agenda", "Mars/Base", "unknown_zone", None, id="unknown-zone"),
        pytest.param("agenda", "Europe/Zurch", "unknown_zone", "Europe/Zurich", id="zone-typo"),
        pytest.param("now", "KZ extra", "unexpected_argument", "/now [ZONE]", id="extra-word"),
        pytest.param("help", "zzzz", "unknown_command", None, id="help-unknown"),
    ],
)
async def test_bad_input_is_refused_with_a_hint(
    service: CommandService, command: str, text: str, code: str, suggestion: str | None
) -> None:
    view = await answer(service, "picum", command, text)
    assert isinstance(view, RefusalView)
    assert view.code == code
    assert view.suggestion == suggestion


async def test_zone_names_are_read_in_any_case(service: CommandService) -> None:
    view = await answer(service, "guest", "agenda", "asia/almaty")
    assert isinstance(view, AgendaView)
    assert view.reader.zone == "Asia/Almaty"


async def test_a_staff_command_is_refused_to_a_participant(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    staff_only = tuple(
        replace(c, audience=Audience.STAFF) if c.name == "help" else c for c in command_registry().commands
    )
    service = command_service(gcm, directory, clock, database, Registry(staff_only))
    refused = await answer(service, "picum", "help")
    allowed = await answer(service, "secretariat", "help")
    assert isinstance(refused, RefusalView)
    assert refused.code == "not_allowed"
    assert isinstance(allowed, HelpView)


def test_a_command_without_a_handler_is_caught_at_start(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    registry = Registry((*command_registry().commands, CommandSpec("orphan", "no handler")))
    with pytest.raises(ValueError, match="orphan"):
        command_service(gcm, directory, clock, database, registry)


async def test_every_command_is_kept_in_the_transcript(
    service: CommandService, database: Database, clock: FakeClock
) -> None:
    await answer(service, "aigerim", "agenda", "1")
    await answer(service, "picum", "agnda")
    async with database.uow() as uow:
        entries = await uow.transcript.entries("unece-gcm-review-2020")
    assert [(e.kind, e.actor, e.text) for e in entries] == [
        (EntryKind.COMMAND, "aigerim", "/agenda 1"),
        (EntryKind.COMMAND, "picum", "/agnda"),
    ]
    assert all(e.at == clock.now() for e in entries)


async def test_a_delivery_seen_before_is_not_run_again(service: CommandService, database: Database) -> None:
    """A platform that retries a command (Slack's X-Slack-Retry-Num) sends the same request id again."""
    first = await service.handle(Invocation("markus", "agenda", "1", "gcm-review", request_id="T1.1"))
    again = await service.handle(Invocation("markus", "agenda", "1", "gcm-review", request_id="T1.1"))
    other = await service.handle(Invocation("markus", "agenda", "1", "gcm-review", request_id="T1.2"))
    assert len(first) == 1
    assert again == []
    assert len(other) == 1
    assert [e.text for e in await commands(database)] == ["/agenda 1", "/agenda 1"]


async def test_check_says_in_advance_whether_a_command_would_be_refused_and_logs_nothing(
    service: CommandService, database: Database
) -> None:
    (refused,) = await service.check(Invocation("markus", "export", "rt1 md", "gcm-review"))
    assert isinstance(refused.view, RefusalView)
    assert refused.view.code == "not_allowed"
    assert await service.check(Invocation("secretariat", "export", "rt1 md", "gcm-review")) == []
    assert await commands(database) == []


async def test_a_participant_is_told_a_staff_command_is_for_staff_before_how_to_write_it(
    service: CommandService,
) -> None:
    refused = await answer(service, "picum", "correct")
    assert isinstance(refused, RefusalView)
    assert refused.code == "not_allowed"


async def test_control_and_bidi_characters_are_cleaned_before_anything_is_kept(
    service: CommandService, database: Database
) -> None:
    await service.handle(Invocation("picum\x00", "agenda", "1\u202e\x07", "gcm-review"))
    (kept,) = await commands(database)
    assert (kept.actor, kept.text) == ("picum", "/agenda 1")
