"""Reading landing files: one .xml file, or every member of a .zip archive, without extracting anything to disk.

A zip is checked as a whole before anything is yielded (inputs.md: an unsafe archive loads nothing):
  ZIP_CORRUPT        not a readable zip, unsupported compression, CRC error, truncated data
  ZIP_VERSLEUTELD    any member with the encryption flag (bit 0) set, or AES (method 99)
  ZIP_PAD_ONVEILIG   a member name that is absolute, has a drive letter, contains '..' or NUL, or is a symlink
  ZIP_TE_GROOT       declared uncompressed sizes over the limit, or actual decompressed bytes over the limit
                     (streamed in chunks and counted, so a lying header cannot blow up memory; Python's
                     zipfile also stops at the declared size and then fails the CRC -> ZIP_CORRUPT)
  ZIP_LEEG           no member left once folders and macOS metadata are skipped: without it such an archive would
                     end in quarantine with no reason, and the sender would not learn that nothing arrived
Then every non-directory member is yielded as (f"{path}!{member}", bytes), in archive order, at any folder depth.
Members that are not *.xml are yielded too; `parse_message` rejects them with BESTANDSTYPE_ONBEKEND so they show
up in quarantine instead of disappearing. macOS metadata (`__MACOSX/`, `._*`) is skipped: it is not content.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ingest.model import Rejection

_CHUNK = 1 << 16


def iter_berichten(path: Path, *, max_expanded_bytes: int) -> Iterator[tuple[str, bytes]]:
    path = Path(path)
    if path.suffix.lower() != ".zip":
        yield str(path), path.read_bytes()
        return
    locatie = str(path)
    members = _controleer_zip(path, max_expanded_bytes, locatie)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in members:
                with archive.open(info) as handle:
                    data = handle.read(max_expanded_bytes + 1)
                if len(data) > max_expanded_bytes:  # the file changed since the check
                    raise _te_groot(locatie, max_expanded_bytes)
                yield f"{path}!{info.filename}", data
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise _corrupt(locatie, exc) from None


def _is_metadata(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("._"))


def _onveilig(name: str) -> bool:
    normal = name.replace("\\", "/")
    if "\x00" in normal or normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return any(part == ".." for part in normal.split("/"))


def _controleer_zip(path: Path, limit: int, locatie: str) -> list[zipfile.ZipInfo]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _corrupt(locatie, exc) from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            if _onveilig(info.filename):
                raise Rejection(
                    "ZIP_PAD_ONVEILIG",
                    f"Het archief bevat een onveilige bestandsnaam '{info.filename[:100]}' (absoluut pad of '..'); "
                    "daarom wordt niets uit dit archief geladen. Maak het archief opnieuw met alleen relatieve "
                    "namen binnen de archiefmap.",
                    locatie,
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise Rejection(
                    "ZIP_PAD_ONVEILIG",
                    f"Het archief bevat een symbolische koppeling '{info.filename[:100]}'; daarom wordt niets uit "
                    "dit archief geladen. Maak het archief opnieuw met alleen gewone bestanden.",
                    locatie,
                )
            if info.flag_bits & 0x1 or info.compress_type == 99:
                raise Rejection(
                    "ZIP_VERSLEUTELD",
                    f"Het archief is met een wachtwoord beveiligd (lid '{info.filename[:100]}'); versleutelde "
                    "archieven kunnen niet worden gelezen. Lever het archief zonder wachtwoord aan.",
                    locatie,
                )
        declared = _gedeclareerd(infos)
        if declared > limit:
            raise _te_groot(locatie, limit, declared)
        members = [i for i in infos if not i.is_dir() and not _is_metadata(i.filename)]
        if not members:
            raise Rejection(
                "ZIP_LEEG",
                "Het archief bevat geen bestanden (alleen mappen of macOS-metadata); er is niets geladen. Lever het "
                "archief opnieuw aan met de iWmo-berichten (.xml) erin.",
                locatie,
            )
        total = 0
        try:
            for info in members:
                with archive.open(info) as handle:
                    while chunk := handle.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise _te_groot(locatie, limit)
        except Rejection:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise _corrupt(locatie, exc) from None
    return members


def _gedeclareerd(infos: list[zipfile.ZipInfo]) -> int:
    """Total uncompressed size the archive claims (first line of defence; the streamed count is the second)."""
    return sum(info.file_size for info in infos)


def _corrupt(locatie: str, exc: BaseException) -> Rejection:
    return Rejection(
        "ZIP_CORRUPT",
        f"Het zip-archief is beschadigd of onleesbaar ({type(exc).__name__}: {str(exc)[:120]}); daarom wordt niets "
        "uit dit archief geladen. Lever het archief opnieuw aan.",
        locatie,
    )


def _te_groot(locatie: str, limit: int, declared: int | None = None) -> Rejection:
    wat = f"volgens de kop {declared} bytes" if declared is not None else "meer bytes dan toegestaan"
    return Rejection(
        "ZIP_TE_GROOT",
        f"Het zip-archief pakt uit tot {wat} (grens {limit} bytes); mogelijk een zip-bom, daarom wordt niets uit "
        "dit archief geladen. Lever de berichten in kleinere archieven aan.",
        locatie,
    )
