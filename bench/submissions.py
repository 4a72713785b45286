"""Benchmark of the written submissions: 56 delegations at the letter's 5,000 words, counted and published."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.timing import Row, measure
from bot.domain.submissions import WORD_LIMIT, Submission, count_words
from bot.formats.submissions_html import submissions_site

DELEGATIONS = 56  # the UNECE member States
# Words of the working and national languages a regional review hears, with the numbering and dashes of a real text:
# the count must skip a lone dash and keep "state-of-the-art" one word.
LANGUAGES = {
    "English": "migration pathways regular objective compact review implementation state-of-the-art cooperation",
    "Russian": "миграция пути регулярной цели договора обзор осуществления сотрудничество государства",
    "Georgian": "მიგრაცია გზები რეგულარული მიზანი შეთანხმება მიმოხილვა თანამშრომლობა",
    "Armenian": "միգրացիա ուղիներ կանոնավոր նպատակ համաձայնագիր վերանայում համագործակցություն",
    "names and numbers": "Türkiye Qazaqstan Ўзбекистон 2020 23 —",
}
WORDS = tuple(word for words in LANGUAGES.values() for word in words.split())
DASH = "—"
ZONE = ZoneInfo("Europe/Zurich")


def rows(quick: bool) -> list[Row]:
    submissions = _submissions()
    runs = 3 if quick else 10
    return [
        measure(
            f"submissions: count words of {DELEGATIONS} submissions of {WORD_LIMIT:,} words",
            lambda: [count_words(s.text) for s in submissions],
            runs=runs,
            goal="< 1,000 ms",
        ),
        measure(
            f"submissions: publish {DELEGATIONS} submissions of {WORD_LIMIT:,} words (index + pages)",
            lambda: submissions_site(submissions, _name, "Regional Review of the GCM", ZONE),
            runs=runs,
            goal="< 1,000 ms",
        ),
    ]


def _submissions() -> list[Submission]:
    received = datetime(2020, 10, 1, 9, tzinfo=UTC)
    made = []
    for index in range(DELEGATIONS):
        text = _text(random.Random(index), WORD_LIMIT)  # seeded: the same texts on every run
        made.append(Submission(_code(index), text, received + timedelta(hours=9 * index), count_words(text), 1))
    return made


def _text(chance: random.Random, words: int) -> str:
    """Exactly `words` words (a dash is none) in paragraphs of 40 to 120 tokens and lines of 12, as people type."""
    tokens: list[str] = []
    counted = 0
    while counted < words:
        token = chance.choice(WORDS)
        tokens.append(token)
        counted += token != DASH
    paragraphs, start = [], 0
    while start < len(tokens):
        end = start + chance.randint(40, 120)
        chosen = tokens[start:end]
        paragraphs.append("\n".join(" ".join(chosen[i : i + 12]) for i in range(0, len(chosen), 12)) + ".")
        start = end
    return "\n\n".join(paragraphs)


def _code(index: int) -> str:
    return chr(ord("A") + index // 26) + chr(ord("A") + index % 26)


def _name(code: str) -> str:
    return f"Делегация {code} / Delegation {code}"
