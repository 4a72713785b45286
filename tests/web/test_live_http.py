"""The live page over HTTP, no browser: keys and 404s, the security headers, the event stream, JS-off rendering."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from bot.adapters.web.keys import KEY_CHARS
from tests.web.harness import live_page


async def _read_event(stream: aiohttp.StreamReader, kind: str, within: float = 2.0) -> dict[str, object]:
    """The next event of this kind on a server-sent event stream (others are skipped)."""
    async with asyncio.timeout(within):
        name = ""
        while line := (await stream.readline()).decode():
            if line.startswith("event: "):
                name = line.removeprefix("event: ").strip()
            elif line.startswith("data: ") and name == kind:
                return json.loads(line.removeprefix("data: "))
    raise AssertionError(f"the stream ended before a {kind} event")


async def test_the_page_shows_the_speaker_without_javascript(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        await live.lines(["armen #gcm-rt1> /hand", "elif #gcm-rt1> /hand", "mod-rt1 #gcm-rt1> /floor next"])
        async with http.get(live.page()) as response:
            html = await response.text()
    assert response.status == 200
    assert '<p id="name" class="name">Armen Hakobyan — Արմեն Հակոբյան</p>' in html
    assert '<p id="delegation" class="delegation">Armenia</p>' in html
    assert "Member State · statement" in html
    assert '<p id="countdown" class="countdown" role="timer" aria-label="Time left">3:00</p>' in html
    assert "Elif Yılmaz" in html
    assert "Turkey" in html
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in html
    assert "<script>" not in html  # the script comes from a file: <script src=…>


async def test_without_the_key_or_with_a_wrong_one_every_page_is_not_found(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        rt2_key = live.keys.session_key("rt2")
        wrong = [
            "/s/rt1",
            "/s/rt1?key=",
            "/s/rt1?key=" + "0" * KEY_CHARS,
            f"/s/rt1?key={rt2_key}",  # another session's key opens only that session
            f"/s/rt1/events?key={rt2_key}",
            "/s/nowhere?key=" + live.keys.session_key("nowhere"),  # a key for a session that does not exist
            "/s/rt1?key=%C3%A9t%C3%A9",  # not ASCII: still compared in constant time, still refused
            "/agenda",
            f"/agenda?key={rt2_key}",
            "/static/server.py",
        ]
        for path in wrong:
            async with http.get(live.base + path) as response:
                assert response.status == 404, path
                assert response.headers["Referrer-Policy"] == "no-referrer"
        for good in (live.page("rt2"), live.agenda()):
            async with http.get(good) as response:
                assert response.status == 200, good


async def test_pages_forbid_inline_script_and_sniffing_and_referrers(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        for url in (live.page(), live.agenda(), live.base + "/static/live.js"):
            async with http.get(url) as response:
                csp = response.headers["Content-Security-Policy"]
                assert "script-src 'self'" in csp
                assert "default-src 'none'" in csp
                assert "unsafe-inline" not in csp
                assert response.headers["X-Content-Type-Options"] == "nosniff"
                assert response.headers["Referrer-Policy"] == "no-referrer"
        async with http.get(live.base + "/static/live.js") as script, http.get(live.base + "/static/live.css") as css:
            assert script.content_type == "text/javascript"
            assert "EventSource" in await script.text()
            assert css.content_type == "text/css"


async def test_the_stream_sends_the_whole_state_on_connect_and_again_after_a_change(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        await live.say("armen", "hand")
        async with http.get(live.page().replace("/s/rt1?", "/s/rt1/events?")) as stream:
            assert stream.headers["Content-Type"] == "text/event-stream"
            first = await _read_event(stream.content, "state")
            assert first["list"] == "List of speakers open · 1 waiting"
            assert [n["name"] for n in first["upcoming"]] == ["Armen Hakobyan — Արմեն Հակոբյան"]  # type: ignore[index]
            assert first["turn"] is None
            await live.say("mod-rt1", "floor", "next")
            after = await _read_event(stream.content, "state")
    assert after["turn"]["name"] == "Armen Hakobyan — Արմեն Հակոբյան"  # type: ignore[index]
    assert after["turn"]["deadline"] == first["now"] + 180_000  # type: ignore[index,operator]
    assert after["upcoming"] == []


async def test_a_change_made_by_another_replica_reaches_the_page_through_the_version_poll(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    async with (
        live_page(tmp_path, url=url) as live,
        live_page(tmp_path, url=url) as other,
        aiohttp.ClientSession() as http,
        http.get(live.page().replace("/s/rt1?", "/s/rt1/events?")) as stream,
    ):
        await _read_event(stream.content, "state")
        await other.say("olga", "hand")  # the other process's commit: this one learns of it by polling
        changed = await _read_event(stream.content, "state", within=1.0)
    assert [n["name"] for n in changed["upcoming"]] == ["Olga Kovalenko — Ольга Коваленко"]  # type: ignore[index]


async def test_the_timetable_marks_the_session_on_now(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http, http.get(live.agenda()) as response:
        html = await response.text()
    assert '<tr class="now" aria-current="true">' in html
    assert "Roundtable 1: Ensuring that migration is voluntary, orderly and regular" in html
    assert 'class="local" data-start=' in html  # filled in the viewer's zone by live.js


async def test_before_a_session_the_timetable_shows_its_provisional_list(tmp_path: Path) -> None:
    async with live_page(tmp_path, start=datetime(2020, 11, 12, 7, 0, tzinfo=UTC)) as live:
        await live.lines(["secretariat> /interest add @armen speaker rt1", "secretariat> /interest accept 1"])
        async with aiohttp.ClientSession() as http, http.get(live.agenda()) as response:
            html = await response.text()
    assert '<tr class="now"' not in html  # 08:00 CET: nothing on yet
    assert "<summary>Provisional list of speakers</summary>" in html
    assert "<li>Armen Hakobyan — Արմեն Հակոբյան <span>(Armenia)</span></li>" in html
