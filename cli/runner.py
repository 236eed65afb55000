"""The interactive meeting: the frame step by step, and the method's phases at a prompt.

The runner holds no meeting state of its own. Each pass of its loop looks at where
the meeting is (``state.frame`` and ``state.phase``) and asks the one question that
step needs, so a resumed meeting continues exactly where it stopped and a refused
command simply asks again. Every answer goes to the engine at once, which commits it
to the journal before the next prompt: stopping at any point loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import parse
from .console import EndOfInput, ask, confirm, say, wrap
from .describe import kind_name
from .screen import frame_screen, phase_screen, shown_contributions, time_line
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Meeting

__all__ = ["EndOfInput", "Leave", "Runner"]


def short_kinds(kinds: tuple[str, ...], lang: Lang) -> str:
    """Each kind with the shortest word the prompt takes for it: what a hurried hand types."""
    shortest: dict[str, str] = {}
    for alias, kind in parse.KIND_ALIASES.items():
        if kind not in shortest or len(alias) < len(shortest[kind]):
            shortest[kind] = alias
    return ", ".join(f"{shortest.get(k, k)}={kind_name(k, lang)}" for k in kinds)


class Leave(Exception):
    """The facilitator stops for now; everything entered is already saved."""


class Runner:
    def __init__(
        self,
        meeting: Meeting,
        lang: Lang,
        *,
        method_id: str | None = None,
        variant: str | None = None,
    ) -> None:
        self.meeting = meeting
        self.lang = lang
        self.method_id = method_id
        self.variant = variant
        self._shown: object = None
        #: True right after a step's header was shown: lists are shown once per step.
        self._fresh = False

    # -- the loop -----------------------------------------------------------------

    def run(self) -> None:
        """Walk the meeting to its close; raises Leave or EndOfInput to stop early."""
        steps: dict[str, Callable[[], None]] = {
            "opening": self.opening,
            "leervragen": self.leervragen,
            "case_choice": self.case_choice,
            "method_choice": self.method_choice,
            "method": self.method_phase,
            "second_case": self.second_case,
            "recognitions": self.recognitions,
            "evaluation": self.evaluation,
        }
        while not self.meeting.state.closed:
            self._header()
            steps[self.meeting.state.frame]()
        say()
        say(t(self.lang, "run.closed"))

    def _header(self) -> None:
        state = self.meeting.state
        key = (state.frame, state.phase, state.case.no if state.case else None)
        self._fresh = key != self._shown
        if not self._fresh:
            return
        self._shown = key
        say()
        if state.frame == "method":
            say(phase_screen(self.meeting, self.lang))
        else:
            say(frame_screen(self.meeting, self.lang))

    # -- frame steps --------------------------------------------------------------

    def opening(self) -> None:
        state = self.meeting.state
        say(t(self.lang, "opening.confidential"))
        present = ", ".join(self.name(p) for p in state.present)
        say(
            t(self.lang, "opening.roles", facilitator=self.name(state.facilitator), present=present)
        )
        self.answer(f"{t(self.lang, 'opening.enter')} ")
        self.send(self.meeting.advance, self.facilitator)

    def leervragen(self) -> None:
        state = self.meeting.state
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        for person in [p for p in state.present if p not in done]:
            text = self.answer(t(self.lang, "leervragen.ask", name=self.name(person)))
            if text.strip():
                self.send(self.meeting.submit_leervraag, person, text.strip())
            else:
                self.send(self.meeting.pass_leervraag, person)
        if not self.meeting.state.leervragen:
            say(t(self.lang, "leervragen.none"))
            reason = t(self.lang, "leervragen.none_reason")
            self.send(self.meeting.close, self.facilitator, reason)
            return
        self.send(self.meeting.advance, self.facilitator)

    def case_choice(self) -> None:
        state = self.meeting.state
        discussed = {case.inbrenger for case in state.cases}
        open_ = [lv for lv in state.leervragen.values() if lv.by not in discussed]
        if self._fresh or self.meeting.state.frame == "second_case":
            say(t(self.lang, "case.list"))
            for number, leervraag in enumerate(open_, start=1):
                say(
                    wrap(
                        f"  {number}. {self.name(leervraag.by)}: {leervraag.text}", hanging=" " * 6
                    )
                )
        self._fresh = False
        default = "1" if len(open_) == 1 else ""
        answer = self.answer(t(self.lang, "case.ask") + (f"[{default}] " if default else ""))
        answer = answer.strip() or default
        if not answer.isdigit() or not 1 <= int(answer) <= len(open_):
            say(t(self.lang, "case.bad_number"))
            return
        inbrenger = open_[int(answer) - 1].by
        consent = self.yes(t(self.lang, "case.consent", name=self.name(inbrenger)), default=True)
        self.send(self.meeting.choose_case, self.facilitator, inbrenger, consent=consent)

    def method_choice(self) -> None:
        state, registry = self.meeting.state, self.meeting.engine.registry
        size = sum(1 for p in state.present if not state.members[p].external)
        methods = registry.methods()
        fitting = [m for m in methods if m.fit.group_min <= size <= m.fit.group_max]
        if self._fresh:
            say(t(self.lang, "method.list" if fitting else "method.none_fit", n=size))
            for spec in fitting or methods:
                say(
                    f"  {spec.id:<12} {spec.title(self.lang)} · {spec.fit.minutes} "
                    f"{t(self.lang, 'min')} · {spec.fit.group_min}-{spec.fit.group_max}"
                )
                for option in spec.variants:
                    say(wrap(f"    {spec.id}/{option.id}: {option.title(self.lang)}"))
            if any(spec.variants for spec in fitting or methods):
                say(t(self.lang, "method.variant_hint"))
        self._fresh = False
        default = self.method_id or (fitting[0].id if len(fitting) == 1 else "")
        if default and self.method_id and self.variant:
            default = f"{default}/{self.variant}"
        line = self.answer(t(self.lang, "method.ask") + (f"[{default}] " if default else ""))
        parsed = parse.parse_line(line)
        if isinstance(parsed, parse.Close):
            self.send(self.meeting.close, self.facilitator, parsed.reason or None)
            return
        method_id, variant = parse.parse_method_choice(line.strip() or default)
        known = {m.id: m for m in methods}
        if method_id not in known:
            say(t(self.lang, "method.unknown", id=method_id or "-"))
            return
        spec = known[method_id]
        title = spec.title(self.lang)
        if variant is not None:
            chosen = next((v for v in spec.variants if v.id == variant), None)
            if chosen is None:
                known_variants = ", ".join(v.id for v in spec.variants) or "-"
                say(t(self.lang, "method.unknown_variant", id=variant, known=known_variants))
                return
            title = f"{title} ({chosen.title(self.lang)})"
        inbrenger = state.inbrenger or ""
        agrees = self.yes(
            t(self.lang, "method.agree", name=self.name(inbrenger), title=title), default=True
        )
        self.send(
            self.meeting.choose_method,
            self.facilitator,
            method_id,
            inbrenger_agrees=agrees,
            variant=variant,
        )

    def second_case(self) -> None:
        state = self.meeting.state
        discussed = {case.inbrenger for case in state.cases}
        if any(lv.by not in discussed for lv in state.leervragen.values()) and self.yes(
            t(self.lang, "second.ask"), default=False
        ):
            self.case_choice()
            return
        self.send(self.meeting.advance, self.facilitator)

    def recognitions(self) -> None:
        shared = {c.author for c in self.meeting.state.step_contributions()}
        for person in [p for p in self.meeting.state.present if p not in shared]:
            text = ""
            while not text:
                text = self.answer(t(self.lang, "recognitions.ask", name=self.name(person)))
                text = text.strip()
                if not text:
                    say(t(self.lang, "recognitions.needed"))
            self.send(self.meeting.contribute, person, "recognition", text)
        self.send(self.meeting.advance, self.facilitator)

    def evaluation(self) -> None:
        line = self.answer(t(self.lang, "evaluation.ask")).strip()
        if not line:
            self.send(self.meeting.close, self.facilitator)
            return
        author, text = self.facilitator, line
        name, colon, rest = line.partition(":")
        if colon and rest.strip():
            for person in self.meeting.state.present:
                if self.name(person).casefold() == name.strip().casefold():
                    author, text = person, rest.strip()
        self.send(self.meeting.contribute, author, "note", text)

    # -- method phases ------------------------------------------------------------

    def method_phase(self) -> None:
        """One line at the ``>`` prompt."""
        meeting, lang = self.meeting, self.lang
        parsed = parse.parse_line(ask("> "))
        match parsed:
            case parse.Contribute(name=name, kind=kind, text=text, reply_to=reply_to):
                added = self.send(meeting.contribute, name, kind, text, who=name, reply_to=reply_to)
                if added is not None:
                    say(t(lang, "recorded", id=added))
            case parse.Advance():
                self.send(meeting.advance, self.facilitator)
            case parse.Reveal():
                if self.send(meeting.reveal, self.facilitator) is not None:
                    say("\n".join(shown_contributions(meeting, lang)))
            case parse.Decide(text=text, selected=selected, labels=labels):
                decider = self._decider()
                given = {cid: self._label(label) for cid, label in labels}
                if self.send(meeting.decide, decider, text=text, selected=selected, labels=given):
                    say(t(lang, "decision.recorded"))
            case parse.TakeLoop(loop_id=loop_id):
                self._take_loop(loop_id)
            case parse.Consensus(text=text):
                if self.send(meeting.record_consensus, self.facilitator, text):
                    say(t(lang, "consensus.recorded"))
            case parse.ChooseModule(method_id=module_id):
                self._choose_module(module_id)
            case parse.Extend(minutes=minutes):
                if self.send(meeting.extend, self.facilitator, minutes) is not None:
                    say(time_line(meeting, lang))
            case parse.Skip(reason=reason):
                self.send(meeting.skip, self.facilitator, reason)
            case parse.Close(reason=reason):
                self.send(meeting.close, self.facilitator, reason or None)
            case parse.Show():
                say("\n".join(shown_contributions(meeting, lang)))
                say(f"  {time_line(meeting, lang)}")
            case parse.Help():
                from intervision.engine import CONTRIBUTION_KINDS

                say(t(lang, "help", kinds=short_kinds(CONTRIBUTION_KINDS, lang)))
            case parse.Leave():
                raise Leave
            case parse.Invalid(key=key, kind=kind):
                from intervision.engine import CONTRIBUTION_KINDS

                say(t(lang, key, kind=kind, kinds=", ".join(CONTRIBUTION_KINDS)))
            case parse.Unknown():
                say(t(lang, "unknown_command"))
            case parse.Empty():
                pass

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
            title = phase.labels.titles.get(value)
            words = {value.casefold()}
            if title is not None:
                for text in (title.nl, title.en):
                    words |= {text.casefold(), text.split(":")[0].strip().casefold()}
            if folded in words:
                return value
        return typed

    def _take_loop(self, loop_id: str) -> None:
        """Sent as the role the loop belongs to: the inbrenger's own "not helped yet"."""
        phase = self.meeting.phase
        loops = phase.loops if phase is not None else ()
        if not loop_id and len(loops) == 1:
            loop_id = loops[0].id
        loop = next((lp for lp in loops if lp.id == loop_id), None)
        if loop is None:
            known = ", ".join(lp.id for lp in loops) or "-"
            say(t(self.lang, "loop.unknown", id=loop_id or "-", known=known))
            return
        by = self.facilitator
        if loop.by == "inbrenger" and self.meeting.state.inbrenger:
            by = self.meeting.state.inbrenger
        self.send(self.meeting.take_loop, by, loop.id)

    def _choose_module(self, module_id: str) -> None:
        phase, registry = self.meeting.phase, self.meeting.engine.registry
        if phase is None or phase.nested is None:
            offered: tuple[str, ...] = ()
        else:
            offered = phase.nested.choose_from or tuple(
                m.id for m in registry.methods(modules=True) if m.kind == "module"
            )
        if not module_id and len(offered) == 1:
            module_id = offered[0]
        if not module_id:
            say(t(self.lang, "module.which", known=", ".join(offered) or "-"))
            return
        from intervision.engine import UnknownMethodError

        by = self.meeting.state.inbrenger or self.facilitator
        try:
            self.send(self.meeting.choose_module, by, module_id)
        except UnknownMethodError:
            say(t(self.lang, "module.which", known=", ".join(offered) or "-"))

    # -- helpers ------------------------------------------------------------------

    @property
    def facilitator(self) -> str:
        return self.meeting.state.facilitator

    def name(self, person: str) -> str:
        member = self.meeting.state.members.get(person)
        return member.name if member else person

    def answer(self, prompt: str) -> str:
        """A line at a frame prompt; the words for pausing work here too."""
        line = ask(prompt)
        if parse.is_leave(line):
            raise Leave
        return line

    def yes(self, question: str, *, default: bool) -> bool:
        answer = confirm(self.lang, question, default=default)
        if isinstance(answer, str):
            raise Leave
        return answer

    def send(self, action: Callable[..., Any], *args: Any, who: str = "", **kwargs: Any) -> Any:
        """Send one command; a refusal is said and the meeting goes on.

        Returns what the command returned, or None when it was refused. ``True``
        stands in for commands that return nothing, so callers can tell.
        """
        from intervision.engine import CommandRefused, ConcurrencyError, NotAMemberError

        try:
            result = action(*args, **kwargs)
        except CommandRefused as exc:
            say(t(self.lang, "run.refused", rule=exc.rule, reason=exc.reason(self.lang)))
            return None
        except NotAMemberError:
            present = ", ".join(self.name(m) for m in self.meeting.state.present)
            say(t(self.lang, "run.not_member", name=who or "?", present=present))
            return None
        except ConcurrencyError:
            self.meeting.refresh()
            say(t(self.lang, "run.conflict"))
            return None
        return True if result is None else result
