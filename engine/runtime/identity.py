"""Who is who: names and ids as they enter, and finding a member by what was typed.

Mistaking one member for another is the worst thing the engine can do with a
name: a contribution, a commitment or a turn as inbrenger would be recorded as
someone else's. So:

- A display name is trimmed, its inner whitespace one space, in Unicode NFC; a
  name with a control or format character (a bidirectional override, a zero-width
  space), an unassigned or private-use code point, or longer than the limit is
  refused where it enters, with what is wrong and never the name itself.
- A member id is made once, from the name, when the member joins: the name's
  letters and digits without their accents (``Émile`` -> ``emile``), words joined
  by ``-``; ``member`` when no such letter is left (``李雷``); numbered when the id
  is taken (``member-2``). It never changes and never goes to someone else.
- A person is found by their exact id or by their exact name, compared in NFKC
  and case-folded (``ANNA`` is Anna); never by a near match: ``Anne Marie`` is
  not Anne-Marie, ``Mile`` is not Émile. When the two ways point at two members,
  nobody is chosen.
- Two names that look alike (Unicode's skeleton, UTS #39: ``Anna`` and ``Аnna``
  with a Cyrillic А) cannot both be in one group or meeting.
- Meeting and group ids have one pattern, :data:`ID_PATTERN`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from functools import cache

from intervision.engine import (
    LANGS,
    InvalidInputError,
    Lang,
    Text,
    installed_languages,
)

from .limits import DEFAULT_LIMITS

__all__ = [
    "ID_MAX",
    "ID_PATTERN",
    "LOOKALIKE_NAMES",
    "REQUEST_ID_MAX",
    "check_id",
    "check_lang",
    "check_request_id",
    "clean_name",
    "find_person",
    "free_slug",
    "fresh_ids",
    "lookalike_pairs",
    "looks_alike",
    "name_key",
    "slug",
]

#: Every meeting and group id: lowercase ASCII letters and digits, words joined by a
#: single ``-`` (``20260112-3f9a0c1b2d4e6f70``, ``team-noord``). No ``:`` (group
#: streams are ``group:<id>``), no space or line break (ids are printed in lists).
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: The longest id taken in, in characters.
ID_MAX = 64
#: The longest idempotency key (request id) taken in, in characters.
REQUEST_ID_MAX = 128

#: Two names that look alike: one group or meeting never holds both.
LOOKALIKE_NAMES = Text(
    nl="Twee namen zijn gelijk of lijken zo op elkaar dat ze verward kunnen worden; maak ze "
    "verschillend, met een initiaal of een achternaam.",
    en="Two names are the same or look so alike that they could be mixed up; make them "
    "differ, with an initial or a surname.",
)

_ID = re.compile(ID_PATTERN)
_SPACE = re.compile(r"\s+")
#: Character categories no name holds: controls, format characters (bidirectional
#: overrides and isolates, zero-width spaces and joiners, the soft hyphen),
#: surrogates, private use, unassigned, and line or paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def check_id(value: object, what: Text) -> str:
    """``value`` when it is an id (:data:`ID_PATTERN`, at most :data:`ID_MAX` long).

    ``what`` names the field in both languages (``Text(nl="bijeenkomst-id", ...)``);
    the refusal says what an id may hold, never what was typed.
    """
    if isinstance(value, str) and len(value) <= ID_MAX and _ID.fullmatch(value):
        return value
    raise InvalidInputError(
        what.en,
        Text(
            nl=f"Een {what.nl} bestaat uit kleine letters a-z, cijfers en losse streepjes "
            f"(zoals team-noord), ten hoogste {ID_MAX} tekens.",
            en=f"A {what.en} is lowercase letters a-z, digits and single hyphens "
            f"(like team-noord), at most {ID_MAX} characters.",
        ),
    )


def check_lang(value: object, known: Sequence[str] | None = None) -> Lang:
    """``value`` as a language code, or a refusal saying which codes there are.

    ``known`` is every language that may be spoken (a registry's ``langs()``);
    without it, Dutch, English and the languages installed packs add.
    """
    langs = tuple(known) if known is not None else LANGS + installed_languages()
    if isinstance(value, str) and value in langs:
        return value
    more = [code for code in langs if code not in LANGS]
    extra = ", ".join(f'"{code}"' for code in more)
    raise InvalidInputError(
        "lang",
        Text(
            nl='Die taal kent intervision niet; kies "nl" (Nederlands) of "en" (Engels)'
            + (
                f" of een taal die een taalpakket toevoegt: {extra}."
                if more
                else "; een taalpakket kan er meer toevoegen."
            ),
            en='intervision does not know that language; choose "nl" (Dutch) or "en" (English)'
            + (
                f" or a language a pack adds: {extra}."
                if more
                else "; a language pack can add more."
            ),
        ),
    )


def check_request_id(value: object) -> str:
    """``value`` when it can be an idempotency key: 1 to :data:`REQUEST_ID_MAX`
    printable characters without spaces (a UUID, say); else a refusal."""
    if (
        isinstance(value, str)
        and 0 < len(value) <= REQUEST_ID_MAX
        and value.isprintable()
        and not any(c.isspace() for c in value)
    ):
        return value
    raise InvalidInputError(
        "request_id",
        Text(
            nl=f"Een request-id is 1 tot {REQUEST_ID_MAX} zichtbare tekens zonder spaties, "
            "per handeling een nieuwe (een UUID bijvoorbeeld).",
            en=f"A request id is 1 to {REQUEST_ID_MAX} visible characters without spaces, a "
            "new one for each action (a UUID, say).",
        ),
    )


def clean_name(value: object, what: Text, *, limit: int | None = DEFAULT_LIMITS.name) -> str:
    """The name as it is kept: NFC, trimmed, inner whitespace one space; or a refusal.

    ``limit`` is the most characters it may have (None: a caller that checks length
    itself).
    """
    if not isinstance(value, str):
        raise _refused(what, nl="is geen tekst", en="is not text")
    name = unicodedata.normalize("NFC", value)
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in name):
        raise _refused(
            what,
            nl="bevat een onzichtbaar teken of een stuurteken (zoals een regeleinde, een "
            "richtingsteken of een spatie zonder breedte); typ de naam opnieuw",
            en="holds an invisible or control character (a line break, a direction mark, "
            "a zero-width space); type the name again",
        )
    name = _SPACE.sub(" ", name).strip()
    if not name:
        raise _refused(what, nl="is leeg", en="is empty")
    if limit is not None and len(name) > limit:
        raise _refused(
            what,
            nl=f"is langer dan {limit} tekens",
            en=f"is longer than {limit} characters",
        )
    return name


def _refused(what: Text, *, nl: str, en: str) -> InvalidInputError:
    return InvalidInputError(what.en, Text(nl=f"De {what.nl} {nl}.", en=f"The {what.en} {en}."))


def name_key(name: str) -> str:
    """What two names must share to be the same name: NFKC, case-folded, one space."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", folded)).strip()


def find_person(members: Iterable[tuple[str, str]], who: str) -> str | None:
    """The id of the one member ``who`` names, by exact id or exact name; else None.

    ``members`` are (id, display name) pairs. None when nobody matches, and when
    the id and the name point at two different members: never a guess.
    """
    if not isinstance(who, str):
        return None
    wanted = who.strip()
    key = name_key(wanted)
    found = {
        member_id for member_id, name in members if member_id == wanted or name_key(name) == key
    }
    return found.pop() if len(found) == 1 else None


def slug(name: str) -> str:
    """The id a name gives (``"Émile de Vries"`` -> ``"emile-de-vries"``); ``""`` when
    the name has no letter or digit that has an ASCII form (``"李雷"``)."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in plain if c.isascii())
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:ID_MAX].strip("-")


def free_slug(
    name: str, taken: Container[str], *, fallback: str = "member", others: Iterable[str] = ()
) -> str:
    """A new id for ``name``: its :func:`slug` (``fallback`` when that is empty),
    numbered (``anna-2``) when ``taken`` already holds it or when it is how one of
    ``others`` (the other people's names) is written: an id that is another
    member's name would make that word name two people (``Qz:`` gets ``qz-2``
    beside a member called ``Qz``), and then it names nobody."""
    names = {name_key(other) for other in others}
    base = candidate = slug(name) or fallback
    n = 1
    while candidate in taken or candidate in names:
        n += 1
        suffix = f"-{n}"
        candidate = base[: ID_MAX - len(suffix)].rstrip("-") + suffix
    return candidate


def fresh_ids(names: Sequence[str]) -> list[str]:
    """The ids of people who come in together (a meeting of names, a new group), in
    order: each a :func:`free_slug` that is neither an id given before it nor how one
    of the others is written."""
    ids: list[str] = []
    for i, name in enumerate(names):
        ids.append(free_slug(name, ids, others=[*names[:i], *names[i + 1 :]]))
    return ids


# -- lookalikes (UTS #39 skeletons) ------------------------------------------------


def looks_alike(first: str, second: str) -> bool:
    """Whether two names are the same name or could be read as each other."""
    return any(a == b for a, b in zip(_likeness(first), _likeness(second), strict=True))


def lookalike_pairs(names: Sequence[str]) -> list[tuple[int, int]]:
    """The positions (0-based) of every two names that look alike, in order."""
    seen = [_likeness(name) for name in names]
    return [
        (i, j)
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if any(a == b for a, b in zip(seen[i], seen[j], strict=True))
    ]


def _likeness(name: str) -> tuple[str, str, str]:
    """The forms in which two names may be the same: as compared, and as read."""
    key = name_key(name)
    return key, _skeleton(name), _skeleton(key)


def _skeleton(text: str) -> str:
    """Unicode's skeleton: NFD, each character by its prototype, NFD again."""
    prototypes = _prototypes()
    mapped = "".join(prototypes.get(c, c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character and the prototype it is read as, from Unicode's
    confusables.txt as ``confusable-homoglyphs`` ships it.

    The package keeps each line of the file in both directions (source and
    prototype each list the other), so the direction is found again: in the file
    every source is one code point mapped to one prototype that is never itself a
    source, so each group of lookalikes is a star around its prototype: the one
    member with more than one neighbour, or the one of more than one character.
    (Of a pair of single characters either will do: both map to the same one.)
    """
    from confusable_homoglyphs.confusables import confusables_data

    marks = "\u200e\u200f"  # direction marks the package keeps around right-to-left text
    neighbours: dict[str, set[str]] = {}
    for char, found in confusables_data.items():
        source = char.strip(marks) if len(char) > 1 else char
        for entry in found:
            other = entry["c"].strip(marks) if len(entry["c"]) > 1 else entry["c"]
            if other and source and other != source:
                neighbours.setdefault(source, set()).add(other)
                neighbours.setdefault(other, set()).add(source)
    prototypes: dict[str, str] = {}
    for node, around in neighbours.items():
        if node in prototypes or len(node) > 1:
            continue
        if len(around) > 1:
            continue  # a prototype: its sources map to it, it stays itself
        (other,) = around
        if len(other) > 1 or len(neighbours[other]) > 1 or node > other:
            prototypes[node] = other
    return prototypes
