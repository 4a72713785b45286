"""The live queue message: one per session channel, edited in place after a burst, and its buttons."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.slack.harness import Running, running_slack

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
RT1_CHANNEL = "gcm-rt1"
# Twenty people ask for the floor at once: nineteen from the roster (all but rt1's moderator), one unlisted.
HANDS = (
    "chair", "mod-rt2", "mod-rt3", "mod-rt4", "secretariat", "aigerim", "armen", "nino", "elif", "olga",
    "markus", "sarah", "jean", "holysee", "iom", "osce", "picum", "icmc", "youth", "U0ALICE",
)  # fmt: skip
# The protocol's order: the group statement, ministers, the vice-minister, then the rest as they asked.
FIRST_FIVE = (
    "1. Markus Steiner (DE)\n2. Armen Hakobyan — Արմեն Հակոբյան (AM)\n3. Jean-Baptiste Tremblay (CA)\n"
    "4. Aigerim Nurlanovna (KZ)\n5. Ingrid Halvorsen (NO)\n…and 15 more."
)


def live_calls(slack: Running) -> list[tuple[str, dict[str, Any]]]:
    return [(c.method, c.args) for c in slack.slack.calls if "blocks" in c.args and not c.failed]


def live_ts(slack: Running) -> str:
    """The ts of the one live message the fake holds."""
    (ts,) = [ts for ts, message in slack.slack.messages.items() if "blocks" in message]
    return ts


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    """The message from top to bottom: each block's text, a context's texts, the buttons' action ids."""
    shown: list[str] = []
    for block in blocks:
        if block["type"] in ("header", "section"):
            shown.append(block["text"]["text"])
        else:
            shown += [e["action_id"] if block["type"] == "actions" else e["text"] for e in block["elements"]]
    return shown


def replies_to(slack: Running, user: str) -> list[str]:
    return [c.args["text"] for c in slack.slack.calls_to("response_url") if c.path.endswith(f"/{user}")]


async def test_a_burst_of_hands_is_one_message_edited_a_few_times(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START, debounce=0.1) as slack:
        for who in HANDS:
            status, body = await slack.slash(who, "/hand", "", RT1_CHANNEL)
            assert status == 200
            assert json.loads(body)["text"].startswith("You are on the list of rt1"), who
        await slack.settled()
        live = live_calls(slack)
        posted = [args for method, args in live if method == "chat.postMessage"]
        updates = [args for method, args in live if method == "chat.update"]
        assert len(posted) == 1
        assert posted[0]["channel"] == slack.slack.channels[RT1_CHANNEL]
        assert len(updates) <= 4  # debounced: the list as it is by then, not one edit per hand
        assert {u["ts"] for u in updates} <= {live_ts(slack)}
        final = live[-1][1]
        assert final["text"] == "Nobody has the floor. 20 waiting for rt1."
        shown = texts(final["blocks"])
        assert shown[:3] == [
            "Speakers' list · Roundtable 1: Ensuring that migration is voluntary, orderly and regular",
            "Nobody has the floor.",
            f"Next (20 waiting; the list is open):\n{FIRST_FIVE}",
        ]
        assert shown[3:] == ["podium_hand", "podium_lower", "podium_next", "podium_end"]
        assert slack.slack.messages[live_ts(slack)]["blocks"] == final["blocks"]  # the edits landed on it


async def test_the_buttons_raise_a_hand_refuse_a_participant_and_give_the_moderator_the_floor(
    tmp_path: Path,
) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        assert await slack.press("olga", "podium_hand", "rt1", RT1_CHANNEL) == (200, "")
        await slack.slash("armen", "/hand", "", RT1_CHANNEL)
        await slack.settled()
        assert replies_to(slack, "olga") == ["You are on the list of rt1 for a statement: number 1, you are next."]
        message_ts = live_ts(slack)

        before = len(slack.slack.calls)
        await slack.press("olga", "podium_next", "rt1", RT1_CHANNEL)
        await slack.settled()
        assert replies_to(slack, "olga")[-1] == "/floor next is for the moderators of this session only."
        assert [c.method for c in slack.slack.calls[before:]] == ["response_url"]  # nothing else moved

        slack.podium.clock.set(RT1_START + timedelta(seconds=30))
        await slack.press("mod-rt1", "podium_next", "rt1", RT1_CHANNEL)
        await slack.settled()
        assert replies_to(slack, "mod-rt1") == []  # the news is the channel's, not a private answer
        method, update = live_calls(slack)[-1]
        assert (method, update["ts"]) == ("chat.update", message_ts)
        deadline = int((RT1_START + timedelta(seconds=30, minutes=3)).timestamp())
        shown = texts(update["blocks"])
        assert shown[1] == "On the floor: Armen Hakobyan — Արմեն Հակոբյան (AM)."
        assert shown[2] == f"Time ends at <!date^{deadline}^{{time}}|10:43 CET>."  # Slack shows the reader's time
        assert shown[3] == "Next (1 waiting; the list is open):\n1. Olga Kovalenko — Ольга Коваленко (UA)"
        announced = [c.args["text"] for c in slack.slack.calls_to("chat.postMessage") if "blocks" not in c.args]
        assert announced[0].startswith("The floor: Armen Hakobyan")

        await slack.press("olga", "podium_lower", "rt1", RT1_CHANNEL)
        await slack.press("mod-rt1", "podium_end", "rt1", RT1_CHANNEL)
        await slack.settled()
        assert replies_to(slack, "olga")[-1] == "Your request for the floor in rt1 is withdrawn."
        method, update = live_calls(slack)[-1]
        assert (method, update["ts"]) == ("chat.update", message_ts)
        assert texts(update["blocks"])[1:3] == ["Nobody has the floor.", "Nobody is waiting. The list is open."]


async def test_a_failed_edit_is_made_good_by_the_next_change(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        await slack.slash("olga", "/hand", "", RT1_CHANNEL)
        await slack.settled()
        slack.slack.fail_next("chat.update", status=400)  # not retried by the client: the refresh is logged
        await slack.slash("armen", "/hand", "", RT1_CHANNEL)
        await slack.settled()
        assert [c.failed for c in slack.slack.calls_to("chat.update")] == [True]
        await slack.slash("elif", "/hand", "", RT1_CHANNEL)
        await slack.settled()
        method, update = live_calls(slack)[-1]
        assert method == "chat.update"
        assert update["text"] == "Nobody has the floor. 3 waiting for rt1."
