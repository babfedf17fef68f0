"""Finding files in the landing zone. The folder a file lies in decides its family; the name decides nothing."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import NamedTuple

from ingest.gc_pause import paused_gc

FAMILIES = ("referentie", "berichten", "klachten", "verantwoording")
"""In load order: reference data first, because workbooks are checked against the result taxonomy."""

ONBEKEND = "onbekend"


class LandingFile(NamedTuple):
    """One file found in the landing folder. A named tuple, because a scan makes one per file (50,000 and more)."""

    bestand: str
    """The file's path on disk, as `os.scandir` gives it."""
    pad: str
    """Path relative to the landing folder, with forward slashes: the file's name in the audit tables."""
    familie: str
    bytes: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.bestand)

    @property
    def landing(self) -> Path:
        """The landing folder the file was found in: its path on disk without `pad`."""
        return self.path.parents[self.pad.count("/")]


def scan(landing: Path) -> list[LandingFile]:
    """Every regular file below the landing folder, sorted by modification time, then name.

    That order is the delivery order of inputs.md: a later complaint delivery replaces an earlier one.
    Hidden files (editor swap files, `.DS_Store`) and files still being written by a tool that uses a
    `.part`/`.tmp` suffix are skipped, because they are not deliveries. Symbolic links are not followed.
    """
    files: list[LandingFile] = []
    with paused_gc():
        _walk(os.fspath(landing), "", ONBEKEND, files)
        # "then name" (inputs.md): the file's own name, so a sub-folder does not decide which of two deliveries
        # with the same mtime is the later one; the path only breaks a tie of equal names
        files.sort(key=lambda f: (f.mtime_ns, f.pad.rpartition("/")[2], f.pad))
    return files


def _walk(folder: str, prefix: str, familie: str, files: list[LandingFile]) -> None:
    """`os.scandir` instead of `Path.rglob` + `stat()`: the directory entry already says what it is and carries its
    path, so a regular file costs one `lstat` (for size and mtime) and no Path object. The family is that of the
    top folder (`onbekend` for the landing folder itself and for any other top folder), so it is decided per
    folder, not per file."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                sub = familie if prefix else (name if name in FAMILIES else ONBEKEND)
                _walk(entry.path, f"{prefix}{name}/", sub, files)
                continue
            if name.endswith((".part", ".tmp")):  # = Path(name).suffix, as the name is not hidden
                continue
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue  # symbolic links, sockets, devices
            files.append(LandingFile(entry.path, prefix + name, familie, info.st_size, info.st_mtime_ns))


def sha256_of(path: Path) -> str:
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return sha256_of_fd(fd)
    finally:
        os.close(fd)


def sha256_of_fd(fd: int) -> str:
    """The SHA-256 of the whole open file, read from its start in 1 MiB pieces (memory stays at one piece)."""
    digest = hashlib.sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


def read_path_capped(path: Path | str, max_bytes: int) -> bytes | None:
    """`read_capped` of the file at `path`."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return read_capped(fd, max_bytes)
    finally:
        os.close(fd)


def read_capped(fd: int, max_bytes: int) -> bytes | None:
    """The bytes of the open file, or None when it holds more than `max_bytes`: the size `fstat` gives is checked
    before anything is read, then the bytes are counted, because a file can grow while it is read. One `os.read`
    of that size costs a third of `open(...).read()` for the small files of a landing folder."""
    size = os.fstat(fd).st_size
    if size > max_bytes:
        return None
    data = os.read(fd, size + 1)
    if len(data) <= size:
        return data
    parts, total = [data], len(data)
    while part := os.read(fd, 1 << 20):
        parts.append(part)
        total += len(part)
        if total > max_bytes:
            return None
    return None if total > max_bytes else b"".join(parts)


def leesfout(exc: OSError) -> str:
    """Why a file could not be read, for the run log: 'FileNotFoundError: No such file or directory'."""
    return f"{type(exc).__name__}: {exc.strerror or exc}"
