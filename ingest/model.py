"""Types shared by every parser, so loaders treat all input families alike."""

from __future__ import annotations

from dataclasses import dataclass, field


class Rejection(Exception):
    """A whole file or message is refused; the loader quarantines it and carries on with the rest."""

    def __init__(self, reden_code: str, melding: str, locatie: str | None = None) -> None:
        super().__init__(f"{reden_code}: {melding}")
        self.reden_code = reden_code
        self.melding = melding
        self.locatie = locatie


@dataclass(frozen=True)
class QuarantineItem:
    """One rejected row or message inside a file whose other content still loads."""

    locatie: str
    reden_code: str
    melding: str
    bericht_id: str | None = None


@dataclass(frozen=True)
class Waarschuwing:
    """Something a data steward should look at in content that did load (`audit.waarschuwingen`): unlike a
    QuarantineItem, nothing was refused."""

    locatie: str
    code: str
    melding: str
    bericht_id: str | None = None


@dataclass
class ParsedFile:
    """Rows per raw table name, plus the row-level rejections and the warnings found while parsing."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    quarantaine: list[QuarantineItem] = field(default_factory=list)
    waarschuwingen: list[Waarschuwing] = field(default_factory=list)

    def add(self, table: str, row: dict) -> None:
        self.tables.setdefault(table, []).append(row)

    def extend(self, other: ParsedFile) -> None:
        for table, rows in other.tables.items():
            self.tables.setdefault(table, []).extend(rows)
        self.quarantaine.extend(other.quarantaine)
