"""Groups as TOML files: a facilitator's member list, checked before anything is written.

A facilitator who starts a group usually has the list already (from the
organisation, from last year's group). ``intervision group import FILE`` reads it,
``intervision group export GROUP`` writes the same format back. Every problem in a
file is found before the store is touched, each named by the field, the line and
what to do; a problem's text never quotes a value from the file, only where it is,
because member names and reasons are the group's business.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from intervision.engine import (
    DEFAULT_LIMITS,
    ID_MAX,
    ID_PATTERN,
    GroupContract,
    InvalidInputError,
    Lang,
    Text,
    clean_name,
    lookalike_pairs,
    name_key,
    slug,
)

from .file_problems import FileProblem, GroupFileError, line_of, locate
from .group import GroupState, default_contract

__all__ = [
    "MAX_FILE_BYTES",
    "ContractEntry",
    "FileProblem",
    "GroupFile",
    "GroupFileError",
    "MemberEntry",
    "dump_group",
    "group_file_problems",
    "read_group_file",
]

#: A group of 3 to 8 with a contract fits in a few kilobytes; more is not a group file.
MAX_FILE_BYTES = 256 * 1024


def _one_line(value: str) -> str:
    """A name or a line is printed in lists and tables: NFC, one space between words,
    and no control or invisible character (:func:`~intervision.engine.clean_name`)."""
    try:
        return clean_name(value, Text(nl="naam", en="name"), limit=None)
    except InvalidInputError:
        raise PydanticCustomError("control_character", "contains a control character") from None


def _lines(value: str) -> str:
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value):
        raise PydanticCustomError("control_character", "contains a control character")
    return value


def _most(characters: int) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=characters)


Name = Annotated[str, _most(DEFAULT_LIMITS.name), AfterValidator(_one_line)]
Line = Annotated[str, _most(DEFAULT_LIMITS.line), AfterValidator(_one_line)]
Reason = Annotated[str, _most(DEFAULT_LIMITS.reason), AfterValidator(_lines)]
Agreement = Annotated[str, _most(DEFAULT_LIMITS.agreement), AfterValidator(_lines)]
GroupId = Annotated[str, StringConstraints(pattern=f"^{ID_PATTERN}$", max_length=ID_MAX)]


class MemberEntry(BaseModel):
    """One ``[[members]]`` table."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    name: Name
    function: Line | None = None
    reports_to: Name | None = None
    #: Why the group accepts a direct work relation of this member with another.
    relation_reason: Reason | None = None


class ContractEntry(BaseModel):
    """The ``[contract]`` table; a text left out keeps the default in the group's language."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    confidentiality: Agreement | None = None
    attendance: Agreement | None = None
    material: Agreement | None = None
    working_time: Agreement | None = None
    consent_topics: bool = False


class GroupFile(BaseModel):
    """A whole group file, as ``intervision group export`` writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    name: Name
    #: Default: the group id made from the name, as ``group create`` makes it.
    id: GroupId | None = None
    #: Default: the language the command runs in.
    lang: Literal["nl", "en"] | None = None
    #: A fixed external facilitator; left out, the members facilitate in turn.
    guided_by: Name | None = None
    #: The members give each other feedback at every meeting's evaluation.
    feedback_round: bool = False
    contract: ContractEntry | None = None
    members: list[MemberEntry] = Field(default_factory=list, max_length=DEFAULT_LIMITS.members)

    _lines: dict[tuple[str | int, ...], int] = PrivateAttr(default_factory=dict)

    @property
    def group_id(self) -> str:
        return self.id or slug(self.name) or "group"

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line in the file this field is on (or its table, or its list), if known."""
        return line_of(self._lines, tuple(loc))

    def contract_for(self, lang: Lang) -> GroupContract:
        default = default_contract(lang)
        entry = self.contract or ContractEntry()
        return GroupContract(
            confidentiality=entry.confidentiality or default.confidentiality,
            attendance=entry.attendance or default.attendance,
            material=entry.material or default.material,
            working_time=entry.working_time or default.working_time,
            consent_topics=entry.consent_topics,
        )


def read_group_file(path: str | Path) -> GroupFile:
    """Read and validate a group file; any problem is a :class:`GroupFileError` (exit 2)."""
    path = Path(path)
    shown = str(path)
    try:
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise GroupFileError(
            shown,
            [_problem(nl=f"kan niet gelezen worden ({reason})", en=f"cannot be read ({reason})")],
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        size = MAX_FILE_BYTES // 1024
        raise GroupFileError(
            shown,
            [
                _problem(
                    nl=f"is groter dan {size} kB: dit is geen groepsbestand",
                    en=f"is larger than {size} kB: this is not a group file",
                )
            ],
        )
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GroupFileError(
            shown,
            [
                _problem(
                    nl="is geen UTF-8-tekst; sla het bestand op als UTF-8",
                    en="is not UTF-8 text; save the file as UTF-8",
                    line=line,
                )
            ],
        ) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        what = re.sub(r"\s*\(at .*\)$", "", str(exc))
        raise GroupFileError(
            shown,
            [
                _problem(
                    nl=f"is geen geldige TOML ({what}); zie `intervision group export` "
                    "voor een voorbeeld",
                    en=f"is not valid TOML ({what}); see `intervision group export` for an example",
                    line=int(found.group(1)) if found else None,
                )
            ],
        ) from None
    lines = locate(source)
    try:
        group = GroupFile.model_validate(data)
    except ValidationError as exc:
        problems = [_from_pydantic(err) for err in exc.errors()]
        raise GroupFileError(
            shown, [replace(p, line=line_of(lines, p.loc)) for p in problems]
        ) from None
    group._lines.update(lines)
    return group


def group_file_problems(group: GroupFile) -> list[FileProblem]:
    """What a group of equals cannot accept: a member twice, or a work relation without
    a reason. Checked by the import as a whole, so the order of members does not matter."""
    problems: list[FileProblem] = []
    names = [member.name for member in group.members]
    twice: dict[int, int] = {}
    for other, n in lookalike_pairs(names):
        twice.setdefault(n, other)
    for n, other in sorted(twice.items()):
        problems.append(
            _problem(
                ("members", n, "name"),
                nl=f"dezelfde naam als lid {other + 1}{_at(group, other, 'nl')}, of een die "
                "er zo op lijkt dat ze verward kunnen worden; geef elk lid een eigen naam "
                "(met een initiaal of achternaam), of laat één van beide weg",
                en=f"the same name as member {other + 1}{_at(group, other, 'en')}, or one "
                "that looks so alike they could be mixed up; give each member a name of "
                "their own (with an initial or a surname), or leave one of them out",
                group=group,
            )
        )
    first: dict[str, int] = {}
    for n, name in enumerate(names):
        first.setdefault(name_key(name), n)
    for n, member in enumerate(group.members):
        boss = first.get(name_key(member.reports_to or ""))
        if boss is None or boss == n:
            continue
        if member.relation_reason or group.members[boss].relation_reason:
            continue
        problems.append(
            _problem(
                ("members", n, "reports_to"),
                nl=f"valt onder lid {boss + 1}{_at(group, boss, 'nl')}: intervisie vraagt een "
                "groep van gelijken, zonder directe werk- of gezagsrelatie. Accepteert de "
                'groep het toch, zet dan relation_reason = "..." bij een van beiden',
                en=f"reports to member {boss + 1}{_at(group, boss, 'en')}: intervision needs "
                "a group of equals, without a direct work or authority relation. If the "
                'group accepts it anyway, add relation_reason = "..." to one of them',
                group=group,
            )
        )
    return problems


def dump_group(group: GroupState) -> str:
    """The group as a file that :func:`read_group_file` reads back to the same group."""
    import tomli_w

    top: dict[str, Any] = {"name": group.name, "id": group.id, "lang": group.lang}
    if group.guided_by:
        top["guided_by"] = group.guided_by
    if group.feedback_round:
        top["feedback_round"] = True
    # Written table by table: tomli_w would squeeze short members into one inline
    # array, and a facilitator edits (and an error names) one [[members]] table each.
    parts = [
        "# An intervision group: `intervision group import FILE` creates it in another store.\n",
        tomli_w.dumps(top, multiline_strings=True),
        "\n[contract]\n",
        tomli_w.dumps(group.contract.model_dump(exclude_none=True), multiline_strings=True),
    ]
    for member in group.members.values():
        parts.append("\n[[members]]\n")
        parts.append(
            tomli_w.dumps(
                member.model_dump(exclude={"id"}, exclude_none=True), multiline_strings=True
            )
        )
    return "".join(parts)


# -- problems -----------------------------------------------------------------------


def _problem(
    loc: tuple[str | int, ...] = (),
    *,
    nl: str,
    en: str,
    line: int | None = None,
    group: GroupFile | None = None,
) -> FileProblem:
    if line is None and group is not None:
        line = group.line_of(loc)
    return FileProblem(loc, Text(nl=nl, en=en), line)


def _at(group: GroupFile, member: int, lang: str) -> str:
    line = group.line_of(("members", member))
    if line is None:
        return ""
    return f" (regel {line})" if lang == "nl" else f" (line {line})"


_FIELDS: dict[tuple[str, ...], tuple[str, ...]] = {
    (): tuple(GroupFile.model_fields),
    ("members",): tuple(MemberEntry.model_fields),
    ("contract",): tuple(ContractEntry.model_fields),
}


def _from_pydantic(err: Any) -> FileProblem:
    """A validation error in the file's words; pydantic's own texts quote the input."""
    loc: tuple[str | int, ...] = tuple(err["loc"])
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    if kind == "missing":
        return _problem(loc, nl="ontbreekt; vul het in", en="is missing; add it")
    if kind == "extra_forbidden":
        table = tuple(str(p) for p in loc[:-1] if isinstance(p, str))
        known = ", ".join(_FIELDS.get(table, ()))
        return _problem(
            loc,
            nl=f"hoort niet in een groepsbestand; verwijder het of verbeter de spelling "
            f"(velden hier: {known})",
            en=f"does not belong in a group file; remove it or fix the spelling "
            f"(fields here: {known})",
        )
    if kind in ("string_type", "str_type"):
        return _problem(loc, nl='moet tekst zijn, tussen "aanhalingstekens"', en='must be "text"')
    if kind == "string_too_short":
        return _problem(loc, nl="mag niet leeg zijn", en="cannot be empty")
    if kind == "string_too_long":
        most = ctx.get("max_length", "?")
        return _problem(
            loc, nl=f"is te lang: ten hoogste {most} tekens", en=f"is too long: {most} at most"
        )
    if kind == "string_pattern_mismatch":
        return _problem(
            loc,
            nl="mag alleen kleine letters, cijfers en streepjes bevatten (zoals wijkteam-noord)",
            en="may hold only lower-case letters, digits and dashes (like wijkteam-noord)",
        )
    if kind == "control_character":
        return _problem(
            loc,
            nl="bevat een stuurteken (onzichtbaar teken); haal het weg",
            en="contains a control character (an invisible one); remove it",
        )
    if kind == "bool_type":
        return _problem(loc, nl="moet true of false zijn", en="must be true or false")
    if kind == "literal_error":
        return _problem(loc, nl='moet "nl" of "en" zijn', en='must be "nl" or "en"')
    if kind == "list_type":
        return _problem(
            loc,
            nl="moet een lijst van [[members]]-tabellen zijn",
            en="must be a list of [[members]] tables",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _problem(loc, nl="moet een tabel zijn", en="must be a table")
    if kind == "too_long":
        most = ctx.get("max_length", "?")
        return _problem(
            loc,
            nl=f"heeft te veel leden: ten hoogste {most}",
            en=f"has too many entries: {most} at most",
        )
    return _problem(loc, nl=f"klopt niet ({kind})", en=f"is not valid ({kind})")
