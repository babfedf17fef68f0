"""BSN handling: the 11-proef and the keyed pseudonym of operations.md.

The pseudonym is computed before anything is written, so a BSN never reaches DuckDB.
"""

from __future__ import annotations

import hashlib
import re

_BSN_PATTERN = re.compile(r"^[0-9]{9}$")


def is_valid_bsn(value: str) -> bool:
    """Nine digits passing the 11-proef (weights 9..2 and -1); 000000000 is not a person."""
    if not _BSN_PATTERN.match(value) or value == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True))
    total -= int(value[8])
    return total % 11 == 0


_SHA256_BLOK = 64
"""SHA-256's block size in bytes: HMAC pads (or first hashes) the key to it."""


class Pseudonymiser:
    """Turns a BSN into `client_pseudoniem`; holds the key so parsers never see it."""

    def __init__(self, sleutel: str) -> None:
        if not sleutel:
            raise ValueError("De pseudonimiseringssleutel is leeg.")
        # HMAC-SHA256 (RFC 2104) with the key's inner and outer pads hashed once: every BSN then costs two copies
        # of a hash state and two short updates, half of what hmac.new(...) costs when it starts from the key.
        key = sleutel.encode("utf-8")
        if len(key) > _SHA256_BLOK:
            key = hashlib.sha256(key).digest()
        key = key.ljust(_SHA256_BLOK, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in key))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in key))

    def __call__(self, bsn: str) -> str:
        inner = self._inner.copy()
        inner.update(bsn.encode("ascii"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()[:16]
