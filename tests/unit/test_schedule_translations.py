"""A schedule's languages: the 2020 titles in French and Russian, marked as the data says, and located faults."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.domain.language import Language
from bot.domain.meeting import Meeting
from bot.domain.schedule_rules import ScheduleInvalid
from bot.formats.schedule_toml import load_schedule_toml
from tests.conftest import GCM_2020, HARBOUR_2027

TRANSLATIONS = GCM_2020.parent / "gcm-objectives-translations.toml"


def faults_of(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_toml(path)
    return caught.value.lines()


def harbour_with(tmp_path: Path, meeting_lines: str) -> Path:
    text = HARBOUR_2027.read_text(encoding="utf-8").replace('language = "en"\n', f"{meeting_lines}\n", 1)
    path = tmp_path / "harbour.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_objective_of_2020_has_french_and_russian_marked_as_the_file_says(gcm: Meeting) -> None:
    data = {entry["number"]: entry for entry in tomllib.loads(TRANSLATIONS.read_text("utf-8"))["objective"]}
    assert len(gcm.objectives) == 23
    for objective in gcm.objectives:
        entry = data[objective.number]
        assert objective.title_in(Language.FR) == entry["fr"]
        assert objective.title_in(Language.RU) == entry["ru"]
        assert objective.unofficial_in(Language.FR) is not entry["fr_official"]
        assert objective.unofficial_in(Language.RU) is not entry["ru_official"]
        assert objective.title_in(Language.EN) == objective.title


def test_objective_5_reads_as_the_un_network_on_migration_wrote_it_in_french(gcm: Meeting) -> None:
    objective = gcm.objective(5)
    assert objective is not None
    assert objective.title_in(Language.FR) == (
        "Faire en sorte que les filières de migration régulière soient accessibles et plus souples"
    )
    assert not objective.unofficial_in(Language.FR)
    assert objective.label_in(Language.FR) == "Filières de migration régulière"


def test_the_one_unofficial_french_title_stays_marked(gcm: Meeting) -> None:
    assert [o.number for o in gcm.objectives if o.unofficial_in(Language.FR)] == [17]


def test_the_2020_session_titles_are_read_and_marked_unofficial(gcm: Meeting) -> None:
    rt1 = gcm.session("rt1")
    assert rt1 is not None
    assert rt1.title_in(Language.FR).startswith("Table ronde 1 : ")
    assert rt1.title_in(Language.RU).startswith("Круглый стол 1: ")
    assert rt1.unofficial_in(Language.FR)
    assert rt1.unofficial_in(Language.RU)
    assert all(s.title_in(Language.RU) != s.title for s in gcm.sessions)


def test_a_session_title_fr_is_read_official_unless_said_otherwise(tmp_path: Path) -> None:
    text = HARBOUR_2027.read_text(encoding="utf-8").replace(
        'title = "Green ports"\n', 'title = "Green ports"\ntitle_fr = "Ports verts"\n', 1
    )
    path = tmp_path / "harbour.toml"
    path.write_text(text, encoding="utf-8")
    ports = load_schedule_toml(path).session("ports")
    assert ports is not None
    assert ports.title_in(Language.FR) == "Ports verts"
    assert not ports.unofficial_in(Language.FR)
    assert ports.title_in(Language.RU) == "Green ports"


def test_the_meeting_language_and_a_channel_override(tmp_path: Path) -> None:
    path = harbour_with(tmp_path, 'language = "fr"\nchannel_languages = { "forum-main" = "ru" }')
    meeting = load_schedule_toml(path)
    assert meeting.language is Language.FR
    assert meeting.language_in("forum-main") is Language.RU
    assert meeting.language_in("harbour-forum") is Language.FR
    assert meeting.language_in(None) is Language.FR


def test_without_a_language_the_meeting_speaks_english(gcm: Meeting) -> None:
    assert gcm.language is Language.EN
    assert gcm.language_in("gcm-rt1") is Language.EN


def test_an_unknown_language_is_a_located_fault_that_says_what_to_write(tmp_path: Path) -> None:
    text = HARBOUR_2027.read_text(encoding="utf-8").replace('language = "en"', 'language = "de"')
    lines = faults_of(tmp_path / "harbour.toml", text)
    assert any("meeting: language:" in line and "en, fr, ru" in line and "'de'" in line for line in lines), lines


def test_a_channel_the_schedule_never_uses_is_a_fault(tmp_path: Path) -> None:
    path = harbour_with(tmp_path, 'channel_languages = { "forum-main-ru" = "ru" }')
    lines = faults_of(path, path.read_text(encoding="utf-8"))
    assert any("channel_languages.forum-main-ru" in line and "no session uses" in line for line in lines), lines


def test_a_bad_channel_language_is_a_fault(tmp_path: Path) -> None:
    path = harbour_with(tmp_path, 'channel_languages = { "forum-main" = "russian" }')
    lines = faults_of(path, path.read_text(encoding="utf-8"))
    assert any("channel_languages.forum-main" in line and "en, fr, ru" in line for line in lines), lines


def test_a_copy_of_the_shipped_schedule_elsewhere_still_finds_its_translations(tmp_path: Path) -> None:
    copy = tmp_path / "my-review.toml"
    copy.write_text(GCM_2020.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_schedule_toml(copy).objective(23) is not None
    assert load_schedule_toml(copy).objectives[22].translations


def test_a_missing_translations_file_is_named(tmp_path: Path) -> None:
    text = GCM_2020.read_text(encoding="utf-8").replace(
        '"gcm-objectives-translations.toml"', '"no-such-translations.toml"'
    )
    lines = faults_of(tmp_path / "review.toml", text)
    assert any("meeting: objective_translations: cannot be read" in line for line in lines), lines


def test_a_title_given_in_the_schedule_and_in_the_file_is_a_fault(tmp_path: Path) -> None:
    text = GCM_2020.read_text(encoding="utf-8").replace(
        'label = "Regular pathways"\n', 'label = "Regular pathways"\nfr = "Filières"\n', 1
    )
    lines = faults_of(tmp_path / "review.toml", text)
    assert any("objective 5 has its fr title twice" in line for line in lines), lines


def test_faults_in_the_translations_file_are_located_in_it(tmp_path: Path) -> None:
    (tmp_path / "titles.toml").write_text(
        '[[objective]]\nnumber = 5\nfr_official = "yes"\nfrench = "Filières"\n\n[[objective]]\nnumber = 99\nru = "X"\n',
        encoding="utf-8",
    )
    text = GCM_2020.read_text(encoding="utf-8").replace('"gcm-objectives-translations.toml"', '"titles.toml"')
    lines = faults_of(tmp_path / "review.toml", text)
    assert any("titles.toml objective #1: french: unknown key" in line for line in lines), lines
    assert any("titles.toml objective #1: fr_official: must be true or false" in line for line in lines), lines
    assert any("titles.toml translates objective 99" in line for line in lines), lines


def test_objective_translations_may_stand_in_the_schedule_itself(tmp_path: Path) -> None:
    text = HARBOUR_2027.read_text(encoding="utf-8") + (
        '\n[[objective]]\nnumber = 1\nlabel = "Ports"\ntitle = "Greener ports"\n'
        'ru = "Более экологичные порты"\nru_official = false\nru_label = "Порты"\n'
    )
    path = tmp_path / "harbour.toml"
    path.write_text(
        text.replace('id = "ports"\nkind = "plenary"\n', 'id = "ports"\nkind = "roundtable"\nobjectives = [1]\n'),
        encoding="utf-8",
    )
    objective = load_schedule_toml(path).objective(1)
    assert objective is not None
    assert objective.title_in(Language.RU) == "Более экологичные порты"
    assert objective.label_in(Language.RU) == "Порты"
    assert objective.unofficial_in(Language.RU)
    assert objective.title_in(Language.FR) == "Greener ports"
