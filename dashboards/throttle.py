"""Login throttling that slows password guessing without letting anyone lock out the real user (issue 24 item 3).

Three layers, all in process memory of the one dashboard server (docs/security.md, Dashboard):

- **Per (user name, client address)**: after `FREE_FAILURES` failed logins, the next password check for that pair
  waits `BASE_SECONDS * 2**k` seconds after the last failure (capped at `MAX_BACKOFF_SECONDS`). Attempts in that
  window are refused *without* checking the password and do not extend it. Because the key includes the address,
  someone guessing `controller`'s password from one address never delays `controller` logging in from another.
- **Globally**: failed logins over all users and addresses in the last `GLOBAL_WINDOW_SECONDS` make every next
  check wait a little longer before it runs (exponentially, capped at `MAX_GLOBAL_WAIT_SECONDS`), so trying many
  user names slows down. This is a short server-side delay, never a refusal: the real user's right password from a
  clean address always passes after at most `MAX_GLOBAL_WAIT_SECONDS`.
- The table of (user, address) pairs is an LRU bounded at `MAX_KEYS`, so guessing with random names or
  addresses cannot grow memory without bound; entries whose back-off has long passed are forgotten.

The clock is injected so tests can drive time; the caller does the sleeping (the page shows a spinner meanwhile).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

FREE_FAILURES = 3
BASE_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 15 * 60.0
FORGET_AFTER_SECONDS = 24 * 3600.0
MAX_KEYS = 10_000

GLOBAL_WINDOW_SECONDS = 60.0
GLOBAL_FREE_FAILURES = 10
GLOBAL_BASE_SECONDS = 0.25
MAX_GLOBAL_WAIT_SECONDS = 4.0
MAX_GLOBAL_FAILURES = 10_000

LOCAL = "lokaal"


@dataclass(frozen=True)
class Verdict:
    """What the throttle decided for one login attempt.

    `refuse_seconds > 0`: refuse now without checking the password; the user may retry after that many seconds.
    Otherwise wait `wait_seconds` (the global slow-down), then check the password.
    """

    refuse_seconds: float
    wait_seconds: float

    @property
    def refused(self) -> bool:
        return self.refuse_seconds > 0


@dataclass
class _Entry:
    failures: int
    last: float


def backoff_seconds(failures: int) -> float:
    """The back-off after `failures` failures for one (user, address): 0 for the first few, then doubling."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(BASE_SECONDS * 2.0 ** (failures - FREE_FAILURES), MAX_BACKOFF_SECONDS)


def global_wait_seconds(recent_failures: int) -> float:
    """The global slow-down after `recent_failures` failures (any user, any address) in the last minute."""
    if recent_failures < GLOBAL_FREE_FAILURES:
        return 0.0
    exponent = min(
        recent_failures - GLOBAL_FREE_FAILURES, 32
    )  # 2**32 * 0.25 is far past the cap; avoids float overflow
    return min(GLOBAL_BASE_SECONDS * 2.0**exponent, MAX_GLOBAL_WAIT_SECONDS)


class LoginThrottle:
    """Thread-safe throttle state for one server process; see the module docstring for the rules."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, *, max_keys: int = MAX_KEYS) -> None:
        self._clock = clock
        self._max_keys = max_keys
        self._entries: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._global: deque[float] = deque(maxlen=MAX_GLOBAL_FAILURES)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def assess(self, user: str, address: str) -> Verdict:
        """Decide whether this attempt may check a password now, later, or after a short wait."""
        now = self._clock()
        with self._lock:
            entry = self._entries.get((user, address))
            refuse = 0.0
            if entry is not None:
                refuse = max(0.0, entry.last + backoff_seconds(entry.failures) - now)
            return Verdict(
                refuse_seconds=refuse, wait_seconds=global_wait_seconds(self._recent_failures(now))
            )

    def record_failure(self, user: str, address: str) -> None:
        """Record a failed password check (not a refused attempt: those checked nothing)."""
        now = self._clock()
        key = (user, address)
        with self._lock:
            entry = self._entries.pop(key, None)
            if entry is not None and now - entry.last > FORGET_AFTER_SECONDS:
                entry = None
            self._entries[key] = _Entry(failures=(entry.failures if entry else 0) + 1, last=now)
            while len(self._entries) > self._max_keys:
                self._entries.popitem(last=False)  # least recently failed first
            self._global.append(now)

    def record_success(self, user: str, address: str) -> None:
        """A successful login clears the back-off of that (user, address) only."""
        with self._lock:
            self._entries.pop((user, address), None)

    def clear(self) -> None:
        """Forget everything (a restart does the same)."""
        with self._lock:
            self._entries.clear()
            self._global.clear()

    def _recent_failures(self, now: float) -> int:
        while self._global and now - self._global[0] > GLOBAL_WINDOW_SECONDS:
            self._global.popleft()
        return len(self._global)


def client_address(
    peer: str | None, headers: Mapping[str, str] | None, trusted_proxies: Iterable[str] = ()
) -> str:
    """The client address to throttle on.

    `peer` is the TCP peer of the browser's WebSocket (`st.context.ip_address`, None for loopback). The
    `X-Forwarded-For` header is believed only when that peer is a configured trusted reverse proxy
    (`WMO_DASHBOARD_PROXY`): anyone can send the header, so trusting it otherwise would let an attacker pick a fresh
    "address" for every guess. Then the right-most entry that is not itself a trusted proxy is the client.
    """
    trusted = {_normalise(p) for p in trusted_proxies}
    address = _normalise(peer) if peer else LOCAL
    if address not in trusted or not headers:
        return address
    forwarded = headers.get("X-Forwarded-For") or headers.get("x-forwarded-for") or ""
    for candidate in reversed([d.strip() for d in forwarded.split(",") if d.strip()]):
        candidate = _normalise(candidate)
        if candidate not in trusted:
            return candidate
    return address


def _normalise(address: str) -> str:
    """One spelling per address (IPv6 compressed, loopback as `lokaal`); unparseable text is kept, shortened."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()[:64]
    return LOCAL if ip.is_loopback else ip.compressed
