"""``Meeting.roles``: the roles a host shows a person are the ones the rules count,
the roles of the day assigned at the start included."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, to_case_choice

from intervision.engine import (
    STANDARD_ROLES,
    Contribute,
    Engine,
    Fit,
    InvalidInputError,
    Meeting,
    MemoryJournal,
    MethodSpec,
    NotAMemberError,
    PhaseSpec,
    Refusal,
    RoleSpec,
    RuleContext,
    RuleKind,
    RuleRef,
    Text,
    hookimpl,
    load_registry,
    refuse,
)
from intervision.testing import refused


def test_the_inbrenger_is_the_inbrenger_only_while_their_case_runs(
    engine: Engine, start_method: Callable[..., Meeting]
) -> None:
    opening = engine.start_meeting(MEMBERS, facilitator="Anna")
    assert opening.roles(INBRENGER) == {"participant"}

    meeting = start_method("incident")
    assert meeting.roles(INBRENGER) == {"inbrenger"}
    assert meeting.roles(FACILITATOR) == {"facilitator", "participant"}


def test_a_method_with_a_neutral_facilitator_does_not_count_them_as_participant(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("socratic-dialogue")

    assert meeting.roles(FACILITATOR) == {"facilitator"}
    assert meeting.roles("Carla") == {"participant"}


def test_scribe_and_timekeeper_are_roles_too(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", scribe="Carla", timekeeper="Dirk")

    assert meeting.roles("carla") == {"participant", "scribe"}
    assert meeting.roles("Dirk") == {"participant", "timekeeper"}


def test_a_role_can_be_held_by_several_members_and_named_by_id(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", roles={"observer": ["eva", "Dirk"]})

    assert meeting.state.roles == {"observer": ("eva", "dirk")}
    assert meeting.roles("Eva") == {"participant", "observer"}


def test_a_role_the_frame_gives_is_not_assigned(engine: Engine) -> None:
    with pytest.raises(InvalidInputError, match="The frame gives that role itself"):
        engine.start_meeting(MEMBERS, facilitator="Anna", roles={"inbrenger": "Bram"})
    assert engine.meetings() == []


def test_an_unknown_role_is_refused_naming_the_roles_that_can_be_held(engine: Engine) -> None:
    with pytest.raises(InvalidInputError) as refused:
        engine.start_meeting(MEMBERS, facilitator="Anna", roles={"secretray": "Bram"})

    assert "No installed method knows that role" in str(refused.value)
    assert "observer, scribe, timekeeper" in str(refused.value)
    assert "secretray" not in str(refused.value)  # a refusal never repeats what was typed
    assert engine.meetings() == []


def test_a_role_is_held_by_a_member_present(engine: Engine) -> None:
    with pytest.raises(NotAMemberError, match="The scribe must be a member who is present"):
        engine.start_meeting(
            MEMBERS, facilitator="Anna", present=["Anna", "Bram", "Carla"], scribe="Eva"
        )
    with pytest.raises(NotAMemberError, match="The timekeeper is not a member") as stranger:
        engine.start_meeting(MEMBERS, facilitator="Anna", roles={"timekeeper": "Zoë"})
    assert stranger.value.field == "roles" and "Zoë" not in str(stranger.value)
    assert engine.meetings() == []


def _chair_method() -> MethodSpec:
    """A method with a role of its own: the secretary notes, and gives no advice."""
    say = Text(nl="Zeg het.", en="Say it.")
    return MethodSpec(
        id="with-secretary",
        version="1.0",
        title=Text(nl="Met secretaris", en="With a secretary"),
        summary=Text(nl="Een secretaris noteert.", en="A secretary takes notes."),
        derived=True,
        fit=Fit(),
        roles=(
            *STANDARD_ROLES,
            RoleSpec(id="secretary", title=Text(nl="Secretaris", en="Secretary")),
        ),
        phases=(
            PhaseSpec(
                id="advice",
                title=Text(nl="Advies", en="Advice"),
                minutes=10,
                inbrenger_mode="listens",
                allowed={"participant": ("advice",), "secretary": ("note",)},
                instructions={"facilitator": say, "inbrenger": say, "participant": say},
                rules=(RuleRef(kind="secretary_gives_no_advice"),),
            ),
        ),
    )


def _no_advice_from_the_secretary(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if isinstance(command, Contribute) and command.kind == "advice" and "secretary" in ctx.roles:
        return refuse("secretary_gives_no_advice", "De secretaris adviseert niet.", "No advice.")
    return None


class _SecretaryPlugin:
    @hookimpl
    def intervision_methods(self) -> list[MethodSpec]:
        return [_chair_method()]

    @hookimpl
    def intervision_rule_kinds(self) -> list[RuleKind]:
        title = Text(nl="Secretaris adviseert niet", en="Secretary gives no advice")
        return [RuleKind("secretary_gives_no_advice", title, _no_advice_from_the_secretary)]


def test_a_role_a_method_declares_is_held_and_counts_in_allowed_and_rules() -> None:
    registry = load_registry(strict=True, extra=[("secretary", _SecretaryPlugin())])
    assert "secretary" in registry.held_roles()
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", roles={"secretary": "Carla"})
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "with-secretary", inbrenger_agrees=True)

    can = meeting.capabilities()
    assert can.of("carla").roles == {"participant", "secretary"}
    assert can.of("carla").kinds == ("note",)
    assert can.of("dirk").kinds == ("advice",)
    meeting.contribute("carla", "note", "the secretary notes")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("dirk", "note", "not the secretary")
    with refused(meeting, "secretary_gives_no_advice"):
        meeting.contribute("carla", "advice", "the secretary advises")
    meeting.contribute("dirk", "advice", "a participant advises")
