"""For method authors: every problem of a method, file or plugin, and its phase diagram."""

from .checker import *
from .diagram import *
from .languages import *

__all__ = [
    "Problem",
    "check_language",
    "check_method",
    "check_target",
    "engine_texts",
    "mermaid",
    "minutes_tolerance",
]
