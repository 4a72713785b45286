"""Questions and replies to the current speaker go ahead of the list in a roundtable, not in a formal segment."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.services.commands import CommandService, Invocation
from bot.services.views import AckView, RefusalView
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import command_service
from tests.words import plain

CET = ZoneInfo("Europe/Zurich")


async def reply_while_speaking(service: CommandService, channel: str, moderator: str) -> object:
    for line in ("olga hand", f"{moderator} floor next"):
        actor, command, *text = line.split(" ", 2)
        await service.handle(Invocation(actor, command, " ".join(text), channel))
    [post] = await service.handle(Invocation("armen", "hand", "reply", channel))
    return post.view


async def test_the_opening_refuses_a_reply_ahead_of_the_list(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    clock.set(datetime(2020, 11, 12, 10, 5, tzinfo=CET))
    view = await reply_while_speaking(command_service(gcm, directory, clock, database), "gcm-plenary", "chair")
    assert isinstance(view, RefusalView)
    assert plain(view) == (
        "Opening segment takes no reply ahead of the list of speakers; /hand asks for the floor in turn."
    )


async def test_a_roundtable_takes_it_and_a_schedule_may_allow_it_in_the_opening(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    clock.set(datetime(2020, 11, 12, 10, 45, tzinfo=CET))
    view = await reply_while_speaking(command_service(gcm, directory, clock, database), "gcm-rt1", "mod-rt1")
    assert isinstance(view, AckView)
    assert view.code == "hand_raised"
    opened = replace(
        gcm, sessions=tuple(replace(s, replies_ahead=True) if s.id == "opening" else s for s in gcm.sessions)
    )
    clock.set(datetime(2020, 11, 12, 10, 5, tzinfo=CET))
    view = await reply_while_speaking(command_service(opened, directory, clock, database), "gcm-plenary", "chair")
    assert isinstance(view, AckView)
