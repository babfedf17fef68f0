"""Dutch number, money, percentage and date formatting for display (`€ 1.234,56`, `82,5 %`, `31-12-2024`).

`DECIMALEN` and `afgerond` are shared by the screen and the downloads, so a download holds the numbers exactly as
the page shows them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

LEEG = "–"
TIJDZONE = "Europe/Amsterdam"
# Decimals shown per kind of column (ui.Kolom.soort); the downloads round to the same.
DECIMALEN = {"aantal": 0, "euro": 2, "euro_cent": 2, "pct": 1, "getal1": 1, "getal2": 2, "dagen": 1}


def ontbreekt(value: Any) -> bool:
    """None, NaN, NaT and pandas' NA."""
    if value is None:
        return True
    if isinstance(value, str):
        return False
    missing = pd.isna(value)
    return bool(missing) if isinstance(missing, bool | np.bool_) else False


def _nl(text: str) -> str:
    """Swap the English separators of a formatted number for Dutch ones."""
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def afgerond(value: Any, decimalen: int) -> Decimal:
    """Half-up rounding of the number as Python prints it (so 2.675 → 2.68, as a reader expects)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def getal(value: Any, decimalen: int = 0) -> str:
    """`1234.5` → `1.234,5` (with `decimalen` decimals); missing → `–`."""
    if ontbreekt(value):
        return LEEG
    return _nl(f"{afgerond(value, decimalen):,.{decimalen}f}")


def aantal(value: Any) -> str:
    return getal(value, 0)


def euro(value: Any, *, cent: bool = False) -> str:
    """Euros with two decimals: `€ 1.234,56`; pass `cent=True` for a value in eurocents."""
    if ontbreekt(value):
        return LEEG
    amount = float(value) / 100 if cent else float(value)
    sign = "-" if round(amount, 2) < 0 else ""
    return f"€ {sign}{getal(abs(amount), 2)}"


def euro_kort(value: Any, *, cent: bool = False) -> str:
    """A tile-sized amount: `€ 19,8 mln` from a million euros, else exactly as `euro`.

    KPI tiles are narrow; the exact amount belongs in the tile's help text and the tables.
    """
    if ontbreekt(value):
        return LEEG
    amount = float(value) / 100 if cent else float(value)
    if abs(amount) >= 1_000_000:
        return f"€ {getal(amount / 1_000_000, 1)} mln"
    return euro(amount)


def procent(value: Any, decimalen: int = 1, *, fractie: bool = False) -> str:
    """A percentage 0–100 (or a fraction with `fractie=True`): `82,5 %`."""
    if ontbreekt(value):
        return LEEG
    pct = float(value) * 100 if fractie else float(value)
    return f"{getal(pct, decimalen)} %"


def datum(value: Any) -> str:
    """`2024-12-31` → `31-12-2024`."""
    if ontbreekt(value):
        return LEEG
    if isinstance(value, datetime):
        tijd = value.hour or value.minute or value.second
        return value.strftime("%d-%m-%Y %H:%M") if tijd else value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def tijdstip(value: Any) -> str:
    """A moment with its time: `31-12-2024 09:05:00`; a time-zone-aware one in Amsterdam time."""
    if ontbreekt(value):
        return LEEG
    return amsterdam(value).strftime("%d-%m-%Y %H:%M:%S")


def amsterdam(value: datetime) -> datetime:
    """A naive datetime for display: an aware one converted to Amsterdam time; a naive one is already local."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(TIJDZONE)).replace(tzinfo=None)
    return value


def ja_nee(value: Any) -> str:
    if ontbreekt(value):
        return LEEG
    return "ja" if bool(value) else "nee"
