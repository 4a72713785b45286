"""docs/live-page.png: the live page during the demo's Roundtable 1, someone speaking and others waiting.

`python -m tests.web.screenshot [OUT]` replays bot/schedules/demo-2020.script up to the moment named below
and photographs the page in Debian's Chromium at a shared screen's 1600×900.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from bot.config import BUNDLED
from tests.web.harness import CHROMIUM, CHROMIUM_ARGS, RT1_START, live_page

DEMO = BUNDLED / "demo-2020.script"
UNTIL = "mod-rt1 #gcm-rt1> /floor next\n@advance 1m\n# A point of order"  # Georgia's reply, a minute in


def demo_lines() -> list[str]:
    text = DEMO.read_text(encoding="utf-8")
    cut = text.index(UNTIL) + len(UNTIL) - len("# A point of order")
    return text[:cut].splitlines()


async def photograph(out: Path) -> None:
    from playwright.async_api import async_playwright, expect

    with tempfile.TemporaryDirectory() as folder:
        async with live_page(Path(folder), start=RT1_START) as live, async_playwright() as playwright:
            await live.lines(demo_lines())
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = await browser.new_context(viewport={"width": 1600, "height": 900}, timezone_id="America/New_York")
            page = await context.new_page()
            await page.goto(live.page())
            await expect(page.locator("body[data-version]")).to_have_count(1)
            await page.screenshot(path=str(out))
            await context.close()
            await browser.close()


if __name__ == "__main__":
    asyncio.run(photograph(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/live-page.png")))
