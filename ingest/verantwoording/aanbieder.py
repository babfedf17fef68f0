"""The `Aanbieder` sheet: veld/waarde pairs that identify the whole workbook.

Its fields are the key of every other row (provider, year, version), so a fault here refuses the whole workbook
(the loader quarantines the file with the row reason code and this location) instead of a single row.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from ingest.model import Rejection
from ingest.tabular import ROW, Table, normalise_header
from ingest.tabular import values as v
from ingest.tabular.values import Parser

SOORTEN_VERKLARING = frozenset({"accountantsverklaring", "bestuursverklaring"})


@dataclass(frozen=True)
class AanbiederVeld:
    name: str
    parser: Parser
    required: bool = True


VELDEN = [
    AanbiederVeld("aanbieder_agb", v.code(8, "AGB-code")),
    AanbiederVeld("aanbieder_naam", v.text()),
    AanbiederVeld("boekjaar", v.integer(2000, 2100, what="boekjaar")),
    AanbiederVeld("versie", v.integer(1, what="versienummer")),
    AanbiederVeld("omzet_wmo_totaal", v.amount()),
    AanbiederVeld("datum_productieverantwoording", v.date()),
    AanbiederVeld("soort_verklaring", v.choice(SOORTEN_VERKLARING), required=False),
    AanbiederVeld("datum_verklaring", v.date(), required=False),
]
_REFUSED = " De werkmap is daarom niet geladen."


def parse_aanbieder(table: Table) -> tuple[dict, int]:
    """Parsed fields by name (omzet as `omzet_wmo_totaal_cent`) and the row number of `aanbieder_agb`.

    Field names match like headers (case, spaces); rows with an unknown veld are ignored; when a veld appears
    twice the first row counts.
    """
    pairs = table.columns(["veld", "waarde"])
    found: dict[str, tuple[str | None, int]] = {}
    for veld, waarde, rij in pairs.select("veld", "waarde", ROW).iter_rows():
        key = normalise_header(veld)
        if key and key not in found:
            found[key] = (waarde, rij)
    missing = [f.name for f in VELDEN if f.required and f.name not in found]
    if missing:
        listed = ", ".join(f"'{m}'" for m in missing)
        raise Rejection(
            "KOLOM_ONTBREEKT",
            f"Op het tabblad 'Aanbieder' ontbreekt in kolom veld: {listed}. Voeg per ontbrekend veld een rij "
            f"toe met de naam in kolom veld en de waarde in kolom waarde.{_REFUSED}",
        )
    result: dict = {}
    for f in VELDEN:
        waarde, rij = found.get(f.name, (None, 0))
        where = table.place(rij, "waarde")
        if waarde is None:
            if f.required:
                raise Rejection(
                    "VERPLICHT_VELD_LEEG",
                    f"Het verplichte veld {f.name} op het tabblad 'Aanbieder' heeft geen waarde. Vul de waarde "
                    f"in.{_REFUSED}",
                    locatie=where,
                )
            result[f.name] = None
            continue
        parsed = f.parser(pl.Series([waarde], dtype=pl.String), f"waarde (veld {f.name})")
        if not parsed.ok[0]:
            raise Rejection(parsed.code, parsed.message[0] + _REFUSED, locatie=where)
        result[f.name] = parsed.value[0]
    result["omzet_wmo_totaal_cent"] = result.pop("omzet_wmo_totaal")
    return result, found["aanbieder_agb"][1]
