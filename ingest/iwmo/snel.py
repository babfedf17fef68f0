"""The compiled fast path (`_snel.c`) for WMO301, 305, 307, 315 and 323 messages: most of a region's messages.

`bericht(root, herkend, pseudonymiser)` gives the header columns and the record tables exactly as the Python
extractors would, or None when the message is not plainly valid; then the caller runs the Python extractors
(`header`, `parse_NNN.parse`), which stay the reference that accepts or explains. Measured on a region-year: see
docs/architecture.md, Performance.
"""

from __future__ import annotations

from collections.abc import Callable

import lxml
from lxml import etree

from ingest.iwmo import codelists as cl
from ingest.iwmo import rules as r

try:
    from ingest.iwmo import _snel
except ImportError as exc:
    raise ImportError(
        "De gecompileerde module ingest.iwmo._snel ontbreekt. Installeer wmo-monitor met `make install` (daarvoor "
        "zijn een C-compiler en de Python-headers nodig, op Debian: gcc en python3-dev)."
    ) from exc
if lxml.__version__ != _snel.LXML_VERSIE:  # it reads lxml's element objects: their layout is per version
    raise ImportError(
        f"ingest.iwmo._snel is gebouwd voor lxml {_snel.LXML_VERSIE}, maar lxml {lxml.__version__} is "
        "geïnstalleerd. Draai `make install` opnieuw, zodat de module voor deze lxml wordt gebouwd."
    )

SOORTEN = frozenset({"301", "305", "307", "315", "323"})
"""The message types with a compiled body."""

_snel.configure(
    etree._Element,
    productcategorie=cl.PRODUCTCATEGORIE,
    eenheid=cl.EENHEID,
    debetcredit=cl.DEBETCREDIT,
    geslacht=cl.GESLACHT,
    adressoort=cl.ADRESSOORT,
    frequentie=cl.FREQUENTIE,
    redenwijziging=cl.REDENWIJZIGING,
    statusaanlevering=cl.STATUSAANLEVERING,
    redenbeeindiging=cl.REDENBEEINDIGING,
    janee=cl.JANEE,
    typeverwijzer=cl.TYPEVERWIJZER,
    max_nummer=r.MAX_NUMMER,
    max_volume=r.MAX_VOLUME,
    max_bedrag=r.MAX_BEDRAG,
    max_totaalbedrag=r.MAX_TOTAALBEDRAG,
)


def bericht(
    root, herkend: tuple, pseudonymiser: Callable[[str], str]
) -> tuple[dict, dict[str, list[dict]]] | None:
    """(the six header columns, {table: rows}) of a message, or None: not a compiled type, or not plainly valid.

    `herkend` is `detect.herken(root)`: (soort, release, M, B, major, minor)."""
    soort, _, M, B, major, minor = herkend
    if soort.nnn not in SOORTEN:
        return None
    return _snel.bericht(
        soort.nnn,
        root,
        M.namespace,
        B.namespace,
        soort.berichtcode,
        soort.afzender_gemeente,
        major,
        minor,
        pseudonymiser,
    )
