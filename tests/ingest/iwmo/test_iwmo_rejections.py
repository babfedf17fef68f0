"""Every rejection path, each with a real malformed file on disk, asserting the reason code and the melding."""

from __future__ import annotations

import pytest
from iwmo_testdata import IWMO20_SAMPLES, fixture_path

from ingest.model import Rejection

CASES = [
    ("fout_niet_welgevormd.xml", "XML_NIET_WELGEVORMD", "welgevormde XML"),
    ("fout_geen_iwmo.xml", "GEEN_IWMO_BERICHT", "urn:voorbeeld:factuur"),
    ("fout_onbekend_type.xml", "BERICHTTYPE_ONBEKEND", "WMO399"),
    ("fout_berichtcode.xml", "BERICHTTYPE_ONBEKEND", "BerichtCode 414"),
    ("WMO301_iwmo21.xml", "RELEASE_NIET_ONDERSTEUND", "release 2.1"),
    ("fout_verplicht_ontbreekt.xml", "VERPLICHT_ELEMENT_ONTBREEKT", "ProductCode ontbreekt in Prestatie 1"),
    ("fout_afzender_patroon.xml", "PATROON_ONGELDIG", "'38A' in Afzender"),
    ("fout_code_onbekend.xml", "CODE_ONBEKEND", "Code '99' in Eenheid"),
    ("fout_bsn_elfproef.xml", "BSN_ONGELDIG", "voldoet niet aan de elfproef"),
    ("fout_datum_30feb.xml", "DATUM_ONGELDIG", "Datum 2023-02-30 in ProductPeriode/Begindatum"),
    ("fout_bedrag_negatief.xml", "BEDRAG_ONGELDIG", "Bedrag '-5' in IngediendBedrag/Bedrag"),
    ("fout_bedrag_decimaal.xml", "BEDRAG_ONGELDIG", "Bedrag '12.50' in IngediendBedrag/Bedrag"),
]


@pytest.mark.parametrize(("name", "code", "fragment"), CASES)
def test_rejection(name, code, fragment, parse):
    locatie = f"berichten/{name}"
    with pytest.raises(Rejection) as info:
        parse(fixture_path(name).read_bytes(), locatie=locatie)
    assert info.value.reden_code == code
    assert fragment in info.value.melding
    assert info.value.locatie == locatie


def test_message_level_rejection_names_line_and_carries_bericht_id(parse):
    with pytest.raises(Rejection) as info:
        parse(fixture_path("fout_bedrag_negatief.xml").read_bytes())
    assert "regel " in info.value.melding and "opnieuw" in info.value.melding
    assert info.value.bericht_id == "484:12345678:DECL2024-07:2024-08-05"


def test_bsn_is_masked_in_melding(parse):
    with pytest.raises(Rejection) as info:
        parse(fixture_path("fout_bsn_elfproef.xml").read_bytes())
    assert "123456789" not in info.value.melding
    assert "******789" in info.value.melding


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (b"<d:Ontvanger>0935<", b"<d:Ontvanger>935<", "PATROON_ONGELDIG"),
        (b"<b:Identificatie>DECL2024-07<", b"<b:Identificatie>ABCDEFGHIJKLM<", "PATROON_ONGELDIG"),
        (b"<d:DeclaratieNummer>D2024007<", b"<d:DeclaratieNummer>D-2024<", "PATROON_ONGELDIG"),
        (b"<d:ToewijzingNummer>4711<", b"<d:ToewijzingNummer>12a<", "PATROON_ONGELDIG"),
        (b"<d:Bsn>123456782<", b"<d:Bsn>12345678<", "BSN_ONGELDIG"),
        (b"<b:DebetCredit>D<", b"<b:DebetCredit>X<", "CODE_ONBEKEND"),
        (b"<b:TotaalBedrag>1500<", b"<b:TotaalBedrag>1500.00<", "BEDRAG_ONGELDIG"),
        (b"<d:DeclaratieDagtekening>2024-08-05<", b"<d:DeclaratieDagtekening>05-08-2024<", "DATUM_ONGELDIG"),
        (b"<d:BerichtSubversie>2<", b"<d:BerichtSubversie>1<", "RELEASE_NIET_ONDERSTEUND"),
        (b"<d:ProductTarief>5000<", b"<d:ProductTarief>-1<", "BEDRAG_ONGELDIG"),
        # xs:date without time zone (inputs.md), an integer volume
        (
            b"<d:DeclaratieDagtekening>2024-08-05<",
            b"<d:DeclaratieDagtekening>2024-08-05+02:00<",
            "DATUM_ONGELDIG",
        ),
        (b"<d:GeleverdVolume>6<", b"<d:GeleverdVolume>1.5<", "PATROON_ONGELDIG"),
    ],
)
def test_more_validation_rules(old, new, code, parse):
    data = fixture_path("WMO323_basis.xml").read_bytes()
    assert old in data
    with pytest.raises(Rejection) as info:
        parse(data.replace(old, new, 1))
    assert info.value.reden_code == code


@pytest.mark.parametrize("tijd", [b"25:61:00", b"14:05:00Z", b"14:05"])
def test_toewijzingstijd_is_an_xs_time_without_time_zone(tijd, parse):
    data = fixture_path("WMO301_basis.xml").read_bytes()
    old = b"<t:Toewijzingstijd>14:05:00<"
    assert old in data
    with pytest.raises(Rejection) as info:
        parse(data.replace(old, b"<t:Toewijzingstijd>" + tijd + b"<", 1))
    assert info.value.reden_code == "DATUM_ONGELDIG"


def test_doctype_and_entities_refused(parse):
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(Rejection) as info:
        parse(data)
    assert info.value.reden_code == "XML_NIET_WELGEVORMD"


def test_empty_file_is_not_well_formed(parse):
    with pytest.raises(Rejection) as info:
        parse(b"")
    assert info.value.reden_code == "XML_NIET_WELGEVORMD"


def test_basisschema_root_is_not_a_message(parse):
    data = b'<b:Bericht xmlns:b="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"/>'
    with pytest.raises(Rejection) as info:
        parse(data)
    assert info.value.reden_code == "GEEN_IWMO_BERICHT"


def test_non_xml_archive_member_is_unknown_file_type(parse):
    with pytest.raises(Rejection) as info:
        parse(b"%PDF-1.4", locatie="berichten/a.zip!map/brief.pdf")
    assert info.value.reden_code == "BESTANDSTYPE_ONBEKEND"


def test_official_iwmo20_samples_are_release_not_supported(parse):
    if not IWMO20_SAMPLES.is_dir():
        pytest.skip(f"iWmo 2.0-voorbeelden ontbreken in {IWMO20_SAMPLES}")
    paths = sorted(IWMO20_SAMPLES.glob("*.xml"))
    assert paths
    for path in paths:
        with pytest.raises(Rejection) as info:
            parse(path.read_bytes())
        assert info.value.reden_code == "RELEASE_NIET_ONDERSTEUND", path.name


def test_a_mandatory_element_with_only_whitespace_is_empty(parse):
    """Indentation between elements is dropped by the parser, whitespace inside a leaf is not: the element is
    present and empty, which the sender must fix."""
    data = fixture_path("WMO323_basis.xml").read_bytes()
    old = b"<d:DeclaratieNummer>D2024007<"
    assert old in data
    with pytest.raises(Rejection) as info:
        parse(data.replace(old, b"<d:DeclaratieNummer> \r\n\t <", 1))
    assert info.value.reden_code == "VERPLICHT_ELEMENT_ONTBREEKT"
    assert "DeclaratieNummer in Declaratie (regel " in info.value.melding and "is leeg" in info.value.melding


@pytest.mark.parametrize(("name", "code", "fragment"), CASES)
def test_rejected_file_is_quarantined_and_the_rest_of_the_batch_loads(name, code, fragment, tmp_path):
    """The same malformed files through the real Loader, each next to two good messages: the bad one lands in
    audit.quarantaine with its reason, the good ones load, and no row of the bad one reaches the raw tables."""
    import shutil

    import duckdb

    from ingest.raw_schema import create_all
    from tests.pipeline.loading import load

    landing = tmp_path / "landing"
    (landing / "berichten").mkdir(parents=True)
    for goed in ("WMO301_basis.xml", "WMO323_basis.xml"):
        shutil.copy(fixture_path(goed), landing / "berichten" / goed)
    shutil.copy(fixture_path(name), landing / "berichten" / f"x_{name}")
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_all(con)
        load(con, landing)
        statussen = dict(con.execute("SELECT pad, status FROM audit.bestanden").fetchall())
        quarantaine = con.execute("SELECT pad, reden_code, melding FROM audit.quarantaine").fetchall()
        geladen = con.execute("SELECT locatie FROM raw.iwmo_berichten ORDER BY locatie").fetchall()
    assert statussen == {
        "berichten/WMO301_basis.xml": "geladen",
        "berichten/WMO323_basis.xml": "geladen",
        f"berichten/x_{name}": "quarantaine",
    }
    assert [(pad, reden) for pad, reden, _ in quarantaine] == [(f"berichten/x_{name}", code)]
    assert fragment in quarantaine[0][2]
    assert geladen == [("berichten/WMO301_basis.xml",), ("berichten/WMO323_basis.xml",)]
