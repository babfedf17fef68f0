"""The command line speaks Dutch, Click's own texts included, for every command (also ones added later)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from wmo_monitor import cli, click_nl

ENGLISH = (
    "Usage",
    "Options",
    "Commands",
    "Show this message",
    "No such",
    "Error",
    "Missing",
    "Try ",
    "Invalid",
)
ENGLISH += ("INTEGER", "FLOAT", "PATH", "TEXT", "default:", "required", "is not", "requires")
"""Words Click writes in English; none may reach a user of `wmo-monitor`."""


def _english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli.main, list(args), prog_name="wmo-monitor")


def test_main_help_is_dutch():
    output = invoke("--help").output
    assert output.startswith("Gebruik: wmo-monitor [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Opdrachten:" in output and "Toon deze hulptekst en stop." in output
    assert not _english_in(output), output


@pytest.mark.parametrize("command", sorted(cli.main.commands))
def test_every_command_help_is_dutch(command):
    output = invoke(command, "--help").output
    assert output.startswith(f"Gebruik: wmo-monitor {command} [OPTIES]"), output
    assert "Opties:" in output
    assert not _english_in(output), output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--bogus"], "Fout: Onbekende optie '--bogus'."),
        (["run", "--landingg", "x"], "Fout: Onbekende optie '--landingg'. Bedoelt u '--landing'?"),
        (["bogus"], "Fout: Onbekende opdracht 'bogus'."),
        (["generate"], "Fout: Ontbrekende optie '--out'."),
        (["serve", "--port"], "Fout: Optie '--port' heeft een waarde nodig."),
        (["serve", "--port", "abc"], "Fout: Ongeldige waarde voor '--port': 'abc' is geen geldig getal."),
        (["status", "extra"], "Fout: Onverwacht extra argument (extra)"),
    ],
)
def test_usage_errors_are_dutch(args, expected):
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.output, result.output
    assert "Zie 'wmo-monitor" in result.output or "Optie" in result.output
    assert not _english_in(result.output), result.output


def test_a_missing_argument_of_a_new_command_is_dutch_too():
    """A command added to the group gets the Dutch usage and messages without doing anything for it."""

    @cli.main.command(name="proef-argument", help="Alleen voor deze test.")
    @click.argument("naam")
    def proef(naam: str) -> None:
        del naam

    try:
        result = invoke("proef-argument")
    finally:
        del cli.main.commands["proef-argument"]
    assert result.exit_code == 2
    assert "Gebruik: wmo-monitor proef-argument [OPTIES] NAAM" in result.output
    assert "Fout: Ontbrekend argument 'NAAM'." in result.output
    assert not _english_in(result.output), result.output


def test_the_installed_command_is_dutch_in_its_own_process():
    """The real entry point (not CliRunner): Click's texts are Dutch whatever the user's locale is."""
    result = subprocess.run(
        [sys.executable, "-m", "wmo_monitor.cli", "--onbekend"],
        capture_output=True,
        text=True,
        env={"LANG": "en_US.UTF-8", "LANGUAGE": "en", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 2
    assert "Fout: Onbekende optie '--onbekend'." in result.stderr
    assert not _english_in(result.stderr), result.stderr


def _click_msgids() -> set[str]:
    """Every literal text Click passes to `_()` or `ngettext()`, read from its source."""
    import ast

    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
            ):
                found.update(
                    a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
    # One text reaches `_()` through a variable: `extra["required"] = "required"` in click.core.
    if 'extra["required"] = "required"' in Path(click.core.__file__).read_text(encoding="utf-8"):
        found.add("required")
    return found


def test_every_translated_text_still_exists_in_click():
    """After a Click upgrade a changed msgid would silently show English again; this test says which."""
    msgids = _click_msgids()
    missing = [m for m in click_nl.MESSAGES if m not in msgids]
    missing += [m for pair in click_nl.PLURALS for m in pair if m not in msgids]
    assert not missing, missing


def test_placeholders_survive_translation():
    placeholder = re.compile(r"\{[^}]*\}|%\([a-z]+\)s")
    for english, dutch in click_nl.MESSAGES.items():
        assert sorted(placeholder.findall(english)) == sorted(placeholder.findall(dutch)), english
    for pair, dutch_pair in click_nl.PLURALS.items():
        for english, dutch in zip(pair, dutch_pair, strict=True):
            assert set(placeholder.findall(dutch)) <= set(placeholder.findall(english)), english
