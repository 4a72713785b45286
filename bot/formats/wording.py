"""One wording for every export: who spoke as what, for whom, and for how long, as a UN document writes it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import timedelta

from bot.domain.language import Language
from bot.domain.meeting import Objective, Session
from bot.domain.naming import CATEGORY_NAMES, GROUP_NAMES, category_of, delegation_of, group_name
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.services.translation import Translator

# The naming shared with the live page lives in the domain; the exports import it from here as before.
__all__ = ["CATEGORY_NAMES", "GROUP_NAMES", "category_of", "delegation_of", "group_name"]
# A State's form after 'the representative' in a language: the form the list gives, or None (then made up).
StateOf = Callable[[str], "str | None"]


def credited_to(speaker: Speaker, state_name: Callable[[str], str], tr: Translator) -> str:
    """Whom speaking time and participation count for: the group for a group statement ('European Union'),
    else the delegation by its name, else the speaker."""
    if speaker.group:
        if speaker.group in GROUP_NAMES and tr is not None:
            return tr.pgettext("credited to", "European Union")
        group = group_name(speaker.group)
        return group[4:] if group.startswith("the ") else group
    return state_name(speaker.delegation) if speaker.delegation else speaker.name


def titled(item: Session | Objective, tr: Translator) -> str:
    """A session's or objective's title in the reader's language, marked where the translation is unofficial."""
    title = item.title_in(tr.language)
    if item.unofficial_in(tr.language):
        return tr.gettext("{title} (unofficial translation)").format(title=title)
    return title


def category_in(speaker: Speaker, tr: Translator) -> str:
    """The category a statement is made in, in the reader's language."""
    return tr.gettext(category_of(speaker))


def delegation_in(speaker: Speaker, state_name: Callable[[str], str], tr: Translator) -> str:
    """'Armenia'; 'Germany, on behalf of the European Union' for a group statement; '' for no delegation."""
    name = state_name(speaker.delegation) if speaker.delegation else ""
    if not speaker.group:
        return name
    group = tr.gettext(group_name(speaker.group)) if speaker.group in GROUP_NAMES else speaker.group
    if name:
        return tr.gettext("{delegation}, on behalf of {group}").format(delegation=name, group=group)
    return tr.gettext("On behalf of {group}").format(group=group)


def duration(span: timedelta, tr: Translator) -> str:
    """'3 min 20 s', '1 h 5 min', '45 s', '0 s': how every export writes a speaking time."""
    hours, rest = divmod(int(span.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [
        tr.gettext("{count} h").format(count=hours) if hours else "",
        tr.gettext("{count} min").format(count=minutes) if minutes else "",
        tr.gettext("{count} s").format(count=seconds) if seconds else "",
    ]
    return " ".join(p for p in parts if p) or tr.gettext("{count} s").format(count=0)


def joined(items: Sequence[str], tr: Translator) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) == 1:
        return items[0]
    return tr.gettext("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


# States a UN document writes with "the" before them ("the representative of the Russian Federation").
# not user-facing: how English names are recognised, not shown
_STATES_WITH_ARTICLE = ("Republic of", "Russian Federation", "United ", "Holy See", "Netherlands", "State of")


def with_article(name: str, *, state: bool) -> str:
    """'the Russian Federation', 'Armenia'; an organisation by its name takes 'the' ('the International
    Organization for Migration'), by its acronym none ('IOM')."""
    if name.startswith("the "):
        return name
    if state:
        return f"the {name}" if name.startswith(_STATES_WITH_ARTICLE) else name
    return name if name.isupper() and " " not in name else f"the {name}"


# Observer States outside the UNECE list, as the roster names them: their French and Russian forms after 'the
# observer' (French "du Saint-Siège"; Russian 'от' takes the genitive, "Святейшего Престола").
_OBSERVERS = {
    # not user-facing: the UN names of States, data as unece-member-states.toml holds them
    "Holy See": {Language.FR: "du Saint-Siège", Language.RU: "Святейшего Престола"},
    # not user-facing: data, as above
    "State of Palestine": {Language.FR: "de l'État de Palestine", Language.RU: "Государства Палестина"},
}


def sort_key(name: str, tr: Translator) -> str:
    """How a list of names is alphabetised: by case, and outside English by letter whatever its accent, so that
    'États-Unis' comes among the E."""
    if tr is None or tr.language is Language.EN:
        return name.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def of_form(name: str, given: str | None, tr: Translator, *, state: bool) -> str:
    """What follows 'the representative' in the reader's language: English 'of the Russian Federation', French
    "de l'Arménie", Russian 'Армении' (the list's form); a name the list lacks, as the roster gives it."""
    if tr.language is Language.EN:
        return f"of {with_article(name, state=state)}"  # not user-facing: English grammar, the msgid's own words
    if given or (given := _OBSERVERS.get(name, {}).get(tr.language)):
        return given
    if tr.language is Language.FR:
        return ("d'" if name[:1].lower() in "aeiouéèêâîôûh" else "de ") + name
    return name  # Russian cannot decline a name it does not know: kept as given


def speaker_as(
    speaker: Speaker,
    state_name: Callable[[str], str],
    title: str = "",
    *,
    tr: Translator,
    state_of: StateOf | None = None,
) -> str:
    """Who took the floor as a UN summary names them: 'the representative of Armenia', 'the observer for the
    Holy See', 'the European Union, speaking on behalf of its member States'; someone of no delegation by name."""
    if speaker.group:
        return _group_speaker(speaker, state_name, tr, state_of)
    if speaker.category is Category.SECRETARIAT:
        if title:
            return tr.gettext("{name}, {title}").format(name=speaker.name, title=title)
        return tr.gettext("{name}, for the secretariat").format(name=speaker.name)
    if not speaker.delegation:
        return speaker.name
    is_state = speaker.category in (Category.MEMBER_STATE, Category.OBSERVER_STATE)
    place = of_form(state_name(speaker.delegation), _given(state_of, speaker.delegation), tr, state=is_state)
    if speaker.category is Category.OBSERVER_STATE:
        # English 'for the Holy See'; other languages the form of 'of' ("du Saint-Siège", 'Святейшего Престола').
        for_state = "for" + place[2:] if tr.language is Language.EN else place
        return tr.gettext("the observer {for_state}").format(for_state=for_state)
    return representative(place, tr)


def representative(of_state: str, tr: Translator) -> str:
    """'the representative of Armenia', from the form of 'of' the language needs."""
    # Translators: {of_state} is 'of Armenia' in English; in French "de l'Arménie", in Russian the genitive.
    return tr.gettext("the representative {of_state}").format(of_state=of_state)


def _group_speaker(speaker: Speaker, state_name: Callable[[str], str], tr: Translator, state_of: StateOf | None) -> str:
    assert speaker.group is not None
    known = speaker.group in GROUP_NAMES
    group = tr.gettext(group_name(speaker.group)) if known else speaker.group
    if speaker.group == "EU":
        return tr.gettext("{group}, speaking on behalf of its member States").format(group=group)
    if not speaker.delegation:
        return group
    place = of_form(state_name(speaker.delegation), _given(state_of, speaker.delegation), tr, state=True)
    return tr.gettext("{representative}, speaking on behalf of {group}").format(
        representative=representative(place, tr), group=group
    )


def _given(state_of: StateOf | None, code: str) -> str | None:
    return state_of(code) if state_of else None


def sentence_start(text: str) -> str:
    """The text with its first letter capitalised, to open a sentence."""
    return text[:1].upper() + text[1:]
