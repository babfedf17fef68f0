"""Turn the bytes of a delimited text file into text, whatever the sender's spreadsheet saved it as.

Dutch providers export CSV from Excel: UTF-8 (with or without BOM) or Windows-1252 ("CSV (gescheiden door
lijstscheidingsteken)"), occasionally UTF-16 ("Unicode-tekst"). We detect instead of asking, because the sender
cannot be told which one to pick.
"""

from __future__ import annotations

import codecs

from ingest.model import Rejection

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM stripped), UTF-16 with BOM, else Windows-1252; refuse binary or undecodable bytes.

    UTF-8 is tried first because a Windows-1252 file with accented letters is almost never valid UTF-8, while
    the reverse (UTF-8 read as 1252) would silently turn "é" into "Ã©".
    """
    if not data.strip():
        raise Rejection(
            "BESTAND_ONLEESBAAR",
            "Het bestand is leeg. Lever het bestand opnieuw aan met een kopregel en gegevens.",
        )
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _unreadable("UTF-16") from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        raise Rejection(
            "BESTAND_ONLEESBAAR",
            "Het bestand bevat binaire gegevens en is geen tekstbestand (CSV). Sla het bestand op als CSV "
            "(UTF-8 of Windows-1252) of lever het aan als .xlsx.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _unreadable("UTF-8 of Windows-1252") from exc


def _unreadable(encoding: str) -> Rejection:
    return Rejection(
        "BESTAND_ONLEESBAAR",
        f"De tekens in het bestand zijn niet te lezen als {encoding}. Sla het bestand op als CSV in UTF-8 "
        "en lever het opnieuw aan.",
    )
