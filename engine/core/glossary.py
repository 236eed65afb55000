"""The words of the practice in Dutch and English: contribution kinds, roles, labels.

One table, so that a refusal, the terminal, a phase diagram and a report call a thing
by the same name (the engine once said "uitspraak" where the terminal said
"mededeling"). The Dutch is what a Dutch facilitator says: a contribution is a
*bijdrage*, a position a *standpunt*, the scribe the *notulist*.

Each kind also has a shortcut per language, what a hurried hand types at the prompt
(``v`` for vraag, ``q`` for question). A glossary checks when it is built that no
shortcut or typed word names two terms, so a glossary extended with a plugin's own
kinds (:meth:`Glossary.extended`, what the registry does with the kinds plugins
declare) cannot take a word twice either: it raises :class:`TermClash` naming both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .text import LANGS, Lang, Text

__all__ = ["GLOSSARY", "Glossary", "Term", "TermClash", "kind_titles"]


@dataclass(frozen=True)
class Term:
    """One thing the practice has a word for, in both languages.

    ``name`` is the word as it stands in a sentence (lower case: "open vraag");
    ``short`` what the prompt takes for it in each language (a kind must have one);
    ``plural`` how a screen names a role that several people hold at once (the
    participants); ``words`` other words a facilitator may type for it, in either
    language; ``board`` what the board's button says for a kind ("Compliment geven"),
    when that is more than the name with a capital.
    """

    id: str
    name: Text
    short: Text | None = None
    plural: Text | None = None
    words: tuple[str, ...] = ()
    board: Text | None = None

    def title(self, lang: Lang) -> str:
        """The name with a capital, for a heading or the start of a line."""
        name = self.name(lang)
        return name[:1].upper() + name[1:]

    def board_label(self, lang: Lang) -> str:
        """What the board's button for this kind says."""
        return self.board(lang) if self.board is not None else self.title(lang)


class TermClash(ValueError):
    """A term takes an id, a word or a shortcut another term has: names both terms."""

    def __init__(self, message: str, *, taken_by: str, term: str) -> None:
        super().__init__(f"glossary: {message}")
        self.taken_by = taken_by
        self.term = term


def _table(terms: Iterable[Term]) -> dict[str, Term]:
    table: dict[str, Term] = {}
    for term in terms:
        if term.id in table:
            raise TermClash(f"the id {term.id!r} is used twice", taken_by=term.id, term=term.id)
        table[term.id] = term
    return table


@dataclass(frozen=True)
class Glossary:
    """The kinds, roles and labels with their names; built once, extended by copy."""

    kinds: Mapping[str, Term]
    roles: Mapping[str, Term]
    labels: Mapping[str, Term]
    #: Per language, every word the prompt takes for a kind (filled in when built).
    _typed: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._typed.update(_typed_words(self.kinds.values()))

    def extended(
        self, *, kinds: Iterable[Term] = (), roles: Iterable[Term] = (), labels: Iterable[Term] = ()
    ) -> Glossary:
        """A glossary with more terms; a term whose id, shortcut or word is taken raises
        :class:`TermClash` naming both."""
        return Glossary(
            kinds=_table([*self.kinds.values(), *kinds]),
            roles=_table([*self.roles.values(), *roles]),
            labels=_table([*self.labels.values(), *labels]),
        )

    def kind(self, kind: str) -> Text:
        """A kind's name in both languages (its id when the glossary does not know it)."""
        return _name(self.kinds, kind)

    def role(self, role: str) -> Text:
        """A role's name in both languages (its id when the glossary does not know it)."""
        return _name(self.roles, role)

    def role_names(self, roles: Iterable[str]) -> Text:
        """Roles named in both languages, as in "de inbrenger / begeleider"."""
        return Text.joined((self.role(role) for role in roles), " / ")

    def label(self, value: str) -> Text:
        """A label's name in both languages (the value when the glossary does not know it)."""
        return _name(self.labels, value)

    def kind_for(self, word: str, lang: Lang) -> str | None:
        """The kind a typed word names in ``lang``: its shortcut there, its id, a name
        or other word in either language, else the other language's shortcut. In a
        language a pack adds, the English words hold, and each kind's name there."""
        typed = word.strip().casefold()
        table = self._typed.get(lang)
        if table is not None:
            return table.get(typed)
        found = self._typed["en"].get(typed)
        if found is None:
            named = (k for k, term in self.kinds.items() if term.name(lang).casefold() == typed)
            found = next(named, None)
        return found


def _typed_words(kinds: Iterable[Term]) -> dict[str, dict[str, str]]:
    """Per language, each word the prompt takes mapped to its kind: the language's own
    shortcuts first, then ids, names and other words, then the other language's
    shortcuts. A word or shortcut that would name two kinds is a ``ValueError``."""
    kinds = list(kinds)
    common: dict[str, str] = {}
    for term in kinds:
        for word in {w.casefold() for w in (term.id, term.name.nl, term.name.en, *term.words)}:
            if common.setdefault(word, term.id) != term.id:
                raise TermClash(
                    f"the word {word!r} names both {common[word]!r} and {term.id!r}",
                    taken_by=common[word],
                    term=term.id,
                )
    shortcuts: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for term in kinds:
        if term.short is None:
            raise ValueError(f"glossary: the kind {term.id!r} has no shortcut (short)")
        for lang in LANGS:
            short = term.short(lang).casefold()
            other = shortcuts[lang].setdefault(short, term.id)
            if other == term.id:
                other = common.get(short, term.id)
            if other != term.id:
                raise TermClash(
                    f"the {lang} shortcut {short!r} of {term.id!r} is taken by {other!r}",
                    taken_by=other,
                    term=term.id,
                )
    return {
        lang: {
            **{w: k for other in LANGS if other != lang for w, k in shortcuts[other].items()},
            **common,
            **shortcuts[lang],
        }
        for lang in LANGS
    }


def _name(table: Mapping[str, Term], term_id: str) -> Text:
    term = table.get(term_id)
    return term.name if term is not None else Text(nl=term_id, en=term_id)


#: Other words the prompt has long taken for these kinds.
_OPEN = ("open", "open_vraag", "openvraag")
_STATEMENT = ("stelling", "mededeling", "vertelling")
_PARTICIPANTS = Text(nl="deelnemers", en="participants")


def _term(
    term_id: str,
    nl: str,
    en: str,
    short: tuple[str, str] | None = None,
    words: tuple[str, ...] = (),
) -> Term:
    shortcut = Text(nl=short[0], en=short[1]) if short else None
    return Term(term_id, Text(nl=nl, en=en), shortcut, None, words)


GLOSSARY = Glossary(
    kinds=_table(
        (
            _term("question", "vraag", "question", ("v", "q"), ("vr",)),
            _term("open_question", "open vraag", "open question", ("ov", "oq"), _OPEN),
            _term("association", "associatie", "association", ("as", "as"), ("assoc",)),
            _term("image", "beeld", "image", ("b", "i")),
            _term("analysis", "analyse", "analysis", ("an", "an")),
            _term("advice", "advies", "advice", ("a", "ad"), ("adv",)),
            _term("position", "standpunt", "position", ("sp", "p"), ("pos", "positie")),
            _term("reaction", "reactie", "reaction", ("r", "r"), ("antwoord", "answer")),
            _term("statement", "uitspraak", "statement", ("u", "s"), _STATEMENT),
            _term("recognition", "herkenning", "recognition", ("h", "rec")),
            _term("learning_point", "leerpunt", "learning point", ("lp", "lp"), ("learning",)),
            _term("learning_goal", "leerdoel", "learning goal", ("ld", "lg"), ("doel", "goal")),
            _term("note", "notitie", "note", ("n", "n")),
            _term("feedback", "feedback", "feedback", ("fb", "fb"), ("terugkoppeling",)),
        )
    ),
    roles=_table(
        (
            _term("facilitator", "begeleider", "facilitator"),
            _term("inbrenger", "inbrenger", "inbrenger"),
            Term("participant", Text(nl="deelnemer", en="participant"), plural=_PARTICIPANTS),
            _term("scribe", "notulist", "scribe"),
            _term("timekeeper", "tijdbewaker", "timekeeper"),
            _term("observer", "waarnemer", "observer"),
        )
    ),
    labels=_table(
        (
            _term("warm", "warm", "warm"),
            _term("neutral", "neutraal", "neutral"),
            _term("cold", "koud", "cold"),
        )
    ),
)


def kind_titles(kinds: Iterable[str], glossary: Glossary = GLOSSARY) -> Text:
    """Kinds named in both languages, comma-separated (unknown kinds by their id)."""
    return Text.joined(glossary.kind(k) for k in dict.fromkeys(kinds))
