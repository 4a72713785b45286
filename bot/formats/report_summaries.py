"""What the report says of each intervention and written submission: who, as a UN summary names them, and what."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.domain.language import N_, Language
from bot.domain.queue.entries import EntryKind, Intervention, Note, Speaker
from bot.domain.settings import Category
from bot.domain.submissions import Submission
from bot.formats.wording import joined, of_form, sentence_start, speaker_as, with_article
from bot.services.record import MeetingRecord
from bot.services.translation import Translator

# A sentence ends at . ! ? or … (closing quotes and brackets stay with it) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)\]]*\s+")
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")
_ABBREVIATIONS = frozenset(("mr.", "mrs.", "ms.", "dr.", "e.g.", "i.e.", "etc.", "no.", "art.", "para.", "st."))
_REPRESENTATIVE = "the representative of "  # not user-facing: how English names are recognised, not shown
SENTENCES = 2
MAX_WORDS = 60
# What was said, by the kind of request: "said", "in reply, said", "asked".
_SAID = {
    EntryKind.STATEMENT: N_("{who} said: “{text}”"),
    EntryKind.REPLY: N_("{who} in reply, said: “{text}”"),
    EntryKind.QUESTION: N_("{who} asked: “{text}”"),
    EntryKind.RIGHT_OF_REPLY: N_("{who} exercising the right of reply, said: “{text}”"),
    EntryKind.ORDER: N_("{who} said: “{text}”"),
}
# When only the announcement is known: English 'spoke on labour migration.' where the words follow 'spoke', else
# what it was announced as; with neither, that they took the floor (the rapporteurs' notes follow).
_SPOKE = {
    EntryKind.STATEMENT: N_("{who} spoke {announced}"),
    EntryKind.REPLY: N_("{who}, in reply, spoke {announced}"),
    EntryKind.QUESTION: N_("{who}, with a question, spoke {announced}"),
    EntryKind.RIGHT_OF_REPLY: N_("{who}, exercising the right of reply, spoke {announced}"),
    EntryKind.ORDER: N_("{who} spoke {announced}"),
}
_ANNOUNCED = {
    EntryKind.STATEMENT: N_("{who} took the floor (announced as “{announced}”)."),
    EntryKind.REPLY: N_("{who}, in reply, took the floor (announced as “{announced}”)."),
    EntryKind.QUESTION: N_("{who}, with a question, took the floor (announced as “{announced}”)."),
    EntryKind.RIGHT_OF_REPLY: N_("{who}, exercising the right of reply, took the floor (announced as “{announced}”)."),
    EntryKind.ORDER: N_("{who} took the floor (announced as “{announced}”)."),
}
_TOOK_FLOOR = {
    EntryKind.STATEMENT: N_("{who} took the floor."),
    EntryKind.REPLY: N_("{who}, in reply, took the floor."),
    EntryKind.QUESTION: N_("{who}, with a question, took the floor."),
    EntryKind.RIGHT_OF_REPLY: N_("{who}, exercising the right of reply, took the floor."),
    EntryKind.ORDER: N_("{who} took the floor."),
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

    def __init__(self, record: MeetingRecord, tr: Translator) -> None:
        self.record = record
        self.tr = tr
        self._titles = {p.id: p.title for p in record.participants}
        self._names: dict[Speaker, str] = {}  # a report names each speaker many times: once per speaker is enough
        self._places: dict[str, str] = {}  # a representative, by name -> the State as 'of' takes it, to group them

    def who(self, intervention: Intervention) -> str:
        speaker = intervention.entry.speaker
        if speaker not in self._names:
            title = self._titles.get(speaker.participant_id, "")
            named = speaker_as(speaker, self.record.state_name, title, tr=self.tr, state_of=self._state_of)
            self._names[speaker] = named
            if place := self._place(speaker, named):
                self._places[named] = place
        return self._names[speaker]

    def _place(self, speaker: Speaker, named: str) -> str | None:
        """The State as 'of' takes it, for a representative the report may group with others; else None."""
        if self.tr.language is Language.EN:  # English groups whatever reads 'the representative of …'
            # not user-facing: how English names are recognised, not shown
            return named.removeprefix("the representative ") if named.startswith(_REPRESENTATIVE) else None
        if (
            not speaker.delegation
            or speaker.group
            or speaker.category in (Category.OBSERVER_STATE, Category.SECRETARIAT)
        ):
            return None
        name, given = self.record.state_name(speaker.delegation), self._state_of(speaker.delegation)
        return of_form(name, given, self.tr, state=speaker.category is Category.MEMBER_STATE)

    def _state_of(self, code: str) -> str | None:
        return self.record.state_of(code, self.tr.language)

    def intervention(
        self, intervention: Intervention, notes: Sequence[Note], interrupted: Intervention | None = None
    ) -> str | None:
        """'The representative of Armenia said: “…”' (the statement's first sentences), or what the request was
        announced as, then the rapporteurs' notes on it by name; None when there is nothing to say it with."""
        tr, who, entry = self.tr, _subject(self.who(intervention)), intervention.entry
        if entry.kind is EntryKind.ORDER:
            said: str | None = self._order(who, intervention, interrupted)
        elif intervention.statement and (text := opening(intervention.statement)):
            said = sentence_start(tr.gettext(_SAID[entry.kind]).format(who=who, text=_closed(text)))
        elif announced := entry.note.strip():
            said = sentence_start(self._announced(who, entry.kind, announced))
        else:
            said = sentence_start(tr.gettext(_TOOK_FLOOR[entry.kind]).format(who=who)) if notes else None
        by = tr.gettext("Note by {author}: {text}")
        remarks = [by.format(author=self.record.name_of(n.author), text=_closed(n.text.strip())) for n in notes]
        return " ".join([said, *remarks]) if said else None

    def _announced(self, who: str, kind: EntryKind, announced: str) -> str:
        """'spoke on labour migration.'; 'took the floor (announced as “…”).' when the words do not follow 'spoke'
        (in French and Russian always: what was typed does not follow their verb)."""
        if self.tr.language is Language.EN and announced.startswith(("on ", "about ")):
            return self.tr.gettext(_SPOKE[kind]).format(who=who, announced=_closed(announced))
        return self.tr.gettext(_ANNOUNCED[kind]).format(who=who, announced=announced)

    def also(self, silent: Sequence[Intervention]) -> str:
        """One sentence for the speakers who gave no text: 'The representatives of Armenia and Canada and the
        observer for the Holy See also took the floor.'"""
        tr = self.tr
        names = list(dict.fromkeys(self.who(i) for i in silent))
        places = [self._places[n] for n in names if n in self._places]
        if len(places) > 1:  # 'the representatives of Armenia and Canada'
            # Translators: {of_states} is 'of Armenia and Canada'; in French "de l'Arménie et du Canada".
            grouped = tr.gettext("the representatives {of_states}").format(of_states=self._of_states(places))
            names = [grouped, *(n for n in names if n not in self._places)]
        if len(names) > 1 and any("," in n for n in names):  # a name with a comma of its own: semicolons between
            listed = tr.gettext("{names}; and {last} also took the floor.")
            return sentence_start(listed.format(names="; ".join(names[:-1]), last=names[-1]))
        # English opens the sentence with the names (an apposition then closes with a comma); French and Russian
        # put them last ('Ont également pris la parole : …'), where that comma would dangle.
        listed = _subject(joined(names, tr)) if tr.language is Language.EN else joined(names, tr)
        return sentence_start(tr.gettext("{names} also took the floor.").format(names=listed))

    def _of_states(self, places: list[str]) -> str:
        """English 'of Armenia and Canada' ('of' said once); French "de l'Arménie et du Canada", each its own."""
        if self.tr.language is not Language.EN:
            return joined(places, self.tr)
        return "of " + joined([p.removeprefix("of ") for p in places], self.tr)  # not user-facing: English grammar

    def submission(self, submission: Submission, objective: int) -> str:
        tr, code = self.tr, submission.delegation
        name, given = self.record.state_name(code), self._state_of(code)
        english_name = tr.language is Language.EN
        state = with_article(name, state=True) if english_name else of_form(name, given, tr, state=True)
        said = opening(passage_on(submission.text, objective, self.record.finder))
        # Translators: {state} is 'Armenia', 'the Russian Federation'; French and Russian get the form 'of' needs
        # ("de l'Arménie", 'Армении'), as in "dans la contribution écrite {state}, …".
        text = tr.gettext("in its written submission, {state} stated: “{text}”")
        return sentence_start(text.format(state=state, text=_closed(said)))

    def _order(self, who: str, order: Intervention, interrupted: Intervention | None) -> str:
        """'On a point of order, the representative of … interrupted the representative of Georgia, raising …. The
        Chair ruled: “…”': the point of order, whom it cut into, and the ruling."""
        tr = self.tr
        raised = order.entry.note.strip() or (order.statement or "").strip()
        about = _unclosed(opening(raised, sentences=1)) if raised else ""
        if interrupted and about:
            said = tr.gettext("On a point of order, {who} interrupted {other}, raising {raised}.")
        elif interrupted:
            said = tr.gettext("On a point of order, {who} interrupted {other}.")
        elif about:
            said = tr.gettext("On a point of order, {who} took the floor, raising {raised}.")
        else:
            said = tr.gettext("On a point of order, {who} took the floor.")
        other = self.who(interrupted) if interrupted else ""
        said = said.format(who=who.rstrip(","), other=other, raised=about)
        if not order.ruling:
            return said
        return said + " " + tr.gettext("The Chair ruled: “{ruling}”").format(ruling=_closed(order.ruling.strip()))


def _subject(who: str) -> str:
    """The subject of a sentence; one with an apposition closes it with a comma ('Claire Dubois, Director, said')."""
    return f"{who}," if "," in who else who


def _closed(text: str) -> str:
    """The text ending as a sentence does."""
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def _unclosed(text: str) -> str:
    return text.rstrip(".")
