"""Where meetings are kept: the journal adapters beyond the core's memory journal.

:class:`SqliteJournal` is the embedded default, :class:`PostgresJournal` serves host
apps on their own database (psycopg is imported only when one is opened), and
:class:`EncryptedJournal` wraps any journal to keep the case content encrypted at
rest (``INTERVISION_KEY``). Every adapter passes the same contract tests
(``tests/engine/test_journal_contract.py``). :func:`open_engine` opens an engine on
a store named by a path or URL.
"""

from .keys import *
from .listing import *
from .postgres import *
from .sealed import *
from .sqlite import *
from .store_path import *

__all__ = [
    "KEY_ENV",
    "KEY_FILE_ENV",
    "EncryptedJournal",
    "EncryptionError",
    "PostgresJournal",
    "SealedCount",
    "SqliteJournal",
    "configured_key",
    "default_store_path",
    "key_id",
    "new_key",
    "open_engine",
    "open_journal",
    "listing_page",
    "parse_key",
    "read_key_file",
    "write_key_file",
]
