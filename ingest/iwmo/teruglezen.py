"""Reading loaded messages back from the landing folder, for the rare comparison of two messages that share a
BerichtIdentificatie but not their bytes (`ingest.iwmo.inhoud`).

The product never edits or deletes a landing file (inputs.md), so a loaded message can be read again from where
it was found; its file's SHA-256 in the registry proves it is still the same file. A resent archive can bring
thousands of such messages at once, so a source is verified (hashed) only once: a plain file's bytes are kept
from that one reading, a zip is kept open and its members are read by name from its central directory.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path

from ingest.landing import sha256_of

BRONNEN = 4
"""Verified sources kept open: the new file and the one or two files it repeats."""


class BerichtLezer:
    """`lees(locatie, bestand_sha)`: the bytes of `berichten/a.xml` or `berichten/b.zip!map/c.xml`, provided the
    file still has content `bestand_sha`; None when it is gone, changed or unreadable. Close it when done."""

    def __init__(self, landing: Path, max_bytes: int) -> None:
        self.landing = landing
        self.max_bytes = max_bytes
        self._bronnen: OrderedDict[tuple[str, str], zipfile.ZipFile | bytes | None] = OrderedDict()

    def lees(self, locatie: str, bestand_sha: str) -> bytes | None:
        pad, _, member = locatie.partition("!")
        bron = self._bron(pad, bestand_sha, bool(member))
        if not isinstance(bron, zipfile.ZipFile):
            return bron  # a plain file's bytes, already read to verify them, or None
        try:
            with bron.open(bron.getinfo(member)) as handle:
                data = handle.read(self.max_bytes + 1)
        except (
            KeyError,
            OSError,
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            RuntimeError,
            NotImplementedError,
        ):
            return None
        return data if len(data) <= self.max_bytes else None

    def _bron(self, pad: str, bestand_sha: str, archief: bool) -> zipfile.ZipFile | bytes | None:
        """An open archive, or a plain file's bytes (read once: hashed to verify them, then kept), or None."""
        key = (pad, bestand_sha)
        if key in self._bronnen:
            self._bronnen.move_to_end(key)
            return self._bronnen[key]
        path = self.landing / pad
        bron: zipfile.ZipFile | bytes | None = None
        try:
            if archief:
                if sha256_of(path) == bestand_sha:
                    bron = zipfile.ZipFile(path)
            else:
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == bestand_sha:
                    bron = data
        except (OSError, zipfile.BadZipFile, ValueError, EOFError):
            bron = None
        self._bronnen[key] = bron
        if len(self._bronnen) > BRONNEN:
            _, oudste = self._bronnen.popitem(last=False)
            if isinstance(oudste, zipfile.ZipFile):
                oudste.close()
        return bron

    def close(self) -> None:
        for bron in self._bronnen.values():
            if isinstance(bron, zipfile.ZipFile):
                bron.close()
        self._bronnen.clear()
