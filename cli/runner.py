"""The interactive meeting: the frame step by step, and the method's phases at a prompt.

The runner holds no meeting state of its own. Each pass of its loop looks at where
the meeting is (``state.frame`` and ``state.phase``) and asks the one question that
step needs, so a resumed meeting continues exactly where it stopped and a refused
command simply asks again. Every answer goes to the engine at once, which commits it
to the journal before the next prompt: stopping at any point loses nothing.

At a phase's ``>`` prompt an :class:`~intervision.cli.timebox.Alarm` watches the
timebox: at a terminal it says once, by itself, when the time is up. ``tijd``
(``time``) shows the timebox on demand; it is a prompt word only, not a command
the engine or ``meeting do`` knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import parse
from .console import EndOfInput, ask, confirm, render, say, show, wrap
from .day_roles import roles_line
from .driver import Driver, Leave
from .kinds import kind_of, kinds_typed, shortcut
from .screen import frame_screen, phase_screen
from .texts import Lang, t
from .timebox import Alarm, timebox_text, timebox_total

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting
    from intervision.engine.groups import GroupState
    from intervision.engine.recommend import Suggestion

__all__ = ["TIME_WORDS", "EndOfInput", "Leave", "Runner"]

#: What shows the timebox at a phase prompt.
TIME_WORDS = frozenset({"tijd", "time", "timer", "klok"})


class Runner(Driver):
    """Asks each step's question; the lines themselves go through :class:`Driver`."""

    def __init__(
        self,
        engine: Engine,
        meeting: Meeting,
        lang: Lang,
        *,
        method_id: str | None = None,
        variant: str | None = None,
        kind: str | None = None,
        minutes: int | None = None,
        show_rules: bool = False,
        live: bool = False,
    ) -> None:
        super().__init__(meeting, lang, show_rules=show_rules)
        #: At a terminal with the cockpit: the prompt redraws itself under its region.
        self.live = live
        self.engine = engine
        self.method_id = method_id
        self.variant = variant
        self.kind = kind
        self.minutes = minutes
        self._shown: object = None
        self._group: GroupState | bool | None = False
        #: True right after a step's header was shown: lists are shown once per step.
        self._fresh = False
        self.alarm = Alarm(meeting, lang, live=live)

    # -- the loop -----------------------------------------------------------------

    def run(self) -> None:
        """Walk the meeting to its close; raises Leave or EndOfInput to stop early."""
        from . import intake

        steps: dict[str, Callable[[], None]] = {
            "opening": self.opening,
            "introduction": lambda: intake.introduction(self),
            "contract": lambda: intake.contract(self),
            "learning_goals": lambda: intake.learning_goals(self),
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
            show(phase_screen(self.meeting, self.lang))
            self._told_if_over()
        else:
            say(frame_screen(self.meeting, self.lang))

    @property
    def fresh(self) -> bool:
        """True right after this step's header was shown: what it lists, it lists once."""
        fresh, self._fresh = self._fresh, False
        return fresh

    # -- frame steps --------------------------------------------------------------

    @property
    def group(self) -> GroupState | None:
        """The meeting's group, read once: its contract and history frame the meeting."""
        if self._group is False:
            from .group_view import group_of

            self._group = group_of(self.engine, self.meeting)
        return self._group  # type: ignore[return-value]

    def opening(self) -> None:
        state, group = self.meeting.state, self.group
        if group is None:
            say(t(self.lang, "opening.confidential"))
        else:
            from .group_view import agreed_lines

            say(t(self.lang, "opening.contract"))
            for line in agreed_lines(group.contract, self.lang):
                say(line)
        present = ", ".join(self.name(p) for p in state.present)
        say(
            t(self.lang, "opening.roles", facilitator=self.name(state.facilitator), present=present)
        )
        held = roles_line(state, self.engine.registry, self.lang)
        if held:
            say(held)
        from .opening import look_back, recall_goals

        if group is not None:
            look_back(self, group)
            if state.purpose == "regular":
                recall_goals(self, group)
        self.answer(f"{t(self.lang, 'opening.enter')} ")
        self.send(self.meeting.advance, self.facilitator)

    def leervragen(self) -> None:
        state = self.meeting.state
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        for person in [p for p in state.present if p not in done]:
            text = self.answer(t(self.lang, "leervragen.ask", name=self.name(person)))
            if text.strip():
                self.do(parse.Leervraag(person, text.strip()))
            else:
                self.do(parse.Pass(person))
        if not self.meeting.state.leervragen and state.purpose != "regular":
            from .texts_start import t as start_t

            say(start_t(self.lang, "leervragen.none_intake"))
        elif not self.meeting.state.leervragen:
            say(t(self.lang, "leervragen.none"))
            reason = t(self.lang, "leervragen.none_reason")
            self.send(self.meeting.close, self.facilitator, reason)
            return
        self.send(self.meeting.advance, self.facilitator)

    def case_choice(self) -> None:
        state = self.meeting.state
        discussed = {p for case in state.cases for p in case.inbrengers}
        open_ = [lv for lv in state.leervragen.values() if lv.by not in discussed]
        if self._fresh or self.meeting.state.frame == "second_case":
            if self.group is not None:
                from .group_view import fairness_lines, history_of

                history = history_of(self.engine, self.group)
                say("\n".join(fairness_lines(self.group, history, self.lang, state.present)))
                say(t(self.lang, "fair.decides"))
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
        numbers = [part.strip() for part in (answer.strip() or default).split("+")]
        if len(numbers) > 2 or not all(n.isdigit() and 1 <= int(n) <= len(open_) for n in numbers):
            say(t(self.lang, "case.bad_number"))
            return
        inbrenger, *pair = (open_[int(n) - 1].by for n in numbers)
        names = " + ".join(self.name(p) for p in (inbrenger, *pair))
        consent = self.yes(t(self.lang, "case.consent", name=names), default=True)
        self.send(
            self.meeting.choose_case,
            self.facilitator,
            inbrenger,
            consent=consent,
            co_inbrenger=pair[0] if pair else None,
        )

    def method_choice(self) -> None:
        state, registry = self.meeting.state, self.meeting.engine.registry
        size = sum(1 for p in state.present if not state.members[p].external)
        methods = registry.methods()
        fitting = [m for m in methods if m.fit.group_min <= size <= m.fit.group_max]
        suggested = self.suggestions(size)
        if self._fresh:
            self.show_suggestions(suggested)
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
        first = suggested[0].method_id if suggested else ""
        default = self.method_id or first or (fitting[0].id if len(fitting) == 1 else "")
        variant = self.variant if self.method_id else None
        group = self.group
        if group is not None and not self.method_id and default == group.series_method:
            variant = group.series_variant
        if default and variant:
            default = f"{default}/{variant}"
        line = self.answer(t(self.lang, "method.ask") + (f"[{default}] " if default else ""))
        parsed = parse.parse_line(line, self.lang, self.words)
        if isinstance(parsed, parse.Close):
            self.send(self.meeting.close, self.facilitator, parsed.reason or None)
            return
        method_id, variant = parse.parse_method_choice(line.strip() or default)
        title = self.method_title(method_id, variant)
        if title is None:
            return
        inbrenger = state.inbrenger or ""
        if not self.facilitator_may_stay(method_id, variant, state.inbrengers):
            return
        agrees = self.yes(
            t(self.lang, "method.agree", name=self.name(inbrenger), title=title), default=True
        )
        self.choose_method(method_id, variant, agrees=agrees)

    def facilitator_may_stay(
        self, method_id: str, variant: str | None, inbrengers: tuple[str, ...]
    ) -> bool:
        """Whoever facilitates does not bring the case, alone or as one of a pair
        (unless the method says why they may): another facilitator first, the
        rotation's next proposal or whoever the group names."""
        from intervision.engine import IntervisionError

        try:
            spec = self.meeting.engine.registry.method(method_id, variant=variant)
        except IntervisionError:
            return True  # the engine's refusal will say what is wrong
        facilitator = self.facilitator
        if spec.facilitator_may_bring_case is not None or facilitator not in inbrengers:
            return True
        state = self.meeting.state
        others = [p for p in state.present if p not in inbrengers]
        proposal = others[0] if others else ""
        group = self.group
        if group is not None:
            from intervision.engine.groups import group_history, propose_facilitator

            history = group_history(self.engine, group.id)
            proposed = propose_facilitator(
                self.engine, group, list(state.present), history, not_=facilitator
            )
            proposal = proposed if proposed in others else proposal
        say(t(self.lang, "method.hand_over", name=self.name(facilitator)))
        line = self.answer(t(self.lang, "method.hand_over_ask") + f"[{self.name(proposal)}] ")
        who = line.strip() or proposal
        self.send(self.meeting.hand_over, facilitator, who)
        return self.facilitator not in inbrengers

    def suggestions(self, size: int) -> list[Suggestion]:
        """Methods that fit this leervraag, group, time and the group's recent meetings."""
        from intervision.engine.groups import group_history
        from intervision.engine.recommend import recommend

        state, engine, group = self.meeting.state, self.engine, self.group
        history = group_history(engine, state.group_id) if state.group_id else []
        return recommend(
            engine.registry,
            leervraag_kind=self.kind,
            group_size=size,
            minutes=self.minutes,
            history=[r for r in history if r.meeting_id != state.meeting_id],
            fixed=group.series_method if group is not None else None,
            limit=3,
        )

    def show_suggestions(self, suggested: list[Suggestion]) -> None:
        if not suggested:
            return
        say(t(self.lang, "method.suggested"))
        for suggestion in suggested:
            spec = self.meeting.engine.registry.method(suggestion.method_id)
            say(f"  {spec.id:<12} {spec.title(self.lang)}")
            for reason in (*suggestion.reasons[:3], *suggestion.cautions):
                say(wrap(f"· {reason(self.lang)}", indent="      ", hanging="        "))

    def second_case(self) -> None:
        state = self.meeting.state
        discussed = {p for case in state.cases for p in case.inbrengers}
        if any(lv.by not in discussed for lv in state.leervragen.values()) and self.yes(
            t(self.lang, "second.ask"), default=False
        ):
            self.case_choice()
            return
        self.send(self.meeting.advance, self.facilitator)

    def recognitions(self) -> None:
        self.round("recognition", "recognitions")
        self.send(self.meeting.advance, self.facilitator)

    def round(self, kind: str, texts: str) -> None:
        """Everyone present who has not yet contributed ``kind`` in this step, in turn."""
        state = self.meeting.state
        said = {c.author for c in state.step_contributions() if c.kind == kind}
        members = [p for p in state.present if not state.members[p].external]
        for person in [p for p in members if p not in said]:
            text = ""
            while not text:
                text = self.answer(t(self.lang, f"{texts}.ask", name=self.name(person))).strip()
                if not text:
                    say(t(self.lang, f"{texts}.needed"))
            self.send(self.meeting.contribute, person, kind, text)

    def evaluation(self) -> None:
        if self.meeting.state.feedback_round:
            self.round("feedback", "feedback")
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
        """One line at the ``>`` prompt; meanwhile the alarm watches the timebox."""
        prompt = "> "
        if self.alarm.due() and self.alarm.watches():
            self.show_time()
        with self.alarm.watching(prompt):
            line = ask(prompt)
        if line.strip().casefold() in TIME_WORDS:
            self.show_time()
            return
        parsed = parse.parse_line(line, self.lang, self.words)
        self.do(parsed)
        if isinstance(parsed, parse.Show):
            self._told_if_over()

    def do(self, parsed: parse.Parsed | parse.FrameCommand) -> bool:
        """As the driver does it; the help adds ``tijd``, a word of this prompt only."""
        done = super().do(parsed)
        if isinstance(parsed, parse.Help):
            self.tell(t(self.lang, "help.time"))
        return done

    def redraw(self) -> None:
        """The whole screen of the step, on a clear terminal when the cockpit runs."""
        if self.live:
            import click

            click.clear()
        self._shown = None  # the step's header is drawn again, as on entering it
        self._header()

    def choose_kind(self, person: str, kinds: tuple[str, ...]) -> str | None:
        """Several kinds fit the line: the prompt offers them; Enter takes the first."""
        words = self.words
        kinds_said = kinds_typed(kinds, self.lang, words)
        offered = t(self.lang, "kind.which", name=self.name(person), kinds=kinds_said)
        answer = self.answer(f"{offered}[{shortcut(kinds[0], self.lang, words)}] ").strip()
        chosen = kind_of(answer, self.lang, words) if answer else kinds[0]
        if chosen not in kinds:
            say(t(self.lang, "kind.not_offered", kinds=kinds_said))
            return None
        return chosen

    def show_time(self) -> None:
        """The timebox line: time left, the bar, and the soft warning once it is over."""
        remaining = self.meeting.remaining_seconds()
        if remaining is None:
            say(t(self.lang, "timebox.none"))
            return
        text = timebox_text(remaining, timebox_total(self.meeting), self.lang)
        show(render(text))
        self._told_if_over()

    def _told_if_over(self) -> None:
        remaining = self.meeting.remaining_seconds()
        if remaining is not None and remaining <= 0:
            self.alarm.told()

    # -- helpers ------------------------------------------------------------------

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
