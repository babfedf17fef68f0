"""Read XLSX sheets with calamine (through fastexcel) into Tables of strings.

Why strings: a code like '0957' typed in a text cell must keep its zeros, and our own parsers decide how to read
numbers, dates and amounts the same way for CSV and Excel. fastexcel renders a number cell as its shortest
decimal ('1234567', '1234.56', float noise such as 0.1+0.2 as '0.3') and a date/datetime cell as
'YYYY-MM-DD HH:MM:SS', which the date parser accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

import fastexcel

from ingest.model import Rejection
from ingest.tabular.table import Table


@dataclass
class Workbook:
    """An opened workbook; sheets are looked up by name without regard to case or surrounding spaces."""

    reader: fastexcel.ExcelReader

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
        return Table.from_grid(grid, first_row=1, sheet=label)


def open_workbook(data: bytes) -> Workbook:
    """Open XLSX bytes; anything calamine cannot open (corrupt zip, CSV renamed to .xlsx) is BESTAND_ONLEESBAAR."""
    try:
        return Workbook(fastexcel.read_excel(data))
    except (fastexcel.FastExcelError, OSError, ValueError) as exc:
        raise Rejection(
            "BESTAND_ONLEESBAAR",
            "Het bestand is geen leesbare Excel-werkmap (.xlsx). Open het in Excel, sla het op als "
            "'Excel-werkmap (*.xlsx)' en lever het opnieuw aan.",
        ) from exc
