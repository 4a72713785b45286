"""Timing a callable: many runs, median and 95th percentile, in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    runs: int
    median_ms: float
    p95_ms: float
    goal: str = ""

    def cells(self) -> list[str]:
        return [self.name, str(self.runs), f"{self.median_ms:.3f}", f"{self.p95_ms:.3f}", self.goal]


def measure(name: str, work: Callable[[], object], *, runs: int, goal: str = "") -> Row:
    work()  # warm up caches (zoneinfo, imports) so the first run does not skew the figures
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Row(name, runs, statistics.median(samples), samples[int(0.95 * (runs - 1))], goal)
