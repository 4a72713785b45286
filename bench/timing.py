"""Timing a callable: many runs, median and 95th percentile, in milliseconds; the table that shows the rows."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

HEADERS = ["benchmark", "runs", "median ms", "p95 ms", "goal"]


@dataclass(frozen=True)
class Row:
    name: str
    runs: int
    median_ms: float
    p95_ms: float
    goal: str = ""

    def cells(self) -> list[str]:
        return [self.name, str(self.runs), f"{self.median_ms:.3f}", f"{self.p95_ms:.3f}", self.goal]


class Cells(Protocol):
    """A line of the table: a Row, or a row of another shape that fills the same columns."""

    def cells(self) -> list[str]: ...


def table(rows: Sequence[Cells]) -> str:
    cells = [HEADERS, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def measure(name: str, work: Callable[[], object], *, runs: int, goal: str = "") -> Row:
    work()  # warm up caches (zoneinfo, imports) so the first run does not skew the figures
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Row(name, runs, statistics.median(samples), samples[int(0.95 * (runs - 1))], goal)
