"""Dutch number, money, percentage and date formatting for display (`€ 1.234,56`, `82,5 %`, `31-12-2024`)."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

LEEG = "–"


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return value is getattr(__import__("pandas"), "NA", object())


def _nl(text: str) -> str:
    """Swap the English separators of a formatted number for Dutch ones."""
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def getal(value: Any, decimalen: int = 0) -> str:
    """`1234.5` → `1.234,5` (with `decimalen` decimals); missing → `–`."""
    if _is_missing(value):
        return LEEG
    afgerond = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return _nl(f"{afgerond:,.{decimalen}f}")


def aantal(value: Any) -> str:
    return getal(value, 0)


def euro(value: Any, *, cent: bool = False) -> str:
    """Euros with two decimals: `€ 1.234,56`; pass `cent=True` for a value in eurocents."""
    if _is_missing(value):
        return LEEG
    amount = float(value) / 100 if cent else float(value)
    sign = "-" if round(amount, 2) < 0 else ""
    return f"€ {sign}{getal(abs(amount), 2)}"


def euro_kort(value: Any, *, cent: bool = False) -> str:
    """A tile-sized amount: `€ 19,8 mln` from a million euros, else exactly as `euro`.

    KPI tiles are narrow; the exact amount belongs in the tile's help text and the tables.
    """
    if _is_missing(value):
        return LEEG
    amount = float(value) / 100 if cent else float(value)
    if abs(amount) >= 1_000_000:
        return f"€ {getal(amount / 1_000_000, 1)} mln"
    return euro(amount)


def procent(value: Any, decimalen: int = 1, *, fractie: bool = False) -> str:
    """A percentage 0–100 (or a fraction with `fractie=True`): `82,5 %`."""
    if _is_missing(value):
        return LEEG
    pct = float(value) * 100 if fractie else float(value)
    return f"{getal(pct, decimalen)} %"


def datum(value: Any) -> str:
    """`2024-12-31` → `31-12-2024`."""
    if _is_missing(value):
        return LEEG
    if isinstance(value, datetime):
        tijd = value.hour or value.minute or value.second
        return value.strftime("%d-%m-%Y %H:%M") if tijd else value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def ja_nee(value: Any) -> str:
    if _is_missing(value):
        return LEEG
    return "ja" if bool(value) else "nee"
