"""Small-cell suppression (kpis.md, Conventions: Suppression).

Any count of persons or events below `min_celgrootte` is suppressed (shown as `<10`), and any rate, mean, median or
percentage whose denominator is below it is left empty. Applied on every dashboard view except the controller's
lawfulness pages. The functions work on plain numbers and on pandas frames; a suppressed cell becomes NaN in the frame
so that the number never reaches the browser or an export.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboards import formatting


def label(min_celgrootte: int) -> str:
    """The text shown instead of a suppressed count, e.g. `<10`."""
    return f"<{min_celgrootte}"


def toelichting(min_celgrootte: int) -> str:
    return (
        f"Kleine aantallen zijn onderdrukt: aantallen personen of gebeurtenissen onder {min_celgrootte} staan als "
        f"‘{label(min_celgrootte)}’, en percentages, gemiddelden en medianen met een noemer onder "
        f"{min_celgrootte} zijn leeg gelaten (–)."
    )


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return math.isnan(value)  # type: ignore[arg-type]
    except TypeError:
        return False


def count_is_suppressed(value: object, min_celgrootte: int) -> bool:
    """True when a count must not be shown (0 ≤ n < min_celgrootte). A missing count is not a suppression."""
    return not _missing(value) and float(value) < min_celgrootte  # type: ignore[arg-type]


def ratio_is_suppressed(noemer: object, min_celgrootte: int) -> bool:
    """True when a ratio with this denominator must not be shown (denominator missing or below the minimum)."""
    return _missing(noemer) or float(noemer) < min_celgrootte  # type: ignore[arg-type]


def count_text(value: object, min_celgrootte: int) -> str:
    """A count for display: `1.234`, or `<10` when suppressed."""
    if count_is_suppressed(value, min_celgrootte):
        return label(min_celgrootte)
    return formatting.aantal(value)


def ratio_value(teller: object, noemer: object, min_celgrootte: int) -> float | None:
    """teller / noemer, or None when the denominator is too small (or zero)."""
    if ratio_is_suppressed(noemer, min_celgrootte) or float(noemer) == 0 or _missing(teller):  # type: ignore[arg-type]
        return None
    return float(teller) / float(noemer)  # type: ignore[arg-type]


@dataclass
class Resultaat:
    """A suppressed frame plus what was suppressed (per column, a boolean mask of suppressed counts)."""

    frame: pd.DataFrame
    onderdrukte_aantallen: dict[str, pd.Series] = field(default_factory=dict)
    aantal_onderdrukt: int = 0


def suppress_frame(
    df: pd.DataFrame,
    min_celgrootte: int,
    *,
    aantallen: Iterable[str] = (),
    ratios: Mapping[str, str] | None = None,
) -> Resultaat:
    """Suppress a copy of `df`.

    `aantallen`: columns holding counts of persons or events; values below the minimum become NaN.
    `ratios`: {ratio column: denominator column}; the ratio becomes NaN when its denominator is below the minimum.
    Denominators are judged on the original values, so suppressing a count that is also a denominator still works.
    """
    out = df.copy()
    ratios = dict(ratios or {})
    n = 0
    masks: dict[str, pd.Series] = {}
    for ratio_col, noemer_col in ratios.items():
        if ratio_col not in df.columns or noemer_col not in df.columns:
            continue
        noemer = pd.to_numeric(df[noemer_col], errors="coerce")
        mask = (noemer.isna() | (noemer < min_celgrootte)) & df[ratio_col].notna()
        out[ratio_col] = pd.to_numeric(out[ratio_col], errors="coerce").astype("float64").mask(mask)
        n += int(mask.sum())
    for col in aantallen:
        if col not in df.columns:
            continue
        values = pd.to_numeric(df[col], errors="coerce")
        mask = values.notna() & (values < min_celgrootte)
        out[col] = values.astype("float64").mask(mask)
        masks[col] = mask
        n += int(mask.sum())
    return Resultaat(out, masks, n)
