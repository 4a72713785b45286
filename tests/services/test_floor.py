"""The speaking use cases through the command service, on a SQLite file and a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.domain.queue import events as ev
from bot.services.commands import CommandService, Invocation
from bot.services.floor import FloorService
from bot.services.floor_clock import FloorClock
from bot.services.people import PeopleService
from bot.services.timeline import Timeline
from bot.services.timetable import Timetable
from bot.services.views import (
    AckView,
    FileView,
    FloorView,
    Post,
    QueueView,
    RefusalView,
    SubscriptionsView,
    Visibility,
)
from bot.services.writer import Writer
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import command_service

RT1 = "gcm-rt1"
RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


@pytest.fixture
def service(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> CommandService:
    clock.set(RT1_START)
    return command_service(gcm, directory, clock, database)


async def say(service: CommandService, who: str, command: str, text: str = "", channel: str = RT1) -> list[Post]:
    return await service.handle(Invocation(who, command, text, channel))


async def refusal(service: CommandService, who: str, command: str, text: str = "", channel: str = RT1) -> str:
    posts = await say(service, who, command, text, channel)
    assert len(posts) == 1
    assert isinstance(posts[0].view, RefusalView), posts[0].view
    return posts[0].view.code


async def order_of(service: CommandService) -> list[str]:
    posts = await say(service, "secretariat", "queue")
    view = posts[0].view
    assert isinstance(view, QueueView)
    return [p.entry.speaker.participant_id for p in view.upcoming]


async def test_a_roundtable_under_the_protocol_policy(service: CommandService) -> None:
    for who in ["picum", "sarah", "iom", "holysee", "aigerim", "markus", "armen", "osce", "jean"]:
        posts = await say(service, who, "hand")
        assert isinstance(posts[0].view, AckView)
    assert await order_of(service) == ["markus", "armen", "jean", "aigerim", "sarah", "holysee", "iom", "osce", "picum"]


async def test_the_floor_is_announced_to_the_session_channel(service: CommandService, clock: FakeClock) -> None:
    await say(service, "armen", "hand")
    await say(service, "elif", "hand")
    clock.set(RT1_START)
    posts = await say(service, "mod-rt1", "floor", "next")
    assert [(p.visibility, p.channel, p.recipient) for p in posts] == [
        (Visibility.CHANNEL, RT1, None),
        (Visibility.PRIVATE, None, "elif"),  # "you are next", by direct message
    ]
    assert isinstance(posts[1].view, AckView)
    assert posts[1].view.details["position"] == 1  # "you are next"
    view = posts[0].view
    assert isinstance(view, FloorView)
    assert isinstance(view.event, ev.FloorGiven)
    assert view.event.intervention.entry.speaker.participant_id == "armen"
    assert [e.speaker.participant_id for e in view.upcoming] == ["elif"]


@pytest.mark.parametrize(
    ("who", "command", "text", "channel", "code"),
    [
        pytest.param("aigerim", "floor", "next", RT1, "not_allowed", id="participant"),
        pytest.param("mod-rt2", "floor", "next", RT1, "not_allowed", id="moderator-of-another-session"),
        pytest.param("mod-rt1", "floor", "give @nobody", RT1, "unknown_user", id="give-to-unknown"),
        pytest.param("mod-rt1", "floor", "jump", RT1, "unknown_subcommand", id="unknown-subcommand"),
        pytest.param("aigerim", "hand", "", "gcm-rt3", "no_session_open", id="no-session-open"),
        pytest.param("aigerim", "note", "hello", RT1, "not_allowed", id="note-by-participant"),
        pytest.param("mod-rt1", "note", "x" * 1001, RT1, "note_too_long", id="note-too-long"),
        pytest.param("aigerim", "hand", "statement " + "x" * 1001, RT1, "note_too_long", id="hand-note-too-long"),
    ],
)
async def test_bad_input_is_one_refusal_and_changes_nothing(
    service: CommandService, who: str, command: str, text: str, channel: str, code: str
) -> None:
    await say(service, "elif", "hand")
    before = await order_of(service)
    assert await refusal(service, who, command, text, channel) == code
    assert await order_of(service) == before


async def test_next_on_an_empty_list_keeps_the_speaker(service: CommandService) -> None:
    await say(service, "elif", "hand")
    await say(service, "mod-rt1", "floor", "next")
    assert await refusal(service, "mod-rt1", "floor", "next") == "queue_empty"
    view = (await say(service, "secretariat", "queue"))[0].view
    assert isinstance(view, QueueView)
    assert view.current is not None
    assert view.current.entry.speaker.participant_id == "elif"


async def test_a_duplicate_hand_is_refused(service: CommandService) -> None:
    await say(service, "elif", "hand")
    assert await refusal(service, "elif", "hand") == "duplicate_hand"
    assert await order_of(service) == ["elif"]


async def test_staff_and_rapporteurs_may_note(service: CommandService) -> None:
    posts = await say(service, "secretariat", "note", "The chair recalled the time limits.")
    assert isinstance(posts[0].view, AckView)
    assert posts[0].view.details["on"] == "session"


async def test_self_declared_state_speaks_only_once_verified(service: CommandService) -> None:
    await say(service, "newcomer", "iam", "KZ")
    assert await refusal(service, "newcomer", "hand") == "unverified_state"
    assert await refusal(service, "aigerim", "verify", "@newcomer") == "not_allowed"
    await say(service, "secretariat", "verify", "@newcomer")
    await say(service, "newcomer", "hand")
    assert await order_of(service) == ["newcomer"]


async def test_timers_and_closing_fire_from_the_clock(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database, service: CommandService
) -> None:
    await say(service, "picum", "hand")
    await say(service, "icmc", "hand")
    await say(service, "icmc", "statement", "Community sponsorship works.")
    clock.set(RT1_START)
    await say(service, "mod-rt1", "floor", "next")
    timetable = Timetable(gcm, directory)
    people = PeopleService(gcm.id, directory)
    floor = FloorService(timetable, people, database.uow, Writer(database.uow, people.prefetch))
    fired: list[tuple[datetime, object, str]] = []
    async for posts in Timeline(clock, [FloorClock(floor, timetable)]).run_until(RT1_START + timedelta(hours=3)):
        fired += [(clock.now(), p.view.event, p.view.session.id) for p in posts if isinstance(p.view, FloorView)]
    kinds = [(at - RT1_START, type(event).__name__, view_session) for at, event, view_session in fired]
    assert kinds == [
        (timedelta(minutes=1, seconds=30), "TimeWarning", "rt1"),
        (timedelta(minutes=2), "TimeUp", "rt1"),
        (timedelta(minutes=15), "SessionFinished", "opening"),  # every list closes, asked for or not
        (timedelta(hours=2, minutes=15), "SessionFinished", "rt1"),
    ]
    finished = fired[-1][1]  # rt1's
    assert isinstance(finished, ev.SessionFinished)
    assert [w.entry.speaker.participant_id for w in finished.written] == ["icmc"]


async def test_remind_refuses_an_unknown_session_and_lists_subscriptions(service: CommandService) -> None:
    assert await refusal(service, "aigerim", "remind", "me rt9") == "unknown_session"
    assert await refusal(service, "aigerim", "remind", "me") == "missing_argument"
    await say(service, "aigerim", "remind", "me rt2")
    again = (await say(service, "aigerim", "remind", "me rt2"))[0].view
    assert isinstance(again, AckView)
    assert again.code == "already_subscribed"
    listed = (await say(service, "aigerim", "remind", "list"))[0].view
    assert isinstance(listed, SubscriptionsView)
    assert listed.sessions == ("rt2",)


async def test_export_is_for_staff_and_names_its_formats(service: CommandService) -> None:
    assert await refusal(service, "aigerim", "export", "rt1 md") == "not_allowed"
    assert await refusal(service, "secretariat", "export", "rt1 docz") == "unknown_format"
    assert await refusal(service, "secretariat", "export", "rt9 md") == "unknown_session"
    await say(service, "elif", "hand")
    (post,) = await say(service, "secretariat", "export", "rt1 csv")
    assert isinstance(post.view, FileView)
    assert post.view.name == "unece-gcm-review-2020-rt1.csv"
    assert post.recipient == "secretariat"
    assert post.view.data.startswith(b"\xef\xbb\xbfsession,")
