"""Prefixes, default namespace, BOM, CRLF, comments and ISO-8859-1 do not change a single extracted value."""

from __future__ import annotations

import re

import pytest
from iwmo_testdata import fixture_path, sample_path


def _without_hashes(parsed) -> dict:
    tables = {name: [dict(row) for row in rows] for name, rows in parsed.tables.items()}
    for row in tables["iwmo_berichten"]:
        row.pop("inhoud_sha256")
    return tables


def _default_namespace(text: str, prefix: str) -> str:
    text = text.replace(f"xmlns:{prefix}=", "xmlns=")
    return re.sub(rf"<(/?){prefix}:", r"<\1", text)


def _variants(text: str, prefix: str) -> dict[str, bytes]:
    body = text.split("?>", 1)[1]
    return {
        "default_namespace": _default_namespace(text, prefix).encode("utf-8"),
        "other_prefix": text.replace(f"{prefix}:", "zz:").replace(f"xmlns:{prefix}=", "xmlns:zz=").encode(),
        "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf": text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"),
        "comments": text.replace("><", "><!-- opmerking --><").encode("utf-8"),
        "latin1": ('<?xml version="1.0" encoding="ISO-8859-1"?>' + body).encode("iso-8859-1"),
        "no_declaration": body.lstrip().encode("utf-8"),
    }


@pytest.mark.parametrize(
    ("source", "prefix"),
    [
        ("sample:WMO323.xml", "wmo323"),
        ("sample:WMO301.xml", "wmo301"),
        ("fixture:WMO323_basis.xml", "d"),
        ("fixture:WMO301_basis.xml", "t"),  # non-ASCII names, street and reference: a real Latin-1 variant
    ],
)
def test_variants_give_identical_rows(source, prefix, parse, tmp_path):
    kind, name = source.split(":")
    path = sample_path(name) if kind == "sample" else fixture_path(name)
    text = path.read_text(encoding="utf-8")
    reference = _without_hashes(parse(text.encode("utf-8")))
    for variant, data in _variants(text, prefix).items():
        rewritten = tmp_path / f"{variant}.xml"
        rewritten.write_bytes(data)  # a real file on disk, read back as the loader would
        assert _without_hashes(parse(rewritten.read_bytes())) == reference, variant


def test_latin1_variant_with_accented_characters_gives_the_utf8_values(parse, tmp_path):
    """ISO-8859-1 bytes of 'Müller-Hüsken', 'Cécile Anaïs', 'Çelikstraat' and 'à domicile ö' decode to the same
    records as UTF-8; the extracted ReferentieAanbieder proves the accented characters came through."""
    text = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8")
    assert "Müller" in text and "Cécile" in text
    latin1 = _variants(text, "t")["latin1"]
    assert b"M\xfcller" in latin1 and b"C\xe9cile" in latin1 and b"\xe0 domicile \xf6" in latin1
    with pytest.raises(UnicodeDecodeError):
        latin1.decode("utf-8")  # really Latin-1 bytes, not UTF-8 in disguise
    path = tmp_path / "latin1.xml"
    path.write_bytes(latin1)
    parsed = parse(path.read_bytes())
    utf8 = parse(text.encode("utf-8"))
    assert _without_hashes(parsed) == _without_hashes(utf8)
    [product] = parsed.tables["iwmo_301_toegewezen_producten"]
    assert product["referentie_aanbieder"] == "Zorg à domicile ö-12"
    assert parsed.tables["iwmo_301_clienten"][0]["postcode4"] == "6041"
    assert (
        parsed.tables["iwmo_berichten"][0]["inhoud_sha256"]
        != utf8.tables["iwmo_berichten"][0]["inhoud_sha256"]
    )


def test_latin1_bytes_declared_as_utf8_are_not_well_formed(parse):
    from ingest.model import Rejection

    body = fixture_path("WMO301_basis.xml").read_text(encoding="utf-8")
    with pytest.raises(Rejection) as info:
        parse(body.encode("iso-8859-1"))  # the declaration still says UTF-8
    assert info.value.reden_code == "XML_NIET_WELGEVORMD"


def test_basisschema_prefix_is_also_free(parse):
    text = fixture_path("WMO323_basis.xml").read_text(encoding="utf-8")
    renamed = text.replace("b:", "basis:").replace("xmlns:b=", "xmlns:basis=")
    assert _without_hashes(parse(renamed.encode())) == _without_hashes(parse(text.encode()))


def test_composite_children_in_wrong_namespace_are_missing(parse):
    from ingest.model import Rejection

    text = fixture_path("WMO323_basis.xml").read_text(encoding="utf-8")
    wrong = text.replace("<b:Bedrag>30000</b:Bedrag>", "<d:Bedrag>30000</d:Bedrag>")
    with pytest.raises(Rejection) as info:
        parse(wrong.encode())
    assert info.value.reden_code == "VERPLICHT_ELEMENT_ONTBREEKT"
