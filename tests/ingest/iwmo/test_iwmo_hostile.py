"""Hostile input in berichten/ (issue 21 items 1 and 2, issue 24 item 4): real files, the large ones generated here in
tmp_path, through the real Loader. Each is quarantined with a Dutch reason while the good messages next to it load,
no entity is ever resolved, and memory stays bounded: the big ones are loaded in a fresh process whose peak RSS is
measured (`tests/pipeline/peak_rss.py`)."""

from __future__ import annotations

import shutil
import socket
import zipfile

import duckdb
import pytest
from iwmo_testdata import fixture_path

from ingest.iwmo import iter_berichten
from ingest.landing import scan
from ingest.model import Rejection
from ingest.raw_schema import create_all
from runtime.config import Limits
from tests.pipeline.loading import load, new_loader
from tests.pipeline.peak_rss import load_measured

GOOD = fixture_path("WMO323_basis.xml").read_bytes()
_START = GOOD.index(b"<d:Prestatie>")
_END = GOOD.index(b"</d:Prestatie>") + len(b"</d:Prestatie>")
PRESTATIE = GOOD[_START:_END]
MiB = 1024**2


def _declaratie(prestaties: int, identificatie: bytes = b"DECL2024-07") -> tuple[bytes, bytes]:
    """(before, after) the Prestaties of a valid 323 with `prestaties` copies of its first prestatie in between."""
    head = GOOD[:_START].replace(b"DECL2024-07", identificatie)
    tail = GOOD[GOOD.index(b"</d:Prestaties>") :]
    return head, tail


def _landing(tmp_path, files: dict[str, bytes]):
    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    shutil.copy(fixture_path("WMO301_basis.xml"), berichten / "goed_301.xml")
    (berichten / "goed_323.xml").write_bytes(GOOD)
    for name, data in files.items():
        (berichten / name).write_bytes(data)
    return tmp_path / "landing"


def _load(tmp_path, landing) -> tuple[dict, list, list]:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_all(con)
        load(con, landing)
        statussen = dict(con.execute("SELECT pad, status FROM audit.bestanden").fetchall())
        quarantaine = con.execute(
            "SELECT pad, reden_code, melding FROM audit.quarantaine ORDER BY pad"
        ).fetchall()
        geladen = con.execute("SELECT locatie FROM raw.iwmo_berichten ORDER BY locatie").fetchall()
    return statussen, quarantaine, geladen


def _with_doctype(doctype: bytes, reference: bytes) -> bytes:
    """The good 323 with a DOCTYPE and an entity reference in a field the parser reads."""
    body = GOOD.split(b"?>", 1)[1].replace(
        b"<b:Identificatie>DECL2024-07<", b"<b:Identificatie>" + reference + b"<"
    )
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + doctype + body


@pytest.fixture
def listener():
    """A local TCP port that records whether anything connected to it (an http entity would)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server
    server.close()


def _connected(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return False
    return True


def test_hostile_xml_is_quarantined_in_dutch_and_the_rest_loads(tmp_path, listener):
    """External entities (file and http, general and parameter), billion laughs, 100,000-deep nesting, a wrong
    namespace and invalid bytes: each refused, none of them expanded, fetched or read."""
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-1234", encoding="utf-8")
    dtd = tmp_path / "geheim.dtd"
    dtd.write_text('<!ENTITY s "GEHEIM-5678">', encoding="utf-8")
    port = listener.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x".encode()
    laughs = b"".join(
        b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
    )
    deep = b'<d:Bericht xmlns:d="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">' + b"<d:a>" * 100_000
    deep += b"</d:a>" * 100_000 + b"</d:Bericht>"
    ijw = GOOD.replace(b"/iwmo/3_2/wmo323/", b"/ijw/3_2/jw323/")
    hostile = {
        "xxe_bestand.xml": _with_doctype(
            b'<!DOCTYPE d:Bericht [<!ENTITY x SYSTEM "file://%s">]>' % str(secret).encode(), b"&x;"
        ),
        "xxe_http.xml": _with_doctype(b'<!DOCTYPE d:Bericht [<!ENTITY x SYSTEM "%s">]>' % url, b"&x;"),
        "xxe_parameter.xml": _with_doctype(
            b'<!DOCTYPE d:Bericht [<!ENTITY %% p SYSTEM "%s"> %%p;]>' % url, b"D1"
        ),
        "xxe_parameter_bestand.xml": _with_doctype(
            b'<!DOCTYPE d:Bericht [<!ENTITY %% p SYSTEM "file://%s"> %%p;]>' % str(dtd).encode(), b"&s;"
        ),
        "xxe_externe_dtd.xml": _with_doctype(b'<!DOCTYPE d:Bericht SYSTEM "%s">' % url, b"D1"),
        "miljard_lachen.xml": _with_doctype(b"<!DOCTYPE d:Bericht [" + laughs + b"]>", b"&l9;"),
        "diep.xml": deep,
        "ijw_namespace.xml": ijw,
        "ongeldig_utf8.xml": GOOD.replace(
            b"<d:DeclaratieNummer>D2024007<", b"<d:DeclaratieNummer>D\xff\xfe7<"
        ),
        "nul_byte.xml": GOOD.replace(b"D2024007", b"D20\x0024007"),
        "stuurteken.xml": GOOD.replace(b"D2024007", b"D20\x0124007"),
    }
    statussen, quarantaine, geladen = _load(tmp_path, _landing(tmp_path, hostile))
    codes = {pad.removeprefix("berichten/"): code for pad, code, _ in quarantaine}
    assert codes == {
        **{name: "XML_NIET_WELGEVORMD" for name in hostile if name != "ijw_namespace.xml"},
        "ijw_namespace.xml": "GEEN_IWMO_BERICHT",
    }
    assert geladen == [("berichten/goed_301.xml",), ("berichten/goed_323.xml",)]
    assert {status for pad, status in statussen.items() if "goed" not in pad} == {"quarantaine"}
    meldingen = {pad.removeprefix("berichten/"): melding for pad, _, melding in quarantaine}
    for name in ("xxe_bestand.xml", "xxe_http.xml", "xxe_parameter_bestand.xml"):
        assert "DOCTYPE-declaratie" in meldingen[name] and "entiteiten" in meldingen[name]
    # libxml2 itself stops these before our DOCTYPE check sees a tree: the network is off for the parameter
    # entity and the external DTD, its amplification limit stops the laughs
    for name in ("xxe_parameter.xml", "xxe_externe_dtd.xml", "miljard_lachen.xml"):
        assert meldingen[name].startswith("Het bestand is geen welgevormde XML")
    assert "Het bestand is geen welgevormde XML" in meldingen["diep.xml"]
    assert "dit is geen iWmo-bericht" in meldingen["ijw_namespace.xml"]
    assert not any("GEHEIM" in melding for melding in meldingen.values())
    assert not _connected(listener), "een externe entiteit is opgehaald"


def test_the_parser_never_resolves_an_entity_even_outside_the_doctype_check(listener, pseudonymiser):
    """The second line of defence under the DOCTYPE refusal: the lxml parser itself has entity resolution, DTD
    loading and the network off (defusedxml's rules), so even a parse that kept the tree resolved nothing."""
    from lxml import etree

    from ingest.iwmo.detect import _PARSER

    url = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    root = etree.fromstring(
        f'<!DOCTYPE a [<!ENTITY x SYSTEM "{url}"><!ENTITY y SYSTEM "file:///etc/hostname">]><a>&x;&y;</a>'.encode(),
        _PARSER,
    )
    assert "".join(root.itertext()) == "&x;&y;"  # unresolved entity references, not their content
    assert not _connected(listener)


def test_a_200_mb_message_is_refused_by_its_size_before_it_is_read(tmp_path):
    """Issue 24: a 200 MB message of 249,000 identical prestaties cost 1.8 GB. Over WMO_BERICHT_MAX_BYTES (32 MiB)
    it is refused from its size on disk and only hashed in 1 MiB pieces: peak RSS grows by a few MiB."""
    landing = _landing(tmp_path, {})
    head, tail = _declaratie(0, b"DECL2024-20")  # its own identity: refused for its size, not as a conflict
    path = landing / "berichten" / "enorm.xml"
    copies = 200 * 10**6 // len(PRESTATIE)
    with path.open("wb") as handle:
        handle.write(head)
        for _ in range(copies // 10_000):
            handle.write(PRESTATIE * 10_000)
        handle.write(tail)
    assert path.stat().st_size > 200 * 10**6
    outcome = load_measured(landing, tmp_path / "w.duckdb")
    [(locatie, code, melding)] = outcome["quarantaine"]
    assert (locatie, code) == ("berichten/enorm.xml", "BERICHT_TE_GROOT")
    assert "grens is 33.554.432 bytes (WMO_BERICHT_MAX_BYTES)" in melding
    assert outcome["bestanden"]["berichten/goed_323.xml"] == "geladen"
    assert outcome["groei_mb"] < 20, outcome["groei_mb"]  # measured 2026-12-07: 3.4 MiB


@pytest.mark.slow  # writing the GiB of zeros takes most of its 10 to 20 s
def test_a_zip_of_one_gib_of_zeros_is_a_bomb_by_its_ratio_and_costs_no_memory(tmp_path):
    """Issue 24: 1 MB of zip (1 GiB of zeros, under WMO_ZIP_MAX_BYTES) cost 2.5 GB. Its member expands about
    1,000 times: over WMO_ZIP_MAX_VERHOUDING (200), the archive is refused as a whole from its header."""
    landing = _landing(tmp_path, {})
    path = landing / "berichten" / "nullen.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("goed.xml", GOOD)
        with archive.open("nullen.xml", "w", force_zip64=True) as member:
            zeros = bytes(16 * MiB)
            for _ in range(64):
                member.write(zeros)
    assert path.stat().st_size < 3 * MiB
    outcome = load_measured(landing, tmp_path / "w.duckdb")
    [(locatie, code, melding)] = outcome["quarantaine"]
    assert (locatie, code) == ("berichten/nullen.zip", "ZIP_COMPRESSIE_TE_HOOG")
    assert "'nullen.xml' pakt uit tot meer dan 200 keer" in melding and "zip-bom" in melding
    assert outcome["groei_mb"] < 20, outcome["groei_mb"]


def test_a_ratio_bomb_with_a_lying_header_is_caught_while_counting(tmp_path, monkeypatch):
    """When the header's sizes do not give it away, the count while decompressing does, after 1 MiB."""
    import ingest.iwmo.archive as archive_module

    path = tmp_path / "bom.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nullen.xml", bytes(4 * MiB))
    monkeypatch.setattr(archive_module, "declared_ratio_over", lambda info, ratio: False)
    with pytest.raises(Rejection) as info:
        next(iter_berichten(path, max_expanded_bytes=10**9))
    assert info.value.reden_code == "ZIP_COMPRESSIE_TE_HOOG"


def test_the_ratio_is_configured_by_wmo_zip_max_verhouding(tmp_path):
    """A real archive of messages compresses 3 to 20 times; a lowered limit refuses it, the default does not."""
    berichten = [GOOD.replace(b"DECL2024-07", b"DECL%07d" % i) for i in range(400)]
    path = tmp_path / "veel.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("alles.xml", b"".join(berichten))  # not one message, but over 1 MiB of real XML
    info = zipfile.ZipFile(path).infolist()[0]
    ratio = info.file_size / info.compress_size
    assert info.file_size > MiB and 10 < ratio < 200
    assert len(list(iter_berichten(path, max_expanded_bytes=10**9))) == 1
    with pytest.raises(Rejection) as refused:
        next(iter_berichten(path, max_expanded_bytes=10**9, max_ratio=int(ratio) - 1))
    assert refused.value.reden_code == "ZIP_COMPRESSIE_TE_HOOG"


def test_a_member_over_the_message_cap_is_quarantined_alone_and_not_expanded(tmp_path, monkeypatch):
    """A message in a zip is a message: over WMO_BERICHT_MAX_BYTES it is quarantined under its member name while the
    other members load; it is refused by its declared size without being decompressed."""
    import ingest.zipsize as zipsize

    head, tail = _declaratie(0, b"DECL2024-99")
    groot = head + b"".join(PRESTATIE.replace(b"R2024070001", b"R%09d" % i) for i in range(300)) + tail
    landing = tmp_path / "landing"
    (landing / "berichten").mkdir(parents=True)
    with zipfile.ZipFile(landing / "berichten" / "lever.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a/goed.xml", GOOD)
        archive.writestr("a/groot.xml", groot)
    counted = []
    real_count = zipsize.count_member
    monkeypatch.setattr(
        "ingest.iwmo.archive.count_member",
        lambda archive, info, *args: counted.append(info.filename) or real_count(archive, info, *args),
    )
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_all(con)
        loader = new_loader(con, limits=Limits(bericht_max_bytes=len(groot) - 1), workers=1)
        loader.load_family("berichten", loader.new_files(scan(landing)))
        assert con.execute("SELECT pad, status FROM audit.bestanden").fetchall() == [
            ("berichten/lever.zip", "geladen")
        ]
        [(locatie, code, melding)] = con.execute(
            "SELECT locatie, reden_code, melding FROM audit.quarantaine"
        ).fetchall()
        assert con.execute("SELECT locatie FROM raw.iwmo_berichten").fetchall() == [
            ("berichten/lever.zip!a/goed.xml",)
        ]
    assert (locatie, code) == ("berichten/lever.zip!a/groot.xml", "BERICHT_TE_GROOT")
    assert f"Het bericht is {len(groot):,} bytes groot".replace(",", ".") in melding
    assert counted == ["a/goed.xml"]


def test_a_nested_zip_is_not_opened_and_the_other_members_load(tmp_path):
    inner = tmp_path / "binnen.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("verstopt.xml", GOOD.replace(b"DECL2024-07", b"DECL2024-08"))
    landing = tmp_path / "landing"
    (landing / "berichten").mkdir(parents=True)
    with zipfile.ZipFile(landing / "berichten" / "buiten.zip", "w") as archive:
        archive.writestr("goed.xml", GOOD)
        archive.write(inner, "map/binnen.zip")
    statussen, quarantaine, geladen = _load(tmp_path, landing)
    assert statussen == {"berichten/buiten.zip": "geladen"}
    assert [code for _, code, _ in quarantaine] == ["BESTANDSTYPE_ONBEKEND"]
    assert "'binnen.zip' is geen .xml-bestand" in quarantaine[0][2]
    assert geladen == [("berichten/buiten.zip!goed.xml",)]


def test_records_repeated_within_one_message_load_with_a_warning(tmp_path):
    """The spec is silent; a prestatie declared twice is the RM05 signal, so the copies load as sent, and the
    message gets a RECORDS_HERHAALD warning in audit.waarschuwingen, which `wmo-monitor status` and the run
    summary show."""
    head, tail = _declaratie(0, b"DECL2024-77")
    herhaald = head + PRESTATIE * 5 + tail
    landing = _landing(tmp_path, {"herhaald.xml": herhaald})
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        create_all(con)
        loader = load(con, landing)
        assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == [(2 + 5,)]
        rows = con.execute(
            "SELECT pad, locatie, code, melding, bericht_id FROM audit.waarschuwingen"
        ).fetchall()
        assert con.execute("SELECT count(*) FROM audit.quarantaine").fetchall() == [(0,)]
    [(pad, locatie, code, melding, bericht_id)] = rows
    assert (pad, locatie, code) == ("berichten/herhaald.xml", "berichten/herhaald.xml", "RECORDS_HERHAALD")
    assert "(4 prestaties extra)" in melding and "geladen zoals ze zijn aangeleverd" in melding
    assert bericht_id == "484:12345678:DECL2024-77:2024-08-05"
    assert loader.summary.family("berichten").waarschuwingen == 1


def test_warnings_show_in_status(tmp_path):
    from runtime import config
    from wmo_monitor.status import status_report

    head, tail = _declaratie(0, b"DECL2024-77")
    landing = _landing(tmp_path, {"herhaald.xml": head + PRESTATIE * 3 + tail})
    settings = config.Settings(warehouse=tmp_path / "w.duckdb")
    with duckdb.connect(str(settings.work_db)) as con:
        create_all(con)
        load(con, landing)
    report = status_report(settings)
    assert "Waarschuwingen per code (geladen, maar controleren):" in report
    assert "RECORDS_HERHAALD  berichten  1" in report


def test_a_plain_message_over_the_cap_comes_as_a_rejection_from_iter_berichten(tmp_path):
    path = tmp_path / "groot.xml"
    path.write_bytes(GOOD)
    [(locatie, refused)] = iter_berichten(path, max_expanded_bytes=10**9, max_member_bytes=len(GOOD) - 1)
    assert locatie == str(path) and isinstance(refused, Rejection)
    assert refused.reden_code == "BERICHT_TE_GROOT"
    assert list(iter_berichten(path, max_expanded_bytes=10**9, max_member_bytes=len(GOOD))) == [
        (str(path), GOOD)
    ]
