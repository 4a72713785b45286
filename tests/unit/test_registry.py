"""The command registry and argument reading: one definition serves every platform."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import Refused
from bot.services.arguments import parse_arguments
from bot.services.catalogue import command_registry


def test_names_are_unique_and_lower_case() -> None:
    paths = [c.path for c in command_registry().leaves()]
    assert len(paths) == len(set(paths))
    assert all(p == p.lower() and p.replace(" ", "").replace("-", "").isalpha() for p in paths)


def test_every_command_has_help_and_an_example() -> None:
    for command in command_registry().leaves():
        assert command.summary.endswith(".")
        assert command.example.startswith(f"/{command.path}")


def test_lookup_ignores_slash_and_case() -> None:
    registry = command_registry()
    assert registry.get("/AGENDA") is registry.get("agenda")
    assert registry.closest("sesion").name == "session"  # type: ignore[union-attr]
    assert registry.closest("qqqq") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("1", {"day": "1"}),
        ("KZ", {"zone": "KZ"}),
        ("2 Asia/Almaty", {"day": "2", "zone": "Asia/Almaty"}),
    ],
)
def test_optional_arguments_are_matched_by_kind(text: str, expected: dict[str, str]) -> None:
    spec = command_registry().get("agenda")
    assert spec is not None
    assert parse_arguments(spec, text) == expected


@given(st.text(max_size=200))
def test_reading_arguments_never_fails_unexpectedly(text: str) -> None:
    spec = command_registry().get("session")
    assert spec is not None
    words = text.split()
    if not words or len(words) > 2:
        with pytest.raises(Refused) as refused:
            parse_arguments(spec, text)
        assert refused.value.code == ("missing_argument" if not words else "unexpected_argument")
    else:
        values = parse_arguments(spec, text)
        assert values == dict(zip(["id", "zone"], words, strict=False))
