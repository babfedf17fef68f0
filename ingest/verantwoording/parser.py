"""Parse one annual accountability workbook into the four `raw.verantwoording_*` tables.

The `Aanbieder` sheet gives the key (provider, year, version) that every row of the other sheets carries, so a
reader of `raw` never needs the file to know which workbook a row came from.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from ingest.model import ParsedFile
from ingest.tabular import ROW, Field, open_workbook, to_rows, validate
from ingest.tabular import values as v
from ingest.tabular.source import extension
from ingest.verantwoording.aanbieder import SOORTEN_VERKLARING, parse_aanbieder
from runtime.config import DEFAULT_LIMITS, Limits

__all__ = [
    "INSCHATTINGEN",
    "RESPONDENTEN",
    "RESULTATEN",
    "SOORTEN_VERKLARING",
    "VERVOLGADVIEZEN",
    "parse_verantwoording",
]

INSCHATTINGEN = frozenset({"volledig zelfredzaam", "verbetering", "stabilisatie"})
RESULTATEN = frozenset({"behaald", "deels behaald", "niet behaald"})
VERVOLGADVIEZEN = frozenset(
    {"geen verdere ondersteuning", "ongewijzigde verlenging", "herindicatie lichter", "herindicatie zwaarder"}
)
RESPONDENTEN = frozenset({"client", "vertegenwoordiger"})
_RESPONDENT_ALIASES = {"cliënt": "client"}  # the Dutch spelling most senders type

SHEETS = ["Aanbieder", "Productie", "Resultaten", "Tevredenheid"]


def _gemeente() -> Field:
    return Field("gemeentecode", v.code(4, "gemeentecode", prefix="GM"))


def _toewijzing() -> Field:
    return Field("toewijzingnummer", v.integer(1, what="toewijzingnummer (geheel getal)"))


def _productie() -> list[Field]:
    return [
        _gemeente(),
        Field("productcategorie", v.padded(2)),
        Field("productcode", v.padded(5)),
        Field("eenheid", v.padded(2)),
        Field("volume", v.integer(0, what="volume (geheel getal)")),
        Field("bedrag", v.amount()),
        Field("aantal_clienten", v.integer(0, what="aantal cliënten (geheel getal)")),
    ]


def _resultaten(pseudonymiser: Callable[[str], str], subresultaten: set[str]) -> list[Field]:
    return [
        _gemeente(),
        _toewijzing(),
        Field("bsn", v.bsn(pseudonymiser)),
        Field("subresultaat", v.known_subresult(subresultaten)),
        Field("inschatting_vooraf", v.choice(INSCHATTINGEN)),
        Field("resultaat", v.choice(RESULTATEN)),
        Field("evaluatiedatum", v.date()),
        Field("vervolgadvies", v.choice(VERVOLGADVIEZEN), required=False),
    ]


def _tevredenheid(pseudonymiser: Callable[[str], str]) -> list[Field]:
    return [
        _gemeente(),
        _toewijzing(),
        Field("bsn", v.bsn(pseudonymiser)),
        Field("datum", v.date()),
        Field("cijfer", v.grade()),
        Field("respondent", v.choice(RESPONDENTEN, aliases=_RESPONDENT_ALIASES)),
    ]


def parse_verantwoording(
    data: bytes,
    *,
    naam: str,
    bestand_sha256: str,
    bestand_volgnummer: int,
    pseudonymiser: Callable[[str], str],
    bekende_subresultaten: set[str],
    limits: Limits = DEFAULT_LIMITS,
) -> ParsedFile:
    """All four tables of one workbook; a missing sheet/column or a bad Aanbieder field raises Rejection."""
    extension(naam, (".xlsx",))
    workbook = open_workbook(data, limits)
    workbook.require_sheets(SHEETS)
    aanbieder, aanbieder_rij = parse_aanbieder(workbook.sheet("Aanbieder"))
    # Check every sheet's header before judging rows, so a missing column is reported before row faults.
    sheets = {name: workbook.sheet(name) for name in SHEETS[1:]}
    file_cols = {"bestand_sha256": bestand_sha256, "bestand_volgnummer": bestand_volgnummer}
    key = {k: aanbieder[k] for k in ("aanbieder_agb", "boekjaar", "versie")}
    specs = {
        "Productie": ("verantwoording_productie", _productie()),
        "Resultaten": ("verantwoording_resultaten", _resultaten(pseudonymiser, bekende_subresultaten)),
        "Tevredenheid": ("verantwoording_tevredenheid", _tevredenheid(pseudonymiser)),
    }
    for name, (_, fields) in specs.items():
        sheets[name].columns([f.name for f in fields if f.must_exist])

    header = pl.DataFrame({ROW: [aanbieder_rij]})
    result = ParsedFile()
    result.tables["verantwoording_aanbieder"] = to_rows(
        header, "verantwoording_aanbieder", {**file_cols, **aanbieder}
    )
    for name, (table_name, fields) in specs.items():
        good, quarantaine = validate(sheets[name], fields)
        good = good.rename({"bsn": "client_pseudoniem"} if "bsn" in good.columns else {})
        if "bedrag" in good.columns:
            good = good.rename({"bedrag": "bedrag_cent"})
        result.tables[table_name] = to_rows(good, table_name, {**file_cols, **key})
        result.quarantaine.extend(quarantaine)
    return result
