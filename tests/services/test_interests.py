"""Expressions of interest on a SQLite file: offered, decided (the participant told), inscribed in protocol order."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.interests import Status
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.domain.queue.entries import QueueEntry
from bot.services.commands import CommandService, Invocation
from bot.services.views import AckView, DeadlineView, Post, RefusalView, View, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import command_service
from tests.words import plain

CET = ZoneInfo("Europe/Zurich")
EARLY = datetime(2020, 10, 20, 11, 0, tzinfo=CET)
MEETING = "unece-gcm-review-2020"


@pytest.fixture
def service(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> CommandService:
    clock.set(EARLY)
    return command_service(gcm, directory, clock, database)


async def posts(
    service: CommandService, actor: str, command: str, text: str, channel: str = "gcm-review"
) -> list[Post]:
    return await service.handle(Invocation(actor, command, text, channel))


async def answer(service: CommandService, actor: str, command: str, text: str, channel: str = "gcm-review") -> View:
    [post] = await posts(service, actor, command, text, channel)
    return post.view


async def waiting(database: Database, gcm: Meeting, session_id: str) -> list[QueueEntry]:
    session = gcm.session(session_id)
    assert session is not None
    async with database.uow() as uow:
        queue = await uow.queues.get(MEETING, session_id, gcm.speaking_for(session))
    return list(queue.waiting)


async def offer(service: CommandService, *actors: str, segment: str = "opening") -> list[int]:
    numbers = []
    for actor in actors:
        view = await answer(service, actor, "interest", f"speaker {segment} on objective 5")
        assert isinstance(view, AckView)
        assert view.code == "interest_kept"
        numbers.append(int(view.details["id"]))
    return numbers


async def test_accepted_speakers_are_inscribed_before_the_session_in_protocol_order(
    service: CommandService, database: Database, gcm: Meeting
) -> None:
    # Olga (no rank given), Elif (ambassador), Aigerim (vice-minister), Armen (minister), in that order of asking.
    numbers = await offer(service, "olga", "elif", "aigerim", "armen")
    for number in numbers:
        await posts(service, "secretariat", "interest", f"accept {number}")
    listed = await waiting(database, gcm, "opening")
    # Elif and Olga share a rank (an ambassador and "other" both come after the vice-ministers): the one accepted
    # first is inscribed first, as hands raised in a session are heard in the order they came.
    assert [e.speaker.participant_id for e in listed] == ["armen", "aigerim", "olga", "elif"]
    assert [e.interest for e in listed] == [numbers[3], numbers[2], numbers[0], numbers[1]]  # marked pre-inscribed


async def test_the_participant_is_told_by_direct_message_in_their_own_time(service: CommandService) -> None:
    [number] = await offer(service, "aigerim")
    ack, told = await posts(service, "secretariat", "interest", f"accept {number}")
    assert isinstance(ack.view, AckView)
    assert ack.view.code == "interest_accepted_speaker"
    assert (told.visibility, told.recipient, told.channel) == (Visibility.PRIVATE, "aigerim", None)
    assert plain(told.view) == (
        f"Your expression of interest #{number} in speaking at Opening segment is accepted. You are next on its "
        "provisional list of speakers. It takes place Thursday 15:00–15:40 Almaty [10:00–10:40 CET]."
    )


async def test_hands_raised_in_the_session_join_among_them_as_the_policy_says(
    service: CommandService, database: Database, gcm: Meeting, clock: FakeClock
) -> None:
    for number in await offer(service, "elif", "olga"):
        await posts(service, "secretariat", "interest", f"accept {number}")
    clock.set(datetime(2020, 11, 12, 10, 1, tzinfo=CET))
    await posts(service, "markus", "hand", "", "gcm-plenary")  # for the EU: a group statement goes first
    await posts(service, "picum", "hand", "", "gcm-plenary")  # a stakeholder, after the States
    listed = await waiting(database, gcm, "opening")
    assert [e.speaker.participant_id for e in listed] == ["markus", "elif", "olga", "picum"]
    assert [e.interest is not None for e in listed] == [False, True, True, False]


async def test_a_position_given_by_staff_places_the_speaker_there(
    service: CommandService, database: Database, gcm: Meeting
) -> None:
    armen, olga = await offer(service, "armen", "olga")
    await posts(service, "secretariat", "interest", f"accept {armen}")
    await posts(service, "secretariat", "interest", f"accept {olga} 1")
    assert [e.speaker.participant_id for e in await waiting(database, gcm, "opening")] == ["olga", "armen"]


async def test_a_declined_participant_is_told_why_and_nothing_is_inscribed(
    service: CommandService, database: Database, gcm: Meeting
) -> None:
    [number] = await offer(service, "picum")
    ack, told = await posts(
        service, "secretariat", "interest", f"decline {number} The list is full; please submit in writing."
    )
    assert plain(ack.view) == f"Declined #{number} (Hannah Okafor, Opening segment); they are told."
    assert plain(told.view) == (
        f"Your expression of interest #{number} in speaking at Opening segment was not accepted. The secretariat "
        "wrote: The list is full; please submit in writing."
    )
    assert await waiting(database, gcm, "opening") == []
    again = await answer(service, "secretariat", "interest", f"accept {number}")
    assert plain(again) == f"Expression of interest #{number} is already declined."


async def test_withdrawing_an_accepted_offer_takes_the_speaker_off_the_list(
    service: CommandService, database: Database, gcm: Meeting
) -> None:
    [number] = await offer(service, "armen")
    await posts(service, "secretariat", "interest", f"accept {number}")
    view = await answer(service, "armen", "interest", f"withdraw {number}")
    assert isinstance(view, AckView)
    assert await waiting(database, gcm, "opening") == []
    mine = await answer(service, "armen", "interest", "list")
    assert plain(mine) == f"#{number} speaker, Opening segment: withdrawn — on objective 5"


async def test_an_accepted_moderator_may_run_the_floor_of_that_session_only(
    service: CommandService, clock: FakeClock
) -> None:
    view = await answer(service, "olga", "interest", "moderator rt1")
    number = int(view.details["id"]) if isinstance(view, AckView) else 0
    _, told = await posts(service, "secretariat", "interest", f"accept {number}")
    assert "you will moderate it" in plain(told.view)
    clock.set(datetime(2020, 11, 12, 10, 45, tzinfo=CET))
    floor = await answer(service, "olga", "floor", "close", "gcm-rt1")
    assert not isinstance(floor, RefusalView)
    clock.set(datetime(2020, 11, 12, 13, 40, tzinfo=CET))
    elsewhere = await answer(service, "olga", "floor", "close", "gcm-rt2")
    assert isinstance(elsewhere, RefusalView)
    assert elsewhere.code == "not_allowed"


async def test_after_the_deadline_participants_are_refused_in_their_time_and_staff_still_add(
    service: CommandService, clock: FakeClock, database: Database
) -> None:
    clock.set(datetime(2020, 11, 2, 9, 0, tzinfo=CET))
    late = await answer(service, "sarah", "interest", "speaker rt2")
    assert isinstance(late, DeadlineView)
    assert plain(late).startswith(
        "Expressions of interest closed on 31 October 2020 at 18:59 EDT [23:59 CET]; nothing was kept."
    )
    added = await answer(service, "secretariat", "interest", "add @sarah speaker rt2 asked by e-mail")
    assert isinstance(added, AckView)
    async with database.uow() as uow:
        [kept] = await uow.interests.all(MEETING)
    assert (kept.speaker.participant_id, kept.session_id, kept.status) == ("sarah", "rt2", Status.PENDING)


@pytest.mark.parametrize(
    ("actor", "text", "expected"),
    [
        ("armen", "speaker rt9", "There is no session 'rt9'"),
        ("armen", "speaker break-1", "There is no session 'break-1'"),
        ("armen", "withdraw 99", "There is no expression of interest '99'"),
        ("armen", "accept 1", "/interest accept is for staff only."),
        ("secretariat", "accept 1 0", "There is no position 0"),
        ("secretariat", "add @nobody speaker rt1", "Nobody called 'nobody' is on the roster"),
        ("secretariat", "add @armen chair rt1", "'chair' is not a valid role: speaker or moderator."),
    ],
)
async def test_each_refusal_is_one_line_and_changes_nothing(
    service: CommandService, database: Database, actor: str, text: str, expected: str
) -> None:
    await offer(service, "olga")
    view = await answer(service, actor, "interest", text)
    assert isinstance(view, RefusalView)
    assert plain(view).startswith(expected)
    async with database.uow() as uow:
        [only] = await uow.interests.all(MEETING)
    assert only.status is Status.PENDING


async def test_the_same_offer_twice_is_refused_and_staff_filter_the_list(service: CommandService) -> None:
    await offer(service, "armen", "olga")
    await offer(service, "armen", segment="rt1")
    again = await answer(service, "armen", "interest", "speaker opening")
    assert plain(again).startswith("You already asked for the speaker role at opening: it is #1")
    listing = await answer(service, "secretariat", "interests", "opening pending speaker")
    lines = plain(listing).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("#1 Armen Hakobyan — Արմեն Հակոբյան (AM), speaker, Opening segment: pending")


async def test_the_moderator_sees_who_was_inscribed_from_the_provisional_list(
    service: CommandService, clock: FakeClock
) -> None:
    for number in await offer(service, "armen"):
        await posts(service, "secretariat", "interest", f"accept {number}")
    clock.set(datetime(2020, 11, 12, 10, 1, tzinfo=CET))
    await posts(service, "olga", "hand", "", "gcm-plenary")
    shown = plain(await answer(service, "secretariat", "queue", "", "gcm-plenary"))
    assert "1. Armen Hakobyan — Արմեն Հակոբյան (AM), statement (provisional list) — on objective 5" in shown
    assert "2. Olga Kovalenko — Ольга Коваленко (UA), statement, in about" in shown
