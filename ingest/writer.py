"""Batched, typed writes of parsed rows into DuckDB: never row by row.

Two ways in, both one statement per table per batch:

* `list[dict]` rows go through Arrow (`pa.Table.from_pylist`). General, but DuckDB 1.5 imports
  `pyarrow.dataset` for every Arrow object it is handed, and that imports pandas (> 1 s in a fresh process), and
  `pa.array` on Python lists does the same.
* `EncodedRows`, lines of columnar JSON made by `encode_rows` (in a worker process, for iWmo), are read back by
  DuckDB's own JSON reader from a private temporary file: no Python objects cross into DuckDB, so neither pandas
  nor Arrow is needed, and the encoding work can be done in parallel by the processes that parsed the rows.
  Each line is one object `{"0": [values of column 0], "1": [...], ...}` with the columns of the table in
  `raw_schema` order; dates, times and timestamps are ISO strings, which DuckDB casts exactly.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
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


@dataclass
class EncodedRows:
    """Rows of one table as lines made by `encode_rows`, in write order."""

    lines: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(self.lines)


def insert_rows(con, table: str, rows: list[dict] | EncodedRows) -> int:
    """Append rows to `<schema>.<table>`; columns not in the row are NULL, extra keys are an error."""
    if not rows:
        return 0
    if isinstance(rows, EncodedRows):
        return _insert_encoded(con, table, rows.lines)
    schema, columns = _schema_of(table)
    names = [name for name, _ in columns]
    _check_keys(schema, table, names, rows)
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


def _check_keys(schema: str, table: str, names: list[str], rows: list[dict]) -> None:
    unknown = set().union(*(row.keys() for row in rows)) - set(names)
    if unknown:
        raise KeyError(f"Kolommen {sorted(unknown)} horen niet bij {schema}.{table}")


# -- columnar JSON ------------------------------------------------------------------------------------------

_GETTERS: dict[str, tuple[itemgetter, int, list[str]]] = {}


def _getter(table: str) -> tuple[itemgetter, int, list[str]]:
    """(itemgetter of the columns in schema order, column count, names), built once per table."""
    found = _GETTERS.get(table)
    if found is None:
        _, columns = _schema_of(table)
        names = [name for name, _ in columns]
        found = _GETTERS[table] = (itemgetter(*names), len(names), names)
    return found


def _json_value(value):
    """What json cannot write itself: dates and times as ISO text (a naive UTC timestamp, like Arrow)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(
        f"Waarde {value!r} van type {type(value).__name__} kan niet naar DuckDB worden geschreven"
    )


encode_values = json.JSONEncoder(
    default=_json_value, check_circular=False, allow_nan=False, separators=(",", ":")
).encode
"""Any JSON value to one ASCII line; dates and times as ISO text."""


def encode_rows(table: str, rows: list[dict]) -> str:
    """One JSON line holding `rows` column by column (see the module docstring); '' for no rows.

    Same contract as `insert_rows`: a missing key is NULL, an unknown key is an error.
    """
    if not rows:
        return ""
    get, width, names = _getter(table)
    try:
        if any(len(row) != width for row in rows):
            raise KeyError
        columns = zip(*map(get, rows), strict=True)
    except KeyError:  # the slow path: some row lacks a column (NULL) or has an unknown one (error)
        schema, _ = _schema_of(table)
        _check_keys(schema, table, names, rows)
        columns = ([row.get(name) for row in rows] for name in names)
    return encode_values({str(i): column for i, column in enumerate(columns)})


def _insert_encoded(con, table: str, lines: list[str]) -> int:
    schema, columns = _schema_of(table)
    names = ", ".join(name for name, _ in columns)
    types = ", ".join(f"'{i}': '{dtype}[]'" for i, (_, dtype) in enumerate(columns))
    values = ", ".join(f'unnest("{i}")' for i in range(len(columns)))
    handle, path = tempfile.mkstemp(prefix=f"wmo-{table}-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write("\n".join(filter(None, lines)))
        literal = path.replace("'", "''")
        result = con.execute(
            f"INSERT INTO {schema}.{table} ({names}) SELECT {values} FROM read_json('{literal}', "
            f"format='newline_delimited', columns={{{types}}}, maximum_object_size=1073741824)"
        ).fetchall()
    finally:
        os.unlink(path)
    return result[0][0]
