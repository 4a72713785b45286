"""The Discord suite's people: a roster whose ids are Discord user ids, as a secretariat would export it."""

from __future__ import annotations

from pathlib import Path

import pytest

STAFF, MODERATOR, ARMEN, OLGA = 1300000000000000001, 1300000000000000002, 1300000000000000003, 1300000000000000004
NAMES = {STAFF: "secretariat", MODERATOR: "mod-rt1", ARMEN: "armen", OLGA: "olga"}


def roster_text(olga: int | str = OLGA, more: str = "") -> str:
    """The roster as TOML; Olga may be given another platform's id, and more participants appended."""
    return f"""
[[participant]]
id = "{STAFF}"
name = "Secretariat"
category = "secretariat"
roles = ["staff"]

[[participant]]
id = "{MODERATOR}"
name = "Tomás Ferreira"
delegation = "PT"
category = "member-state"
level = "ambassador"
roles = ["moderator:rt1"]

[[participant]]
id = "{ARMEN}"
name = "Armen Hakobyan"
delegation = "AM"
category = "member-state"
level = "minister"

[[participant]]
id = "{olga}"
name = "Olga Kovalenko"
delegation = "UA"
category = "member-state"
level = "other"
{more}"""


ROSTER = roster_text()


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.toml"
    path.write_text(ROSTER, encoding="utf-8")
    return path
