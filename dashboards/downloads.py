"""CSV and XLSX download buttons for every table shown; every export is written to the audit log.

CSV is written the way Dutch Excel opens it directly: `;` as separator, `,` as decimal sign, UTF-8 with BOM.
XLSX gets real numbers with euro, percentage and date formats. Both contain exactly what the screen shows (suppressed
counts as `<10`, suppressed ratios empty); money in euros, percentages as 0–100.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd
import streamlit as st

from dashboards import auth, db
from runtime.spreadsheet import veilige_cel

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_XLSX_FORMATEN = {
    "euro": "€ #,##0.00;€ -#,##0.00",
    "euro_cent": "€ #,##0.00;€ -#,##0.00",
    "pct": "0.0",
    "getal1": "0.0",
    "dagen": "0.0",
    "aantal": "#,##0",
    "datum": "dd-mm-yyyy",
}


def bestandsnaam(naam: str, extensie: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", naam.lower()).strip("-") or "export"
    return f"wmo-{slug}-{date.today():%Y%m%d}.{extensie}"


def _veilig(df: pd.DataFrame) -> pd.DataFrame:
    """Headers and text cells through `veilige_cel`: names, ids and typed user names are untrusted (issue 24)."""
    frame = df.rename(columns=lambda c: veilige_cel(str(c)))
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            frame[col] = frame[col].map(veilige_cel)
    return frame


def csv_bytes(df: pd.DataFrame) -> bytes:
    return _veilig(df).to_csv(sep=";", decimal=",", index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, soorten: Mapping[str, str] | None = None, blad: str = "Gegevens") -> bytes:
    """An .xlsx file with one sheet; `soorten` maps column label → kind (euro, pct, aantal, datum, …)."""
    soorten = dict(soorten or {})
    buffer = io.BytesIO()
    frame = _veilig(df)
    for col in frame.columns:  # Excel has no time zones
        if isinstance(frame[col].dtype, pd.DatetimeTZDtype):
            frame[col] = frame[col].dt.tz_localize(None)
    # xlsxwriter would otherwise write text that looks like a formula, a link or a number as one
    opties = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": opties}) as writer:
        sheet_name = blad[:31]
        frame.to_excel(writer, sheet_name=sheet_name, index=False)
        workbook = writer.book
        sheet = writer.sheets[sheet_name]
        sheet.freeze_panes(1, 0)
        for i, col in enumerate(frame.columns):
            fmt = _XLSX_FORMATEN.get(soorten.get(str(col), ""))
            width = min(60, max(10, len(str(col)) + 2, *(len(str(v)) + 2 for v in frame[col].head(200))))
            sheet.set_column(i, i, width, workbook.add_format({"num_format": fmt}) if fmt else None)
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
    df: pd.DataFrame, naam: str, soorten: Mapping[str, str] | None = None, *, key: str
) -> None:
    """Two buttons (CSV, Excel). The files are produced only when clicked; each click is logged."""
    cols = st.columns([1, 1, 6])
    rijen = len(df)
    with cols[0]:
        st.download_button(
            "CSV",
            data=lambda: csv_bytes(df),
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
            data=lambda: xlsx_bytes(df, soorten, naam),
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
