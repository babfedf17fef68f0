"""What an extractor needs: names, the root, the validated header columns, the output and the pseudonymiser."""

from __future__ import annotations

from collections.abc import Callable

from ingest.iwmo.namespaces import Names
from ingest.model import ParsedFile


class Ctx:
    __slots__ = ("B", "M", "hdr", "out", "pseudonymiser", "root")

    def __init__(
        self, M: Names, B: Names, root, hdr: dict, out: ParsedFile, pseudonymiser: Callable[[str], str]
    ):
        self.M = M  # message namespace (wmoNNN)
        self.B = B  # basisschema namespace
        self.root = root  # the Bericht element
        self.hdr = hdr  # the six header columns, repeated on every record row
        self.out = out
        self.pseudonymiser = pseudonymiser

    def rows(self, table: str) -> list[dict]:
        return self.out.tables.setdefault(table, [])
