"""BSN handling: the 11-proef and the keyed pseudonym of operations.md.

The pseudonym is computed before anything is written, so a BSN never reaches DuckDB.
"""

from __future__ import annotations

import hashlib
import hmac
import re

_BSN_PATTERN = re.compile(r"^[0-9]{9}$")


def is_valid_bsn(value: str) -> bool:
    """Nine digits passing the 11-proef (weights 9..2 and -1); 000000000 is not a person."""
    if not _BSN_PATTERN.match(value) or value == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True))
    total -= int(value[8])
    return total % 11 == 0


class Pseudonymiser:
    """Turns a BSN into `client_pseudoniem`; holds the key so parsers never see it."""

    def __init__(self, sleutel: str) -> None:
        if not sleutel:
            raise ValueError("De pseudonimiseringssleutel is leeg.")
        self._key = sleutel.encode("utf-8")

    def __call__(self, bsn: str) -> str:
        digest = hmac.new(self._key, bsn.encode("ascii"), hashlib.sha256).hexdigest()
        return digest[:16]
