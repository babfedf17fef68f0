"""Annual accountability workbooks from providers (inputs.md §3)."""

from ingest.verantwoording.parser import (
    INSCHATTINGEN,
    RESPONDENTEN,
    RESULTATEN,
    SOORTEN_VERKLARING,
    VERVOLGADVIEZEN,
    parse_verantwoording,
)

__all__ = [
    "INSCHATTINGEN",
    "RESPONDENTEN",
    "RESULTATEN",
    "SOORTEN_VERKLARING",
    "VERVOLGADVIEZEN",
    "parse_verantwoording",
]
