"""Value parsers: one per kind of cell (code, date, integer, grade, choice, amount, BSN).

Each parser takes the trimmed cells of one column (NULL = empty; emptiness is judged by the caller) and returns
the parsed values, which cells are valid, the row reason code for an invalid cell, and a Dutch message per cell
that names the value and says what the sender should change. Parsers are vectorised polars operations; the two
that need Python per value (amounts with Decimal, BSN with the 11-proef and the keyed pseudonym) work on the
distinct values only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import polars as pl

from ingest.pseudonymise import is_valid_bsn

_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Bare numbers are read as Excel serial dates only in a plausible window (1950-01-01 .. 2099-12-31): outside it a
# number in a date column is far more likely a typo than a date.
_SERIAL_MIN, _SERIAL_MAX = 18264, 73050
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = (  # (regex, index of year, month, day group)
    (rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$", (1, 2, 3)),
    (rf"^(\d{{1,2}})-(\d{{1,2}})-(\d{{4}}){_TIME}$", (3, 2, 1)),
    (rf"^(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_TIME}$", (3, 2, 1)),
)
_EXCEL_WHOLE = r"^\d+(?:\.0+)?$"  # Excel may hand a whole number over as '12.0'


@dataclass(frozen=True)
class Parsed:
    """The outcome for one column: `ok` is True where the cell is empty or valid."""

    value: pl.Series
    ok: pl.Series
    code: str
    message: pl.Series


Parser = Callable[[pl.Series, str], Parsed]


def _fmt(raw: pl.Series, template: str) -> pl.Series:
    """Fill the single `{}` of a message template with each cell's value."""
    return pl.DataFrame({"v": raw}).select(pl.format(template, pl.col("v").fill_null(""))).to_series()


def _eval(raw: pl.Series, expr: pl.Expr) -> pl.Series:
    return pl.DataFrame({"v": raw}).select(expr.alias("v")).to_series()


def _ok(raw: pl.Series, value: pl.Series) -> pl.Series:
    return (raw.is_null() | value.is_not_null()).alias("ok")


def text() -> Parser:
    """Free text or an identifier: kept as trimmed; never invalid."""

    def parse(raw: pl.Series, column: str) -> Parsed:
        return Parsed(raw, pl.Series([True] * len(raw), dtype=pl.Boolean), "", raw)

    return parse


def code(width: int, label: str, *, prefix: str | None = None) -> Parser:
    """A numeric code of `width` digits, left-padded because Excel drops leading zeros (AGB 8, gemeente 4).

    `prefix` (e.g. 'GM' for CBS municipality codes 'GM0957') is accepted and dropped.
    """

    def parse(raw: pl.Series, column: str) -> Parsed:
        cleaned = pl.col("v").str.to_uppercase()
        if prefix:
            cleaned = cleaned.str.strip_prefix(prefix.upper())
        cleaned = cleaned.str.replace(r"\.0+$", "")
        valid = cleaned.str.contains(r"^\d+$") & (cleaned.str.len_chars() <= width)
        value = _eval(raw, pl.when(valid).then(cleaned.str.zfill(width)))
        message = _fmt(
            raw,
            f"De {label} '{{}}' in kolom {column} is geen code van {width} cijfers. Vul de {label} in als "
            f"{width} cijfers (voorloopnullen mogen ontbreken) en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "CODE_ONGELDIG", message)

    return parse


def padded(width: int) -> Parser:
    """An iWmo code ('02', '14', '02A01'): digits-only values shorter than `width` get their lost zeros back.

    Other values are kept as sent; whether the code exists is a code-list test in dbt, not a parse error.
    """

    def parse(raw: pl.Series, column: str) -> Parsed:
        v = pl.col("v").str.to_uppercase().str.replace(r"^(\d+)\.0+$", "$1")
        value = _eval(raw, pl.when(v.str.contains(r"^\d+$")).then(v.str.zfill(width)).otherwise(v))
        return Parsed(value, _ok(raw, value), "", raw)

    return parse


def postcode4() -> Parser:
    """A Dutch postcode area: four digits, 1000-9999 (no padding: no postcode starts with 0)."""

    def parse(raw: pl.Series, column: str) -> Parsed:
        v = pl.col("v").str.replace(r"\.0+$", "")
        value = _eval(raw, pl.when(v.str.contains(r"^[1-9]\d{3}$")).then(v))
        message = _fmt(
            raw,
            f"De postcode '{{}}' in kolom {column} is geen postcodegebied van 4 cijfers (1000-9999). Vul alleen "
            "de 4 cijfers in en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "CODE_ONGELDIG", message)

    return parse


def date() -> Parser:
    """YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (day and month may be one digit, as Dutch Excel writes d-m-yyyy),
    a date/datetime cell (its time is ignored) or an Excel serial number; impossible dates such as 30-02-2024 fail.
    """

    def parse(raw: pl.Series, column: str) -> Parsed:
        v = pl.col("v")
        candidates = []
        for pattern, (y, m, d) in _DATE_PATTERNS:
            iso = pl.concat_str(
                [
                    v.str.extract(pattern, y),
                    pl.lit("-"),
                    v.str.extract(pattern, m).str.zfill(2),
                    pl.lit("-"),
                    v.str.extract(pattern, d).str.zfill(2),
                ]
            )
            candidates.append(iso.str.to_date("%Y-%m-%d", strict=False))
        serial = v.str.extract(r"^(\d{5})(?:\.\d+)?$", 1).cast(pl.Int64, strict=False)
        from_serial = pl.when(serial.is_between(_SERIAL_MIN, _SERIAL_MAX)).then(
            pl.lit(_EXCEL_EPOCH) + pl.duration(days=serial)
        )
        parsed = pl.coalesce([*candidates, from_serial.cast(pl.Date)])
        value = _eval(raw, pl.when(parsed >= pl.lit(dt.date(1900, 1, 1))).then(parsed))
        message = _fmt(
            raw,
            f"De datum '{{}}' in kolom {column} is geen geldige datum. Gebruik JJJJ-MM-DD, DD-MM-JJJJ of "
            "DD/MM/JJJJ (of een Excel-datumcel) met een bestaande dag en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "DATUM_ONGELDIG", message)

    return parse


def integer(minimum: int = 0, maximum: int | None = None, *, what: str = "geheel getal") -> Parser:
    """A whole number within [minimum, maximum]; '12.0' from an Excel number cell counts as 12."""

    def parse(raw: pl.Series, column: str) -> Parsed:
        number = _whole(pl.col("v"))
        valid = number >= minimum
        if maximum is not None:
            valid = valid & (number <= maximum)
        value = _eval(raw, pl.when(valid).then(number))
        bounds = f"van {minimum} t/m {maximum}" if maximum is not None else f"van {minimum} of hoger"
        message = _fmt(
            raw,
            f"De waarde '{{}}' in kolom {column} is geen {what} {bounds}. Vul een geheel getal zonder "
            "punten, komma's of tekst in en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "GETAL_ONGELDIG", message)

    return parse


def grade() -> Parser:
    """A school grade: a whole number 1-10 (0, 11, 7.5 or 'goed' are CIJFER_ONGELDIG)."""

    def parse(raw: pl.Series, column: str) -> Parsed:
        number = _whole(pl.col("v"))
        value = _eval(raw, pl.when(number.is_between(1, 10)).then(number).cast(pl.Int32))
        message = _fmt(
            raw,
            f"Het cijfer '{{}}' in kolom {column} is geen geheel rapportcijfer van 1 t/m 10. Vul een heel "
            "cijfer van 1 tot en met 10 in en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "CIJFER_ONGELDIG", message)

    return parse


def _whole(v: pl.Expr) -> pl.Expr:
    """Int64 of '123' or '123.0'; NULL for anything else (also for numbers beyond BIGINT)."""
    return pl.when(v.str.contains(_EXCEL_WHOLE)).then(
        v.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
    )


def normalise_choice(v: pl.Expr) -> pl.Expr:
    """Lower case with single spaces: ' Deels  Gegrond ' -> 'deels gegrond'."""
    return v.str.strip_chars().str.to_lowercase().str.replace_all(r"\s+", " ")


def choice(allowed: Iterable[str], *, aliases: Mapping[str, str] | None = None) -> Parser:
    """One of a fixed list, case-insensitive and trimmed, stored lower-case; `aliases` map common spellings."""
    allowed = sorted(allowed)
    listed = ", ".join(f"'{a}'" for a in allowed)

    def parse(raw: pl.Series, column: str) -> Parsed:
        v = normalise_choice(pl.col("v"))
        if aliases:
            v = v.replace(dict(aliases))
        value = _eval(raw, pl.when(v.is_in(allowed)).then(v))
        message = _fmt(
            raw,
            f"De waarde '{{}}' in kolom {column} is onbekend. Kies een van {listed} en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "WAARDE_ONBEKEND", message)

    return parse


def known_subresult(known: Iterable[str]) -> Parser:
    """A subresult code from `referentie/subresultaten.csv` ('1.4'); '1,4' is read as '1.4'."""
    known = set(known)

    def parse(raw: pl.Series, column: str) -> Parsed:
        v = pl.col("v").str.replace_all(",", ".")
        value = _eval(raw, pl.when(v.is_in(sorted(known))).then(v))
        message = _fmt(
            raw,
            f"De subresultaatcode '{{}}' in kolom {column} staat niet in de resultatenlijst van de regio "
            "(subresultaten.csv). Gebruik een bestaande code zoals '1.4' en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "SUBRESULTAAT_ONBEKEND", message)

    return parse


_AMOUNT_FORMS = (
    re.compile(r"^\d+(?:[.,]\d{1,2})?$"),  # 1234 / 1234,5 / 1234.56
    re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$"),  # 1.234.567,89 (Dutch thousands dots)
    re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$"),  # 1,234,567.89 (English thousands commas)
)
_AMOUNT_AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$")


def euro_to_cent(text: str) -> int | None:
    """Euros as sent ('1.234,56', '1234.56', '€ 1.234', '1,234.5') to exact cents; None when not an amount.

    Decimal, never float, so 0.29 euro is 29 cent. Up to two decimals. The decimal separator is the last `.` or
    `,` followed by one or two digits; a separator followed by three digits groups thousands. A lone '1.234' or
    '1,234' is refused: it is a thousands group to a Dutch reader and 1.234 euro to an English one, and a
    thousandfold error in an accountability total is worse than a question to the sender. Negative amounts are
    refused: a year total per municipality and product cannot be below zero.
    """
    cleaned = re.sub(r"[\s\u00a0€]", "", text)
    if _AMOUNT_AMBIGUOUS.match(cleaned) or not any(form.match(cleaned) for form in _AMOUNT_FORMS):
        return None
    last = max(cleaned.rfind("."), cleaned.rfind(","))
    if last >= 0 and len(cleaned) - last - 1 <= 2:
        whole, fraction = cleaned[:last], cleaned[last + 1 :]
    else:
        whole, fraction = cleaned, ""
    whole = whole.replace(".", "").replace(",", "")
    try:
        euros = Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation:
        return None
    return int(euros * 100)


def amount() -> Parser:
    """Euros (up to 2 decimals) to BIGINT eurocents, see `euro_to_cent`."""

    def parse(raw: pl.Series, column: str) -> Parsed:
        mapping = {s: euro_to_cent(s) for s in raw.drop_nulls().unique().to_list()}
        value = raw.replace_strict(mapping, default=None, return_dtype=pl.Int64)
        message = _fmt(
            raw,
            f"Het bedrag '{{}}' in kolom {column} is geen bedrag in euro's met hoogstens 2 decimalen. Schrijf "
            "het bedrag als 1234,56 of 1234.56 (zonder duizendtalscheiding of met een volledige, zoals "
            "1.234,56) en lever het bestand opnieuw aan.",
        )
        return Parsed(value, _ok(raw, value), "GETAL_ONGELDIG", message)

    return parse


def bsn(pseudonymiser: Callable[[str], str]) -> Parser:
    """A BSN to its keyed pseudonym; the BSN itself leaves this function only inside the (private) parse.

    An 8-digit value gets its leading zero back (Excel drops it from BSNs that start with 0, as it does for AGB
    codes); the result must pass the 11-proef. The message does not repeat the BSN: quarantine is readable by the
    data steward, and a (possibly real) BSN does not belong there.
    """

    def parse(raw: pl.Series, column: str) -> Parsed:
        padded_ = _eval(
            raw,
            pl.when(pl.col("v").str.contains(r"^\d{8,9}(?:\.0+)?$")).then(
                pl.col("v").str.replace(r"\.0+$", "").str.zfill(9)
            ),
        )
        mapping: dict[str, str | None] = {}
        for candidate in padded_.drop_nulls().unique().to_list():
            mapping[candidate] = pseudonymiser(candidate) if is_valid_bsn(candidate) else None
        value = padded_.replace_strict(mapping, default=None, return_dtype=pl.String)
        shown = _eval(
            raw, pl.lit("een waarde van ") + pl.col("v").str.len_chars().cast(pl.String) + " tekens"
        )
        message = _fmt(
            shown,
            f"Het BSN in kolom {column} ({{}}) is geen geldig burgerservicenummer: het moet 9 cijfers hebben en "
            "aan de elfproef voldoen. Controleer het BSN in uw administratie en lever het bestand opnieuw aan.",
        )
        return Parsed(value.alias("v"), _ok(raw, value), "BSN_ONGELDIG", message)

    return parse
