"""The room's live page: who has the floor, their countdown and who comes next, pushed to a browser (aiohttp)."""
