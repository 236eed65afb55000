"""Rule kinds that follow from the fields of a phase spec.

Allowed kinds per role, the inbrenger's mode, written-first, quotas, the
inbrenger's decision, who moves on and when a reason is needed: every method phase
gets these checks from its declared fields, without listing them in ``rules``.
"""

from __future__ import annotations

from intervision.engine import (
    COMMANDS,
    FRAME_KINDS,
    GLOSSARY,
    Advance,
    Close,
    Contribute,
    Decide,
    Refusal,
    Reveal,
    RuleContext,
    Skip,
    Text,
    below_floor,
    kind_titles,
    refuse,
    yet_to_speak,
)

__all__ = [
    "BY_ROLES",
    "allowed_kinds",
    "decision_required",
    "inbrenger_decides",
    "inbrenger_mode",
    "quota",
    "reasons_given",
    "references",
    "who_moves_on",
    "written_first",
]

#: The engine accepts the command classes only, never a subclass (``COMMAND_TYPES``),
#: and the checks below run on every command: they compare ``type(command)`` because
#: ``isinstance`` against a pydantic model that does not match goes through ``ABCMeta``
#: and costs ten times more.
_MOVING_ON: frozenset[type[object]] = frozenset({Advance, Skip})
#: The commands whose senders the command table names (``by_roles``): the commands
#: the "advance_by" kind checks, with ``Advance``, whose senders the phase names.
BY_ROLES: tuple[type[object], ...] = tuple(c for c in COMMANDS.values() if c.by_roles)

_MODE_TEXT = {
    "listens": (
        "luistert in deze fase en reageert niet",
        "listens in this phase and does not react",
    ),
    "away": (
        "is in deze fase even weg uit het gesprek",
        "is out of the conversation in this phase",
    ),
}


def references(ctx: RuleContext) -> Refusal | None:
    """``reply_to`` names a contribution that was said before this one, in this meeting."""
    command = ctx.command
    if type(command) is not Contribute or command.reply_to is None:
        return None
    target = command.reply_to
    if target == f"C{len(ctx.state.contributions) + 1}":
        return refuse(
            "references",
            "Een bijdrage kan geen antwoord op zichzelf zijn ({ref}).",
            "A contribution cannot answer itself ({ref}).",
            ref=target,
        )
    if not any(c.id == target for c in ctx.state.contributions):
        last = len(ctx.state.contributions)
        return refuse(
            "references",
            "Bijdrage {ref} bestaat niet; {known}.",
            "There is no contribution {ref}; {known}.",
            ref=target,
            known=Text(
                nl=f"de laatste is C{last}" if last else "er is nog geen bijdrage",
                en=f"the last one is C{last}" if last else "there are none yet",
            ),
        )
    return None


def allowed_kinds(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if type(command) is not Contribute:
        return None
    if ctx.phase is None:
        allowed = FRAME_KINDS.get(ctx.state.frame, ())
    elif "inbrenger" in ctx.roles:
        allowed = ctx.phase.allowed.get("inbrenger", ())
    else:
        by_role = ctx.phase.allowed
        for role in ctx.roles:  # the common case, allowed, without building the whole list
            if command.kind in by_role.get(role, ()):
                return None
        allowed = tuple(k for role in ctx.roles for k in by_role.get(role, ()))
    if command.kind in allowed:
        return None
    if not allowed:
        return refuse(
            "allowed_kinds",
            "In deze fase is er voor jou niets bij te dragen.",
            "There is nothing for you to contribute in this phase.",
        )
    return refuse(
        "allowed_kinds",
        "Een {kind} hoort niet in deze fase; wat jij nu kunt bijdragen: {ok}.",
        # The kind is quoted, not given an article: "A advice" and "A analysis" read wrong.
        "“{kind}” does not belong in this phase; what you can contribute now: {ok}.",
        kind=kind_titles([command.kind], ctx.glossary),
        ok=kind_titles(allowed, ctx.glossary),
    )


def inbrenger_mode(ctx: RuleContext) -> Refusal | None:
    if ctx.phase is None or "inbrenger" not in ctx.roles:
        return None
    if type(ctx.command) is not Contribute:
        return None
    mode = ctx.phase.inbrenger_mode
    if mode in _MODE_TEXT:
        nl, en = _MODE_TEXT[mode]
        return refuse("inbrenger_mode", "De inbrenger " + nl + ".", "The inbrenger " + en + ".")
    if mode == "answers_briefly" and ctx.command.kind != "reaction":
        return refuse(
            "inbrenger_mode",
            "De inbrenger beantwoordt in deze fase alleen kort de vragen.",
            "In this phase the inbrenger only answers the questions briefly.",
        )
    return None


def written_first(ctx: RuleContext) -> Refusal | None:
    state, command, phase = ctx.state, ctx.command, ctx.phase
    revealed = state.step_no in state.revealed
    if type(command) is Reveal:
        if phase is None or not phase.written_first:
            return refuse(
                "written_first",
                "Er valt niets te onthullen: in deze fase wordt niet eerst geschreven.",
                "There is nothing to reveal: this phase is not written first.",
            )
        if revealed:
            return refuse(
                "written_first",
                "Wat geschreven is, is al onthuld.",
                "What was written has already been revealed.",
            )
        neutral = ctx.method is not None and ctx.method.neutral_facilitator
        short = below_floor(state, phase.at_least, neutral_facilitator=neutral)
        if short:  # revealed early, the floor could no longer be reached
            return refuse(
                "written_first",
                "Eerst schrijft ieder op wat deze fase vraagt; {count} van de deelnemers nog niet.",
                "Everyone first writes what this phase asks; {count} of the participants have "
                "not yet.",
                count=len(short),
            )
        if phase.everyone_contributes and yet_to_speak(state, neutral_facilitator=neutral):
            # Revealed early, the round would be stuck: the late writer refused (the
            # round is revealed), moving on refused (not everyone wrote).
            return refuse(
                "written_first",
                "Eerst schrijft ieder iets op; {count} van de deelnemers nog niet.",
                "Everyone writes something first; {count} of the participants have not yet.",
                count=len(yet_to_speak(state, neutral_facilitator=neutral)),
            )
        return None
    if phase is None or not phase.written_first:
        return None
    if type(command) is Contribute and revealed:
        return refuse(
            "written_first",
            "De geschreven ronde is al onthuld; nieuwe bijdragen horen in de volgende fase.",
            "The written round has been revealed; new contributions belong in the next phase.",
        )
    written = any(c.written for c in state.step_contributions())
    if type(command) in _MOVING_ON and written and not revealed:
        return refuse(
            "written_first",
            "Eerst onthullen wat er geschreven is, dan pas verder.",
            "Reveal what was written before moving on.",
        )
    return None


def quota(ctx: RuleContext) -> Refusal | None:
    command, phase = ctx.command, ctx.phase
    if phase is None or type(command) is not Contribute:
        return None
    limit = phase.quotas.get(command.kind)
    if limit is None:
        return None
    used = sum(
        1
        for c in ctx.state.step_contributions()
        if c.author == command.by and c.kind == command.kind
    )
    if used < limit:
        return None
    return refuse(
        "quota",
        "In deze fase geeft ieder hooguit {limit} keer een {kind}.",
        "In this phase each person gives at most {limit} contributions of the kind {kind}.",
        limit=limit,
        kind=kind_titles([command.kind], ctx.glossary),
    )


def inbrenger_decides(ctx: RuleContext) -> Refusal | None:
    command, phase, state = ctx.command, ctx.phase, ctx.state
    if type(command) is not Decide:
        return None
    decision = phase.decision if phase is not None else None
    if decision is None:
        return refuse(
            "inbrenger_decides",
            "In deze fase valt er niets te besluiten.",
            "There is no decision to make in this phase.",
        )
    if decision.by not in ctx.roles:
        return refuse(
            "inbrenger_decides",
            "Dit besluit is aan de {role}, niet aan jou.",
            "This decision belongs to the {role}, not to you.",
            role=GLOSSARY.role(decision.by),
        )
    case_no = state.case.no if state.case else None
    eligible = {
        c.id
        for c in state.contributions
        if c.case_no == case_no and c.kind in decision.selects_from
    }
    unknown = [ref for ref in command.selected if ref not in eligible]
    if unknown and not decision.selects_from:
        return refuse(
            "inbrenger_decides",
            "In dit besluit kies je geen bijdragen ({refs}): zeg in woorden wat je besluit.",
            "This decision selects no contributions ({refs}): say in words what you decide.",
            refs=", ".join(unknown),
        )
    if unknown:
        return refuse(
            "inbrenger_decides",
            "Je kiest hier alleen uit: {kinds}; {refs} hoort daar niet bij.",
            "You select only from: {kinds} here; {refs} is not one of them.",
            kinds=kind_titles(decision.selects_from, ctx.glossary),
            refs=", ".join(unknown),
        )
    if not command.selected and not command.text.strip() and not command.labels:
        return refuse(
            "inbrenger_decides",
            "Een besluit noemt wat je kiest of wat je gaat doen.",
            "A decision names what you select or what you will do.",
        )
    return None


def decision_required(ctx: RuleContext) -> Refusal | None:
    phase = ctx.phase
    if type(ctx.command) is not Advance or phase is None or phase.decision is None:
        return None
    if not phase.decision.required:
        return None
    decided = {d.by for d in ctx.state.step_decisions()}
    pair = ctx.state.inbrengers if phase.decision.by == "inbrenger" else ()
    if len(pair) > 1:  # each of a pair makes the decision of their own
        if all(p in decided for p in pair):
            return None
        return refuse(
            "decision_required",
            "Eerst besluiten beide inbrengers, ieder voor zich: {title}.",
            "Both inbrengers decide first, each for themselves: {title}.",
            title=phase.decision.title,
        )
    if decided:
        return None
    return refuse(
        "decision_required",
        "Eerst besluit de {role}: {title}.",
        "The {role} decides first: {title}.",
        role=GLOSSARY.role(phase.decision.by),
        title=phase.decision.title,
    )


def who_moves_on(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if type(command) is Advance:
        allowed = ctx.phase.advance_by if ctx.phase is not None else ("facilitator",)
    else:
        allowed = command.by_roles
        if not allowed:
            return None
    if not ctx.roles.isdisjoint(allowed):
        return None
    if "inbrenger" in allowed and command.by == _chosen_inbrenger(ctx):
        return None  # the inbrenger just chosen agrees on the method
    return refuse(
        "advance_by",
        "Dit is aan de {roles}.",
        "This is for the {roles} to do.",
        roles=GLOSSARY.role_names(allowed),
    )


def _chosen_inbrenger(ctx: RuleContext) -> str | None:
    return ctx.state.inbrenger if ctx.state.frame == "method_choice" else None


def reasons_given(ctx: RuleContext) -> Refusal | None:
    command = ctx.command
    if type(command) is Skip and not command.reason.strip():
        return refuse(
            "reason_required",
            "Een fase overslaan kan, maar noem de reden.",
            "A phase can be skipped, but give the reason.",
        )
    early = ctx.state.frame != "evaluation"
    if type(command) is Close and early and not (command.reason or "").strip():
        return refuse(
            "reason_required",
            "De bijeenkomst eerder afsluiten kan, maar noem de reden.",
            "The meeting can be closed early, but give the reason.",
        )
    return None
