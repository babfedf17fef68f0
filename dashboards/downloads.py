"""CSV and XLSX download buttons for every table shown; every export is written to the audit log.

Both files hold the table as the page shows it (ui.tabel builds the frame): Dutch column headers, numbers rounded
as shown (`formatting.DECIMALEN`), money in euros with 2 decimals, percentages as 0–100, dates as dates and moments
with their time in Amsterdam time. A suppressed cell is empty; the table's `Onderdrukt` column names the suppressed
columns of its row and the explanation stands in a note above the header. Every text cell, headers included, passes
`runtime.spreadsheet.veilige_cel` (no formula can start in a download), and the XLSX writer never turns text into
formulas, links or numbers.

CSV is written the way Dutch Excel opens it directly: `;` as separator, `,` as decimal sign, UTF-8 with BOM.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import streamlit as st
import xlsxwriter

from dashboards import auth, db, formatting
from runtime.spreadsheet import veilige_cel

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMMERS = set(formatting.DECIMALEN)
_XLSX_DATUM = "dd-mm-yyyy"
_XLSX_TIJDSTIP = "dd-mm-yyyy hh:mm:ss"


def _xlsx_getal(soort: str) -> str:
    decimalen = formatting.DECIMALEN[soort]
    basis = "#,##0" + ("." + "0" * decimalen if decimalen else "")
    return f"€ {basis};€ -{basis}" if soort in ("euro", "euro_cent") else basis


def bestandsnaam(naam: str, extensie: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", naam.lower()).strip("-") or "export"
    return f"wmo-{slug}-{date.today():%Y%m%d}.{extensie}"


def _cel(v: object, soort: str) -> object:
    """One value as it goes into a file: None (empty), a rounded number, a date, a naive datetime or safe text."""
    if formatting.ontbreekt(v):
        return None
    if soort in NUMMERS and not isinstance(v, str | bool):
        getal = formatting.afgerond(v, formatting.DECIMALEN[soort])
        return int(getal) if formatting.DECIMALEN[soort] == 0 else getal
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, datetime):
        v = formatting.amsterdam(v)
        return v.date() if soort == "datum" and v == datetime.combine(v.date(), datetime.min.time()) else v
    if isinstance(v, date):
        return v
    return veilige_cel(str(v))


def _csv_tekst(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%d-%m-%Y %H:%M:%S")
    if isinstance(v, date):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, int | Decimal):  # a rounded number (_cel): plain digits, decimal comma
        return str(v).replace(".", ",")
    return str(v)


def csv_bytes(
    df: pd.DataFrame, soorten: Mapping[str, str] | None = None, *, toelichting: str | None = None
) -> bytes:
    """The table as CSV for Dutch Excel; `soorten` maps a column header to its kind (ui.Kolom.soort)."""
    soorten = dict(soorten or {})
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if toelichting:
        writer.writerow([veilige_cel(f"Toelichting: {toelichting}")])
        writer.writerow([])
    writer.writerow([veilige_cel(str(c)) for c in df.columns])
    kolommen = [(c, soorten.get(str(c), "tekst")) for c in df.columns]
    for rij in df.itertuples(index=False):
        writer.writerow([_csv_tekst(_cel(v, soort)) for v, (_, soort) in zip(rij, kolommen, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    df: pd.DataFrame,
    soorten: Mapping[str, str] | None = None,
    blad: str = "Gegevens",
    *,
    toelichting: str | None = None,
) -> bytes:
    """The table as one .xlsx sheet with euro, number, date and time formats; text is always text."""
    soorten = dict(soorten or {})
    buffer = io.BytesIO()
    opties = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(buffer, opties) as boek:
        sheet = boek.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", blad)[:31] or "Gegevens")
        kop = boek.add_format({"bold": True})
        formaten = {
            "datum": boek.add_format({"num_format": _XLSX_DATUM}),
            "tijdstip": boek.add_format({"num_format": _XLSX_TIJDSTIP}),
            **{s: boek.add_format({"num_format": _xlsx_getal(s)}) for s in NUMMERS},
        }
        r0 = 0
        if toelichting:
            sheet.write_string(0, 0, str(veilige_cel(f"Toelichting: {toelichting}")))
            r0 = 2
        for j, col in enumerate(df.columns):
            sheet.write_string(r0, j, str(veilige_cel(str(col))), kop)
            soort = soorten.get(str(col), "tekst")
            breedte = max(10, len(str(col)) + 2)
            for i, v in enumerate(df[col]):
                cel = _cel(v, soort)
                rij = r0 + 1 + i
                if cel is None:
                    sheet.write_blank(rij, j, None)
                elif isinstance(cel, datetime):
                    sheet.write_datetime(rij, j, cel, formaten["tijdstip"])
                elif isinstance(cel, date):
                    sheet.write_datetime(rij, j, cel, formaten["datum"])
                elif isinstance(cel, int | Decimal):
                    sheet.write_number(rij, j, float(cel), formaten.get(soort))
                else:
                    sheet.write_string(rij, j, str(cel))
                if i < 200:
                    breedte = max(breedte, len(str(cel)) + 2)
            sheet.set_column(j, j, min(60, breedte))
        sheet.freeze_panes(r0 + 1, 0)
    return buffer.getvalue()


def _log_export(tabel: str, formaat: str, rijen: int) -> None:
    gebruiker = st.session_state.get("gebruiker")
    naam = gebruiker.gebruikersnaam if gebruiker else "onbekend"
    auth.audit(
        db.settings().state_dir,
        "export",
        naam,
        tabel=tabel,
        formaat=formaat,
        rijen=rijen,
        pagina=st.session_state.get("huidige_pagina"),
    )


def download_knoppen(
    df: pd.DataFrame,
    naam: str,
    soorten: Mapping[str, str] | None = None,
    *,
    key: str,
    toelichting: str | None = None,
) -> None:
    """Two buttons (CSV, Excel). The files are produced only when clicked; each click is logged."""
    cols = st.columns([1, 1, 6])
    rijen = len(df)
    with cols[0]:
        st.download_button(
            "CSV",
            data=lambda: csv_bytes(df, soorten, toelichting=toelichting),
            file_name=bestandsnaam(naam, "csv"),
            mime="text/csv",
            key=f"dl_csv_{key}",
            icon=":material/download:",
            on_click=_log_export,
            args=(naam, "csv", rijen),
            help=f"Download ‘{naam}’ als CSV (puntkomma-gescheiden, voor Excel NL)",
        )
    with cols[1]:
        st.download_button(
            "Excel",
            data=lambda: xlsx_bytes(df, soorten, naam, toelichting=toelichting),
            file_name=bestandsnaam(naam, "xlsx"),
            mime=XLSX_MIME,
            key=f"dl_xlsx_{key}",
            icon=":material/download:",
            on_click=_log_export,
            args=(naam, "xlsx", rijen),
            help=f"Download ‘{naam}’ als Excel-bestand",
        )


def rapport_knoppen(naam: str, *, xlsx: Callable[[], bytes], pdf: Callable[[], bytes]) -> None:
    """Excel and PDF buttons for a report (not a table on screen); built when clicked, each click logged."""
    cols = st.columns([1, 1, 6])
    for kol, formaat, maak, mime in (
        (cols[0], "xlsx", xlsx, XLSX_MIME),
        (cols[1], "pdf", pdf, "application/pdf"),
    ):
        with kol:
            st.download_button(
                "Excel" if formaat == "xlsx" else "PDF",
                data=maak,
                file_name=bestandsnaam(naam, formaat),
                mime=mime,
                key=f"dl_{formaat}_{bestandsnaam(naam, formaat)}",
                icon=":material/download:",
                on_click=_log_export,
                args=(naam, formaat, 1),
                help=f"Download ‘{naam}’ als {'Excel-bestand' if formaat == 'xlsx' else 'PDF'}",
            )
