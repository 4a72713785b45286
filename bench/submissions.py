"""Benchmark of the written submissions: 56 delegations at the letter's 5,000 words, counted and published."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.timing import Row, measure
from bot.domain.language import Language
from bot.domain.submissions import WORD_LIMIT, Submission, count_words
from bot.formats.submissions_html import submissions_site
from bot.locales.catalogs import Catalogs

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
    """The 56 States' submissions, then ten versions of each (560): the cost should grow in proportion."""
    return [row for versions in (1, 10) for row in _rows(_submissions(versions), quick)]


def _rows(submissions: list[Submission], quick: bool) -> list[Row]:
    runs = 3 if quick else 10
    count = f"{len(submissions):,} submissions of {WORD_LIMIT:,} words"
    return [
        measure(
            f"submissions: count words of {count}",
            lambda: [count_words(s.text) for s in submissions],
            runs=runs,
            goal="< 1,000 ms" if len(submissions) <= DELEGATIONS else "~10x the row above",
        ),
        measure(
            f"submissions: publish {count} (index + current pages)",
            lambda: submissions_site(submissions, _name, "Regional Review of the GCM", ZONE, Catalogs()(Language.EN)),
            runs=runs,
            goal="< 1,000 ms" if len(submissions) <= DELEGATIONS else "~1x: only current versions are pages",
        ),
    ]


def _submissions(versions: int = 1) -> list[Submission]:
    """Each State's submission, `versions` times over (each a new version replacing the last)."""
    received = datetime(2020, 10, 1, 9, tzinfo=UTC)
    made = []
    for index in range(DELEGATIONS * versions):
        text = _text(random.Random(index), WORD_LIMIT)  # seeded: the same texts on every run
        version = index // DELEGATIONS + 1
        at = received + timedelta(minutes=10 * index)
        made.append(Submission(_code(index % DELEGATIONS), text, at, count_words(text), version))
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
