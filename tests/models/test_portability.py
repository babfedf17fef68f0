"""Portable SQL (docs/scaling.md): DuckDB-only constructs only where a `-- duckdb-only:` comment says why."""

from __future__ import annotations

import re
from pathlib import Path

DBT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"
MARKER = "duckdb-only"
LOOKBACK_LINES = 10
"""A marker covers its own line and the statement below it, up to this many lines."""

DUCKDB_ONLY = {
    "cast shorthand `::`": re.compile(r"::\s*[a-z]", re.IGNORECASE),
    "QUALIFY": re.compile(r"\bqualify\b", re.IGNORECASE),
    "range() table function": re.compile(r"(?<![.\w])range\s*\(", re.IGNORECASE),
    "generate_series() outside dbt's macro": re.compile(r"(?<!dbt\.)\bgenerate_series\s*\(", re.IGNORECASE),
    "unnest()": re.compile(r"\bunnest\s*\(", re.IGNORECASE),
    "isodow": re.compile(r"\bisodow\b", re.IGNORECASE),
    "strftime/strptime": re.compile(r"\bstr[fp]time\s*\(", re.IGNORECASE),
    "date_diff/datediff outside dbt's macro": re.compile(r"(?<!dbt\.)\bdate_?diff\s*\(", re.IGNORECASE),
    "list/struct functions": re.compile(r"\b(list|struct)_[a-z_]+\s*\(", re.IGNORECASE),
    "regexp_matches/string_split": re.compile(
        r"\b(regexp_matches|regexp_full_match|string_split)\s*\(", re.IGNORECASE
    ),
    "arg_max/arg_min": re.compile(r"\barg_(max|min)\s*\(", re.IGNORECASE),
    "median/quantile": re.compile(r"\b(median|quantile_cont|quantile_disc)\s*\(", re.IGNORECASE),
    "read_csv/read_parquet": re.compile(r"\bread_(csv|parquet|json)[a-z_]*\s*\(", re.IGNORECASE),
}


def unmarked_uses(text: str) -> list[tuple[int, str, str]]:
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines, start=1):
        code = line.split("--", 1)[0]
        for name, pattern in DUCKDB_ONLY.items():
            if pattern.search(code):
                window = lines[max(0, number - 1 - LOOKBACK_LINES) : number]
                if not any(MARKER in w for w in window):
                    found.append((number, name, line.strip()))
    return found


def test_the_lint_catches_an_unmarked_construct_and_accepts_a_marked_one():
    assert unmarked_uses("select x::date from t") == [(1, "cast shorthand `::`", "select x::date from t")]
    assert unmarked_uses("-- duckdb-only: spine\nselect * from range(1, 3)") == []
    assert unmarked_uses("select {{ dbt.datediff('a', 'b', 'day') }}") == []


def test_dbt_sql_is_portable_outside_marked_places():
    problems = []
    for path in sorted([*DBT_DIR.glob("models/**/*.sql"), *DBT_DIR.glob("macros/**/*.sql")]):
        problems += [
            f"{path.relative_to(DBT_DIR)}:{n}: {name}: {line}"
            for n, name, line in unmarked_uses(path.read_text())
        ]
    assert not problems, "DuckDB-specifieke SQL zonder `-- duckdb-only:`-markering:\n" + "\n".join(problems)
