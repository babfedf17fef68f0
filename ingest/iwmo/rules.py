"""Structural validation of iWmo values, written from the spec (inputs.md §1) and the basisschema datatypes.

The extractors turn a record into a *flat* dict first (`vlak`: Clark name -> text, one C-level pass over the
record's descendants) and then call one typed getter per field. Each getter returns the typed value or raises
`ingest.model.Rejection` with a message-level reason code and a Dutch `melding` naming the element, the value,
where it is (record and line number) and what the sender must fix. The happy path is one function call and a
few comparisons per field; everything expensive (stripping, formatting) only happens on the slow path.

Values with surrounding whitespace are accepted (a pretty-printer's line breaks are not an error). A BSN is
never quoted in full: the quarantine table is read by the data steward, so only the last three digits show.
Values of name, address and birth-date fields are never judged (only their presence), so never quoted; a code of
the person (Geslacht) and the address type (Contact/Soort) are reported without their value (`verberg=True`).

Locations are tuples `(klasse, volgnummer, element)`, formatted by `plaats()` only on failure.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import lru_cache

from ingest.model import Rejection
from ingest.pseudonymise import is_valid_bsn

VERPLICHT = "VERPLICHT_ELEMENT_ONTBREEKT"
PATROON = "PATROON_ONGELDIG"
CODE = "CODE_ONBEKEND"
BSN = "BSN_ONGELDIG"
DATUM = "DATUM_ONGELDIG"
BEDRAG = "BEDRAG_ONGELDIG"

OPNIEUW = "stuur het bericht daarna opnieuw"

MAX_BEDRAG = 99_999_999  # LDT_Bedrag, LDT_Budget
MAX_TOTAALBEDRAG = 999_999_999_999  # LDT_TotaalBedrag
MAX_NUMMER = 999_999_999  # LDT_Nummer
MAX_VOLUME = 99_999_999  # LDT_Volume

_TIJD = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?")
_VERSIE = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_ALFANUMERIEK = re.compile(r"[a-zA-Z0-9]+")
_AFWEZIG = object()
_fromisoformat = date.fromisoformat
_elfproef = lru_cache(maxsize=1 << 16)(is_valid_bsn)  # a client's BSN recurs in many messages

Waar = tuple  # (klasse: str, volgnummer: int | None, element)


# -- flattening ---------------------------------------------------------------------------------------------


def vlak(element) -> dict:
    """Clark name -> text for the element and all its descendants (composite children included).

    Only for records whose composite children never share a name (true for every record class we read);
    repeated elements (RetourCode) keep the last value and are read separately.
    """
    return {e.tag: e.text for e in element.iter()}


def vlak2(element, overslaan: str | None = None) -> dict:
    """Two levels with exact keys: child tag -> text, (child tag, grandchild tag) -> text. For headers, where
    composites do share names (XsdVersie / XsdVersieRetour, BerichtIdentificatie / DeclaratieIdentificatie)."""
    flat = {}
    for child in element:
        tag = child.tag
        flat[tag] = child.text
        if tag != overslaan:
            for grandchild in child:
                flat[(tag, grandchild.tag)] = grandchild.text
    return flat


def plaats(waar: Waar) -> str:
    """'Prestatie 3 (regel 57)' or 'Header (regel 3)'."""
    klasse, volgnummer, element = waar
    tekst = klasse if volgnummer is None else f"{klasse} {volgnummer}"
    regel = getattr(element, "sourceline", None)
    return f"{tekst} (regel {regel})" if regel else tekst


def maskeer_bsn(value: str) -> str:
    if len(value) <= 3:
        return "*" * len(value)
    return "*" * (len(value) - 3) + value[-3:]


# -- presence and text --------------------------------------------------------------------------------------


def _ontbreekt(naam: str, waar: Waar) -> Rejection:
    return Rejection(
        VERPLICHT, f"Verplicht element {naam} ontbreekt in {plaats(waar)}; vul {naam} aan en {OPNIEUW}."
    )


def _leeg(naam: str, waar: Waar) -> Rejection:
    return Rejection(
        VERPLICHT, f"Verplicht element {naam} in {plaats(waar)} is leeg; vul {naam} en {OPNIEUW}."
    )


def aanwezig(flat: dict, key, naam: str, waar: Waar) -> None:
    if key not in flat:
        raise _ontbreekt(naam, waar)


def tekst(flat: dict, key, naam: str, waar: Waar) -> str:
    """Required, non-blank, stripped."""
    value = flat.get(key, _AFWEZIG)
    if value is _AFWEZIG:
        raise _ontbreekt(naam, waar)
    value = value.strip() if value else ""
    if not value:
        raise _leeg(naam, waar)
    return value


def _optioneel(flat: dict, key) -> str | None:
    value = flat.get(key, _AFWEZIG)
    if value is _AFWEZIG:
        return None
    return value.strip() if value else ""


def verplicht_kind(element, tag: str, naam: str, waar: Waar):
    """The first child `tag` of element (for list containers such as Clienten), or VERPLICHT_ELEMENT_ONTBREEKT."""
    for child in element:
        if child.tag == tag:
            return child
    raise _ontbreekt(naam, waar)


def herhaald(parent, tag: str, naam: str, waar: Waar) -> list:
    """The children `tag` of a 1..n list element; VERPLICHT_ELEMENT_ONTBREEKT when there are none."""
    items = [child for child in parent if child.tag == tag]
    if not items:
        raise Rejection(
            VERPLICHT,
            f"{plaats(waar)} bevat geen enkel {naam}; er moet er minstens één zijn. Vul {naam} aan en {OPNIEUW}.",
        )
    return items


# -- dates and times ----------------------------------------------------------------------------------------


def datum(flat: dict, key, naam: str, waar: Waar) -> date:
    value = flat.get(key)
    if value is not None and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return _fromisoformat(value)
        except ValueError:
            pass
    return _datum(tekst(flat, key, naam, waar), naam, waar)


def datum_o(flat: dict, key, naam: str, waar: Waar) -> date | None:
    value = flat.get(key)
    if value is not None and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return _fromisoformat(value)
        except ValueError:
            pass
    value = _optioneel(flat, key)
    return None if value is None else _datum(value, naam, waar)


def _datum(value: str, naam: str, waar: Waar) -> date:
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:
            return _fromisoformat(value)
        except ValueError:
            raise Rejection(
                DATUM,
                f"Datum {value} in {naam} ({plaats(waar)}) bestaat niet; corrigeer de datum en {OPNIEUW}.",
            ) from None
    raise Rejection(
        DATUM,
        f"Waarde '{value[:40]}' in {naam} ({plaats(waar)}) is geen datum in de vorm JJJJ-MM-DD zonder tijdzone; "
        f"corrigeer de datum en {OPNIEUW}.",
    )


def tijd(flat: dict, key, naam: str, waar: Waar) -> time:
    value = tekst(flat, key, naam, waar)
    match = _TIJD.fullmatch(value)
    if match is None:
        raise Rejection(
            DATUM,
            f"Tijd '{value[:40]}' in {naam} ({plaats(waar)}) is geen geldige tijd in de vorm UU:MM:SS zonder "
            f"tijdzone; corrigeer de tijd en {OPNIEUW}.",
        )
    fractie = match.group(4)
    micro = int((fractie + "000000")[:6]) if fractie else 0
    return time(int(match.group(1)), int(match.group(2)), int(match.group(3)), micro)


# -- numbers ------------------------------------------------------------------------------------------------


def _getal(value: str | None, maximum: int) -> int | None:
    """The value as an integer when it is plain ASCII digits within range, else None (the caller explains why)."""
    if value is not None and value.isdigit() and value.isascii():
        number = int(value)
        if number <= maximum:
            return number
    return None


def geheel(flat: dict, key, naam: str, waar: Waar, maximum: int = MAX_NUMMER) -> int:
    """A non-negative integer that is not money (ToewijzingNummer, Volume): PATROON_ONGELDIG when wrong."""
    number = _getal(flat.get(key), maximum)
    return number if number is not None else _geheel(tekst(flat, key, naam, waar), naam, waar, maximum)


def geheel_o(flat: dict, key, naam: str, waar: Waar, maximum: int = MAX_NUMMER) -> int | None:
    value = _optioneel(flat, key)
    return None if value is None else _geheel(value, naam, waar, maximum)


def _geheel(value: str, naam: str, waar: Waar, maximum: int) -> int:
    number = _getal(value, maximum)
    if number is not None:
        return number
    raise Rejection(
        PATROON,
        f"Waarde '{value[:40]}' in {naam} ({plaats(waar)}) is geen geheel getal van 0 tot en met {maximum}; "
        f"corrigeer {naam} en {OPNIEUW}.",
    )


def bedrag(flat: dict, key, naam: str, waar: Waar, maximum: int = MAX_BEDRAG) -> int:
    """Money: an integer number of eurocents, never negative, no decimals; the direction is DebetCredit."""
    number = _getal(flat.get(key), maximum)
    return number if number is not None else _bedrag(tekst(flat, key, naam, waar), naam, waar, maximum)


def bedrag_o(flat: dict, key, naam: str, waar: Waar, maximum: int = MAX_BEDRAG) -> int | None:
    value = _optioneel(flat, key)
    return None if value is None else _bedrag(value, naam, waar, maximum)


def _bedrag(value: str, naam: str, waar: Waar, maximum: int) -> int:
    number = _getal(value, maximum)
    if number is not None:
        return number
    raise Rejection(
        BEDRAG,
        f"Bedrag '{value[:40]}' in {naam} ({plaats(waar)}) is ongeldig: een bedrag is een geheel aantal "
        f"eurocenten van 0 tot en met {maximum}, zonder minteken of decimalen (de richting staat in DebetCredit); "
        f"corrigeer het bedrag en {OPNIEUW}.",
    )


# -- codes and patterns -------------------------------------------------------------------------------------


def code(
    flat: dict, key, lijst: frozenset[str], naam: str, waar: Waar, lijstnaam: str, verberg: bool = False
) -> str:
    """A code from `lijst`. `verberg=True` for fields of the person (Geslacht): the melding does not quote the
    value, which a sender may have filled with a name or other personal data."""
    value = flat.get(key)
    if value in lijst:
        return value
    return _code(tekst(flat, key, naam, waar), lijst, naam, waar, lijstnaam, verberg)


def code_o(flat: dict, key, lijst: frozenset[str], naam: str, waar: Waar, lijstnaam: str) -> str | None:
    value = flat.get(key)
    if value in lijst:
        return value
    value = _optioneel(flat, key)
    return None if value is None else _code(value, lijst, naam, waar, lijstnaam)


def _code(
    value: str, lijst: frozenset[str], naam: str, waar: Waar, lijstnaam: str, verberg: bool = False
) -> str:
    if value in lijst:
        return value
    wat = "De code" if verberg else f"Code '{value[:40]}'"
    raise Rejection(
        CODE,
        f"{wat} in {naam} ({plaats(waar)}) komt niet voor in de iWmo-codelijst {lijstnaam}; "
        f"gebruik een geldige code en {OPNIEUW}.",
    )


def cijfers(flat: dict, key, lengte: int, naam: str, waar: Waar, betekenis: str) -> str:
    """Exactly `lengte` ASCII digits (AGB code: 8, gemeentecode: 4)."""
    value = tekst(flat, key, naam, waar)
    if len(value) == lengte and value.isdigit() and value.isascii():
        return value
    raise Rejection(
        PATROON,
        f"Waarde '{value[:40]}' in {naam} ({plaats(waar)}) is geen {betekenis} van precies {lengte} cijfers; "
        f"corrigeer {naam} en {OPNIEUW}.",
    )


def lengte(flat: dict, key, naam: str, waar: Waar, maximum: int) -> str:
    """A required non-blank string of at most `maximum` characters (after stripping)."""
    return _lengte(tekst(flat, key, naam, waar), naam, waar, maximum)


def lengte_o(flat: dict, key, naam: str, waar: Waar, maximum: int) -> str | None:
    value = _optioneel(flat, key)
    return None if value is None else _lengte(value, naam, waar, maximum)


def _lengte(value: str, naam: str, waar: Waar, maximum: int) -> str:
    if 0 < len(value) <= maximum:
        return value
    raise Rejection(
        PATROON,
        f"Waarde '{value[:40]}' in {naam} ({plaats(waar)}) moet 1 tot en met {maximum} tekens lang zijn; "
        f"corrigeer {naam} en {OPNIEUW}.",
    )


def alfanumeriek(flat: dict, key, naam: str, waar: Waar, maximum: int) -> str:
    value = tekst(flat, key, naam, waar)
    if len(value) <= maximum and _ALFANUMERIEK.fullmatch(value):
        return value
    raise Rejection(
        PATROON,
        f"Waarde '{value[:40]}' in {naam} ({plaats(waar)}) mag alleen letters en cijfers bevatten en "
        f"1 tot en met {maximum} tekens lang zijn; corrigeer {naam} en {OPNIEUW}.",
    )


def versie(flat: dict, key, naam: str, waar: Waar, verplicht: bool = True) -> str | None:
    value = tekst(flat, key, naam, waar) if verplicht else _optioneel(flat, key)
    if value is None or _VERSIE.fullmatch(value):
        return value
    raise Rejection(
        PATROON,
        f"Versie '{value[:40]}' in {naam} ({plaats(waar)}) heeft niet de vorm n.n.n (bijvoorbeeld 1.0.0); "
        f"corrigeer {naam} en {OPNIEUW}.",
    )


def bsn(flat: dict, key, waar: Waar) -> str:
    value = flat.get(key)
    if value is not None and len(value) == 9 and value.isdigit() and value.isascii() and _elfproef(value):
        return value
    value = tekst(flat, key, "Bsn", waar)
    if len(value) != 9 or not value.isdigit() or not value.isascii():
        raise Rejection(
            BSN,
            f"Bsn {maskeer_bsn(value)} in {plaats(waar)} bestaat niet uit precies 9 cijfers; controleer het BSN "
            f"(voorloopnullen horen erbij) en {OPNIEUW}.",
        )
    if not is_valid_bsn(value):
        raise Rejection(
            BSN,
            f"Bsn {maskeer_bsn(value)} in {plaats(waar)} voldoet niet aan de elfproef; controleer het BSN en "
            f"{OPNIEUW}.",
        )
    return value


def retourcodes(element, tag: str, lijst: frozenset[str], naam: str, waar: Waar) -> list[str]:
    """The RetourCode children (`tag`) of a RetourCodes element, each from LDT_RetourCode; at least one."""
    codes = []
    for child in element:
        if child.tag == tag:
            value = child.text
            if value not in lijst:
                value = _code(
                    value.strip() if value else "", lijst, f"{naam}/RetourCode", waar, "Retourcode (WJ001)"
                )
            codes.append(value)
    if not codes:
        raise Rejection(
            VERPLICHT,
            f"{naam} in {plaats(waar)} bevat geen RetourCode; vul minstens één RetourCode in en {OPNIEUW}.",
        )
    return codes
