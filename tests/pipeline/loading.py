"""Driving the real Loader over a landing folder in tests, the way the ingest assets do (without Dagster)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ingest.landing import scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser

FAMILY_ORDER = ("referentie", "onbekend", "berichten", "klachten", "verantwoording")


def new_loader(con, run_id: str = "r", **options) -> Loader:
    return Loader(
        con,
        pseudonymiser=Pseudonymiser("k"),
        run_id=run_id,
        now=datetime(2024, 1, 1),
        **options,
    )


def load(con, landing: Path, run_id: str = "r") -> Loader:
    """One run over every family, in the assets' order."""
    loader = new_loader(con, run_id)
    fresh = loader.new_files(scan(landing))
    for familie in FAMILY_ORDER:
        loader.load_family(familie, fresh)
    return loader
