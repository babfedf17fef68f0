"""Counting what a zip member really expands to, shared by iWmo archives and XLSX workbooks (both are zips).

A member's header declares its uncompressed size, and a zip bomb can lie about it; so the bytes are counted while
decompressing, in chunks, and the count stops just past the cap instead of expanding the member whole.
"""

from __future__ import annotations

import zipfile

CHUNK = 1 << 16
VERHOUDING_VANAF = 1 << 20
"""Below this many expanded bytes a member's compression ratio is not judged: a small file of repeated characters
compresses very well and costs nothing."""


def declared_ratio_over(info: zipfile.ZipInfo, ratio: int) -> bool:
    """Whether the header claims more than `ratio` times the compressed size (for a member over VERHOUDING_VANAF)."""
    return info.file_size > VERHOUDING_VANAF and info.file_size > ratio * max(info.compress_size, 1)


def count_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, stop_after: int, ratio: int
) -> tuple[int, bool]:
    """(decompressed bytes counted, whether the ratio was exceeded), reading no further than `stop_after` + one
    chunk. zipfile checks the CRC once a member is read to its end; a corrupt member raises as zipfile does."""
    counted = 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            counted += len(chunk)
            if counted > VERHOUDING_VANAF and counted > ratio * max(info.compress_size, 1):
                return counted, True
            if counted > stop_after:
                break
    return counted, False
