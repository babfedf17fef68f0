"""Region reference data (`referentie/`), exactly the columns of inputs.md section 4."""

from __future__ import annotations

import csv
import io
from datetime import date

from demo_region.region import DEELRESULTATEN, REGIO, Regio, tarief_in_jaar


def _csv(kop: list[str], rijen: list[list[object]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kop)
    w.writerows(rijen)
    return buf.getvalue().encode("utf-8")


def referentie_bestanden(regio: Regio) -> dict[str, bytes]:
    j1, j2 = regio.jaren
    gem = [[g.code, g.naam, REGIO] for g in regio.gemeenten]
    inw = [[g.code, j, g.inwoners(j), g.huishoudens(j)] for g in regio.gemeenten for j in range(j1, j2 + 1)]
    wijken = sorted(
        (
            [pc, w.gemeentecode, w.wijkcode, w.wijknaam]
            for g in regio.gemeenten
            for w in g.wijken
            for pc in w.postcodes
        ),
        key=lambda r: r[0],
    )
    aanb = [[a.agb, a.naam] for a in regio.aanbieders]
    tar = []
    for p in regio.producten:
        if p.eenheid == "83":
            tar.append([p.categorie, p.code, p.eenheid, 1, date(j1, 1, 1).isoformat(), ""])
            continue
        for j in range(j1, j2 + 1):
            tot = "" if j == j2 else date(j, 12, 31).isoformat()
            tar.append(
                [
                    p.categorie,
                    p.code,
                    p.eenheid,
                    tarief_in_jaar(p.tarief_2022, j),
                    date(j, 1, 1).isoformat(),
                    tot,
                ]
            )
    sub = [
        [f"{d}.{i}", d, naam, oms]
        for d, (naam, lijst) in DEELRESULTATEN.items()
        for i, oms in enumerate(lijst, 1)
    ]
    return {
        "referentie/gemeenten.csv": _csv(["gemeentecode", "gemeentenaam", "regio"], gem),
        "referentie/inwoners.csv": _csv(["gemeentecode", "jaar", "inwoners", "huishoudens"], inw),
        "referentie/wijken.csv": _csv(["postcode4", "gemeentecode", "wijkcode", "wijknaam"], wijken),
        "referentie/aanbieders.csv": _csv(["aanbieder_agb", "aanbieder_naam"], aanb),
        "referentie/tarieven.csv": _csv(
            ["productcategorie", "productcode", "eenheid", "tarief_cent", "geldig_vanaf", "geldig_tot"], tar
        ),
        "referentie/subresultaten.csv": _csv(
            ["subresultaat", "deelresultaat", "deelresultaat_naam", "omschrijving"], sub
        ),
    }
