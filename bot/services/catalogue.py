"""Every chat command of Podium, defined once; console, Slack and Discord are all generated from this list."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.language import N_
from bot.services.registry import Audience, CommandSpec, Param, ParamKind, Registry

M = Audience.MODERATOR
EXPORT_FORMATS = ("md", "html", "docx", "notes-docx", "csv", "json", "ics", "transcript-md", "transcript-json")


def command_registry() -> Registry:
    """The commands of this release; a feature adds its commands here and nowhere else."""
    return Registry((*_timetable(), _remind(), *_speaking(), _floor(), *_people(), *_submissions(), *_interests()))


def _group(name: str, summary: str, subcommands: tuple[CommandSpec, ...]) -> CommandSpec:
    return CommandSpec(name, summary, subcommands=tuple(replace(s, parent=name) for s in subcommands))


def _timetable() -> tuple[CommandSpec, ...]:
    zone = Param("zone", ParamKind.ZONE, N_("a time zone (Asia/Almaty) or a delegation code (KZ)"))
    return (
        CommandSpec(
            "agenda",
            N_("The timetable in your local time, with the meeting's time beside it."),
            (Param("day", ParamKind.DAY, N_("1 or 2: one day only")), zone),
            example="/agenda 1 KZ",
        ),
        CommandSpec(
            "now", N_("The session on now and the next one, with links and local times."), (zone,), example="/now"
        ),
        CommandSpec(
            "session",
            N_("One session: times, objectives covered, links and moderators."),
            (Param("id", ParamKind.SESSION, N_("a session id such as rt1"), required=True), zone),
            example="/session rt1",
        ),
        CommandSpec(
            "help",
            N_("What each command does."),
            (Param("command", ParamKind.COMMAND, N_("a command name, for its details")),),
            example="/help floor",
        ),
    )


def _remind() -> CommandSpec:
    session = Param("session", ParamKind.SESSION, N_("a session id such as rt1, or all"), required=True)
    return _group(
        "remind",
        N_("Personal reminders, in your own time, by direct message."),
        (
            CommandSpec(
                "me",
                N_("Remind me before a session (or all of them), with its links."),
                (session,),
                example="/remind me rt2",
            ),
            CommandSpec("off", N_("Stop all my reminders."), example="/remind off"),
            CommandSpec("list", N_("The sessions I will be reminded of."), example="/remind list"),
        ),
    )


def _speaking() -> tuple[CommandSpec, ...]:
    kind = Param("kind", ParamKind.KIND, N_("statement (default), reply, question, order or right-of-reply"))
    text = Param("text", ParamKind.TEXT, N_("the text"), required=True)
    return (
        CommandSpec(
            "hand",
            N_("Ask for the floor in this session; a point of order interrupts the speaker."),
            (kind, Param("note", ParamKind.TEXT, N_("what you will speak about"))),
            example=N_("/hand statement on objective 5"),
        ),
        CommandSpec("lower", N_("Withdraw your request for the floor."), example="/lower"),
        CommandSpec("queue", N_("The list of speakers, your place in it, and an estimated wait."), example="/queue"),
        CommandSpec(
            "consent",
            N_("Say whether your statement, not delivered, may be published as submitted in writing."),
            (
                Param("session", ParamKind.SESSION, N_("the session, such as rt1"), required=True),
                Param("answer", ParamKind.WORD, N_("yes or no"), required=True, choices=("yes", "no")),
            ),
            example="/consent rt1 yes",
        ),
        CommandSpec(
            "statement",
            N_("The text or summary of your intervention; if you are not heard, it counts as submitted in writing."),
            (replace(text, help=N_("your statement, up to 20,000 characters")),),
            example=N_("/statement Kazakhstan has adopted…"),
        ),
        CommandSpec(
            "note",
            N_("A note on the current intervention, or on the session (moderators and rapporteurs)."),
            (replace(text, help=N_("the note, up to 1,000 characters")),),
            audience=Audience.NOTETAKER,
            example=N_("/note Refers to the 2019 national action plan"),
        ),
    )


def _floor() -> CommandSpec:
    user = Param("user", ParamKind.USER, N_("a participant, as @name"), required=True)
    return _group(
        "floor",
        N_("Manage the list of speakers (the session's moderators, and staff)."),
        (
            CommandSpec(
                "next",
                N_("End the current intervention and give the floor to the next speaker."),
                audience=M,
                example="/floor next",
            ),
            CommandSpec(
                "give", N_("Give the floor to a participant now."), (user,), audience=M, example="/floor give @olga"
            ),
            CommandSpec(
                "end",
                N_("End the current intervention (a point of order: the speaker it interrupted resumes)."),
                audience=M,
                example="/floor end",
            ),
            CommandSpec(
                "close", N_("Close the list: only points of order are taken."), audience=M, example="/floor close"
            ),
            CommandSpec("open", N_("Open the list again."), audience=M, example="/floor open"),
            CommandSpec(
                "move",
                N_("Move a participant's request to a position in the list."),
                (user, Param("position", ParamKind.POSITION, N_("1 for the next speaker"), required=True)),
                audience=M,
                example="/floor move @olga 1",
            ),
            CommandSpec(
                "remove", N_("Take a participant off the list."), (user,), audience=M, example="/floor remove @olga"
            ),
            CommandSpec(
                "limit",
                N_("Set the speaking time, for everyone or one category."),
                (
                    Param("duration", ParamKind.DURATION, N_("such as 3m or 90s, at most 24h"), required=True),
                    Param("category", ParamKind.CATEGORY, N_("member-state, group, stakeholder…")),
                ),
                audience=M,
                example="/floor limit 2m stakeholder",  # not user-facing: command syntax, shown as typed
            ),
            CommandSpec(
                "last-word", N_("Let a participant speak last."), (user,), audience=M, example="/floor last-word @iom"
            ),
            CommandSpec("replies", N_("Take the rights of reply now."), audience=M, example="/floor replies"),
            CommandSpec(
                "rule",
                N_("Rule on the point of order that has the floor; the interrupted speaker resumes."),
                (Param("text", ParamKind.TEXT, N_("the chair's ruling"), required=True),),
                audience=M,
                example=N_("/floor rule The meeting has quorum; interpretation is restored."),
            ),
        ),
    )


def _people() -> tuple[CommandSpec, ...]:
    return (
        CommandSpec(
            "correct",
            N_("Correct an intervention's text in the record; each correction is kept with who and when."),
            (
                Param(
                    "intervention",
                    ParamKind.WORD,
                    N_("the session and number, as in the exports: rt1:6"),
                    required=True,
                ),
                Param("text", ParamKind.TEXT, N_("the corrected text"), required=True),
            ),
            audience=Audience.STAFF,
            example=N_("/correct rt1:6 The delegation of Germany spoke on behalf of the European Union."),
        ),
        CommandSpec(
            "export",
            N_("Send me a file of the record: notes, the report draft, CSV, JSON, calendar or transcript."),
            (
                Param("target", ParamKind.SESSION, N_("a session id such as rt1, or all"), required=True),
                Param(
                    "format",
                    ParamKind.WORD,
                    N_(
                        "md, html, docx (a session's notes; for all, the report draft), notes-docx, csv, json, ics, "
                        "transcript-md or transcript-json"
                    ),
                    choices=EXPORT_FORMATS,
                ),
            ),
            audience=Audience.STAFF,
            example="/export rt1 html",
            slow=True,
        ),
        CommandSpec(
            "iam",
            N_("Say which delegation you speak for, if you are not on the roster; staff then verify you."),
            (
                Param(
                    "delegation",
                    ParamKind.DELEGATION,
                    N_("a State's code (KZ) or an organisation's name"),
                    required=True,
                ),
                Param("category", ParamKind.CATEGORY, N_("member-state, observer-state, igo, un-system, stakeholder")),
            ),
            example="/iam PICUM stakeholder",  # not user-facing: command syntax, shown as typed
        ),
        CommandSpec(
            "zone",
            N_("Your time zone for every time Podium shows you: show it, set it, or reset it."),
            (Param("zone", ParamKind.ZONE, N_("an IANA time zone such as Asia/Vladivostok, or reset")),),
            example="/zone Asia/Vladivostok",
        ),
        CommandSpec(
            "language",
            N_("The language Podium writes to you in: show it, set it, or reset it."),
            (Param("language", ParamKind.WORD, N_("en, fr or ru (English, français, русский), or reset")),),
            example="/language fr",
        ),
        CommandSpec(
            "verify",
            N_("Confirm a participant's self-declared delegation (staff)."),
            (Param("user", ParamKind.USER, N_("a participant, as @name"), required=True),),
            audience=Audience.STAFF,
            example="/verify @newcomer",
        ),
    )


def _submissions() -> tuple[CommandSpec, ...]:
    text = Param("text", ParamKind.TEXT, N_("the text, or attach it as a .txt, .md or .docx file instead"))
    return (
        CommandSpec(
            "submit",
            N_("Send your Member State's voluntary written input (at most 5,000 words); a new one replaces it."),
            (text,),
            example="/submit < armenia-gcm-review.docx",
            takes_file=True,
        ),
        _group(
            "submissions",
            N_("The written submissions received (staff)."),
            (
                CommandSpec(
                    "list",
                    N_("Each delegation's current submission: received, words, versions."),
                    audience=Audience.STAFF,
                    example="/submissions list",
                ),
                CommandSpec(
                    "add",
                    N_("Register a submission received by e-mail, with its file attached (staff)."),
                    (
                        Param(
                            "delegation", ParamKind.DELEGATION, N_("the Member State's code, such as AM"), required=True
                        ),
                    ),
                    audience=Audience.STAFF,
                    example="/submissions add AM < armenia.docx",  # not user-facing: command syntax, shown as typed
                    takes_file=True,
                ),
            ),
        ),
    )


def _interests() -> tuple[CommandSpec, ...]:
    segment = Param("segment", ParamKind.SESSION, N_("the opening, a roundtable (rt1…) or the closing"), required=True)
    note = Param("note", ParamKind.TEXT, N_("what you would speak about, or anything the secretariat should know"))
    number = Param("id", ParamKind.WORD, N_("its number, as /interests or /interest list shows it"), required=True)
    staff = Audience.STAFF
    return (
        _group(
            "interest",
            N_("Offer to speak at, or moderate, a segment before the meeting; the secretariat decides."),
            (
                CommandSpec(
                    "speaker", N_("Offer to speak at a segment."), (segment, note), example="/interest speaker rt1"
                ),
                CommandSpec(
                    "moderator", N_("Offer to moderate a segment."), (segment, note), example="/interest moderator rt2"
                ),
                CommandSpec(
                    "add",
                    N_("Add one for a participant who asked by e-mail (staff; also after the deadline)."),
                    (
                        Param("user", ParamKind.USER, N_("the participant, as @name"), required=True),
                        Param(
                            "role",
                            ParamKind.WORD,
                            N_("speaker or moderator"),
                            required=True,
                            choices=("speaker", "moderator"),
                        ),
                        segment,
                        note,
                    ),
                    audience=staff,
                    example="/interest add @aigerim speaker opening",  # not user-facing: command syntax, shown as typed
                ),
                CommandSpec("list", N_("Your expressions of interest and what was decided."), example="/interest list"),
                CommandSpec("withdraw", N_("Take one back."), (number,), example="/interest withdraw 3"),
                CommandSpec(
                    "accept",
                    N_(
                        "Accept one (staff): a speaker is inscribed on the segment's list, in protocol order or at "
                        "POSITION; the participant is told."
                    ),
                    (number, Param("position", ParamKind.POSITION, N_("a place in the provisional list, 1 first"))),
                    audience=staff,
                    example="/interest accept 3",
                ),
                CommandSpec(
                    "decline",
                    N_("Decline one (staff); the participant is told, with the reason if given."),
                    (number, Param("reason", ParamKind.TEXT, N_("a line for the participant"))),
                    audience=staff,
                    example=N_("/interest decline 4 The list of speakers is full."),
                ),
            ),
        ),
        CommandSpec(
            "interests",
            N_("The expressions of interest (staff), filtered by segment, role and status in any order."),
            (Param("filters", ParamKind.TEXT, N_("such as: rt1 speaker pending")),),
            audience=staff,
            example="/interests rt1 speaker pending",  # not user-facing: command syntax, shown as typed
        ),
    )
