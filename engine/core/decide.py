"""From a command to the events it causes, or a refusal that writes nothing.

The order is fixed: is the meeting open, is the person a member present, does the
flow allow the command here, do the rules allow it; only then are events made.
Nothing here writes or reads a clock: ``now`` is passed in and stamped on events.
"""

from __future__ import annotations

from datetime import datetime

from . import commands as cmd
from . import events as ev
from .errors import CommandRefused, NotAMemberError, UnknownMethodError, WrongPhaseError
from .flow import END, WITHOUT_CASE, Flow, frame_flow, method_flow
from .frame import FRAME_STEPS, held_by_methods
from .phases import PhaseSpec
from .registry import Registry
from .rules import Refusal, RuleContext, roles_of
from .specs import MethodSpec
from .state import MeetingState
from .text import Lang, Text

__all__ = ["current_method", "current_phase", "decide"]


def case_method(state: MeetingState, registry: Registry) -> MethodSpec | None:
    """The method (in its variant) chosen for the current case."""
    case = state.case
    if case is None or case.method_id is None:
        return None
    return registry.method(case.method_id, case.method_version, case.variant)


def current_method(state: MeetingState, registry: Registry) -> MethodSpec | None:
    """The method whose phase runs now: a nested module, else the case's method."""
    if state.module is not None:
        module_id, version = state.module.split("@")
        return registry.method(module_id, version)
    return case_method(state, registry)


def current_phase(state: MeetingState, registry: Registry) -> PhaseSpec | None:
    """The phase of the method that runs now, or None in the frame around the method."""
    method = current_method(state, registry)
    if state.frame != "method" or method is None or state.phase is None:
        return None
    return method.phase(state.phase)


def decide(
    state: MeetingState, command: cmd.Command, registry: Registry, now: datetime
) -> list[ev.Event]:
    """Check ``command`` against ``state``; return its events or raise a refusal.

    Pure, the first step of the command path: nothing is read or written, so a
    runtime can decide, append with the version ``state`` was at, then ``apply``.
    """
    if type(command) not in cmd.COMMAND_TYPES:
        raise TypeError(
            f"{type(command).__name__} is not one of intervision's commands; build the "
            "command with a class from intervision.engine (subclasses are not "
            "accepted: the rules compare exact types)"
        )
    lang = state.lang
    if state.closed:
        raise WrongPhaseError(
            "meeting_closed",
            Text(nl="Deze bijeenkomst is al afgesloten.", en="This meeting is already closed."),
            lang,
            meeting_id=state.meeting_id,
        )
    _check_person(state, command.by)
    _check_typist(state, command)
    method = current_method(state, registry) if state.frame == "method" else None
    flow, position, trigger = _where(state, command, method)
    if not flow.allows(position, trigger):
        raise WrongPhaseError(
            "phase", _not_now(state, command, registry), lang, meeting_id=state.meeting_id
        )
    phase = method.phase(state.phase) if method and state.phase else None
    # type() is, not isinstance: see _where.
    if type(command) is cmd.ChooseMethod:
        method = _chosen_method(registry, command, lang, state.meeting_id)
    if type(command) is not cmd.ChooseModule:
        _check_rules(state, command, registry, method, phase)
        return _events(state, command, registry, method, phase, flow, position, now)
    module = _chosen_module(registry, command, lang, state.meeting_id)
    _check_rules(state, command, registry, method, phase)
    return [
        ev.ModuleChosen(at=now, by=command.by, method_id=module.id, method_version=module.version),
        ev.StepEntered(
            at=now,
            frame="method",
            phase=module.phases[0].id,
            module=f"{module.id}@{module.version}",
        ),
    ]


def _chosen_module(
    registry: Registry, command: cmd.ChooseModule, lang: Lang, meeting_id: str
) -> MethodSpec:
    """The module a nesting phase runs: it must exist and be a module, not a method."""
    try:
        module = registry.method(command.method_id)
    except UnknownMethodError:
        module = None
    if module is not None and module.kind == "module":
        return module
    known = ", ".join(m.id for m in registry.methods(modules=True) if m.kind == "module")
    raise CommandRefused(
        "nesting",
        Text(
            nl=f"'{command.method_id}' is geen werkvorm die hier kan; werkvormen: {known}.",
            en=f"'{command.method_id}' is not a module that can run here; modules: {known}.",
        ),
        lang,
        meeting_id=meeting_id,
    )


def _chosen_method(
    registry: Registry, command: cmd.ChooseMethod, lang: Lang, meeting_id: str
) -> MethodSpec:
    method = registry.method(command.method_id)
    if method.kind == "module":
        raise CommandRefused(
            "method_choice",
            Text(
                nl=f"'{method.id}' is een onderdeel van een andere methode, geen methode op zich.",
                en=f"'{method.id}' is a module of another method, not a method of its own.",
            ),
            lang,
            meeting_id=meeting_id,
        )
    try:
        return registry.method(method.id, method.version, command.variant)
    except UnknownMethodError as exc:
        raise CommandRefused(
            "method_choice",
            Text(nl=f"Onbekende variant: {exc.args[0]}", en=f"Unknown variant: {exc.args[0]}"),
            lang,
            meeting_id=meeting_id,
        ) from None


def _check_typist(state: MeetingState, command: cmd.Command) -> None:
    """Only the facilitator types in what a member says, for one without a device
    (``typed_by`` on the commands a member makes for themselves)."""
    typist = getattr(command, "typed_by", None)
    if typist is None or typist == command.by or typist == state.facilitator:
        return
    raise CommandRefused(
        "typed_by",
        Text(
            nl="Alleen de begeleider kan iets invoeren namens een ander lid.",
            en="Only the facilitator can type something in for another member.",
        ),
        state.lang,
        meeting_id=state.meeting_id,
    )


def _typist(command: cmd.Contribute | cmd.SubmitLeervraag | cmd.Decide) -> str | None:
    """Who typed it, as the event keeps it: nobody else than the member is None."""
    return None if command.typed_by == command.by else command.typed_by


def _check_person(state: MeetingState, person: str) -> None:
    if person in state.present or person == state.facilitator:
        return
    raise NotAMemberError(
        Text(
            nl="Die persoon is geen aanwezig lid van deze bijeenkomst.",
            en="That person is not a member present at this meeting.",
        ),
        meeting_id=state.meeting_id,
    )


def _where(
    state: MeetingState, command: cmd.Command, method: MethodSpec | None
) -> tuple[Flow, str, str]:
    # decide accepts the command classes only, no subclass; ``type() is`` as ``isinstance``
    # against a pydantic model that does not match goes through ABCMeta, ten times the cost.
    frame = frame_flow(state.purpose)
    if type(command) is cmd.Close:
        return frame, state.frame, "close" if state.frame == "evaluation" else "abandon"
    if state.frame == "method" and method is not None and state.phase is not None:
        trigger = command.trigger
        if type(command) is cmd.TakeLoop:
            trigger = f"loop:{command.loop_id}"
        return method_flow(method), state.phase, trigger
    if type(command) is cmd.Advance:
        return frame, state.frame, _frame_advance(state)
    return frame, state.frame, command.trigger


def _frame_advance(state: MeetingState) -> str:
    """Moving on in the frame; from the leervragen of an intake or a refresh where
    nobody brought one, on to the recognitions without a case."""
    if state.frame == "leervragen" and not state.leervragen and state.purpose != "regular":
        return WITHOUT_CASE
    return "advance"


#: What each command does, as a refusal names it (by its trigger).
_COMMAND_WORDS: dict[str, Text] = {
    "submit_leervraag": Text(nl="een leervraag inbrengen", en="bring a leervraag"),
    "pass_leervraag": Text(nl="passen", en="pass"),
    "choose_case": Text(nl="een casus kiezen", en="choose a case"),
    "choose_method": Text(nl="een methode kiezen", en="choose a method"),
    "contribute": Text(nl="iets bijdragen", en="contribute"),
    "reveal": Text(nl="onthullen", en="reveal"),
    "decide": Text(nl="besluiten", en="decide"),
    "advance": Text(nl="verder gaan", en="move on"),
    "extend": Text(nl="verlengen", en="extend"),
    "skip": Text(nl="overslaan", en="skip"),
    "loop": Text(nl="teruggaan", en="go back"),
    "record_consensus": Text(nl="consensus vastleggen", en="record consensus"),
    "choose_module": Text(nl="een werkvorm kiezen", en="choose a module"),
    "hand_over": Text(nl="de begeleiding overdragen", en="hand the facilitation over"),
    "close": Text(nl="afsluiten", en="close"),
}


def _not_now(state: MeetingState, command: cmd.Command, registry: Registry) -> Text:
    phase = current_phase(state, registry)
    title = phase.title if phase is not None else FRAME_STEPS[state.frame].title
    what = _COMMAND_WORDS.get(command.trigger) or Text(
        nl=command.trigger.replace("_", " "), en=command.trigger.replace("_", " ")
    )
    return Text(
        nl=f"'{what.nl}' kan niet in de fase '{title.nl}'.",
        en=f"'{what.en}' is not possible in the phase '{title.en}'.",
    )


def _check_rules(
    state: MeetingState,
    command: cmd.Command,
    registry: Registry,
    method: MethodSpec | None,
    phase: PhaseSpec | None,
) -> None:
    """Every always-on kind, then the method's rules, then the phase's, in that order.

    One context serves every check without parameters; a kind that names the command
    types it concerns is not called for the others (it would return ``None``). The
    registry works out both lists once per command type (and phase), not per command.
    """
    neutral = method is not None and method.neutral_facilitator
    roles = roles_of(state, command.by, neutral_facilitator=neutral)
    glossary = registry.glossary
    plain = RuleContext(state, command, method, phase, roles, {}, glossary)
    for kind in registry.always_rule_kinds(type(command)):
        refusal = kind.check(plain)
        if refusal is not None:
            _refuse(refusal, state)
    for kind, params in registry.listed_rule_kinds(method, phase, type(command)):
        refusal = kind.check(RuleContext(state, command, method, phase, roles, params, glossary))
        if refusal is not None:
            _refuse(refusal, state)


def _refuse(refusal: Refusal, state: MeetingState) -> None:
    raise CommandRefused(refusal.rule, refusal.reason, state.lang, meeting_id=state.meeting_id)


def _events(
    state: MeetingState,
    command: cmd.Command,
    registry: Registry,
    method: MethodSpec | None,
    phase: PhaseSpec | None,
    flow: Flow,
    position: str,
    now: datetime,
) -> list[ev.Event]:
    # the commands of every phase first: each case is one isinstance check
    match command:
        case cmd.Advance():
            return _move_on(state, registry, flow, position, "advance", now)
        case cmd.Contribute():
            return [
                ev.ContributionAdded(
                    at=now,
                    contribution_id=f"C{len(state.contributions) + 1}",
                    author=command.by,
                    kind=command.kind,
                    text=command.text,
                    written=phase is not None and phase.written_first,
                    reply_to=command.reply_to,
                    hidden_until=phase.hidden_until if phase is not None else None,
                    typed_by=_typist(command),
                    commitment=command.commitment,
                )
            ]
        case cmd.SubmitLeervraag():
            number = len(state.leervragen) + 1
            return [
                ev.LeervraagSubmitted(
                    at=now,
                    leervraag_id=f"L{number}",
                    by=command.by,
                    text=command.text,
                    typed_by=_typist(command),
                )
            ]
        case cmd.PassLeervraag():
            return [ev.LeervraagPassed(at=now, by=command.by)]
        case cmd.ChooseCase():
            leervraag = next(lv for lv in state.leervragen.values() if lv.by == command.inbrenger)
            return [
                ev.CaseChosen(
                    at=now,
                    case_no=len(state.cases) + 1,
                    leervraag_id=leervraag.id,
                    inbrenger=command.inbrenger,
                    co_inbrenger=command.co_inbrenger,
                ),
                ev.StepEntered(at=now, frame="method_choice"),
            ]
        case cmd.ChooseMethod():
            assert method is not None
            return [
                ev.MethodChosen(
                    at=now,
                    case_no=len(state.cases),
                    method_id=method.id,
                    method_version=method.version,
                    variant=command.variant,
                ),
                ev.StepEntered(at=now, frame="method", phase=method.phases[0].id),
            ]
        case cmd.Reveal():
            return [ev.WrittenRevealed(at=now, by=command.by)]
        case cmd.Decide():
            assert phase is not None and phase.decision is not None
            return [
                ev.DecisionMade(
                    at=now,
                    decision_id=phase.decision.id,
                    by=command.by,
                    selected=command.selected,
                    text=command.text,
                    labels=command.labels,
                    typed_by=_typist(command),
                )
            ]
        case cmd.RecordConsensus():
            return [ev.ConsensusRecorded(at=now, by=command.by, text=command.text)]
        case cmd.Extend():
            return [ev.PhaseExtended(at=now, by=command.by, minutes=command.minutes)]
        case cmd.Close():
            return [ev.MeetingClosed(at=now, by=command.by, reason=command.reason)]
        case cmd.HandOver():
            return [ev.FacilitatorChanged(at=now, by=command.by, to=command.to)]
        case cmd.ChooseInbrenger():
            return [ev.InbrengerChosen(at=now, by=command.by, inbrenger=command.inbrenger)]
        case cmd.TakeLoop():
            destination = flow.destination(position, f"loop:{command.loop_id}")
            return [
                ev.LoopTaken(at=now, by=command.by, loop_id=command.loop_id),
                ev.StepEntered(at=now, frame="method", phase=destination, module=state.module),
            ]
        case cmd.Skip():
            return [
                ev.PhaseSkipped(at=now, by=command.by, reason=command.reason),
                *_move_on(state, registry, flow, position, "skip", now),
            ]
    raise AssertionError(f"unhandled command {type(command).__name__}")


def _move_on(
    state: MeetingState,
    registry: Registry,
    flow: Flow,
    position: str,
    trigger: str,
    now: datetime,
) -> list[ev.Event]:
    """The step after this one: the next phase, back out of a module, the next
    member's round, or on to the frame."""
    if state.frame != "method":
        destination = flow.destination(position, _frame_advance(state))
        assert destination is not None
        if destination == "recognitions" and held_by_methods(state, registry, "recognitions"):
            destination = "evaluation"
        return [ev.StepEntered(at=now, frame=destination)]
    destination = flow.destination(position, trigger)
    if destination != END:
        return [ev.StepEntered(at=now, frame="method", phase=destination, module=state.module)]
    method = case_method(state, registry)
    assert method is not None
    if state.module is not None and state.nest_parent is not None:
        after = method_flow(method).destination(state.nest_parent, "advance")
        if after != END:
            return [ev.StepEntered(at=now, frame="method", phase=after)]
    if method.rounds == "per_member":
        return _next_round(state, method, now)
    return [ev.StepEntered(at=now, frame="second_case")]


def _next_round(state: MeetingState, method: MethodSpec, now: datetime) -> list[ev.Event]:
    """Rotation inside a meeting (troika, wise crowds): every member present once."""
    done = set()
    for case in reversed(state.cases):
        done.add(case.inbrenger)
        if not case.auto:
            break
    waiting = [p for p in state.present if p not in done and not state.members[p].external]
    if not waiting:
        return [ev.StepEntered(at=now, frame="second_case")]
    nxt = waiting[0]
    leervraag = next((lv.id for lv in state.leervragen.values() if lv.by == nxt), "")
    case = state.cases[-1]
    return [
        ev.CaseChosen(
            at=now, case_no=len(state.cases) + 1, leervraag_id=leervraag, inbrenger=nxt, auto=True
        ),
        ev.MethodChosen(
            at=now,
            case_no=len(state.cases) + 1,
            method_id=method.id,
            method_version=method.version,
            variant=case.variant,
        ),
        ev.StepEntered(at=now, frame="method", phase=method.phases[0].id),
    ]
