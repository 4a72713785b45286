"""The Slack endpoint never answers 500 nor logs an error: hostile commands and junk, signed and unsigned."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.slack_requests import fuzz


@settings(max_examples=3, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
async def test_hostile_requests_get_an_answer_never_a_500_or_a_logged_error(seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        statuses, errors = await fuzz(150, seed, Path(folder))
    assert set(statuses) <= {200, 400, 401, 404}, statuses
    assert statuses[200] > 0  # real commands went through, so the fuzz reached the core
    assert (errors.errors, errors.tracebacks) == (0, 0), errors.first
