"""The composition root: the one place that names concrete classes and wires them into a running Podium.

`core` loads the meeting and wires the services; `console`, `chat` and `web` serve them; `signals` is how a
server lives and stops. Everything is built when called, nothing at import.
"""

from bot.bootstrap.chat import ChatServing, SlackServing, serve_chat, serve_slack, start_chat, start_slack
from bot.bootstrap.console import ConsoleServing, console_clock, start_console
from bot.bootstrap.core import Podium, running, slack_core
from bot.bootstrap.web import WebServing, clock_rate, run_web, start_web

__all__ = [
    "ChatServing",
    "ConsoleServing",
    "Podium",
    "SlackServing",
    "WebServing",
    "clock_rate",
    "console_clock",
    "run_web",
    "running",
    "serve_chat",
    "serve_slack",
    "slack_core",
    "start_chat",
    "start_console",
    "start_slack",
    "start_web",
]
