"""WMO319 Antwoordbericht: the Antwoord on a 315/317 request (no client in this message)."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx


def parse(x: Ctx) -> None:
    M = x.M
    antwoord = r.verplicht_kind(x.root, M.Antwoord, "Antwoord", ("Bericht", None, x.root))
    w = ("Antwoord", 1, antwoord)
    k = r.vlak(antwoord)
    x.rows("iwmo_319_antwoorden").append(
        {
            **x.hdr,
            "referentie_aanbieder": r.lengte(k, M.ReferentieAanbieder, "ReferentieAanbieder", w, 36),
            "verzoek_antwoord": r.code(
                k, M.VerzoekAntwoord, cl.VERZOEKANTWOORD, "VerzoekAntwoord", w, "VerzoekAntwoord (WJ760)"
            ),
            "reden_afwijzing": r.code_o(
                k,
                M.RedenAfwijzingVerzoek,
                cl.REDENAFWIJZINGVERZOEK,
                "RedenAfwijzingVerzoek",
                w,
                "RedenAfwijzingVerzoek (WJ759)",
            ),
        }
    )
