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
    [("sample:WMO323.xml", "wmo323"), ("sample:WMO301.xml", "wmo301"), ("fixture:WMO323_basis.xml", "d")],
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
