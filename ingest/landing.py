"""Finding files in the landing zone. The folder a file lies in decides its family; the name decides nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

FAMILIES = ("referentie", "berichten", "klachten", "verantwoording")
"""In load order: reference data first, because workbooks are checked against the result taxonomy."""

ONBEKEND = "onbekend"


@dataclass(frozen=True)
class LandingFile:
    path: Path
    pad: str
    """Path relative to the landing folder, with forward slashes: the file's name in the audit tables."""
    familie: str
    bytes: int
    mtime_ns: int


def family_of(pad: str) -> str:
    top = pad.split("/", 1)[0]
    return top if "/" in pad and top in FAMILIES else ONBEKEND


def scan(landing: Path) -> list[LandingFile]:
    """Every regular file below the landing folder, sorted by modification time, then name.

    That order is the delivery order of inputs.md: a later complaint delivery replaces an earlier one.
    Hidden files (editor swap files, `.DS_Store`) and files still being written by a tool that uses a
    `.part`/`.tmp` suffix are skipped, because they are not deliveries.
    """
    files = []
    for path in landing.rglob("*"):
        rel = path.relative_to(landing).as_posix()
        if any(part.startswith(".") for part in rel.split("/")) or path.suffix in {".part", ".tmp"}:
            continue
        if not path.is_file() or path.is_symlink():
            continue
        stat = path.stat()
        files.append(LandingFile(path, rel, family_of(rel), stat.st_size, stat.st_mtime_ns))
    files.sort(key=lambda f: (f.mtime_ns, f.pad))
    return files


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
