"""The console never dies on a line: random hostile scripts run to their end, with no traceback."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.console_lines import random_line, replay

SENTINEL = "olga> /agenda 2 Pacific/Chatham"  # no random line asks for that zone: its answer proves the script went on


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
async def test_a_hostile_script_runs_to_its_end(seed: int) -> None:
    rng = random.Random(seed)
    lines = [random_line(rng) for _ in range(40)]
    with tempfile.TemporaryDirectory() as folder:
        text, _ = await replay([*lines, SENTINEL], Path(folder))
    assert "Traceback" not in text
    assert "Chatham [15:00–15:40 CET]  Closing segment" in text  # the line after them all was answered
