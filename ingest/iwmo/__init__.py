"""iWmo 3.2 messages: detection, structural validation, extraction per message type and zip reading.

Pure functions: no DuckDB, no Dagster. The loader calls

    for locatie, data in iter_berichten(path, max_expanded_bytes=..., max_member_bytes=..., max_ratio=...):
        parsed = parse_message(data, locatie=locatie, bestand_sha256=..., pseudonymiser=..., xsd=validator_or_None)

and quarantines every `ingest.model.Rejection` (raised, or yielded in place of a member's bytes when the member
is over `max_member_bytes`). See docs/iwmo-parser.md for the decisions behind it.
"""

from __future__ import annotations

from ingest.iwmo.archive import iter_berichten
from ingest.iwmo.detect import SOORTEN
from ingest.iwmo.message import parse_message
from ingest.iwmo.xsd import XsdValidator

BERICHTTYPEN: tuple[str, ...] = tuple(soort.berichttype for soort in SOORTEN.values())

__all__ = ["BERICHTTYPEN", "XsdValidator", "iter_berichten", "parse_message"]
