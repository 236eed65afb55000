"""Engine errors as HTTP answers: a status a client can act on, a reason it can show.

====================  ======  ==============================================
error                 status  what the client does
====================  ======  ==============================================
BadRequest            400     fix the body (the reason names the fields)
MeetingNotFoundError  404     check the meeting id
WrongPhaseError       409     reload: the meeting is not where it thought
ConcurrencyError      409     reload, decide again, resend with the new
                              ``expected_version`` (``current_version``)
CommandRefused        422     show the reason: understood, but not allowed now
NotAMemberError       422     name a member of this meeting
UnknownMethodError    422     choose an installed method
InvalidInputError     422     fix the name, id or text (the reason says what)
GroupError            409     the group exists already, or the change is refused
StoreError            503     try again later (``Retry-After`` while the
                              store is down: it fails at once, not queued)
====================  ======  ==============================================

Every body is ``{"rule", "reason", "reasons": {"nl", "en"}}`` with ``reason`` in the
meeting's language. A refused command wrote nothing, so retrying is always safe.
The reasons never hold case content, and the log line names only ids and rules.
"""

from __future__ import annotations

from typing import Any

import structlog
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from intervision.engine import (
    CommandRefused,
    ConcurrencyError,
    Engine,
    GroupError,
    IntervisionError,
    InvalidInputError,
    MeetingError,
    MeetingNotFoundError,
    NotAMemberError,
    StoreError,
    StoreUnavailableError,
    Text,
    UnknownMethodError,
    WrongPhaseError,
)

from .commands import BadRequest

__all__ = ["EXCEPTION_HANDLERS", "Problem", "problem_response"]

log = structlog.get_logger("host_app")


class Problem(Exception):
    """A refusal the host itself makes (an unknown group, a name taken), as HTTP."""

    def __init__(self, status: int, rule: str, reason: Text, lang: str = "en") -> None:
        super().__init__(reason.en)
        self.status, self.rule, self.reason, self.lang = status, rule, reason, lang


def problem_response(status: int, rule: str, reason: Text, lang: str, **extra: Any) -> JSONResponse:
    body = {
        "rule": rule,
        "reason": reason.nl if lang == "nl" else reason.en,
        "reasons": {"nl": reason.nl, "en": reason.en},
        **extra,
    }
    return JSONResponse(body, status_code=status)


_NOT_FOUND = Text(
    nl="Deze bijeenkomst staat niet in deze opslag; controleer het id.",
    en="There is no such meeting in this store; check the id.",
)
_NOT_A_MEMBER = Text(
    nl="Die persoon is geen lid van deze bijeenkomst; gebruik een id of naam uit de stand.",
    en="That person is not a member of this meeting; use an id or name from its state.",
)
_UNKNOWN_METHOD = Text(
    nl="Die methode is niet geïnstalleerd; kies een andere.",
    en="That method is not installed; choose another.",
)
_STORE = Text(
    nl="De opslag is nu niet bereikbaar; probeer het zo opnieuw.",
    en="The store cannot be reached now; try again shortly.",
)


def _conflict(actual: int) -> Text:
    return Text(
        nl=f"Iemand anders was je voor: de bijeenkomst is nu bij versie {actual}. "
        "Laad de stand opnieuw en stuur het nog eens als het dan nog past.",
        en=f"Someone else was first: the meeting is now at version {actual}. "
        "Reload the state and send again if it still fits.",
    )


async def _meeting_lang(request: Request) -> str:
    """The language of the meeting the request is about; English when there is none."""
    meeting_id = request.path_params.get("meeting_id")
    engine: Engine = request.app.state.engine
    if not meeting_id:
        return "en"
    try:
        state = await run_in_threadpool(engine.state, meeting_id)
    except IntervisionError:
        return "en"
    return state.lang


async def _on_engine_error(request: Request, exc: Exception) -> Response:
    meeting_id = exc.meeting_id if isinstance(exc, MeetingError) else None
    log.info("request_refused", meeting_id=meeting_id or None, error=type(exc).__name__)
    match exc:
        case CommandRefused():
            status = 409 if isinstance(exc, WrongPhaseError) else 422
            return problem_response(status, exc.rule, exc.reason, exc.lang)
        case MeetingNotFoundError():
            return problem_response(404, "meeting_not_found", _NOT_FOUND, "en")
        case StoreUnavailableError():
            response = problem_response(503, "store", _STORE, "en")
            response.headers["Retry-After"] = "1"
            return response
        case StoreError():
            return problem_response(503, "store", _STORE, "en")
    lang = await _meeting_lang(request)
    match exc:
        case ConcurrencyError():
            return problem_response(
                409, "conflict", _conflict(exc.actual), lang, current_version=exc.actual
            )
        case NotAMemberError():
            return problem_response(422, "not_a_member", _NOT_A_MEMBER, lang)
        case UnknownMethodError():
            return problem_response(422, "unknown_method", _UNKNOWN_METHOD, lang)
        case InvalidInputError():
            return problem_response(422, "invalid_input", exc.reason, lang, field=exc.field)
        case GroupError():
            return problem_response(409, "group", exc.reason, lang)
    raise exc


async def _on_bad_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BadRequest)
    log.info("request_refused", error="BadRequest")
    return problem_response(400, "bad_request", exc.reason, await _meeting_lang(request))


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    log.info("request_refused", rule=exc.rule, status=exc.status)
    return problem_response(exc.status, exc.rule, exc.reason, exc.lang)


EXCEPTION_HANDLERS = {
    IntervisionError: _on_engine_error,
    BadRequest: _on_bad_request,
    Problem: _on_problem,
}
