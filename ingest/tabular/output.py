"""Shape parsed rows exactly as the raw layer declares them (ingest/raw_schema.py), so the loader never guesses."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from ingest.raw_schema import RAW_TABLES, RESTRICTED_TABLES
from ingest.tabular.table import ROW


def to_rows(frame: pl.DataFrame, table: str, constants: Mapping[str, object]) -> list[dict]:
    """Dicts with exactly the columns of `table`, in declared order; `rij` from ROW, `constants` on every row.

    A column the frame lacks and `constants` does not give is a programming error, hence the KeyError.
    """
    columns = [name for name, _ in (RAW_TABLES.get(table) or RESTRICTED_TABLES[table])]
    frame = frame.rename({ROW: "rij"}) if ROW in frame.columns else frame
    exprs = []
    for name in columns:
        if name in constants:
            exprs.append(pl.lit(constants[name]).alias(name))
        elif name in frame.columns:
            exprs.append(pl.col(name))
        else:
            raise KeyError(f"kolom {name} van {table} ontbreekt")
    if frame.height == 0:
        return []
    return frame.select(exprs).to_dicts()
