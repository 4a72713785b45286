"""Written submissions from Slack: a slash command carries no file, so a message shortcut sends the shared one."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import docx

from tests.slack.harness import Running, running_slack

BEFORE_THE_DEADLINE = datetime(2020, 10, 30, 15, 0, tzinfo=UTC)


def word_file(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def answers(slack: Running, user: str) -> list[str]:
    await slack.slack.wait_for("response_url")
    return [str(call.args.get("text")) for call in slack.slack.calls_to("response_url") if user in call.path]


async def test_a_shared_word_file_is_submitted_with_the_shortcut(tmp_path: Path) -> None:
    async with running_slack(tmp_path, BEFORE_THE_DEADLINE) as slack:
        shared = slack.slack.share("armenia.docx", word_file("Հայաստան " * 4800))
        status, _ = await slack.shortcut("armen", [shared])
        assert status == 200
        assert await answers(slack, "armen") == [
            "The written submission of Armenia is kept: 4,800 words. A new one replaces it; every version is kept."
        ]
        [download] = slack.slack.calls_to("files.download")
        assert download.args == {"name": "armenia.docx"}
        async with slack.podium.uow() as uow:
            [kept] = await uow.submissions.all(slack.podium.meeting.id)
        assert (kept.delegation, kept.file_name, kept.words) == ("AM", "armenia.docx", 4800)


async def test_a_message_without_a_file_or_with_a_huge_one_is_refused_without_fetching(tmp_path: Path) -> None:
    async with running_slack(tmp_path, BEFORE_THE_DEADLINE) as slack:
        await slack.shortcut("armen", [])
        huge = {"name": "big.docx", "size": 50 * 1024 * 1024, "url_private_download": "https://files.slack.com/x"}
        await slack.shortcut("nino", [huge])
        await slack.slack.wait_for("response_url", 2)
        texts = [str(call.args.get("text")) for call in slack.slack.calls_to("response_url")]
        assert texts[0].startswith("There is no text: write it after /submit, or attach it")
        assert texts[1] == "big.docx is 50.0 MB; a submission file may be at most 5 MB"
        assert slack.slack.calls_to("files.download") == []


async def test_a_file_on_another_host_is_not_fetched_with_the_bot_token(tmp_path: Path) -> None:
    async with running_slack(tmp_path, BEFORE_THE_DEADLINE) as slack:
        elsewhere = {"name": "a.txt", "size": 10, "url_private_download": "https://attacker.invalid/a.txt"}
        await slack.shortcut("armen", [elsewhere])
        [text] = await answers(slack, "armen")
        assert text.startswith("Podium could not fetch the file from Slack")
        async with slack.podium.uow() as uow:
            assert await uow.submissions.all(slack.podium.meeting.id) == ()
