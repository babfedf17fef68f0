"""WMO315 Verzoek om toewijzing: every AangevraagdProduct (Commentaar and Verwijzer/Naam are never read)."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx
from ingest.iwmo.parse_301 import omvang, product
from ingest.iwmo.parse_305 import client_met_producten


def parse(x: Ctx) -> None:
    M, B = x.M, x.B
    pseudoniem, items = client_met_producten(x, "AangevraagdeProducten", "AangevraagdProduct")
    rows = x.rows("iwmo_315_aangevraagde_producten")
    for w, k in items:
        categorie, productcode = product(k, M, B, w)
        volume, eenheid, frequentie = omvang(k, M, B, w)
        r.aanwezig(k, M.Verwijzer, "Verwijzer", w)
        r.geheel_o(k, M.BeschikkingNummer, "BeschikkingNummer", w)
        r.datum_o(k, M.BeschikkingIngangsdatum, "BeschikkingIngangsdatum", w)
        r.code_o(k, M.Raamcontract, cl.JANEE, "Raamcontract", w, "JaNee (COD260)")
        rows.append(
            {
                **x.hdr,
                "client_pseudoniem": pseudoniem,
                "referentie_aanbieder": r.lengte(k, M.ReferentieAanbieder, "ReferentieAanbieder", w, 36),
                "productcategorie": categorie,
                "productcode": productcode,
                "toewijzing_ingangsdatum": r.datum(k, M.ToewijzingIngangsdatum, "ToewijzingIngangsdatum", w),
                "toewijzing_einddatum": r.datum_o(k, M.ToewijzingEinddatum, "ToewijzingEinddatum", w),
                "volume": volume,
                "eenheid": eenheid,
                "frequentie": frequentie,
                "budget_cent": r.bedrag_o(k, M.Budget, "Budget", w),
                "verwijzer_type": r.code(
                    k, B.Type, cl.TYPEVERWIJZER, "Verwijzer/Type", w, "TypeVerwijzer (COD327)"
                ),
            }
        )
