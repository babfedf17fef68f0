"""Reading landing files: one .xml file, or every member of a .zip archive, without extracting anything to disk.

A zip is checked as a whole before anything is yielded (inputs.md: an unsafe archive loads nothing):
  ZIP_CORRUPT        not a readable zip, unsupported compression, CRC error, truncated data
  ZIP_VERSLEUTELD    any member with the encryption flag (bit 0) set, or AES (method 99)
  ZIP_PAD_ONVEILIG   a member name that is absolute, has a drive letter, contains '..' or NUL, or is a symlink
  ZIP_TE_GROOT       declared uncompressed sizes over the limit, or actual decompressed bytes over the limit
                     (streamed in chunks and counted, so a lying header cannot blow up memory; Python's
                     zipfile also stops at the declared size and then fails the CRC -> ZIP_CORRUPT)
  ZIP_COMPRESSIE_TE_HOOG  a member (over 1 MiB) that expands to more than `max_ratio` times its compressed size,
                     declared or counted: a zip bomb, refused before it has cost the whole limit in time
  ZIP_LEEG           no member left once folders and macOS metadata are skipped: without it such an archive would
                     end in quarantine with no reason, and the sender would not learn that nothing arrived
Then every non-directory member is yielded as (f"{path}!{member}", bytes), in archive order, at any folder depth,
and read no further than `max_member_bytes` + 1: a member over that cap (one message, BERICHT_TE_GROOT) comes as a
`Rejection` in place of its bytes, so the caller quarantines that member and the others still load. Memory is
bounded by one member, whatever the archive's size.
Members that are not *.xml are yielded too; `parse_message` rejects them with BESTANDSTYPE_ONBEKEND so they show
up in quarantine instead of disappearing. macOS metadata (`__MACOSX/`, `._*`) is skipped: it is not content.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ingest.landing import read_path_capped
from ingest.model import Rejection
from ingest.zipsize import count_member, declared_ratio_over
from runtime.config import DEFAULT_BERICHT_MAX_BYTES, DEFAULT_ZIP_MAX_VERHOUDING


def iter_berichten(
    path: Path,
    *,
    max_expanded_bytes: int,
    max_member_bytes: int = DEFAULT_BERICHT_MAX_BYTES,
    max_ratio: int = DEFAULT_ZIP_MAX_VERHOUDING,
) -> Iterator[tuple[str, bytes | Rejection]]:
    path = Path(path)
    if path.suffix.lower() != ".zip":
        data = read_path_capped(path, max_member_bytes)
        yield str(path), bericht_te_groot(max_member_bytes) if data is None else data
        return
    locatie = str(path)
    members, te_groot = _controleer_zip(path, max_expanded_bytes, max_member_bytes, max_ratio, locatie)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in members:
                naam = f"{path}!{info.filename}"
                if info.filename in te_groot:
                    yield naam, bericht_te_groot(max_member_bytes, te_groot[info.filename])
                    continue
                with archive.open(info) as handle:
                    data = handle.read(max_member_bytes + 1)
                # over the cap only when the archive changed since the check: then this member is refused too
                yield naam, bericht_te_groot(max_member_bytes) if len(data) > max_member_bytes else data
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise _corrupt(locatie, exc) from None


def bericht_te_groot(limit: int, size: int | None = None) -> Rejection:
    """BERICHT_TE_GROOT: one message over WMO_BERICHT_MAX_BYTES, refused before it is read (or expanded) whole."""
    wat = f"is {_aantal(size)} bytes groot" if size is not None else f"is groter dan {_aantal(limit)} bytes"
    return Rejection(
        "BERICHT_TE_GROOT",
        f"Het bericht {wat}; de grens is {_aantal(limit)} bytes (WMO_BERICHT_MAX_BYTES). Zo'n groot bericht wordt "
        "niet ingelezen, omdat het te veel geheugen kost. Laat de afzender het in kleinere berichten opsplitsen, of "
        "verhoog de grens als berichten van deze grootte normaal zijn.",
    )


def _aantal(n: int) -> str:
    """A number as Dutch text shows it: 33.554.432."""
    return f"{n:,}".replace(",", ".")


def _is_metadata(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("._"))


def _onveilig(name: str) -> bool:
    normal = name.replace("\\", "/")
    if "\x00" in normal or normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return any(part == ".." for part in normal.split("/"))


def _controleer_zip(
    path: Path, limit: int, member_limit: int, ratio: int, locatie: str
) -> tuple[list[zipfile.ZipInfo], dict[str, int | None]]:
    """The members to yield, and those over `member_limit` (name -> size, None when only the count knows it)."""
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
        bomb = next((info for info in infos if declared_ratio_over(info, ratio)), None)
        if bomb is not None:
            raise _compressie(locatie, bomb, ratio)
        members = [i for i in infos if not i.is_dir() and not _is_metadata(i.filename)]
        if not members:
            raise Rejection(
                "ZIP_LEEG",
                "Het archief bevat geen bestanden (alleen mappen of macOS-metadata); er is niets geladen. Lever het "
                "archief opnieuw aan met de iWmo-berichten (.xml) erin.",
                locatie,
            )
        te_groot: dict[str, int | None] = {
            info.filename: info.file_size for info in members if info.file_size > member_limit
        }
        total = 0
        try:
            for info in members:
                if info.filename in te_groot:  # not expanded at all: it is refused by its declared size
                    continue
                counted, over_ratio = count_member(archive, info, min(member_limit, limit - total), ratio)
                total += counted
                if over_ratio:
                    raise _compressie(locatie, info, ratio)
                if total > limit:
                    raise _te_groot(locatie, limit)
                if counted > member_limit:  # the header said less: counting stopped at the cap
                    te_groot[info.filename] = None
        except Rejection:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise _corrupt(locatie, exc) from None
    return members, te_groot


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


def _compressie(locatie: str, info: zipfile.ZipInfo, ratio: int) -> Rejection:
    return Rejection(
        "ZIP_COMPRESSIE_TE_HOOG",
        f"Het archieflid '{info.filename[:100]}' pakt uit tot meer dan {ratio} keer zijn ingepakte grootte "
        f"({_aantal(info.compress_size)} bytes ingepakt; grens WMO_ZIP_MAX_VERHOUDING); mogelijk een zip-bom, daarom "
        "wordt niets uit dit archief geladen. iWmo-berichten worden hooguit enkele tientallen keren kleiner; lever "
        "het archief opnieuw aan met de berichten zelf.",
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
