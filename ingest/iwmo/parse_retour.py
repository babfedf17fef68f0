"""Retour messages 302/306/308/316/318/320: every RetourCode per record, for the message-quality KPIs.

A retour copies the heen message and appends `RetourCodes` to every berichtklasse. We only read the retourcodes:
one `iwmo_retourcodes` row per (berichtklasse, volgnummer, retourcode), where volgnummer is the position of the
record among the records of the same class in document order (Header = 1). The copied content itself is not
re-validated: it is the content the other party sent and may be the very reason for the retour.
"""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.context import Ctx

# The berichtklassen that carry RetourCodes (1..1) per retour type, after the Master overview of the iWmo XSDs.
KLASSEN: dict[str, tuple[str, ...]] = {
    "302": ("Client", "Relatie", "Contact", "ToegewezenProduct"),
    "306": ("Client", "StartProduct"),
    "308": ("Client", "StopProduct"),
    "316": ("Client", "AangevraagdProduct"),
    "318": ("Client", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct"),
    "320": ("Antwoord",),
}


def parse(x: Ctx, nnn: str, header_retourcodes: str | None) -> None:
    M, hdr = x.M, x.hdr
    rows = x.rows("iwmo_retourcodes")
    if header_retourcodes:
        for code in header_retourcodes.split(","):
            rows.append({**hdr, "berichtklasse": "Header", "volgnummer": 1, "retourcode": code})
    klassen = KLASSEN[nnn]
    tags = {getattr(M, klasse): klasse for klasse in klassen}
    retourcodes_tag = M.RetourCodes
    volgnummers = dict.fromkeys(klassen, 0)
    for element in x.root.iter(*tags):
        klasse = tags[element.tag]
        volgnummers[klasse] += 1
        volgnummer = volgnummers[klasse]
        w = (klasse, volgnummer, element)
        codes_el = None
        for child in element:
            if child.tag == retourcodes_tag:
                codes_el = child
                break
        if codes_el is None:
            raise r.Rejection(
                r.VERPLICHT,
                f"Verplicht element RetourCodes ontbreekt in {r.plaats(w)}; in een retourbericht heeft elke "
                f"berichtklasse RetourCodes. Vul RetourCodes aan en {r.OPNIEUW}.",
            )
        for code in r.retourcodes(codes_el, M.RetourCode, cl.RETOURCODE, "RetourCodes", w):
            rows.append({**hdr, "berichtklasse": klasse, "volgnummer": volgnummer, "retourcode": code})
