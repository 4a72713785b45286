"""`podium serve discord` as its own process, pointed at the fake Discord by the environment: login, sync, answers."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.discord.conftest import ARMEN
from tests.discord.fake_discord import GUILD_ID
from tests.discord.harness import fake_discord, interaction_payload

CHANNELS = ["gcm-review", "gcm-plenary", "gcm-rt1", "gcm-rt2", "gcm-rt3", "gcm-rt4"]


async def test_podium_serve_discord_answers_agenda_with_local_time_tokens_and_stops_on_sigterm(
    tmp_path: Path, roster: Path
) -> None:
    async with fake_discord(CHANNELS, {ARMEN: "armen"}) as fake:
        env = {
            **os.environ,
            "DISCORD_TOKEN": "fake-token",
            "DISCORD_GUILD_ID": str(GUILD_ID),
            "DISCORD_API_URL": f"{fake.base}/api/v10",
            "DISCORD_GATEWAY_URL": fake.base.replace("http", "ws") + "/gateway",
        }
        command = [sys.executable, "-m", "bot", "serve", "discord", "--roster", str(roster)]
        command += ["--db", f"sqlite:///{tmp_path / 'podium.db'}", "--clock", "2020-11-12T09:45+01:00"]
        server = await asyncio.create_subprocess_exec(
            *command, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        try:
            await fake.wait(lambda: fake._sockets and fake.commands, within=60)
            assert {"agenda", "hand", "floor", "export"} <= {c["name"] for c in fake.commands}  # synced to the guild
            data = {"id": "1", "name": "agenda", "type": 1, "options": [], "guild_id": str(GUILD_ID)}
            answer = await fake.interact(interaction_payload(fake, 2, ARMEN, "gcm-review", data))
            assert answer.ephemeral
            assert "<t:1605171600:t>" in answer.text  # the opening, 10:00 CET, in each reader's own time
        finally:
            server.send_signal(signal.SIGTERM)
            _, errors = await asyncio.wait_for(server.communicate(), 60)
        assert server.returncode == 0, errors.decode()
        assert "fake-token" not in errors.decode()  # no secret in the log
