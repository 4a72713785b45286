"""Settings from the environment, read once by the composition root; no module-level instance."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_SCHEDULE = "schedules/unece-gcm-review-2020.toml"
DEFAULT_STATES = "schedules/unece-member-states.toml"
DEFAULT_DATABASE = "sqlite:///podium.db"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = DEFAULT_DATABASE
    schedule: Path = Path(DEFAULT_SCHEDULE)
    member_states: Path = Path(DEFAULT_STATES)
    roster: Path | None = None
    log_level: str = "WARNING"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        roster = env.get("PODIUM_ROSTER")
        return cls(
            database_url=env.get("DATABASE_URL", DEFAULT_DATABASE),
            schedule=data_path(env.get("PODIUM_SCHEDULE", DEFAULT_SCHEDULE)),
            member_states=data_path(env.get("PODIUM_MEMBER_STATES", DEFAULT_STATES)),
            roster=data_path(roster) if roster else None,
            log_level=env.get("PODIUM_LOG_LEVEL", "WARNING").upper(),
        )


def data_path(text: str | Path) -> Path:
    """A data file as given, or, when a relative path is not found here, the one shipped with Podium."""
    path = Path(text).expanduser()
    if path.is_absolute() or path.exists():
        return path
    shipped = REPOSITORY / path
    return shipped if shipped.exists() else path
