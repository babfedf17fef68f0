"""Click in Dutch: its own texts (usage, help option, error messages, type names) for every `wmo-monitor` command.

Click translates its texts with `gettext.gettext`/`ngettext` (imported per module as `_` and `ngettext`) in the
global gettext domain, and which catalog that finds depends on the user's locale. Our users get Dutch whatever
their locale is, so `install()` binds those names in Click's modules to a translation object with the catalog
below instead; unknown texts stay as Click wrote them, and a test checks every msgid still exists in Click.
The usage line's placeholders are not translated by Click: `DutchGroup` gives every command Dutch ones.
"""

from __future__ import annotations

import gettext
import importlib

import click

MESSAGES: dict[str, str] = {
    # Help screens
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "env var: {var}": "omgevingsvariabele: {var}",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "(dynamic)": "(dynamisch)",
    "deprecated": "verouderd",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Let op: de opdracht {name!r} is verouderd.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Let op: {param_type} {name!r} is verouderd.{extra_message}"
    ),
    # Errors
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een opdracht.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekende {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid start character for option ({option})": "Ongeldig beginteken voor een optie ({option})",
    "Option {name!r} does not take a value.": "Optie {name!r} krijgt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} krijgt {nargs} waarden.",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    # Values and their types
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde. Mogelijk: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    # Prompts
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
}
"""Click's msgid -> the Dutch text; placeholders kept exactly."""

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Verwacht {nargs} waarden, maar kreeg er 1.",
        "Verwacht {nargs} waarden, maar kreeg er {len}.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Er zijn {len_type} waarden nodig, maar er is er {len_value} gegeven.",
        "Er zijn {len_type} waarden nodig, maar er zijn er {len_value} gegeven.",
    ),
}
"""(singular, plural) msgids -> the Dutch pair; Dutch, like English, uses the singular for exactly 1."""

TYPE_NAMES: dict[click.ParamType, str] = {
    click.INT: "getal",
    click.FLOAT: "kommagetal",
    click.STRING: "tekst",
    click.BOOL: "ja-nee",
    click.UUID: "uuid",
}
"""Click's shared type objects -> Dutch names; the name is the metavar in help (GETAL) and is used in errors."""

CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)
"""Click's modules that show texts to a user (its shell completion and editor helpers are not used here)."""


class DutchCatalog(gettext.NullTranslations):
    """The translation object: a dictionary instead of a .mo file, so no build step and no locale needed."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return singular if n == 1 else plural


CATALOG = DutchCatalog()


def install() -> None:
    """Make Click speak Dutch in this process; call before the commands are declared (Path names its type then)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = CATALOG.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = CATALOG.ngettext
    for param_type, dutch in TYPE_NAMES.items():
        param_type.name = dutch


class DutchCommand(click.Command):
    """A command whose usage line reads `[OPTIES]` instead of Click's `[OPTIONS]`."""

    def __init__(self, *args, options_metavar: str | None = "[OPTIES]", **kwargs) -> None:
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


class DutchGroup(click.Group):
    """The top-level group: `OPDRACHT [ARGUMENTEN]...` in its usage, and Dutch usage for every command in it."""

    command_class = DutchCommand

    def __init__(self, *args, options_metavar: str | None = "[OPTIES]", **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


DutchGroup.group_class = DutchGroup
