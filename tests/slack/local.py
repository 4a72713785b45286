"""Try Podium's Slack app with no workspace: a fake Slack on localhost, and signed slash commands sent to Podium.

python -m tests.slack.local fake --port 8901          # the fake Web API; prints every call Podium makes
python -m tests.slack.local send /agenda 1 --as aigerim --secret local-secret
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import secrets
import sys
from typing import Any

import aiohttp
from aiohttp import web

from bot.config import DEFAULT_SCHEDULE, data_path
from bot.formats.roster import load_roster
from bot.formats.schedules import load_schedule
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.harness import channel_ids
from tests.slack.signed import post_signed, slash_body

DEMO_ROSTER = "schedules/demo-roster-2020.toml"


class PrintingSlack(FakeSlack):
    """The fake, telling the person at the terminal what Podium asked Slack to do."""

    async def _record(self, call: Call) -> None:
        await super()._record(call)
        shown = {k: v for k, v in call.args.items() if k in ("channel", "text", "ts", "user", "filename")}
        print(f"slack <- {call.method} {json.dumps(shown, ensure_ascii=False)}", flush=True)


async def run_fake(port: int) -> None:
    meeting = load_schedule(data_path(DEFAULT_SCHEDULE))
    users: dict[str, dict[str, Any]] = {
        p.id: {"name": p.id, "real_name": p.name} for p in load_roster(data_path(DEMO_ROSTER))
    }
    slack = PrintingSlack(channels=channel_ids(meeting), users=users)
    runner = web.AppRunner(slack.app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    slack.base_url = f"http://127.0.0.1:{port}"
    print(f"Fake Slack listening: set SLACK_API_URL={slack.api_url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


async def send(options: argparse.Namespace) -> int:
    meeting = load_schedule(data_path(DEFAULT_SCHEDULE))
    channel = channel_ids(meeting)[options.channel]
    # A fresh trigger id each time, as Slack gives: Podium runs a delivery it has seen before only once.
    trigger = f"{secrets.randbelow(10**11)}.{secrets.randbelow(10**9)}.{secrets.token_hex(16)}"
    text = " ".join(options.text)
    body = slash_body(options.command, text, options.user, channel, channel_name=options.channel, trigger_id=trigger)
    async with aiohttp.ClientSession() as http:
        status, text = await post_signed(http, options.url, options.secret, body)
    with contextlib.suppress(ValueError):  # an empty answer (nothing to say privately) is not JSON
        text = json.loads(text).get("text", text)
    print(f"{status} {text}")
    return 0 if status == 200 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.slack.local")
    actions = parser.add_subparsers(dest="action", required=True)
    fake = actions.add_parser("fake", help="run a fake Slack Web API on 127.0.0.1")
    fake.add_argument("--port", type=int, default=8901)
    sender = actions.add_parser("send", help="send Podium a signed slash command, print the answer")
    sender.add_argument("command", help="such as /agenda")
    sender.add_argument("text", nargs="*", help="the command's text")
    sender.add_argument("--as", dest="user", default="aigerim", help="the Slack user id (a roster id)")
    sender.add_argument("--channel", default="gcm-review", help="a channel of the schedule")
    sender.add_argument("--url", default="http://127.0.0.1:3000/slack/events")
    sender.add_argument("--secret", default="local-secret", help="the same as Podium's SLACK_SIGNING_SECRET")
    options = parser.parse_args(argv)
    try:
        if options.action == "fake":
            asyncio.run(run_fake(options.port))
            return 0
        return asyncio.run(send(options))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
