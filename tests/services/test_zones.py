"""/zone on a SQLite file: set, show, reset, junk refused, kept across a restart, counted by the digest."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import available_timezones

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory, Participant
from bot.domain.reminders import NoticeKind
from bot.domain.settings import Category
from bot.formats.exports import FileExporter
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.services.assembly import Services, assemble
from bot.services.commands import Invocation
from bot.services.views import AckView, AgendaView, Post, ReminderView, View, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.words import plain

IVAN = Participant("ivan", "Ivan Petrov", "RU", Category.MEMBER_STATE)
ZONES = sorted(available_timezones())


@pytest.fixture
def people(directory: Directory) -> Directory:
    """The demo roster, with a delegate of the Russian Federation who gives no zone of their own."""
    return Directory(directory.states, (*directory.participants, IVAN))


def wired(gcm: Meeting, people: Directory, clock: FakeClock, database: Database) -> Services:
    return assemble(gcm, people, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles())


@pytest.fixture
def app(gcm: Meeting, people: Directory, clock: FakeClock, database: Database) -> Services:
    return wired(gcm, people, clock, database)


async def answer(app: Services, actor: str, command: str, text: str = "") -> View:
    posts = await app.commands.handle(Invocation(actor, command, text, "gcm-review"))
    assert len(posts) == 1
    assert posts[0].visibility is Visibility.PRIVATE
    return posts[0].view


def line(view: View) -> str:
    return plain(view)


async def test_zone_alone_says_where_it_comes_from(app: Services) -> None:
    assert "Asia/Almaty (your delegation's capital: Kazakhstan)" in line(await answer(app, "aigerim", "zone"))
    assert "Europe/Moscow (your delegation's capital: Russian Federation)" in line(await answer(app, "ivan", "zone"))
    assert "Europe/Zurich (the meeting's time zone)" in line(await answer(app, "someone-new", "zone"))


async def test_set_then_show_then_reset(app: Services) -> None:
    done = await answer(app, "ivan", "zone", "asia/VLADIVOSTOK")
    assert isinstance(done, AckView)
    assert done.details["zone"] == "Asia/Vladivostok"
    assert "Asia/Vladivostok (your own, set with /zone)" in line(await answer(app, "ivan", "zone"))

    reset = line(await answer(app, "ivan", "zone", "reset"))

    assert "removed: times are shown to you in Europe/Moscow (your delegation's capital" in reset
    assert "Europe/Moscow" in line(await answer(app, "ivan", "zone"))


async def test_junk_is_refused_in_one_line_and_nothing_changes(app: Services) -> None:
    await answer(app, "ivan", "zone", "Asia/Vladivostok")

    refused = line(await answer(app, "ivan", "zone", "Mars/Base"))

    assert refused == ("Unknown time zone “Mars/Base”: give an IANA name such as Asia/Vladivostok or Europe/Paris.")
    assert "Did you mean Europe/Paris?" in line(await answer(app, "ivan", "zone", "Europe/Pariss"))
    assert "Asia/Vladivostok (your own" in line(await answer(app, "ivan", "zone"))


async def test_the_agenda_now_and_session_answer_in_the_chosen_zone(app: Services) -> None:
    await answer(app, "aigerim", "zone", "America/Vancouver")

    agenda = await answer(app, "aigerim", "agenda", "1")
    assert isinstance(agenda, AgendaView)
    assert agenda.reader.zone == "America/Vancouver"
    assert all(row.night for row in agenda.rows if row.session.id != "rt2")  # 01:00 in Vancouver
    assert "Times in America/Vancouver" in line(agenda)
    assert "01:00–01:40 PST [10:00–10:40 CET]" in line(await answer(app, "aigerim", "now"))
    assert "PST" in line(await answer(app, "aigerim", "session", "rt1"))
    assert (await answer(app, "aigerim", "agenda", "1 KZ")).reader.zone == "Asia/Almaty"  # type: ignore[attr-defined]


async def test_a_later_command_in_the_same_batch_sees_the_change(app: Services) -> None:
    first, second = await _together(
        app, Invocation("ivan", "zone", "Asia/Vladivostok", "gcm-review"), Invocation("ivan", "agenda", "", "x")
    )
    assert isinstance(first.view, AckView)
    assert isinstance(second.view, AgendaView)
    assert second.view.reader.zone == "Asia/Vladivostok"


async def _together(app: Services, *invocations: Invocation) -> list[Post]:
    answers = await asyncio.gather(*(app.commands.handle(i) for i in invocations))
    return [posts[0] for posts in answers]


async def test_a_chosen_zone_survives_a_restart(
    gcm: Meeting, people: Directory, clock: FakeClock, database: Database, tmp_path: Path
) -> None:
    await answer(wired(gcm, people, clock, database), "ivan", "zone", "Asia/Vladivostok")

    async with await Database.open(f"sqlite:///{tmp_path / 'podium.db'}") as reopened:
        agenda = await answer(wired(gcm, people, clock, reopened), "ivan", "agenda")

    assert agenda.reader.zone == "Asia/Vladivostok"  # type: ignore[attr-defined]


async def test_the_digest_warns_a_delegation_for_a_members_own_zone(app: Services, clock: FakeClock) -> None:
    # The closing, 15:00–15:40 CET on 13 November, is 17:00 in Moscow but 00:00–00:40 in Vladivostok.
    clock.set(datetime(2020, 11, 12, 16, 0, 30, tzinfo=UTC))  # 17:00 CET: the digest of day 2
    await answer(app, "ivan", "zone", "Asia/Vladivostok")

    digests = [p.view for p in await app.reminders.fire(clock.now()) if isinstance(p.view, ReminderView)]
    digest = next(v for v in digests if v.notice.kind is NoticeKind.DIGEST)

    night = dict(digest.night)["closing"]
    assert [(n.delegation, f"{n.start:%H:%M}", n.zone) for n in night if n.delegation == "RU"] == [
        ("RU", "00:00", "Asia/Vladivostok")
    ]
    assert "RU 00:00 Vladivostok" in line(digest)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(zone=st.sampled_from(ZONES), flips=st.lists(st.booleans(), min_size=64, max_size=64))
async def test_any_iana_zone_round_trips_in_any_case(app: Services, zone: str, flips: list[bool]) -> None:
    typed = "".join(c.swapcase() if flip else c for c, flip in zip(zone, flips, strict=False))

    done = await answer(app, "ivan", "zone", typed)

    assert isinstance(done, AckView)
    assert done.details["zone"] == zone
    shown = await answer(app, "ivan", "zone")
    assert isinstance(shown, AckView)
    assert (shown.details["zone"], shown.details["source"]) == (zone, "own")
