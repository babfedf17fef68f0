"""`wmo-monitor bench`: performance measured as ratios and rates in one run, never as timed unit tests."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

import duckdb
from lxml import etree

from ingest.iwmo import iter_berichten
from ingest.landing import scan
from ingest.loader import FamilySummary, Loader
from ingest.pseudonymise import Pseudonymiser
from ingest.raw_schema import create_all
from runtime import config
from wmo_monitor.analyst_baseline import cpu_seconds, read_like_an_analyst, timed

BENCH_ZIP_MAX_BYTES = 64 * 1024**2
"""Zip limit for both timings, so the baseline and the ingest see exactly the same message bytes."""


def _message_bytes(landing: Path) -> tuple[int, list[bytes]]:
    """(files in berichten/, every message as the bytes the loader will parse: zip members included).

    Archives refused as a whole (corrupt, encrypted, unsafe path, too big) are part of the demo region; the loader
    parses none of their members, so neither does the baseline.
    """
    files = 0
    blobs = []
    for f in scan(landing):
        if f.familie != "berichten":
            continue
        files += 1
        try:
            members = [
                data
                for _, data in iter_berichten(f.path, max_expanded_bytes=BENCH_ZIP_MAX_BYTES)
                if isinstance(data, bytes)  # a member over the message cap is not parsed by the loader either
            ]
        except Exception:  # refused as a whole, see above
            continue
        blobs.extend(members)
    return files, blobs


def lxml_baseline(blobs: list[bytes]) -> float:
    """Seconds lxml alone needs to parse the bytes (well-formed ones; the rest raise at once)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    start = time.perf_counter()
    for data in blobs:
        with suppress(etree.XMLSyntaxError):
            etree.fromstring(data, parser)
    return time.perf_counter() - start


def ingest_berichten(landing: Path, db: Path) -> tuple[float, FamilySummary]:
    """Seconds for a fresh ingest of berichten/ (scan, hash, parse, validate, pseudonymise, write) and its summary.

    `summary.berichten` counts every message parsed, whatever became of it (loaded, duplicate, rejected), the same
    messages the lxml baseline parses; `summary.records` only the loaded ones."""
    start = time.perf_counter()
    with duckdb.connect(str(db)) as con:
        create_all(con)
        loader = Loader(
            con,
            pseudonymiser=Pseudonymiser(config.DEMO_SLEUTEL),
            run_id="bench",
            now=datetime.now(),
            limits=config.Limits(zip_max_bytes=BENCH_ZIP_MAX_BYTES),
        )
        files = [f for f in scan(landing) if f.familie == "berichten"]
        loader.load_family("berichten", loader.new_files(files))
        summary = loader.summary.family("berichten")
    return time.perf_counter() - start, summary


def _rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds else float("nan")


def bench_ingest(landing: Path, repeats: int = 3) -> dict[str, float]:
    """lxml alone, the full ingest and the analyst baseline (wmo_monitor/analyst_baseline.py) over the same
    message bytes, in the same run.

    Both are timed `repeats` times, in turns (lxml, ingest, lxml, ingest, ...), and the ratio is that of the two
    best times: on a shared machine one measurement can be 30 % off either way, and taking turns means a slow
    spell hits both. `ratio_min`/`ratio_max` are the lowest and highest ratio of one turn, to show the spread.

    Rates are per second of the best ingest: files of berichten/ (a zip counts once), messages parsed (loaded,
    duplicate or rejected: all bytes count in the MB and in the baseline, so all messages count too) and MB of
    message bytes. `analist_ratio_cpu` = the analyst script's CPU seconds over the best ingest turn's (the ingest's
    workers included).
    """
    files, blobs = _message_bytes(landing)
    megabytes = sum(len(b) for b in blobs) / 1e6
    turns = []
    for _ in range(repeats):
        baseline = lxml_baseline(blobs)
        with _scratch() as folder:
            cpu = cpu_seconds()
            seconds, summary = ingest_berichten(landing, folder / "bench.duckdb")
            cpu = cpu_seconds() - cpu
        turns.append((baseline, seconds, cpu))
    baseline = min(b for b, _, _ in turns)
    seconds = min(s for _, s, _ in turns)
    ingest_cpu = min(c for _, _, c in turns)
    ratios = [s / b for b, s, _ in turns if b]
    analist = timed(lambda: read_like_an_analyst(blobs))  # once: it is the slow one, and the ratio is wide
    return {
        "bestanden": summary.nieuw,
        "berichten": summary.berichten,
        "berichten_geladen": summary.records,
        "berichten_baseline": len(blobs),
        "bestanden_baseline": files,
        "mb": megabytes,
        "herhalingen": repeats,
        "lxml_s": baseline,
        "ingest_s": seconds,
        "ratio": seconds / baseline if baseline else float("nan"),
        "ratio_min": min(ratios, default=float("nan")),
        "ratio_max": max(ratios, default=float("nan")),
        "bestanden_per_s": _rate(summary.nieuw, seconds),
        "berichten_per_s": _rate(summary.berichten, seconds),
        "mb_per_s": _rate(megabytes, seconds),
        "ingest_cpu_s": ingest_cpu,
        "analist_s": analist.wall_s,
        "analist_cpu_s": analist.cpu_s,
        "analist_ratio_cpu": analist.cpu_s / ingest_cpu if ingest_cpu else float("nan"),
    }


@contextmanager
def _scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="wmo-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hold_back(landing: Path, held: Path, fraction: float) -> int:
    """Move every n-th message file out of the landing zone, to add it back as 'one day of messages'."""
    files = sorted(f for f in (landing / "berichten").rglob("*.xml"))
    step = max(1, round(1 / fraction))
    moved = 0
    for path in files[::step]:
        target = held / path.relative_to(landing)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        moved += 1
    return moved


def bench_pipeline(scale: float, year: int) -> dict[str, float]:
    """Fresh end-to-end run on one generated region-year, then an incremental run with one day of messages.

    Each run is a `wmo-monitor run` in a new process, as the daily schedule, a sensor-launched run and a person at
    the terminal start it: the imports of Dagster, dbt and Great Expectations (about 15 s together here) are part
    of every run, not paid once by the benchmark and then left out of the incremental figure."""
    import os
    import subprocess
    import sys

    from demo_region import generate_region

    env = {
        **os.environ,
        "WMO_PSEUDONIEM_SLEUTEL": os.environ.get("WMO_PSEUDONIEM_SLEUTEL") or config.DEMO_SLEUTEL,
    }
    with _scratch() as folder:
        landing, held = folder / "landing", folder / "held"
        manifest = generate_region(landing, seed=7, scale=scale, years=(year, year))
        _hold_back(landing, held, 1 / 365)
        command = [
            sys.executable,
            "-c",
            "from wmo_monitor.cli import main; main()",
            "run",
            "--landing",
            str(landing),
            "--warehouse",
            str(folder / "wh.duckdb"),
        ]
        start = time.perf_counter()
        fresh = subprocess.run(command, env=env, check=False)
        fresh_s = time.perf_counter() - start
        shutil.copytree(held, landing, dirs_exist_ok=True)
        start = time.perf_counter()
        incremental = subprocess.run(command, env=env, check=False)
        incremental_s = time.perf_counter() - start
    lines = manifest["counts"]["prestaties"]
    return {
        "scale": scale,
        "prestaties": lines,
        "fresh_s": fresh_s,
        "incremental_s": incremental_s,
        "s_per_1000_regels": fresh_s / lines * 1000 if lines else float("nan"),
        "ok": float(fresh.returncode == 0 and incremental.returncode == 0),
    }
