"""The compiled fast path (`ingest/iwmo/_snel.c`) gives exactly what the Python extractors give, or steps aside.

Every comparison runs `parse_message` twice on the same bytes: as the loader does (compiled path first), and with
the compiled path switched off (the Python extractors alone, the reference). Rows must be equal value for value,
and a refused message must be refused with the same reason and melding.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import suppress
from pathlib import Path

import pytest
from iwmo_testdata import fixture_path, sample_path
from lxml import etree

from ingest.iwmo import _snel, snel
from ingest.iwmo.archive import iter_berichten
from ingest.iwmo.detect import herken, parse_xml
from ingest.model import Rejection


def _uitkomst(parse, data: bytes):
    try:
        return parse(data).tables
    except Rejection as exc:
        return (exc.reden_code, exc.melding, getattr(exc, "bericht_id", None))


@pytest.fixture
def beide(parse, monkeypatch):
    """data -> (outcome with the compiled path, outcome of the Python extractors alone, compiled path taken)."""
    echt = snel.bericht

    def _beide(data: bytes):
        genomen = []

        def bespied(*args):
            uitkomst = echt(*args)
            genomen.append(uitkomst is not None)
            return uitkomst

        monkeypatch.setattr(snel, "bericht", bespied)
        snel_uitkomst = _uitkomst(parse, data)
        monkeypatch.setattr(snel, "bericht", lambda *args: None)
        referentie = _uitkomst(parse, data)
        monkeypatch.setattr(snel, "bericht", echt)
        return snel_uitkomst, referentie, bool(genomen and genomen[0])

    return _beide


def test_the_element_layout_of_the_pinned_lxml_is_read_correctly():
    """`_snel` reads libxml2's node out of lxml's element object; a changed layout shows here first."""
    root = etree.fromstring(b"<a:Bericht xmlns:a='urn:x'><a:Header/></a:Bericht>")
    assert _snel.tag(root) == "Bericht"
    assert _snel.tag(root[0]) == "Header"
    with pytest.raises(TypeError):
        _snel.tag("Bericht")


@pytest.mark.parametrize("name", ["WMO301.xml", "WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO323.xml"])
def test_official_samples_take_the_compiled_path_with_identical_rows(name, beide):
    snel_uitkomst, referentie, genomen = beide(sample_path(name).read_bytes())
    assert genomen, "the official sample is plainly valid: the compiled path must read it"
    assert snel_uitkomst == referentie
    assert sum(len(rows) for rows in snel_uitkomst.values()) > 1  # header row and records


@pytest.mark.parametrize("name", ["WMO301_basis.xml", "WMO323_basis.xml"])
def test_fixtures_with_accents_and_several_records_take_the_compiled_path(name, beide):
    snel_uitkomst, referentie, genomen = beide(fixture_path(name).read_bytes())
    assert genomen and snel_uitkomst == referentie


def _vervang(text: str, oud: str, nieuw: str, count: int = 1) -> str:
    assert oud in text, oud
    return text.replace(oud, nieuw, count)


# (sample, description, change, compiled path expected to read it)
VARIANTEN = [
    (
        "WMO323.xml",
        "spaces around a ProductCode",
        lambda t: re.sub(r">(\w+)</wmo323:ProductCode>", r"> \1 </wmo323:ProductCode>", t, count=1),
        False,
    ),
    # lxml's parser turns CDATA into plain text (strip_cdata), so this is an ordinary value
    (
        "WMO323.xml",
        "a CDATA value",
        lambda t: re.sub(r">(\w+)</wmo323:ProductCode>", r"><![CDATA[\1]]></wmo323:ProductCode>", t, count=1),
        True,
    ),
    (
        "WMO323.xml",
        "a comment inside a value",
        lambda t: re.sub(
            r">(\d+)</wmo323:ToewijzingNummer>", r">\1<!-- x --></wmo323:ToewijzingNummer>", t, count=1
        ),
        None,
    ),
    (
        "WMO323.xml",
        "an empty ProductTarief",
        lambda t: re.sub(
            r"<wmo323:ToewijzingNummer>", "<wmo323:ProductTarief/><wmo323:ToewijzingNummer>", t, count=1
        ),
        False,
    ),
    (
        "WMO323.xml",
        "an amount with a decimal point",
        lambda t: re.sub(
            r"<iwmo:Bedrag>(\d+)</iwmo:Bedrag>", r"<iwmo:Bedrag>\1.50</iwmo:Bedrag>", t, count=1
        ),
        False,
    ),
    (
        "WMO323.xml",
        "an amount over the maximum",
        lambda t: re.sub(
            r"<iwmo:Bedrag>(\d+)</iwmo:Bedrag>", "<iwmo:Bedrag>100000000</iwmo:Bedrag>", t, count=1
        ),
        False,
    ),
    (
        "WMO323.xml",
        "the largest amount, with leading zeros",
        lambda t: re.sub(
            r"<iwmo:Bedrag>(\d+)</iwmo:Bedrag>", "<iwmo:Bedrag>00099999999</iwmo:Bedrag>", t, count=1
        ),
        True,
    ),
    (
        "WMO323.xml",
        "a date that does not exist",
        lambda t: re.sub(
            r"<iwmo:Begindatum>[^<]+</iwmo:Begindatum>",
            "<iwmo:Begindatum>2023-02-29</iwmo:Begindatum>",
            t,
            count=1,
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a leap day",
        lambda t: re.sub(
            r"<iwmo:Begindatum>[^<]+</iwmo:Begindatum>",
            "<iwmo:Begindatum>2024-02-29</iwmo:Begindatum>",
            t,
            count=1,
        ),
        True,
    ),
    (
        "WMO323.xml",
        "a date with a time zone",
        lambda t: re.sub(
            r"<iwmo:Begindatum>([^<]+)</iwmo:Begindatum>",
            r"<iwmo:Begindatum>\1Z</iwmo:Begindatum>",
            t,
            count=1,
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a code outside the code list",
        lambda t: re.sub(
            r"<wmo323:Eenheid>\w+</wmo323:Eenheid>", "<wmo323:Eenheid>99</wmo323:Eenheid>", t, count=1
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a BSN failing the elfproef",
        lambda t: re.sub(
            r"<wmo323:Bsn>(\d{8})(\d)</wmo323:Bsn>",
            lambda m: f"<wmo323:Bsn>{m[1]}{(int(m[2]) + 1) % 10}</wmo323:Bsn>",
            t,
            count=1,
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a repeated Bsn",
        lambda t: re.sub(r"(<wmo323:Bsn>\d+</wmo323:Bsn>)", r"\1\1", t, count=1),
        False,
    ),
    (
        "WMO323.xml",
        "a Bsn in the basisschema namespace",
        lambda t: re.sub(r"<wmo323:Bsn>(\d+)</wmo323:Bsn>", r"<iwmo:Bsn>\1</iwmo:Bsn>", t, count=1),
        False,
    ),
    (
        "WMO323.xml",
        "an unknown extra element",
        lambda t: _vervang(t, "<wmo323:Bsn>", "<wmo323:Extra>x</wmo323:Extra><wmo323:Bsn>"),
        True,
    ),
    (
        "WMO323.xml",
        "a non-breaking space at the end of a reference",
        lambda t: re.sub(
            r"<iwmo:ReferentieNummer>([^<]+)</iwmo:ReferentieNummer>",
            "<iwmo:ReferentieNummer>\\1\u00a0</iwmo:ReferentieNummer>",
            t,
            count=1,
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a reference with non-ASCII letters inside",
        lambda t: re.sub(
            r"<iwmo:ReferentieNummer>([^<]+)</iwmo:ReferentieNummer>",
            "<iwmo:ReferentieNummer>Ré\\1x</iwmo:ReferentieNummer>",
            t,
            count=1,
        ),
        None,
    ),
    (
        "WMO323.xml",
        "a BerichtCode of another type",
        lambda t: re.sub(
            r"<wmo323:BerichtCode>\d+</wmo323:BerichtCode>", "<wmo323:BerichtCode>414</wmo323:BerichtCode>", t
        ),
        False,
    ),
    (
        "WMO323.xml",
        "a version with a leading zero",
        lambda t: re.sub(
            r"<iwmo:BerichtXsdVersie>[^<]+</iwmo:BerichtXsdVersie>",
            "<iwmo:BerichtXsdVersie>1.02.0</iwmo:BerichtXsdVersie>",
            t,
        ),
        False,
    ),
    ("WMO301.xml", "a time with a fraction", lambda t: _vervang(t, "12:34:56<", "12:34:56.5<"), True),
    ("WMO301.xml", "a time with a time zone", lambda t: _vervang(t, "12:34:56<", "12:34:56+01:00<"), False),
    ("WMO301.xml", "an hour 24", lambda t: _vervang(t, "12:34:56<", "24:00:00<"), False),
    (
        "WMO301.xml",
        "a BRP postcode with a space and padding",
        lambda t: _vervang(t, "<iwmo:Postcode>9999XX<", "<iwmo:Postcode> 9999 xx <"),
        True,
    ),
    (
        "WMO301.xml",
        "a BRP postcode that is no Dutch postcode",
        lambda t: _vervang(t, "<iwmo:Postcode>9999XX<", "<iwmo:Postcode>B-1000<"),
        True,
    ),
    (
        "WMO301.xml",
        "an empty BRP postcode",
        lambda t: _vervang(t, "<iwmo:Postcode>9999XX</iwmo:Postcode>", "<iwmo:Postcode/>"),
        True,
    ),
    (
        "WMO301.xml",
        "a Geslacht outside the code list",
        lambda t: re.sub(r"<wmo301:Geslacht>\d</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>", t),
        False,
    ),
    (
        "WMO315.xml",
        "a missing Verwijzer",
        lambda t: re.sub(r"<wmo315:Verwijzer>.*?</wmo315:Verwijzer>", "", t, count=1, flags=re.S),
        False,
    ),
    (
        "WMO315.xml",
        "a BeschikkingNummer with a letter",
        lambda t: _vervang(t, "<wmo315:BeschikkingNummer>1234<", "<wmo315:BeschikkingNummer>12a4<"),
        False,
    ),
    (
        "WMO315.xml",
        "a Raamcontract outside JaNee",
        lambda t: _vervang(
            t,
            "<wmo315:Raamcontract>1<",
            "<wmo315:Raamcontract>3<",
        ),
        False,
    ),
    (
        "WMO315.xml",
        "a Raamcontract Nee",
        lambda t: _vervang(t, "<wmo315:Raamcontract>1<", "<wmo315:Raamcontract>2<"),
        True,
    ),
    (
        "WMO305.xml",
        "a missing Begindatum",
        lambda t: re.sub(r"<wmo305:Begindatum>[^<]+</wmo305:Begindatum>", "", t, count=1),
        False,
    ),
    (
        "WMO307.xml",
        "a RedenBeeindiging outside the code list",
        lambda t: re.sub(
            r"<wmo307:RedenBeeindiging>\d+</wmo307:RedenBeeindiging>",
            "<wmo307:RedenBeeindiging>77</wmo307:RedenBeeindiging>",
            t,
            count=1,
        ),
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "wat", "wijziging", "snel_verwacht"), VARIANTEN, ids=[v[1] for v in VARIANTEN]
)
def test_a_changed_message_gives_what_the_python_extractors_give(name, wat, wijziging, snel_verwacht, beide):
    text = sample_path(name).read_text(encoding="utf-8")
    gewijzigd = wijziging(text)
    assert gewijzigd != text, wat
    snel_uitkomst, referentie, genomen = beide(gewijzigd.encode("utf-8"))
    assert snel_uitkomst == referentie, wat
    if snel_verwacht is not None:
        assert genomen == snel_verwacht, wat


def test_a_python_error_in_the_pseudonymiser_propagates(parse, monkeypatch):
    """Not a fallback: an exception inside the compiled path reaches the caller (as INTERNE_FOUT in the loader)."""
    root = parse_xml(sample_path("WMO305.xml").read_bytes())

    def kapot(bsn: str) -> str:
        raise RuntimeError("sleutel weg")

    with pytest.raises(RuntimeError, match="sleutel weg"):
        snel.bericht(root, herken(root), kapot)


@pytest.fixture(scope="module")
def regio(tmp_path_factory) -> Path:
    from demo_region import generate_region

    landing = tmp_path_factory.mktemp("regio")
    generate_region(landing, seed=3, scale=0.05, years=(2024, 2024))
    return landing / "berichten"


def test_every_message_of_a_generated_region_is_identical_and_every_valid_one_is_read_compiled(regio, beide):
    """Faults included (the generator injects every kind): the compiled path never accepts what Python refuses,
    and it is taken for every valid message of a compiled type, so it cannot quietly fall back for all."""
    berichten = []
    for path in sorted(regio.rglob("*")):
        if path.suffix == ".xml":
            berichten.append(path.read_bytes())
        elif path.suffix == ".zip":
            with suppress(Rejection):  # an archive refused as a whole: none of its members is parsed
                berichten.extend(data for _, data in iter_berichten(path, max_expanded_bytes=10**8))
    gelezen: Counter = Counter()
    for data in berichten:
        snel_uitkomst, referentie, genomen = beide(data)
        assert snel_uitkomst == referentie
        if isinstance(referentie, dict):
            soort = herken(parse_xml(data))[0].nnn
            assert genomen == (soort in snel.SOORTEN), soort
            gelezen[soort] += genomen
    assert all(gelezen[soort] >= 5 for soort in snel.SOORTEN), gelezen


AANTAL_MUTATIES = 300

LASTIGE_WAARDEN = [
    "",
    " ",
    "0",
    "00",
    "01",
    "1",
    "2",
    "-1",
    "+1",
    "1.5",
    "99999999",
    "100000000",
    "999999999",
    "1000000000",
    "000000000000000000001",
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "0000-01-01",
    "2024-1-01",
    "2024-01-01Z",
    "12:00:00",
    "12:00:00.1234567",
    "23:59:60",
    "1234 AB",
    "1234",
    "12345",
    "999900006",
    "999900007",
    "ABCDE",
    "ABCDEF",
    "Ré",
    "Zoë",
    "x" * 37,
    "\u00a0x",
    "x\u00a0",
    " 01",
    "01 ",
    "\t01",
    "٣",
    "1.0.0",
    "1.00.0",
    "3",
]


def _mutaties(data: bytes, rng, aantal: int) -> list[bytes]:
    """`aantal` copies of the message, each with one random element removed, doubled or given another text."""
    uit = []
    for _ in range(aantal):
        root = etree.fromstring(data)
        elementen = [el for el in root.iter() if isinstance(el.tag, str)][1:]
        el = rng.choice(elementen)
        keuze = rng.random()
        if keuze < 0.25:
            el.getparent().remove(el)
        elif keuze < 0.4:
            el.addnext(etree.fromstring(etree.tostring(el)))
        elif len(el) == 0:
            el.text = rng.choice(LASTIGE_WAARDEN)
        else:
            el.text = "x"  # mixed content in a composite
        uit.append(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return uit


@pytest.mark.parametrize("name", ["WMO301.xml", "WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO323.xml"])
def test_randomly_changed_messages_give_what_the_python_extractors_give(name, beide):
    """Hundreds of messages with one element removed, doubled or set to a tricky value (seeded, so a failure
    repeats): the compiled path either gives the same rows or steps aside, never something else."""
    import random

    rng = random.Random(f"snel-{name}")
    genomen = 0
    for data in _mutaties(sample_path(name).read_bytes(), rng, AANTAL_MUTATIES):
        snel_uitkomst, referentie, snel_genomen = beide(data)
        assert snel_uitkomst == referentie, data.decode("utf-8")
        genomen += snel_genomen
    assert genomen > 30  # many changes leave the message valid, and those are read compiled


def test_a_missing_or_mismatched_compiled_module_is_refused_with_what_to_do(monkeypatch):
    """The module reads lxml's object layout, so a module built for another lxml must not load; a missing one
    (a checkout without `make install`) says how to build it."""
    import importlib
    import sys

    import lxml

    monkeypatch.setattr(lxml, "__version__", "9.9.9")
    with pytest.raises(ImportError, match=r"gebouwd voor lxml 6\..*lxml 9\.9\.9.*make install"):
        importlib.reload(snel)
    monkeypatch.undo()
    import ingest.iwmo

    monkeypatch.delattr(ingest.iwmo, "_snel")
    monkeypatch.setitem(sys.modules, "ingest.iwmo._snel", None)  # as if it was never built
    with pytest.raises(ImportError, match=r"ontbreekt.*make install"):
        importlib.reload(snel)
    monkeypatch.undo()
    importlib.reload(snel)
    assert snel._snel is _snel
