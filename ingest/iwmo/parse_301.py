"""WMO301 Toewijzing: the client (pseudonym + 4-digit postcode of the BRP address) and every ToegewezenProduct."""

from __future__ import annotations

import re

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx

_POSTCODE = re.compile(r"([0-9]{4}) ?[A-Za-z]{2}|([0-9]{4})")


def postcode4(postcode: str | None) -> str | None:
    """'1234 AB' / '1234AB' / '1234' -> '1234'; anything else -> None (never an error: Postcode is free text).

    A BRP address is a Dutch address by definition, so LandCode is not consulted.
    """
    if not postcode:
        return None
    match = _POSTCODE.fullmatch(postcode.strip())
    if match is None:
        return None
    return match.group(1) or match.group(2)


def client_persoon(f: dict, M, waar: r.Waar) -> None:
    """Mandatory person elements of the 301/305/307/315 Client that we check but never extract."""
    r.aanwezig(f, M.Geboortedatum, "Geboortedatum", waar)
    r.code(f, M.Geslacht, cl.GESLACHT, "Geslacht", waar, "Geslacht (COD046)", verberg=True)
    r.aanwezig(f, M.Naam, "Naam", waar)


def product(f: dict, M, B, w: r.Waar) -> tuple[str | None, str | None]:
    """CDT_Product 0..1 of a record: (Categorie, Code) or (None, None)."""
    if M.Product not in f:
        return None, None
    return (
        r.code(f, B.Categorie, cl.PRODUCTCATEGORIE, "Product/Categorie", w, "ProductCategorie (WMO020)"),
        r.lengte_o(f, B.Code, "Product/Code", w, 5),
    )


def omvang(f: dict, M, B, w: r.Waar) -> tuple[int | None, str | None, str | None]:
    """CDT_Omvang 0..1 of a record: (Volume, Eenheid, Frequentie) or Nones."""
    if M.Omvang not in f:
        return None, None, None
    return (
        r.geheel(f, B.Volume, "Omvang/Volume", w, r.MAX_VOLUME),
        r.code(f, B.Eenheid, cl.EENHEID, "Omvang/Eenheid", w, "Eenheid (WJ756)"),
        r.code(f, B.Frequentie, cl.FREQUENTIE, "Omvang/Frequentie", w, "Frequentie (WMO757)"),
    )


def parse(x: Ctx) -> None:
    M, B, hdr = x.M, x.B, x.hdr
    client = r.verplicht_kind(x.root, M.Client, "Client", ("Bericht", None, x.root))
    waar = ("Client", 1, client)
    f = r.vlak2(client, overslaan=M.ToegewezenProducten)
    pseudoniem = x.pseudonymiser(r.bsn(f, M.Bsn, waar))
    client_persoon(f, M, waar)

    brp_postcode = None
    brp_gevonden = False
    contactgegevens = r.verplicht_kind(client, M.Contactgegevens, "Contactgegevens", waar)
    for n, contact in enumerate(r.herhaald(contactgegevens, M.Contact, "Contact", waar), 1):
        cwaar = ("Contact", n, contact)
        cf = r.vlak2(contact)
        soort = r.code(
            cf, M.Soort, cl.ADRESSOORT, "Contact/Soort", cwaar, "AdresSoort (COD757)", verberg=True
        )
        if soort == "01" and not brp_gevonden:
            brp_gevonden = True
            brp_postcode = postcode4(cf.get((M.Adres, B.Postcode)))
    x.rows("iwmo_301_clienten").append({**hdr, "client_pseudoniem": pseudoniem, "postcode4": brp_postcode})

    rows = x.rows("iwmo_301_toegewezen_producten")
    producten = r.verplicht_kind(client, M.ToegewezenProducten, "ToegewezenProducten", waar)
    for n, tp in enumerate(r.herhaald(producten, M.ToegewezenProduct, "ToegewezenProduct", waar), 1):
        w = ("ToegewezenProduct", n, tp)
        k = r.vlak(tp)
        categorie, productcode = product(k, M, B, w)
        volume, eenheid, frequentie = omvang(k, M, B, w)
        rows.append(
            {
                **hdr,
                "client_pseudoniem": pseudoniem,
                "toewijzingnummer": r.geheel(k, M.ToewijzingNummer, "ToewijzingNummer", w),
                "referentie_aanbieder": r.lengte_o(k, M.ReferentieAanbieder, "ReferentieAanbieder", w, 36),
                "productcategorie": categorie,
                "productcode": productcode,
                "toewijzingsdatum": r.datum(k, M.Toewijzingsdatum, "Toewijzingsdatum", w),
                "toewijzingstijd": r.tijd(k, M.Toewijzingstijd, "Toewijzingstijd", w),
                "ingangsdatum": r.datum(k, M.Ingangsdatum, "Ingangsdatum", w),
                "einddatum": r.datum_o(k, M.Einddatum, "Einddatum", w),
                "reden_wijziging": r.code_o(
                    k, M.RedenWijziging, cl.REDENWIJZIGING, "RedenWijziging", w, "RedenWijziging (WMO002)"
                ),
                "volume": volume,
                "eenheid": eenheid,
                "frequentie": frequentie,
                "budget_cent": r.bedrag_o(k, M.Budget, "Budget", w),
            }
        )
