"""One meeting served on Slack and Discord at once, from one process and one core: one list of speakers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from bot.adapters.slack.server import EVENTS_PATH
from bot.bootstrap import SlackServing
from bot.config import SlackSettings
from bot.formats.schedule_toml import load_schedule_toml
from bot.services.record import read_record
from tests.conftest import GCM_2020
from tests.discord.conftest import ARMEN, MODERATOR, STAFF, roster_text
from tests.discord.harness import Running, fake_discord, running_discord
from tests.discord.test_discord_commands import CHANNELS, RT1_START
from tests.slack.fake_slack import FakeSlack, serve
from tests.slack.harness import SECRET, channel_ids
from tests.slack.harness import Running as SlackRunning
from tests.slack.test_slack_live import texts

OLGA, SLACK_MODERATOR = "U0OLGA", "U0MODRT1"  # Slack's user ids; the Discord ones are numbers
# Olga on Slack, and a second moderator of rt1 there; the others on Discord, as in the Discord suite's roster.
ROSTER = roster_text(
    OLGA,
    f"""
[[participant]]
id = "{SLACK_MODERATOR}"
name = "Ingrid Halvorsen"
delegation = "NO"
category = "member-state"
level = "ambassador"
roles = ["moderator:rt1"]
""",
)
DISCORD_USERS = {ARMEN: "armen", MODERATOR: "mod", STAFF: "staff"}
SLACK_USERS = {
    OLGA: {"name": "olga", "real_name": "Olga Kovalenko"},
    SLACK_MODERATOR: {"name": "ingrid", "real_name": "Ingrid Halvorsen"},
}
RT1 = "gcm-rt1"


@asynccontextmanager
async def both(tmp_path: Path) -> AsyncIterator[tuple[Running, SlackRunning]]:
    """Podium serving the fake Discord and the fake Slack from one process, over one core and one database;
    Slack's events endpoint served as `podium serve slack discord` serves it."""
    roster = tmp_path / "roster.toml"
    roster.write_text(ROSTER, encoding="utf-8")
    channels = channel_ids(load_schedule_toml(GCM_2020))
    async with (
        FakeSlack(channels=channels, users=SLACK_USERS) as fake_slack,
        fake_discord(CHANNELS, DISCORD_USERS) as fake,
    ):
        settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_url=fake_slack.api_url)
        database = f"sqlite:///{tmp_path / 'podium.db'}"
        async with running_discord(fake, database, roster, RT1_START, slack=settings) as discord:
            bot = discord.serving.slack
            assert bot is not None

            async def healthy() -> bool:
                return True

            serving = SlackServing(bot, discord.serving.delivery, discord.serving.scheduler)
            async with serve(bot.web_app(healthy)) as base, aiohttp.ClientSession() as http:
                yield discord, SlackRunning(fake_slack, base + EVENTS_PATH, serving, discord.podium, http)


def slack_live(slack: SlackRunning, channel: str) -> list[str]:
    """The Slack live list of a channel, as it reads now (the one message with blocks there)."""
    (message,) = [
        m for m in slack.slack.messages.values() if "blocks" in m and m["channel"] == slack.slack.channels[channel]
    ]
    return texts(message["blocks"])


def discord_live(discord: Running, channel: str) -> dict[str, str]:
    """The Discord live list of a channel: its embed's fields, by name (the waiting count left out)."""
    (message,) = [m for m in discord.fake.in_channel(channel) if m["embeds"]]
    fields = message["embeds"][0]["fields"]
    return {field["name"].split(":")[0]: field["value"] for field in fields}


def slack_posts(slack: SlackRunning) -> list[tuple[str, str]]:
    """Every message Slack received in a channel (not the live lists), as (channel name, text)."""
    names = {cid: name for name, cid in slack.slack.channels.items()}
    calls = slack.slack.calls_to("chat.postMessage")
    return [
        (names[c.args["channel"]], c.args["text"])
        for c in calls
        if not c.failed and "blocks" not in c.args and c.args["channel"] in names
    ]


def discord_posts(discord: Running) -> list[tuple[str, str]]:
    names = {str(cid): name for name, cid in discord.fake.channels.items()}
    return [
        (names[m["channel_id"]], m["content"])
        for m in discord.fake.messages.values()
        if m["channel_id"] in names and not m["embeds"]
    ]


def doubled(posts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [post for post, count in Counter(posts).items() if count > 1]


async def test_one_meeting_on_slack_and_discord_keeps_one_list_of_speakers(tmp_path: Path) -> None:
    async with both(tmp_path) as (discord, slack):
        status, body = await slack.slash(OLGA, "/hand", "", RT1)  # Slack first: arrival does not beat protocol
        assert status == 200
        assert json.loads(body)["text"].startswith("You are on the list of rt1"), body
        hand = await discord.slash(ARMEN, "hand", channel=RT1)
        assert "number 1" in hand.text, hand.text  # a minister goes before a delegate who asked first
        await discord.settled()

        on_discord = await discord.slash(ARMEN, "queue", channel=RT1)
        status, on_slack = await slack.slash(OLGA, "/queue", "", RT1)
        assert status == 200
        for listed in (on_discord.text, json.loads(on_slack)["text"]):
            armen, olga = listed.find("Armen Hakobyan"), listed.find("Olga Kovalenko")
            assert -1 < armen < olga, listed  # one list, in protocol order, on either platform

        board = discord_live(discord, RT1)
        assert board["On the floor"] == "Nobody has the floor."
        assert board["Waiting"].index("Armen Hakobyan") < board["Waiting"].index("Olga Kovalenko"), board
        shown = slack_live(slack, RT1)
        assert shown[1] == "Nobody has the floor."
        assert shown[2].index("Armen Hakobyan") < shown[2].index("Olga Kovalenko"), shown

        status, _ = await slack.slash(SLACK_MODERATOR, "/floor", "next", RT1)  # a moderator on Slack
        assert status == 200
        await discord.settled()
        assert "Armen Hakobyan" in discord_live(discord, RT1)["On the floor"]  # given to the Discord delegate
        assert "Olga Kovalenko" in discord_live(discord, RT1)["Waiting"]
        shown = slack_live(slack, RT1)
        assert shown[1].startswith("On the floor: Armen Hakobyan"), shown
        assert "Olga Kovalenko" in shown[3], shown

        clock = discord.podium.clock
        await discord.advance_to(clock.now() + timedelta(minutes=1))  # Armen speaks for a minute
        given = await discord.slash(MODERATOR, "floor", channel=RT1, sub="next")  # a moderator on Discord
        assert given.ephemeral
        await discord.settled()
        assert "Olga Kovalenko" in discord_live(discord, RT1)["On the floor"]
        assert discord_live(discord, RT1)["Waiting"] == "Nobody is waiting."
        shown = slack_live(slack, RT1)
        assert shown[1].startswith("On the floor: Olga Kovalenko"), shown
        assert shown[3].startswith("Nobody is waiting"), shown

        # Olga's time runs out (the warning, then "time is up"), and rt2's reminders come due on both platforms.
        await discord.advance_to(datetime(2020, 11, 12, 12, 41, tzinfo=UTC))
        await discord.settled()
        record = await read_record(discord.podium.meeting, discord.podium.commands.uow(), "rt1")
        on_slack_posts, on_discord_posts = slack_posts(slack), discord_posts(discord)
        calls = slack.slack.calls_to("chat.postMessage")
        direct = [c.args["text"] for c in calls if not c.failed and c.args["channel"] == OLGA]

    (rt1,) = record.sessions
    heard = [(i.entry.speaker.participant_id, i.entry.speaker.name) for i in rt1.interventions]
    assert heard == [(str(ARMEN), "Armen Hakobyan"), (OLGA, "Olga Kovalenko")]
    assert rt1.interventions[0].duration == timedelta(minutes=1)
    assert len(direct) == 1, direct  # "you are next", to Olga once, on the platform she uses
    assert direct[0].startswith("You are next on the list of speakers"), direct
    assert doubled(on_slack_posts) == [], on_slack_posts
    assert doubled(on_discord_posts) == [], on_discord_posts
    # Each announcement and reminder once on each platform, in the same order (their time marks differ).
    assert [channel for channel, _ in on_slack_posts] == [channel for channel, _ in on_discord_posts]
    per_channel = Counter(channel for channel, _ in on_slack_posts)
    # rt1: its start, the floor given twice, Olga's warning and her time up, the list closed at the session's end.
    assert per_channel == Counter({RT1: 6, "gcm-review": 3, "gcm-rt2": 2, "gcm-plenary": 1}), on_slack_posts
    for posts in (on_slack_posts, on_discord_posts):
        rt1_texts = [text for channel, text in posts if channel == RT1]
        assert rt1_texts[0].startswith("The floor: Armen Hakobyan (AM)"), rt1_texts
        assert rt1_texts[2].startswith("The floor: Olga Kovalenko (UA)"), rt1_texts
        assert rt1_texts[3:5] == ["Olga Kovalenko (UA): 30s left.", "Olga Kovalenko (UA): time is up."]
        assert [text.splitlines()[0] for channel, text in posts if channel == "gcm-rt2"] == [
            "In 15 minutes:",
            "Starting now:",
        ]
