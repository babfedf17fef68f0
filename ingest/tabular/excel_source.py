"""Read XLSX sheets with calamine (through fastexcel) into Tables of strings.

Why strings: a code like '0957' typed in a text cell must keep its zeros, and our own parsers decide how to read
numbers, dates and amounts the same way for CSV and Excel. fastexcel renders a number cell as its shortest
decimal ('1234567', '1234.56', float noise such as 0.1+0.2 as '0.3') and a date/datetime cell as
'YYYY-MM-DD HH:MM:SS', which the date parser accepts.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

import fastexcel

from ingest.model import Rejection
from ingest.tabular.source import te_groot
from ingest.tabular.table import Table
from ingest.zipsize import count_member, declared_ratio_over
from runtime.config import DEFAULT_LIMITS, DEFAULT_TABEL_MAX_RIJEN, Limits


@dataclass
class Workbook:
    """An opened workbook; sheets are looked up by name without regard to case or surrounding spaces."""

    reader: fastexcel.ExcelReader
    max_rijen: int = DEFAULT_TABEL_MAX_RIJEN

    @property
    def sheet_names(self) -> list[str]:
        return list(self.reader.sheet_names)

    def find(self, name: str) -> str | None:
        """The workbook's own spelling of sheet `name` ('resultaten ' for 'Resultaten'), or None."""
        wanted = name.strip().lower()
        return next((s for s in self.sheet_names if s.strip().lower() == wanted), None)

    def require_sheets(self, names: list[str]) -> None:
        """Refuse the workbook (TABBLAD_ONTBREEKT) naming every required sheet that is absent, all at once."""
        missing = [n for n in names if self.find(n) is None]
        if missing:
            present = ", ".join(f"'{s}'" for s in self.sheet_names) or "geen"
            listed = ", ".join(f"'{n}'" for n in missing)
            noun = "Het tabblad" if len(missing) == 1 else "De tabbladen"
            verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
            raise Rejection(
                "TABBLAD_ONTBREEKT",
                f"{noun} {listed} {verb} in de werkmap (aanwezige tabbladen: {present}). Voeg het toe "
                "(hoofdletters maken niet uit; een tabblad zonder gegevens heeft alleen de kopregel) en lever "
                "de werkmap opnieuw aan.",
            )

    def sheet(self, name: str) -> Table:
        """The named sheet (case-insensitive) as a Table; a missing sheet rejects the workbook (TABBLAD_ONTBREEKT)."""
        actual = self.find(name)
        if actual is None:
            present = ", ".join(f"'{s}'" for s in self.sheet_names) or "geen"
            raise Rejection(
                "TABBLAD_ONTBREEKT",
                f"Het tabblad '{name}' ontbreekt in de werkmap (aanwezige tabbladen: {present}). Voeg het tabblad "
                f"'{name}' toe (hoofdletters maken niet uit) en lever de werkmap opnieuw aan.",
            )
        return self._load(actual, label=name)

    def first_sheet(self) -> Table:
        """The first sheet in workbook order, whatever its name (complaint registers name it freely)."""
        if not self.sheet_names:
            raise Rejection(
                "BESTAND_ONLEESBAAR", "De werkmap bevat geen tabbladen. Lever de werkmap opnieuw aan."
            )
        return self._load(self.sheet_names[0], label=self.sheet_names[0])

    def _load(self, actual: str, *, label: str | None) -> Table:
        # skip_rows=0 keeps empty rows above the data, so grid row i is spreadsheet row i + 1.
        try:
            sheet = self.reader.load_sheet(actual, header_row=None, skip_rows=0, dtypes="string")
            grid = sheet.to_polars()
        except fastexcel.FastExcelError as exc:
            raise Rejection(
                "BESTAND_ONLEESBAAR",
                f"Het tabblad '{actual}' is niet te lezen ({str(exc).splitlines()[0][:200]}). Sla de werkmap "
                "opnieuw op als .xlsx en lever haar opnieuw aan.",
            ) from exc
        return Table.from_grid(grid, first_row=1, sheet=label).capped(self.max_rijen)


def open_workbook(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Open XLSX bytes; anything calamine cannot open (corrupt zip, CSV renamed to .xlsx) is BESTAND_ONLEESBAAR.

    calamine holds a whole sheet in memory once it reads one (also for `n_rows`: 550 MB for a sheet of a million
    rows, 2026-12-07), so the workbook's uncompressed size is capped first (`_check_expanded`)."""
    _check_expanded(data, limits)
    try:
        return Workbook(fastexcel.read_excel(data), limits.tabel_max_rijen)
    except (fastexcel.FastExcelError, OSError, ValueError) as exc:
        raise Rejection(
            "BESTAND_ONLEESBAAR",
            "Het bestand is geen leesbare Excel-werkmap (.xlsx). Open het in Excel, sla het op als "
            "'Excel-werkmap (*.xlsx)' en lever het opnieuw aan.",
        ) from exc


def _check_expanded(data: bytes, limits: Limits) -> None:
    """BESTAND_TE_GROOT when the workbook (a zip of XML parts) expands beyond WMO_TABEL_MAX_BYTES, and
    ZIP_COMPRESSIE_TE_HOOG when a part expands beyond WMO_ZIP_MAX_VERHOUDING times its compressed size: by the zip
    headers first, then counted while decompressing, because a header can lie. What is not a readable zip is left
    to calamine, which refuses it as BESTAND_ONLEESBAAR."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        return
    with archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > limits.tabel_max_bytes:
            raise te_groot(limits)
        bomb = next((info for info in infos if declared_ratio_over(info, limits.zip_max_verhouding)), None)
        if bomb is not None:
            raise _compressie(bomb, limits)
        total = 0
        for info in infos:
            try:
                counted, over_ratio = count_member(
                    archive, info, limits.tabel_max_bytes - total, limits.zip_max_verhouding
                )
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
                return
            if over_ratio:
                raise _compressie(info, limits)
            total += counted
            if total > limits.tabel_max_bytes:
                raise te_groot(limits)


def _compressie(info: zipfile.ZipInfo, limits: Limits) -> Rejection:
    return Rejection(
        "ZIP_COMPRESSIE_TE_HOOG",
        f"Het onderdeel '{info.filename[:100]}' van de werkmap pakt uit tot meer dan {limits.zip_max_verhouding} "
        "keer zijn ingepakte grootte (grens WMO_ZIP_MAX_VERHOUDING); mogelijk een zip-bom, daarom wordt de "
        "werkmap niet ingelezen. Sla de werkmap opnieuw op in Excel en lever haar opnieuw aan.",
    )
