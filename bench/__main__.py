"""Run every benchmark and print one table: `python -m bench [--quick]`."""

from __future__ import annotations

import argparse
import platform

from bench import exports, floor, reminders, schedule
from bench.timing import Row

HEADERS = ["benchmark", "runs", "median ms", "p95 ms", "goal"]


def table(rows: list[Row]) -> str:
    cells = [HEADERS, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    quick = parser.parse_args().quick
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table([*schedule.rows(quick), *floor.rows(quick), *reminders.rows(quick), *exports.rows(quick)]))


if __name__ == "__main__":
    main()
