"""Optional validation against the official iWmo 3.2 XSDs (skipped when ../shared/reference is absent)."""

from __future__ import annotations

import pytest
from iwmo_testdata import SAMPLES, fixture_path, with_unknown_element, xsd_dir

from ingest.iwmo import XsdValidator
from ingest.model import Rejection


@pytest.fixture(scope="module")
def validator() -> XsdValidator:
    return XsdValidator(xsd_dir())


def test_loads_all_message_schemas(validator):
    assert validator.berichttypen == ["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"]


@pytest.mark.parametrize("name", ["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"])
def test_official_samples_are_valid(validator, name, parse):
    data = (SAMPLES / f"{name}.xml").read_bytes()
    assert validator.validate(data, name) == []
    assert parse(data, xsd=validator).tables["iwmo_berichten"][0]["berichttype"] == name


def test_own_fixture_is_valid(validator):
    assert validator.validate(fixture_path("WMO323_basis.xml").read_bytes(), "WMO323") == []


def test_xsd_error_reports_line_number(validator, parse):
    bad, expected_line = with_unknown_element(fixture_path("WMO323_basis.xml").read_text(encoding="utf-8"))
    errors = validator.validate(bad.encode(), "WMO323")
    assert errors and errors[0].startswith(f"regel {expected_line}:")
    with pytest.raises(Rejection) as info:
        parse(bad.encode(), xsd=validator)
    assert info.value.reden_code == "XSD_ONGELDIG"
    assert f"regel {expected_line}:" in info.value.melding


def test_messages_without_configured_schema_are_not_xsd_checked(validator, parse):
    parsed = parse(fixture_path("WMO325_antwoord.xml").read_bytes(), xsd=validator)
    assert parsed.tables["iwmo_berichten"][0]["berichttype"] == "WMO325"


def test_folder_without_basisschema_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        XsdValidator(tmp_path)
