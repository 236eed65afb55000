"""One typed line to one engine call: shared by the interactive runner and ``meeting do``.

The runner asks its questions and the ``>`` prompt takes lines; a script sends the
same lines with ``intervision meeting do``. Both go through :meth:`Driver.do`, so a
command means the same thing, reaches the engine the same way and is refused for
the same reason. The difference is only what happens on a refusal: the runner says
it and asks again, a script gets it as an exception (``strict``) and an exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import parse
from .console import say
from .describe import kind_name, kind_short
from .screen import shown_contributions, time_line
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Meeting

__all__ = ["Driver", "Leave", "Problem", "short_kinds"]


class Leave(Exception):
    """The facilitator stops for now; everything entered is already saved."""


class Problem(Exception):
    """A line that was not sent: not understood, or naming something unknown.

    ``rule`` is what a script matches on (``syntax``, ``method_choice``, ...); the
    message is in the screen's language and never holds case content.
    """

    def __init__(self, rule: str, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.rule = rule
        self.exit_code = exit_code


def short_kinds(kinds: tuple[str, ...], lang: Lang) -> str:
    """Each kind with its shortcut in ``lang``: what a hurried hand types."""
    return ", ".join(f"{kind_short(k, lang)}={kind_name(k, lang)}" for k in kinds)


class Driver:
    """Sends parsed lines to one meeting."""

    def __init__(
        self,
        meeting: Meeting,
        lang: Lang,
        *,
        strict: bool = False,
        tell: Callable[[str], None] = say,
    ) -> None:
        self.meeting = meeting
        self.lang = lang
        self.strict = strict
        self.tell = tell
        #: The id of the contribution the last line recorded, if it recorded one.
        self.recorded: str | None = None

    @property
    def facilitator(self) -> str:
        return self.meeting.state.facilitator

    def name(self, person: str) -> str:
        member = self.meeting.state.members.get(person)
        return member.name if member else person

    # -- one line -----------------------------------------------------------------

    def do(self, parsed: parse.Parsed | parse.FrameCommand) -> bool:
        """Send what the line asks for; True when the engine accepted it."""
        meeting, lang = self.meeting, self.lang
        self.recorded = None
        match parsed:
            case parse.Leervraag(name=name, text=text):
                return self.send(meeting.submit_leervraag, name, text, who=name) is not None
            case parse.Pass(name=name):
                return self.send(meeting.pass_leervraag, name, who=name) is not None
            case parse.ChooseCase(name=name):
                sent = self.send(
                    meeting.choose_case, self.facilitator, name, consent=True, who=name
                )
                return sent is not None
            case parse.ChooseMethod(method_id=method_id, variant=variant):
                return self.choose_method(method_id, variant, agrees=True)
            case parse.HandOver(name=name):
                return self.send(meeting.hand_over, self.facilitator, name, who=name) is not None
            case parse.Contribute(
                name=name, kind=kind, text=text, reply_to=reply_to, commitment=commitment
            ):
                added = self.send(
                    meeting.contribute,
                    name,
                    kind,
                    text,
                    who=name,
                    reply_to=reply_to,
                    commitment=commitment,
                )
                if added is not None:
                    self.recorded = added
                    self.tell(t(lang, "recorded", id=added))
                return added is not None
            case parse.Advance():
                return self.send(meeting.advance, self.facilitator) is not None
            case parse.Reveal():
                if self.send(meeting.reveal, self.facilitator) is None:
                    return False
                self.tell("\n".join(shown_contributions(meeting, lang)))
                return True
            case parse.Decide(text=text, selected=selected, labels=labels):
                given = {cid: self._label(label) for cid, label in labels}
                decided = self.send(
                    meeting.decide, self._decider(), text=text, selected=selected, labels=given
                )
                if decided:
                    self.tell(t(lang, "decision.recorded"))
                return decided is not None
            case parse.TakeLoop(loop_id=loop_id):
                return self._take_loop(loop_id)
            case parse.Consensus(text=text):
                if self.send(meeting.record_consensus, self.facilitator, text) is None:
                    return False
                self.tell(t(lang, "consensus.recorded"))
                return True
            case parse.ChooseModule(method_id=module_id):
                return self._choose_module(module_id)
            case parse.Extend(minutes=minutes):
                if self.send(meeting.extend, self.facilitator, minutes) is None:
                    return False
                self.tell(time_line(meeting, lang))
                return True
            case parse.Skip(reason=reason):
                return self.send(meeting.skip, self.facilitator, reason) is not None
            case parse.Close(reason=reason):
                return self.send(meeting.close, self.facilitator, reason or None) is not None
            case parse.Show():
                self.tell("\n".join(shown_contributions(meeting, lang)))
                self.tell(f"  {time_line(meeting, lang)}")
            case parse.Help():
                from intervision.engine import CONTRIBUTION_KINDS

                self.tell(t(lang, "help", kinds=short_kinds(CONTRIBUTION_KINDS, lang)))
                if self.strict:
                    self.tell(t(lang, "do.frame_help"))
            case parse.Leave():
                if not self.strict:
                    raise Leave
            case parse.Invalid(key=key, kind=kind):
                from intervision.engine import CONTRIBUTION_KINDS

                self.problem("syntax", t(lang, key, kind=kind, kinds=", ".join(CONTRIBUTION_KINDS)))
            case parse.Unknown():
                self.problem("syntax", t(lang, "do.unknown" if self.strict else "unknown_command"))
            case parse.Empty():
                if self.strict:
                    self.problem("syntax", t(lang, "do.unknown"))
        return False

    def method_title(self, method_id: str, variant: str | None) -> str | None:
        """The method's title (with its variant's), or None after saying what is unknown:
        a typo gets the list of what there is, rather than an error."""
        methods = {m.id: m for m in self.meeting.engine.registry.methods()}
        spec = methods.get(method_id)
        if spec is None:
            self.problem("method_choice", t(self.lang, "method.unknown", id=method_id or "-"))
            return None
        title = spec.title(self.lang)
        if variant is None:
            return title
        chosen = next((v for v in spec.variants if v.id == variant), None)
        if chosen is None:
            known = ", ".join(v.id for v in spec.variants) or "-"
            self.problem(
                "method_choice", t(self.lang, "method.unknown_variant", id=variant, known=known)
            )
            return None
        return f"{title} ({chosen.title(self.lang)})"

    def choose_method(self, method_id: str, variant: str | None, *, agrees: bool) -> bool:
        if self.method_title(method_id, variant) is None:
            return False
        sent = self.send(
            self.meeting.choose_method,
            self.facilitator,
            method_id,
            inbrenger_agrees=agrees,
            variant=variant,
        )
        return sent is not None

    def problem(self, rule: str, message: str) -> None:
        """Said at the prompt; raised for a script."""
        if self.strict:
            raise Problem(rule, message)
        self.tell(message)

    # -- what a line leaves implicit ------------------------------------------------

    def _decider(self) -> str:
        """Who the phase's decision belongs to: the inbrenger unless the method says otherwise."""
        phase, state = self.meeting.phase, self.meeting.state
        if phase is not None and phase.decision is not None and phase.decision.by != "inbrenger":
            return self.facilitator
        return state.inbrenger or self.facilitator

    def _label(self, typed: str) -> str:
        """The label value a typed word means: the value itself, or its title in either
        language (``koud`` for ``cold``), so a Dutch group labels in Dutch."""
        phase = self.meeting.phase
        if phase is None or phase.labels is None:
            return typed
        folded = typed.casefold()
        for value in phase.labels.values:
            title = phase.labels.title(value)
            words = {value.casefold()}
            for text in (title.nl, title.en):
                words |= {text.casefold(), text.split(":")[0].strip().casefold()}
            if folded in words:
                return value
        return typed

    def _take_loop(self, loop_id: str) -> bool:
        """Sent as the role the loop belongs to: the inbrenger's own "not helped yet"."""
        phase = self.meeting.phase
        loops = phase.loops if phase is not None else ()
        if not loop_id and len(loops) == 1:
            loop_id = loops[0].id
        loop = next((lp for lp in loops if lp.id == loop_id), None)
        if loop is None:
            known = ", ".join(lp.id for lp in loops) or "-"
            self.problem("loop", t(self.lang, "loop.unknown", id=loop_id or "-", known=known))
            return False
        by = self.facilitator
        if loop.by == "inbrenger" and self.meeting.state.inbrenger:
            by = self.meeting.state.inbrenger
        return self.send(self.meeting.take_loop, by, loop.id) is not None

    def _choose_module(self, module_id: str) -> bool:
        phase, registry = self.meeting.phase, self.meeting.engine.registry
        if phase is None or phase.nested is None:
            offered: tuple[str, ...] = ()
        else:
            offered = phase.nested.choose_from or tuple(
                m.id for m in registry.methods(modules=True) if m.kind == "module"
            )
        if not module_id and len(offered) == 1:
            module_id = offered[0]
        which = t(self.lang, "module.which", known=", ".join(offered) or "-")
        if not module_id:
            self.problem("nesting", which)
            return False
        from intervision.engine import UnknownMethodError

        by = self.meeting.state.inbrenger or self.facilitator
        try:
            return self.send(self.meeting.choose_module, by, module_id) is not None
        except UnknownMethodError:
            self.problem("nesting", which)
            return False

    # -- sending ------------------------------------------------------------------

    def send(self, action: Callable[..., Any], *args: Any, who: str = "", **kwargs: Any) -> Any:
        """Send one command; at the prompt a refusal is said and the meeting goes on.

        Returns what the command returned, or None when it was refused. ``True``
        stands in for commands that return nothing, so callers can tell. In
        ``strict`` mode the refusal is raised instead.
        """
        from intervision.engine import CommandRefused, ConcurrencyError, NotAMemberError

        try:
            result = action(*args, **kwargs)
        except CommandRefused as exc:
            if self.strict:
                raise
            self.tell(t(self.lang, "run.refused", rule=exc.rule, reason=exc.reason(self.lang)))
            return None
        except NotAMemberError:
            present = ", ".join(self.name(m) for m in self.meeting.state.present)
            message = t(self.lang, "run.not_member", name=who or "?", present=present)
            if self.strict:
                raise Problem("not_a_member", message, exit_code=4) from None
            self.tell(message)
            return None
        except ConcurrencyError:
            self.meeting.refresh()
            if self.strict:
                raise
            self.tell(t(self.lang, "run.conflict"))
            return None
        return True if result is None else result
