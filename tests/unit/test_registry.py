"""The command registry and argument reading: one definition serves every platform."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.arguments import parse_arguments
from bot.services.errors import CommandRefused
from bot.services.registry import command_registry


def test_names_are_unique_and_lower_case() -> None:
    names = [c.name for c in command_registry().commands]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and n.isidentifier() for n in names)


def test_every_command_has_help_and_an_example() -> None:
    for command in command_registry().commands:
        assert command.summary.endswith(".")
        assert command.example.startswith(f"/{command.name}")


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
        with pytest.raises(CommandRefused) as refused:
            parse_arguments(spec, text)
        assert refused.value.code == ("missing_argument" if not words else "unexpected_argument")
    else:
        values = parse_arguments(spec, text)
        assert values == dict(zip(["id", "zone"], words, strict=False))
