"""Moderators' signed, expiring links: a button press is a /floor command checked by the core, run once per request."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import aiohttp

from bot.adapters.web.keys import ModeratorPass, moderator_path
from bot.services.stage import StageView
from tests.web.harness import Live, live_page


def _link(live: Live, moderator: str, *, hours: float = 2, session: str = "rt1") -> str:
    given = live.keys.moderator_pass(session, moderator, live.clock.now() + timedelta(hours=hours))
    return live.base + moderator_path(given)


async def _stage(live: Live) -> StageView:
    session = live.podium.stage.session("rt1")
    assert session is not None
    return await live.podium.stage.stage(session)


async def test_a_double_click_on_next_moves_the_list_once(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        await live.lines(["armen #gcm-rt1> /hand", "elif #gcm-rt1> /hand"])
        link = _link(live, "mod-rt1")
        async with http.get(link) as page:
            html = await page.text()
        request = re.search(r'name="request" value="([^"]+)"', html)
        assert request is not None
        for _ in range(2):  # the same form posted twice: one delivery
            async with http.post(link, data={"action": "next", "request": request.group(1)}) as answer:
                assert answer.status == 200
        view = await _stage(live)
    assert view.turn is not None
    assert view.turn.speaker.name.startswith("Armen")
    assert [n.name for n in view.upcoming] == ["Elif Yılmaz"]
    assert "Armen Hakobyan" in live.out.getvalue()  # the announcement went to the chat (the console here)


async def test_give_names_the_participant_and_the_answer_is_shown_escaped(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        await live.lines(["armen #gcm-rt1> /hand", "elif #gcm-rt1> /hand"])
        form = {"action": "give", "user": "elif", "request": "r-1"}
        async with http.post(_link(live, "mod-rt1"), data=form) as answer:
            assert answer.status == 200
        view = await _stage(live)
    assert view.turn is not None
    assert view.turn.speaker.name == "Elif Yılmaz"


async def test_someone_who_is_not_a_moderator_is_refused_by_the_core(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        await live.lines(["armen #gcm-rt1> /hand"])
        async with http.post(_link(live, "olga"), data={"action": "next", "request": "r-2"}) as answer:
            html = await answer.text()
        view = await _stage(live)
    assert view.turn is None  # nothing moved
    said = re.search(r'<p id="said" class="said" role="status">(.*?)</p>', html, re.S)
    assert said is not None
    assert "moderator" in said.group(1).lower()


async def test_a_forged_or_altered_link_is_not_found_and_an_expired_one_says_so(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        good = live.keys.moderator_pass("rt1", "mod-rt1", live.clock.now() + timedelta(hours=1))
        forged = [
            ModeratorPass("rt1", "mod-rt1", good.until, "0" * len(good.signature)),
            ModeratorPass("rt1", "olga", good.until, good.signature),  # another moderator's name on it
            ModeratorPass("rt1", "mod-rt1", good.until + 3600, good.signature),  # a longer life
            ModeratorPass("rt2", "mod-rt1", good.until, good.signature),  # another session
        ]
        for given in forged:
            async with http.get(live.base + moderator_path(given)) as response:
                assert response.status == 404, given
            async with http.post(live.base + moderator_path(given), data={"action": "next", "request": "x"}) as r:
                assert r.status == 404
        async with http.get(_link(live, "mod-rt1", hours=-1)) as response:
            assert response.status == 410
            assert "expired" in await response.text()
        async with http.get(live.base + moderator_path(good)) as response:
            assert response.status == 200
            assert response.headers["Referrer-Policy"] == "no-referrer"
