"""When two messages with one BerichtIdentificatie count as the same content (inputs.md: skipped, not a conflict)."""

from __future__ import annotations

from ingest.iwmo.inhoud import zelfde_inhoud

M = "http://www.istandaarden.nl/iwmo/3_2/wmo305/schema"
B = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
PREFIXED = (
    f'<?xml version="1.0" encoding="UTF-8"?>\r\n<m:Bericht xmlns:m="{M}" xmlns:b="{B}">\r\n'
    "  <m:Header><m:BerichtIdentificatie><b:Identificatie>A1</b:Identificatie></m:BerichtIdentificatie>"
    "</m:Header>\r\n</m:Bericht>\r\n"
).encode()
DEFAULT_NAMESPACE = (
    f'\ufeff<?xml version="1.0"?><!-- kopie --><Bericht xmlns="{M}" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x y">'
    f'<Header><BerichtIdentificatie><Identificatie xmlns="{B}">A1</Identificatie></BerichtIdentificatie>'
    "</Header></Bericht>"
).encode()


def test_prefixes_default_namespaces_bom_crlf_comments_and_xsi_hints_do_not_change_the_content():
    assert zelfde_inhoud(PREFIXED, DEFAULT_NAMESPACE)


def test_an_iso_8859_1_declared_message_is_the_same_as_its_utf_8_form():
    text = PREFIXED.decode().replace(">A1<", ">Café<")
    latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("iso-8859-1")
    assert zelfde_inhoud(text.encode(), latin)
    assert not zelfde_inhoud(text.encode(), PREFIXED)


def test_another_value_another_namespace_or_another_order_is_other_content():
    assert not zelfde_inhoud(PREFIXED, PREFIXED.replace(b">A1<", b">A2<"))
    assert not zelfde_inhoud(PREFIXED, PREFIXED.replace(b"3_2/basisschema", b"3_1/basisschema"))
    extra = PREFIXED.replace(b"</m:Header>", b"</m:Header><m:Client/>")
    assert not zelfde_inhoud(
        extra,
        extra.replace(b"<m:Header>", b"<m:Client/><m:Header>").replace(
            b"</m:Header><m:Client/>", b"</m:Header>"
        ),
    )


def test_bytes_that_are_no_xml_are_never_the_same_content():
    assert not zelfde_inhoud(b"<kapot", b"<kapot")
