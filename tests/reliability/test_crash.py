"""kill -9 mid-stream: every command Podium acknowledged with a 200 is in the record afterwards, and none twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.integration.conftest import POSTGRES_SKIP, POSTGRES_VARIABLE, fresh_database
from tests.reliability.crash_driver import Plan, crash_run

ON_POSTGRES = [pytest.mark.postgres, pytest.mark.skipif(not os.environ.get(POSTGRES_VARIABLE), reason=POSTGRES_SKIP)]

pytestmark = pytest.mark.slow
KILLS = 6


@pytest.mark.parametrize(
    ("backend", "replicas"),
    [
        pytest.param("sqlite", 1, id="sqlite"),
        pytest.param("postgres", 1, id="postgres", marks=ON_POSTGRES),
        pytest.param("postgres", 2, id="postgres-two-replicas", marks=ON_POSTGRES),
    ],
)
async def test_no_acknowledged_command_is_lost_or_doubled_across_kills(
    backend: str, replicas: int, tmp_path: Path
) -> None:
    async with fresh_database(backend, tmp_path) as url:
        outcome = await crash_run(Plan(url, replicas=replicas, users=400, concurrency=16, kills=KILLS, seed=2020))
    report = outcome.report
    where = f"{outcome.kills} kills of {replicas} replica(s) on {backend}, {outcome.seconds:.0f} s"
    assert outcome.kills == KILLS, f"the server was killed {outcome.kills} times, not {KILLS}: {report.summary()}"
    faults = len(report.lost) + len(report.doubled) + len(report.unacknowledged)
    assert faults == 0, f"{report.summary()} ({where})\n{report.details()}"
