"""WMO305 Start: every StartProduct of the client (305 and 307 share the product reference columns)."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx
from ingest.iwmo.parse_301 import client_persoon, product


def client_met_producten(x: Ctx, lijst: str, klasse: str) -> tuple[str, list]:
    """Validate the 305/307/315 Client; return (pseudonym, [(waar, flat record), ...])."""
    M = x.M
    client = r.verplicht_kind(x.root, M.Client, "Client", ("Bericht", None, x.root))
    waar = ("Client", 1, client)
    lijst_tag = getattr(M, lijst)
    f = r.vlak2(client, overslaan=lijst_tag)
    pseudoniem = x.pseudonymiser(r.bsn(f, M.Bsn, waar))
    client_persoon(f, M, waar)
    items = r.herhaald(r.verplicht_kind(client, lijst_tag, lijst, waar), getattr(M, klasse), klasse, waar)
    return pseudoniem, [((klasse, n, el), r.vlak(el)) for n, el in enumerate(items, 1)]


def product_referentie(x: Ctx, pseudoniem: str, k: dict, w: tuple) -> dict:
    """The columns shared by StartProduct and StopProduct."""
    M = x.M
    categorie, productcode = product(k, M, x.B, w)
    return {
        **x.hdr,
        "client_pseudoniem": pseudoniem,
        "toewijzingnummer": r.geheel_o(k, M.ToewijzingNummer, "ToewijzingNummer", w),
        "productcategorie": categorie,
        "productcode": productcode,
        "toewijzing_ingangsdatum": r.datum_o(k, M.ToewijzingIngangsdatum, "ToewijzingIngangsdatum", w),
        "begindatum": r.datum(k, M.Begindatum, "Begindatum", w),
        "status_aanlevering": r.code(
            k, M.StatusAanlevering, cl.STATUSAANLEVERING, "StatusAanlevering", w, "StatusAanlevering (COD467)"
        ),
    }


def parse(x: Ctx) -> None:
    pseudoniem, items = client_met_producten(x, "StartProducten", "StartProduct")
    rows = x.rows("iwmo_305_startproducten")
    for w, k in items:
        rows.append(product_referentie(x, pseudoniem, k, w))
