"""`podium web-links`, the keys it prints, and `--web` without a secret: one line saying what to set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.adapters.web.keys import KEY_CHARS, Keys
from bot.config import MissingSetting, WebSettings
from tests.adapters.cli_support import run

SECRET = "a-secret-for-the-links-test"


def test_web_links_prints_each_sessions_display_and_the_moderators_links(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODIUM_WEB_SECRET", SECRET)
    code, out, err = run(
        capsys, "web-links", "--base-url", "https://live.example.org/", "--roster", "schedules/demo-roster-2020.toml"
    )
    assert (code, err) == (0, "")
    keys = Keys(SECRET.encode())
    assert f"https://live.example.org/s/rt1?key={keys.session_key('rt1')}" in out
    assert f"https://live.example.org/agenda?key={keys.agenda_key('unece-gcm-review-2020')}" in out
    assert "/s/break-1" not in out  # breaks have no list of speakers
    # The roundtable's moderator, until the list closes 15 minutes after the session (12:55 CET).
    until = int(datetime(2020, 11, 12, 11, 55, tzinfo=UTC).timestamp())
    assert f"https://live.example.org/m/rt1?as=mod-rt1&until={until}&sig=" in out


def test_without_a_secret_web_links_and_web_say_what_to_set_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PODIUM_WEB_SECRET", raising=False)
    code, out, err = run(capsys, "web-links")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "PODIUM_WEB_SECRET" in err
    code, _, err = run(capsys, "demo", "--web")
    assert code == 2
    assert err.startswith("podium demo --web: set PODIUM_WEB_SECRET")
    with pytest.raises(MissingSetting):
        WebSettings.from_env({"PODIUM_WEB_SECRET": "short"})


def test_keys_are_distinct_per_session_and_kind_and_need_the_secret() -> None:
    keys, other = Keys(SECRET.encode()), Keys(b"another-secret-entirely")
    assert len(keys.session_key("rt1")) == KEY_CHARS
    made = {keys.session_key("rt1"), keys.session_key("rt2"), keys.agenda_key("rt1"), other.session_key("rt1")}
    assert len(made) == 4
    assert keys.opens_session("rt1", keys.session_key("rt1"))
    assert not keys.opens_session("rt1", keys.session_key("rt1").upper())
    assert not keys.opens_session("rt1", "")
