"""Slash commands through the real discord.py client against the fake Discord: answers, refusals, the tree."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from tests.discord.conftest import ARMEN, MODERATOR, OLGA, STAFF
from tests.discord.fake_discord import GUILD_ID
from tests.discord.harness import STAFF_ROLE, fake_discord, interaction_payload, running_discord

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
CHANNELS = ["gcm-review", "gcm-plenary", "gcm-rt1", "gcm-rt2", "gcm-rt3", "gcm-rt4"]


async def test_agenda_answers_privately_with_local_time_tokens(tmp_path: Path, roster: Path) -> None:
    async with (
        fake_discord(CHANNELS, {ARMEN: "armen", OLGA: "olga"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        answer = await discord.slash(ARMEN, "agenda", {"day": "1"})
    assert answer.ephemeral
    assert "<t:1605171600:t>" in answer.text, answer.text  # 09:00 UTC, the opening, in each reader's own zone


async def test_hand_queue_floor_next_help_and_a_refusal(tmp_path: Path, roster: Path) -> None:
    async with (
        fake_discord(CHANNELS, {ARMEN: "armen", OLGA: "olga", MODERATOR: "mod"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        hand = await discord.slash(ARMEN, "hand", channel="gcm-rt1")
        queue = await discord.slash(OLGA, "queue", channel="gcm-rt1")
        refused = await discord.slash(OLGA, "floor", channel="gcm-rt1", sub="next")
        given = await discord.slash(MODERATOR, "floor", channel="gcm-rt1", sub="next")
        helped = await discord.slash(OLGA, "help")
        await discord.settled()
        channel = [m["content"] for m in fake.in_channel("gcm-rt1") if m["content"]]
        synced = {c["name"]: c for c in fake.commands}
    assert hand.ephemeral
    assert "number 1" in hand.text
    assert queue.ephemeral
    assert "Armen Hakobyan" in queue.text
    assert refused.ephemeral
    assert len(refused.text.splitlines()) == 1, refused.text
    assert given.ephemeral
    assert any("Armen Hakobyan" in text for text in channel), channel  # the floor given, announced in the channel
    assert "/agenda" in helped.text
    assert helped.ephemeral
    assert {"agenda", "hand", "floor", "export", "help"} <= set(synced)
    assert "next" in {o["name"] for o in synced["floor"]["options"]}


async def test_typed_mentions_stay_inert(tmp_path: Path, roster: Path) -> None:
    async with (
        fake_discord(CHANNELS, {ARMEN: "armen", STAFF: "staff"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        await discord.slash(ARMEN, "hand", channel="gcm-rt1")
        said = await discord.slash(ARMEN, "statement", {"text": "@everyone *hear* <@&1> us"}, channel="gcm-rt1")
        shown = await discord.slash(STAFF, "queue", channel="gcm-rt1")
        await discord.settled()
        sent = [*fake.messages.values(), *said.messages, *shown.messages]
    assert all(m["allowed_mentions"] == {"parse": []} for m in sent if m.get("allowed_mentions") is not None)
    assert all(m.get("allowed_mentions") == {"parse": []} for m in fake.messages.values())
    assert "@everyone" not in said.text + shown.text  # escaped: @\u200beveryone


async def test_staff_export_is_deferred_then_sent_as_an_ephemeral_file(tmp_path: Path, roster: Path) -> None:
    async with (
        fake_discord(CHANNELS, {ARMEN: "armen", STAFF: "staff"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        await discord.slash(ARMEN, "hand", channel="gcm-rt1")
        export = await discord.slash(STAFF, "export", {"target": "rt1", "format": "docx"})
        refused = await discord.slash(ARMEN, "export", {"target": "rt1", "format": "docx"})
    assert export.callbacks[0] == {"type": 5, "data": {"flags": 64}}  # deferred at once, privately
    files = export.followups[0]["files"]
    assert files[0]["filename"].endswith("rt1.docx")
    assert files[0]["data"][:2] == b"PK"
    assert export.followups[0]["flags"] & 64
    assert refused.callbacks[0]["type"] == 5
    assert "staff" in refused.text.lower()
    assert refused.ephemeral


async def test_staff_by_guild_role(tmp_path: Path, roster: Path) -> None:
    stranger = 1300000000000000099  # not on the roster: the guild's Secretariat role makes them staff
    async with (
        fake_discord(CHANNELS, {stranger: "sec"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        without = await discord.slash(stranger, "export", {"target": "rt1", "format": "md"})
        with_role = await discord.slash(stranger, "export", {"target": "rt1", "format": "md"}, roles=(STAFF_ROLE,))
    assert not without.followups[0]["files"]
    assert with_role.followups[0]["files"][0]["filename"].endswith(".md")


async def test_an_interaction_delivered_twice_runs_once(tmp_path: Path, roster: Path) -> None:
    """A gateway that resumes may replay an event: the interaction's id is the command's request id."""
    async with (
        fake_discord(CHANNELS, {ARMEN: "armen", OLGA: "olga"}) as fake,
        running_discord(fake, f"sqlite:///{tmp_path / 'p.db'}", roster, RT1_START) as discord,
    ):
        data = {"id": "1", "name": "hand", "type": 1, "options": [], "guild_id": str(GUILD_ID)}
        payload = interaction_payload(fake, 2, OLGA, "gcm-rt1", data)
        first = await fake.interact(payload)
        assert "number 1" in first.text, first.text
        frame = {"op": 0, "t": "INTERACTION_CREATE", "s": 99, "d": payload}
        await fake._sockets[-1].send_str(json.dumps(frame))  # the same interaction again
        listed = await discord.slash(ARMEN, "queue", channel="gcm-rt1")  # read after the replay was taken
        await discord.settled()
    # Run again, the hand would have been refused as a second one, answered on the same interaction.
    assert len(first.callbacks) == 1
    assert listed.text.count("Olga Kovalenko") == 1
