"""One typed line to one engine call: shared by the interactive runner and ``meeting do``.

The runner asks its questions and the ``>`` prompt takes lines; a script sends the
same lines with ``intervision meeting do``. Both go through :meth:`Driver.do`, so a
command means the same thing, reaches the engine the same way and is refused for
the same reason. The difference is only what happens on a refusal: the runner says
it and asks again, a script gets it as an exception (``strict``) and an exit code.

What a line leaves unsaid (who moves on, who decides, which kind a bare sentence
is) comes from the engine's :meth:`~intervision.engine.Meeting.capabilities`: the
person who may, else the facilitator, so that the engine's own rule says why not.
The driver keeps no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import parse
from .console import say
from .kinds import kind_name, kinds_typed, shortcut
from .screen import shown_contributions, time_line
from .texts import Lang, both, t

if TYPE_CHECKING:
    from intervision.engine import Capabilities, Glossary, Meeting, Text

__all__ = ["Driver", "Leave", "Problem"]


class Leave(Exception):
    """The facilitator stops for now; everything entered is already saved."""


class Problem(Exception):
    """A line that was not sent: not understood, or naming something unknown.

    ``rule`` is what a script matches on (``syntax``, ``method_choice``, ...); the
    message is in the screen's language and never holds case content.
    """

    def __init__(self, rule: str, reason: Text, exit_code: int = 2) -> None:
        super().__init__(reason.en)
        self.rule = rule
        self.reason = reason
        self.exit_code = exit_code


class Driver:
    """Sends parsed lines to one meeting."""

    def __init__(
        self,
        meeting: Meeting,
        lang: Lang,
        *,
        strict: bool = False,
        tell: Callable[[str], None] = say,
        show_rules: bool = False,
        request_id: str | None = None,
    ) -> None:
        self.meeting = meeting
        self.lang = lang
        self.strict = strict
        self.tell = tell
        #: Name the refusing rule's id too (``-v``); a facilitator's screen has words only.
        self.show_rules = show_rules
        #: The idempotency key every command of this driver is sent with (one line's,
        #: for ``meeting do --request-id``): a repeat returns the first outcome.
        self.request_id = request_id
        #: The id of the contribution the last line recorded, if it recorded one.
        self.recorded: str | None = None

    @property
    def facilitator(self) -> str:
        return self.meeting.state.facilitator

    @property
    def words(self) -> Glossary:
        """The glossary with the kinds of the plugins this meeting's engine loaded."""
        return self.meeting.engine.registry.glossary

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
            case parse.ChooseCase(name=name, with_=co):
                sent = self.send(
                    meeting.choose_case,
                    self.facilitator,
                    name,
                    consent=True,
                    co_inbrenger=co,
                    who=f"{name} + {co}" if co else name,
                )
                return sent is not None
            case parse.ChooseInbrenger(name=name):
                sent = self.send(meeting.choose_inbrenger, self.facilitator, name, who=name)
                if sent:
                    chosen = meeting.state.inbrenger or name
                    self.tell(t(lang, "inbrenger.chosen", name=self.name(chosen)))
                return sent is not None
            case parse.ChooseMethod(method_id=method_id, variant=variant):
                return self.choose_method(method_id, variant, agrees=True)
            case parse.HandOver(name=name):
                return self.send(meeting.hand_over, self.facilitator, name, who=name) is not None
            case parse.Contribute(
                name=name, kind=kind, text=text, reply_to=reply_to, commitment=commitment
            ):
                kind = kind or self._kind_for(name)
                if kind is None:
                    return False
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
            case parse.UnknownKind(name=name, word=word):
                self._unknown_kind(name, word)
            case parse.Advance():
                return self.send(meeting.advance, self.actor("advance")) is not None
            case parse.Reveal():
                if self.send(meeting.reveal, self.actor("reveal")) is None:
                    return False
                self.tell("\n".join(shown_contributions(meeting, lang)))
                return True
            case parse.Decide(text=text, selected=selected, labels=labels, name=name):
                given = {cid: self._label(label) for cid, label in labels}
                by = name or self.actor("decide", prefer=meeting.state.inbrenger)
                decided = self.send(
                    meeting.decide, by, text=text, selected=selected, labels=given, who=by
                )
                if decided:
                    self.tell(t(lang, "decision.recorded"))
                return decided is not None
            case parse.TakeLoop(loop_id=loop_id):
                return self._take_loop(loop_id)
            case parse.Consensus(text=text):
                if (
                    self.send(meeting.record_consensus, self.actor("record_consensus"), text)
                    is None
                ):
                    return False
                self.tell(t(lang, "consensus.recorded"))
                return True
            case parse.ChooseModule(method_id=module_id):
                return self._choose_module(module_id)
            case parse.Extend(minutes=minutes):
                if self.send(meeting.extend, self.actor("extend"), minutes) is None:
                    return False
                self.tell(time_line(meeting, lang))
                return True
            case parse.Skip(reason=reason):
                return self.send(meeting.skip, self.actor("skip"), reason) is not None
            case parse.Close(reason=reason):
                by = self.actor("close")
                return self.send(meeting.close, by, reason or None) is not None
            case parse.Show():
                self.tell("\n".join(shown_contributions(meeting, lang)))
                self.tell(f"  {time_line(meeting, lang)}")
            case parse.Redraw():
                self.redraw()
            case parse.Help():
                words = self.words
                kinds = "\n".join(
                    f"  {shortcut(k, lang, words):<4} {kind_name(k, lang, words)}"
                    for k in words.kinds
                )
                self.tell(t(lang, "help", kinds=kinds))
                if self.strict:
                    self.tell(t(lang, "do.frame_help"))
            case parse.Leave():
                if not self.strict:
                    raise Leave
            case parse.Invalid(key=key):
                self.problem("syntax", key)
            case parse.Unknown():
                self.problem("syntax", "do.unknown" if self.strict else "unknown_command")
            case parse.Empty():
                if self.strict:
                    self.problem("syntax", "do.unknown")
        return False

    def redraw(self) -> None:
        """The whole screen of where the meeting is (the runner also clears the terminal)."""
        from .screen import frame_screen, phase_screen

        if self.meeting.state.frame == "method":
            self.tell(phase_screen(self.meeting, self.lang))
        else:
            self.tell(frame_screen(self.meeting, self.lang))

    def method_title(self, method_id: str, variant: str | None) -> str | None:
        """The method's title (with its variant's), or None after saying what is unknown:
        a typo gets the list of what there is, rather than an error."""
        methods = {m.id: m for m in self.meeting.engine.registry.methods()}
        spec = methods.get(method_id)
        if spec is None:
            self.problem("method_choice", "method.unknown")
            return None
        title = spec.title(self.lang)
        if variant is None:
            return title
        chosen = next((v for v in spec.variants if v.id == variant), None)
        if chosen is None:
            known = ", ".join(v.id for v in spec.variants) or "-"
            self.problem("method_choice", "method.unknown_variant", known=known)
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

    def problem(self, rule: str, key: str, **values: object) -> None:
        """The text ``key``, said at the prompt; raised (in both languages) for a script."""
        if self.strict:
            raise Problem(rule, both(key, **values))
        self.tell(t(self.lang, key, **values))

    # -- what a line leaves implicit ------------------------------------------------

    def capabilities(self) -> Capabilities:
        return self.meeting.capabilities()

    def actor(self, command: str, *, prefer: str | None = None) -> str:
        """Who sends ``command``: ``prefer`` or the facilitator when they may, else the
        first person who may; when nobody may, the facilitator, and the engine says why."""
        can = self.capabilities()
        first = [p for p in (prefer, self.facilitator) if p]
        for person in (*first, *can.people):
            if can.of(person).may(command):
                return person
        return self.facilitator

    def _kind_for(self, name: str) -> str | None:
        """The kind of a line that named none: the one kind ``name`` may give now, or the
        one chosen from several (asked at the prompt, a problem for a script). When
        they may give none, a kind of the step goes to the engine, which says why not."""
        from intervision.engine import FRAME_KINDS, NotAMemberError

        try:
            person = self.meeting.person(name)
        except NotAMemberError:
            return "note"  # the engine's refusal names who is present
        kinds = self.capabilities().of(person).kinds
        if len(kinds) == 1:
            return kinds[0]
        if kinds:
            return self.choose_kind(person, kinds)
        phase = self.meeting.phase
        if phase is None:
            candidates = FRAME_KINDS.get(self.meeting.state.frame, ())
        else:
            candidates = tuple(k for ks in phase.allowed.values() for k in ks)
        return candidates[0] if candidates else "note"

    def choose_kind(self, person: str, kinds: tuple[str, ...]) -> str | None:
        """Several kinds fit: a script is told how to say which (the runner asks)."""
        if self.strict:  # an error, for a script or a log: no name in it
            raise Problem("kind", self._kinds_text("do.kind_several", kinds))
        self.problem(
            "kind",
            "kind.several",
            name=self.name(person),
            kinds=kinds_typed(kinds, self.lang, self.words),
            short=shortcut(kinds[0], self.lang, self.words),
        )
        return None

    def _unknown_kind(self, name: str, word: str) -> None:
        from intervision.engine import NotAMemberError

        try:
            person = self.meeting.person(name)
        except NotAMemberError:
            person = ""
        kinds = self.capabilities().of(person).kinds if person else ()
        if self.strict:  # an error, for a script or a log: nothing typed repeated
            raise Problem("kind", self._kinds_text("do.kind_unknown", kinds))
        key = "kind.unknown" if kinds else "kind.unknown_none"
        shown = self.name(person) if person else name
        self.problem(
            "kind", key, word=word, name=shown, kinds=kinds_typed(kinds, self.lang, self.words)
        )

    def _kinds_text(self, key: str, kinds: tuple[str, ...]) -> Text:
        """The text ``key`` with the kinds in words and their shortcut, in both languages
        (and each installed pack's), a plugin's kinds by the registry's glossary."""
        from intervision.engine import Text, installed_languages

        def said(lang: Lang) -> str:
            short = shortcut(kinds[0], lang, self.words) if kinds else "-"
            typed = kinds_typed(kinds, lang, self.words) or "-"
            return t(lang, key, kinds=typed, short=short)

        more = {code: said(code) for code in installed_languages()}
        return Text(nl=said("nl"), en=said("en"), more=more)

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
        """Sent by whoever may take it now: the inbrenger's own "not helped yet"."""
        phase = self.meeting.phase
        loops = phase.loops if phase is not None else ()
        if not loop_id and len(loops) == 1:
            loop_id = loops[0].id
        if loop_id not in {lp.id for lp in loops}:
            known = ", ".join(lp.id for lp in loops) or "-"
            self.problem("loop", "loop.unknown", known=known)
            return False
        can = self.capabilities()
        by = next((p for p in can.people if loop_id in can.of(p).loops), self.facilitator)
        return self.send(self.meeting.take_loop, by, loop_id) is not None

    def _choose_module(self, module_id: str) -> bool:
        can = self.capabilities()
        by = self.actor("choose_module", prefer=self.meeting.state.inbrenger)
        offered = can.of(by).modules
        if not module_id and len(offered) == 1:
            module_id = offered[0]
        known = ", ".join(offered) or "-"
        if not module_id:
            self.problem("nesting", "module.which", known=known)
            return False
        from intervision.engine import UnknownMethodError

        try:
            return self.send(self.meeting.choose_module, by, module_id) is not None
        except UnknownMethodError:
            self.problem("nesting", "module.which", known=known)
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
            if self.request_id is not None:
                kwargs["request_id"] = self.request_id
            result = action(*args, **kwargs)
        except CommandRefused as exc:
            if self.strict:
                raise
            key = "run.refused_rule" if self.show_rules else "run.refused"
            self.tell(t(self.lang, key, rule=exc.rule, reason=exc.reason(self.lang)))
            return None
        except NotAMemberError:
            if self.strict:  # an error, for a script or a log: no name in it
                raise Problem("not_a_member", both("do.not_member"), exit_code=4) from None
            present = ", ".join(self.name(m) for m in self.meeting.state.present)
            self.tell(t(self.lang, "run.not_member", name=who or "?", present=present))
            return None
        except ConcurrencyError:
            self.meeting.refresh()
            if self.strict:
                raise
            self.tell(t(self.lang, "run.conflict"))
            return None
        return True if result is None else result
