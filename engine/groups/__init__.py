"""Groups and their history, built on the engine's public names.

A group (members, contract, guided or self-run, its series plan) is a journal
stream of its own, written through :class:`GroupBook`; :func:`groups_of` gives the
one book of an engine. Its history (who came, who facilitated, who brought a
case, what was promised) is read from its meetings' digests, the read models the
journal keeps: rotation, fairness and the look-back are built on it, and cost the
group's meetings, not the store's. Group files (TOML) import and export a whole group.
"""

from .book import *
from .file import *
from .group import *
from .history import *

__all__ = [
    "CONTRACT_TEXTS",
    "DAY_ROLES",
    "GROUP_MAX",
    "GROUP_MIN",
    "GROUP_PREFIX",
    "Commitment",
    "CommitmentReport",
    "FileProblem",
    "GroupBook",
    "GroupFile",
    "GroupFileError",
    "GoalProgress",
    "GroupNotFoundError",
    "GroupState",
    "InbrengerTurns",
    "LearningGoal",
    "MeetingRecord",
    "default_contract",
    "dump_group",
    "facilitator_proposal",
    "commitment_id",
    "fairness",
    "goal_progress",
    "group_history",
    "groups_of",
    "learning_goals",
    "look_back",
    "propose_facilitator",
    "propose_roles",
    "proposed_purpose",
    "read_group_file",
    "record_of",
    "record_of_digest",
]
