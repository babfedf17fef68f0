"""Load new landing files into the raw layer: register, parse, quarantine, write in batched transactions.

Each batch (files, their records, their registry and quarantine rows) is one transaction, so a run that is
killed leaves either the whole batch or none of it; the next run then loads what is missing.
"""

from __future__ import annotations

import csv
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ingest.gc_pause import paused_gc
from ingest.iwmo.files import Chunk, PreparedFile, prepare_files
from ingest.iwmo.inhoud import zelfde_inhoud
from ingest.iwmo.teruglezen import BerichtLezer
from ingest.landing import LandingFile, leesfout, read_path_capped, sha256_of
from ingest.model import ParsedFile, QuarantineItem, Rejection
from ingest.tabular.source import te_groot
from ingest.writer import insert_rows
from runtime.config import DEFAULT_LIMITS, Limits
from runtime.failpoints import failpoint

log = logging.getLogger(__name__)

DEFAULT_SUBRESULTATEN = (
    Path(__file__).resolve().parents[1] / "dbt_project/seeds/defaults/default_subresultaten.csv"
)
BATCH_RECORDS = 50_000

Progress = Callable[[str], None]


@dataclass
class FamilySummary:
    nieuw: int = 0
    geladen: int = 0
    duplicaat: int = 0
    quarantaine: int = 0
    records: int = 0
    quarantaine_items: int = 0
    waarschuwingen: int = 0
    """Warnings on loaded content (`audit.waarschuwingen`), e.g. records repeated within one message."""
    berichten: int = 0
    """iWmo messages parsed (zip members included), whatever became of them: loaded, duplicate or rejected."""
    onleesbaar: int = 0
    """New files that could not be read (gone since the scan, no permission): not registered, so the next run
    looks at them again."""


@dataclass
class LoadSummary:
    families: dict[str, FamilySummary] = field(default_factory=dict)
    redenen: Counter = field(default_factory=Counter)

    def family(self, name: str) -> FamilySummary:
        return self.families.setdefault(name, FamilySummary())

    def total(self, attr: str) -> int:
        return sum(getattr(f, attr) for f in self.families.values())


@dataclass
class _Outcome:
    """What happened to one landing file, ready to be written.

    Rows come as dicts (`parsed`, the tabular families) or, for iWmo messages prepared by `ingest.iwmo.files`,
    as the numbers of the messages to write from an encoded chunk."""

    file: LandingFile
    sha256: str
    status: str
    parsed: ParsedFile
    records: int
    chunk: Chunk | None = None
    nummers: list[int] = field(default_factory=list)
    rows: int = 0
    """Record rows of the chunk's messages, over all tables, for the batch size."""
    berichten: int = 0
    """iWmo messages parsed in this file (loaded, duplicate or rejected)."""


class Loader:
    """Loads landing files for one run into an open read-write DuckDB connection."""

    def __init__(
        self,
        con,
        *,
        pseudonymiser: Callable[[str], str],
        run_id: str,
        now: datetime,
        limits: Limits = DEFAULT_LIMITS,
        xsd=None,
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> None:
        """`limits`: the size caps per file (`runtime.config.Limits`, from the WMO_*_MAX_* settings). `workers`:
        processes that parse iWmo messages; None chooses (see `ingest.iwmo.files`), 1 is in-process."""
        self.con = con
        self.pseudonymiser = pseudonymiser
        self.run_id = run_id
        self.now = now
        self.limits = limits
        self.xsd = xsd
        self.progress = progress or (lambda _msg: None)
        self.workers = workers
        self.summary = LoadSummary()
        # Content whose latest reading ended in INTERNE_FOUT (a bug in wmo-monitor, not in the file) counts as
        # unseen: every run tries it again, so it loads once the bug is fixed, without a new delivery.
        registered = con.execute(
            """WITH laatste AS (
                   SELECT sha256, arg_max(run_id, volgnummer) AS run_id FROM audit.bestanden GROUP BY sha256)
               SELECT pad, bytes, mtime_ns, sha256 FROM audit.bestanden
               WHERE sha256 NOT IN (
                   SELECT sha256 FROM laatste JOIN audit.quarantaine USING (sha256, run_id)
                   WHERE reden_code = 'INTERNE_FOUT')"""
        ).fetchall()
        self._seen_stat = {(pad, size, mtime) for pad, size, mtime, _ in registered}
        self._seen_pad_sha = {(pad, sha) for pad, _, _, sha in registered}
        self._seen_pads = {pad for pad, _ in self._seen_pad_sha}
        self._known_sha = {sha for _, sha in self._seen_pad_sha}
        self._volgnummer = con.execute("SELECT coalesce(max(volgnummer), 0) FROM audit.bestanden").fetchall()[
            0
        ][0]
        self._berichten: dict[str, str] | None = None
        self._run_herkomst: dict[str, tuple[str, str]] = {}
        """bericht_id -> (locatie, bestand_sha256) of the messages loaded in this run, for `_conflict`."""
        self._lezer: BerichtLezer | None = None
        self._pending: list[_Outcome] = []
        self._pending_records = 0

    # -- selection -------------------------------------------------------------------------------------
    def any_unseen(self, files: Iterable[LandingFile]) -> bool:
        """Whether a file's path, size or modification time is not in the registry: a cheap "something may be new"
        that, unlike `new_files`, reads no file."""
        return any((f.pad, f.bytes, f.mtime_ns) not in self._seen_stat for f in files)

    def new_files(self, files: Iterable[LandingFile]) -> list[tuple[LandingFile, str | None]]:
        """Files whose (path, content) was never registered, with their SHA-256 or None.

        An unchanged size and modification time means the file was registered before, so it is not hashed
        again: that keeps an incremental run over 50,000 files fast. A file under a path that was never
        registered cannot have been registered with its content either; it is not hashed here (None) but
        from the bytes that are read for parsing, so every new file is read once.
        """
        fresh = []
        with paused_gc():
            for f in files:
                if (f.pad, f.bytes, f.mtime_ns) in self._seen_stat:
                    continue
                sha = None
                if f.pad in self._seen_pads:
                    try:
                        sha = sha256_of(f.path)
                    except OSError as exc:
                        self._unreadable(f, leesfout(exc))
                        continue
                    if (f.pad, sha) in self._seen_pad_sha:
                        continue
                fresh.append((f, sha))
        return fresh

    # -- loading ---------------------------------------------------------------------------------------
    def load_family(self, familie: str, files: list[tuple[LandingFile, str | None]]) -> FamilySummary:
        with paused_gc():
            todo = [(f, sha) for f, sha in files if f.familie == familie]
        summary = self.summary.family(familie)
        summary.nieuw += len(todo)
        if todo:
            self.progress(f"{familie}: {len(todo)} nieuwe bestanden")
        if familie == "berichten":
            try:
                with paused_gc(), _bulk_writes(self.con):
                    self._load(familie, self._berichten_outcomes(todo), len(todo))
            finally:
                if self._lezer is not None:
                    self._lezer.close()
                    self._lezer = None
        else:
            self._load(familie, (self._process(f, sha) for f, sha in todo), len(todo))
        return summary

    def _load(self, familie: str, outcomes: Iterable[_Outcome | None], total: int) -> None:
        for index, outcome in enumerate(outcomes, start=1):
            if outcome is not None:  # None: unreadable, reported by `_unreadable`
                self._queue(outcome)
            if index % 5000 == 0:
                self.progress(f"{familie}: {index}/{total} bestanden verwerkt")
        self.flush()

    def _process(self, f: LandingFile, sha: str | None) -> _Outcome | None:
        """A tabular file (or one outside the families): read whole unless it is over WMO_TABEL_MAX_BYTES, which
        its size on disk tells before anything is read; such a file is only hashed, in pieces, and refused."""
        try:
            data = read_path_capped(f.path, self.limits.tabel_max_bytes)
            if sha is None:
                sha = sha256_of(f.path) if data is None else hashlib.sha256(data).hexdigest()
        except OSError as exc:
            return self._unreadable(f, leesfout(exc))
        if sha in self._known_sha:
            return _Outcome(f, sha, "duplicaat", ParsedFile(), 0)
        self._known_sha.add(sha)
        try:
            if data is None:
                raise te_groot(self.limits, f.bytes)
            parsed, status, records = self._parse(f, sha, data)
        except Rejection as rej:
            item = QuarantineItem(rej.locatie or f.pad, rej.reden_code, rej.melding)
            return _Outcome(f, sha, "quarantaine", ParsedFile(quarantaine=[item]), 0)
        except Exception as exc:  # a parser bug must not stop the other files of the run
            log.exception("Onverwachte fout bij %s", f.pad)
            melding = (
                f"Interne fout bij het verwerken ({type(exc).__name__}: {exc}). Het bestand is niet geladen; "
                "meld dit aan de beheerder van wmo-monitor."
            )
            return _Outcome(
                f,
                sha,
                "quarantaine",
                ParsedFile(quarantaine=[QuarantineItem(f.pad, "INTERNE_FOUT", melding)]),
                0,
            )
        return _Outcome(f, sha, status, parsed, records)

    def _parse(self, f: LandingFile, sha: str, data: bytes) -> tuple[ParsedFile, str, int]:
        volgnummer = self._volgnummer + len(self._pending) + 1
        common = {
            "naam": f.path.name,
            "bestand_sha256": sha,
            "bestand_volgnummer": volgnummer,
            "limits": self.limits,
        }
        if f.familie == "referentie":
            from ingest.referentie import parse_referentie

            parsed = parse_referentie(data, **common)
        elif f.familie == "klachten":
            from ingest.klachten import parse_klachten

            parsed = parse_klachten(data, pseudonymiser=self.pseudonymiser, **common)
        elif f.familie == "verantwoording":
            from ingest.verantwoording import parse_verantwoording

            parsed = parse_verantwoording(
                data,
                pseudonymiser=self.pseudonymiser,
                bekende_subresultaten=self.known_subresults(),
                **common,
            )
        else:
            raise Rejection(
                "BESTANDSTYPE_ONBEKEND",
                "Dit bestand staat niet in een bekende map. Plaats het in berichten/, klachten/, "
                "verantwoording/ of referentie/ van de landingsmap.",
                f.pad,
            )
        records = sum(len(rows) for name, rows in parsed.tables.items() if name != "klachten_omschrijving")
        status = "quarantaine" if records == 0 and parsed.quarantaine else "geladen"
        return parsed, status, records

    def _unreadable(self, f: LandingFile, reden: str) -> None:
        """A new file that cannot be read is not registered (no content, so no identity), and so not lost: the
        next run finds it again. The data steward sees it in the run log until it can be read."""
        self.summary.family(f.familie).onleesbaar += 1
        log.warning("Bestand %s kan niet worden gelezen (%s)", f.pad, reden)
        self.progress(
            f"{f.pad}: kan niet worden gelezen ({reden}); het wordt bij de volgende run opnieuw geprobeerd. "
            "Controleer of het bestand er nog staat en leesbaar is."
        )

    def _berichten_outcomes(self, todo: list[tuple[LandingFile, str | None]]) -> Iterator[_Outcome | None]:
        """Files of berichten/ prepared (read, hashed, parsed, encoded) by `ingest.iwmo.files`, possibly in
        worker processes, then judged here in file order."""
        prepared = prepare_files(
            [(f.bestand, f.pad, sha) for f, sha in todo],
            pseudonymiser=self.pseudonymiser,
            xsd=self.xsd,
            limits=self.limits,
            workers=self.workers,
        )
        for (f, _), result in zip(todo, prepared, strict=True):
            yield (
                self._unreadable(f, result.onleesbaar)
                if result.onleesbaar
                else self._judge_berichten(f, result)
            )

    def _judge_berichten(self, f: LandingFile, prepared: PreparedFile) -> _Outcome:
        """A file whose content was loaded before is a duplicate; each message is loaded unless an earlier
        file or message of this run had the same BerichtIdentificatie (same content: duplicate, other
        content: BERICHT_CONFLICT)."""
        sha = prepared.sha256
        parsed_messages = len(prepared.berichten)
        if sha in self._known_sha:
            return _Outcome(f, sha, "duplicaat", ParsedFile(), 0, berichten=parsed_messages)
        self._known_sha.add(sha)
        if prepared.fout is not None:  # reading stopped: the file is refused as a whole,
            # before any of its messages counts as known (a later copy of one of them must still load)
            if prepared.traceback is not None:
                log.error("Onverwachte fout bij %s\n%s", f.pad, prepared.traceback)
            return _Outcome(
                f, sha, "quarantaine", ParsedFile(quarantaine=[prepared.fout]), 0, berichten=parsed_messages
            )
        known = self._known_berichten()
        result = ParsedFile()
        nummers: list[int] = []
        loaded = duplicates = rejected = rows = 0
        for message in prepared.berichten:
            if message.quarantaine is not None:
                result.quarantaine.append(message.quarantaine)
                rejected += 1
                continue
            previous = known.get(message.bericht_id)
            if previous is not None:
                conflict = (
                    None
                    if previous == message.inhoud_sha256
                    else self._conflict(f, message.bericht_id, message.locatie, sha)
                )
                if conflict is None:
                    duplicates += 1
                else:
                    result.quarantaine.append(
                        QuarantineItem(message.locatie, "BERICHT_CONFLICT", conflict, message.bericht_id)
                    )
                    rejected += 1
                continue
            if message.waarschuwing is not None:
                result.waarschuwingen.append(message.waarschuwing)
            known[message.bericht_id] = message.inhoud_sha256
            self._run_herkomst[message.bericht_id] = (message.locatie, sha)
            nummers.append(message.nummer)
            rows += message.records
            loaded += 1
        if loaded:
            status = "geladen"
        elif duplicates and not rejected:
            status = "duplicaat"
        else:
            status = "quarantaine"
        return _Outcome(f, sha, status, result, loaded, prepared.chunk, nummers, rows, parsed_messages)

    def _known_berichten(self) -> dict[str, str]:
        if self._berichten is None:
            rows = self.con.execute("SELECT bericht_id, inhoud_sha256 FROM raw.iwmo_berichten").fetchall()
            self._berichten = dict(rows)
        return self._berichten

    def _conflict(self, f: LandingFile, bericht_id: str, locatie: str, bestand_sha: str) -> str | None:
        """None when a message whose bytes differ from those of the loaded message with its BerichtIdentificatie
        is the same message all the same (a BOM, CRLF, other prefixes, comments, another encoding: see
        `ingest.iwmo.inhoud`), else the conflict's melding. Both messages are read again from the landing
        folder, which only happens on such a collision. When the loaded message cannot be read back unchanged,
        the new one is a conflict: that is the safe side, it stays visible in quarantine."""
        herkomst = self._run_herkomst.get(bericht_id) or next(
            iter(
                self.con.execute(
                    "SELECT locatie, bestand_sha256 FROM raw.iwmo_berichten WHERE bericht_id = ? LIMIT 1",
                    [bericht_id],
                ).fetchall()
            ),
            None,
        )
        if self._lezer is None:
            self._lezer = BerichtLezer(f.landing, self.limits.bericht_max_bytes)
        eerder = None if herkomst is None else self._lezer.lees(*herkomst)
        nieuw = self._lezer.lees(locatie, bestand_sha)
        correctie = (
            "Een correctie moet een nieuwe BerichtIdentificatie krijgen; stuur het bericht opnieuw met een nieuw "
            "identificatienummer."
        )
        if eerder is None or nieuw is None:
            bron = "" if herkomst is None else f" uit {herkomst[0]}"
            return (
                f"Bericht {bericht_id} is al eerder geladen{bron}. Dat bestand staat niet meer ongewijzigd in de "
                "landingsmap, dus kan niet worden vastgesteld of dit dezelfde inhoud is. Is het hetzelfde bericht, "
                f"dan hoeft u niets te doen. {correctie}"
            )
        if zelfde_inhoud(eerder, nieuw):
            return None
        return f"Bericht {bericht_id} is al eerder geladen met andere inhoud. {correctie}"

    def known_subresults(self) -> set[str]:
        """The region's taxonomy when one was delivered, else the shipped Midden-Limburg default."""
        rows = self.con.execute(
            """SELECT subresultaat FROM raw.ref_subresultaten
               WHERE bestand_volgnummer = (SELECT max(bestand_volgnummer) FROM raw.ref_subresultaten)"""
        ).fetchall()
        pending = [
            row["subresultaat"]
            for outcome in self._pending
            for row in outcome.parsed.tables.get("ref_subresultaten", [])
        ]
        if pending:
            return set(pending)
        if rows:
            return {r[0] for r in rows}
        with DEFAULT_SUBRESULTATEN.open(encoding="utf-8") as handle:
            return {row["subresultaat"] for row in csv.DictReader(handle)}

    # -- writing ---------------------------------------------------------------------------------------
    def _queue(self, outcome: _Outcome) -> None:
        self._pending.append(outcome)
        self._pending_records += sum(len(rows) for rows in outcome.parsed.tables.values()) + outcome.rows + 1
        if self._pending_records >= BATCH_RECORDS:
            self.flush()

    def flush(self) -> None:
        """Write the queued files in one transaction.

        Everything goes through Arrow (see `ingest.writer`); the iWmo records arrive as Arrow tables already."""
        if not self._pending:
            return
        tables: dict[str, list[dict]] = {}
        chunks: dict[int, tuple[Chunk, list[int]]] = {}  # by id(), in order
        registry, quarantine, warnings = [], [], []
        for outcome in self._pending:
            self._volgnummer += 1
            f = outcome.file
            registry.append(
                {
                    "pad": f.pad,
                    "sha256": outcome.sha256,
                    "bytes": f.bytes,
                    "familie": f.familie,
                    "eerst_gezien": self.now,
                    "status": outcome.status,
                    "aantal_records": outcome.records,
                    "volgnummer": self._volgnummer,
                    "mtime_ns": f.mtime_ns,
                    "run_id": self.run_id,
                }
            )
            for item in outcome.parsed.quarantaine:
                quarantine.append(
                    {
                        "pad": f.pad,
                        "sha256": outcome.sha256,
                        "familie": f.familie,
                        "locatie": item.locatie,
                        "reden_code": item.reden_code,
                        "melding": item.melding,
                        "eerst_gezien": self.now,
                        "bericht_id": item.bericht_id,
                        "run_id": self.run_id,
                    }
                )
                self.summary.redenen[item.reden_code] += 1
            for warning in outcome.parsed.waarschuwingen:
                warnings.append(
                    {
                        "pad": f.pad,
                        "sha256": outcome.sha256,
                        "familie": f.familie,
                        "locatie": warning.locatie,
                        "code": warning.code,
                        "melding": warning.melding,
                        "eerst_gezien": self.now,
                        "bericht_id": warning.bericht_id,
                        "run_id": self.run_id,
                    }
                )
            for name, rows in outcome.parsed.tables.items():
                tables.setdefault(name, []).extend(rows)
            if outcome.nummers:
                chunks.setdefault(id(outcome.chunk), (outcome.chunk, []))[1].extend(outcome.nummers)
            summary = self.summary.family(f.familie)
            setattr(summary, outcome.status, getattr(summary, outcome.status) + 1)
            summary.records += outcome.records
            summary.berichten += outcome.berichten
            summary.quarantaine_items += len(outcome.parsed.quarantaine)
            summary.waarschuwingen += len(outcome.parsed.waarschuwingen)
            self._seen_stat.add((f.pad, f.bytes, f.mtime_ns))
            self._seen_pad_sha.add((f.pad, outcome.sha256))
            self._seen_pads.add(f.pad)
        arrow: dict[str, list] = {}
        for chunk, nummers in chunks.values():
            for name, rows in chunk.select(nummers).items():
                arrow.setdefault(name, []).append(rows)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, rows in tables.items():
                insert_rows(self.con, name, rows)
            for name, parts in arrow.items():
                insert_rows(self.con, name, parts)
            insert_rows(self.con, "bestanden", registry)
            insert_rows(self.con, "quarantaine", quarantine)
            insert_rows(self.con, "waarschuwingen", warnings)
            failpoint("ingest")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        failpoint("ingest_committed")
        self._pending.clear()
        self._pending_records = 0


@contextmanager
def _bulk_writes(con) -> Iterator[None]:
    """Write settings while the worker processes parse iWmo files, then the previous ones again.

    * One DuckDB thread: the workers already have every core, so DuckDB's own threads only take CPU from them
      (and cost more CPU in total).
    * No checkpoint after every batch: DuckDB checkpoints a commit once its write-ahead log passes
      `checkpoint_threshold` (16 MB), and a load of many batches then rewrote the growing tables again and again.
      The batches are still committed (and so durable) one by one; one CHECKPOINT at the end writes them once.
    The caller pauses the garbage collector (`paused_gc`): the loader holds the outcomes of a batch (many small
    objects, none in a reference cycle) until it is written, and every collection would walk all of them again."""
    threads, threshold = con.execute(
        "SELECT current_setting('threads'), current_setting('checkpoint_threshold')"
    ).fetchall()[0]
    con.execute("SET threads = 1")
    con.execute("SET checkpoint_threshold = '64GB'")
    try:
        yield
    finally:
        con.execute(f"SET threads = {int(threads)}")
        con.execute(f"SET checkpoint_threshold = '{threshold}'")
    con.execute("CHECKPOINT")
