"""The live page in its viewer's language: ?lang=, else Accept-Language, else the meeting's; one state for all."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html import unescape
from pathlib import Path

import aiohttp

from bot.adapters.web.keys import moderator_path
from bot.adapters.web.server import viewer_language
from bot.domain.language import Language
from tests.web.fake_words import MarkedTranslations
from tests.web.harness import Live, live_page


def _marked(live: Live) -> None:
    """The page's words through the marking translations (the catalogs may not hold every message yet)."""
    live.serving.live.moderation.translations = MarkedTranslations()


def _labels(html: str) -> dict[str, object]:
    found = re.search(r'data-labels="([^"]*)"', html)
    assert found is not None
    labels: dict[str, object] = json.loads(unescape(found.group(1)))
    return labels


def test_the_language_is_asked_for_then_the_browsers_first_of_ours() -> None:
    assert viewer_language("ru", "fr-FR,fr;q=0.9") is Language.RU
    assert viewer_language(None, "de-DE,de;q=0.9,fr-CH;q=0.8,ru;q=0.7") is Language.FR
    assert viewer_language("", "en-GB,en;q=0.9,ru;q=0.8") is Language.EN
    assert viewer_language("xx", "de, it") is None
    assert viewer_language(None, "") is None


async def test_lang_ru_gives_russian_labels_and_the_state_stays_the_same(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        _marked(live)
        await live.lines(["armen #gcm-rt1> /hand", "mod-rt1 #gcm-rt1> /floor next", "elif #gcm-rt1> /hand"])
        async with http.get(live.page() + "&lang=ru", headers={"Accept-Language": "fr"}) as response:
            html = await response.text()
    assert '<html lang="ru">' in html
    assert '<h2 id="floor-label" class="label">[ru] Has the floor</h2>' in html
    assert "[ru] List of speakers open · {count} waiting" in html  # the marker keeps the field; the page fills it
    assert "[ru] Member State · [ru] statement" in html
    assert 'aria-label="[ru] Time left"' in html
    labels = _labels(html)
    assert labels["nobody"] == "[ru] Nobody has the floor"
    assert labels["kinds"]["order"] == "[ru] point of order"  # type: ignore[index]
    assert labels["open"]["few"] == "[ru] List of speakers open · {count} waiting"  # type: ignore[index]


async def test_accept_language_fr_picks_french_and_without_either_the_meetings(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        _marked(live)
        async with http.get(live.page(), headers={"Accept-Language": "de-DE,fr;q=0.8,en;q=0.5"}) as response:
            french = await response.text()
        async with http.get(live.page(), headers={"Accept-Language": "de-DE"}) as response:
            meetings = await response.text()
        async with http.get(live.agenda(), headers={"Accept-Language": "ru-RU"}) as response:
            agenda = await response.text()
    assert '<html lang="fr">' in french
    assert "[fr] Nobody has the floor" in french
    assert '<html lang="en">' in meetings  # the meeting's language: English in this schedule
    assert "[en] Nobody has the floor" in meetings
    assert '<html lang="ru">' in agenda
    assert '<th scope="col">[ru] Meeting time</th>' in agenda


async def test_the_state_carries_codes_and_every_languages_titles(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live:
        await live.lines(["armen #gcm-rt1> /hand", "mod-rt1 #gcm-rt1> /floor next", "elif #gcm-rt1> /hand"])
        session = live.podium.stage.session("rt1")
        assert session is not None
        state = json.loads(await live.serving.hub.message(session))
    assert state["turn"]["category"] == "member-state"
    assert state["turn"]["kind"] == "statement"
    assert state["turn"]["pausedBy"] is None
    assert state["open"] is True
    assert state["waiting"] == 1
    assert set(state["titles"]) == {"en", "fr", "ru"}
    assert state["titles"]["en"] == session.title
    assert all(set(objective["titles"]) == {"en", "fr", "ru"} for objective in state["objectives"])


async def test_the_moderators_page_and_its_answers_are_in_the_pages_language(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        _marked(live)
        await live.lines(["armen #gcm-rt1> /hand"])
        given = live.keys.moderator_pass("rt1", "mod-rt1", live.clock.now() + timedelta(hours=1))
        link = live.base + moderator_path(given) + "&lang=fr"
        async with http.get(link) as page:
            html = await page.text()
        async with http.post(link, data={"action": "sideways", "request": "r-1"}) as answer:
            refused = await answer.text()
    assert '<button type="submit" name="action" value="next">[fr] Next speaker</button>' in html
    assert '<label for="give-to">[fr] Give the floor to</label>' in html
    assert '<h2 id="controls-label" class="label">[fr] Moderator</h2>' in html
    assert "[fr] That button is not one of this page&#x27;s: reload the page." in refused


async def test_a_page_not_found_speaks_the_viewers_language(tmp_path: Path) -> None:
    async with live_page(tmp_path) as live, aiohttp.ClientSession() as http:
        _marked(live)
        async with http.get(live.base + "/s/rt1?key=wrong&lang=ru") as response:
            html = await response.text()
    assert response.status == 404
    assert "<h1>[ru] Not found</h1>" in html
