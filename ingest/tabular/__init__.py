"""Shared reading and validation for the tabular input families (complaints, workbooks, reference CSVs).

Pure functions, no DuckDB or Dagster: bytes in, `ingest.model.ParsedFile` rows and quarantine items out.
See docs/tabular-inputs.md for the decisions the specification left open.
"""

from ingest.tabular.csv_source import detect_delimiter, read_csv_table
from ingest.tabular.encoding import decode_text
from ingest.tabular.excel_source import Workbook, open_workbook
from ingest.tabular.headers import normalise_header
from ingest.tabular.output import to_rows
from ingest.tabular.table import ROW, Table
from ingest.tabular.validate import Field, RowCheck, validate

__all__ = [
    "ROW",
    "Field",
    "RowCheck",
    "Table",
    "Workbook",
    "decode_text",
    "detect_delimiter",
    "normalise_header",
    "open_workbook",
    "read_csv_table",
    "to_rows",
    "validate",
]
