"""The progress line a Great Expectations check prints: verdict, counts, and whether the outcome was reused."""

from __future__ import annotations

import logging

import duckdb

from expectations import memo
from expectations.runner import load_known
from ingest.raw_schema import create_all
from pipelines.checks import SUITES_PER_FAMILY, _regel, gx_checks
from pipelines.resources import WmoSettings
from runtime import config
from wmo_monitor.status import status_report


def outcome(geslaagd: bool, verwachtingen: int, blokkerend: int = 0, waarschuwingen: int = 0):
    return {
        "geslaagd": geslaagd,
        "beschrijving": "",
        "metadata": {
            "verwachtingen": verwachtingen,
            "blokkerend_gefaald": blokkerend,
            "waarschuwingen": waarschuwingen,
        },
    }


def test_a_passed_check_with_warnings():
    assert _regel("berichten", outcome(True, 473, waarschuwingen=1), False) == (
        "Controle berichten: geslaagd (473 verwachtingen, 1 waarschuwing)"
    )


def test_a_failed_check_names_the_blocking_failures():
    assert _regel("klachten", outcome(False, 31, blokkerend=2), False) == (
        "Controle klachten: GEFAALD (31 verwachtingen, 2 blokkerend gefaald)"
    )


def test_a_reused_outcome_says_so():
    assert _regel("referentie", outcome(True, 87), True) == (
        "Controle referentie: geslaagd (87 verwachtingen; uitkomst hergebruikt, ruwe gegevens ongewijzigd)"
    )


def test_a_family_without_data():
    assert _regel("verantwoording", outcome(True, 0), False) == (
        "Controle verantwoording: nog geen gegevens, niets te controleren"
    )


def test_a_single_warning_is_counted_in_the_singular():
    assert _regel("klachten", outcome(True, 1, waarschuwingen=2), False) == (
        "Controle klachten: geslaagd (1 verwachting, 2 waarschuwingen)"
    )


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_every_counted_warning_is_printed_with_its_text_and_shown_by_status(tmp_path):
    settings = config.from_env({}).with_overrides(warehouse=tmp_path / "w.duckdb")
    with duckdb.connect(str(settings.work_db)) as con:
        create_all(con)
        key = memo.fingerprint(con, SUITES_PER_FAMILY["klachten"], load_known(con))
    signalen = ["[tabel klachten, kolom cijfer; x] Cijfer buiten 1-10.", "[tabel klachten; y] Dubbele regel."]
    uitkomst = outcome(True, 12, waarschuwingen=2) | {"signalen": signalen}
    memo.remember(settings.state_dir, "klachten", key, uitkomst)
    [check] = [c for c in gx_checks if any(k.name == "gx_klachten" for k in c.check_keys)]
    lines, voortgang = _Lines(), logging.getLogger("wmo_monitor.voortgang")
    level = voortgang.level
    voortgang.addHandler(lines)
    voortgang.setLevel(logging.INFO)
    try:
        check(wmo=WmoSettings(warehouse=str(settings.warehouse)))
    finally:
        voortgang.removeHandler(lines)
        voortgang.setLevel(level)
    assert lines.lines[0].startswith("Controle klachten: geslaagd (12 verwachtingen, 2 waarschuwingen")
    assert lines.lines[1:] == [f"  Waarschuwing klachten: {s}" for s in signalen]
    report = status_report(settings)
    assert report.split("Waarschuwingen van de laatste invoercontroles (niet blokkerend):\n")[
        1
    ].splitlines() == [f"  klachten: {s}" for s in signalen]


def test_the_loaded_content_warnings_a_run_counts_are_listed_with_their_text(tmp_path):
    from datetime import datetime

    from wmo_monitor.run import RunOutcome, format_summary, read_run

    settings = config.from_env({}).with_overrides(warehouse=tmp_path / "w.duckdb")
    nu = datetime(2025, 3, 1, 8, 0)
    teksten = ["Prestatie 2 staat twee keer in het bericht.", "Prestatie 5 staat drie keer in het bericht."]
    with duckdb.connect(str(settings.work_db)) as con:
        create_all(con)
        con.execute("INSERT INTO audit.runs (run_id, start, status) VALUES ('r1', ?, 'geslaagd')", [nu])
        for i, tekst in enumerate(teksten):
            con.execute(
                "INSERT INTO audit.waarschuwingen (pad, locatie, code, melding, eerst_gezien, run_id) "
                "VALUES (?, ?, 'RECORDS_HERHAALD', ?, ?, 'r1')",
                [f"berichten/{i}.xml", f"berichten/{i}.xml!regel {i}", tekst, nu],
            )
    summary = format_summary(RunOutcome(True, "r1", read_run(settings, "r1"), None))
    assert "waarschuwingen: 2" in summary
    for i, tekst in enumerate(teksten):
        assert f"    berichten/{i}.xml (berichten/{i}.xml!regel {i}): {tekst}" in summary.splitlines()
    laatste_run = status_report(settings).split("Waarschuwingen van de laatste run:\n")[1].splitlines()
    assert laatste_run[:2] == [
        f"  berichten/{i}.xml (berichten/{i}.xml!regel {i}): {t}" for i, t in enumerate(teksten)
    ]
