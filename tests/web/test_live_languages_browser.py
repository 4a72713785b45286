"""The live page in Russian in Chromium: live.js fills the pushed state in with the page's own words."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.fake_words import MarkedTranslations
from tests.web.harness import CHROMIUM, CHROMIUM_ARGS, HAS_BROWSER, live_page, needs_chromium

pytestmark = needs_chromium
ARMEN = "Armen Hakobyan — Արմեն Հակոբյան"


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    assert HAS_BROWSER, "Chromium is missing: apt-get install -y chromium (CI installs it in .ci/run)"
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()


async def test_a_russian_page_shows_the_pushed_state_in_russian(tmp_path: Path, browser: Any) -> None:
    from playwright.async_api import expect

    async with live_page(tmp_path) as live:
        live.serving.live.moderation.translations = MarkedTranslations()
        page = await (await browser.new_context(locale="en-GB")).new_page()
        await page.goto(live.page() + "&lang=ru")
        await expect(page.locator("body[data-version]")).to_have_count(1)
        await expect(page.locator("#name")).to_have_text("[ru] Nobody has the floor")
        await live.say("armen", "hand")
        await live.say("elif", "hand")
        await expect(page.locator("#list")).to_have_text("[ru] List of speakers open · 2 waiting")
        await live.say("mod-rt1", "floor", "next")
        await expect(page.locator("#name")).to_have_text(ARMEN)
        await expect(page.locator("#meta")).to_have_text("[ru] Member State · [ru] statement")
        await expect(page.locator("#list")).to_have_text("[ru] List of speakers open · 1 waiting")
        await live.say("sarah", "hand", "order quorum")
        await expect(page.locator("#paused")).to_have_text("[ru] paused — point of order by Sarah Mitchell")
        await expect(page.locator(".local").first).to_contain_text("[ru] ")
