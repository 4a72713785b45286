"""Shared fixtures: the shipped data files, loaded once per test, and a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import BUNDLED
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.formats.roster import load_member_states, load_roster
from bot.formats.schedule_toml import load_schedule_toml
from tests.fakes import FakeClock

SCHEDULES = BUNDLED  # bot/schedules: the data shipped inside the package
GCM_2020 = SCHEDULES / "unece-gcm-review-2020.toml"
HARBOUR_2027 = SCHEDULES / "harbour-forum-2027.toml"


@pytest.fixture
def gcm() -> Meeting:
    return load_schedule_toml(GCM_2020)


@pytest.fixture
def harbour() -> Meeting:
    return load_schedule_toml(HARBOUR_2027)


@pytest.fixture
def directory() -> Directory:
    return Directory(
        load_member_states(SCHEDULES / "unece-member-states.toml"),
        load_roster(SCHEDULES / "demo-roster-2020.toml"),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2020, 11, 12, 8, 40, tzinfo=UTC))
