"""WMO307 Stop: every StopProduct of the client, with RedenBeeindiging and Einddatum."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx
from ingest.iwmo.parse_305 import client_met_producten, product_referentie


def parse(x: Ctx) -> None:
    M = x.M
    pseudoniem, items = client_met_producten(x, "StopProducten", "StopProduct")
    rows = x.rows("iwmo_307_stopproducten")
    for w, k in items:
        row = product_referentie(x, pseudoniem, k, w)
        row["reden_beeindiging"] = r.code(
            k, M.RedenBeeindiging, cl.REDENBEEINDIGING, "RedenBeeindiging", w, "RedenBeeindiging (WMO588)"
        )
        row["einddatum"] = r.datum(k, M.Einddatum, "Einddatum", w)
        rows.append(row)
