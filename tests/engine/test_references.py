"""An answer names the contribution it answers: one that was said, and not itself.

``@C99`` typed by mistake would otherwise make a report show an answer to nothing;
the engine refuses it, with the contributions there are, and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from support import FACILITATOR, INBRENGER, refused

from intervision.engine import CommandRefused, Meeting


def _questions(start_method: Callable[..., Meeting]) -> tuple[Meeting, str]:
    meeting = start_method("incident")
    meeting.advance(FACILITATOR)
    question = meeting.contribute("carla", "question", "what did the parent say?")
    return meeting, question


def test_an_answer_to_a_contribution_that_does_not_exist_is_refused(
    start_method: Callable[..., Meeting],
) -> None:
    meeting, question = _questions(start_method)
    with refused(meeting, "references"):
        meeting.contribute(INBRENGER, "reaction", "that he was angry", reply_to="C99")
    answer = meeting.contribute(INBRENGER, "reaction", "that he was angry", reply_to=question)
    assert meeting.state.contributions[-1].reply_to == question != answer


def test_a_contribution_cannot_answer_itself(start_method: Callable[..., Meeting]) -> None:
    meeting, _ = _questions(start_method)
    own = f"C{len(meeting.state.contributions) + 1}"
    with refused(meeting, "references"):
        meeting.contribute(INBRENGER, "reaction", "an answer", reply_to=own)


def test_the_refusal_says_which_contributions_there_are_in_both_languages(
    start_method: Callable[..., Meeting],
) -> None:
    meeting, _ = _questions(start_method)
    count = len(meeting.state.contributions)
    try:
        meeting.contribute(INBRENGER, "reaction", "an answer", reply_to="C99")
    except CommandRefused as exc:
        assert exc.reason.nl == f"Bijdrage C99 bestaat niet; de laatste is C{count}."
        assert "There is no contribution C99" in exc.reason.en
        assert "an answer" not in str(exc)  # no case content in an error
    else:  # pragma: no cover - the refusal is the point
        raise AssertionError("C99 was accepted")


def test_a_participants_decision_is_refused_in_words_not_role_ids(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    for _ in range(4):
        meeting.advance(FACILITATOR)
    try:
        meeting.decide("carla", text="I take the advice")
    except CommandRefused as exc:
        assert exc.rule == "inbrenger_decides"
        assert exc.reason.nl == "Dit besluit is aan de inbrenger, niet aan jou."
    else:  # pragma: no cover
        raise AssertionError("a participant decided")
    try:
        meeting.advance("carla")
    except CommandRefused as exc:
        assert exc.reason.nl == "Dit is aan de begeleider."
    else:  # pragma: no cover
        raise AssertionError("a participant moved on")


def test_a_decision_that_selects_nothing_says_so_instead_of_a_dash(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("balint")
    method = meeting.method
    assert method is not None
    decision_phase = next(p for p in method.phases if p.decision is not None)
    assert not decision_phase.decision.selects_from  # type: ignore[union-attr]
    while meeting.state.phase != decision_phase.id:
        if meeting.capabilities().of(FACILITATOR).may("reveal"):
            meeting.reveal(FACILITATOR)
        elif meeting.capabilities().waiting:
            for person in meeting.capabilities().waiting_for:
                kinds = meeting.capabilities().of(person).kinds
                meeting.contribute(person, kinds[0], "something")
            if meeting.capabilities().of(FACILITATOR).may("reveal"):
                meeting.reveal(FACILITATOR)
        meeting.advance(FACILITATOR)
    try:
        meeting.decide(INBRENGER, text="I will call", selected=["C1"])
    except CommandRefused as exc:
        assert "-" not in exc.reason.nl.split("(")[0]
        assert exc.reason.nl.startswith("In dit besluit kies je geen bijdragen (C1)")
    else:  # pragma: no cover
        raise AssertionError("a selection was accepted where none is asked")


def test_a_labelling_error_names_the_labels_in_the_meetings_words(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("socratic")
    method = meeting.method
    assert method is not None
    sorting = next(p for p in method.phases if p.labels is not None)
    while meeting.state.phase != sorting.id:
        if "open_question" in meeting.capabilities().of("carla").kinds:
            for person in ("anna", "carla", "dirk", "eva"):  # one question each, at least
                meeting.contribute(person, "open_question", "what do you want?")
            meeting.reveal(FACILITATOR)
        meeting.advance(FACILITATOR)
    try:
        meeting.decide(INBRENGER, text="sorted", labels={})
    except CommandRefused as exc:
        assert exc.rule == "labels"
        nl = exc.reason.nl
        assert "warm, neutraal, koud" in nl and "zonder label: C" in nl, nl
        assert "neutral" not in nl and "cold" not in nl and "-" not in nl
    else:  # pragma: no cover
        raise AssertionError("a decision without its labels was accepted")
