"""Failing fast while a database is down, and noticing by itself when it is back.

Without this, every command during an outage waits for a pooled connection until
the pool's timeout (seen: 14-28 s at p99) and the requests pile up behind it. Here
the first command that finds the server gone marks the store down; from then on
every command fails at once with :class:`StoreUnavailableError` (a host answers 503),
while one background thread tries a fresh connection every ``interval`` seconds.
When one succeeds the store is up again and the next command runs as usual.

A health check reads the same state: cheap, and never a queue of its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from intervision.engine import StoreUnavailableError, Text, get_logger

from .rows import DOING_NL

__all__ = ["PROBE_INTERVAL_S", "Outage"]

#: How often a store that is down is tried again, in seconds.
PROBE_INTERVAL_S = 0.5

log = get_logger("intervision.storage")


class Outage:
    """Whether a store is down, and the thread that finds out when it is back.

    ``probe`` makes one fresh connection and a trivial query, raising when it
    cannot; ``recovered`` is called once the probe succeeds (to drop the pool's
    dead connections, say). ``where`` names the store in messages.
    """

    def __init__(
        self,
        where: str,
        probe: Callable[[], None],
        recovered: Callable[[], None],
        interval: float = PROBE_INTERVAL_S,
    ) -> None:
        self.where = where
        self._probe = probe
        self._recovered = recovered
        self._interval = interval
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._why = ""
        self._closed = threading.Event()

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def check(self, doing: str) -> None:
        """Raise at once while the store is known to be down."""
        if self._down_since is not None:
            raise self.error(doing)

    def error(self, doing: str) -> StoreUnavailableError:
        return StoreUnavailableError(
            Text(
                nl=f"Kan de opslag {self.where} niet {DOING_NL[doing]}: hij is nu niet te "
                f"bereiken ({self._why}); er is niets geschreven; probeer het zo opnieuw.",
                en=f"cannot {doing} the store {self.where}: it cannot be reached now "
                f"({self._why}); nothing was written; try again shortly",
            )
        )

    def mark_down(self, why: str) -> None:
        """The store was found unreachable: fail fast until a probe succeeds."""
        with self._lock:
            if self._down_since is not None or self._closed.is_set():
                return
            self._down_since = time.monotonic()
            self._why = why
        log.warning("store_unavailable", store=self.where, error=why)
        threading.Thread(target=self._watch, name="intervision-store-probe", daemon=True).start()

    def close(self) -> None:
        self._closed.set()

    def _watch(self) -> None:
        while not self._closed.wait(self._interval):
            try:
                self._probe()
            except Exception:  # the store is still down: try again after the interval
                continue
            try:
                self._recovered()
            except Exception as exc:
                log.warning("store_recovery_step_failed", error=type(exc).__name__)
            with self._lock:
                since, self._down_since = self._down_since, None
            seconds = round(time.monotonic() - (since or time.monotonic()), 1)
            log.warning("store_available", store=self.where, down_seconds=seconds)
            return
