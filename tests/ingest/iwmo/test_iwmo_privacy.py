"""Quarantine messages never carry values from name, address, birth-date or BSN fields (audit schema is published).

XSD errors from lxml quote the offending value for pattern, enumeration, range and type errors; those values are
masked with '…' while the element, the line number and the kind of error stay. Our own rules never quote those
fields at all and show a BSN only as its last three digits.
"""

from __future__ import annotations

import pytest
from iwmo_testdata import XSD_DIR, fixture_path

from ingest.iwmo import XsdValidator
from ingest.iwmo.xsd import maskeer_xsd_melding
from ingest.model import Rejection

BASIS = "{http://www.istandaarden.nl/iwmo/3_2/basisschema/schema}"


@pytest.fixture(scope="module")
def validator() -> XsdValidator:
    if not (XSD_DIR / "basisschema.xsd").is_file():
        pytest.skip(f"officiële iWmo 3.2-XSD's ontbreken in {XSD_DIR}")
    return XsdValidator(XSD_DIR)


def _regel(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_own_301_fixture_is_xsd_valid(validator, parse):
    data = fixture_path("WMO301_basis.xml").read_bytes()
    assert validator.validate(data, "WMO301") == []
    assert parse(data, xsd=validator).tables["iwmo_301_clienten"][0]["postcode4"] == "6041"


def test_xsd_melding_masks_person_values_but_keeps_line_and_kind(validator, parse):
    path = fixture_path("fout_xsd_persoonsgegevens.xml")
    text = path.read_text(encoding="utf-8")
    with pytest.raises(Rejection) as info:
        parse(path.read_bytes(), xsd=validator)
    melding = info.value.melding
    assert info.value.reden_code == "XSD_ONGELDIG"
    for value in [
        "1948-02-30",
        "1948",
        "17 bis",
        "6041 XK Roermond",
        "Roermond",
        "Oranje",
        "Hüsken",
        "123456782",
    ]:
        assert value not in melding, value
    for element, fragment in [
        ("Datum", "<g:Datum>"),
        ("Achternaam", "<g:Achternaam>"),
        ("Huisnummer", "<g:Huisnummer>"),
        ("Postcode", "<g:Postcode>"),
    ]:
        assert f"regel {_regel(text, fragment)}: Element '{BASIS}{element}'" in melding, element
    assert "is not a valid value of the atomic type" in melding and "LDT_Datum" in melding
    assert "[facet 'maxLength']" in melding
    assert "'…'" in melding and "vervangen door '…'" in melding


@pytest.mark.parametrize(
    ("old", "new", "secret"),
    [
        (
            "<t:Bsn>123456782</t:Bsn>",
            "<t:Bsn>1234567820</t:Bsn>",
            "1234567820",
        ),  # too long: caught by our rules
        ("<t:Geslacht>2</t:Geslacht>", "<t:Geslacht>Vrouw Müller</t:Geslacht>", "Müller"),
        ("<g:Voornamen>Cécile Anaïs</g:Voornamen>", "<g:Voornamen>   </g:Voornamen>", "Cécile"),
        ("<g:Huisnummer>17</g:Huisnummer>", "<g:Huisnummer>123456</g:Huisnummer>", "123456"),
    ],
)
def test_xsd_or_rule_melding_never_quotes_person_fields(validator, parse, old, new, secret):
    text = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(Rejection) as info:
        parse(text.replace(old, new).encode("utf-8"), xsd=validator)
    assert secret not in info.value.melding
    assert "123456782" not in info.value.melding


@pytest.mark.parametrize(
    ("bsn", "code"),
    [("123456789", "BSN_ONGELDIG"), ("12345678", "BSN_ONGELDIG"), ("1234567820", "BSN_ONGELDIG"), ("", None)],
)
def test_rule_melding_never_contains_the_bsn(parse, bsn, code):
    text = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8")
    with pytest.raises(Rejection) as info:
        parse(text.replace("<t:Bsn>123456782</t:Bsn>", f"<t:Bsn>{bsn}</t:Bsn>").encode("utf-8"))
    if code:
        assert info.value.reden_code == code
        assert bsn not in info.value.melding and bsn[-3:] in info.value.melding
    assert "123456782" not in info.value.melding


def test_own_rules_do_not_judge_name_address_or_birthdate_values(parse):
    # These fields are checked for presence only; their values never reach a melding (nor the raw tables).
    text = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8")
    for old, new in [
        ("<g:Datum>1948-11-23</g:Datum>", "<g:Datum>23-11-1948</g:Datum>"),
        ("<g:Postcode>6041 XK</g:Postcode>", "<g:Postcode>Kapelaan 17</g:Postcode>"),
        ("<g:Achternaam>Müller-Hüsken</g:Achternaam>", "<g:Achternaam>" + "x" * 300 + "</g:Achternaam>"),
    ]:
        parsed = parse(text.replace(old, new).encode("utf-8"))
        assert parsed.tables["iwmo_301_clienten"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Element '{ns}Bsn': [facet 'pattern'] The value '12345678' is not accepted by the pattern '[0-9]{9}'.",
            "Element '{ns}Bsn': [facet 'pattern'] The value '…' is not accepted by the pattern '[0-9]{9}'.",
        ),
        (
            "Element '{ns}Geslacht': [facet 'enumeration'] The value 'M' is not an element of the set {'0', '1'}.",
            "Element '{ns}Geslacht': [facet 'enumeration'] The value '…' is not an element of the set {'0', '1'}.",
        ),
        (
            "Element '{ns}Datum': '1948-02-30' is not a valid value of the atomic type '{ns}LDT_Datum'.",
            "Element '{ns}Datum': '…' is not a valid value of the atomic type '{ns}LDT_Datum'.",
        ),
        (  # a value containing quotes is masked whole
            "Element '{ns}Straatnaam': [facet 'pattern'] The value 'd'Artagnan' 'laan' is not accepted by the "
            "pattern '.*[^\\s].*'.",
            "Element '{ns}Straatnaam': [facet 'pattern'] The value '…' is not accepted by the pattern '.*[^\\s].*'.",
        ),
        (
            "Element '{ns}Huisnummer': [facet 'maxInclusive'] The value '123456' is greater than the maximum value "
            "allowed ('99999').",
            "Element '{ns}Huisnummer': [facet 'maxInclusive'] The value '…' is greater than the maximum value "
            "allowed ('99999').",
        ),
        (  # length errors quote only numbers
            "Element '{ns}Achternaam': [facet 'maxLength'] The value has a length of '222'; this exceeds the "
            "allowed maximum length of '200'.",
            "Element '{ns}Achternaam': [facet 'maxLength'] The value has a length of '222'; this exceeds the "
            "allowed maximum length of '200'.",
        ),
        (  # a form we do not know: every quoted part after the element is masked
            "Element '{ns}Client': Duplicate key-sequence ['123456782'] in unique identity-constraint 'k'.",
            "Element '{ns}Client': Duplicate key-sequence ['…'] in unique identity-constraint '…'.",
        ),
        (
            "Input is not proper UTF-8, indicate encoding !\nBytes: 0xFC 0x6C 0x6C 0x65",
            "Input is not proper UTF-8, indicate encoding !\nBytes: …",
        ),
        (
            "Element '{ns}Extra': This element is not expected. Expected is ( {ns}Omvang ).",
            "Element '{ns}Extra': This element is not expected. Expected is ( {ns}Omvang ).",
        ),
    ],
)
def test_maskeer_xsd_melding(raw, expected):
    assert maskeer_xsd_melding(raw) == expected


def test_not_well_formed_melding_does_not_quote_bytes(parse):
    data = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8").encode("iso-8859-1")  # declared UTF-8
    with pytest.raises(Rejection) as info:
        parse(data)
    assert info.value.reden_code == "XML_NIET_WELGEVORMD"
    assert "0xFC" not in info.value.melding and "regel " in info.value.melding
