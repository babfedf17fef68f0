"""Types shared by every parser, so loaders treat all input families alike."""

from __future__ import annotations

from dataclasses import dataclass, field

INTERNE_FOUT_MELDING = (
    "Interne fout bij het verwerken. Het bestand is niet geladen; meld dit aan de beheerder van wmo-monitor "
    "(de technische details staan bij dit quarantaine-item)."
)
"""The Dutch melding of INTERNE_FOUT: a parser bug, whose exception text goes into `technisch`."""

TECHNISCH_MAX = 2000
"""Characters of a library's error text kept in `technisch` (a corrupt file can make lxml or calamine talk long)."""


def technisch_van(exc: BaseException) -> str:
    """A library's own words for a failure ('XMLSyntaxError: ...'), for `audit.quarantaine.technisch`."""
    return f"{type(exc).__name__}: {exc}"[:TECHNISCH_MAX]


class Rejection(Exception):
    """A whole file or message is refused; the loader quarantines it and carries on with the rest.

    `melding` is Dutch, for the user. A parser's or library's own (English) text never goes into it but into
    `technisch`, for the administrator: given explicitly, or else taken from the exception the rejection was
    raised from (`raise Rejection(...) from exc`), so that every reason code gets the split without asking.
    A text that may quote values from the input (lxml's) must be given explicitly, masked, with `from None`.
    """

    def __init__(
        self, reden_code: str, melding: str, locatie: str | None = None, technisch: str | None = None
    ) -> None:
        super().__init__(f"{reden_code}: {melding}")
        self.reden_code = reden_code
        self.melding = melding
        self.locatie = locatie
        self._technisch = technisch

    @property
    def technisch(self) -> str | None:
        if self._technisch is not None:
            return self._technisch[:TECHNISCH_MAX]
        return technisch_van(self.__cause__) if self.__cause__ is not None else None


@dataclass(frozen=True)
class QuarantineItem:
    """One rejected row or message inside a file whose other content still loads."""

    locatie: str
    reden_code: str
    melding: str
    bericht_id: str | None = None
    technisch: str | None = None
    """The library's own text behind the rejection (see `Rejection`); None when our own rules refused it."""

    @classmethod
    def of(cls, rej: Rejection, locatie: str) -> QuarantineItem:
        """The quarantine record of a rejection: its code, Dutch melding, technical text and message id."""
        return cls(locatie, rej.reden_code, rej.melding, getattr(rej, "bericht_id", None), rej.technisch)


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
