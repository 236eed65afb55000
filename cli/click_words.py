"""Click's own words in Dutch: the headings of ``--help`` and its usage errors.

Click marks its strings for gettext and looks each up, at the moment it is used,
through the ``_`` and ``ngettext`` its modules import from :mod:`gettext`. Those
look in the process's message catalogue by the locale, not by ``--lang``; so
:func:`speak` points the names in click's modules at this table for Dutch and back
at :mod:`gettext`'s own for English. A string click adds later and this table
lacks stays English, and ``tests/cli/test_click_words.py`` names it.
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # --help loads this module: nothing more than it needs
    from .texts import Lang

__all__ = ["DUTCH", "refresh", "speak", "word"]

#: The click modules that translate strings of their own.
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")

#: Click's strings in Dutch (its message ids, singular and plural apart).
DUTCH: dict[str, str] = {
    "Usage:": "Gebruik:",
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]...",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Hulp: '{command} {option}'.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "No such command {name!r}.": "Het commando {name!r} bestaat niet.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing command.": "Er ontbreekt een commando.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "De optie {name!r} neemt geen waarde.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} requires an argument.": "De optie {name!r} vraagt om een waarde.",
    "Option {name!r} requires {nargs} arguments.": "De optie {name!r} vraagt om {nargs} waarden.",
    "Argument {name!r} takes {nargs} values.": "Het argument {name!r} neemt {nargs} waarden.",
    "Takes {nargs} values but 1 was given.": "Neemt {nargs} waarden, maar kreeg er 1.",
    "Takes {nargs} values but {len} were given.": "Neemt {nargs} waarden, maar kreeg er {len}.",
    "Did you mean {possibility}?": "Bedoel je {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoel je een van: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal ({number_type}).",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{value!r} does not match the format {format}.": "{value!r} past niet bij de vorm {format}.",
    "{value!r} does not match the formats {formats}.": (
        "{value!r} past bij geen van de vormen {formats}."
    ),
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": (
        "Kan het bestand {filename!r} niet openen: {message}"
    ),
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "deprecated": "verouderd",
    "(dynamic)": "(wisselend)",
    "Aborted!": "Afgebroken!",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Do you want to continue?": "Wil je doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Press any key to continue...": "Druk op een toets om verder te gaan...",
    "unknown error": "onbekende fout",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen ja of nee. Wel: {states}"
    ),
    "Choice({choices})": "Keuze({choices})",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Let op: het commando {name!r} verdwijnt.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Let op: {param_type} {name!r} verdwijnt.{extra_message}"
    ),
    # Said to whoever writes a command, not to a user; translated all the same.
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Een argument heeft precies één declaratie, niet {length}: {decls}."
    ),
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "De ja/nee-optie {decl!r} kan niet dezelfde vlag voor ja en nee gebruiken."
    ),
    "Could not determine name for option with declarations {decls!r}": (
        "Geen naam te bepalen voor de optie met declaraties {decls!r}"
    ),
    "Invalid start character for option ({option})": "Ongeldig eerste teken in optie ({option})",
    "Name '{name}' defined twice": "De naam '{name}' is twee keer gedefinieerd",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": (
        "Geen opties gedefinieerd, maar wel een naam ({name}). Bedoel je een argument? "
        "Of '--{name}'?"
    ),
    "Unknown color {colour!r}": "Onbekende kleur {colour!r}",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "{len_type} values are required, but {len_value} was given.": (
        "Er zijn {len_type} waarden nodig, maar er kwam er {len_value}."
    ),
    "{len_type} values are required, but {len_value} were given.": (
        "Er zijn {len_type} waarden nodig, maar er kwamen er {len_value}."
    ),
}


#: The language click speaks now (:func:`speak`).
_SPOKEN: list[Lang] = ["en"]


def _dutch(message: str) -> str:
    return DUTCH.get(message, message)


def word(message: str) -> str:
    """One of click's strings in the language it speaks now."""
    return _dutch(message) if _SPOKEN[0] == "nl" else gettext.gettext(message)


def _dutch_plural(singular: str, plural: str, n: int) -> str:
    return _dutch(singular if n == 1 else plural)


def speak(lang: Lang) -> None:
    """From now on click says its own words (``--help``, usage errors) in ``lang``."""
    _SPOKEN[0] = lang
    words: Callable[[str], str] = _dutch if lang == "nl" else gettext.gettext
    plural: Callable[[str, str, int], str] = _dutch_plural if lang == "nl" else gettext.ngettext
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = words  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plural  # type: ignore[attr-defined]


def refresh(command: click.Command) -> None:
    """The words click put on ``command`` (and its subcommands) when it was built, in
    the language it speaks now: the help and version options, the usage's place-holders.

    Click makes a command's help option once, in the language of that moment, and
    keeps it (in ``_help_option``); one not made yet will be made in this language.
    """
    help_option = getattr(command, "_help_option", None)
    if isinstance(help_option, click.Option):
        help_option.help = word("Show this message and exit.")
    for param in command.params:
        if param.name == "version" and isinstance(param, click.Option):
            param.help = word("Show the version and exit.")
    command.options_metavar = word("[OPTIONS]")
    if isinstance(command, click.Group):
        command.subcommand_metavar = word("COMMAND [ARGS]...")
        for sub in command.commands.values():
            refresh(sub)
