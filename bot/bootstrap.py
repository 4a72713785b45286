"""The composition root: the one place that names concrete classes and wires them into a running Podium."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import DiscordSettings, Settings, SlackSettings, WebSettings
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.domain.schedule_rules import ScheduleInvalid
from bot.formats.exports import FileExporter
from bot.formats.roster import load_directory
from bot.formats.schedules import load_meeting
from bot.formats.submission_files import SubmissionFiles
from bot.scheduling.clock import SimulatedClock, SystemClock
from bot.scheduling.scheduler import Scheduler
from bot.services.assembly import assemble
from bot.services.commands import CommandService
from bot.services.core import Core
from bot.services.delivery import Delivery
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.ports import Clock, UnitOfWork
from bot.services.reminders import ReminderService
from bot.services.stage import StageService
from bot.services.submissions import SubmissionService
from bot.services.timeline import Timeline
from bot.services.timetable import Timetable
from bot.services.views import Post

if TYPE_CHECKING:  # the Slack and database libraries are imported only by what needs them
    from bot.adapters.console.app import Console
    from bot.adapters.discord.server import DiscordBot
    from bot.adapters.slack.server import SlackBot
    from bot.adapters.web.hub import Hub
    from bot.adapters.web.server import LivePage
    from bot.storage.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Podium:
    """Everything an adapter needs, built and owned by `running()`."""

    timetable: Timetable
    directory: Directory
    commands: CommandService
    floor: FloorService
    reminders: ReminderService
    displays: Displays
    timeline: Timeline
    clock: Clock
    reload: Callable[[Path | None], Awaitable[Meeting]]
    submissions: SubmissionService
    uow: Callable[[], UnitOfWork]  # for the command line's own work, outside any chat command
    stage: StageService  # the room's live page: the list as the shared screen shows it

    @property
    def meeting(self) -> Meeting:
        return self.timetable.meeting


def slack_core(podium: Podium) -> Core:
    return Core(
        podium.timetable, podium.commands.registry, podium.commands, podium.floor, podium.displays, podium.clock
    )


@dataclass(frozen=True)
class ConsoleServing:
    """Podium in the terminal: the console and the scheduler showing what falls due on it."""

    app: Console
    scheduler: Scheduler


def start_console(
    podium: Podium, clock: SimulatedClock, out: TextIO, *, exports: Path = Path("exports"), files: Path = Path()
) -> ConsoleServing:
    """The console over a running Podium: what is due is shown as it falls, a command that starts a timer wakes it."""
    from bot.adapters.console.app import Console, Hooks

    def show(post: Post) -> Awaitable[None]:
        return app.show(post)

    scheduler = Scheduler(clock, podium.timeline, show)
    app = Console(
        podium.commands,
        podium.timeline,
        clock=clock,
        meeting_zone=podium.meeting.timezone,
        main_channel=podium.meeting.main_channel,
        out=out,
        receipt=podium.reminders.delivered,
        hooks=Hooks(reload=podium.reload, wake=scheduler.wake, exports=exports, files=files),
    )
    return ConsoleServing(app, scheduler)


def console_clock(start: datetime | None, speed: float | None, *, scripted: bool) -> SimulatedClock:
    """Scripts jump from line to line unless a speed is asked for; a person at the prompt sees time run."""
    return SimulatedClock(start or SystemClock().now(), speed if speed or scripted else 1.0)


@asynccontextmanager
async def running(
    settings: Settings,
    clock: Clock,
    *,
    schedule: Path | None = None,
    roster: Path | None = None,
    database_url: str | None = None,
    rehearse: date | None = None,
) -> AsyncIterator[Podium]:
    """Load the timetable and roster, open (and upgrade) the database, and wire the services."""
    source = schedule or settings.schedule
    meeting = load_meeting(source, rehearse)
    directory = load_directory(settings.member_states, roster or settings.roster)
    from bot.storage.database import Database  # here, not at the top: `podium agenda` needs no database library
    from bot.storage.queues.versions import SqlAlchemyListVersions

    database = await Database.open(database_url or settings.database_url)
    try:
        await _store(database, meeting, clock)
        services = assemble(
            meeting, directory, clock, database.uow, exporter=FileExporter(), documents=SubmissionFiles()
        )
        timetable, reminders = services.timetable, services.reminders

        async def reload(path: Path | None = None) -> Meeting:
            """Read the timetable again: pending reminders move, posted ones stay posted."""
            fresh = load_meeting(path or source, rehearse)
            await _store(database, fresh, clock)
            timetable.meeting = fresh
            reminders.replan()
            return fresh

        yield Podium(
            timetable,
            directory,
            services.commands,
            services.floor,
            reminders,
            services.displays,
            services.timeline,
            clock,
            reload,
            services.submissions,
            database.uow,
            StageService(timetable, services.floor, clock, SqlAlchemyListVersions(database.engine)),
        )
    finally:
        await database.close()


async def _store(database: Database, meeting: Meeting, clock: Clock) -> None:
    async with database.uow() as uow:
        await uow.meetings.save(meeting, loaded_at=clock.now())
        await uow.commit()


@dataclass(frozen=True)
class SlackServing:
    """Podium serving Slack: the adapter, the router of every platform's delivery, the scheduler feeding it."""

    bot: SlackBot
    delivery: Delivery
    scheduler: Scheduler


async def start_slack(
    podium: Podium, slack: SlackSettings, *, debounce: float = 1.0, monotonic: Callable[[], float] = time.monotonic
) -> SlackServing:
    """The Slack adapter started (channels resolved) over a delivery router, and the scheduler delivering through it."""
    serving = await start_chat(podium, slack=slack, debounce=debounce, monotonic=monotonic)
    assert serving.slack is not None
    return SlackServing(serving.slack, serving.delivery, serving.scheduler)


@dataclass(frozen=True)
class ChatServing:
    """Podium serving its chat platforms from one process: each adapter, one router, one scheduler."""

    slack: SlackBot | None
    discord: DiscordBot | None
    delivery: Delivery
    scheduler: Scheduler


async def start_chat(
    podium: Podium,
    *,
    slack: SlackSettings | None = None,
    discord: DiscordSettings | None = None,
    debounce: float = 1.0,
    monotonic: Callable[[], float] = time.monotonic,
) -> ChatServing:
    """Each platform asked for, started over one delivery router, and the scheduler delivering through it."""
    from bot.adapters.text.transcribed import transcribed

    record = transcribed(podium.commands.record_post)
    delivery = Delivery(podium.floor, podium.displays, podium.clock, record=record, debounce=debounce)
    slack_bot = discord_bot = None
    if slack is not None:
        from bot.adapters.slack.server import SlackBot

        slack_bot = SlackBot(slack_core(podium), slack, monotonic=monotonic, delivery=delivery)
        await slack_bot.start()
    if discord is not None:
        from bot.adapters.discord.server import DiscordBot

        states = [state.iso for state in podium.directory.states]
        discord_bot = DiscordBot(slack_core(podium), discord, delivery=delivery, delegations=states)
        await discord_bot.start()
    podium.reminders.deliver_through(delivery.platforms)
    scheduler = Scheduler(podium.clock, podium.timeline, delivery.deliver, podium.reminders.receipts)
    podium.floor.watch(lambda _: scheduler.wake())  # a new turn starts a timer the scheduler must wait for
    return ChatServing(slack_bot, discord_bot, delivery, scheduler)


async def serve_slack(
    podium: Podium,
    slack: SlackSettings,
    *,
    host: str,
    port: int,
    pid_file: AbstractContextManager[object] | None = None,
) -> None:
    """`podium serve slack`: serve until SIGTERM or Ctrl-C, or until a part fails (raised, with its reason)."""
    await serve_chat(podium, slack=slack, host=host, port=port, pid_file=pid_file)


async def serve_chat(
    podium: Podium,
    *,
    slack: SlackSettings | None = None,
    discord: DiscordSettings | None = None,
    host: str = "127.0.0.1",
    port: int = 3000,
    pid_file: AbstractContextManager[object] | None = None,
    web: WebSettings | None = None,
) -> None:
    """`podium serve slack discord`: serve until SIGTERM or Ctrl-C, or until a part fails (raised, with its reason).

    SIGHUP reloads the timetable. `pid_file` is held while serving: written once SIGHUP reloads (its default
    would end the process), removed before the signal handlers are. Slack's HTTP server (events and /healthz)
    runs when Slack is served; Discord needs none (its gateway is a connection Podium opens).
    """
    serving = await start_chat(podium, slack=slack, discord=discord)
    # What start-up built lives as long as the process: moved out of the collector's sight, it is not
    # rescanned by every full collection, which otherwise showed as 50 ms stalls in the p99 under load.
    gc.freeze()
    parts: list[asyncio.Task[None]] = []  # the long-running parts; the server is healthy while all run

    async def healthy() -> bool:
        return all(not part.done() for part in parts)

    async with _signals(podium, serving.scheduler, parts) as stopping:
        with pid_file or nullcontext():
            jobs = [serving.scheduler.run(), serving.delivery.run()]
            if serving.slack is not None and slack is not None:
                from bot.adapters.slack.server import serve_http

                jobs += [serve_http(serving.slack.web_app(healthy), host, port, socket_mode=slack.socket_mode)]
                jobs += [serving.slack.serve_socket()] if slack.socket_mode else []
            jobs += [serving.discord.run()] if serving.discord is not None else []
            jobs += [run_web(start_web(podium, web, _queued(serving.delivery)))] if web is not None else []
            parts.extend(asyncio.create_task(job) for job in jobs)
            await _until_stopped(parts, stopping)


@asynccontextmanager
async def _signals(
    podium: Podium, scheduler: Scheduler, parts: list[asyncio.Task[None]]
) -> AsyncIterator[asyncio.Event]:
    """SIGHUP reloads the timetable; SIGTERM stops the parts, as Ctrl-C does, so the pid file is removed."""
    reloads: set[asyncio.Task[None]] = set()
    stopping = asyncio.Event()

    def on_sighup() -> None:
        task = asyncio.create_task(_reload(podium, scheduler))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    def on_sigterm() -> None:
        stopping.set()
        for part in parts:
            part.cancel()

    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGHUP, on_sighup)
    loop.add_signal_handler(signal.SIGTERM, on_sigterm)
    try:
        yield stopping
    finally:
        loop.remove_signal_handler(signal.SIGHUP)
        loop.remove_signal_handler(signal.SIGTERM)
        for task in reloads:
            task.cancel()
        await asyncio.gather(*reloads, return_exceptions=True)


async def _reload(podium: Podium, scheduler: Scheduler) -> None:
    """SIGHUP: read the timetable again; a faulty file is reported and the running one kept."""
    try:
        await podium.reload(None)
    except ScheduleInvalid as invalid:
        log.error("the timetable was not reloaded:\n%s", "\n".join(invalid.lines()))
        return
    except OSError as unreadable:
        log.error("the timetable was not reloaded: %s", unreadable)
        return
    scheduler.wake()


async def _until_stopped(parts: list[asyncio.Task[None]], stopping: asyncio.Event) -> None:
    """Run until a part fails (taking the server down, with its reason) or SIGTERM stops them all."""
    try:
        done, _ = await asyncio.wait(parts, return_when=asyncio.FIRST_EXCEPTION)
        if not stopping.is_set():
            for part in done:
                part.result()
    finally:
        for part in parts:
            part.cancel()
        await asyncio.gather(*parts, return_exceptions=True)


@dataclass(frozen=True)
class WebServing:
    """The live page: its routes, and the hub that pushes each list's changes to the open pages."""

    live: LivePage
    hub: Hub
    settings: WebSettings


def start_web(
    podium: Podium, web: WebSettings, publish: Callable[[Post], Awaitable[None]], *, poll: float = 0.1
) -> WebServing:
    """The live page over a running Podium; a moderator's button press answers through `publish` (the chat)."""
    from bot.adapters.web.hub import Hub
    from bot.adapters.web.keys import Keys
    from bot.adapters.web.moderator import Moderation
    from bot.adapters.web.server import LivePage

    hub = Hub(podium.stage, lambda: clock_rate(podium.clock), poll=poll)
    live = LivePage(podium.stage, hub, Keys(web.secret.encode()), Moderation(podium.commands, publish))
    return WebServing(live, hub, web)


async def run_web(serving: WebServing) -> None:
    """Serve the live page on its own port, and watch for other replicas' changes, until cancelled."""
    from bot.adapters.web.server import serve_web

    settings = serving.settings
    await asyncio.gather(serve_web(serving.live, settings.host, settings.port), serving.hub.watch_versions())


def clock_rate(clock: Clock) -> float:
    """How fast the meeting's clock runs, for the page's countdown: 1 real time, N simulated speed, 0 it jumps."""
    if isinstance(clock, SimulatedClock):
        return clock.speed or 0.0
    return 1.0


def _queued(delivery: Delivery) -> Callable[[Post], Awaitable[None]]:
    async def put(post: Post) -> None:
        delivery.put(post)

    return put
