"""Roundtable 1 of the demo played through Discord and through the console: the same record, the same transcript."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.console.script import Advance, Nothing, Said, SetClock, read_line
from bot.scheduling.clock import SimulatedClock
from bot.services.arguments import mentioned, parse_arguments
from bot.services.registry import ParamKind
from tests.conftest import GCM_2020, SCHEDULES
from tests.discord.harness import Running, fake_discord, running_discord
from tests.discord.test_discord_commands import CHANNELS
from tests.integration.test_floor_end_to_end import process
from tests.slack.test_slack_parity import RT1_START, recorded, roundtable_one

FIRST = 1600000000000000000


class People:
    """The demo's people as Discord users: the roster and the schedule with snowflakes for ids, and back."""

    def __init__(self, roster: str) -> None:
        names = [*re.findall(r'^id = "([^"]+)"', roster, re.MULTILINE), "newcomer", "latecomer"]
        self.ids = {name: FIRST + index for index, name in enumerate(names)}
        self.names = {str(number): name for name, number in self.ids.items()}

    def files(self, tmp_path: Path) -> tuple[Path, Path]:
        roster = re.sub(r'^id = "([^"]+)"', lambda m: f'id = "{self.ids[m[1]]}"', _roster(), flags=re.MULTILINE)
        schedule = re.sub(
            r"^moderators = \[(.*)\]",
            lambda m: "moderators = [" + ", ".join(f'"{self.ids[n]}"' for n in re.findall(r'"([^"]+)"', m[1])) + "]",
            GCM_2020.read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        )
        (tmp_path / "roster.toml").write_text(roster, encoding="utf-8")
        (tmp_path / "schedule.toml").write_text(schedule, encoding="utf-8")
        return tmp_path / "roster.toml", tmp_path / "schedule.toml"

    def back(self, value: Any) -> Any:
        """Snowflakes written back as the console's names, wherever they are in the record or the transcript."""
        text = json.dumps(value, default=str)
        text = re.sub(r"\b(16\d{17})\b", lambda m: self.names.get(m[1], m[1]), text)
        return json.loads(text)


def _roster() -> str:
    return (SCHEDULES / "demo-roster-2020.toml").read_text(encoding="utf-8")


async def play_in_discord(discord: Running, people: People, lines: list[str]) -> None:
    """Each `NAME #channel> /cmd` as a slash command with typed options; clock lines as the scheduler would."""
    meeting = discord.podium.meeting
    clock = discord.podium.clock
    assert isinstance(clock, SimulatedClock)
    for raw in lines:
        line = read_line(raw, ZoneInfo(meeting.timezone))
        if isinstance(line, Said):
            assert line.command is not None, raw
            name, text = line.command
            spec = discord.podium.commands.registry.get(name)
            assert spec is not None, raw
            sub = None
            if spec.subcommands:
                word, _, text = text.strip().partition(" ")
                sub, spec = word, spec.subcommand(word)
                assert spec is not None, raw
            options: dict[str, Any] = {}
            for param_name, value in parse_arguments(spec, text).items():
                kind = next(p.kind for p in spec.params if p.name == param_name)
                options[param_name] = people.ids[mentioned(value) or value] if kind is ParamKind.USER else value
            actor = people.ids[line.actor]
            await discord.slash(actor, name, options, channel=line.channel or meeting.main_channel or "", sub=sub)
            await discord.settled()
        elif isinstance(line, SetClock) and line.moment <= clock.now():
            clock.set(line.moment)
        elif isinstance(line, SetClock | Advance):
            await discord.advance_to(line.moment if isinstance(line, SetClock) else clock.now() + line.span)
        else:
            assert isinstance(line, Nothing), raw


async def test_roundtable_one_through_discord_keeps_the_same_record_as_the_console(tmp_path: Path) -> None:
    lines = roundtable_one()
    for where in ("console", "discord"):
        (tmp_path / where).mkdir()
    async with process(f"sqlite:///{tmp_path / 'console' / 'podium.db'}", SimulatedClock(RT1_START)) as (
        podium,
        console,
        _,
    ):
        assert await console.run_script(lines) == 0
        by_console = await recorded(podium)
    people = People(_roster())
    roster, schedule = people.files(tmp_path / "discord")
    users = {number: name for name, number in people.ids.items()}
    async with fake_discord(CHANNELS, users) as fake:
        database = f"sqlite:///{tmp_path / 'discord' / 'podium.db'}"
        async with running_discord(fake, database, roster, RT1_START, schedule=schedule) as discord:
            await play_in_discord(discord, people, lines)
            record, transcript = people.back(await recorded(discord.podium))
        dms = {fake.dms[int(m["channel_id"])] for m in fake.messages.values() if int(m["channel_id"]) in fake.dms}
    assert record == json.loads(json.dumps(by_console[0], default=str))
    assert transcript == json.loads(json.dumps(by_console[1], default=str))
    assert {people.ids[name] for name in ("armen", "jean", "aigerim", "sarah")} <= dms  # "you are next", by DM
