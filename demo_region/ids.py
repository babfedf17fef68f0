"""Identifiers: test-range BSNs that pass the 11-proef, message identifications, reference numbers."""

from __future__ import annotations


def elfproef_ok(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])
    return som % 11 == 0


def bsn_uit_prefix(prefix8: str) -> str | None:
    """Complete an 8-digit prefix with the check digit, or None when no digit 0-9 fits."""
    som = sum(int(c) * w for c, w in zip(prefix8, range(9, 1, -1), strict=True))
    check = som % 11
    return None if check > 9 else prefix8 + str(check)


class BsnBron:
    """Valid BSNs in the 999xxxxxx test range, in a seed-dependent but collision-free order."""

    def __init__(self, start: int) -> None:
        self._n = start % 100_000
        self._gezien = 0

    def volgende(self) -> str:
        while True:
            if self._gezien >= 100_000:
                raise RuntimeError("BSN-testreeks 999xxxxxx uitgeput: verlaag --scale of het aantal jaren")
            prefix = f"999{self._n:05d}"
            self._n = (self._n + 7919) % 100_000  # 7919 is prime, so this walks every prefix once
            self._gezien += 1
            bsn = bsn_uit_prefix(prefix)
            if bsn is not None:
                return bsn


def ongeldige_bsn(geldig: str) -> str:
    """A 9-digit number that fails the 11-proef, derived from a valid one."""
    for delta in range(1, 10):
        kandidaat = geldig[:8] + str((int(geldig[8]) + delta) % 10)
        if not elfproef_ok(kandidaat):
            return kandidaat
    raise AssertionError("unreachable")


class Teller:
    """Per-key counters, e.g. message identifications per sender."""

    def __init__(self) -> None:
        self._n: dict[str, int] = {}

    def volgende(self, sleutel: str, start: int = 1) -> int:
        n = self._n.get(sleutel, start - 1) + 1
        self._n[sleutel] = n
        return n
