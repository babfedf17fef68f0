"""iter_berichten: plain files, good zips at any depth, and every unsafe-archive rejection (built in tmp_path)."""

from __future__ import annotations

import os
import zipfile

import pytest
from iwmo_testdata import fixture_path

from ingest.iwmo import iter_berichten
from ingest.model import Rejection
from runtime.config import Limits

GOOD = fixture_path("WMO323_basis.xml").read_bytes()
LIMIT = 10_000_000
LIMITS = Limits(zip_max_bytes=LIMIT)


def _zip(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_plain_xml_is_yielded_once(tmp_path):
    path = tmp_path / "bericht.xml"
    path.write_bytes(GOOD)
    assert list(iter_berichten(path, max_expanded_bytes=LIMIT)) == [(str(path), GOOD)]


def test_good_zip_with_nested_folders(tmp_path, parse):
    path = _zip(
        tmp_path / "lever.zip",
        {
            "a.xml": GOOD,
            "2024/07/b.xml": GOOD,
            "2024/07/diep/c.XML": GOOD,
            "2024/": b"",
            "__MACOSX/._a.xml": b"x",
        },
    )
    items = list(iter_berichten(path, max_expanded_bytes=LIMIT))
    assert [locatie for locatie, _ in items] == [
        f"{path}!a.xml",
        f"{path}!2024/07/b.xml",
        f"{path}!2024/07/diep/c.XML",
    ]
    for locatie, data in items:
        assert data == GOOD
        parsed = parse(data, locatie=locatie)
        assert parsed.tables["iwmo_berichten"][0]["locatie"] == locatie


def test_zip_with_good_and_bad_member(tmp_path, parse):
    bad = fixture_path("fout_bsn_elfproef.xml").read_bytes()
    path = _zip(tmp_path / "gemengd.zip", {"goed.xml": GOOD, "map/fout.xml": bad, "leesmij.txt": b"hallo"})
    outcomes = {}
    for locatie, data in iter_berichten(path, max_expanded_bytes=LIMIT):
        try:
            parsed = parse(data, locatie=locatie)
            outcomes[locatie] = len(parsed.tables["iwmo_323_prestaties"])
        except Rejection as exc:
            outcomes[locatie] = (exc.reden_code, exc.locatie)
    assert outcomes == {
        f"{path}!goed.xml": 2,
        f"{path}!map/fout.xml": ("BSN_ONGELDIG", f"{path}!map/fout.xml"),
        f"{path}!leesmij.txt": ("BESTANDSTYPE_ONBEKEND", f"{path}!leesmij.txt"),
    }


def _reject(path, limit=LIMIT) -> Rejection:
    generator = iter_berichten(path, max_expanded_bytes=limit)
    with pytest.raises(Rejection) as info:
        next(generator)  # nothing is yielded before the whole archive is checked
    assert info.value.locatie == str(path)
    return info.value


def test_corrupt_zip(tmp_path):
    path = tmp_path / "kapot.zip"
    path.write_bytes(b"PK\x03\x04 dit is geen zip")
    assert _reject(path).reden_code == "ZIP_CORRUPT"


def test_truncated_zip(tmp_path):
    good = _zip(tmp_path / "goed.zip", {"a.xml": GOOD * 5})
    path = tmp_path / "afgekapt.zip"
    path.write_bytes(good.read_bytes()[:-40])
    assert _reject(path).reden_code == "ZIP_CORRUPT"


def test_crc_error_is_corrupt(tmp_path):
    path = _zip(tmp_path / "crc.zip", {"a.xml": GOOD}, compression=zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    offset = raw.index(b"<d:Bericht")
    raw[offset + 1] ^= 0x01  # flip one data bit: CRC no longer matches
    path.write_bytes(bytes(raw))
    assert _reject(path).reden_code == "ZIP_CORRUPT"


def test_encrypted_flag(tmp_path):
    path = _zip(tmp_path / "geheim.zip", {"a.xml": GOOD})
    raw = bytearray(path.read_bytes())
    # set bit 0 (encrypted) of the general purpose flags: local header offset 6, central directory offset 8
    raw[6] |= 0x01
    central = raw.index(b"PK\x01\x02")
    raw[central + 8] |= 0x01
    path.write_bytes(bytes(raw))
    assert _reject(path).reden_code == "ZIP_VERSLEUTELD"


@pytest.mark.parametrize(
    "name",
    [
        "../buiten.xml",
        "map/../../buiten.xml",
        "/etc/bericht.xml",
        "C:/temp/a.xml",
        "..\\buiten.xml",
        "map\\..\\..\\x.xml",
    ],
)
def test_path_traversal(tmp_path, name):
    path = _zip(tmp_path / "pad.zip", {"goed.xml": GOOD, name: GOOD})
    assert _reject(path).reden_code == "ZIP_PAD_ONVEILIG"


def test_symbolic_link_member(tmp_path):
    import stat

    path = tmp_path / "koppeling.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("goed.xml", GOOD)
        link = zipfile.ZipInfo("bericht.xml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    rejection = _reject(path)
    assert rejection.reden_code == "ZIP_PAD_ONVEILIG"
    assert "symbolische koppeling 'bericht.xml'" in rejection.melding


def test_aes_encrypted_member(tmp_path):
    """WinZip AES marks a member with compression method 99 and leaves the classic encryption bit alone in some
    tools: refused as encrypted, not as corrupt or unsupported."""
    path = _zip(tmp_path / "aes.zip", {"a.xml": GOOD})
    raw = bytearray(path.read_bytes())
    raw[8:10] = (99).to_bytes(2, "little")  # local header: compression method
    central = raw.index(b"PK\x01\x02")
    raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(raw))
    assert _reject(path).reden_code == "ZIP_VERSLEUTELD"


def test_bomb_by_declared_size(tmp_path):
    path = _zip(tmp_path / "groot.zip", {"a.xml": b" " * 50_000})
    assert _reject(path, limit=10_000).reden_code == "ZIP_TE_GROOT"


def test_bomb_by_actual_expansion_with_lying_header(tmp_path):
    path = _zip(tmp_path / "bom.zip", {"a.xml": b"0" * 2_000_000})
    raw = bytearray(path.read_bytes())
    # rewrite the declared uncompressed size (local header offset 22, central directory entry offset 24) to 100
    raw[22:26] = (100).to_bytes(4, "little")
    central = raw.index(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    # zipfile stops at the declared 100 bytes and then fails the CRC: the archive is refused as a whole
    assert _reject(path, limit=1_000_000).reden_code == "ZIP_CORRUPT"


def test_bomb_caught_by_streamed_count_when_header_check_is_fooled(tmp_path, monkeypatch):
    import ingest.iwmo.archive as archive

    path = _zip(tmp_path / "bom2.zip", {"a.xml": b"0" * 300_000, "b.xml": b"0" * 300_000})
    monkeypatch.setattr(archive, "_gedeclareerd", lambda infos: 0)  # pretend the header claims nothing
    assert _reject(path, limit=500_000).reden_code == "ZIP_TE_GROOT"


def test_bomb_by_actual_expansion_many_members(tmp_path):
    members = {f"m{i}.xml": b"1" * 4_000 for i in range(10)}
    path = _zip(tmp_path / "veel.zip", members)
    # declared total 40,000 > 30,000: caught before decompression; with exactly the limit it passes
    assert _reject(path, limit=30_000).reden_code == "ZIP_TE_GROOT"
    assert len(list(iter_berichten(path, max_expanded_bytes=40_000))) == 10


def _load_landing(tmp_path, name: str, limits: Limits = LIMITS):
    """Load tmp_path/landing into a new warehouse tmp_path/<name>.duckdb through the real Loader; the connection is
    returned open."""
    from datetime import datetime

    import duckdb

    from ingest.landing import scan
    from ingest.loader import Loader
    from ingest.pseudonymise import Pseudonymiser
    from ingest.raw_schema import create_all

    con = duckdb.connect(str(tmp_path / f"{name}.duckdb"))
    create_all(con)
    loader = Loader(
        con,
        pseudonymiser=Pseudonymiser("k"),
        run_id=name,
        now=datetime(2024, 1, 1),
        limits=limits,
        workers=1,
    )
    loader.load_family("berichten", loader.new_files(scan(tmp_path / "landing")))
    return con


def test_a_bad_member_is_quarantined_under_its_member_name_while_the_good_members_load(tmp_path):
    """inputs.md: the zip is one file in audit.bestanden; a bad member is quarantined with the member's name as
    its location while the good members load."""
    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    bad = fixture_path("fout_bsn_elfproef.xml").read_bytes()
    _zip(berichten / "mix.zip", {"in/goed.xml": GOOD, "in/fout.xml": bad, "leesmij.txt": b"hallo"})
    with _load_landing(tmp_path, "mix") as con:
        assert con.execute("SELECT pad, status, aantal_records FROM audit.bestanden").fetchall() == [
            ("berichten/mix.zip", "geladen", 1)  # for message files: the messages loaded
        ]
        assert con.execute(
            "SELECT pad, locatie, reden_code FROM audit.quarantaine ORDER BY locatie"
        ).fetchall() == [
            ("berichten/mix.zip", "berichten/mix.zip!in/fout.xml", "BSN_ONGELDIG"),
            ("berichten/mix.zip", "berichten/mix.zip!leesmij.txt", "BESTANDSTYPE_ONBEKEND"),
        ]
        assert con.execute("SELECT locatie FROM raw.iwmo_berichten").fetchall() == [
            ("berichten/mix.zip!in/goed.xml",)
        ]
        assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == [(2,)]


def test_zip_limit_is_configured_by_wmo_zip_max_bytes(tmp_path):
    """inputs.md: "a configured size limit". WMO_ZIP_MAX_BYTES lowers it; the same archive then goes to quarantine."""
    from runtime import config

    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    _zip(berichten / "levering.zip", {"a.xml": GOOD, "b/c.xml": GOOD.replace(b"DECL2024-07", b"DECL2024-08")})
    expanded = 2 * len(GOOD)

    def load(settings: config.Settings, name: str) -> list[tuple]:
        with _load_landing(tmp_path, name, settings.limits) as con:
            status = con.execute("SELECT status FROM audit.bestanden").fetchall()
            redenen = con.execute("SELECT locatie, reden_code FROM audit.quarantaine").fetchall()
            return status + redenen

    default = config.from_env({})
    assert default.zip_max_bytes == config.DEFAULT_ZIP_MAX_BYTES == 2 * 1024**3
    assert load(default, "standaard") == [("geladen",)]

    small = config.from_env({"WMO_ZIP_MAX_BYTES": str(expanded - 1)})
    assert small.zip_max_bytes == expanded - 1
    assert load(small, "klein") == [("quarantaine",), ("berichten/levering.zip", "ZIP_TE_GROOT")]

    for wrong in ("-1", "0", "2GB", "1.5"):
        with pytest.raises(config.ConfigError, match="WMO_ZIP_MAX_BYTES"):
            config.from_env({"WMO_ZIP_MAX_BYTES": wrong})


@pytest.mark.parametrize(
    "members",
    [{"map/": b""}, {"__MACOSX/._a.xml": b"\x00\x05\x16\x07", "._b.xml": b"\x00"}, {}],
    ids=["only-a-folder", "only-macos-metadata", "no-members"],
)
def test_an_archive_without_members_is_refused_as_empty_while_the_next_file_loads(tmp_path, members):
    """Nothing is silently dropped: an archive with nothing to load is in quarantine with a reason the sender
    can act on, not only as a file without records."""
    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    _zip(berichten / "leeg.zip", members)
    (berichten / "goed.xml").write_bytes(GOOD)
    assert _reject(berichten / "leeg.zip").reden_code == "ZIP_LEEG"
    with _load_landing(tmp_path, "leeg") as con:
        assert con.execute("SELECT pad, status FROM audit.bestanden ORDER BY pad").fetchall() == [
            ("berichten/goed.xml", "geladen"),
            ("berichten/leeg.zip", "quarantaine"),
        ]
        [(locatie, reden, melding)] = con.execute(
            "SELECT locatie, reden_code, melding FROM audit.quarantaine"
        ).fetchall()
        assert (locatie, reden) == ("berichten/leeg.zip", "ZIP_LEEG")
        assert "geen bestanden" in melding and "opnieuw aan" in melding
        assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == [(2,)]


def test_a_message_of_an_archive_refused_halfway_still_loads_from_a_later_copy(tmp_path, monkeypatch):
    """A bug while reading the second member refuses the whole archive (INTERNE_FOUT), so its first member is not
    loaded; a later plain copy of that member in the same run is then new, not a duplicate of something that was
    never written."""
    import ingest.iwmo.files as iwmo_files

    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    other = GOOD.replace(b"DECL2024-07", b"DECL2024-08")
    _zip(berichten / "a.zip", {"m1.xml": GOOD, "m2.xml": other})
    (berichten / "b.xml").write_bytes(GOOD)
    os.utime(berichten / "a.zip", (1_700_000_000, 1_700_000_000))  # delivered first
    os.utime(berichten / "b.xml", (1_700_000_100, 1_700_000_100))
    real_parse = iwmo_files.parse_message

    def buggy(data, *, locatie, **kwargs):
        if locatie.endswith("!m2.xml"):
            raise KeyError("DeclaratieNummer")
        return real_parse(data, locatie=locatie, **kwargs)

    monkeypatch.setattr(iwmo_files, "parse_message", buggy)
    with _load_landing(tmp_path, "half") as con:
        assert con.execute("SELECT pad, status FROM audit.bestanden ORDER BY pad").fetchall() == [
            ("berichten/a.zip", "quarantaine"),
            ("berichten/b.xml", "geladen"),
        ]
        assert con.execute("SELECT locatie, reden_code FROM audit.quarantaine").fetchall() == [
            ("berichten/a.zip", "INTERNE_FOUT")
        ]
        assert con.execute("SELECT locatie FROM raw.iwmo_berichten").fetchall() == [("berichten/b.xml",)]
        assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == [(2,)]
