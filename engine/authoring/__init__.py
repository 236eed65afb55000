"""For method authors: every problem of a method, file or plugin, and its phase diagram."""

from .checker import *
from .diagram import *

__all__ = ["Problem", "check_method", "check_target", "mermaid", "minutes_tolerance"]
