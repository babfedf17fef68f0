"""Batched, typed writes of parsed rows into DuckDB through Arrow: never row by row."""

from __future__ import annotations

import pyarrow as pa

from ingest.raw_schema import SCHEMAS

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DATE": pa.date32(),
    "TIME": pa.time64("us"),
    "TIMESTAMP": pa.timestamp("us"),
    "BOOLEAN": pa.bool_(),
    "DOUBLE": pa.float64(),
}


def _schema_of(table: str) -> tuple[str, list[tuple[str, str]]]:
    for schema, tables in SCHEMAS.items():
        if table in tables:
            return schema, tables[table]
    raise KeyError(f"Onbekende tabel {table!r}: niet gedeclareerd in ingest/raw_schema.py")


def insert_rows(con, table: str, rows: list[dict]) -> int:
    """Append rows to `<schema>.<table>`; columns not in the row are NULL, extra keys are an error."""
    if not rows:
        return 0
    schema, columns = _schema_of(table)
    names = [name for name, _ in columns]
    unknown = set().union(*(row.keys() for row in rows)) - set(names)
    if unknown:
        raise KeyError(f"Kolommen {sorted(unknown)} horen niet bij {schema}.{table}")
    arrow_schema = pa.schema([(name, _ARROW_TYPES[dtype]) for name, dtype in columns])
    batch = pa.Table.from_pylist(rows, schema=arrow_schema)
    view = f"_batch_{table}"
    con.register(view, batch)
    try:
        cols = ", ".join(names)
        con.execute(f"INSERT INTO {schema}.{table} ({cols}) SELECT {cols} FROM {view}")
    finally:
        con.unregister(view)
    return len(rows)
