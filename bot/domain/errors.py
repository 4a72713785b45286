"""Refusals a user can act on: a code for the renderer and the facts it needs; never prose, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Refused(Exception):
    """Raised before anything changes; adapters render it as one line from its code and details."""

    code: str
    details: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None

    def __str__(self) -> str:
        return f"{self.code} {self.details}"
