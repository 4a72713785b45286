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
from bot.domain.language import Language, language_of
from bot.domain.meeting import Session
from bot.services.stage import StageService
from bot.services.translation import Translator

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
TYPES = {".js": "text/javascript", ".css": "text/css"}
SECURITY = {
    # Script only from our own static file: no inline script, no handler attributes, nothing from elsewhere.
    # not user-facing: HTTP header values
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
        return _html(pages.display(view, self._events(session), self._tr(request)))

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
            raise self._not_found(request)
        return _html(agenda(await self.stage.agenda(), self._tr(request)))

    async def moderator(self, request: web.Request) -> web.Response:
        """A moderator's page: the display and the buttons, behind their signed link until it expires."""
        session = self._known_session(request)
        given = _pass(request, session)
        tr = self._tr(request)
        if given is None or not self.keys.genuine(given):
            raise self._not_found(request)
        if not self.keys.admits(given, self.stage.clock.now()):
            return _html(pages.expired(tr), status=410)
        said = ""
        if request.method == "POST":
            form = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
            said = await self.moderation.act(session, given, form, tr)
        view = await self.stage.stage(session)
        return _html(pages.display(view, self._events(session), tr, controls(view, tr, said)))

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        body = self._static.get(name)
        if body is None:
            raise self._not_found(request)
        # not user-facing: HTTP header values
        headers = {**SECURITY, "Cache-Control": "public, max-age=300"}
        return web.Response(body=body, content_type=TYPES[Path(name).suffix], headers=headers)

    def _session(self, request: web.Request) -> Session:
        """The session the path names, if the key opens it; else 404, the same whether the session exists or not."""
        session_id = request.match_info["session"]
        if not self.keys.opens_session(session_id, request.query.get("key", "")):
            raise self._not_found(request)
        return self._known_session(request)

    def _known_session(self, request: web.Request) -> Session:
        session = self.stage.session(request.match_info["session"])
        if session is None:
            raise self._not_found(request)
        return session

    def _tr(self, request: web.Request) -> Translator:
        """The viewer's words: the language `?lang=` asks for, else their browser's, else the meeting's."""
        language = viewer_language(request.query.get("lang"), request.headers.get("Accept-Language", ""))
        return self.moderation.translations(language or self.stage.timetable.meeting.language)

    def _not_found(self, request: web.Request) -> web.HTTPNotFound:
        return web.HTTPNotFound(text=pages.not_found(self._tr(request)), content_type="text/html", headers=PAGE_HEADERS)

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


def viewer_language(asked: str | None, accepted: str) -> Language | None:
    """`?lang=fr`, else the first of English, French and Russian in Accept-Language ('ru-RU,ru;q=0.9,en;q=0.8').

    The header's languages are taken in the order the browser gives them, which is its order of preference.
    """
    if language := language_of(asked):
        return language
    for part in accepted.split(","):
        if language := language_of(part.split(";", 1)[0]):
            return language
    return None


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
