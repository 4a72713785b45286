"""The crash test's judge, on a made-up record: it finds what is lost or doubled, and says why."""

from __future__ import annotations

from collections import Counter

from tests.reliability.load import Command, answer_text
from tests.reliability.record import Stored, compare

HAND_OK = "You are on the list of rt1 for a statement: number 1, you are next."


def command(user: str, name: str, trigger: str, *, status: int | None = 200, answer: str = "") -> Command:
    text = f"Statement of {user}" if name == "/statement" else ""
    return Command(user, name, text, trigger, attempts=1, status=status, answer=answer)


def test_a_complete_record_has_nothing_lost_or_doubled() -> None:
    sent = [command("U1", "/hand", "t1", answer=HAND_OK), command("U1", "/statement", "t2")]
    report = compare(sent, Stored({"U1": ["Statement of U1"]}, Counter({"t1": 1, "t2": 1})))
    assert report.summary() == "sent 2, acknowledged 2, lost 0, doubled 0"
    assert report.details() == ""


def test_an_acknowledged_hand_without_its_entry_is_lost_with_its_answer() -> None:
    sent = [command("U1", "/hand", "t1"), command("U2", "/hand", "t2", status=None)]
    report = compare(sent, Stored({}, Counter({"t1": 1})))
    assert report.summary() == "sent 2, acknowledged 1, lost 1, doubled 0"
    assert "1 /hand answered with a bare 200" in report.details()
    assert "U1 has no entry on the list of rt1" in report.details()
    assert "never acknowledged: /hand by U2 [t2]" in report.details()


def test_a_statement_missing_from_the_entry_is_lost() -> None:
    sent = [command("U1", "/hand", "t1", answer=HAND_OK), command("U1", "/statement", "t2", answer="Your statement")]
    report = compare(sent, Stored({"U1": [None]}, Counter({"t1": 1, "t2": 1})))
    ((lost, why),) = report.lost
    assert (lost.trigger_id, why) == ("t2", "the entry's statement is None")


def test_two_entries_or_a_request_id_logged_twice_are_doubled() -> None:
    sent = [command("U1", "/hand", "t1", answer=HAND_OK)]
    report = compare(sent, Stored({"U1": [None, None]}, Counter({"t1": 2})))
    assert report.doubled == ["U1 has 2 entries on the list of rt1", "request id t1 is in the transcript 2 times"]


def test_an_answer_is_the_json_text_or_the_raw_body() -> None:
    assert answer_text('{"response_type": "ephemeral", "text": "hello"}') == "hello"
    assert answer_text("") == ""
    assert answer_text("[1]") == "[1]"
