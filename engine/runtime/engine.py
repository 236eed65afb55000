"""The engine a facilitator's terminal or a host app talks to.

One command flows one way: decide (flow and rules) -> append to the journal with
the version the state was at -> apply -> notify hooks and subscribers. A refused
command writes nothing; a hook that fails cannot undo what was committed.
"""

from __future__ import annotations

import itertools
import logging
import random
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from intervision.engine import (
    Command,
    CommandRefused,
    ConcurrencyError,
    Contribute,
    ContributionAdded,
    Event,
    Journal,
    Lang,
    MeetingNotFoundError,
    MeetingPurpose,
    MeetingStarted,
    MeetingState,
    MeetingSummary,
    Registry,
    RepeatedRequest,
    StepEntered,
    Text,
    apply,
    decide,
    get_logger,
    is_meeting_stream,
    load_registry,
    roles_of,
)

from .identity import check_id, check_lang, check_request_id
from .limits import DEFAULT_LIMITS, Limits, over_limit
from .live import Live, Subscriber
from .meeting_ids import new_meeting_id
from .outcome import Outcome
from .roster import MEETING_ID, Roster, seat
from .state_cache import DEFAULT_CACHED_MEETINGS, StateCache
from .stored_replay import replay_stored

if TYPE_CHECKING:
    from .meeting import Meeting

__all__ = ["Engine", "Subscriber"]

log = get_logger("intervision.engine")

Clock = Callable[[], datetime]
_Part = TypeVar("_Part")


#: The longest pause, in seconds, before a command without an expected version is
#: decided again after another writer came first (the pause doubles from 1 ms, with
#: jitter, so that writers who keep colliding spread out instead of starving one).
_MAX_BACKOFF_S = 0.05


def _utcnow() -> datetime:
    return datetime.now(UTC)


#: How often a meeting id is drawn again when a new id is taken already: each draw
#: that collides is a one-in-billions event, so a second one means something else.
_ID_DRAWS = 3


class Engine:
    """Runs meetings on one journal with the methods of one registry. Thread-safe.

    It keeps the ``cache_size`` meetings it used last in memory (see
    :mod:`.state_cache`); any other is read from the journal when it is needed.
    Subscribers hear every committed event, in this process and, through the
    journal's watch, in any other process that writes to the same store.
    """

    def __init__(
        self,
        journal: Journal | None = None,
        registry: Registry | None = None,
        *,
        clock: Clock = _utcnow,
        cache_size: int = DEFAULT_CACHED_MEETINGS,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        if journal is None:
            from .memory_journal import MemoryJournal

            journal = MemoryJournal()
        self.journal = journal
        self.registry = registry if registry is not None else load_registry()
        self.clock = clock
        self.limits = limits
        self._states = StateCache(cache_size)
        # A meeting's lock lives while a command holds it: a host that touched a
        # million meetings does not keep a million locks.
        self._locks: weakref.WeakValueDictionary[str, threading.Lock] = (
            weakref.WeakValueDictionary()
        )
        self._guard = threading.Lock()
        self._live = Live(journal, self._states, self._lock)
        self._parts: dict[Callable[[Engine], Any], Any] = {}

    def attached(self, make: Callable[[Engine], _Part]) -> _Part:
        """The one object ``make(self)`` gives for this engine, made on first use.

        The parts built on the engine (the group book, a host's caches) keep their
        per-engine object here, so the engine needs to know nothing about them.
        """
        with self._guard:
            part = self._parts.get(make)
            if part is None:
                part = self._parts[make] = make(self)
            return part

    # -- meetings -----------------------------------------------------------------

    def start_meeting(
        self,
        members: Sequence[str] | Roster,
        *,
        facilitator: str,
        present: Sequence[str] | None = None,
        lang: Lang = "en",
        scribe: str | None = None,
        timekeeper: str | None = None,
        roles: Mapping[str, str | Sequence[str]] | None = None,
        group_id: str | None = None,
        meeting_id: str | None = None,
        external_facilitator: bool = False,
        purpose: MeetingPurpose = "regular",
        feedback_round: bool | None = None,
    ) -> Meeting:
        """Start a meeting; members are display names (or a group), the others names or ids.

        The facilitator is a member, named by id or name; with
        ``external_facilitator=True`` someone who is not a member may facilitate
        (a guide from outside the group: present, never a participant or an
        inbrenger). Without it a name that is not a member is refused, so a typo
        never becomes a stranger at the meeting. Names and ids are checked as
        :mod:`~.identity` says; nothing is written when one is refused.

        ``lang`` is ``nl``, ``en`` or a language an installed pack adds.

        ``roles`` gives the roles of the day, a role id to the members present who
        hold it (``{"scribe": "Carla", "secretary": ["Dirk", "Eva"]}``): the
        glossary's (scribe, timekeeper, observer) or any role an installed method
        declares (:meth:`Registry.held_roles`). A role is held for the whole
        meeting: ``MeetingState.roles`` and ``held_by`` show it, and ``allowed`` and
        the rules count it among the holder's roles (:func:`roles_of`). ``scribe``
        and ``timekeeper`` are short for those two.

        ``purpose`` "intake" is a group's first meeting (intervision, the contract
        and the methods introduced, personal learning goals written); "refresh" one
        after members changed (the contract and the rotation revisited, learning
        goals again). Both may go on to a case, or without one to the recognitions.

        With ``feedback_round`` the members give each other feedback in the
        evaluation, and the meeting closes once everyone has; left out, a group's own
        setting (its ``feedback_round``) holds, and a meeting of names holds none.
        """
        if feedback_round is None:
            feedback_round = bool(getattr(members, "feedback_round", False))
        lang = check_lang(lang, self.registry.langs())
        if meeting_id is not None:
            check_id(meeting_id, MEETING_ID)
        held = dict(roles or {})
        held.update({r: p for r, p in (("scribe", scribe), ("timekeeper", timekeeper)) if p})
        seating = seat(
            members,
            facilitator=facilitator,
            present=present,
            roles=held,
            known_roles=self.registry.held_roles(),
            group_id=group_id,
            external_facilitator=external_facilitator,
            limits=self.limits,
        )
        drawn = meeting_id is None
        meeting_id = meeting_id or new_meeting_id(self.clock())
        started = MeetingStarted(
            at=self.clock(),
            meeting_id=meeting_id,
            group_id=seating.group_id,
            lang=lang,
            members=seating.members,
            present=seating.present,
            facilitator=seating.facilitator,
            roles=seating.roles,
            purpose=purpose,
            feedback_round=feedback_round,
        )
        started, state = self._append_start(started, drawn=drawn)
        log.info(
            "meeting_started",
            meeting_id=state.meeting_id,
            members=len(seating.members),
            lang=lang,
        )
        self._notify(state, [started], [state])
        return self.meeting(state.meeting_id)

    def _append_start(
        self, started: MeetingStarted, *, drawn: bool
    ) -> tuple[MeetingStarted, MeetingState]:
        """Store a meeting's first event; a drawn id that is taken is drawn again (an id
        the caller chose is never replaced: the conflict is theirs to see)."""
        for draw in range(1, _ID_DRAWS + 1):
            with self._lock(started.meeting_id):
                try:
                    self.journal.append(started.meeting_id, 0, [started])
                except ConcurrencyError:
                    if not drawn or draw == _ID_DRAWS:
                        raise
                else:
                    state = apply(None, started)
                    self._states.put(state)
                    return started, state
            started = started.model_copy(update={"meeting_id": new_meeting_id(self.clock())})
        raise AssertionError("unreachable: the last draw returns or raises")

    def meeting(self, meeting_id: str) -> Meeting:
        """A handle on a meeting in this engine's journal."""
        from .meeting import Meeting

        return Meeting(self, meeting_id)

    def state(self, meeting_id: str) -> MeetingState:
        """The meeting's current state, rebuilt from the journal if not cached."""
        cached = self._states.get(meeting_id)
        if cached is not None:
            return cached
        return self.reload(meeting_id)

    def reload(self, meeting_id: str) -> MeetingState:
        """Rebuild the state from the journal (no hooks fire)."""
        events = self.journal.load(meeting_id)
        if not events:
            raise MeetingNotFoundError(
                Text(
                    nl="Die bijeenkomst staat niet in deze opslag; `intervision meetings` "
                    "toont welke er zijn.",
                    en="There is no such meeting in this store; `intervision meetings` lists them.",
                ),
                meeting_id=meeting_id,
            )
        state = replay_stored(meeting_id, events)
        self._states.put(state)
        log.debug("meeting_loaded", meeting_id=meeting_id, version=state.version)
        return state

    def meetings(self) -> list[MeetingSummary]:
        """Every meeting in the journal, oldest first (groups are streams too; not these).

        Reads the whole store: a listing pages through ``journal.digests()`` instead.
        """
        return [s for s in self.journal.meetings() if is_meeting_stream(s.meeting_id)]

    def close(self) -> None:
        """Release the journal (its file or connections); the engine is unusable after."""
        self._live.stop()
        self.journal.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def subscribe(
        self, callback: Subscriber, *, meeting_id: str | None = None
    ) -> Callable[[], None]:
        """Call ``callback(state, event)`` after every committed event (of one meeting,
        with ``meeting_id``); returns an unsubscribe.

        Events committed by this engine reach the callback on the thread that
        committed them; events another process committed to the same store, on the
        journal's watching thread (started with the first subscription), as soon as
        the journal reports them. With ``meeting_id`` the callback hears every version
        committed after it subscribed once, in the journal's order, also when this
        engine's command had to read another process's first. Unsubscribing twice is
        harmless.
        """
        return self._live.subscribe(callback, meeting_id)

    # -- commands -----------------------------------------------------------------

    def execute(
        self,
        meeting_id: str,
        command: Command,
        *,
        expected_version: int | None = None,
        request_id: str | None = None,
    ) -> Outcome:
        """Check, record and apply one command; what it committed comes back.

        With ``expected_version`` the caller says which version it decided on; if the
        meeting has moved on, :class:`ConcurrencyError` is raised and nothing is
        written. Without it the command applies to whatever is current: it is
        decided again on the newer state until it commits or a rule refuses it.

        ``request_id`` is the caller's idempotency key (a client that timed out does
        not know whether its command was committed): a command whose key the meeting
        already holds writes nothing and answers with what the first one committed.
        """
        if request_id is not None:
            check_request_id(request_id)
        too_long = over_limit(command, self.limits)
        if too_long is not None:
            lang = self.state(meeting_id).lang
            log.info(
                "command_refused", meeting_id=meeting_id, command=command.trigger, rule="limits"
            )
            raise CommandRefused("limits", too_long, lang, meeting_id=meeting_id)
        with self._lock(meeting_id):
            # No cap on the attempts: each conflict means another command was committed,
            # and the writers of one meeting are people, so the others run out.
            for attempt in itertools.count():
                if request_id is not None:
                    earlier = self._earlier(meeting_id, request_id)
                    if earlier is not None:
                        return earlier
                state = self.state(meeting_id)
                if expected_version is not None and state.version != expected_version:
                    state = self.reload(meeting_id)
                    if state.version != expected_version:
                        raise ConcurrencyError(meeting_id, expected_version, state.version)
                try:
                    events = decide(state, command, self.registry, self.clock())
                except Exception as exc:
                    log.info(
                        "command_refused",
                        meeting_id=meeting_id,
                        command=command.trigger,
                        rule=getattr(exc, "rule", None),
                        error=type(exc).__name__,
                    )
                    raise
                try:
                    version = self.journal.append(
                        meeting_id, state.version, events, request_id=request_id
                    )
                except ConcurrencyError as exc:
                    self._states.drop(meeting_id)
                    if expected_version is not None and type(exc) is not RepeatedRequest:
                        raise
                    if type(exc) is not RepeatedRequest:
                        pause = min(_MAX_BACKOFF_S, 0.001 * 2 ** min(attempt, 10))
                        time.sleep(random.uniform(0, pause))
                    continue  # another writer came first: decide again on what is now
                states = []
                for event in events:
                    states.append(state)
                    state = apply(state, event)
                self._states.put(state)
                break
        if log.enabled_for(logging.INFO):
            self._log_accepted(meeting_id, command, state)
        self._notify(state, events, states)
        return Outcome(meeting_id, version, tuple(events), state)

    def _earlier(self, meeting_id: str, request_id: str) -> Outcome | None:
        """What a request with this key committed before, if one did."""
        versions = self.journal.committed(meeting_id, request_id)
        if versions is None:
            return None
        first, last = versions
        events = self.journal.load(meeting_id)[first - 1 : last]
        return Outcome(meeting_id, last, tuple(events), self.state(meeting_id), repeated=True)

    def _log_accepted(self, meeting_id: str, command: Command, state: MeetingState) -> None:
        log.info(
            "command_accepted",
            meeting_id=meeting_id,
            command=command.trigger,
            roles=sorted(roles_of(state, command.by)),
            frame=state.frame,
            phase=state.phase,
            kind=command.kind if isinstance(command, Contribute) else None,
            version=state.version,
        )

    # -- internals ----------------------------------------------------------------

    def _lock(self, meeting_id: str) -> threading.Lock:
        lock = self._locks.get(meeting_id)  # a read is atomic; only a new lock needs the guard
        if lock is None:
            with self._guard:
                lock = self._locks.get(meeting_id)
                if lock is None:
                    lock = self._locks[meeting_id] = threading.Lock()
        return lock

    def _notify(self, state: MeetingState, events: list[Event], before: list[MeetingState]) -> None:
        """The hooks each event names (``Event.hooks``), then the subscribers, in order.

        Every hook and subscriber gets the meeting after the whole command; a hook
        about leaving a step also gets the step that was left, from the state
        before its event.
        """
        first = state.version - len(events) + 1
        for version, (event, earlier) in enumerate(zip(events, before, strict=True), first):
            for hook in event.hooks:
                if self.registry.implemented(hook):
                    self._call(hook, _hook_args(hook, state, event, earlier))
            self._live.committed(state, event, version)

    def _call(self, hook: str, kwargs: dict[str, Any]) -> None:
        """Call each plugin's hook on its own: one failing plugin does not stop the rest."""
        for _ in self.registry.call_each(hook, kwargs, meeting_id=kwargs["state"].meeting_id):
            pass


def _hook_args(
    hook: str, state: MeetingState, event: Event, before: MeetingState | None
) -> dict[str, Any]:
    """The arguments of a lifecycle hook (PLUGINS.md documents each signature)."""
    if hook == "intervision_contribution_added" and type(event) is ContributionAdded:
        added = event.contribution_id
        found = next(c for c in reversed(state.contributions) if c.id == added)
        return {"state": state, "contribution": found}
    if hook == "intervision_phase_left":
        assert before is not None
        return {"state": state, "frame": before.frame, "phase": before.phase}
    if hook == "intervision_phase_entered" and type(event) is StepEntered:
        return {"state": state, "frame": event.frame, "phase": event.phase}
    if hook == "intervision_phase_entered":  # the meeting started: its first step
        return {"state": state, "frame": "opening", "phase": None}
    return {"state": state}
