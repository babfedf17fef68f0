"""The analyst baseline (issue 20): iWmo read the way a municipal analyst's script reads it today.

Per message `xmltodict.parse` (namespaces resolved, so `wmo323` tells the type whatever prefix the sender chose), the
messages of a type flattened by one `pandas.json_normalize` (header and client blocks as columns, one row per
message) and written to a DuckDB table per type. No validation, no pseudonymisation,
no quarantine: what the product does on top is extra work, so the ratio understates its lead. Timed by CPU seconds,
since the product's ingest uses worker processes on every core and the script one.
"""

from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from xml.parsers.expat import ExpatError

import duckdb
import pandas as pd
import xmltodict


@dataclass(frozen=True)
class Tijd:
    wall_s: float
    cpu_s: float


def cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have ended (the ingest's worker pool)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[], object]) -> Tijd:
    wall, cpu = time.perf_counter(), cpu_seconds()
    work()
    return Tijd(time.perf_counter() - wall, cpu_seconds() - cpu)


def read_like_an_analyst(blobs: Iterable[bytes]) -> dict[str, int]:
    """Rows per message type written to an in-memory DuckDB, as the analyst's script leaves them."""
    per_soort: dict[str, list[dict]] = defaultdict(list)
    for data in blobs:
        with suppress(ExpatError):
            ((root, bericht),) = xmltodict.parse(data, process_namespaces=True).items()
            per_soort[root.rsplit("/", 2)[-2]].append(bericht)
    con = duckdb.connect()
    rows = {}
    for soort, berichten in per_soort.items():
        frame = pd.json_normalize(berichten).astype(str)
        con.register("frame", frame)
        con.execute(f'CREATE TABLE "{soort}" AS SELECT * FROM frame')
        con.unregister("frame")
        rows[soort] = len(frame)
    con.close()
    return rows
