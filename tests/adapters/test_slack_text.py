"""Slack text in and out, the Slack settings, and the committed manifest: small pure pieces of the adapter."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.slack.commands import renamer
from bot.adapters.slack.manifest import slack_manifest
from bot.adapters.slack.text import WORD_JOINER, SlackTimes, from_slack, to_slack
from bot.config import MissingSetting, SlackSettings
from bot.services.catalogue import command_registry
from bot.services.views import Reader
from tests.words import english

MANIFEST = Path(__file__).resolve().parents[2] / "deploy" / "slack-manifest.json"


def test_inbound_mentions_become_ids_and_entities_text() -> None:
    assert from_slack("<@U0ALICE|alice> &lt;b&gt; &amp; <#C0RT1|gcm-rt1>") == "@U0ALICE <b> & #gcm-rt1"
    assert from_slack("see <https://example.org|the site> <!here>") == "see https://example.org "


def test_outbound_text_cannot_mention_or_mark_up() -> None:
    shown = to_slack("<!channel> @here @Everyone <@U0ALICE> & *bold*")
    assert shown == f"&lt;!channel&gt; @{WORD_JOINER}here @{WORD_JOINER}Everyone &lt;@U0ALICE&gt; &amp; *bold*"


@given(st.text())
def test_no_typed_text_can_form_a_slack_control_sequence(typed: str) -> None:
    """Whatever a participant types, after a round trip in and out no '<' reaches Slack unescaped."""
    assert "<" not in to_slack(from_slack(typed))
    assert "@here" not in to_slack(from_slack(typed)).lower()


def test_times_are_date_tokens_with_a_fallback_in_the_readers_zone() -> None:
    reader = Reader("Europe/Zurich", "Asia/Almaty", "KZ")
    start, end = datetime(2020, 11, 12, 9, 40, tzinfo=UTC), datetime(2020, 11, 12, 11, 40, tzinfo=UTC)
    shown = to_slack(SlackTimes().span(start, end, reader, english()))
    assert shown == ("<!date^1605174000^{time}|15:40 Almaty>–<!date^1605181200^{time}|17:40 Almaty> [10:40–12:40 CET]")


def test_settings_say_what_is_missing_and_never_show_secrets() -> None:
    with pytest.raises(MissingSetting, match=r"SLACK_BOT_TOKEN .*SLACK_SIGNING_SECRET"):
        SlackSettings.from_env({})
    with pytest.raises(MissingSetting, match="SLACK_APP_TOKEN"):
        SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"}, socket=True)
    settings = SlackSettings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "s3cret", "SLACK_API_URL": "http://127.0.0.1:9/api"}
    )
    assert settings.api_url == "http://127.0.0.1:9/api/"
    assert not settings.socket_mode
    assert "xoxb-secret" not in repr(settings)
    assert "s3cret" not in repr(settings)
    assert SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}).socket_mode


def test_the_committed_manifest_is_the_generated_one() -> None:
    """deploy/slack-manifest.json is what `podium slack-manifest` prints: regenerate it when commands change."""
    assert json.loads(MANIFEST.read_text(encoding="utf-8")) == slack_manifest(command_registry())


def test_bot_text_names_commands_as_slack_knows_them() -> None:
    rename = renamer(command_registry())
    assert rename("/remind me rt2; /remind list") == "/podium-remind me rt2; /podium-remind list"
    assert rename("/agenda and /podium-remind and /floor remove") == "/agenda and /podium-remind and /floor remove"
