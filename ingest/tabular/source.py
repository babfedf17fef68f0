"""Pick the reader by file extension for families that accept both CSV and XLSX."""

from __future__ import annotations

from pathlib import PurePath

from ingest.model import Rejection


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
