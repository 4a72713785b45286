"""No user-facing string bypasses gettext: a literal of words in a module that writes for people is either a
message (gettext, ngettext, pgettext, N_), a docstring, a log line, a developer's error, or says why not."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

BOT = Path(__file__).parents[2] / "bot"
# Where Podium writes for people: the renderers, the platforms, the live page, the exports, the command line.
WRITERS = ("adapters", "formats", "cli")
# Modules exempt from the check, each for the reason given. (The loaders' faults are not: they are msgids with
# fields, said in the language of the command line.)
READERS = {
    # The console script's parser reads input and writes for no one (its refusals are msgids, said where shown).
    "adapters/console/script.py",
    # A Slack app manifest has one language: the workspace's admin installs it once, in English.
    "adapters/slack/manifest.py",
    # A request that is not Slack's (junk, no signature) is answered for no person: HTTP status and reason.
    "adapters/slack/payloads.py",
    # The command line's definition for argparse: its help and listing are English, like argparse's own words.
    "cli/options.py",
    "cli/option_types.py",
}
# Two words with a space between: a dotted name or a header is not a message.
WORDS = re.compile(r"[A-Za-z]{2,}[,.:;'’()]*\s+[(]?[A-Za-z]{2,}")
MESSAGE_CALLS = {"gettext", "ngettext", "pgettext", "N_"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
DEVELOPER_ERRORS = {"TypeError", "ValueError", "AssertionError", "LookupError", "KeyError", "RuntimeError"}
# What a platform adapter answers a request that is not one (a bad signature, junk): HTTP, for no person.
PROTOCOL_ERRORS = {"Rejected"}
# argparse's words are read before the language is known (`--lang` is one of the options): its help, and a value
# its types refuse, stay in English like argparse's own "usage:" (docs/LANGUAGES.md says so).
ARGPARSE_ERRORS = {"ArgumentTypeError"}
ARGPARSE_TEXT = {"help", "description", "epilog", "usage"}
EXEMPT = "# not user-facing"


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _exempt_nodes(tree: ast.Module) -> set[int]:
    """Ids of the literals that are not messages by where they stand."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            exempt.add(id(first.value))  # a docstring
        inside = None
        if isinstance(node, ast.Call) and (_name(node) in MESSAGE_CALLS or _name(node) in LOG_CALLS):
            inside = node
        raised = node.exc if isinstance(node, ast.Raise) else None
        if isinstance(raised, ast.Call) and _name(raised) in DEVELOPER_ERRORS | PROTOCOL_ERRORS | ARGPARSE_ERRORS:
            inside = raised
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            inside = node  # type: ignore[assignment]
        if isinstance(node, ast.keyword) and node.arg in ARGPARSE_TEXT:
            inside = node.value  # type: ignore[assignment]
        if inside is not None:
            exempt.update(id(child) for child in ast.walk(inside))
    return exempt


def _bypassing(source: str, where: str) -> Iterator[str]:
    lines = source.splitlines()
    tree = ast.parse(source)
    exempt = _exempt_nodes(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in exempt:
            continue
        # The reason may stand on the literal's lines or on a comment line just above them.
        said = range(node.lineno - 1, (node.end_lineno or node.lineno) + 1)
        if WORDS.search(node.value) and not any(EXEMPT in lines[n - 1] for n in said if n > 0):
            yield f"{where}:{node.lineno}: {node.value[:60]!r}"


def test_no_user_facing_string_bypasses_gettext() -> None:
    modules = [p for folder in WRITERS for p in sorted((BOT / folder).rglob("*.py"))]
    assert len(modules) > 50
    named = [(str(path.relative_to(BOT)), path) for path in modules]
    found = [hit for name, path in named if name not in READERS for hit in _bypassing(path.read_text(), name)]
    assert not found, f"{len(found)} literals bypass gettext (wrap them, or say '{EXEMPT}: why'):\n" + "\n".join(
        found[:40]
    )


def test_the_check_finds_a_sentence_outside_gettext_only() -> None:
    """The check above can fail: a plain English sentence is found; through gettext, in a log line, a docstring or
    marked as not user-facing, it is not."""
    sample = (
        "def f(tr, log):\n"
        '    """Say what is on now."""\n'
        '    log.info("nothing on now")\n'
        '    a = tr.gettext("No session is on now.")\n'
        '    b = "css class name"  # not user-facing: a style\n'
        "    # not user-facing: the operator's log\n"
        '    c = "Slack over Socket Mode"\n'
        '    return "No session is on now."\n'
    )
    assert [hit.split(":")[1] for hit in _bypassing(sample, "probe.py")] == ["8"]
