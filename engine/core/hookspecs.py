"""Every hook a plugin can implement, in one place.

Three kinds: registration (methods, rule kinds, contribution kinds, languages), lifecycle
(fired after an event is committed; a failing hook cannot undo the commit) and policy
(who facilitates next, which methods fit a leervraag). Each hook is documented in
PLUGINS.md under its exact signature. Phase order is data in the method spec, never
hook order.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

if TYPE_CHECKING:
    from .glossary import Term
    from .rules import RuleKind
    from .specs import MethodSpec
    from .state import Contribution, MeetingState
    from .text import LanguagePack

__all__ = ["HOOK_API_VERSION", "PROJECT", "PastMeeting", "for_method", "hookimpl", "hookspec"]

PROJECT = "intervision"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: Bumped when a hook's signature changes incompatibly. 2: ``intervision_next_facilitator``
#: gets its history as :class:`PastMeeting` records (which still read as mappings).
HOOK_API_VERSION = 2


@dataclass(frozen=True, slots=True)
class PastMeeting:
    """One earlier meeting of a group, as a policy hook sees it: who came, who
    facilitated, who brought a case. Names are member ids; no case content."""

    meeting_id: str
    started_at: datetime
    facilitator: str
    inbrengers: tuple[str, ...]
    present: tuple[str, ...]

    # Plugins written for hook API 1 read each record as a dict; they still can.

    def __getitem__(self, key: str) -> Any:
        if key not in self.__slots__:
            raise KeyError(key)
        value = getattr(self, key)
        return list(value) if isinstance(value, tuple) else value

    def __contains__(self, key: object) -> bool:
        return key in self.__slots__

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


_Hook = TypeVar("_Hook", bound=Callable[..., Any])


def for_method(*method_ids: str) -> Callable[[_Hook], _Hook]:
    """Let a lifecycle hook fire only for the meetings of these methods.

    Lifecycle hooks fire for every meeting of every method; under ``@hookimpl``, this
    calls the hook only while the meeting's current case uses one of ``method_ids``
    (as its method, or as the nested module running now) and, for the closing, when
    any case of the meeting used one. It never fires for ``intervision_meeting_started``
    (no method is chosen yet) nor in the frame steps before the first method choice.
    The hook must take ``state``; it keeps its own signature for pluggy.
    """
    wanted = frozenset(method_ids)

    def decorate(hook: _Hook) -> _Hook:
        names = list(inspect.signature(hook).parameters)
        if "state" not in names:
            raise TypeError(f"for_method: the hook {hook.__name__} must take `state`")
        at = names.index("state")

        @functools.wraps(hook)
        def only_for_method(*args: Any, **kwargs: Any) -> Any:
            state = kwargs["state"] if "state" in kwargs else args[at]
            if _uses(state, wanted):
                return hook(*args, **kwargs)
            return None

        return only_for_method  # type: ignore[return-value]

    return decorate


def _uses(state: MeetingState, wanted: frozenset[str]) -> bool:
    if state.module is not None and state.module.split("@")[0] in wanted:
        return True
    cases = state.cases if state.closed else state.cases[-1:]
    return any(case.method_id in wanted for case in cases)


# -- registration ---------------------------------------------------------------


@hookspec
def intervision_methods() -> list[MethodSpec]:  # type: ignore[empty-body]
    """Return the methods this plugin provides."""


@hookspec
def intervision_rule_kinds() -> list[RuleKind]:  # type: ignore[empty-body]
    """Return rule kinds that method specs can reference by id in ``rules``."""


@hookspec
def intervision_contribution_kinds() -> list[Term]:  # type: ignore[empty-body]
    """Return contribution kinds (glossary terms) that phases can allow, like the built-in ones."""


@hookspec
def intervision_languages() -> list[LanguagePack]:  # type: ignore[empty-body]
    """Return languages this plugin adds: translations of English texts, per language."""


# -- lifecycle (after commit) -----------------------------------------------------


@hookspec
def intervision_meeting_started(state: MeetingState) -> None:
    """A meeting was started and its first event committed."""


@hookspec
def intervision_phase_entered(state: MeetingState, frame: str, phase: str | None) -> None:
    """The meeting entered a frame step or a method phase."""


@hookspec
def intervision_phase_left(state: MeetingState, frame: str, phase: str | None) -> None:
    """The meeting left a frame step or a method phase."""


@hookspec
def intervision_contribution_added(state: MeetingState, contribution: Contribution) -> None:
    """A contribution was committed."""


@hookspec
def intervision_meeting_closed(state: MeetingState) -> None:
    """The meeting was closed."""


# -- policy ---------------------------------------------------------------------


@hookspec(firstresult=True)
def intervision_next_facilitator(members: list[str], history: list[PastMeeting]) -> str | None:
    """Propose who facilitates next; the first non-None answer wins.

    ``members`` are the ids of the members present, ``history`` the group's earlier
    meetings, oldest first.
    """


@hookspec
def intervision_methods_for(  # type: ignore[empty-body]
    leervraag_kind: str | None, group_size: int, minutes: int | None
) -> list[str]:
    """Return ids of methods this plugin considers a fit; the answers are collected."""
