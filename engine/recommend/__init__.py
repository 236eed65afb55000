"""Which installed methods fit a leervraag, a group and the time there is, with reasons."""

from .ranking import *

__all__ = [
    "BEGINNING_MEETINGS",
    "KNOWN_AFTER",
    "LEERVRAAG_KINDS",
    "Experience",
    "Suggestion",
    "duration",
    "group_experience",
    "recommend",
]
