"""No member mistaken for another: ids, names and what is refused where they enter (#13)."""

from __future__ import annotations

import re

import pytest

from intervision.engine import (
    ID_PATTERN,
    Engine,
    GroupError,
    IntervisionError,
    InvalidInputError,
    MemoryJournal,
    NotAMemberError,
    Registry,
)
from intervision.engine.groups import groups_of


@pytest.fixture
def engine(registry: Registry) -> Engine:
    return Engine(MemoryJournal(), registry)


def test_members_with_names_in_another_script_are_never_one_another(engine: Engine) -> None:
    """Seen: with 李雷 and 韩梅梅 both made ``member``, 韩梅梅's words were recorded as 李雷's."""
    meeting = engine.start_meeting(["李雷", "韩梅梅", "Anna"], facilitator="Anna")
    ids = {m.name: m.id for m in meeting.state.members.values()}
    assert len(set(ids.values())) == 3
    assert meeting.person("韩梅梅") == ids["韩梅梅"] != ids["李雷"]
    said = meeting.contribute("韩梅梅", "statement", "我上次做到了。")
    [found] = [c for c in meeting.state.contributions if c.id == said]
    assert found.author == ids["韩梅梅"]
    assert all(re.fullmatch(ID_PATTERN, i) for i in ids.values())


def test_no_id_is_written_as_another_members_name(engine: Engine) -> None:
    """Found by fuzzing: ``Qz:`` was given the id ``qz`` beside a member called ``Qz``,
    so ``qz`` named two people and each of them could no longer be named."""
    names = ["QzBa", "Qz:", "QzAa", "Qz"]
    meeting = engine.start_meeting(names, facilitator="Qz")
    for member in meeting.state.members.values():
        assert meeting.person(member.id) == member.id
        assert meeting.person(member.name) == member.id
    group = groups_of(engine).create("Oost", members=names)
    for member in group.members.values():
        others = {m.name.casefold() for m in group.members.values() if m is not member}
        assert member.id not in others
    with pytest.raises(GroupError):  # named as a member's id is written: it would name two
        groups_of(engine).add_member("oost", "QZBA")


@pytest.mark.parametrize(
    ("members", "typed"),
    [
        (["Anne-Marie", "Bram", "Carla"], "Anne Marie"),
        (["Émile", "Bram", "Carla"], "Mile"),
        (["Anna", "Bram", "Carla"], "Ann"),
        (["Anna", "Bram", "Carla"], "anna-"),
    ],
)
def test_a_near_name_is_refused_not_taken_for_a_member(
    engine: Engine, members: list[str], typed: str
) -> None:
    meeting = engine.start_meeting(members, facilitator="Bram")
    with pytest.raises(NotAMemberError) as refused:
        meeting.person(typed)
    assert typed not in str(refused.value)


def test_each_of_two_close_names_is_found_as_themselves(engine: Engine) -> None:
    """Seen: with both of each pair members, "Anne Marie" became Anne-Marie, "Mile" Émile."""
    names = ["Anne-Marie", "Anne Marie", "Émile", "Mile"]
    meeting = engine.start_meeting(names, facilitator="Mile")
    members = meeting.state.members
    for name in names:
        assert members[meeting.person(name)].name == name
        assert members[meeting.person(name.upper())].name == name  # case-folded
    for member in members.values():
        assert meeting.person(member.id) == member.id  # and by exact id
    note = meeting.contribute("Anne Marie", "statement", "Ik.")
    assert members[meeting.state.contributions[-1].author].name == "Anne Marie"
    assert note == meeting.state.contributions[-1].id


def test_an_id_is_never_how_another_member_is_written(engine: Engine) -> None:
    meeting = engine.start_meeting(["Bob", "Bob.", "Bob-2", "Carla"], facilitator="Carla")
    ids = {m.name: m.id for m in meeting.state.members.values()}
    # "bob-2" is how Bob-2 is written, so Bob. gets another id; each is found as themself.
    assert ids["Bob."] not in ("bob", "bob-2")
    for name, member_id in ids.items():
        assert meeting.person(name) == meeting.person(member_id) == member_id


@pytest.mark.parametrize(
    "name",
    [
        "Anna\nBram",  # a line break: forges a line in every list
        "An\x00na",  # a control character
        "Anna\u202eardnaxelA",  # a bidirectional override
        "An\u200bna",  # a zero-width space
        "Anna\u2066",  # a bidirectional isolate
        "x" * 101,  # beyond the name limit
        "   ",  # nothing
    ],
    ids=["newline", "nul", "bidi-override", "zero-width", "isolate", "too-long", "blank"],
)
def test_a_name_that_cannot_be_taken_in_is_refused_where_it_enters(
    engine: Engine, name: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        engine.start_meeting(["Carla", name, "Dirk"], facilitator="Carla")
    assert engine.meetings() == []
    error = refused.value
    assert error.reason is not None and error.reason.nl != error.reason.en
    assert name.strip() not in str(error) or not name.strip()
    groups_of(engine).create("Noord", members=["Carla", "Dirk"])
    with pytest.raises(InvalidInputError):
        groups_of(engine).add_member("noord", name)
    with pytest.raises(InvalidInputError):
        groups_of(engine).create("Zuid", members=["Carla", name])
    assert len(groups_of(engine).get("noord").members) == 2
    assert [g.id for g in groups_of(engine).all()] == ["noord"]


def test_names_are_trimmed_and_their_spaces_made_one_on_every_path(engine: Engine) -> None:
    meeting = engine.start_meeting(
        ["  Anna  de   Vries ", "Bram\u00a0B."], facilitator=" Anna de Vries"
    )
    assert sorted(m.name for m in meeting.state.members.values()) == ["Anna de Vries", "Bram B."]
    groups_of(engine).create("  Team   Noord ", members=[" Carla "])
    group, _ = groups_of(engine).add_member(
        "team-noord", " Dirk ", function=" coach ", reports_to=" Anna ", relation_reason=" ok "
    )
    dirk = group.members["dirk"]
    assert (group.name, group.members["carla"].name) == ("Team Noord", "Carla")
    assert (dirk.name, dirk.function, dirk.reports_to, dirk.relation_reason) == (
        "Dirk",
        "coach",
        "Anna",
        "ok",
    )


@pytest.mark.parametrize(
    "pair",
    [("Anna", "ANNA"), ("Anna", "\u0410nna"), ("Bram", "Bram "), ("Ida", "lda")],
    ids=["case", "cyrillic-a", "trailing-space", "capital-i-and-l"],
)
def test_two_names_that_look_alike_are_never_both_members(
    engine: Engine, pair: tuple[str, str]
) -> None:
    with pytest.raises(InvalidInputError):
        engine.start_meeting([*pair, "Carla"], facilitator="Carla")
    groups_of(engine).create("Noord", members=[pair[0], "Carla"])
    with pytest.raises(GroupError):
        groups_of(engine).add_member("noord", pair[1])
    with pytest.raises(GroupError):
        groups_of(engine).create("Zuid", members=list(pair))
    assert [g.id for g in groups_of(engine).all()] == ["noord"]


@pytest.mark.parametrize(
    "meeting_id", ["group:x", "a\nb", "UPPER", "with space", "", "-x", "a--b", "x" * 65, "é"]
)
def test_a_meeting_id_outside_the_one_pattern_is_refused(engine: Engine, meeting_id: str) -> None:
    """Seen: ``meeting_id="group:x"`` broke every group listing, a newline forged a line."""
    with pytest.raises(InvalidInputError) as refused:
        engine.start_meeting(["Anna", "Bram"], facilitator="Anna", meeting_id=meeting_id)
    assert refused.value.field == "meeting id"
    assert engine.meetings() == [] and groups_of(engine).all() == []
    with pytest.raises(InvalidInputError):
        groups_of(engine).create("Noord", group_id=meeting_id)
    assert groups_of(engine).all() == []


def test_every_id_the_engine_makes_has_the_pattern(engine: Engine) -> None:
    meeting = engine.start_meeting(["Ørjan", "李雷", "O'Brien", "Zoë"], facilitator="Zoë")
    made = [meeting.id, *meeting.state.members]
    group = groups_of(engine).create("王组", members=["李雷"])
    made += [group.id, *group.members]
    assert all(re.fullmatch(ID_PATTERN, i) for i in made), made
    assert groups_of(engine).create("张组").id != group.id  # never another group's id


def test_a_member_id_is_never_given_twice_in_a_group(engine: Engine) -> None:
    """A member who left keeps their id in the group's history: a newcomer of the same
    name gets another, so the history never mixes the two."""
    groups_of(engine).create("Noord", members=["Anna", "Bram", "Carla"])
    groups_of(engine).remove_member("noord", "anna")
    group, _ = groups_of(engine).add_member("noord", "Anna")
    assert [m.id for m in group.members.values() if m.name == "Anna"] == ["anna-2"]


def test_a_meeting_needs_members_and_a_facilitator_who_is_one(engine: Engine) -> None:
    """Seen: a mistyped "Ana" silently became an external facilitator."""
    with pytest.raises(InvalidInputError):
        engine.start_meeting([], facilitator="Anna")
    with pytest.raises(NotAMemberError) as typo:
        engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Ana")
    assert "Ana" not in str(typo.value) and typo.value.reason is not None
    assert engine.meetings() == []
    guided = engine.start_meeting(
        ["Anna", "Bram", "Carla"], facilitator="Xena Extern", external_facilitator=True
    )
    xena = guided.state.members[guided.state.facilitator]
    assert (xena.name, xena.external) == ("Xena Extern", True)
    group = groups_of(engine).create("Noord", members=["Anna", "Bram", "Carla"])
    with pytest.raises(NotAMemberError):
        engine.start_meeting(group, facilitator="Ana")
    with pytest.raises(InvalidInputError):  # a guest who looks like a member
        engine.start_meeting(group, facilitator="\u0410nna", external_facilitator=True)
    with pytest.raises(NotAMemberError):
        engine.start_meeting(group, facilitator="Anna", present=["Anna", "Zoë"])
    assert len(engine.meetings()) == 1


def test_a_group_is_made_in_one_append_or_not_at_all(engine: Engine) -> None:
    """Seen: a group whose third name was invalid stayed behind with two members, and
    could not be made again."""
    with pytest.raises(InvalidInputError):
        groups_of(engine).create("Noord", members=["Anna", "Bram", "Car\x00la"])
    assert groups_of(engine).all() == []
    group = groups_of(engine).create("Noord", members=["Anna", "Bram", "Carla"])
    assert (group.version, len(group.members)) == (4, 3)
    assert engine.journal.version("group:noord") == 4


def test_an_unknown_language_is_a_clear_refusal_in_both_languages(engine: Engine) -> None:
    """Seen: a pydantic ValidationError traceback."""
    for attempt in (
        lambda: engine.start_meeting(["Anna", "Bram"], facilitator="Anna", lang="de"),  # type: ignore[arg-type]
        lambda: groups_of(engine).create("Noord", lang="fr"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInputError) as refused:
            attempt()
        assert refused.value.field == "lang"
        assert refused.value.message("nl").startswith("Die taal kent intervision niet")
        assert '"nl"' in refused.value.message("en") and '"en"' in refused.value.message("en")
    assert engine.meetings() == [] and groups_of(engine).all() == []


def test_every_error_a_user_meets_says_why_in_dutch_and_english(engine: Engine) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna")
    other = Engine(engine.journal, engine.registry)
    other.meeting(meeting.id).advance("anna")
    attempts = [
        lambda: meeting.person("Zoë"),  # not a member
        lambda: meeting.advance("anna"),  # the other engine wrote first: a conflict
        lambda: engine.meeting("no-such-meeting"),
        lambda: meeting.refresh() and meeting.reveal("anna"),  # wrong phase
        lambda: groups_of(engine).get("nothing"),
        lambda: engine.registry.method("no-such-method"),
        lambda: engine.start_meeting(["Anna"], facilitator="Anna", meeting_id="X"),
        lambda: engine.execute(meeting.id, meeting_command(), request_id=" "),
    ]
    for attempt in attempts:
        with pytest.raises(IntervisionError) as raised:
            attempt()
        error = raised.value
        assert error.reason is not None, type(error).__name__
        assert error.reason.nl != error.reason.en, error.reason
        assert error.message("nl") == error.reason.nl
        for typed in ("Zoë", "no-such-meeting", "nothing", "no-such-method"):
            assert typed not in error.reason.nl + error.reason.en


def meeting_command() -> object:
    from intervision.engine import Advance

    return Advance(by="anna")
