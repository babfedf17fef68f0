"""`parse_message`: one iWmo message (bytes) -> rows for the raw tables, or a Rejection."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ingest.iwmo import (
    parse_301,
    parse_305,
    parse_307,
    parse_315,
    parse_317,
    parse_319,
    parse_323,
    parse_325,
    parse_retour,
    snel,
)
from ingest.iwmo.context import Ctx
from ingest.iwmo.detect import detect, herken, parse_xml
from ingest.iwmo.header import bericht_rij, header_kolommen, heen_rij
from ingest.iwmo.xsd import MASKER, XsdValidator
from ingest.model import ParsedFile, Rejection

_HEEN = {
    "301": parse_301.parse,
    "305": parse_305.parse,
    "307": parse_307.parse,
    "315": parse_315.parse,
    "317": parse_317.parse,
    "319": parse_319.parse,
    "323": parse_323.parse,
}

MAX_XSD_FOUTEN = 5


def parse_message(
    data: bytes,
    *,
    locatie: str,
    bestand_sha256: str,
    pseudonymiser: Callable[[str], str],
    xsd: XsdValidator | None = None,
    inhoud_sha256: str | None = None,
) -> ParsedFile:
    """Rows per raw table for one message: always exactly one `iwmo_berichten` row plus the record rows.

    `inhoud_sha256` is the SHA-256 of exactly these bytes when the caller already has it (a plain .xml file is
    hashed once for the registry); otherwise it is computed here.

    Raises `Rejection(reden_code, melding, locatie)`; when the header could be read, the exception also carries
    `bericht_id` (read it with `getattr(exc, "bericht_id", None)`).
    """
    bericht_id = None
    try:
        naam = locatie.rpartition("!")[2]  # the archive member, or the file itself
        if not naam.lower().endswith(".xml"):
            wat = "Het archieflid" if "!" in locatie else "Het bestand"
            raise Rejection(
                "BESTANDSTYPE_ONBEKEND",
                f"{wat} '{naam.rpartition('/')[2][:100]}' is geen .xml-bestand; in berichten/ worden alleen "
                "iWmo-berichten (.xml) en zip-archieven (.zip) daarvan verwerkt. Is het een iWmo-bericht, lever het "
                "dan opnieuw aan met de extensie .xml.",
            )
        root = parse_xml(data)
        herkend = herken(root)
        berichtsoort, release = herkend[0], herkend[1]
        inhoud_sha256 = inhoud_sha256 or hashlib.sha256(data).hexdigest()
        snel_uitkomst = snel.bericht(root, herkend, pseudonymiser)
        if snel_uitkomst is not None:  # plainly valid, read by the compiled path
            hdr, tabellen = snel_uitkomst
            bericht_id = hdr["bericht_id"]
            bericht = heen_rij(
                berichtsoort,
                release,
                hdr,
                inhoud_sha256=inhoud_sha256,
                bestand_sha256=bestand_sha256,
                locatie=locatie,
            )
            out = ParsedFile(tables={"iwmo_berichten": [bericht], **tabellen})
        else:  # the Python extractors, the reference: they accept or explain
            d = detect(root)
            hdr = header_kolommen(d)
            bericht_id = hdr["bericht_id"]
            bericht = bericht_rij(
                d, hdr, inhoud_sha256=inhoud_sha256, bestand_sha256=bestand_sha256, locatie=locatie
            )
            out = ParsedFile(tables={"iwmo_berichten": [bericht]})
            x = Ctx(d.M, d.B, root, hdr, out, pseudonymiser)
            if berichtsoort.soort == "heen":
                _HEEN[berichtsoort.nnn](x)
            elif berichtsoort.soort == "325":
                parse_325.parse(x, bericht)
            else:
                parse_retour.parse(x, berichtsoort.nnn, bericht["header_retourcodes"])
        if xsd is not None:
            fouten = xsd.validate(root, berichtsoort.berichttype)
            if fouten:
                meer = (
                    f" (en nog {len(fouten) - MAX_XSD_FOUTEN} fouten)" if len(fouten) > MAX_XSD_FOUTEN else ""
                )
                getoond = [fout.rstrip(".") for fout in fouten[:MAX_XSD_FOUTEN]]
                # xsd.maskeer_xsd_melding has replaced values from the message (names, dates, BSN) by MASKER
                gemaskeerd = (
                    f" Waarden uit het bericht zijn vervangen door '{MASKER}'."
                    if any(MASKER in fout for fout in getoond)
                    else ""
                )
                raise Rejection(
                    "XSD_ONGELDIG",
                    f"Het bericht voldoet niet aan het XSD {berichtsoort.berichttype}.xsd van iWmo {release}: "
                    f"{'; '.join(getoond)}{meer}. Corrigeer het bericht en stuur het opnieuw.{gemaskeerd}",
                )
        return out
    except Rejection as exc:
        if exc.locatie is None:
            exc.locatie = locatie
        if bericht_id is not None and getattr(exc, "bericht_id", None) is None:
            exc.bericht_id = bericht_id
        raise
