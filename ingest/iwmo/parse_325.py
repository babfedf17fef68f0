"""WMO325 Declaratie-antwoord: header (DeclaratieIdentificatie, RetourCodes), DeclaratieAntwoord totals and every
returned (= rejected) Prestatie with its RetourCodes.

One `iwmo_325_antwoorden` row per message: with the DeclaratieAntwoord values, or with only the header values
(declaratienummer and totals NULL) when the 325 has no DeclaratieAntwoord (a header-level rejection).
"""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx
from ingest.iwmo.parse_323 import clienten, prestatie


def _retourcodes(x: Ctx, element, waar: tuple) -> str:
    M = x.M
    codes_el = r.verplicht_kind(element, M.RetourCodes, "RetourCodes", waar)
    return ",".join(r.retourcodes(codes_el, M.RetourCode, cl.RETOURCODE, "RetourCodes", waar))


def _totaal(f: dict, tag: str, B, naam: str, waar: tuple) -> tuple[int, str]:
    r.aanwezig(f, tag, naam, waar)
    return (
        r.bedrag(f, (tag, B.TotaalBedrag), f"{naam}/TotaalBedrag", waar, r.MAX_TOTAALBEDRAG),
        r.code(f, (tag, B.DebetCredit), cl.DEBETCREDIT, f"{naam}/DebetCredit", waar, "DebetCredit"),
    )


def parse(x: Ctx, bericht: dict) -> None:
    M, B, hdr = x.M, x.B, x.hdr
    ident = {
        "declaratie_identificatie": bericht["declaratie_identificatie"],
        "declaratie_dagtekening": bericht["declaratie_dagtekening"],
    }
    row = {
        **hdr,
        **ident,
        "declaratienummer": None,
        "totaal_ingediend_cent": None,
        "ingediend_debet_credit": None,
        "totaal_toegekend_cent": None,
        "toegekend_debet_credit": None,
        "antwoord_retourcodes": None,
    }
    x.rows("iwmo_325_antwoorden").append(row)
    antwoord = None
    for child in x.root:
        if child.tag == M.DeclaratieAntwoord:
            antwoord = child
    if antwoord is None:
        return
    aw = ("DeclaratieAntwoord", None, antwoord)
    f = r.vlak2(antwoord, overslaan=M.Clienten)
    row["declaratienummer"] = r.lengte(f, M.DeclaratieNummer, "DeclaratieNummer", aw, 12)
    row["totaal_ingediend_cent"], row["ingediend_debet_credit"] = _totaal(
        f, M.TotaalIngediendBedrag, B, "TotaalIngediendBedrag", aw
    )
    row["totaal_toegekend_cent"], row["toegekend_debet_credit"] = _totaal(
        f, M.TotaalToegekendBedrag, B, "TotaalToegekendBedrag", aw
    )
    row["antwoord_retourcodes"] = _retourcodes(x, antwoord, aw)
    lijst = None
    for child in antwoord:
        if child.tag == M.Clienten:
            lijst = child
    if lijst is None:
        return
    rows = x.rows("iwmo_325_prestaties")
    for pseudoniem, client, items in clienten(x, lijst, aw):
        _retourcodes(x, client, ("Client", None, client))
        for w, el in items:
            values = prestatie(x, r.vlak(el), w)
            del values["product_tarief_cent"]
            rows.append(
                {
                    **hdr,
                    **ident,
                    "client_pseudoniem": pseudoniem,
                    **values,
                    "retourcodes": _retourcodes(x, el, w),
                }
            )
