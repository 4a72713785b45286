"""Refusals a user can act on: a code for the renderer and the facts it needs; never prose, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CommandRefused(Exception):
    """Raised by a use case before it changes anything; adapters render it as one line."""

    code: str
    details: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None

    def __str__(self) -> str:
        return f"{self.code} {self.details}"
