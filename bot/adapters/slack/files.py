"""Files a delegate shares in Slack, fetched for the core: the message shortcut turns one into an attachment."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.services.context import Attachment

# Fetched whole up to this; a larger file is not fetched at all, and the core refuses it by its declared size.
DOWNLOAD_LIMIT = 10 * 1024 * 1024
SLACK_FILE_HOSTS = frozenset({"files.slack.com"})
SUBMIT_SHORTCUT = "podium_submit"  # the message shortcut's callback id, in the manifest and the app


class FileRefused(Exception):
    """A file Podium would not fetch (its address is not Slack's): the bot token is never sent elsewhere."""


async def fetched(
    session: aiohttp.ClientSession, token: str, file: dict[str, Any], hosts: Collection[str]
) -> Attachment:
    """The shared file's bytes, with the bot token, from Slack's own file host only."""
    name = str(file.get("name") or "file")
    size = file.get("size")
    if isinstance(size, int) and size > DOWNLOAD_LIMIT:
        return Attachment(name, b"", size)
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    if urlsplit(url).hostname not in hosts:
        raise FileRefused(name)
    timeout = aiohttp.ClientTimeout(total=30)
    async with session.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=timeout) as response:
        response.raise_for_status()
        data = await response.content.read(DOWNLOAD_LIMIT + 1)
    return Attachment(name, data, len(data) if len(data) > DOWNLOAD_LIMIT else None)
