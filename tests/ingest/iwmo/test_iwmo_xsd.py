"""Optional validation against the official iWmo 3.2 XSDs (skipped when ../shared/reference is absent)."""

from __future__ import annotations

import pytest
from iwmo_testdata import SAMPLES, XSD_DIR, fixture_path

from ingest.iwmo import XsdValidator
from ingest.model import Rejection


@pytest.fixture(scope="module")
def validator() -> XsdValidator:
    if not (XSD_DIR / "basisschema.xsd").is_file():
        pytest.skip(f"officiële iWmo 3.2-XSD's ontbreken in {XSD_DIR}")
    return XsdValidator(XSD_DIR)


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
    # An element our own rules never read (Geslacht of a relation would do too): an unknown extra element.
    text = fixture_path("WMO323_basis.xml").read_text(encoding="utf-8")
    bad = text.replace(
        "<d:GeleverdVolume>6</d:GeleverdVolume>", "<d:GeleverdVolume>6</d:GeleverdVolume><d:Extra>1</d:Extra>"
    )
    expected_line = bad.splitlines().index(next(line for line in bad.splitlines() if "<d:Extra>" in line)) + 1
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
