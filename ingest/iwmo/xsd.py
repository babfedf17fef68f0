"""Optional validation against the official iWmo XSDs (operations.md: `WMO_IWMO_XSD_DIR`).

The folder holds `basisschema.xsd` and message schemas named `WMO301.xsd` ... (any of the 14 types). A message is
validated against the schema whose targetNamespace equals the namespace of its root element; a message of a
type or release for which the folder has no schema (e.g. WMO325 or retours, absent from the public copy, or an
iWmo 3.1 message next to 3.2 XSDs) is not XSD-validated and is checked by our own rules only.
Errors come back as Dutch-prefixed strings with the line number of the message: "regel 12: Element ...".

Privacy: for pattern, enumeration, range and type errors libxml2 quotes the offending *value*, which can be a
surname, an address, a birth date or a BSN; the message ends up in `audit.quarantaine.melding`, whose schema is
published. `maskeer_xsd_melding` therefore replaces every quoted value by '…' and keeps the element name, the
line number and the kind of error (facet, pattern, allowed set, type) - all of which come from the schema, not
from the message. A message of a form we do not recognise gets *every* quoted part after the element name masked.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

_SCHEMA_NAAM = re.compile(r"WMO\d{3}", re.IGNORECASE)

MASKER = "…"
# "Element '{ns}Naam'" optionally with ", attribute 'x'" and/or " [CT '...']", then ": "
_ELEMENT = re.compile(r"Element '[^']*'(?:, attribute '[^']*')?(?: \[[^\]]*\])?: ")
# libxml2's facet and type messages: the value is the first quoted part; what follows comes from the schema.
# Greedy on the value, anchored on the fixed text after it, so a value that itself contains a quote is masked whole.
_SJABLONEN = [
    re.compile(
        r"^(?P<voor>(?:\[facet '[A-Za-z]+'\] )?The value ')(?P<waarde>.*)(?P<na>' (?:is not accepted by the "
        r"pattern|is not an element of the set|is less than|is greater than|must be greater than|must be less than|"
        r"has more digits|has more fractional digits|has a length of|does not match the fixed value|is not valid)"
        r".*)$",
        re.DOTALL,
    ),
    re.compile(r"^(?P<voor>')(?P<waarde>.*)(?P<na>' is not a valid value of the .*)$", re.DOTALL),
]
# Length facets quote only numbers (the value's length and the schema's limit): kept as they are.
_LENGTE = re.compile(
    r"^\[facet '(?:length|minLength|maxLength)'\] The value has a length of '\d+'; this (?:exceeds|underruns|"
    r"differs from) the allowed (?:maximum |minimum )?length of '\d+'\.$"
)
_GECITEERD = re.compile(r"'[^']*'")
_BYTES = re.compile(r"Bytes:(?: 0x[0-9A-Fa-f]{2})+")


def maskeer_xsd_melding(melding: str) -> str:
    """lxml's validation message without the values it quotes from the message (see the module docstring)."""
    melding = _BYTES.sub(f"Bytes: {MASKER}", melding.strip())
    kop = _ELEMENT.match(melding)
    begin, rest = (melding[: kop.end()], melding[kop.end() :]) if kop else ("", melding)
    if _LENGTE.match(rest):
        return melding
    for sjabloon in _SJABLONEN:
        match = sjabloon.match(rest)
        if match:
            return f"{begin}{match['voor']}{MASKER}{match['na']}"
    return begin + _GECITEERD.sub(f"'{MASKER}'", rest)


class XsdValidator:
    """Compiled XSDs of one folder, looked up by target namespace."""

    def __init__(self, folder: str | Path) -> None:
        folder = Path(folder)
        if not (folder / "basisschema.xsd").is_file():
            raise FileNotFoundError(
                f"De XSD-map {folder} bevat geen basisschema.xsd; wijs WMO_IWMO_XSD_DIR naar de map met de "
                "officiële iWmo-XSD's (basisschema.xsd en WMO301.xsd ...)."
            )
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        self.folder = folder
        self._per_namespace: dict[str, etree.XMLSchema] = {}
        self._per_type: dict[str, str] = {}
        for path in sorted(folder.glob("*.xsd")):
            if not _SCHEMA_NAAM.fullmatch(path.stem):
                continue
            document = etree.parse(str(path), parser)
            namespace = document.getroot().get("targetNamespace")
            if not namespace:
                continue
            self._per_namespace[namespace] = etree.XMLSchema(document)
            self._per_type[path.stem.upper()] = namespace
        if not self._per_namespace:
            raise FileNotFoundError(f"De XSD-map {folder} bevat geen berichtschema's (WMO301.xsd ...).")

    @property
    def berichttypen(self) -> list[str]:
        return sorted(self._per_type)

    def heeft_schema(self, namespace: str) -> bool:
        return namespace in self._per_namespace

    def validate(self, root_or_bytes, berichttype: str | None = None) -> list[str]:
        """Errors as "regel N: ..."; [] when valid or when no schema for the root's namespace is configured.

        `berichttype` ('WMO301') is only used when the root has no namespace of a configured schema but the caller
        insists on a type whose schema is present: then the mismatch itself is the error.
        """
        if isinstance(root_or_bytes, bytes | bytearray):
            try:
                root = etree.fromstring(
                    bytes(root_or_bytes), etree.XMLParser(no_network=True, resolve_entities=False)
                )
            except etree.XMLSyntaxError as exc:
                return [f"regel {exc.lineno}: {maskeer_xsd_melding(exc.msg)}"]
        else:
            root = root_or_bytes
        tag = root.tag if isinstance(root.tag, str) else ""
        namespace = tag[1:].partition("}")[0] if tag.startswith("{") else ""
        schema = self._per_namespace.get(namespace)
        if schema is None:
            return []
        if schema.validate(root):
            return []
        return [f"regel {error.line}: {maskeer_xsd_melding(error.message)}" for error in schema.error_log]
