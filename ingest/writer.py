"""Batched, typed writes of parsed rows into DuckDB: never row by row, always one statement per table per batch.

Rows become typed Arrow tables (`arrow_table`), which DuckDB scans without copying them through Python. The
iWmo worker processes build those tables themselves, so the loader's process only hands them to DuckDB: Arrow
tables cross the process boundary as their buffers, not as Python objects.

DuckDB 1.5 imports `pyarrow.dataset`, and with it pandas, the first time it is handed an Arrow object: a few
tenths of a second once per process.
"""

from __future__ import annotations

from operator import itemgetter

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


_LAYOUTS: dict[str, tuple[str, list[str], pa.Schema, itemgetter]] = {}


def _layout(table: str) -> tuple[str, list[str], pa.Schema, itemgetter]:
    """(schema, column names, Arrow schema, itemgetter of the columns), built once per table."""
    found = _LAYOUTS.get(table)
    if found is None:
        schema, columns = _schema_of(table)
        names = [name for name, _ in columns]
        arrow = pa.schema([(name, _ARROW_TYPES[dtype]) for name, dtype in columns])
        found = _LAYOUTS[table] = (schema, names, arrow, itemgetter(*names))
    return found


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    """The rows as a typed Arrow table with the columns of `table` in `raw_schema` order.

    A missing key is NULL, an unknown key is an error. Rows that all have exactly the table's keys (what the
    iWmo extractors make) are transposed in one pass; the others go through the general route."""
    schema, names, arrow, get = _layout(table)
    try:
        if not rows or any(len(row) != len(names) for row in rows):
            raise KeyError
        columns = zip(*map(get, rows), strict=True)  # every table has several columns: `get` gives tuples
    except KeyError:  # the general route: some row lacks a column (NULL) or has an unknown one (error)
        _check_keys(schema, table, names, rows)
        return pa.Table.from_pylist(rows, schema=arrow)
    return pa.Table.from_arrays(
        [pa.array(column, type=field.type) for column, field in zip(columns, arrow, strict=True)],
        schema=arrow,
    )


def convert_once() -> None:
    """pyarrow imports pandas the first time it converts Python values (a few tenths of a second). The loader's
    process does that before it forks the iWmo workers, so they inherit the import instead of each paying it."""
    pa.array([0])


def insert_rows(con, table: str, rows: list[dict] | list[pa.Table]) -> int:
    """Append rows (dicts, or Arrow tables made by `arrow_table`) to `<schema>.<table>` in one statement.

    Several tables are first combined into one contiguous table: DuckDB pays per Arrow batch it scans, and the
    chunks of a write batch each bring one, often of a handful of rows."""
    if not rows:
        return 0
    if isinstance(rows[0], dict):
        rows = arrow_table(table, rows)
    else:
        rows = pa.concat_tables(rows).combine_chunks() if len(rows) > 1 else rows[0]
    if rows.num_rows == 0:
        return 0
    schema, names, _, _ = _layout(table)
    view = f"_batch_{table}"
    con.register(view, rows)
    try:
        cols = ", ".join(names)
        con.execute(f"INSERT INTO {schema}.{table} ({cols}) SELECT {cols} FROM {view}")
    finally:
        con.unregister(view)
    return rows.num_rows


def _check_keys(schema: str, table: str, names: list[str], rows: list[dict]) -> None:
    unknown = set().union(*(row.keys() for row in rows)) - set(names)
    if unknown:
        raise KeyError(f"Kolommen {sorted(unknown)} horen niet bij {schema}.{table}")
