"""File writers and expected values for the tabular parser tests: real files, in the dialects senders use."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from pathlib import Path

import xlsxwriter

KEY = "test-sleutel"
VALID_BSN = "123456782"
VALID_BSN_2 = "111222333"
INVALID_BSN = "123456789"


# Column headers of the workbook sheets, as inputs.md §3 lists them.
PRODUCTIE = [
    "gemeentecode",
    "productcategorie",
    "productcode",
    "eenheid",
    "volume",
    "bedrag",
    "aantal_clienten",
]
RESULTATEN = [
    "gemeentecode",
    "toewijzingnummer",
    "bsn",
    "subresultaat",
    "inschatting_vooraf",
    "resultaat",
    "evaluatiedatum",
    "vervolgadvies",
]
TEVREDENHEID = ["gemeentecode", "toewijzingnummer", "bsn", "datum", "cijfer", "respondent"]


def expected_pseudonym(bsn: str, key: str = KEY) -> str:
    """operations.md, computed here independently of ingest.pseudonymise."""
    return hmac.new(key.encode("utf-8"), bsn.encode("ascii"), hashlib.sha256).hexdigest()[:16]


def write_csv(
    path: Path,
    lines: list[str],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\r\n",
) -> bytes:
    """Write `lines` (cells separated by '|' in the test source) as a CSV file and return the bytes on disk."""
    text = newline.join(line.replace("|", delimiter) for line in lines) + newline
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path.read_bytes()


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> bytes:
    """Write a workbook: str cells as text, numbers as numbers, dates/datetimes as date cells, None as blank."""
    workbook = xlsxwriter.Workbook(path)
    date_format = workbook.add_format({"num_format": "d-m-yyyy"})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    value = (
                        value
                        if isinstance(value, dt.datetime)
                        else dt.datetime(value.year, value.month, value.day)
                    )
                    sheet.write_datetime(r, c, value, date_format)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)
                else:
                    sheet.write(r, c, value)
    workbook.close()
    return path.read_bytes()
