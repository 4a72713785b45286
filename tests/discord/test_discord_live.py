"""The live list in a session channel: an embed with buttons that keep working after a restart."""

from __future__ import annotations

from pathlib import Path

from tests.discord.conftest import ARMEN, MODERATOR, OLGA
from tests.discord.harness import fake_discord, running_discord
from tests.discord.test_discord_commands import CHANNELS, RT1_START

USERS = {ARMEN: "armen", OLGA: "olga", MODERATOR: "mod"}


def _custom_ids(message: dict) -> list[str]:
    return [button["custom_id"] for row in message["components"] for button in row["components"]]


async def test_hand_updates_the_embed_and_the_moderators_click_gives_the_floor(tmp_path: Path, roster: Path) -> None:
    async with (
        fake_discord(CHANNELS, USERS) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        await discord.slash(ARMEN, "hand", channel="gcm-rt1")
        await discord.slash(OLGA, "hand", channel="gcm-rt1")
        await discord.settled()
        board = discord.live_list("gcm-rt1")
        waiting = board["embeds"][0]["fields"][-1]["value"]
        refused = await discord.click(OLGA, board, "podium:next:rt1")
        given = await discord.click(MODERATOR, board, "podium:next:rt1")
        await discord.settled()
        after = discord.live_list("gcm-rt1")
    assert "Armen Hakobyan" in waiting
    assert "Olga Kovalenko" in waiting
    assert _custom_ids(board) == ["podium:hand:rt1", "podium:lower:rt1", "podium:next:rt1", "podium:end:rt1"]
    assert refused.ephemeral
    assert len(refused.text.splitlines()) == 1
    assert given.callbacks == [{"type": 6}]  # acknowledged silently: the news is in the channel and the embed
    assert "Armen Hakobyan" in after["embeds"][0]["fields"][0]["value"]  # on the floor now, the same message edited
    assert after["id"] == board["id"]
    assert after.get("edits", 0) >= 1
    assert any("<t:" in field["value"] for field in after["embeds"][0]["fields"])  # time ends, in each reader's zone


async def test_an_old_messages_buttons_work_after_a_restart(tmp_path: Path, roster: Path) -> None:
    database = f"sqlite:///{tmp_path / 'p.db'}"
    async with fake_discord(CHANNELS, USERS) as fake, running_discord(fake, database, roster, RT1_START) as discord:
        await discord.slash(ARMEN, "hand", channel="gcm-rt1")
        await discord.settled()
        board = discord.live_list("gcm-rt1")
        async with running_discord(fake, database, roster, RT1_START) as restarted:  # a new client, same database
            pressed = await restarted.click(OLGA, board, "podium:hand:rt1")
            await restarted.settled()
            after = restarted.live_list("gcm-rt1")
    assert "number 2" in pressed.text
    assert pressed.ephemeral
    assert after["id"] == board["id"]  # the stored message edited, not a second one
    assert "Olga Kovalenko" in after["embeds"][0]["fields"][-1]["value"]
    assert len([m for m in fake.in_channel("gcm-rt1") if m["embeds"]]) == 1
