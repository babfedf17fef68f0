"""Whole files of berichten/: read once, hash, parse every message and encode its rows, in worker processes.

This is the expensive and pure part of loading iWmo messages, so it is what runs in parallel. Everything that
depends on earlier files (a file whose content was loaded before, a message that was loaded before or conflicts
with one, the volgnummer, the DuckDB writes) stays in the loader's process, which consumes the results in the
original file order: the outcome does not depend on how the work was split or on the number of processes.

    for prepared in prepare_files([(path, pad, sha_or_None), ...], pseudonymiser=..., xsd=..., limits=...):
        ...  # PreparedFile, in input order

Files are prepared in chunks. A chunk returns compact results: per message its identity and row counts, and per
raw table one typed Arrow table (`ingest.writer.arrow_table`) with the rows of all its messages, which the loader
writes to DuckDB as is (or, for the rare chunk where some messages must not be written, a selection of it, see
`Chunk.select`). Small inputs are prepared in-process, because starting processes costs more than it saves.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from ingest.gc_pause import paused_gc
from ingest.iwmo.archive import bericht_te_groot, iter_berichten
from ingest.iwmo.message import parse_message
from ingest.iwmo.xsd import XsdValidator
from ingest.landing import leesfout, read_capped, read_path_capped, sha256_of, sha256_of_fd
from ingest.model import QuarantineItem, Rejection, Waarschuwing
from ingest.writer import arrow_table, convert_once
from runtime.config import Limits
from runtime.cores import available_cores

PARALLEL_MIN_FILES = 200
"""Below this many files, preparing in-process is faster than starting worker processes."""
CHUNK_FILES = 1000
"""Files per task: large enough to make the per-task cost negligible, small enough to balance the workers.
Every chunk costs per raw table an Arrow conversion per column, an IPC stream and, in the loader, a register and an
INSERT; with 250 files a region-year's ingest used 11 % more CPU than with 750 to 1500 (2026-12-02, interleaved
runs: 39.8 and 40.7 CPU-s against 35.2 to 36.4)."""
AHEAD_CHUNKS = 16
"""Tasks handed out before their results are consumed: enough to keep the workers parsing while the loader
writes a batch to DuckDB, few enough to bound memory (a chunk's result is one to two MB)."""
PSEUDONIEM_CACHE = 1 << 16
"""Pseudonyms kept per process: a client appears in many messages, and the HMAC is the costly part."""

Item = tuple[str, str, str | None]
"""(path, pad, sha256 or None when not hashed yet) of one landing file."""


class PreparedMessage(NamedTuple):
    """One message of a file: parsed (its rows are in the chunk), or refused (`quarantaine` set, no rows)."""

    nummer: int  # position of the message in its chunk
    locatie: str  # the file's pad, or pad!member for a zip member
    bericht_id: str | None
    inhoud_sha256: str | None
    records: int  # rows over all tables, the iwmo_berichten row included
    quarantaine: QuarantineItem | None
    waarschuwing: Waarschuwing | None = None  # RECORDS_HERHAALD of a parsed message


class PreparedFile(NamedTuple):
    """A file's SHA-256, its messages in order and, when reading stopped early, why (after those messages)."""

    sha256: str
    berichten: list[PreparedMessage]
    fout: QuarantineItem | None  # a refused archive, or an internal error (then `traceback` is set)
    traceback: str | None
    chunk: Chunk
    onleesbaar: str | None = None
    """Why the file could not be read at all (it vanished after the scan, no permission); `sha256` is then ''."""


class Chunk:
    """The rows of all messages of a chunk of files, per raw table, as typed Arrow tables."""

    __slots__ = ("aantallen", "berichten", "tabellen")

    def __init__(self) -> None:
        self.tabellen: dict[str, pa.Table] = {}  # table -> rows of all messages, messages in order
        self.aantallen: dict[str, list[int]] = {}  # table -> rows per message (by `PreparedMessage.nummer`)
        self.berichten = 0  # messages, refused ones included

    def __getstate__(self) -> tuple:
        """A chunk crosses from a worker to the loader as one Arrow IPC stream per table: pickling a table
        pickles each of its columns separately, which cost ten times as much for the many narrow tables here."""
        return self.aantallen, self.berichten, {name: _to_ipc(table) for name, table in self.tabellen.items()}

    def __setstate__(self, state: tuple) -> None:
        self.aantallen, self.berichten, streams = state
        self.tabellen = {name: pa.ipc.open_stream(stream).read_all() for name, stream in streams.items()}

    def select(self, nummers: list[int]) -> dict[str, pa.Table]:
        """Per table the rows of the messages `nummers` (ascending) only.

        Usually those are all messages with rows, and the table is used as is. Otherwise (a duplicate or
        conflicting message, a refused archive, a chunk split over two write batches) its rows are taken."""
        if len(nummers) == self.berichten:  # every message of the chunk: the tables as they are
            return dict(self.tabellen)
        selected = {}
        wanted = set(nummers)
        for table, rows in self.tabellen.items():
            counts = self.aantallen[table]
            if all(count == 0 or nummer in wanted for nummer, count in enumerate(counts)):
                selected[table] = rows
                continue
            starts = [0]
            for count in counts:
                starts.append(starts[-1] + count)
            indices = [row for nummer in nummers for row in range(starts[nummer], starts[nummer + 1])]
            if indices:
                selected[table] = rows.take(indices)
        return selected


def _to_ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as stream:
        stream.write_table(table)
    return sink.getvalue().to_pybytes()


class _Settings(NamedTuple):
    pseudonymiser: Callable[[str], str]
    xsd: XsdValidator | None
    limits: Limits


def prepare_files(
    items: Sequence[Item],
    *,
    pseudonymiser: Callable[[str], str],
    xsd: XsdValidator | None,
    limits: Limits,
    workers: int | None = None,
) -> Iterator[PreparedFile]:
    """A `PreparedFile` per item, in input order. `workers=None` chooses: in-process for small inputs or where
    processes cannot be forked, else one process per available core."""
    settings = _Settings(lru_cache(maxsize=PSEUDONIEM_CACHE)(pseudonymiser), xsd, limits)
    if workers is None:
        workers = _default_workers(len(items))
    if workers <= 1 or not _can_fork():
        for start in range(0, len(items), CHUNK_FILES):
            yield from prepare_chunk(items[start : start + CHUNK_FILES], settings)
        return
    yield from _in_workers(items, settings, workers)


def prepare_chunk(items: Sequence[Item], settings: _Settings) -> list[PreparedFile]:
    """Prepare the files, then turn the rows of all their messages into one Arrow table per raw table."""
    chunk = Chunk()
    rows: dict[str, list[dict]] = {}
    descriptors = _read_ahead([path for path, _, _ in items])
    try:
        with paused_gc():
            prepared = [
                prepare_file(*item, settings, chunk, rows, fd)
                for item, fd in zip(items, descriptors, strict=True)
            ]
    finally:
        for fd in descriptors:
            if fd is not None:
                os.close(fd)
    for table, table_rows in rows.items():
        chunk.tabellen[table] = arrow_table(table, table_rows)
        chunk.aantallen[table] += [0] * (chunk.berichten - len(chunk.aantallen[table]))
    return prepared


def prepare_file(
    path: str,
    pad: str,
    sha256: str | None,
    settings: _Settings,
    chunk: Chunk,
    rows: dict[str, list[dict]],
    fd: int | None = None,
) -> PreparedFile:
    """Read the file once (from `fd` when the caller opened it); hash those bytes unless the registry already
    did; parse every message, adding its rows to `rows` and their counts to `chunk`.

    What is not parsed from memory is not read into it: a zip is hashed in pieces and its members are read one by
    one, and a plain message over the cap (WMO_BERICHT_MAX_BYTES, known from its size on disk) is hashed in
    pieces and refused unread."""
    limits = settings.limits
    archive = _is_zip(path)
    try:
        data = _read(path, fd, None if archive else limits.bericht_max_bytes)
    except OSError as exc:
        return PreparedFile("", [], None, None, chunk, leesfout(exc))
    hashed_here = sha256 is None
    berichten: list[PreparedMessage] = []
    if data is None:  # a zip, or a message over the cap
        if hashed_here:
            try:
                sha256 = _sha256(path, fd)
            except OSError as exc:
                return PreparedFile("", [], None, None, chunk, leesfout(exc))
        if not archive:
            berichten.append(_refused_message(bericht_te_groot(limits.bericht_max_bytes), pad, chunk))
            return PreparedFile(sha256, berichten, None, None, chunk)
    elif hashed_here:
        sha256 = hashlib.sha256(data).hexdigest()
    try:
        if archive:
            zip_path = Path(path)
            for locatie, member_data in iter_berichten(
                zip_path,
                max_expanded_bytes=limits.zip_max_bytes,
                max_member_bytes=limits.bericht_max_bytes,
                max_ratio=limits.zip_max_verhouding,
            ):
                member = locatie.replace(str(zip_path), pad, 1)
                berichten.append(
                    _refused_message(member_data, member, chunk)
                    if isinstance(member_data, Rejection)
                    else _prepare_message(member_data, member, sha256, None, settings, chunk, rows)
                )
        else:  # a plain message: the file's hash is the content hash
            inhoud = sha256 if hashed_here else None
            berichten.append(_prepare_message(data, pad, sha256, inhoud, settings, chunk, rows))
    except Rejection as rej:
        # an archive refused as a whole names the file on disk: report it by its landing path like its members
        locatie = rej.locatie.replace(str(Path(path)), pad, 1) if rej.locatie else pad
        item = QuarantineItem(locatie, rej.reden_code, rej.melding)
        return PreparedFile(sha256, berichten, item, None, chunk)
    except Exception as exc:  # a parser bug must not stop the other files of the run
        melding = (
            f"Interne fout bij het verwerken ({type(exc).__name__}: {exc}). Het bestand is niet geladen; "
            "meld dit aan de beheerder van wmo-monitor."
        )
        item = QuarantineItem(pad, "INTERNE_FOUT", melding)
        return PreparedFile(sha256, berichten, item, traceback.format_exc(), chunk)
    return PreparedFile(sha256, berichten, None, None, chunk)


def _refused_message(rej: Rejection, member: str, chunk: Chunk) -> PreparedMessage:
    """A message of the chunk that is quarantined without rows (it keeps its number, as every message does)."""
    nummer = chunk.berichten
    chunk.berichten += 1
    item = QuarantineItem(
        rej.locatie or member, rej.reden_code, rej.melding, getattr(rej, "bericht_id", None)
    )
    return PreparedMessage(nummer, member, None, None, 0, item)


def _prepare_message(
    data: bytes,
    member: str,
    bestand_sha256: str,
    inhoud_sha256: str | None,
    settings: _Settings,
    chunk: Chunk,
    rows: dict[str, list[dict]],
) -> PreparedMessage:
    try:
        parsed = parse_message(
            data,
            locatie=member,
            bestand_sha256=bestand_sha256,
            pseudonymiser=settings.pseudonymiser,
            xsd=settings.xsd,
            inhoud_sha256=inhoud_sha256,
        )
    except Rejection as rej:
        return _refused_message(rej, member, chunk)
    nummer = chunk.berichten
    chunk.berichten += 1
    records = 0
    herhaald: dict[str, int] = {}
    for table, table_rows in parsed.tables.items():
        if len(table_rows) > 1 and table != "iwmo_berichten":
            extra = len(table_rows) - len({tuple(row.values()) for row in table_rows})
            if extra:
                herhaald[table] = extra
        counts = chunk.aantallen.setdefault(table, [])
        counts += [0] * (nummer - len(counts))
        counts.append(len(table_rows))
        rows.setdefault(table, []).extend(table_rows)
        records += len(table_rows)
    bericht = parsed.tables["iwmo_berichten"][0]
    waarschuwing = _herhaald(herhaald, member, bericht["bericht_id"]) if herhaald else None
    return PreparedMessage(
        nummer, member, bericht["bericht_id"], bericht["inhoud_sha256"], records, None, waarschuwing
    )


def _herhaald(herhaald: dict[str, int], member: str, bericht_id: str) -> Waarschuwing:
    """RECORDS_HERHAALD: records of one message that are exact copies of an earlier record of that message. They
    load as sent (a prestatie declared twice is the lawfulness signal RM05, which must stay visible), but a sender
    does not repeat a record on purpose, and half a million copies in one message is a fault or an attack."""
    delen = [f"{aantal} {table.split('_', 2)[-1].replace('_', ' ')}" for table, aantal in herhaald.items()]
    return Waarschuwing(
        member,
        "RECORDS_HERHAALD",
        f"Het bericht bevat records die precies gelijk zijn aan een eerder record in hetzelfde bericht "
        f"({', '.join(delen)} extra). Ze zijn geladen zoals ze zijn aangeleverd; vraag de afzender of dit de "
        "bedoeling is, want een dubbel record telt dubbel mee (bij prestaties: signaal dubbele declaratie).",
        bericht_id,
    )


_FADVISE = getattr(os, "POSIX_FADV_WILLNEED", None) if hasattr(os, "posix_fadvise") else None
"""The read-ahead advice where the platform has posix_fadvise (Linux), else None."""


def _read_ahead(paths: list[str]) -> list[int | None]:
    """A descriptor per file, each with POSIX_FADV_WILLNEED, so the kernel reads all files of a chunk at once
    instead of one after the other as they are parsed. That matters when the files are not in the page cache
    (an archive loaded for the first time, a machine that has been idle): 20,000 message files took 0.9 s
    instead of 5.3 s here. In the cache it costs one system call per file. None where a file cannot be opened:
    `_read` then opens it itself, and fails as it would have."""
    descriptors: list[int | None] = []
    try:
        for path in paths:
            try:
                fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                descriptors.append(None)
                continue
            descriptors.append(fd)
            if _FADVISE is not None:
                os.posix_fadvise(fd, 0, 0, _FADVISE)
    except BaseException:
        for fd in descriptors:
            if fd is not None:
                os.close(fd)
        raise
    return descriptors


def _read(path: str, fd: int | None, max_bytes: int | None) -> bytes | None:
    """The file's bytes, from `fd` (left open: its owner closes it) or else from a descriptor of its own; None
    without reading when `max_bytes` is None (a zip, which is read member by member) or the file is larger."""
    if max_bytes is None:
        return None
    return read_path_capped(path, max_bytes) if fd is None else read_capped(fd, max_bytes)


def _sha256(path: str, fd: int | None) -> str:
    """The file's SHA-256, hashed in pieces from `fd` or from a descriptor of its own."""
    if fd is not None:
        return sha256_of_fd(fd)
    return sha256_of(Path(path))


def _is_zip(path: str) -> bool:
    """`Path(path).suffix.lower() == ".zip"` (as `iter_berichten` decides), without building a Path per file."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return 0 < dot < len(name) - 1 and name[dot:].lower() == ".zip"


# -- worker processes ---------------------------------------------------------------------------------------


def _default_workers(files: int) -> int:
    if files < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(available_cores(), -(-files // CHUNK_FILES)))


def _can_fork() -> bool:
    """Workers are forked, so they inherit the pseudonymiser (and its key) and the compiled XSDs without
    pickling them. Only on Linux: fork is the safe default there; elsewhere we stay in-process."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


_worker_settings: _Settings | None = None


def _init_worker(settings: _Settings) -> None:
    """Keep the settings; move everything inherited from the parent out of the garbage collector's sight, so
    collections stay cheap and do not copy the parent's memory pages."""
    global _worker_settings
    _worker_settings = settings
    gc.freeze()


def _prepare_chunk(items: list[Item]) -> list[PreparedFile]:
    assert _worker_settings is not None
    return prepare_chunk(items, _worker_settings)


def _in_workers(items: Sequence[Item], settings: _Settings, workers: int) -> Iterator[PreparedFile]:
    """Chunks of files to a pool of forked processes; results in order, at most `AHEAD_CHUNKS` (and at least
    two per worker) ahead, so memory stays bounded when writing is slower than parsing."""
    chunks = (list(items[start : start + CHUNK_FILES]) for start in range(0, len(items), CHUNK_FILES))
    convert_once()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker,
        initargs=(settings,),
    )
    try:
        ahead: deque[Future] = deque()
        for chunk in chunks:
            ahead.append(pool.submit(_prepare_chunk, chunk))
            if len(ahead) >= max(AHEAD_CHUNKS, 2 * workers):
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
