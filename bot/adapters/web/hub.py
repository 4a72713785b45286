"""The open pages of each session, and the one state message a change makes for all of them.

A change committed by this process is pushed at once (the floor's watchers); one committed by another replica
shows as a new version in a cheap poll of every list's version (one SELECT, only while pages are open).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.adapters.web.state import clock_json, state_json
from bot.domain.meeting import Session
from bot.services.stage import StageService

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
JUMP = 0.5  # seconds: a clock further than this from where the pages think it is has jumped


class Viewer:
    """One open page. Every message is the whole state, so a newer one replaces one not yet sent: a slow page
    skips to the latest instead of queueing what it missed. The clock's time is told apart, the same way."""

    def __init__(self) -> None:
        self._latest: dict[str, str] = {}  # event name -> its latest data
        self._ready = asyncio.Event()
        self.closed = False

    def close(self) -> None:
        """The server is stopping: the page's stream ends now (EventSource will reconnect to another replica)."""
        self.closed = True
        self._ready.set()

    def offer(self, message: str, event: str = "state") -> None:
        self._latest[event] = message
        self._ready.set()

    async def next(self, within: float) -> list[tuple[str, str]]:
        """The latest messages not yet sent, as (event, data); none when `within` seconds pass with nothing new."""
        try:
            await asyncio.wait_for(self._ready.wait(), within)
        except TimeoutError:
            return []
        self._ready.clear()
        messages, self._latest = list(self._latest.items()), {}
        return messages


class Hub:
    def __init__(
        self,
        stage: StageService,
        rate: Callable[[], float],
        *,
        poll: float = 0.1,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stage = stage
        self.rate = rate  # how fast the meeting's clock runs: 1 real time, 0 a clock that only jumps
        self.poll = poll
        self.monotonic = monotonic
        self._told = (monotonic(), stage.clock.now())  # the clock as the pages last extrapolated it
        self._viewers: dict[str, set[Viewer]] = {}
        self._sessions: dict[str, Session] = {}
        self._seen: dict[str, int] = {}  # the version each session's last message showed
        self._dirty: set[str] = set()
        self._refreshers: dict[str, asyncio.Task[None]] = {}
        stage.watch(self.changed)

    @property
    def viewers(self) -> int:
        return sum(map(len, self._viewers.values()))

    async def join(self, session: Session) -> Viewer:
        """A page opened: it gets the whole state at once, then every change."""
        viewer = Viewer()
        viewer.offer(await self.message(session))
        self._viewers.setdefault(session.id, set()).add(viewer)
        self._sessions[session.id] = session
        return viewer

    def close(self) -> None:
        """End every open page's stream, so a stopping server does not wait for them."""
        for viewers in self._viewers.values():
            for viewer in viewers:
                viewer.close()

    def leave(self, session: Session, viewer: Viewer) -> None:
        viewers = self._viewers.get(session.id, set())
        viewers.discard(viewer)
        if not viewers:
            self._viewers.pop(session.id, None)

    async def message(self, session: Session) -> str:
        view = await self.stage.stage(session)
        self._seen[session.id] = view.version
        return state_json(view, self.rate())

    def changed(self, session: Session) -> None:
        """This process committed a change to the session's list (called synchronously after the commit)."""
        if session.id in self._viewers:
            self._refresh(session)

    async def watch_versions(self, sleep: Sleep = asyncio.sleep) -> None:
        """Forever: notice the changes other replicas commit, within `poll` seconds, while anyone watches."""
        while True:
            await sleep(self.poll)
            if not self._viewers:
                continue
            self._check_clock()
            try:
                versions = await self.stage.versions()
            except Exception as error:  # the database away for a moment: the next poll tries again
                log.warning("could not read the lists' versions: %s", error)
                continue
            for session_id in list(self._viewers):
                if versions.get(session_id, 0) != self._seen.get(session_id):
                    self._refresh(self._sessions[session_id])

    def _check_clock(self) -> None:
        """A simulated clock that jumped (a rehearsal's or the console's `@advance`): tell the pages the time now."""
        seen, told = self._told
        now = self.stage.clock.now()
        expected = told + timedelta(seconds=(self.monotonic() - seen) * self.rate())
        if abs((now - expected).total_seconds()) < JUMP:
            return
        self._told = (self.monotonic(), now)
        message = clock_json(now, self.rate())
        for viewers in self._viewers.values():
            for viewer in viewers:
                viewer.offer(message, "clock")

    def _refresh(self, session: Session) -> None:
        """One refresher per session: changes arriving while it builds a message make it build one more."""
        self._dirty.add(session.id)
        if session.id not in self._refreshers:
            self._refreshers[session.id] = asyncio.get_running_loop().create_task(self._refresher(session))

    async def _refresher(self, session: Session) -> None:
        try:
            while session.id in self._dirty:
                self._dirty.discard(session.id)
                try:
                    message = await self.message(session)
                except Exception as error:  # shown at the next change; the pages keep the state they have
                    log.warning("could not read the list of %s for the live page: %s", session.id, error)
                    return
                for viewer in tuple(self._viewers.get(session.id, ())):
                    viewer.offer(message)
        finally:
            del self._refreshers[session.id]

    async def settled(self) -> None:
        """Wait until every change so far is offered to the pages (tests, benchmarks)."""
        while self._refreshers:
            await asyncio.gather(*self._refreshers.values(), return_exceptions=True)
