"""/language and the language of every post, on a SQLite file: the reader's for what is theirs, the channel's for
what everyone reads; the platform's locale until someone chooses; kept across a restart."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.language import Language, language_of
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.services.assembly import Services
from bot.services.commands import Invocation
from bot.services.views import AckView, Post, RefusalView, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import wired

RT1 = "gcm-rt1"
RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


@pytest.fixture
def app(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> Services:
    clock.set(RT1_START)
    return wired(gcm, directory, clock, database)


async def say(app: Services, who: str, command: str, text: str = "", locale: str | None = None) -> list[Post]:
    return await app.commands.handle(Invocation(who, command, text, RT1, locale=locale))


async def reply(app: Services, who: str, command: str, text: str = "", locale: str | None = None) -> Post:
    posts = [p for p in await say(app, who, command, text, locale) if p.recipient == who]
    assert len(posts) == 1
    return posts[0]


async def test_a_participant_who_chooses_french_gets_french_answers_and_the_channel_stays_english(
    app: Services,
) -> None:
    chosen = await reply(app, "elif", "language", "fr")
    assert chosen.language is Language.FR  # the answer to /language fr is already in French
    assert isinstance(chosen.view, AckView)
    assert chosen.view.details["language"] == "français"
    assert (await reply(app, "elif", "agenda")).language is Language.FR
    assert (await reply(app, "elif", "hand")).language is Language.FR
    assert (await reply(app, "aigerim", "hand")).language is Language.EN

    posts = await say(app, "mod-rt1", "floor", "next")  # Elif takes the floor: the channel is told in English
    announced = [p for p in posts if p.visibility is Visibility.CHANNEL]
    assert announced
    assert {p.language for p in announced} == {Language.EN}
    told = [p for p in posts if p.visibility is Visibility.PRIVATE and p.recipient != "mod-rt1"]
    assert {(p.recipient, p.language) for p in told} <= {("aigerim", Language.EN), ("elif", Language.FR)}


async def test_the_platforms_locale_counts_until_a_language_is_chosen(app: Services) -> None:
    assert (await reply(app, "olga", "now", locale="ru-RU")).language is Language.RU
    assert (await reply(app, "olga", "now", locale="de-DE")).language is Language.EN  # not one of Podium's
    await say(app, "olga", "language", "en", locale="ru-RU")
    assert (await reply(app, "olga", "now", locale="ru-RU")).language is Language.EN
    refused = await reply(app, "olga", "jump", locale="fr-FR")  # a refusal too, before any command is known
    assert isinstance(refused.view, RefusalView)
    assert refused.language is Language.EN
    assert (await reply(app, "nino", "jump", locale="fr-FR")).language is Language.FR


async def test_reset_and_junk(app: Services) -> None:
    await say(app, "armen", "language", "ru")
    junk = await reply(app, "armen", "language", "klingon")
    assert isinstance(junk.view, RefusalView)
    assert junk.view.code == "unknown_language"
    assert junk.language is Language.RU  # refused in the language they chose, which is unchanged
    shown = await reply(app, "armen", "language")
    assert isinstance(shown.view, AckView)
    assert shown.view.details["code"] == "ru"
    reset = await reply(app, "armen", "language", "reset")
    assert reset.language is Language.EN
    assert (await reply(app, "armen", "now")).language is Language.EN


async def test_the_choice_is_kept_across_a_restart_and_reaches_reminders(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    clock.set(RT1_START - timedelta(hours=2))
    first = wired(gcm, directory, clock, database)
    await first.commands.handle(Invocation("nino", "language", "ru", "gcm-review"))
    await first.commands.handle(Invocation("nino", "remind", "me rt1", "gcm-review"))

    again = wired(gcm, directory, clock, database)  # a new process over the same file
    posts = await again.commands.handle(Invocation("nino", "now", "", "gcm-review"))
    assert [p.language for p in posts] == [Language.RU]
    clock.set(RT1_START - timedelta(minutes=15))
    fired = [p for posts in await again.timeline.fire() for p in posts]
    mine = [p for p in fired if p.recipient == "nino"]
    channel = [p for p in fired if p.visibility is Visibility.CHANNEL]
    assert mine
    assert {p.language for p in mine} == {Language.RU}
    assert channel
    assert {p.language for p in channel} == {Language.EN}


async def test_a_channel_may_have_its_own_language(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    clock.set(RT1_START)
    meeting = replace(gcm, channel_languages=((RT1, Language.RU),))
    app = wired(meeting, directory, clock, database)
    await say(app, "elif", "hand")
    posts = await say(app, "mod-rt1", "floor", "next")
    assert {p.language for p in posts if p.visibility is Visibility.CHANNEL} == {Language.RU}
    assert (await reply(app, "elif", "now")).language is Language.EN  # Elif's own answers stay hers


async def test_the_language_a_participant_registered_in_comes_before_their_platforms(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    clock.set(RT1_START)
    listed = [replace(p, language=Language.RU) if p.id == "olga" else p for p in directory.participants]
    app = wired(gcm, Directory(directory.states, listed), clock, database)
    assert (await reply(app, "olga", "now", locale="en-US")).language is Language.RU
    await say(app, "olga", "language", "fr")
    assert (await reply(app, "olga", "now", locale="en-US")).language is Language.FR


@given(st.text(max_size=40))
def test_any_locale_or_word_reads_as_one_of_the_three_languages_or_none(text: str) -> None:
    assert language_of(text) in (None, *Language)


@pytest.mark.parametrize(
    ("given_text", "language"),
    [
        ("fr-FR", Language.FR),
        ("ru_RU", Language.RU),
        ("en-GB", Language.EN),
        ("Français", Language.FR),
        ("русский", Language.RU),
        ("fra", None),
        ("de", None),
    ],
)
def test_locales_and_names(given_text: str, language: Language | None) -> None:
    assert language_of(given_text) is language
