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
)
from ingest.iwmo.context import Ctx
from ingest.iwmo.detect import detect, parse_xml
from ingest.iwmo.header import bericht_rij, header_kolommen
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
        d = detect(root)
        hdr = header_kolommen(d)
        bericht_id = hdr["bericht_id"]
        bericht = bericht_rij(
            d,
            hdr,
            inhoud_sha256=inhoud_sha256 or hashlib.sha256(data).hexdigest(),
            bestand_sha256=bestand_sha256,
            locatie=locatie,
        )
        out = ParsedFile(tables={"iwmo_berichten": [bericht]})
        x = Ctx(d.M, d.B, root, hdr, out, pseudonymiser)
        nnn, soort = d.soort.nnn, d.soort.soort
        if soort == "heen":
            _HEEN[nnn](x)
        elif soort == "325":
            parse_325.parse(x, bericht)
        else:
            parse_retour.parse(x, nnn, bericht["header_retourcodes"])
        if xsd is not None:
            fouten = xsd.validate(root, d.soort.berichttype)
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
                    f"Het bericht voldoet niet aan het XSD {d.soort.berichttype}.xsd van iWmo {d.release}: "
                    f"{'; '.join(getoond)}{meer}. Corrigeer het bericht en stuur het opnieuw.{gemaskeerd}",
                )
        return out
    except Rejection as exc:
        if exc.locatie is None:
            exc.locatie = locatie
        if bericht_id is not None and getattr(exc, "bericht_id", None) is None:
            exc.bericht_id = bericht_id
        raise
