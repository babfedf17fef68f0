"""Rows of `audit.runs`: one per pipeline run, opened when it starts and closed with its outcome."""

from __future__ import annotations

from datetime import datetime


def start_run(con, run_id: str, now: datetime) -> None:
    """Record the run; runs left unfinished by a killed process are closed as 'afgebroken' first."""
    con.execute(
        "UPDATE audit.runs SET status = 'afgebroken', melding = 'Run is onderbroken (proces gestopt).' "
        "WHERE status IN ('bezig', 'publiceren') AND run_id <> ?",
        [run_id],
    )
    exists = con.execute("SELECT count(*) FROM audit.runs WHERE run_id = ?", [run_id]).fetchall()[0][0]
    if not exists:
        con.execute("INSERT INTO audit.runs (run_id, start, status) VALUES (?, ?, 'bezig')", [run_id, now])


def finish_run(
    con, run_id: str, status: str, now: datetime, melding: str | None = None, **counts: object
) -> None:
    """Close the run with its status and the counts the audit tables already hold for it."""
    con.execute(
        """
        UPDATE audit.runs SET
            einde = ?, status = ?, melding = ?,
            bestanden_nieuw = (SELECT count(*) FROM audit.bestanden WHERE run_id = ?),
            bestanden_geladen = (SELECT count(*) FROM audit.bestanden WHERE run_id = ? AND status = 'geladen'),
            bestanden_duplicaat = (SELECT count(*) FROM audit.bestanden WHERE run_id = ? AND status = 'duplicaat'),
            bestanden_quarantaine = (SELECT count(*) FROM audit.bestanden WHERE run_id = ? AND status = 'quarantaine'),
            records_raw = (SELECT coalesce(sum(aantal_records), 0) FROM audit.bestanden WHERE run_id = ?),
            quarantaine_items = (SELECT count(*) FROM audit.quarantaine WHERE run_id = ?)
        WHERE run_id = ?
        """,
        [now, status, melding, *([run_id] * 7)],
    )
    for column, value in counts.items():
        if value is not None:
            con.execute(f"UPDATE audit.runs SET {column} = ? WHERE run_id = ?", [value, run_id])


def mark_published(con, run_id: str, schema: str = "audit") -> None:
    """'publiceren' becomes 'geslaagd' once the publication is really in place (and in the copy being published)."""
    con.execute(
        f"UPDATE {schema}.runs SET status = 'geslaagd' WHERE run_id = ? AND status = 'publiceren'", [run_id]
    )
