"""Which installed methods fit a leervraag, a group and the time there is, with reasons."""

from .ranking import *

__all__ = ["LEERVRAAG_KINDS", "Experience", "Suggestion", "duration", "recommend"]
