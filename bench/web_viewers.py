"""Many open live pages in one process: `python -m bench.web_viewers URL N` holds N event streams open.

It prints `ready` once every stream has had its first state, then, for each later version of the list, one JSON
line `{"version": V, "last": T}` when the last of the N streams received it (T: time.monotonic(), which every
process on the machine shares, so the parent can subtract its own start time).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter

import aiohttp


async def _watch(http: aiohttp.ClientSession, url: str, seen: Counter[int], wanted: int, first: asyncio.Event) -> None:
    async with http.get(url) as stream:
        event = ""
        async for raw in stream.content:
            line = raw.decode()
            if line.startswith("event: "):
                event = line[7:].strip()
            elif line.startswith("data: ") and event == "state":
                version = json.loads(line[6:])["version"]
                seen[version] += 1
                if seen[version] == wanted:  # the last viewer of this version: say when
                    if first.is_set():
                        print(json.dumps({"version": version, "last": time.monotonic()}), flush=True)
                    else:
                        first.set()
                        print("ready", flush=True)


async def main(url: str, viewers: int) -> None:
    seen: Counter[int] = Counter()
    first = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=None)) as http:
        await asyncio.gather(*(_watch(http, url, seen, viewers, first) for _ in range(viewers)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.web_viewers")
    parser.add_argument("url")
    parser.add_argument("viewers", type=int)
    options = parser.parse_args()
    try:
        asyncio.run(main(options.url, options.viewers))
    except KeyboardInterrupt:
        sys.exit(0)
