"""Finding the objectives an intervention addresses, for grouping the record under them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.meeting import Meeting
from bot.domain.objectives import objectives_addressed
from bot.formats.schedule_toml import load_schedule_toml
from tests.conftest import GCM_2020


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        pytest.param("On objective 5, we have opened new pathways.", (5,), id="lower-case"),
        pytest.param("Objective 5 matters.", (5,), id="capital"),
        pytest.param("Under GCM objective 23 we cooperate.", (23,), id="gcm-prefix"),
        pytest.param("Objectives 5, 6 and 18 are linked.", (5, 6, 18), id="list"),
        pytest.param("objectives 2-4 remain hard", (2, 3, 4), id="range"),
        pytest.param("We invest in regular pathways and alternatives to detention.", (5, 13), id="labels"),
        pytest.param("Our database of migrants is new.", (), id="one-word-label-not-trusted"),
        pytest.param("Objective 42 does not exist; objective 0 neither.", (), id="unknown-numbers"),
        pytest.param("No objective is named here.", (), id="none"),
    ],
)
def test_mentions_and_labels(gcm: Meeting, text: str, numbers: tuple[int, ...]) -> None:
    assert objectives_addressed(text, gcm.objectives) == numbers


@given(st.text(max_size=300) | st.from_regex(r"(GCM )?[Oo]bjectives? \d{1,3}( (,|and|-) \d{1,3})*", fullmatch=True))
def test_any_text_gives_known_objectives_in_order(text: str) -> None:
    objectives = load_schedule_toml(GCM_2020).objectives
    found = objectives_addressed(text, objectives)
    assert list(found) == sorted(set(found))
    assert set(found) <= {o.number for o in objectives}


def _one_alternative_per_label(text: str) -> tuple[int, ...]:
    """The labels found the plain way, each alternative with its own word boundaries: the reference."""
    objectives = load_schedule_toml(GCM_2020).objectives
    found = set()
    for objective in objectives:
        label = objective.label.casefold()
        if len(label.split()) > 1 and re.search(rf"\b{re.escape(label)}\b", text.casefold()):
            found.add(objective.number)
    return tuple(sorted(found))


_LABEL_WORDS = sorted({w for o in load_schedule_toml(GCM_2020).objectives for w in o.label.split()})


@given(st.lists(st.sampled_from([*_LABEL_WORDS, "data", "database", "and", "x", ",", "-"]), max_size=40))
def test_the_fast_label_pattern_finds_exactly_what_one_search_per_label_finds(words: list[str]) -> None:
    text = " ".join(words)  # no digits, so no "objective N" mention: labels alone decide
    assert objectives_addressed(text, load_schedule_toml(GCM_2020).objectives) == _one_alternative_per_label(text)
