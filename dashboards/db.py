"""Read-only access to the published warehouse (`Settings.warehouse`).

Every query opens a short-lived read-only DuckDB connection and closes it again, so the dashboard never holds a lock
between reruns (the pipeline swaps the published file atomically with `os.replace`). Results are cached with
`st.cache_data`, keyed on the SQL, its parameters and the file's path, modification time and size, so a new
publication shows up on the next rerun. A `duckdb.IOException` (file briefly unavailable) is retried a few times and
then reported as `WarehouseBezet`, which the pages show as a Dutch warning.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from runtime.config import Settings, from_env

CACHE_TTL_SECONDEN = 300
POGINGEN = 4
SUCCES_STATUSSEN = ("geslaagd", "gepubliceerd", "succes", "success", "succeeded", "ok", "voltooid")


class WarehouseFout(RuntimeError):
    """Base class: the warehouse cannot answer; `str(exc)` is a Dutch message for the user."""


class WarehouseOntbreekt(WarehouseFout):
    pass


class WarehouseBezet(WarehouseFout):
    pass


class TabelOntbreekt(WarehouseFout):
    pass


def settings() -> Settings:
    return from_env()


def _bestand() -> tuple[str, int, int]:
    path = Path(settings().warehouse)
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise WarehouseOntbreekt(
            f"Er is nog geen gepubliceerde warehouse gevonden op `{path}`. Draai eerst `wmo-monitor run` "
            "(of `wmo-monitor demo`) of zet WMO_WAREHOUSE op het juiste bestand."
        ) from exc
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def _uitvoeren(pad: str, sql: str, params: Sequence[Any]) -> pd.DataFrame:
    laatste: Exception | None = None
    for poging in range(POGINGEN):
        try:
            con = duckdb.connect(pad, read_only=True)
        except duckdb.IOException as exc:  # the file is being swapped or held by a writer
            laatste = exc
            time.sleep(0.25 * (poging + 1))
            continue
        try:
            return con.execute(sql, [list(p) if isinstance(p, tuple) else p for p in params]).df()
        except duckdb.CatalogException as exc:
            raise TabelOntbreekt(
                "Een tabel of kolom die deze pagina nodig heeft, staat (nog) niet in de gepubliceerde warehouse. "
                f"Details: {str(exc).splitlines()[0]}"
            ) from exc
        finally:
            con.close()
    raise WarehouseBezet(
        "De warehouse wordt op dit moment bijgewerkt of is tijdelijk niet leesbaar. Probeer het over enkele "
        f"seconden opnieuw. ({laatste})"
    )


@st.cache_data(ttl=CACHE_TTL_SECONDEN, show_spinner=False, max_entries=512)
def _query_cached(pad: str, mtime_ns: int, size: int, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    return _uitvoeren(pad, sql, params)


def query(sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
    """Run a read-only query on the published warehouse; lists in `params` must be passed as tuples."""
    pad, mtime_ns, size = _bestand()
    return _query_cached(pad, mtime_ns, size, sql, tuple(params)).copy()


@st.cache_data(ttl=CACHE_TTL_SECONDEN, show_spinner=False)
def _catalogus(pad: str, mtime_ns: int, size: int) -> dict[str, frozenset[str]]:
    df = _uitvoeren(
        pad,
        "SELECT table_schema || '.' || table_name AS t, list(column_name) AS k FROM information_schema.columns "
        "WHERE table_schema IN ('marts', 'audit') GROUP BY ALL",
        (),
    )
    return {row.t: frozenset(row.k) for row in df.itertuples()}


def catalogus() -> dict[str, frozenset[str]]:
    """{'marts.fct_klachten': {column names}, …} for the published file."""
    return _catalogus(*_bestand())


def heeft_tabel(*tabellen: str) -> bool:
    try:
        cat = catalogus()
    except WarehouseFout:
        return False
    return all(t in cat for t in tabellen)


def ontbrekende_tabellen(*tabellen: str) -> list[str]:
    cat = catalogus()
    return [t for t in tabellen if t not in cat]


def kolommen(tabel: str) -> frozenset[str]:
    return catalogus().get(tabel, frozenset())


@dataclass(frozen=True)
class Publicatie:
    peildatum: date | None
    laatste_run: datetime | None
    run_status: str | None


def publicatie() -> Publicatie:
    """Peildatum and end time of the last successful run (or of the last run when none succeeded)."""
    if not heeft_tabel("audit.runs"):
        return Publicatie(settings().peildatum, None, None)
    statussen = ", ".join(f"'{s}'" for s in SUCCES_STATUSSEN)
    df = query(
        "SELECT peildatum, coalesce(einde, start) AS tijd, status, "
        f"lower(status) IN ({statussen}) AS geslaagd FROM audit.runs "
        "ORDER BY geslaagd DESC, coalesce(einde, start) DESC NULLS LAST LIMIT 1"
    )
    if df.empty:
        return Publicatie(settings().peildatum, None, None)
    row = df.iloc[0]
    peildatum = row["peildatum"]
    peildatum = None if pd.isna(peildatum) else pd.Timestamp(peildatum).date()
    tijd = None if pd.isna(row["tijd"]) else pd.Timestamp(row["tijd"]).to_pydatetime()
    return Publicatie(peildatum or settings().peildatum, tijd, str(row["status"]))
