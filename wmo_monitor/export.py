"""`wmo-monitor export --parquet DIR`: the published marts as Parquet files, for BI tools (Power BI, Excel, …).

Reads the published warehouse with a read-only connection, so it never disturbs a running pipeline: `publish`
swaps the file with `os.replace`, and an open connection keeps reading the publication it opened. Each file is
written next to its final name and renamed into place, so a BI tool refreshing at the same moment reads either the
previous export or the new one, never half a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from runtime import config

SCHEMA = "marts"


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def export_parquet(warehouse: Path, doelmap: Path) -> dict[str, int]:
    """Write every table of the `marts` schema to `doelmap/<table>.parquet`; returns the rows per table."""
    if not warehouse.is_file():
        raise config.ConfigError(
            f"Er is nog geen gepubliceerde warehouse op {warehouse}. Draai eerst `wmo-monitor run` of geef "
            "--warehouse (WMO_WAREHOUSE)."
        )
    if doelmap.exists() and not doelmap.is_dir():
        raise config.ConfigError(
            f"{doelmap} bestaat al en is geen map; kies een map voor de Parquet-bestanden."
        )
    doelmap.mkdir(parents=True, exist_ok=True)
    aantallen: dict[str, int] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tabellen = [
            naam
            for (naam,) in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = ? ORDER BY table_name",
                [SCHEMA],
            ).fetchall()
        ]
        if not tabellen:
            raise config.ConfigError(f"De warehouse {warehouse} heeft geen tabellen in het schema {SCHEMA}.")
        for naam in tabellen:
            doel = doelmap / f"{naam}.parquet"
            tijdelijk = doelmap / f".{naam}.parquet.{os.getpid()}.tmp"
            try:
                con.execute(
                    f'COPY {SCHEMA}."{naam}" TO {_sql_string(str(tijdelijk))} (FORMAT parquet, COMPRESSION zstd)'
                )
                os.replace(tijdelijk, doel)
            finally:
                tijdelijk.unlink(missing_ok=True)
            aantallen[naam] = con.execute(f'SELECT count(*) FROM {SCHEMA}."{naam}"').fetchall()[0][0]
    return aantallen
