"""WMO317 Verzoek om wijziging: the Verzoek and its three product lists (ongewijzigd, te_wijzigen, nieuw)."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx
from ingest.iwmo.parse_301 import omvang, product

# (list element, class element, soort column value)
LIJSTEN = (
    ("OngewijzigdeProducten", "OngewijzigdProduct", "ongewijzigd"),
    ("TeWijzigenProducten", "TeWijzigenProduct", "te_wijzigen"),
    ("NieuweProducten", "NieuwProduct", "nieuw"),
)


def parse(x: Ctx) -> None:
    M, B, hdr = x.M, x.B, x.hdr
    client = r.verplicht_kind(x.root, M.Client, "Client", ("Bericht", None, x.root))
    waar = ("Client", 1, client)
    pseudoniem = x.pseudonymiser(r.bsn(r.vlak2(client, overslaan=M.Verzoek), M.Bsn, waar))
    verzoek = r.verplicht_kind(client, M.Verzoek, "Verzoek", waar)
    vwaar = ("Verzoek", 1, verzoek)
    vf = {child.tag: child for child in verzoek}
    vt = {tag: el.text for tag, el in vf.items()}
    referentie = r.lengte(vt, M.ReferentieAanbieder, "ReferentieAanbieder", vwaar, 36)
    x.rows("iwmo_317_verzoeken").append(
        {
            **hdr,
            "client_pseudoniem": pseudoniem,
            "referentie_aanbieder": referentie,
            "reden_verzoek": r.code(
                vt, M.RedenVerzoek, cl.REDENVERZOEK, "RedenVerzoek", vwaar, "RedenVerzoek (WJ758)"
            ),
        }
    )
    rows = x.rows("iwmo_317_producten")
    for lijst, klasse, soort in LIJSTEN:
        parent = vf.get(getattr(M, lijst))
        if parent is None:
            continue
        for n, el in enumerate(r.herhaald(parent, getattr(M, klasse), klasse, vwaar), 1):
            w = (klasse, n, el)
            k = r.vlak(el)
            categorie = productcode = gewenst = einde = volume = eenheid = frequentie = budget = nummer = None
            if soort == "nieuw":
                categorie, productcode = product(k, M, B, w)
            else:
                nummer = r.geheel(k, M.ToewijzingNummer, "ToewijzingNummer", w)
            if soort != "ongewijzigd":
                gewenst = r.datum(k, M.GewensteIngangsdatum, "GewensteIngangsdatum", w)
                einde = r.datum_o(k, M.Einddatum, "Einddatum", w)
                volume, eenheid, frequentie = omvang(k, M, B, w)
                budget = r.bedrag_o(k, M.Budget, "Budget", w)
            rows.append(
                {
                    **hdr,
                    "referentie_aanbieder": referentie,
                    "soort": soort,
                    "toewijzingnummer": nummer,
                    "productcategorie": categorie,
                    "productcode": productcode,
                    "gewenste_ingangsdatum": gewenst,
                    "einddatum": einde,
                    "volume": volume,
                    "eenheid": eenheid,
                    "frequentie": frequentie,
                    "budget_cent": budget,
                }
            )
