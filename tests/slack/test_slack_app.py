"""Podium's Slack app end to end over loopback: signed requests in, Web API calls out, the core in between."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.slack.harness import running_slack

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


async def test_agenda_and_hand_answer_privately_and_the_live_list_appears(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        status, text = await slack.slash("aigerim", "/agenda", "1")
        assert status == 200
        assert '"response_type": "ephemeral"' in text
        assert "<!date^" in text
        status, text = await slack.slash("olga", "/hand", "", "gcm-rt1")
        assert status == 200, text
        await slack.settled()
        posted = slack.slack.calls_to("chat.postMessage")
        assert any("blocks" in c.args for c in posted), [c.args for c in slack.slack.calls]
