"""Dates: Dutch working days exactly as kpis.md defines them, months, and small helpers."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache


def _easter_sunday(jaar: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maand, dag = divmod(h + ll - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    """Public holidays of kpis.md (no Goede Vrijdag; Bevrijdingsdag only every five years)."""
    p = _easter_sunday(jaar)
    koning = date(jaar, 4, 27)
    if koning.weekday() == 6:
        koning = date(jaar, 4, 26)
    dagen = {
        date(jaar, 1, 1),
        p + timedelta(days=1),
        koning,
        p + timedelta(days=39),
        p + timedelta(days=50),
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }
    if jaar % 5 == 0:
        dagen.add(date(jaar, 5, 5))
    return frozenset(dagen)


def is_werkdag(d: date) -> bool:
    return d.weekday() < 5 and d not in feestdagen(d.year)


def plus_werkdagen(d: date, n: int) -> date:
    """The n-th working day after d (n = 0: d itself if a working day, else the next one)."""
    if n == 0:
        while not is_werkdag(d):
            d += timedelta(days=1)
        return d
    while n > 0:
        d += timedelta(days=1)
        if is_werkdag(d):
            n -= 1
    return d


def werkdagen(a: date, b: date) -> int:
    """Number of working days d with a < d <= b (negative when b < a)."""
    if b < a:
        return -werkdagen(b, a)
    n = 0
    d = a
    while d < b:
        d += timedelta(days=1)
        if is_werkdag(d):
            n += 1
    return n


def dagen_in_maand(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]


def maand_eind(d: date) -> date:
    return date(d.year, d.month, dagen_in_maand(d.year, d.month))


def volgende_maand(d: date) -> date:
    """First day of the month after d's month."""
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def plus_maanden(d: date, n: int) -> date:
    m = d.month - 1 + n
    j = d.year + m // 12
    m = m % 12 + 1
    return date(j, m, min(d.day, dagen_in_maand(j, m)))
