"""Pick the reader by file extension for families that accept both CSV and XLSX."""

from __future__ import annotations

from pathlib import PurePath

from ingest.model import Rejection
from runtime.config import Limits


def te_groot(limits: Limits, size: int | None = None) -> Rejection:
    """BESTAND_TE_GROOT: a tabular file over WMO_TABEL_MAX_BYTES, on disk (`size` known) or, for an .xlsx, once
    uncompressed; refused before it is read (or expanded) whole."""
    cap = f"{limits.tabel_max_bytes:,}".replace(",", ".")
    wat = (
        f"Het bestand is {size:,} bytes groot".replace(",", ".")
        if size is not None
        else f"De werkmap pakt uit tot meer dan {cap} bytes"
    )
    return Rejection(
        "BESTAND_TE_GROOT",
        f"{wat}; de grens is {cap} bytes (WMO_TABEL_MAX_BYTES). Zo'n groot bestand wordt niet ingelezen, omdat het "
        "te veel geheugen kost. Lever de gegevens in meerdere kleinere bestanden aan, of verhoog de grens als "
        "bestanden van deze grootte normaal zijn.",
    )


def extension(naam: str, accepted: tuple[str, ...]) -> str:
    """The lower-case extension of `naam` ('.csv'), or BESTANDSTYPE_ONBEKEND naming what this folder accepts."""
    suffix = PurePath(naam.replace("\\", "/")).suffix.lower()
    if suffix not in accepted:
        listed = " of ".join(accepted)
        raise Rejection(
            "BESTANDSTYPE_ONBEKEND",
            f"Het bestand '{PurePath(naam).name}' heeft geen toegestane extensie ({listed}). Lever het aan als "
            f"{listed}.",
        )
    return suffix
