"""Optional validation against the official iWmo XSDs (operations.md: `WMO_IWMO_XSD_DIR`).

The folder holds `basisschema.xsd` and message schemas named `WMO301.xsd` ... (any of the 14 types). A message is
validated against the schema whose targetNamespace equals the namespace of its root element; a message of a
type or release for which the folder has no schema (e.g. WMO325 or retours, absent from the public copy, or an
iWmo 3.1 message next to 3.2 XSDs) is not XSD-validated and is checked by our own rules only.
Errors come back as Dutch-prefixed strings with the line number of the message: "regel 12: Element ...".
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

_SCHEMA_NAAM = re.compile(r"WMO\d{3}", re.IGNORECASE)


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
                return [f"regel {exc.lineno}: {exc.msg}"]
        else:
            root = root_or_bytes
        tag = root.tag if isinstance(root.tag, str) else ""
        namespace = tag[1:].partition("}")[0] if tag.startswith("{") else ""
        schema = self._per_namespace.get(namespace)
        if schema is None:
            return []
        if schema.validate(root):
            return []
        return [f"regel {error.line}: {error.message}" for error in schema.error_log]
