"""One sheet or CSV file as a grid of trimmed strings with its spreadsheet row numbers.

Every tabular source (CSV, XLSX sheet) is first turned into this one shape, so that header matching, empty-row
skipping, row numbering and column checks are written once and behave the same for every family.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from ingest.model import Rejection
from ingest.tabular.headers import normalise_header

ROW = "__rij"
"""Internal column with the row number a spreadsheet shows (header = 1); a sender's column cannot clash with it."""


@dataclass(frozen=True)
class Table:
    """Data rows below the header: original grid columns, `headers[i]` names grid column i."""

    headers: list[str]
    grid: pl.DataFrame
    sheet: str | None = None

    @classmethod
    def from_grid(cls, grid: pl.DataFrame, *, first_row: int = 1, sheet: str | None = None) -> Table:
        """Build from an all-string grid whose first row is spreadsheet row `first_row`.

        Cells are trimmed and whitespace-only cells become NULL. Rows with no value in any cell (Excel's trailing
        formatted rows, blank lines in a CSV) are not data and are dropped silently. The first non-empty row is the
        header; rows keep their original number, so skipped rows never shift the numbers a sender sees.
        """
        if grid.width == 0:
            return cls(headers=[], grid=pl.DataFrame({ROW: pl.Series([], dtype=pl.Int64)}), sheet=sheet)
        cells = list(grid.columns)
        grid = grid.select(
            [_clean(pl.col(c).cast(pl.String)).alias(c) for c in cells],
        ).with_row_index(ROW, offset=first_row)
        grid = grid.with_columns(pl.col(ROW).cast(pl.Int64))
        grid = grid.filter(pl.any_horizontal([pl.col(c).is_not_null() for c in cells]))
        if grid.height == 0:
            return cls(headers=[], grid=grid.select(ROW), sheet=sheet)
        headers = [normalise_header(v) for v in grid.select(cells).row(0)]
        return cls(headers=headers, grid=grid.slice(1).select([*cells, ROW]), sheet=sheet)

    def capped(self, max_rijen: int) -> Table:
        """This table, or TE_VEEL_RIJEN when it has more data rows than WMO_TABEL_MAX_RIJEN: checked before the
        rows are validated, which is what costs memory per row."""
        if self.grid.height > max_rijen:
            waar = f"Op het tabblad '{self.sheet}'" if self.sheet else "In het bestand"
            aantal, grens = (f"{n:,}".replace(",", ".") for n in (self.grid.height, max_rijen))
            raise Rejection(
                "TE_VEEL_RIJEN",
                f"{waar} staan {aantal} rijen met gegevens; de grens is {grens} rijen (WMO_TABEL_MAX_RIJEN). Zo'n "
                "groot bestand wordt niet ingelezen, omdat het te veel geheugen kost. Lever de gegevens in "
                "meerdere bestanden aan, of verhoog de grens als zoveel rijen normaal zijn.",
            )
        return self

    def place(self, row: int, column: str) -> str:
        """The `locatie` of a cell as a sender finds it: 'rij 7, kolom cijfer' or 'Resultaten rij 7, kolom cijfer'."""
        prefix = f"{self.sheet} " if self.sheet else ""
        return f"{prefix}rij {row}, kolom {column}"

    def where(self) -> str:
        """'in het tabblad Productie' or 'in de kopregel van het bestand', for file-level messages."""
        return f"op het tabblad '{self.sheet}'" if self.sheet else "in de kopregel van het bestand"

    def columns(self, required: Iterable[str], optional: Iterable[str] = ()) -> pl.DataFrame:
        """The named columns plus ROW; extra columns are ignored, absent optional columns are all NULL.

        A missing required column rejects the whole file (KOLOM_ONTBREEKT) naming every missing column, because
        no row can be judged without it. A known column that appears twice is refused too: we cannot know which
        of the two the sender meant.
        """
        required, optional = list(required), list(optional)
        missing = [c for c in required if c not in self.headers]
        if missing:
            names = ", ".join(f"'{c}'" for c in missing)
            noun = "De kolom" if len(missing) == 1 else "De kolommen"
            verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
            raise Rejection(
                "KOLOM_ONTBREEKT",
                f"{noun} {names} {verb} {self.where()}. Voeg de kolom toe aan de kopregel (hoofdletters en "
                "volgorde maken niet uit) en lever het bestand opnieuw aan.",
            )
        selected = []
        for name in required + optional:
            positions = [i for i, h in enumerate(self.headers) if h == name]
            if len(positions) > 1:
                raise Rejection(
                    "BESTAND_ONLEESBAAR",
                    f"De kolom '{name}' komt {len(positions)} keer voor {self.where()}. Laat één kolom '{name}' "
                    "over en lever het bestand opnieuw aan.",
                )
            if positions:
                selected.append(pl.col(self.grid.columns[positions[0]]).alias(name))
            else:
                selected.append(pl.lit(None, dtype=pl.String).alias(name))
        return self.grid.select([*selected, pl.col(ROW)])


def _clean(cell: pl.Expr) -> pl.Expr:
    """Trim (also non-breaking spaces) and turn an empty cell into NULL, so 'empty' has one meaning."""
    stripped = cell.str.strip_chars()
    return pl.when(stripped.str.len_chars() > 0).then(stripped).otherwise(None)
