"""Roundtable 1 of the demo played through Slack and through the console: the same record, the same channel posts."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.console.script import Advance, Nothing, Said, SetClock, read_line
from bot.adapters.slack.commands import slash_name
from bot.bootstrap import Podium
from bot.formats.record_json import record_to_json
from bot.scheduling.clock import SimulatedClock
from bot.services.record import read_record
from tests.conftest import SCHEDULES
from tests.integration.test_floor_end_to_end import process
from tests.slack.harness import Running, running_slack

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
GENERATED = datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
_MENTION = re.compile(r"(?<!\S)@([\w.-]+)")


def roundtable_one() -> list[str]:
    """The demo script from its Roundtable 1 heading to the end."""
    lines = (SCHEDULES / "demo-2020.script").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# --- Roundtable 1"))
    return lines[start:]


async def play_in_slack(slack: Running, lines: list[str]) -> None:
    """Each `NAME #channel> /cmd` as a signed slash command from user NAME; clock lines as the scheduler would."""
    meeting = slack.podium.meeting
    zone = ZoneInfo(meeting.timezone)
    clock = slack.podium.clock
    assert isinstance(clock, SimulatedClock)
    for raw in lines:
        line = read_line(raw, zone)
        if isinstance(line, Said):
            assert line.command is not None, raw
            name, text = line.command
            spec = slack.podium.commands.registry.get(name)
            assert spec is not None, raw
            # Slack sends a typed @mention as <@USER_ID>; here the roster's ids are the Slack user ids.
            status, body = await slack.slash(
                line.actor, slash_name(spec), _MENTION.sub(r"<@\1>", text), line.channel or meeting.main_channel or ""
            )
            assert status == 200, (raw, body)
            await slack.settled()
        elif isinstance(line, SetClock) and line.moment <= clock.now():
            clock.set(line.moment)
        elif isinstance(line, SetClock | Advance):
            await slack.advance_to(line.moment if isinstance(line, SetClock) else clock.now() + line.span)
        else:
            assert isinstance(line, Nothing), raw


async def recorded(podium: Podium) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """The JSON record (its generation stamp left out) and the transcript, mentions written the console's way."""
    stored = await read_record(podium.meeting, podium.commands.uow())
    record = json.loads(record_to_json(stored, generated_at=GENERATED))
    del record["generated_at"]
    async with podium.commands.uow() as uow:
        entries = await uow.transcript.entries(podium.meeting.id)
    transcript = [
        (e.at, e.kind.value, e.channel, e.actor, e.session_id, re.sub(r"<@([\w.-]+)>", r"@\1", e.text)) for e in entries
    ]
    return record, transcript


async def test_roundtable_one_through_slack_keeps_the_same_record_as_the_console(tmp_path: Path) -> None:
    lines = roundtable_one()
    (tmp_path / "console").mkdir()
    (tmp_path / "slack").mkdir()
    console_db = f"sqlite:///{tmp_path / 'console' / 'podium.db'}"
    async with process(console_db, SimulatedClock(RT1_START)) as (podium, console, _):
        assert await console.run_script(lines) == 0
        by_console = await recorded(podium)
    async with running_slack(tmp_path / "slack", RT1_START) as slack:
        for extra in ("newcomer", "latecomer"):  # not on the roster: Slack users all the same
            slack.slack.users[extra] = {"name": extra}
        await play_in_slack(slack, lines)
        by_slack = await recorded(slack.podium)
        dms = {c.args["channel"] for c in slack.slack.calls_to("chat.postMessage") if c.args["channel"][0] != "C"}
        failed = [c.method for c in slack.slack.calls if c.failed]

    record, transcript = by_slack
    assert record == by_console[0]
    rt1 = next(s for s in record["sessions"] if s["id"] == "rt1")
    heard = [(i["participant"], i["delivery"], i["duration_seconds"]) for i in rt1["interventions"]]
    assert heard == [  # the demo as it reads: the replay did happen
        ("markus", "delivered", 300),
        ("armen", "delivered", 150),
        ("nino", "delivered", 90),  # 1 min, a point of order (40 s, its clock paused), then 30 s more
        ("sarah", "delivered", 40),
        ("jean", "delivered", 180),
        ("youth", "delivered", 90),
        ("aigerim", "delivered", 180),
        ("icmc", "written", 0),
    ]
    assert rt1["interventions"][5]["moderator_notes"][0]["text"].startswith("Several delegations referred")
    nino, order = rt1["interventions"][2:4]
    assert (nino["paused_seconds"], order["interrupted"], order["kind"]) == (40, nino["number"], "order")
    assert order["ruling"] == "The meeting has quorum; interpretation is restored."
    assert [e["participant"] for e in rt1["inscribed_not_heard"]] == [
        "sarah", "elif", "olga", "newcomer", "holysee", "iom", "picum",
    ]  # fmt: skip
    # Every command and every channel post, at the same simulated moments, in the same order and words.
    assert transcript == by_console[1]
    assert failed == []
    assert {"armen", "jean", "aigerim", "sarah"} <= dms  # "you are next" went to people, by direct message
