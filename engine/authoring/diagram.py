"""A method's phase flow as a Mermaid state diagram, drawn from its compiled flow.

The diagram is read off the same graph the engine checks commands against, so
what a facilitator sees in `intervision methods show ID --diagram` is what runs:
phases in order, declared loops as labelled arrows back, and a nested module as
a composite state.
"""

from __future__ import annotations

from intervision.engine import END, GLOSSARY, Lang, MethodSpec, method_flow

__all__ = ["mermaid"]


def mermaid(method: MethodSpec, lang: Lang = "en") -> str:
    """The method as Mermaid ``stateDiagram-v2`` text, with titles in ``lang``."""
    flow = method_flow(method)
    lines = ["stateDiagram-v2"]
    for phase in method.phases:
        name = _state(phase.id)
        label = f"{phase.title(lang)} ({phase.minutes} min)"
        if phase.nested is not None:
            modules = ", ".join(phase.nested.choose_from) or "*"
            # A titled composite state ('state "x" as y {') renders badly in Mermaid;
            # the title goes on a line of its own.
            lines.append(f"    {name}: {label}")
            lines.append(f"    state {name} {{")
            lines.append(f"        [*] --> module_{name}: {_word('module', lang)}")
            lines.append(f'        state "{modules}" as module_{name}')
            lines.append(f"        module_{name} --> [*]")
            lines.append("    }")
        else:
            lines.append(f'    state "{label}" as {name}')
    lines.append(f"    [*] --> {_state(flow.initial)}")
    for phase in method.phases:
        there = flow.destination(phase.id, "advance")
        target = "[*]" if there == END else _state(there or END)
        lines.append(f"    {_state(phase.id)} --> {target}")
        for loop in phase.loops:
            lines.append(
                f"    {_state(phase.id)} --> {_state(loop.to)}: "
                f"{loop.title(lang)} ({GLOSSARY.role(loop.by)(lang)})"
            )
    if method.rounds == "per_member":
        last, first = _state(method.phases[-1].id), _state(method.phases[0].id)
        lines.append(f"    {last} --> {first}: {_word('next_round', lang)}")
    return "\n".join(lines) + "\n"


def _state(phase_id: str) -> str:
    return phase_id.replace("-", "_")


_WORDS = {
    "module": ("werkvorm", "module"),
    "next_round": ("volgende inbrenger", "next inbrenger"),
}


def _word(key: str, lang: Lang) -> str:
    nl, en = _WORDS.get(key, (key, key))
    return nl if lang == "nl" else en
