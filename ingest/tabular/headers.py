"""Header normalisation: senders type column names by hand, so match them loosely but predictably."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise_header(name: object) -> str:
    """Lower-case, trimmed, inner spaces and hyphens as one underscore: ' Aanbieder AGB ' -> 'aanbieder_agb'.

    Excel users write "Datum ontvangst" as easily as "datum_ontvangst"; both mean the same column. A BOM or
    non-breaking space copied from another program is removed too.
    """
    if name is None:
        return ""
    text = str(name).replace("\ufeff", "").replace("\u00a0", " ").strip().lower()
    return _SEPARATORS.sub("_", text)
