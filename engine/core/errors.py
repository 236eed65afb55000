"""The exception tree of intervision.

Every error a user or a host app can meet derives from :class:`IntervisionError`, so
a caller can catch one class. Each carries its ``reason`` in Dutch and English
(``error.message(lang)``; ``str(error)`` is the English one, for logs), naming what
is wrong and what to do. No message carries case content (leervragen,
contributions, commitments), a member's name or what was typed: messages end up in
logs and bug reports, which are outside the group. Only a plugin's own errors
(``PluginError``, about a method author's code) may be in English alone.

    IntervisionError
    ├── PluginError             a plugin failed to load or registered something invalid
    │   ├── SpecError           a method spec is invalid (names plugin, method, field)
    │   └── DuplicateMethodError  two plugins registered one method id (names both)
    ├── UnknownMethodError      no installed method has that id (or that version)
    ├── InvalidInputError       a name, id or text that cannot be taken in; nothing written
    ├── GroupError              a group command that cannot be done (a work relation, ...)
    ├── MeetingError            anything about one meeting
    │   ├── MeetingNotFoundError
    │   ├── NotAMemberError     the person is not a member present at the meeting
    │   ├── CommandRefused      the phase or a rule does not allow this command
    │   │   └── WrongPhaseError the command has no meaning in the current phase
    │   └── ConcurrencyError    someone else wrote first; reload and retry
    │       └── RepeatedRequest a request id the meeting already holds (journal adapters)
    └── StoreError              the journal cannot be opened, read or written
        ├── StoreUnavailableError  the store cannot be reached now; try again shortly
        └── CorruptJournalError a stored event cannot be read back
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .text import Lang, Text

__all__ = [
    "CommandRefused",
    "ConcurrencyError",
    "CorruptJournalError",
    "DuplicateMethodError",
    "GroupError",
    "IntervisionError",
    "InvalidInputError",
    "MeetingError",
    "MeetingNotFoundError",
    "NotAMemberError",
    "PluginError",
    "RepeatedRequest",
    "SpecError",
    "StoreError",
    "StoreUnavailableError",
    "UnknownMethodError",
    "WrongPhaseError",
]


class IntervisionError(Exception):
    """Base of every error intervision raises on purpose.

    ``reason`` holds the message in both languages; it is None only for a message
    given as one string (a plugin's own error).
    """

    #: CLI exit code for this kind of error.
    exit_code = 1

    def __init__(self, reason: Text | str) -> None:
        if isinstance(reason, str):
            super().__init__(reason)
            self.reason: Text | None = None
        else:
            super().__init__(reason.en)
            self.reason = reason

    def message(self, lang: Lang) -> str:
        """The message in ``lang``, where the error has both."""
        return str(self) if self.reason is None else self.reason(lang)


class PluginError(IntervisionError):
    """A plugin could not be loaded or registered something invalid."""

    exit_code = 3

    def __init__(self, message: Text | str, *, plugin: str = "", distribution: str = "") -> None:
        super().__init__(message)
        self.plugin = plugin
        self.distribution = distribution


class SpecError(PluginError):
    """A method spec is invalid; the message names the plugin, the method and the field."""


class DuplicateMethodError(PluginError):
    """Two plugins registered a method with the same id."""


class UnknownMethodError(IntervisionError):
    """No installed method has the requested id (or the pinned version)."""

    exit_code = 2

    reason: Text

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)


class InvalidInputError(IntervisionError):
    """A name, an id or a text that cannot be taken in: a control character, too long,
    a lookalike of another member, an unknown language. Nothing was written.

    ``field`` names the input (in English, for a program); ``reason`` says what is
    wrong and what to do, and never repeats what was typed.
    """

    exit_code = 2

    reason: Text

    def __init__(self, field: str, reason: Text) -> None:
        super().__init__(reason)
        self.field = field


class GroupError(IntervisionError):
    """A group command that cannot be done; nothing was written."""

    exit_code = 7

    reason: Text

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)


class MeetingError(IntervisionError):
    """Something about one meeting."""

    exit_code = 4

    reason: Text

    def __init__(self, reason: Text, *, meeting_id: str = "") -> None:
        super().__init__(reason)
        self.meeting_id = meeting_id


class MeetingNotFoundError(MeetingError):
    """No meeting with this id is in the journal: not found, not refused."""

    exit_code = 8


class NotAMemberError(MeetingError):
    """The person named is not a member present at this meeting.

    ``field`` says which name it was where a meeting starts (``present``,
    ``facilitator``, ``roles``), so a caller that may offer a facilitator from
    outside offers it only for the facilitator; ``""`` elsewhere.
    """

    def __init__(self, reason: Text, *, meeting_id: str = "", field: str = "") -> None:
        super().__init__(reason, meeting_id=meeting_id)
        self.field = field


class CommandRefused(MeetingError):
    """The phase or one of its rules does not allow the command; nothing was written.

    ``rule`` is the id of the rule that refused; ``reason`` holds the explanation
    in both languages, and ``str(error)`` is the one in the meeting's language.
    """

    reason: Text

    def __init__(self, rule: str, reason: Text, lang: Lang, *, meeting_id: str = "") -> None:
        super().__init__(reason, meeting_id=meeting_id)
        self.args = (f"[{rule}] {reason(lang)}",)
        self.rule = rule
        self.lang = lang


class WrongPhaseError(CommandRefused):
    """The command has no meaning in the meeting's current phase."""


class ConcurrencyError(MeetingError):
    """Another writer appended to the meeting first; reload the meeting and retry."""

    exit_code = 5

    def __init__(self, meeting_id: str, expected: int, actual: int) -> None:
        from .text import Text

        super().__init__(
            Text(
                nl=f"Bijeenkomst {meeting_id} is bij versie {actual}, niet {expected}: iemand "
                "anders was eerst; laad de bijeenkomst opnieuw en probeer het nog eens.",
                en=f"meeting {meeting_id} is at version {actual}, not {expected}: someone "
                "else wrote first; reload the meeting and try again",
            ),
            meeting_id=meeting_id,
        )
        self.expected = expected
        self.actual = actual


class RepeatedRequest(ConcurrencyError):
    """A journal adapter found the command's request id already stored; nothing was
    written. The engine answers with the first outcome: a caller never sees this."""

    def __init__(self, meeting_id: str, request_id: str) -> None:
        from .text import Text

        MeetingError.__init__(
            self,
            Text(
                nl=f"Bijeenkomst {meeting_id} heeft dit verzoek al; er is niets opnieuw "
                "geschreven.",
                en=f"meeting {meeting_id} already holds this request; nothing was written again",
            ),
            meeting_id=meeting_id,
        )
        self.request_id = request_id
        self.expected = self.actual = -1


class StoreError(IntervisionError):
    """The journal cannot be opened, read or written."""

    exit_code = 6

    reason: Text

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)


class StoreUnavailableError(StoreError):
    """The store cannot be reached now (the database is down or unreachable); nothing
    was written. Raised at once while the store is known to be down, so callers do
    not queue; the store is tried again by itself, and a later call may succeed."""


class CorruptJournalError(StoreError):
    """A stored event cannot be read back; the message names meeting and version."""

    @classmethod
    def at(cls, meeting_id: str, version: int | None, detail: str) -> CorruptJournalError:
        """The error for one stored row; ``detail`` says what is wrong with it, in
        English (a developer's words), and never quotes the row."""
        from .text import Text

        where = f"{meeting_id}" if version is None else f"{meeting_id}, version {version}"
        plek = f"{meeting_id}" if version is None else f"{meeting_id}, versie {version}"
        return cls(
            Text(
                nl=f"Bijeenkomst {plek}: wat er is opgeslagen is niet te lezen ({detail}); "
                "zet de opslag terug uit een back-up.",
                en=f"meeting {where}: {detail}",
            )
        )
