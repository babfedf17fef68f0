"""BerichtLezer: a loaded message is read back only from the very file it was loaded from."""

from __future__ import annotations

import hashlib
import zipfile

from ingest.iwmo.teruglezen import BerichtLezer


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_plain_files_and_members_are_read_back_while_their_file_is_unchanged(tmp_path):
    berichten = tmp_path / "berichten"
    berichten.mkdir()
    (berichten / "a.xml").write_bytes(b"<a/>")
    with zipfile.ZipFile(berichten / "b.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("map/c.xml", b"<c>" + b"x" * 500 + b"</c>")
    lezer = BerichtLezer(tmp_path, max_bytes=1000)
    assert lezer.lees("berichten/a.xml", sha(berichten / "a.xml")) == b"<a/>"
    assert lezer.lees("berichten/b.zip!map/c.xml", sha(berichten / "b.zip")).startswith(b"<c>xxx")
    assert lezer.lees("berichten/b.zip!map/weg.xml", sha(berichten / "b.zip")) is None  # no such member
    assert lezer.lees("berichten/a.xml", "0" * 64) is None  # the file has other content now
    assert lezer.lees("berichten/weg.xml", "0" * 64) is None  # gone
    lezer.close()
    assert (
        BerichtLezer(tmp_path, max_bytes=100).lees("berichten/b.zip!map/c.xml", sha(berichten / "b.zip"))
        is None
    )
