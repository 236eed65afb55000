"""A handle on one meeting: the calls a facilitator's screen or a host app makes.

People may be named by member id or display name. Each call sends one command with
the version this handle last saw, so a host with several writers learns about a
conflict instead of acting on a stale screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError

from intervision.engine import (
    FRAME_KINDS,
    FRAME_STEPS,
    Advance,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    ChooseModule,
    Close,
    Command,
    CommandRefused,
    Contribute,
    Contribution,
    Decide,
    Extend,
    HandOver,
    MeetingState,
    MethodSpec,
    NotAMemberError,
    PassLeervraag,
    PhaseSpec,
    RecordConsensus,
    Reveal,
    Skip,
    SubmitLeervraag,
    TakeLoop,
    Text,
    current_method,
    current_phase,
    roles_of,
)

from .identity import find_person

if TYPE_CHECKING:
    from intervision.engine import Journal, Registry

    from .capabilities import Capabilities
    from .outcome import Outcome


class _Engine(Protocol):
    """What a handle needs of its engine (the engine module imports this one)."""

    journal: Journal
    registry: Registry
    clock: Callable[[], datetime]

    def state(self, meeting_id: str) -> MeetingState: ...
    def reload(self, meeting_id: str) -> MeetingState: ...
    def execute(
        self,
        meeting_id: str,
        command: Command,
        *,
        expected_version: int | None = None,
        request_id: str | None = None,
    ) -> Outcome: ...


__all__ = ["Meeting"]

_NOT_A_MEMBER = Text(
    nl="Die persoon is geen lid van deze bijeenkomst: noem een lid bij id of bij de naam "
    "zoals de ledenlijst die schrijft.",
    en="That person is not a member of this meeting: name a member by id, or by their "
    "name as the member list has it.",
)


class Meeting:
    """A handle on one meeting: read where it is, and send it commands."""

    def __init__(self, engine: _Engine, meeting_id: str) -> None:
        self.engine = engine
        self.id = meeting_id
        engine.state(meeting_id)  # an unknown meeting fails here, not at first use

    # -- reading ------------------------------------------------------------------

    @property
    def state(self) -> MeetingState:
        """The engine's current state of the meeting: every handle sees the same one.

        After a conflict the engine drops its cached state; the next read loads the
        journal again, so a handle never keeps sending on a version that is gone.
        """
        return self.engine.state(self.id)

    @property
    def method(self) -> MethodSpec | None:
        """The method (in its variant) running now: a nested module, else the case's."""
        return current_method(self.state, self.engine.registry)

    @property
    def phase(self) -> PhaseSpec | None:
        """The method phase the meeting is in, or None in a frame step."""
        return current_phase(self.state, self.engine.registry)

    def title(self) -> Text:
        """The title of where the meeting is now: the method phase, or the frame step."""
        phase = self.phase
        return phase.title if phase is not None else FRAME_STEPS[self.state.frame].title

    def person(self, who: str) -> str:
        """The member id for an exact id or an exact display name (see :mod:`.identity`)."""
        members = self.state.members
        found = find_person(((m.id, m.name) for m in members.values()), who)
        if found is None:
            raise NotAMemberError(_NOT_A_MEMBER, meeting_id=self.id)
        return found

    def roles(self, who: str) -> frozenset[str]:
        """The roles this person has now, as the rules count them.

        The inbrenger only while their case runs; a facilitating member is a
        participant too, unless the method wants a neutral facilitator.
        """
        method = self.method
        neutral = method is not None and method.neutral_facilitator
        return roles_of(self.state, self.person(who), neutral_facilitator=neutral)

    def allowed_kinds(self, who: str) -> tuple[str, ...]:
        """The contribution kinds this person may give now."""
        phase = self.phase
        if phase is None:
            self.person(who)  # an unknown person is refused here too
            return FRAME_KINDS.get(self.state.frame, ())
        roles = self.roles(who)
        if "inbrenger" in roles:
            if phase.inbrenger_mode in ("listens", "away"):
                return ()
            return phase.allowed.get("inbrenger", ())
        return tuple(dict.fromkeys(k for r in sorted(roles) for k in phase.allowed.get(r, ())))

    def capabilities(self, now: datetime | None = None) -> Capabilities:
        """What each person present may do now, and what the step waits for."""
        from .capabilities import capabilities

        return capabilities(self.state, self.engine.registry, now or self.engine.clock())

    def visible_to(self, who: str | None = None) -> list[Contribution]:
        """The contributions ``who`` may see now (``None``: what everyone may see)."""
        return self.state.visible_to(self.person(who) if who else None)

    def remaining_seconds(self, now: datetime | None = None) -> float | None:
        """Seconds left in the current method phase's timebox (negative when over)."""
        phase, entered = self.phase, self.state.step_entered_at
        if phase is None or entered is None:
            return None
        now = now or self.engine.clock()
        budget = (phase.minutes + self.state.extra_minutes) * 60
        return budget - (now - entered).total_seconds()

    # -- commands -----------------------------------------------------------------

    def submit_leervraag(
        self,
        by: str,
        text: str,
        *,
        request_id: str | None = None,
        typed_by: str | None = None,
    ) -> str:
        """Record ``by``'s leervraag; returns its id (``L2``). ``typed_by``: see
        :meth:`contribute`."""
        outcome = self._send(
            SubmitLeervraag, request_id, by=by, text=text, typed_by=self._typist(typed_by)
        )
        return outcome.leervraag_ids[0]

    def pass_leervraag(self, by: str, *, request_id: str | None = None) -> Outcome:
        """``by`` brings no leervraag today."""
        return self._send(PassLeervraag, request_id, by=by)

    def choose_case(
        self,
        by: str,
        inbrenger: str,
        *,
        consent: bool = True,
        co_inbrenger: str | None = None,
        request_id: str | None = None,
    ) -> Outcome:
        """The group's choice of case; ``co_inbrenger`` brings it together with the
        inbrenger (both consent), for a method that allows a pair."""
        return self._send(
            ChooseCase,
            request_id,
            by=by,
            inbrenger=self.person(inbrenger),
            consent=consent,
            co_inbrenger=self.person(co_inbrenger) if co_inbrenger else None,
        )

    def choose_inbrenger(
        self, by: str, inbrenger: str, *, consent: bool = True, request_id: str | None = None
    ) -> Outcome:
        """Inside a phase that leaves it to the group: whose example the case becomes."""
        return self._send(
            ChooseInbrenger,
            request_id,
            by=by,
            inbrenger=self.person(inbrenger),
            consent=consent,
        )

    def choose_method(
        self,
        by: str,
        method_id: str,
        *,
        inbrenger_agrees: bool = True,
        variant: str | None = None,
        request_id: str | None = None,
    ) -> Outcome:
        """The method (and variant) for the case, agreed with the inbrenger."""
        return self._send(
            ChooseMethod,
            request_id,
            by=by,
            method_id=method_id,
            inbrenger_agrees=inbrenger_agrees,
            variant=variant,
        )

    def contribute(
        self,
        by: str,
        kind: str,
        text: str,
        *,
        reply_to: str | None = None,
        commitment: str | None = None,
        request_id: str | None = None,
        typed_by: str | None = None,
    ) -> str:
        """Record what ``by`` said; ``reply_to`` names the contribution it answers,
        ``commitment`` (at the opening) the earlier commitment whose outcome this tells.

        ``typed_by`` is who typed it in for ``by``: the facilitator, for a member
        without a device of their own (only the facilitator may; it is recorded).
        Returns the new contribution's id, from what this command committed.
        """
        outcome = self._send(
            Contribute,
            request_id,
            by=by,
            kind=kind,
            text=text,
            reply_to=reply_to,
            typed_by=self._typist(typed_by),
            commitment=commitment,
        )
        return outcome.contribution_ids[0]

    def reveal(self, by: str, *, request_id: str | None = None) -> Outcome:
        """Show what was written in silence in this written-first phase, all at once."""
        return self._send(Reveal, request_id, by=by)

    def decide(
        self,
        by: str,
        *,
        text: str = "",
        selected: Sequence[str] = (),
        labels: dict[str, str] | None = None,
        request_id: str | None = None,
        typed_by: str | None = None,
    ) -> Outcome:
        """The phase's decision: contributions ``selected``, a ``text`` (what they will
        do), and ``labels`` (contribution id -> label) where the phase labels;
        ``typed_by``: see :meth:`contribute`."""
        return self._send(
            Decide,
            request_id,
            by=by,
            text=text,
            selected=tuple(selected),
            labels=labels or {},
            typed_by=self._typist(typed_by),
        )

    def take_loop(self, by: str, loop_id: str, *, request_id: str | None = None) -> Outcome:
        """Go back along a loop the phase declares."""
        return self._send(TakeLoop, request_id, by=by, loop_id=loop_id)

    def record_consensus(
        self, by: str, text: str = "", *, request_id: str | None = None
    ) -> Outcome:
        """Record that the group agrees, in a phase that waits for consensus."""
        return self._send(RecordConsensus, request_id, by=by, text=text)

    def choose_module(self, by: str, method_id: str, *, request_id: str | None = None) -> Outcome:
        """The module a nesting phase runs."""
        return self._send(ChooseModule, request_id, by=by, method_id=method_id)

    def advance(self, by: str, *, request_id: str | None = None) -> Outcome:
        """Move on to the next phase or frame step."""
        return self._send(Advance, request_id, by=by)

    def extend(self, by: str, minutes: int, *, request_id: str | None = None) -> Outcome:
        """Give the phase more minutes (timeboxes are advisory)."""
        return self._send(Extend, request_id, by=by, minutes=minutes)

    def skip(self, by: str, reason: str, *, request_id: str | None = None) -> Outcome:
        """Skip the phase; the reason is recorded."""
        return self._send(Skip, request_id, by=by, reason=reason)

    def hand_over(self, by: str, to: str, *, request_id: str | None = None) -> Outcome:
        """The facilitator hands the facilitation to another member present."""
        return self._send(HandOver, request_id, by=by, to=self.person(to))

    def close(
        self, by: str, reason: str | None = None, *, request_id: str | None = None
    ) -> Outcome:
        """Close the meeting; before the evaluation, with a reason (closing early)."""
        return self._send(Close, request_id, by=by, reason=reason)

    def refresh(self) -> MeetingState:
        """Read the journal again: what other processes wrote becomes visible."""
        return self.engine.reload(self.id)

    def _typist(self, who: str | None) -> str | None:
        return None if who is None else self.person(who)

    def _send(
        self, command_type: Callable[..., Command], request_id: str | None, **fields: Any
    ) -> Outcome:
        fields["by"] = self.person(fields["by"])
        try:
            command = command_type(**fields)
        except ValidationError as exc:
            # pydantic echoes the input in its message; case text must not leak.
            names = ", ".join(str(e["loc"][0]) for e in exc.errors() if e["loc"])
            raise CommandRefused(
                "command",
                Text(nl=f"Ongeldige invoer voor: {names}.", en=f"Invalid input for: {names}."),
                self.state.lang,
                meeting_id=self.id,
            ) from None
        return self.engine.execute(
            self.id,
            command,
            expected_version=self.state.version,
            request_id=request_id,
        )
