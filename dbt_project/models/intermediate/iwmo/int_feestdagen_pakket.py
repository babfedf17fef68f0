"""Dutch public holidays exactly as the pinned `holidays` package (0.108) gives them, English names.

The correction to the list of kpis.md (drop Goede Vrijdag, Eerste Paas-/Pinksterdag; Koningsdag and
Bevrijdingsdag by the spec's own rule) is done in SQL in `int_werkdagen`, so that it is covered by dbt unit tests.
"""

import holidays
import polars as pl


def model(dbt, session):
    dbt.config(materialized="table")
    werkdagen_van = dbt.config.get("werkdagen_van")
    werkdagen_tot = dbt.config.get("werkdagen_tot")
    van = int(str(werkdagen_van)[:4])
    tot = int(str(werkdagen_tot)[:4])
    cal = holidays.NL(years=range(van, tot + 1), language="en_US")
    rows = sorted(cal.items())
    return pl.DataFrame(
        {
            "datum": [d for d, _ in rows],
            "naam_pakket": [n for _, n in rows],
        },
        schema={"datum": pl.Date, "naam_pakket": pl.Utf8},
    ).with_columns(pl.lit(holidays.__version__).alias("pakket_versie"))
