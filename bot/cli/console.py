"""`podium console` and `podium demo`: Podium in the terminal, interactive or replaying a script of lines."""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import importlib.util
import signal
import sys
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.cli.language import translator
from bot.config import MissingSetting, Settings, WebSettings, data_path

if TYPE_CHECKING:
    from bot.adapters.console.app import Console
    from bot.services.translation import Translator

# Found from any directory: the working directory first, then the data shipped in the package (bot/schedules).
T = TypeVar("T")
DEMO_SCRIPT = "schedules/demo-2020.script"
DEMO_ROSTER = "schedules/demo-roster-2020.toml"


async def console(options: argparse.Namespace, settings: Settings) -> int:
    from bot import bootstrap

    tr = translator(options, settings)
    web = _web_settings(options, tr)
    if isinstance(web, int):
        return web
    piped = options.script is None and not sys.stdin.isatty()
    try:
        script = _script_lines(options.script, piped)
    except OSError as unreadable:
        message = tr.gettext("cannot read the script {file}: {reason}")
        print(message.format(file=options.script, reason=unreadable.strerror), file=sys.stderr)
        return 2
    clock = bootstrap.console_clock(options.clock, options.speed, scripted=script is not None)
    async with bootstrap.running(
        settings,
        clock,
        schedule=options.schedule,
        roster=options.roster,
        database_url=options.db,
        rehearse=options.rehearse,
        language=options.lang or settings.language,  # the posts to every reader without a language of their own
    ) as podium:
        # A script's `/submit < FILE` names files beside the script, wherever it is run from.
        files = options.script.parent if options.script else Path()
        serving = bootstrap.start_console(podium, clock, sys.stdout, files=files)
        app, scheduler, meeting = serving.app, serving.scheduler, podium.meeting

        async def talk() -> int:
            if script is not None:
                actor = options.actor if piped else None
                failed = await (_paced(app, script, actor, options.web_pace) if web else app.run_script(script, actor))
                if web is not None:  # the script is over; the page stays up for whoever opened it
                    stays = tr.gettext("The live page stays up on port {port} until Ctrl-C.")
                    print(stays.format(port=web.port), flush=True)
                    await asyncio.Event().wait()
                return 1 if failed else 0
            welcome = tr.gettext("Podium console for {meeting}. /help lists the commands; Ctrl-D quits.")
            print(welcome.format(meeting=meeting.short_title or meeting.title))
            with _on_sighup(lambda: asyncio.ensure_future(app.reload_on_signal())):
                await _beside(scheduler.run(), app.run_interactive(options.actor))
            return 0

        if web is None:
            return await talk()
        return await _beside(bootstrap.run_web(bootstrap.start_web(podium, web, app.show)), talk())


async def demo(options: argparse.Namespace, settings: Settings) -> int:
    options.script = options.script or data_path(DEMO_SCRIPT)
    options.roster = options.roster or data_path(DEMO_ROSTER)
    if options.db:
        return await console(options, settings)
    with tempfile.TemporaryDirectory(prefix="podium-demo-") as folder:
        options.db = f"sqlite:///{Path(folder) / 'demo.db'}"
        return await console(options, settings)


async def _paced(app: Console, script: list[bytes], actor: str | None, pace: float) -> int:
    """Replay a script a line every `pace` seconds, so the live page beside it can be watched following it."""
    failed = 0
    for number, line in enumerate(script, start=1):
        failed += await app.run_script([line], actor, first=number)
        if line.strip() and not line.lstrip().startswith(b"#"):
            await asyncio.sleep(pace)
    return failed


def _web_settings(options: argparse.Namespace, tr: Translator) -> WebSettings | int | None:
    """The live page's settings with --web; an exit status, the reason printed in one line, when it cannot run."""
    if not options.web:
        return None
    if importlib.util.find_spec("aiohttp") is None:
        message = tr.gettext("podium {action} --web needs aiohttp: pip install 'podium[web]'")
        print(message.format(action=options.action), file=sys.stderr)
        return 2
    try:
        return WebSettings.from_env(host=options.web_host, port=options.web_port)
    except MissingSetting as missing:
        action = options.action + " --web"
        print(tr.gettext("podium {action}: {reason}.").format(action=action, reason=missing.said(tr)), file=sys.stderr)
        return 2


def _script_lines(script: Path | None, piped: bool) -> list[bytes] | None:
    """The lines to replay, as bytes: the console decodes each, so one that is not UTF-8 is named, not fatal."""
    if script is not None:
        data = script.read_bytes()
    elif piped:
        data = sys.stdin.buffer.read()
    else:
        return None
    return data.removeprefix(codecs.BOM_UTF8).splitlines()


@contextlib.contextmanager
def _on_sighup(handler: Callable[[], object]) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGHUP, handler)
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGHUP)


async def _beside(background: Coroutine[Any, Any, None], foreground: Coroutine[Any, Any, T]) -> T:
    """Run foreground to its end with background alongside, then stop background."""
    task = asyncio.create_task(background)
    try:
        return await foreground
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
