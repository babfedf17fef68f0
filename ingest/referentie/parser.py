"""Parse one region reference CSV; here the file name is the meaning (inputs.md §4 names each file).

Read with the same lenient reader as complaint registers (encoding and `;`/`,` detected): the specification asks
for UTF-8 with `,`, and accepting what Excel produces costs nothing and spares the region a support call.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from types import MappingProxyType

import polars as pl

from ingest.model import ParsedFile, Rejection
from ingest.tabular import Field, RowCheck, read_csv_table, to_rows, validate
from ingest.tabular import values as v
from runtime.config import DEFAULT_LIMITS, Limits

REFERENTIE_BESTANDEN: Mapping[str, str] = MappingProxyType(
    {
        "gemeenten.csv": "ref_gemeenten",
        "inwoners.csv": "ref_inwoners",
        "wijken.csv": "ref_wijken",
        "aanbieders.csv": "ref_aanbieders",
        "tarieven.csv": "ref_tarieven",
        "subresultaten.csv": "ref_subresultaten",
    }
)
"""File name (lower case) -> raw table."""


def _gemeente() -> Field:
    return Field("gemeentecode", v.code(4, "gemeentecode", prefix="GM"))


_FIELDS: dict[str, list[Field]] = {
    "ref_gemeenten": [
        _gemeente(),
        Field("gemeentenaam", v.text()),
        Field("regio", v.text(), required=False),
    ],
    "ref_inwoners": [
        _gemeente(),
        Field("jaar", v.integer(1900, 2100, what="jaartal")),
        Field("inwoners", v.integer(0, what="aantal inwoners")),
        Field("huishoudens", v.integer(0, what="aantal huishoudens"), required=False),
    ],
    "ref_wijken": [
        Field("postcode4", v.postcode4()),
        _gemeente(),
        Field("wijkcode", v.text()),
        Field("wijknaam", v.text(), required=False),
    ],
    "ref_aanbieders": [
        Field("aanbieder_agb", v.code(8, "AGB-code")),
        Field("aanbieder_naam", v.text()),
    ],
    "ref_tarieven": [
        Field("productcategorie", v.padded(2)),
        Field("productcode", v.padded(5)),
        Field("eenheid", v.padded(2)),
        Field("tarief_cent", v.integer(0, what="tarief in eurocent (geheel getal)")),
        Field("geldig_vanaf", v.date()),
        Field("geldig_tot", v.date(), required=False),
    ],
    "ref_subresultaten": [
        Field("subresultaat", v.text()),
        Field("deelresultaat", v.text()),
        Field("deelresultaat_naam", v.text()),
        Field("omschrijving", v.text(), required=False),
    ],
}

_CHECKS: dict[str, list[RowCheck]] = {
    "ref_tarieven": [
        RowCheck(
            "geldig_tot",
            "DATUM_ONGELDIG",
            pl.col("geldig_tot") < pl.col("geldig_vanaf"),
            pl.format(
                "De datum geldig_tot {} ligt vóór geldig_vanaf {}. Corrigeer de geldigheid van het tarief en lever "
                "het bestand opnieuw aan.",
                pl.col("geldig_tot").dt.strftime("%d-%m-%Y"),
                pl.col("geldig_vanaf").dt.strftime("%d-%m-%Y"),
            ),
        )
    ],
}


def parse_referentie(
    data: bytes, *, naam: str, bestand_sha256: str, bestand_volgnummer: int, limits: Limits = DEFAULT_LIMITS
) -> ParsedFile:
    """Rows for the raw table that `naam` (file name, any folder, any case) stands for."""
    file_name = PurePath(naam.replace("\\", "/")).name
    table_name = REFERENTIE_BESTANDEN.get(file_name.lower())
    if table_name is None:
        listed = ", ".join(REFERENTIE_BESTANDEN)
        raise Rejection(
            "BESTANDSTYPE_ONBEKEND",
            f"Het bestand '{file_name}' is geen bekend referentiebestand. Gebruik een van de namen {listed}.",
        )
    good, quarantaine = validate(
        read_csv_table(data, limits.tabel_max_rijen), _FIELDS[table_name], _CHECKS.get(table_name, ())
    )
    rows = to_rows(
        good, table_name, {"bestand_sha256": bestand_sha256, "bestand_volgnummer": bestand_volgnummer}
    )
    return ParsedFile(tables={table_name: rows}, quarantaine=quarantaine)
