"""`wmo-monitor status`: what a data steward needs to know, read without disturbing a running pipeline."""

from __future__ import annotations

import duckdb

from runtime import config


def _open(settings: config.Settings) -> tuple[duckdb.DuckDBPyConnection, str]:
    """The work database when free (it has the latest runs, failed ones too), else the publication."""
    if settings.work_db.exists():
        try:
            return duckdb.connect(str(settings.work_db), read_only=True), "werkdatabase"
        except duckdb.IOException:
            pass
    if settings.warehouse.exists():
        return duckdb.connect(str(settings.warehouse), read_only=True), "publicatie (er loopt een run)"
    raise config.ConfigError(
        f"Er is nog geen warehouse op {settings.warehouse}. Start eerst `wmo-monitor run` (of `wmo-monitor demo`)."
    )


def _table(rel: duckdb.DuckDBPyRelation) -> str:
    columns, rows = rel.columns, rel.fetchall()
    if not rows:
        return "  (geen)"
    cells = [[str("" if v is None else v) for v in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    fmt = "  " + "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*columns), *(fmt.format(*r) for r in cells)])


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether audit.<table> exists: a warehouse from before the table was added has not got it until its next run."""
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'audit' AND table_name = ?",
            [table],
        ).fetchall()[0][0]
    )


def status_report(settings: config.Settings) -> str:
    con, source = _open(settings)
    with con:
        parts = [f"Bron: {source}", "", "Laatste runs:"]
        parts.append(
            _table(
                con.sql(
                    """SELECT run_id[:8] AS run, strftime(start, '%Y-%m-%d %H:%M') AS start, status,
                              bestanden_geladen AS geladen, bestanden_duplicaat AS duplicaat,
                              bestanden_quarantaine AS quarantaine, dbt_tests_gefaald AS tests_gefaald, peildatum
                       FROM audit.runs ORDER BY start DESC LIMIT 5"""
                )
            )
        )
        parts += ["", "Versheid per bronfamilie:"]
        parts.append(
            _table(
                con.sql(
                    """SELECT familie, count(*) AS bestanden, count(*) FILTER (status = 'geladen') AS geladen,
                              count(*) FILTER (status = 'quarantaine') AS quarantaine,
                              strftime(max(eerst_gezien), '%Y-%m-%d %H:%M') AS laatst_binnen
                       FROM audit.bestanden GROUP BY familie ORDER BY familie"""
                )
            )
        )
        parts += ["", "Quarantaine per reden:"]
        parts.append(
            _table(
                con.sql(
                    """SELECT reden_code, familie, count(*) AS aantal, any_value(melding)[:90] AS voorbeeld
                       FROM audit.quarantaine GROUP BY reden_code, familie ORDER BY aantal DESC, reden_code"""
                )
            )
        )
        parts += ["", "Waarschuwingen per code (geladen, maar controleren):"]
        parts.append(
            _table(
                con.sql(
                    """SELECT code, familie, count(*) AS aantal, any_value(melding)[:90] AS voorbeeld
                       FROM audit.waarschuwingen GROUP BY code, familie ORDER BY aantal DESC, code"""
                )
            )
            if _has_table(con, "waarschuwingen")
            else "  (geen)"
        )
        failed = con.sql(
            "SELECT run_id[:8], melding FROM audit.runs WHERE status IN ('mislukt', 'afgebroken') "
            "AND start = (SELECT max(start) FROM audit.runs)"
        ).fetchall()
        parts += ["", "Falende controles in de laatste run:"]
        parts += [f"  run {run}: {melding}" for run, melding in failed] or ["  (geen)"]
    return "\n".join(parts)
