"""The clear identities a generated landing zone holds, and a scan for them in what a run wrote.

The generator writes each client's BSN, name, address and birth date into the iWmo messages (301 Client,
Contactgegevens). `read_identities` takes them back from the landing files, so the scan looks for exactly what
was sent; `scan_duckdb` and `scan_file` report where one of them turns up (operations.md, Privacy: only the keyed
pseudonym and the 4-digit postcode area may be stored).
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from ingest.pseudonymise import is_valid_bsn

ZIP_MEMBER_MAX_BYTES = 10 * 1024**2
"""Members above this are the generator's oversized-zip fault, not messages; they are not expanded."""

_LATIN1 = re.compile(rb"^<\?xml[^>]*encoding=[\"']ISO-8859-1[\"']", re.IGNORECASE)
_ELEMENT = r"<(?:[\w-]+:)?{tag}>\s*([^<]*?)\s*</"
_BIRTH_DATE = re.compile(
    r"<(?:[\w-]+:)?Geboortedatum>\s*<(?:[\w-]+:)?Datum>\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*<"
)
_NINE_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])")
_ISO_DATE = re.compile(r"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")
_POSTCODE = re.compile(r"(?<![0-9A-Za-z])([0-9]{4}) ?([A-Z]{2})(?![0-9A-Za-z])")
_NUMERIC = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
)


@dataclass(frozen=True)
class Identities:
    bsns: frozenset[str]
    birth_dates: frozenset[str]
    postcodes: frozenset[str]
    """Full 6-character postcodes (the 4-digit area alone is allowed)."""
    given_names: frozenset[str]
    surnames: frozenset[str]
    streets: frozenset[str]
    full_name: re.Pattern[str]
    """Given name followed by (prefix and) surname, or street name followed by a house number, in running text."""

    @property
    def names(self) -> frozenset[str]:
        """A table cell that holds one of these, and nothing else, is a name or street column."""
        return self.given_names | self.surnames | self.streets

    def in_text(self, text: str) -> set[str]:
        """Every identity that occurs in a piece of running text (a log line, a JSON file, a free-text cell)."""
        found = {m for m in _NINE_DIGITS.findall(text) if m in self.bsns}
        found |= {m for m in _ISO_DATE.findall(text) if m in self.birth_dates}
        found |= {a + b for a, b in _POSTCODE.findall(text) if a + b in self.postcodes}
        found |= {m.group(0) for m in self.full_name.finditer(text)}
        return found

    def in_value(self, value: object) -> set[str]:
        """Every identity in one table cell: as text, as the whole cell, as an integer BSN or as a birth date."""
        if value is None:
            return set()
        if isinstance(value, bool):
            return set()
        if isinstance(value, int | float):
            as_int = f"{int(value):09d}" if float(value).is_integer() and 0 <= value < 10**9 else ""
            return {as_int} if as_int in self.bsns else set()
        if isinstance(value, date):
            return {value.isoformat()} & self.birth_dates
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        found = self.in_text(text)
        if text.strip() in self.names:
            found.add(text.strip())
        return found


def _landing_xml(landing: Path) -> Iterator[bytes]:
    for path in sorted((landing / "berichten").rglob("*")):
        if path.suffix.lower() == ".xml":
            yield path.read_bytes()
        elif path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in archive.infolist():
                        if (
                            member.filename.lower().endswith(".xml")
                            and member.file_size <= ZIP_MEMBER_MAX_BYTES
                        ):
                            yield archive.read(member)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError):
                continue  # an encrypted or broken archive is the generator's fault case; its messages are not read


def _alternatives(words: set[str]) -> str:
    """A regex alternation, longest first, so that "Jozef" is not matched as "Jo" + "zef"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def read_identities(landing: Path) -> Identities:
    """BSNs (those that pass the 11-proef: the generator's faults also send invalid ones), birth dates, names and
    addresses from every message in the landing zone, plain or zipped."""
    values: dict[str, set[str]] = {
        t: set() for t in ("Bsn", "Achternaam", "Voorvoegsel", "Voornamen", "Straatnaam", "Postcode")
    }
    birth_dates: set[str] = set()
    patterns = {tag: re.compile(_ELEMENT.format(tag=tag)) for tag in values}
    for data in _landing_xml(landing):
        text = data.decode("latin-1" if _LATIN1.match(data) else "utf-8-sig", "replace")
        for tag, pattern in patterns.items():
            values[tag].update(html.unescape(v) for v in pattern.findall(text) if v)
        birth_dates.update(_BIRTH_DATE.findall(text))
    prefix = f"(?:(?:{_alternatives(values['Voorvoegsel'])})\\s+)?" if values["Voorvoegsel"] else ""
    full_name = re.compile(
        rf"(?<!\w)(?:(?:{_alternatives(values['Voornamen'])})\s+{prefix}(?:{_alternatives(values['Achternaam'])})"
        rf"|(?:{_alternatives(values['Straatnaam'])})\s+[0-9]{{1,4}})(?!\w)"
    )
    return Identities(
        bsns=frozenset(b for b in values["Bsn"] if is_valid_bsn(b)),
        birth_dates=frozenset(birth_dates),
        postcodes=frozenset(p.replace(" ", "") for p in values["Postcode"] if len(p.replace(" ", "")) == 6),
        given_names=frozenset(values["Voornamen"]),
        surnames=frozenset(values["Achternaam"]),
        streets=frozenset(values["Straatnaam"]),
        full_name=full_name,
    )


def scan_duckdb(path: Path, identities: Identities) -> list[tuple[str, str, str]]:
    """(table, column, identity) for every identity in any column of any table or view of a DuckDB file."""
    leaks = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_catalog = current_database() ORDER BY ALL"
        ).fetchall()
        for schema, table, column, data_type in columns:
            numeric = (
                data_type in _NUMERIC or data_type in ("DOUBLE", "FLOAT") or data_type.startswith("DECIMAL")
            )
            kept = (
                f'"{column}"'
                if numeric or data_type in ("DATE", "VARCHAR")
                else f'CAST("{column}" AS VARCHAR)'
            )
            values = con.execute(f'SELECT DISTINCT {kept} FROM "{schema}"."{table}"').fetchall()
            leaks += [
                (f"{schema}.{table}", column, found)
                for (value,) in values
                for found in identities.in_value(value)
            ]
    return leaks


def scan_file(path: Path, identities: Identities) -> set[str]:
    """Every identity in a file's text (logs, JSON, CSV; a binary file is read for the strings in it)."""
    return identities.in_text(path.read_bytes().decode("utf-8", "replace"))
