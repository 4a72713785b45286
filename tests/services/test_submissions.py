"""Written submissions through the command service on a SQLite file: kept, refused (changing nothing), replaced."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import docx
import pytest

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.domain.submissions import Submission
from bot.services.commands import CommandService, Invocation
from bot.services.context import Attachment
from bot.services.views import AckView, DeadlineView, RefusalView, SubmissionsView, View, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.wiring import command_service
from tests.words import plain

CET = ZoneInfo("Europe/Zurich")
BEFORE = datetime(2020, 10, 30, 15, 0, tzinfo=CET)


@pytest.fixture
def service(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> CommandService:
    clock.set(BEFORE)
    return command_service(gcm, directory, clock, database)


def words(count: int) -> bytes:
    return ("migration " * count).encode()


def word_file(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def answer(service: CommandService, actor: str, command: str, text: str = "", *files: Attachment) -> View:
    posts = await service.handle(Invocation(actor, command, text, "gcm-review", attachments=files))
    assert len(posts) == 1
    assert (posts[0].visibility, posts[0].recipient) == (Visibility.PRIVATE, actor)
    return posts[0].view


async def stored(database: Database) -> list[Submission]:
    async with database.uow() as uow:
        return list(await uow.submissions.all("unece-gcm-review-2020"))


async def test_a_member_state_submits_4800_words_from_a_file_and_it_is_kept(
    service: CommandService, database: Database
) -> None:
    view = await answer(service, "armen", "submit", "", Attachment("armenia.txt", words(4800)))
    assert view == AckView("submission_kept", {"delegation": "Armenia", "words": 4800, "version": 1})
    assert plain(view).startswith("The written submission of Armenia is kept: 4,800 words.")
    [kept] = await stored(database)
    assert (kept.delegation, kept.words, kept.version, kept.file_name, kept.submitted_by) == (
        "AM",
        4800,
        1,
        "armenia.txt",
        "armen",
    )


async def test_5100_words_are_refused_with_the_count_and_nothing_is_kept(
    service: CommandService, database: Database
) -> None:
    view = await answer(service, "armen", "submit", "", Attachment("armenia.txt", words(5100)))
    assert isinstance(view, RefusalView)
    assert plain(view) == "The text has 5,100 words; the limit is 5,000. Shorten it and send it again."
    assert await stored(database) == []


async def test_one_second_after_the_deadline_it_is_refused_with_the_deadline_in_the_readers_time(
    service: CommandService, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2020, 11, 1, 0, 0, 1, tzinfo=CET))
    view = await answer(service, "sarah", "submit", "The United States' input.")
    assert isinstance(view, DeadlineView)
    # New York was still on summer time on 31 October 2020 (the US changed on 1 November): 18:59, not 17:59.
    assert plain(view).startswith(
        "Written submissions closed on 31 October 2020 at 18:59 EDT [23:59 CET]; nothing was kept."
    )
    assert await stored(database) == []


async def test_the_last_second_of_31_october_is_on_time(service: CommandService, clock: FakeClock) -> None:
    clock.set(datetime(2020, 10, 31, 23, 59, 59, tzinfo=CET))
    view = await answer(service, "sarah", "submit", "The United States' input.")
    assert isinstance(view, AckView)
    assert view.code == "submission_kept"


async def test_a_new_submission_replaces_the_current_one_and_keeps_the_earlier(
    service: CommandService, database: Database
) -> None:
    await answer(service, "nino", "submit", "First draft of Georgia's input.")
    view = await answer(service, "nino", "submit", "", Attachment("georgia.docx", word_file("საქართველო\n\nFinal.")))
    assert view == AckView("submission_replaced", {"delegation": "Georgia", "words": 2, "version": 2})
    assert [(s.version, s.words) for s in await stored(database)] == [(1, 5), (2, 2)]
    listing = await answer(service, "secretariat", "submissions", "list")
    assert isinstance(listing, SubmissionsView)
    assert [(line.delegation_name, line.words, line.version) for line in listing.lines] == [("Georgia", 2, 2)]
    assert "Georgia: 2 words, received 30 October 2020 at 15:00 CET, version 2" in plain(listing)


@pytest.mark.parametrize(
    ("actor", "text", "files", "expected"),
    [
        ("picum", "Our input.", (), "The call for written inputs invites Member States; ask the secretariat if a "),
        ("guest", "Our input.", (), "Written inputs are sent for a Member State, and you are on no delegation"),
        ("armen", " ", (), "There is no text: write it after /submit, or attach it as a .txt, .md or .docx file."),
        ("armen", "", (Attachment("a.pdf", b"%PDF"),), "a.pdf: Podium reads .txt, .md and .docx files"),
        ("armen", "", (Attachment("a.docx", b"not a zip"),), "a.docx could not be opened as a Word document"),
        ("armen", "typed too", (Attachment("a.txt", b"text"),), "Send the text or a file, not both."),
        ("armen", "", (Attachment("a.txt", b"a"), Attachment("b.txt", b"b")), "Attach one file, not 2."),
        ("armen", "", (Attachment("a.txt", b"\xff\xfe bad"),), "a.txt is not UTF-8 text"),
    ],
)
async def test_each_refusal_says_what_to_do_and_changes_nothing(
    service: CommandService,
    database: Database,
    actor: str,
    text: str,
    files: tuple[Attachment, ...],
    expected: str,
) -> None:
    view = await answer(service, actor, "submit", text, *files)
    assert isinstance(view, RefusalView)
    assert plain(view).startswith(expected)
    assert await stored(database) == []


async def test_staff_register_one_received_by_e_mail_even_after_the_deadline(
    service: CommandService, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2020, 11, 2, 9, 0, tzinfo=CET))
    view = await answer(service, "secretariat", "submissions", "add KZ", Attachment("kz.md", b"# Kazakhstan\n\nText."))
    # "# Kazakhstan" is one word: a lone "#" holds no letter or digit.
    assert view == AckView("submission_kept", {"delegation": "Kazakhstan", "words": 2, "version": 1})
    [kept] = await stored(database)
    assert (kept.delegation, kept.submitted_by) == ("KZ", "secretariat")


async def test_only_staff_list_or_register_submissions(service: CommandService) -> None:
    for text in ("list", "add KZ"):
        view = await answer(service, "armen", "submissions", text, Attachment("kz.md", b"text"))
        assert isinstance(view, RefusalView)
        assert view.code == "not_allowed"


async def test_an_unknown_state_code_is_refused(service: CommandService) -> None:
    view = await answer(service, "secretariat", "submissions", "add XX", Attachment("x.md", b"text"))
    assert plain(view) == "'XX' is not a Member State's code, such as AM or KZ."


async def test_a_files_control_characters_and_bidi_overrides_are_cleaned_where_it_enters(
    service: CommandService, database: Database
) -> None:
    hostile = "Armenia\x00 calls\u202e for\x07 regular pathways".encode()
    view = await answer(service, "armen", "submit", "", Attachment("arme\x00nia\u202e.txt", hostile))
    assert isinstance(view, AckView)
    [kept] = await stored(database)
    assert kept.text == "Armenia calls for regular pathways"  # PostgreSQL refuses a NUL: none is stored
    assert kept.file_name == "armenia.txt"
