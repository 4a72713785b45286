"""Every chat command of Podium, defined once; console, Slack and Discord are all generated from this list."""

from __future__ import annotations

from dataclasses import replace

from bot.services.registry import Audience, CommandSpec, Param, ParamKind, Registry

M = Audience.MODERATOR
EXPORT_FORMATS = ("md", "html", "docx", "notes-docx", "csv", "json", "ics", "transcript-md", "transcript-json")


def command_registry() -> Registry:
    """The commands of this release; a feature adds its commands here and nowhere else."""
    return Registry((*_timetable(), _remind(), *_speaking(), _floor(), *_people(), *_submissions(), *_interests()))


def _group(name: str, summary: str, subcommands: tuple[CommandSpec, ...]) -> CommandSpec:
    return CommandSpec(name, summary, subcommands=tuple(replace(s, parent=name) for s in subcommands))


def _timetable() -> tuple[CommandSpec, ...]:
    zone = Param("zone", ParamKind.ZONE, "a time zone (Asia/Almaty) or a delegation code (KZ)")
    return (
        CommandSpec(
            "agenda",
            "The timetable in your local time, with the meeting's time beside it.",
            (Param("day", ParamKind.DAY, "1 or 2: one day only"), zone),
            example="/agenda 1 KZ",
        ),
        CommandSpec("now", "The session on now and the next one, with links and local times.", (zone,), example="/now"),
        CommandSpec(
            "session",
            "One session: times, objectives covered, links and moderators.",
            (Param("id", ParamKind.SESSION, "a session id such as rt1", required=True), zone),
            example="/session rt1",
        ),
        CommandSpec(
            "help",
            "What each command does.",
            (Param("command", ParamKind.COMMAND, "a command name, for its details"),),
            example="/help floor",
        ),
    )


def _remind() -> CommandSpec:
    session = Param("session", ParamKind.SESSION, "a session id such as rt1, or all", required=True)
    return _group(
        "remind",
        "Personal reminders, in your own time, by direct message.",
        (
            CommandSpec(
                "me",
                "Remind me before a session (or all of them), with its links.",
                (session,),
                example="/remind me rt2",
            ),
            CommandSpec("off", "Stop all my reminders.", example="/remind off"),
            CommandSpec("list", "The sessions I will be reminded of.", example="/remind list"),
        ),
    )


def _speaking() -> tuple[CommandSpec, ...]:
    kind = Param("kind", ParamKind.KIND, "statement (default), reply, question, order or right-of-reply")
    text = Param("text", ParamKind.TEXT, "the text", required=True)
    return (
        CommandSpec(
            "hand",
            "Ask for the floor in this session; a point of order interrupts the speaker.",
            (kind, Param("note", ParamKind.TEXT, "what you will speak about")),
            example="/hand statement on objective 5",
        ),
        CommandSpec("lower", "Withdraw your request for the floor.", example="/lower"),
        CommandSpec("queue", "The list of speakers, your place in it, and an estimated wait.", example="/queue"),
        CommandSpec(
            "consent",
            "Say whether your statement, not delivered, may be published as submitted in writing.",
            (
                Param("session", ParamKind.SESSION, "the session, such as rt1", required=True),
                Param("answer", ParamKind.WORD, "yes or no", required=True, choices=("yes", "no")),
            ),
            example="/consent rt1 yes",
        ),
        CommandSpec(
            "statement",
            "The text or summary of your intervention; if you are not heard, it counts as submitted in writing.",
            (replace(text, help="your statement, up to 20,000 characters"),),
            example="/statement Kazakhstan has adopted…",
        ),
        CommandSpec(
            "note",
            "A note on the current intervention, or on the session (moderators and rapporteurs).",
            (replace(text, help="the note, up to 1,000 characters"),),
            audience=Audience.NOTETAKER,
            example="/note Refers to the 2019 national action plan",
        ),
    )


def _floor() -> CommandSpec:
    user = Param("user", ParamKind.USER, "a participant, as @name", required=True)
    return _group(
        "floor",
        "Manage the list of speakers (the session's moderators, and staff).",
        (
            CommandSpec(
                "next",
                "End the current intervention and give the floor to the next speaker.",
                audience=M,
                example="/floor next",
            ),
            CommandSpec(
                "give", "Give the floor to a participant now.", (user,), audience=M, example="/floor give @olga"
            ),
            CommandSpec(
                "end",
                "End the current intervention (a point of order: the speaker it interrupted resumes).",
                audience=M,
                example="/floor end",
            ),
            CommandSpec("close", "Close the list: only points of order are taken.", audience=M, example="/floor close"),
            CommandSpec("open", "Open the list again.", audience=M, example="/floor open"),
            CommandSpec(
                "move",
                "Move a participant's request to a position in the list.",
                (user, Param("position", ParamKind.POSITION, "1 for the next speaker", required=True)),
                audience=M,
                example="/floor move @olga 1",
            ),
            CommandSpec(
                "remove", "Take a participant off the list.", (user,), audience=M, example="/floor remove @olga"
            ),
            CommandSpec(
                "limit",
                "Set the speaking time, for everyone or one category.",
                (
                    Param("duration", ParamKind.DURATION, "such as 3m or 90s, at most 24h", required=True),
                    Param("category", ParamKind.CATEGORY, "member-state, group, stakeholder…"),
                ),
                audience=M,
                example="/floor limit 2m stakeholder",
            ),
            CommandSpec(
                "last-word", "Let a participant speak last.", (user,), audience=M, example="/floor last-word @iom"
            ),
            CommandSpec("replies", "Take the rights of reply now.", audience=M, example="/floor replies"),
            CommandSpec(
                "rule",
                "Rule on the point of order that has the floor; the interrupted speaker resumes.",
                (Param("text", ParamKind.TEXT, "the chair's ruling", required=True),),
                audience=M,
                example="/floor rule The meeting has quorum; interpretation is restored.",
            ),
        ),
    )


def _people() -> tuple[CommandSpec, ...]:
    return (
        CommandSpec(
            "correct",
            "Correct an intervention's text in the record; each correction is kept with who and when.",
            (
                Param(
                    "intervention", ParamKind.WORD, "the session and number, as in the exports: rt1:6", required=True
                ),
                Param("text", ParamKind.TEXT, "the corrected text", required=True),
            ),
            audience=Audience.STAFF,
            example="/correct rt1:6 The delegation of Germany spoke on behalf of the European Union.",
        ),
        CommandSpec(
            "export",
            "Send me a file of the record: notes, the report draft, CSV, JSON, calendar or transcript.",
            (
                Param("target", ParamKind.SESSION, "a session id such as rt1, or all", required=True),
                Param(
                    "format",
                    ParamKind.WORD,
                    "md, html, docx (a session's notes; for all, the report draft), notes-docx, csv, json, ics, "
                    "transcript-md or transcript-json",
                    choices=EXPORT_FORMATS,
                ),
            ),
            audience=Audience.STAFF,
            example="/export rt1 html",
            slow=True,
        ),
        CommandSpec(
            "iam",
            "Say which delegation you speak for, if you are not on the roster; staff then verify you.",
            (
                Param(
                    "delegation", ParamKind.DELEGATION, "a State's code (KZ) or an organisation's name", required=True
                ),
                Param("category", ParamKind.CATEGORY, "member-state, observer-state, igo, un-system, stakeholder"),
            ),
            example="/iam PICUM stakeholder",
        ),
        CommandSpec(
            "zone",
            "Your time zone for every time Podium shows you: show it, set it, or reset it.",
            (Param("zone", ParamKind.ZONE, "an IANA time zone such as Asia/Vladivostok, or reset"),),
            example="/zone Asia/Vladivostok",
        ),
        CommandSpec(
            "verify",
            "Confirm a participant's self-declared delegation (staff).",
            (Param("user", ParamKind.USER, "a participant, as @name", required=True),),
            audience=Audience.STAFF,
            example="/verify @newcomer",
        ),
    )


def _submissions() -> tuple[CommandSpec, ...]:
    text = Param("text", ParamKind.TEXT, "the text, or attach it as a .txt, .md or .docx file instead")
    return (
        CommandSpec(
            "submit",
            "Send your Member State's voluntary written input (at most 5,000 words); a new one replaces it.",
            (text,),
            example="/submit < armenia-gcm-review.docx",
            takes_file=True,
        ),
        _group(
            "submissions",
            "The written submissions received (staff).",
            (
                CommandSpec(
                    "list",
                    "Each delegation's current submission: received, words, versions.",
                    audience=Audience.STAFF,
                    example="/submissions list",
                ),
                CommandSpec(
                    "add",
                    "Register a submission received by e-mail, with its file attached (staff).",
                    (Param("delegation", ParamKind.DELEGATION, "the Member State's code, such as AM", required=True),),
                    audience=Audience.STAFF,
                    example="/submissions add AM < armenia.docx",
                    takes_file=True,
                ),
            ),
        ),
    )


def _interests() -> tuple[CommandSpec, ...]:
    segment = Param("segment", ParamKind.SESSION, "the opening, a roundtable (rt1…) or the closing", required=True)
    note = Param("note", ParamKind.TEXT, "what you would speak about, or anything the secretariat should know")
    number = Param("id", ParamKind.WORD, "its number, as /interests or /interest list shows it", required=True)
    staff = Audience.STAFF
    return (
        _group(
            "interest",
            "Offer to speak at, or moderate, a segment before the meeting; the secretariat decides.",
            (
                CommandSpec(
                    "speaker", "Offer to speak at a segment.", (segment, note), example="/interest speaker rt1"
                ),
                CommandSpec(
                    "moderator", "Offer to moderate a segment.", (segment, note), example="/interest moderator rt2"
                ),
                CommandSpec(
                    "add",
                    "Add one for a participant who asked by e-mail (staff; also after the deadline).",
                    (
                        Param("user", ParamKind.USER, "the participant, as @name", required=True),
                        Param(
                            "role",
                            ParamKind.WORD,
                            "speaker or moderator",
                            required=True,
                            choices=("speaker", "moderator"),
                        ),
                        segment,
                        note,
                    ),
                    audience=staff,
                    example="/interest add @aigerim speaker opening",
                ),
                CommandSpec("list", "Your expressions of interest and what was decided.", example="/interest list"),
                CommandSpec("withdraw", "Take one back.", (number,), example="/interest withdraw 3"),
                CommandSpec(
                    "accept",
                    "Accept one (staff): a speaker is inscribed on the segment's list, in protocol order or at "
                    "POSITION; the participant is told.",
                    (number, Param("position", ParamKind.POSITION, "a place in the provisional list, 1 first")),
                    audience=staff,
                    example="/interest accept 3",
                ),
                CommandSpec(
                    "decline",
                    "Decline one (staff); the participant is told, with the reason if given.",
                    (number, Param("reason", ParamKind.TEXT, "a line for the participant")),
                    audience=staff,
                    example="/interest decline 4 The list of speakers is full.",
                ),
            ),
        ),
        CommandSpec(
            "interests",
            "The expressions of interest (staff), filtered by segment, role and status in any order.",
            (Param("filters", ParamKind.TEXT, "such as: rt1 speaker pending"),),
            audience=staff,
            example="/interests rt1 speaker pending",
        ),
    )
