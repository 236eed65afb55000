"""Reports: a meeting's for its members (with content), a group's for the organisation
and for accreditation (dates, attendance, methods; never case content)."""

from .build import *

__all__ = ["Format", "accreditation_report", "meeting_report", "organisation_report"]
