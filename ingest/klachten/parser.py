"""Parse one complaint register (CSV or first sheet of an XLSX) into `raw.klachten` and
`raw_restricted.klachten_omschrijving`.

The free-text `omschrijving` may hold personal data, so it is split off into its own restricted table and never
reaches `raw.klachten`; the BSN is replaced by its pseudonym before the rows leave this module.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from ingest.model import ParsedFile
from ingest.tabular import Field, RowCheck, Table, open_workbook, read_csv_table, to_rows, validate
from ingest.tabular import values as v
from ingest.tabular.source import extension
from runtime.config import DEFAULT_LIMITS, Limits

CATEGORIEEN = frozenset({"bejegening", "kwaliteit", "communicatie", "organisatie", "financieel", "overig"})
UITKOMSTEN = frozenset({"gegrond", "deels gegrond", "ongegrond", "ingetrokken", "in behandeling"})


def _fields(pseudonymiser: Callable[[str], str]) -> list[Field]:
    return [
        Field("aanbieder_agb", v.code(8, "AGB-code")),
        Field("gemeentecode", v.code(4, "gemeentecode", prefix="GM")),
        Field("klacht_id", v.text()),
        Field("datum_ontvangst", v.date()),
        Field("datum_afgehandeld", v.date(), required=False),
        Field("categorie", v.choice(CATEGORIEEN)),
        Field("uitkomst", v.choice(UITKOMSTEN), required=False),
        Field("toewijzingnummer", v.integer(1, what="toewijzingnummer (geheel getal)"), required=False),
        Field("bsn", v.bsn(pseudonymiser), required=False),
        Field("omschrijving", v.text(), required=False),
    ]


_CHECKS = [
    RowCheck(
        "datum_afgehandeld",
        "AFGEHANDELD_VOOR_ONTVANGST",
        pl.col("datum_afgehandeld") < pl.col("datum_ontvangst"),
        pl.format(
            "De datum_afgehandeld {} ligt vóór de datum_ontvangst {}. Corrigeer een van beide datums en lever "
            "de rij opnieuw aan.",
            pl.col("datum_afgehandeld").dt.strftime("%d-%m-%Y"),
            pl.col("datum_ontvangst").dt.strftime("%d-%m-%Y"),
        ),
    )
]


def parse_klachten(
    data: bytes,
    *,
    naam: str,
    bestand_sha256: str,
    bestand_volgnummer: int,
    pseudonymiser: Callable[[str], str],
    limits: Limits = DEFAULT_LIMITS,
) -> ParsedFile:
    """Rows of the register; bad rows become QuarantineItems, a bad file raises Rejection.

    `naam` only decides CSV or XLSX (by extension); the content carries all meaning.
    """
    suffix = extension(naam, (".csv", ".xlsx"))
    table: Table = (
        read_csv_table(data, limits.tabel_max_rijen)
        if suffix == ".csv"
        else open_workbook(data, limits).first_sheet()
    )
    good, quarantaine = validate(table, _fields(pseudonymiser), _CHECKS)
    good = good.rename({"bsn": "client_pseudoniem"})
    file_cols = {"bestand_sha256": bestand_sha256, "bestand_volgnummer": bestand_volgnummer}
    klachten = to_rows(good, "klachten", file_cols)
    omschrijving = to_rows(
        good.filter(pl.col("omschrijving").is_not_null()),
        "klachten_omschrijving",
        {"bestand_sha256": bestand_sha256},
    )
    tables = {"klachten": klachten, "klachten_omschrijving": omschrijving}
    return ParsedFile(tables=tables, quarantaine=quarantaine)
