"""Deutsch: a small language pack, as a plugin that adds a language is written.

German is the language of Kollegiale Beratung. The pack translates English texts,
keyed by the English: a few of the engine's words (kinds, roles, the frame), a few of
the terminal's sentences, a refusal of the engine's built-in rules, a built-in
method's title, and the compliments plugin's method and rule. Everything it does not
translate is said in English, and ``intervision check de`` lists it.
"""

from __future__ import annotations

from intervision.engine import LanguagePack, hookimpl

GERMAN = LanguagePack(
    code="de",
    name="Deutsch",
    texts={
        # the engine's glossary
        "question": "Frage",
        "advice": "Ratschlag",
        "note": "Notiz",
        "statement": "Aussage",
        "reaction": "Reaktion",
        "facilitator": "Moderation",
        "participant": "Teilnehmende",
        # the frame
        "Opening": "Eröffnung",
        "Case choice": "Fallauswahl",
        "Method choice": "Methodenwahl",
        # the terminal
        "Meeting {id}: {where}": "Sitzung {id}: {where}",
        "version {version}": "Version {version}",
        "Facilitator: {facilitator}. Present: {present}.": (
            "Moderation: {facilitator}. Anwesend: {present}."
        ),
        "Roles of the day: {roles}.": "Rollen heute: {roles}.",
        # a refusal of the built-in rules, placeholders kept
        "“{kind}” does not belong in this phase; what you can contribute now: {ok}.": (
            "„{kind}“ gehört nicht in diese Phase; beitragen kannst du jetzt: {ok}."
        ),
        # a built-in method, and another plugin's method and rule
        "Incident method": "Incident-Methode",
        "Compliment round": "Komplimentrunde",
        "compliment": "Kompliment",
        "Start a {kinds} with a score from 0 to 10, as in '8: ...'.": (
            "Beginne ein {kinds} mit einer Note von 0 bis 10, etwa '8: ...'."
        ),
    },
)


@hookimpl
def intervision_languages() -> list[LanguagePack]:
    return [GERMAN]
