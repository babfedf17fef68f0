"""Whether two messages with one BerichtIdentificatie have the same content (inputs.md: identical content is a
duplicate that is skipped, other content is a BERICHT_CONFLICT).

The loader compares SHA-256 hashes of the bytes first; this comparison only runs when those differ, so the
ingest's hot path never pays for it. Two byte sequences are the same message when their element trees are:
the same elements (namespace URI + local name, so prefixes and default namespaces do not matter) in the same
order, with the same texts and attributes. Everything the XML parser already discards is ignored with it: a BOM,
the XML declaration and its encoding, CRLF line ends, comments, processing instructions and the whitespace
between elements. `xsi:` attributes (`schemaLocation`) are hints to a validator, not content.
"""

from __future__ import annotations

from ingest.iwmo.detect import parse_xml
from ingest.model import Rejection

_XSI = "{http://www.w3.org/2001/XMLSchema-instance}"

Inhoud = tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...]


def inhoud(data: bytes) -> Inhoud | None:
    """The message's element tree as a comparable value, or None when the bytes are no well-formed XML."""
    try:
        root = parse_xml(data)
    except Rejection:
        return None
    return tuple(
        (
            element.tag,
            element.text,
            tuple(sorted((k, v) for k, v in element.attrib.items() if not k.startswith(_XSI))),
        )
        for element in root.iter()
    )


def zelfde_inhoud(a: bytes, b: bytes) -> bool:
    """True when both are well-formed XML with the same element tree (see the module docstring)."""
    eerste = inhoud(a)
    return eerste is not None and eerste == inhoud(b)
