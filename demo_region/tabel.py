"""Deterministic CSV and XLSX writing in the dialects providers really use."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import xlsxwriter

VAST_TIJDSTIP = datetime(2020, 1, 1, 9, 0, 0)


def csv_bytes(
    rijen: list[list[object]],
    *,
    scheiding: str = ";",
    codering: str = "utf-8",
    bom: bool = False,
    crlf: bool = True,
) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=scheiding, lineterminator="\r\n" if crlf else "\n")
    w.writerows([["" if v is None else v for v in r] for r in rijen])
    data = buf.getvalue().encode(codering, errors="replace")
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(
    bladen: dict[str, list[list[object]]],
    *,
    excel_datums: bool = True,
    getallen_als_getal: set[str] | None = None,
) -> bytes:
    """Sheets of rows (first row = header). Dates become Excel date cells when excel_datums is set; header
    names in getallen_als_getal are written as numbers, as Excel does after opening a CSV (leading zeros lost)."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    wb.set_properties({"created": VAST_TIJDSTIP, "author": "Aanbieder", "title": "Aanlevering gemeente"})
    datumfmt = wb.add_format({"num_format": "dd-mm-yyyy"})
    als_getal = getallen_als_getal or set()
    for naam, rijen in bladen.items():
        ws = wb.add_worksheet(naam)
        kop = [str(k) for k in rijen[0]] if rijen else []
        for r, rij in enumerate(rijen):
            for k, v in enumerate(rij):
                if v is None or v == "":
                    continue
                if isinstance(v, date) and not isinstance(v, datetime):
                    if excel_datums:
                        ws.write_datetime(r, k, datetime(v.year, v.month, v.day), datumfmt)
                    else:
                        ws.write_string(r, k, f"{v:%d-%m-%Y}")
                elif isinstance(v, bool):
                    ws.write_boolean(r, k, v)
                elif isinstance(v, int | float):
                    ws.write_number(r, k, v)
                elif r > 0 and k < len(kop) and kop[k].lower() in als_getal and str(v).isdigit():
                    ws.write_number(r, k, int(v))
                else:
                    ws.write_string(r, k, str(v))
    wb.close()
    return buf.getvalue()
