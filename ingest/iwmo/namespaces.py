"""iWmo namespaces and precomputed Clark names (`{namespace}Local`), so the walkers compare `el.tag` with `==`.

Message elements live in `http://www.istandaarden.nl/iwmo/3_2/wmoNNN/schema`; the children of composite datatypes
(`Identificatie`, `Datum`, `Categorie`, `Volume`, `Bedrag`, ...) in the basisschema namespace of the same release.
Prefixes carry no meaning: lxml resolves them, we only ever look at namespace URIs.
"""

from __future__ import annotations

import re
from functools import lru_cache

ISTANDAARDEN = "http://www.istandaarden.nl/"

# Any iWmo namespace of any release, message or basisschema, e.g.
#   http://www.istandaarden.nl/iwmo/3_2/wmo301/schema
#   http://www.istandaarden.nl/iwmo/2_1/wmo301/schema/2_1   (iWmo 2.x appends the release)
IWMO_NAMESPACE = re.compile(
    r"^http://www\.istandaarden\.nl/iwmo/(\d+)_(\d+)/(wmo\d{3}|basisschema)/schema(/.*)?$"
)

# Releases we accept, keyed by the namespace segment. The spec: 3.0 and 3.1 are structurally the same as 3.2 for
# every element this parser reads, so their messages load with `release` '3.0' / '3.1'.
ONDERSTEUNDE_RELEASES: dict[str, str] = {"3_2": "3.2", "3_1": "3.1", "3_0": "3.0"}


def message_namespace(release_segment: str, nnn: str) -> str:
    return f"http://www.istandaarden.nl/iwmo/{release_segment}/wmo{nnn}/schema"


def basis_namespace(release_segment: str) -> str:
    return f"http://www.istandaarden.nl/iwmo/{release_segment}/basisschema/schema"


BASIS_3_2 = basis_namespace("3_2")


class Names:
    """`Names(ns).Bsn == '{ns}Bsn'`; computed once per name, then a plain attribute lookup."""

    def __init__(self, namespace: str) -> None:
        self._prefix = "{" + namespace + "}"
        self.namespace = namespace

    def __getattr__(self, local: str) -> str:
        if local.startswith("__"):
            raise AttributeError(local)
        value = self._prefix + local
        setattr(self, local, value)
        return value


@lru_cache(maxsize=64)
def names(namespace: str) -> Names:
    return Names(namespace)


def local_name(tag: object) -> str:
    """Local part of a Clark name; '' for comments, entities and other non-element nodes."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace_of(tag: object) -> str:
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].partition("}")[0]
