"""The live page over aiohttp: the display, its event stream, the timetable, moderators' buttons, two static files."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from aiohttp import web

from bot.adapters.web import pages
from bot.adapters.web.agenda import agenda
from bot.adapters.web.hub import Hub
from bot.adapters.web.keys import Keys, ModeratorPass
from bot.adapters.web.moderator import Moderation, controls
from bot.adapters.web.state import clock_json
from bot.domain.meeting import Session
from bot.services.stage import StageService

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
TYPES = {".js": "text/javascript", ".css": "text/css"}
SECURITY = {
    # Script only from our own static file: no inline script, no handler attributes, nothing from elsewhere.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the key is in the URL: no other site may see it
}
PAGE_HEADERS = {**SECURITY, "Cache-Control": "no-store"}


class LivePage:
    """The routes; `sync` is how often an open page is sent the server's time when nothing else happened."""

    def __init__(self, stage: StageService, hub: Hub, keys: Keys, moderation: Moderation, *, sync: float = 5.0) -> None:
        self.stage = stage
        self.hub = hub
        self.keys = keys
        self.moderation = moderation
        self.sync = sync
        self._static = {path.name: path.read_bytes() for path in STATIC.iterdir() if path.suffix in TYPES}

    def add_to(self, app: web.Application) -> None:
        app.router.add_get("/s/{session}", self.display)
        app.router.add_get("/s/{session}/events", self.events)
        app.router.add_get("/agenda", self.agenda)
        app.router.add_get("/m/{session}", self.moderator)
        app.router.add_post("/m/{session}", self.moderator)
        app.router.add_get("/static/{name}", self.static)
        app.on_shutdown.append(self._closing)

    async def _closing(self, _: web.Application) -> None:
        self.hub.close()

    async def display(self, request: web.Request) -> web.Response:
        session = self._session(request)
        view = await self.stage.stage(session)
        return _html(pages.display(view, self._events(session)))

    async def events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: the whole state at once and after every change; the server's time now and then."""
        session = self._session(request)
        response = web.StreamResponse(headers={**PAGE_HEADERS, "Content-Type": "text/event-stream"})
        await response.prepare(request)
        viewer = await self.hub.join(session)
        try:
            await response.write(b"retry: 1000\n\n")  # EventSource reconnects after a second, then gets it all
            while not viewer.closed:
                # Nothing for `sync` seconds: the server's time, which also keeps proxies from closing the stream.
                messages = await viewer.next(self.sync) or [("clock", self._clock())]
                await response.write("".join(f"event: {event}\ndata: {data}\n\n" for event, data in messages).encode())
        except ConnectionResetError:
            pass  # the page went away
        finally:
            self.hub.leave(session, viewer)
        return response

    async def agenda(self, request: web.Request) -> web.Response:
        meeting = self.stage.timetable.meeting
        if not self.keys.opens_agenda(meeting.id, request.query.get("key", "")):
            raise _not_found()
        return _html(agenda(await self.stage.agenda()))

    async def moderator(self, request: web.Request) -> web.Response:
        """A moderator's page: the display and the buttons, behind their signed link until it expires."""
        session = self._known_session(request)
        given = _pass(request, session)
        if given is None or not self.keys.genuine(given):
            raise _not_found()
        if not self.keys.admits(given, self.stage.clock.now()):
            return _html(pages.expired(), status=410)
        said = ""
        if request.method == "POST":
            form = await request.post()
            said = await self.moderation.act(session, given, {k: v for k, v in form.items() if isinstance(v, str)})
        view = await self.stage.stage(session)
        return _html(pages.display(view, self._events(session), controls(view, said)))

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        body = self._static.get(name)
        if body is None:
            raise _not_found()
        headers = {**SECURITY, "Cache-Control": "public, max-age=300"}
        return web.Response(body=body, content_type=TYPES[Path(name).suffix], headers=headers)

    def _session(self, request: web.Request) -> Session:
        """The session the path names, if the key opens it; else 404, the same whether the session exists or not."""
        session_id = request.match_info["session"]
        if not self.keys.opens_session(session_id, request.query.get("key", "")):
            raise _not_found()
        return self._known_session(request)

    def _known_session(self, request: web.Request) -> Session:
        session = self.stage.session(request.match_info["session"])
        if session is None:
            raise _not_found()
        return session

    def _clock(self) -> str:
        return clock_json(self.stage.clock.now(), self.hub.rate())

    def _events(self, session: Session) -> str:
        return f"/s/{session.id}/events?key={self.keys.session_key(session.id)}"


def _pass(request: web.Request, session: Session) -> ModeratorPass | None:
    query = request.query
    until = query.get("until", "")
    if not until.isdigit() or len(until) > 12:
        return None
    return ModeratorPass(session.id, query.get("as", ""), int(until), query.get("sig", ""))


def _html(text: str, *, status: int = 200) -> web.Response:
    return web.Response(text=text, content_type="text/html", charset="utf-8", status=status, headers=PAGE_HEADERS)


def _not_found() -> web.HTTPNotFound:
    return web.HTTPNotFound(text=pages.not_found(), content_type="text/html", headers=PAGE_HEADERS)


async def serve_web(live: LivePage, host: str, port: int) -> None:
    """The live page on its own port (beside the console, or a platform served elsewhere)."""
    app = web.Application()
    live.add_to(app)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        log.info("the live page is on http://%s:%d (podium web-links prints each session's link)", host, port)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
