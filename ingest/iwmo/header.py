"""The message header: the six header columns every record row repeats, and the one `iwmo_berichten` row."""

from __future__ import annotations

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r
from ingest.iwmo.detect import BerichtSoort, Detectie


def header_kolommen(d: Detectie) -> dict:
    """bericht_id, berichtcode, afzender, ontvanger, identificatie, dagtekening (validated)."""
    M, B, f = d.M, d.B, d.header_flat
    waar = ("Header", None, d.header)
    if d.soort.afzender_gemeente:
        afzender = r.cijfers(f, M.Afzender, 4, "Afzender", waar, "gemeentecode")
        ontvanger = r.cijfers(f, M.Ontvanger, 8, "Ontvanger", waar, "AGB-code")
    else:
        afzender = r.cijfers(f, M.Afzender, 8, "Afzender", waar, "AGB-code")
        ontvanger = r.cijfers(f, M.Ontvanger, 4, "Ontvanger", waar, "gemeentecode")
    r.aanwezig(f, M.BerichtIdentificatie, "BerichtIdentificatie", waar)
    identificatie = r.lengte(
        f, d.sleutel(M.BerichtIdentificatie, B.Identificatie), "BerichtIdentificatie/Identificatie", waar, 12
    )
    dagtekening = r.datum(
        f, d.sleutel(M.BerichtIdentificatie, B.Dagtekening), "BerichtIdentificatie/Dagtekening", waar
    )
    _xsd_versie(d, f, M.XsdVersie, "XsdVersie", waar)
    berichtcode = d.soort.berichtcode
    return {
        "bericht_id": f"{berichtcode}:{afzender}:{identificatie}:{dagtekening.isoformat()}",
        "berichtcode": berichtcode,
        "afzender": afzender,
        "ontvanger": ontvanger,
        "identificatie": identificatie,
        "dagtekening": dagtekening,
    }


def _xsd_versie(d: Detectie, f: dict, tag: str, naam: str, waar: r.Waar) -> None:
    r.aanwezig(f, tag, naam, waar)
    r.versie(f, d.sleutel(tag, d.B.BasisschemaXsdVersie), f"{naam}/BasisschemaXsdVersie", waar)
    r.versie(f, d.sleutel(tag, d.B.BerichtXsdVersie), f"{naam}/BerichtXsdVersie", waar)


def header_retourcodes(d: Detectie, verplicht: bool) -> list[str] | None:
    """RetourCodes of the header: 1..1 in a 325, 0..1 in a retour (absent = fully accepted)."""
    waar = ("Header", None, d.header)
    M = d.M
    for child in d.header:
        if child.tag == M.RetourCodes:
            return r.retourcodes(child, M.RetourCode, cl.RETOURCODE, "RetourCodes", waar)
    if verplicht:
        r.aanwezig({}, M.RetourCodes, "RetourCodes", waar)
    return None


def bericht_rij(d: Detectie, hdr: dict, *, inhoud_sha256: str, bestand_sha256: str, locatie: str) -> dict:
    """The `iwmo_berichten` row, including the retour and 325 header extras."""
    M, B, f = d.M, d.B, d.header_flat
    waar = ("Header", None, d.header)
    identificatie_retour = dagtekening_retour = None
    declaratie_identificatie = declaratie_dagtekening = None
    codes = None
    soort = d.soort.soort
    if soort == "retour":
        identificatie_retour = r.lengte(f, M.IdentificatieRetour, "IdentificatieRetour", waar, 12)
        dagtekening_retour = r.datum(f, M.DagtekeningRetour, "DagtekeningRetour", waar)
        _xsd_versie(d, f, M.XsdVersieRetour, "XsdVersieRetour", waar)
        codes = header_retourcodes(d, verplicht=False)
    elif soort == "325":
        tag = M.DeclaratieIdentificatie
        r.aanwezig(f, tag, "DeclaratieIdentificatie", waar)
        declaratie_identificatie = r.lengte(
            f, (tag, B.Identificatie), "DeclaratieIdentificatie/Identificatie", waar, 12
        )
        declaratie_dagtekening = r.datum(f, (tag, B.Dagtekening), "DeclaratieIdentificatie/Dagtekening", waar)
        _xsd_versie(d, f, M.XsdVersieDeclaratie, "XsdVersieDeclaratie", waar)
        codes = header_retourcodes(d, verplicht=True)
    if soort != "heen":
        r.versie(f, M.XsltVersie, "XsltVersie", waar, verplicht=False)
    rij = heen_rij(
        d.soort, d.release, hdr, inhoud_sha256=inhoud_sha256, bestand_sha256=bestand_sha256, locatie=locatie
    )
    rij["identificatie_retour"] = identificatie_retour
    rij["dagtekening_retour"] = dagtekening_retour
    rij["declaratie_identificatie"] = declaratie_identificatie
    rij["declaratie_dagtekening"] = declaratie_dagtekening
    rij["header_retourcodes"] = None if codes is None else ",".join(codes)
    return rij


def heen_rij(
    soort: BerichtSoort, release: str, hdr: dict, *, inhoud_sha256: str, bestand_sha256: str, locatie: str
) -> dict:
    """The `iwmo_berichten` row of a heen message, which has none of the retour and 325 extras."""
    return {
        **hdr,
        "berichttype": soort.berichttype,
        "standaard": "iWmo",
        "release": release,
        "inhoud_sha256": inhoud_sha256,
        "bestand_sha256": bestand_sha256,
        "locatie": locatie,
        "identificatie_retour": None,
        "dagtekening_retour": None,
        "declaratie_identificatie": None,
        "declaratie_dagtekening": None,
        "header_retourcodes": None,
    }
