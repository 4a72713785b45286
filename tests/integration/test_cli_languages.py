"""The command line in the user's language: `--lang` for the console, the demo and the agenda, else PODIUM_LANG."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import MissingSetting, Settings, SlackSettings
from bot.domain.language import Language
from bot.locales.catalogs import Catalogs, CatalogTranslator

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SETTINGS = ("PODIUM_LANG", "PODIUM_SCHEDULE", "PODIUM_ROSTER", "PODIUM_MEMBER_STATES", "DATABASE_URL")
AGENDA = ("agenda", "--day", "1", "--clock", "2020-11-12T09:00+01:00")


class Recording:
    """The shipped catalogs, noting every language a translator is asked for."""

    def __init__(self, asked: list[Language]) -> None:
        self.asked = asked

    def __call__(self, language: Language) -> CatalogTranslator:
        self.asked.append(language)
        return Catalogs()(language)


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting of the machine running the tests: the shipped timetable, English unless asked."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Language]:
    """The languages the running core's translators (every post the console shows) are asked for."""
    languages: list[Language] = []
    monkeypatch.setattr("bot.bootstrap.core.Catalogs", lambda: Recording(languages))
    return languages


@pytest.fixture
def cli_asked(monkeypatch: pytest.MonkeyPatch) -> list[Language]:
    """The languages the command line's own messages are written in."""
    languages: list[Language] = []
    monkeypatch.setattr("bot.locales.catalogs.Catalogs", lambda: Recording(languages))
    return languages


def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    code = main(["demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}", *more])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_the_demo_in_another_language_matches_its_golden_transcript(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = demo(tmp_path, capsys, "--lang", language)
    path = GOLDEN / f"demo-2020.{language}.txt"
    if os.environ.get("PODIUM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; PODIUM_UPDATE_GOLDEN=1 rewrites it"


def test_the_demo_in_english_is_the_english_golden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert demo(tmp_path, capsys) == (GOLDEN / "demo-2020.txt").read_text(encoding="utf-8")


def test_demo_lang_ru_writes_every_post_in_russian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: list[Language]
) -> None:
    demo(tmp_path, capsys, "--lang", "ru")
    assert len(asked) > 50  # every answer and announcement of the morning
    # In Russian, but for Jean-Baptiste, who chose French with /language in the script: his answers are his.
    assert set(asked) == {Language.RU, Language.FR}
    assert asked.count(Language.RU) > 10 * asked.count(Language.FR)


def test_without_lang_the_demo_keeps_the_schedules_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: list[Language]
) -> None:
    demo(tmp_path, capsys)
    assert set(asked) == {Language.EN, Language.FR}  # French only for the delegate who chose it


def test_podium_lang_is_the_consoles_language_without_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], asked: list[Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_LANG", "fr")
    demo(tmp_path, capsys, "--lang", "ru")  # --lang first
    assert asked.count(Language.RU) > 10 * asked.count(Language.FR)
    asked.clear()
    demo(tmp_path, capsys)
    assert set(asked) == {Language.FR}


def test_the_agenda_in_french(capsys: pytest.CaptureFixture[str], cli_asked: list[Language]) -> None:
    code = main([*AGENDA, "--lang", "fr"])
    out = capsys.readouterr().out
    assert code == 0
    assert cli_asked == [Language.FR]
    assert "(rt1)" in out


@pytest.mark.parametrize(
    ("environment", "argv", "expected"),
    [
        pytest.param(None, (), Language.EN, id="english-by-default"),
        pytest.param("ru", (), Language.RU, id="podium-lang"),
        pytest.param("fr-FR", (), Language.FR, id="a-locale"),
        pytest.param("ru", ("--lang", "fr"), Language.FR, id="lang-first"),
    ],
)
def test_which_language_the_agenda_is_in(
    environment: str | None,
    argv: tuple[str, ...],
    expected: Language,
    capsys: pytest.CaptureFixture[str],
    cli_asked: list[Language],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if environment:
        monkeypatch.setenv("PODIUM_LANG", environment)
    assert main([*AGENDA, *argv]) == 0
    assert cli_asked == [expected]


def test_an_english_agenda_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    main(list(AGENDA))
    english = capsys.readouterr().out
    main([*AGENDA, "--lang", "en"])
    assert capsys.readouterr().out == english
    assert "Day 1 · Thursday 12 November 2020" in english


def test_a_podium_lang_podium_does_not_have_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_LANG", "de")
    code = main(list(AGENDA))
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err == "set PODIUM_LANG to en, fr or ru (or leave it unset for English), not 'de'\n"


def test_a_lang_podium_does_not_have_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*AGENDA, "--lang", "de"])
    assert stopped.value.code == 2
    assert "'de' is not one of Podium's languages: en, fr or ru" in capsys.readouterr().err


def test_settings_read_podium_lang() -> None:
    assert Settings.from_env({}).language is None
    assert Settings.from_env({"PODIUM_LANG": " "}).language is None
    assert Settings.from_env({"PODIUM_LANG": "Русский"}).language is Language.RU
    with pytest.raises(MissingSetting, match="PODIUM_LANG"):
        Settings.from_env({"PODIUM_LANG": "klingon"})


def test_a_missing_setting_is_said_in_the_readers_language() -> None:
    with pytest.raises(MissingSetting) as missing:
        SlackSettings.from_env({})
    english = (
        "set SLACK_BOT_TOKEN (the Bot User OAuth Token (xoxb-…), under OAuth & Permissions) and "
        "SLACK_SIGNING_SECRET (the Signing Secret, under Basic Information) in the environment"
    )
    assert str(missing.value) == english
    assert missing.value.said(Catalogs()(Language.EN)) == english
    said = missing.value.said(Catalogs()(Language.FR))
    # The sentence and where each setting is found are translated; the settings' names never are.
    assert said.startswith("définissez SLACK_BOT_TOKEN (le Bot User OAuth Token (xoxb-…), sous OAuth & Permissions)")
    assert said.endswith("SLACK_SIGNING_SECRET (le Signing Secret, sous Basic Information) dans l'environnement")


def test_web_links_say_a_missing_secret_in_the_users_language(
    capsys: pytest.CaptureFixture[str], cli_asked: list[Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PODIUM_WEB_SECRET", raising=False)
    assert main(["web-links", "--lang", "ru"]) == 2
    assert cli_asked == [Language.RU]
    assert capsys.readouterr().err.startswith("podium web-links: задайте в переменных окружения PODIUM_WEB_SECRET")


def test_reload_speaks_podium_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_LANG", "fr")
    assert main(["reload", "--db", f"sqlite:///{tmp_path / 'podium.db'}"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Non relu : aucun fichier pid à {tmp_path / 'podium.pid'} : `podium serve` est-il en cours")


def test_db_upgrade_speaks_podium_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_LANG", "ru")
    assert main(["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'podium.db'}"]) == 0
    assert capsys.readouterr().out == "База данных в актуальном состоянии.\n"


def test_an_unknown_session_for_ics_is_said_in_the_users_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_LANG", "fr")
    assert main(["ics", "--session", "rt9"]) == 2
    assert capsys.readouterr().err.startswith("Il n'y a pas de séance « rt9 » ; les séances sont : opening, rt1")
