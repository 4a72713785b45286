"""Slash commands over signed HTTP: every command registered, private answers, announcements, DMs and local times."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.adapters.slack.commands import slash_names
from bot.adapters.slack.manifest import slack_manifest
from bot.services.catalogue import command_registry
from tests.slack.harness import Running, running_slack

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
RT1_CHANNEL = "gcm-rt1"
TOKEN = re.compile(r"<!date\^(\d+)\^\{time\}\|([^>]*)>")


def ephemeral(body: str) -> str:
    """The text of a private answer in the HTTP response, checked to be ephemeral and plain text."""
    answer = json.loads(body)
    assert answer["response_type"] == "ephemeral", answer
    assert answer.get("mrkdwn") is False, answer
    return str(answer["text"])


def tokens(text: str) -> dict[int, str]:
    """Slack date tokens in a text: timestamp -> the fallback shown where Slack cannot format it."""
    return {int(stamp): fallback for stamp, fallback in TOKEN.findall(text)}


async def waiting(slack: Running, session_id: str = "rt1") -> list[str]:
    session = slack.podium.meeting.session(session_id)
    assert session is not None
    view = await slack.podium.floor.board(session, slack.podium.clock.now())
    return [place.entry.speaker.participant_id for place in view.upcoming]


def test_every_command_of_the_registry_is_a_slash_command_and_remind_is_prefixed() -> None:
    registry = command_registry()
    names = slash_names(registry)
    assert sorted(names.values()) == sorted(spec.name for spec in registry.commands)
    assert names["/podium-remind"] == "remind"
    assert "/remind" not in names  # Slack's own
    manifest = slack_manifest(registry)
    assert sorted(c["command"] for c in manifest["features"]["slash_commands"]) == sorted(names)


async def test_the_running_app_answers_every_slash_command(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        answers = {}
        for name in slash_names(command_registry()):
            status, body = await slack.slash("olga", name, "", "gcm-review")
            assert status == 200, (name, body)
            answers[name] = json.loads(body)["text"]
            assert answers[name], name  # a private answer, a usage line or a refusal: never silence
        # /export is slow, so acknowledged first, but a refusal is known at once: the audience, then arguments.
        assert answers["/export"] == "/export is for staff only."
        status, _ = await slack.slash("olga", "/remind", "list")
        assert status == 404  # Slack's built-in: the app has no listener for it
        status, body = await slack.slash("olga", "/podium-remind", "list")
        assert status == 200
        assert ephemeral(body)


async def test_an_unknown_subcommand_gets_one_line_naming_the_closest_and_changes_nothing(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        await slack.slash("olga", "/hand", "", RT1_CHANNEL)
        await slack.settled()
        before = len(slack.slack.calls)
        status, body = await slack.slash("mod-rt1", "/floor", "nxt", RT1_CHANNEL)
        await slack.settled()
        assert status == 200
        text = ephemeral(body)
        assert "\n" not in text
        assert "/floor has no 'nxt'" in text
        assert text.endswith("Did you mean /floor next?")
        assert slack.slack.calls[before:] == []  # no announcement, no live list edit
        assert await waiting(slack) == ["olga"]


async def test_answers_are_private_announcements_go_to_the_channel_and_turns_by_direct_message(
    tmp_path: Path,
) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        for who in ("olga", "armen", "elif"):
            status, body = await slack.slash(who, "/hand", "", RT1_CHANNEL)
            assert status == 200
            assert ephemeral(body).startswith("You are on the list of rt1 for a statement: number")
        await slack.settled()
        status, body = await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)
        assert (status, body) == (200, "")  # nothing private: the news is for the channel
        await slack.settled()
        channel_id = slack.slack.channels[RT1_CHANNEL]
        posts = [c.args for c in slack.slack.calls_to("chat.postMessage") if "blocks" not in c.args]
        announcement, *direct = posts
        assert announcement["channel"] == channel_id
        assert announcement["text"].startswith("The floor: Armen Hakobyan — Արմեն Հակոբյան (AM), statement, 3m")
        assert announcement["mrkdwn"] is False
        assert [(d["channel"], d["text"]) for d in direct] == [
            ("olga", "You are next on the list of speakers of rt1."),
            ("elif", "You are 2nd on the list of speakers of rt1."),
        ]
        messages = [e.text for e in await slack.transcript() if e.kind.value == "message"]
        # The transcript keeps the console's plain text, not Slack's date tokens.
        assert messages == [
            "The floor: Armen Hakobyan — Արմեն Հակոբյան (AM), statement, 3m until 10:43 CET\n"
            "Next: Olga Kovalenko — Ольга Коваленко (UA), Elif Yılmaz (TR)."
        ]


async def test_the_agenda_gives_date_tokens_at_the_real_session_times(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        status, body = await slack.slash("olga", "/agenda", "1")
        assert status == 200
        shown = tokens(ephemeral(body))
        day_one = slack.podium.meeting.sessions_on(1)
        assert set(shown) == {int(t.timestamp()) for s in day_one for t in (s.start, s.end)}
        rt1 = slack.podium.meeting.session("rt1")
        assert rt1 is not None
        assert shown[int(rt1.start.timestamp())] == "11:40 EET"  # Ukraine's zone, from the delegation
        assert int(RT1_START.timestamp()) == int(rt1.start.timestamp())
        assert not slack.slack.calls_to("users.info")  # the roster gave a zone: Slack is not asked


async def test_without_a_roster_zone_the_slack_profile_zone_is_used_and_asked_once(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        # Everyone on the demo roster has a zone (their own, or their State's); these two have none.
        slack.slack.users["U0BOB"] = {"name": "bob", "tz": "America/Chicago"}  # not on the roster
        slack.slack.users["U0CAROL"] = {"name": "carol", "tz": "America/New_York"}  # declares an organisation
        _, body = await slack.slash("U0CAROL", "/iam", "Caritas")
        assert "Caritas" in ephemeral(body)
        rt1 = int(RT1_START.timestamp())
        for command, text in (("/agenda", "1"), ("/now", ""), ("/session", "rt1"), ("/agenda", "")):
            _, body = await slack.slash("U0BOB", command, text)
            assert tokens(ephemeral(body))[rt1] == "03:40 CST", command
        _, body = await slack.slash("U0CAROL", "/agenda", "1")
        assert tokens(ephemeral(body))[rt1] == "04:40 EST"
        _, body = await slack.slash("U0BOB", "/agenda", "1 KZ")  # a zone asked for wins over the profile
        assert tokens(ephemeral(body))[rt1] == "15:40 Almaty"
        # A personal reminder, sent later by direct message through the outbox, uses the same cached zone.
        await slack.slash("U0BOB", "/podium-remind", "me rt2")
        rt2 = slack.podium.meeting.session("rt2")
        assert rt2 is not None
        await slack.advance_to(rt2.start - timedelta(minutes=15))
        reminder = [c.args for c in slack.slack.calls_to("chat.postMessage") if c.args["channel"] == "U0BOB"]
        assert len(reminder) == 1
        assert tokens(reminder[0]["text"])[int(rt2.start.timestamp())] == "06:40 CST"
        asked = [c.args["user"] for c in slack.slack.calls_to("users.info")]
        assert sorted(asked) == ["U0BOB", "U0CAROL"]  # once per user, however many answers


async def test_a_user_whose_slack_speaks_french_is_answered_in_french_while_the_channel_stays_english(
    tmp_path: Path,
) -> None:
    async with running_slack(tmp_path, RT1_START, locales={"olga": "fr-FR", "nino": "de-DE"}) as slack:
        _, body = await slack.slash("olga", "/hand", "", RT1_CHANNEL)
        assert ephemeral(body).startswith("Vous êtes inscrit sur la liste de « rt1 » (déclaration) : numéro 1")
        _, body = await slack.slash("nino", "/hand", "", RT1_CHANNEL)  # German is not one of Podium's: English
        assert ephemeral(body).startswith("You are on the list of rt1")
        await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)
        await slack.settled()
        announced = [c.args["text"] for c in slack.slack.calls_to("chat.postMessage") if "The floor" in c.args["text"]]
        assert announced  # the channel is told in the meeting's language
        # The locales came with the workspace's directory, read once at start: no command waited for Slack.
        assert [c.method for c in slack.slack.calls if c.method.startswith("users.")] == ["users.list"]
        _, body = await slack.slash("olga", "/language", "en", RT1_CHANNEL)  # her own choice wins over Slack's
        assert "English" in ephemeral(body)


def test_the_manifest_lists_every_command_within_slacks_limits_and_the_scopes_podium_needs() -> None:
    registry = command_registry()
    manifest = slack_manifest(registry, request_url="https://podium.example.org/slack/events")
    commands = {c["command"]: c for c in manifest["features"]["slash_commands"]}
    assert set(commands) == set(slash_names(registry))
    for spec in registry.commands:
        entry = commands[f"/podium-{spec.name}" if spec.name == "remind" else f"/{spec.name}"]
        assert 0 < len(entry["description"]) <= 100
        assert len(entry["usage_hint"]) <= 100
        assert spec.summary.startswith(entry["description"])
        assert entry["should_escape"] is True  # mentions arrive as <@U…>, the ids the roster uses
        assert entry["url"] == "https://podium.example.org/slack/events"
    assert commands["/floor"]["usage_hint"].startswith("next|give|end")
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "files:write", "users:read", "im:write"} <= scopes
    settings = manifest["settings"]
    assert settings["interactivity"] == {"is_enabled": True, "request_url": "https://podium.example.org/slack/events"}
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert settings["socket_mode_enabled"] is False


def test_the_socket_mode_manifest_has_no_request_url() -> None:
    manifest = slack_manifest(command_registry(), socket_mode=True)
    assert all("url" not in c for c in manifest["features"]["slash_commands"])
    settings = manifest["settings"]
    assert "request_url" not in settings["event_subscriptions"]
    assert "request_url" not in settings["interactivity"]
    assert settings["socket_mode_enabled"] is True
