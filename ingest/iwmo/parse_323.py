"""WMO323 Declaratie: the Declaratie and every Prestatie with its client (323 and 325 share the Prestatie)."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx


def prestatie(x: Ctx, k: dict, w: tuple) -> dict:
    """The Prestatie columns from referentienummer up to and including debet_credit (with product_tarief_cent)."""
    M, B = x.M, x.B
    if M.ProductReferentie not in k:
        r.aanwezig(k, M.ProductReferentie, "ProductReferentie", w)
    if M.ProductPeriode not in k:
        r.aanwezig(k, M.ProductPeriode, "ProductPeriode", w)
    if M.IngediendBedrag not in k:
        r.aanwezig(k, M.IngediendBedrag, "IngediendBedrag", w)
    return {
        "referentienummer": r.lengte(k, B.ReferentieNummer, "ProductReferentie/ReferentieNummer", w, 20),
        "vorig_referentienummer": r.lengte_o(
            k, B.VorigReferentieNummer, "ProductReferentie/VorigReferentieNummer", w, 20
        ),
        "toewijzingnummer": r.geheel(k, M.ToewijzingNummer, "ToewijzingNummer", w),
        "productcategorie": r.code(
            k, M.ProductCategorie, cl.PRODUCTCATEGORIE, "ProductCategorie", w, "ProductCategorie (WMO020)"
        ),
        "productcode": r.lengte(k, M.ProductCode, "ProductCode", w, 5),
        "periode_begin": r.datum(k, B.Begindatum, "ProductPeriode/Begindatum", w),
        "periode_eind": r.datum(k, B.Einddatum, "ProductPeriode/Einddatum", w),
        "geleverd_volume": r.geheel(k, M.GeleverdVolume, "GeleverdVolume", w, r.MAX_VOLUME),
        "eenheid": r.code(k, M.Eenheid, cl.EENHEID, "Eenheid", w, "Eenheid (WJ756)"),
        "product_tarief_cent": r.bedrag_o(k, M.ProductTarief, "ProductTarief", w),
        "bedrag_cent": r.bedrag(k, B.Bedrag, "IngediendBedrag/Bedrag", w),
        "debet_credit": r.code(
            k, B.DebetCredit, cl.DEBETCREDIT, "IngediendBedrag/DebetCredit", w, "DebetCredit"
        ),
    }


def clienten(x: Ctx, parent, waar: tuple):
    """Yield (pseudonym, client element, [(waar, prestatie element), ...]) per Client of a Clienten list.

    Prestaties are numbered across the whole message (Prestatie 1..n in document order) for the meldingen."""
    M = x.M
    n_prestatie = 0
    bsn_tag, prestaties_tag, prestatie_tag = M.Bsn, M.Prestaties, M.Prestatie
    for n, client in enumerate(r.herhaald(parent, M.Client, "Client", waar), 1):
        cw = ("Client", n, client)
        bsn = prestaties = None
        for child in client:
            tag = child.tag
            if tag == bsn_tag:
                bsn = child.text
            elif tag == prestaties_tag:
                prestaties = child
        pseudoniem = x.pseudonymiser(r.bsn({} if bsn is None else {bsn_tag: bsn}, bsn_tag, cw))
        if prestaties is None:
            r.aanwezig({}, prestaties_tag, "Prestaties", cw)
        items = []
        for el in r.herhaald(prestaties, prestatie_tag, "Prestatie", cw):
            n_prestatie += 1
            items.append((("Prestatie", n_prestatie, el), el))
        yield pseudoniem, client, items


def parse(x: Ctx) -> None:
    M, B, hdr = x.M, x.B, x.hdr
    declaratie = r.verplicht_kind(x.root, M.Declaratie, "Declaratie", ("Bericht", None, x.root))
    dw = ("Declaratie", None, declaratie)
    f = r.vlak2(declaratie, overslaan=M.Clienten)
    periode, totaal = M.DeclaratiePeriode, M.TotaalIngediendBedrag
    r.aanwezig(f, periode, "DeclaratiePeriode", dw)
    r.aanwezig(f, totaal, "TotaalIngediendBedrag", dw)
    nummer = r.alfanumeriek(f, M.DeclaratieNummer, "DeclaratieNummer", dw, 12)
    x.rows("iwmo_323_declaraties").append(
        {
            **hdr,
            "declaratienummer": nummer,
            "periode_begin": r.datum(f, (periode, B.Begindatum), "DeclaratiePeriode/Begindatum", dw),
            "periode_eind": r.datum(f, (periode, B.Einddatum), "DeclaratiePeriode/Einddatum", dw),
            "declaratie_dagtekening": r.datum(f, M.DeclaratieDagtekening, "DeclaratieDagtekening", dw),
            "totaal_bedrag_cent": r.bedrag(
                f, (totaal, B.TotaalBedrag), "TotaalIngediendBedrag/TotaalBedrag", dw, r.MAX_TOTAALBEDRAG
            ),
            "debet_credit": r.code(
                f,
                (totaal, B.DebetCredit),
                cl.DEBETCREDIT,
                "TotaalIngediendBedrag/DebetCredit",
                dw,
                "DebetCredit",
            ),
        }
    )
    rows = x.rows("iwmo_323_prestaties")
    vlak = r.vlak
    for pseudoniem, _client, items in clienten(
        x, r.verplicht_kind(declaratie, M.Clienten, "Clienten", dw), dw
    ):
        voor = {**hdr, "declaratienummer": nummer, "client_pseudoniem": pseudoniem}
        for w, el in items:
            row = voor.copy()
            row.update(prestatie(x, vlak(el), w))
            rows.append(row)
