"""What the report says of each intervention and written submission: who, as a UN summary names them, and what."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.domain.queue.entries import EntryKind, Intervention, Note, Speaker
from bot.domain.submissions import Submission
from bot.formats.word import joined
from bot.formats.wording import sentence_start, speaker_as, with_article
from bot.services.record import MeetingRecord

# A sentence ends at . ! ? or … (closing quotes and brackets stay with it) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)\]]*\s+")
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")
_ABBREVIATIONS = frozenset(("mr.", "mrs.", "ms.", "dr.", "e.g.", "i.e.", "etc.", "no.", "art.", "para.", "st."))
_REPRESENTATIVE = "the representative of "
SENTENCES = 2
MAX_WORDS = 60
# How a request's kind changes the verb: "in reply, said", "asked".
_SAID = {
    EntryKind.STATEMENT: "said",
    EntryKind.REPLY: "in reply, said",
    EntryKind.QUESTION: "asked",
    EntryKind.RIGHT_OF_REPLY: "exercising the right of reply, said",
    EntryKind.ORDER: "said",
}


def opening(text: str, sentences: int = SENTENCES, words: int = MAX_WORDS) -> str:
    """The text's first sentences, on one line; cut at a word, with '…', past `words` words."""
    flat = " ".join(text.split())
    kept = flat[: _end_of(flat, sentences)]
    cut = kept.split(" ")
    return " ".join(cut[:words]).rstrip(",;:") + "…" if len(cut) > words else kept


def _end_of(text: str, sentences: int) -> int:
    """Where the text's first `sentences` sentences end: at a stop followed by a capital letter (or digit, or
    quote), not after an abbreviation such as 'Mr.' or 'e.g.'."""
    for found in _SENTENCE_END.finditer(text):
        before, after = text[: found.start()], text[found.end() : found.end() + 1]
        if after.islower() or before.rsplit(" ", 1)[-1].casefold() in _ABBREVIATIONS:
            continue
        sentences -= 1
        if not sentences:
            return found.start() + len(found.group().rstrip())
    return len(text)


def passage_on(text: str, objective: int, finder: Callable[[str], tuple[int, ...]]) -> str:
    """The first paragraph of a text that addresses the objective; the text itself when none does alone."""
    return next((p for p in _PARAGRAPHS.split(text) if p.strip() and objective in finder(p)), text)


class Summaries:
    """The sentences of one report: attributions by name and title, texts by their opening."""

    def __init__(self, record: MeetingRecord) -> None:
        self.record = record
        self._titles = {p.id: p.title for p in record.participants}
        self._names: dict[Speaker, str] = {}  # a report names each speaker many times: once per speaker is enough

    def who(self, intervention: Intervention) -> str:
        speaker = intervention.entry.speaker
        if speaker not in self._names:
            title = self._titles.get(speaker.participant_id, "")
            self._names[speaker] = speaker_as(speaker, self.record.state_name, title)
        return self._names[speaker]

    def intervention(
        self, intervention: Intervention, notes: Sequence[Note], interrupted: Intervention | None = None
    ) -> str | None:
        """'The representative of Armenia said: “…”' (the statement's first sentences), or what the request was
        announced as, then the rapporteurs' notes on it by name; None when there is nothing to say it with."""
        who, entry = _subject(self.who(intervention)), intervention.entry
        if entry.kind is EntryKind.ORDER:
            said: str | None = self._order(who, intervention, interrupted)
        elif intervention.statement and (text := opening(intervention.statement)):
            said = sentence_start(f"{who} {_SAID[entry.kind]}: “{_closed(text)}”")
        elif announced := entry.note.strip():
            said = sentence_start(f"{who}{_AS[entry.kind]} {_announced(announced)}")
        else:
            said = sentence_start(f"{who}{_AS[entry.kind]} took the floor.") if notes else None
        remarks = [f"Note by {self.record.name_of(n.author)}: {_closed(n.text.strip())}" for n in notes]
        return " ".join([said, *remarks]) if said else None

    def also(self, silent: Sequence[Intervention]) -> str:
        """One sentence for the speakers who gave no text: 'The representatives of Armenia and Canada and the
        observer for the Holy See also took the floor.'"""
        names = list(dict.fromkeys(self.who(i) for i in silent))
        representatives = [n.removeprefix(_REPRESENTATIVE) for n in names if n.startswith(_REPRESENTATIVE)]
        if len(representatives) > 1:  # 'the representatives of Armenia and Canada'
            grouped = f"the representatives of {joined(representatives)}"
            names = [grouped, *(n for n in names if not n.startswith(_REPRESENTATIVE))]
        if len(names) > 1 and any("," in n for n in names):  # a name with a comma of its own: semicolons between
            return sentence_start(f"{'; '.join(names[:-1])}; and {names[-1]} also took the floor.")
        return sentence_start(f"{_subject(joined(names))} also took the floor.")

    def submission(self, submission: Submission, objective: int) -> str:
        state = with_article(self.record.state_name(submission.delegation), state=True)
        said = opening(passage_on(submission.text, objective, self.record.finder))
        return sentence_start(f"in its written submission, {state} stated: “{_closed(said)}”")

    def _order(self, who: str, order: Intervention, interrupted: Intervention | None) -> str:
        """'On a point of order, the representative of … interrupted the representative of Georgia, raising …. The
        Chair ruled: “…”': the point of order, whom it cut into, and the ruling."""
        raised = order.entry.note.strip() or (order.statement or "").strip()
        cut = f" interrupted {self.who(interrupted)}" if interrupted else " took the floor"
        about = f", raising {_unclosed(opening(raised, sentences=1))}" if raised else ""
        said = f"On a point of order, {who.rstrip(',')}{cut}{about}."
        return said + (f" The Chair ruled: “{_closed(order.ruling.strip())}”" if order.ruling else "")


# How a request's kind is said when only its announcement is known: "The representative of Georgia, in reply,".
_AS = {
    EntryKind.STATEMENT: "",
    EntryKind.REPLY: ", in reply,",
    EntryKind.QUESTION: ", with a question,",
    EntryKind.RIGHT_OF_REPLY: ", exercising the right of reply,",
    EntryKind.ORDER: "",
}


def _announced(announced: str) -> str:
    """'spoke on labour migration.'; 'took the floor (announced as “…”).' when the words do not follow 'spoke'."""
    if announced.startswith(("on ", "about ")):
        return f"spoke {_closed(announced)}"
    return f"took the floor (announced as “{announced}”)."


def _subject(who: str) -> str:
    """The subject of a sentence; one with an apposition closes it with a comma ('Claire Dubois, Director, said')."""
    return f"{who}," if "," in who else who


def _closed(text: str) -> str:
    """The text ending as a sentence does."""
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def _unclosed(text: str) -> str:
    return text.rstrip(".")
