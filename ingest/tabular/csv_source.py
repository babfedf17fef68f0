"""Read a delimited text file (`;` or `,`, any of the usual encodings) into a Table of strings."""

from __future__ import annotations

import csv
import io

import polars as pl

from ingest.model import Rejection
from ingest.tabular.encoding import decode_text
from ingest.tabular.table import Table
from runtime.config import DEFAULT_TABEL_MAX_RIJEN

_CANDIDATES = (";", ",", "\t")


def detect_delimiter(text: str) -> str:
    """The candidate that occurs most often in the header line; `;` wins a tie (the Dutch Excel default).

    The header is the one line we can trust to have no free text, so its separators decide.
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {c: header.count(c) for c in _CANDIDATES}
    best = max(_CANDIDATES, key=lambda c: counts[c])
    return best if counts[best] > 0 else ";"


def read_csv_table(data: bytes, max_rijen: int = DEFAULT_TABEL_MAX_RIJEN) -> Table:
    """All cells as strings (never inferred: '0957' must stay '0957'); row numbers as a spreadsheet shows them.

    Blank lines stay in the grid as empty rows before Table drops them, so they still count when numbering,
    exactly as Excel shows them. A quoted cell with a line break is one spreadsheet row. More than `max_rijen`
    data rows is TE_VEEL_RIJEN (the bytes were capped before: `ingest.loader`).
    """
    text = decode_text(data)
    delimiter = detect_delimiter(text)
    text, skipped = _drop_leading_blank_lines(text)
    try:
        grid = pl.read_csv(
            text.encode("utf-8"),
            separator=delimiter,
            has_header=False,
            infer_schema=False,
            truncate_ragged_lines=True,
            quote_char='"',
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, OSError):
        grid = _strict_grid(text, delimiter, skipped)
    return Table.from_grid(grid, first_row=1 + skipped).capped(max_rijen)


def _strict_grid(text: str, delimiter: str, skipped: int) -> pl.DataFrame:
    """The grid by Python's csv module in strict mode, for what polars refuses: a quote inside an unquoted cell
    (`zei "nee"`, typed by hand in a free-text column) is an ordinary character there, as in Excel, while a quoted
    cell must still be closed. What that refuses too is unreadable, and the melding names the line where the
    record with the faulty quote begins (a line of the file as a text editor shows it)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    rows: list[list[str]] = []
    begin = 1  # the line where the next record begins
    try:
        for row in reader:
            rows.append(row)
            begin = reader.line_num + 1
    except csv.Error as exc:
        raise Rejection(
            "BESTAND_ONLEESBAAR",
            f'Het CSV-bestand is niet te lezen: regel {begin + skipped} heeft een aanhalingsteken (") '
            "dat een cel opent die niet goed wordt afgesloten. Sluit zo'n cel af met een aanhalingsteken vóór het "
            'volgende scheidingsteken, schrijf een aanhalingsteken binnen een cel dubbel (""), en lever het '
            "bestand opnieuw aan.",
        ) from exc
    width = len(rows[0]) if rows else 0  # like polars: the first line decides, longer lines are cut off
    return pl.DataFrame(
        {
            f"column_{i}": pl.Series([row[i] if i < len(row) else None for row in rows], dtype=pl.String)
            for i in range(width)
        }
    )


def _drop_leading_blank_lines(text: str) -> tuple[str, int]:
    """polars takes the column count from the first line, so blank lines above the header must go (and count)."""
    skipped = 0
    while True:
        line, newline, rest = text.partition("\n")
        if not newline or line.strip():
            return text, skipped
        text, skipped = rest, skipped + 1
