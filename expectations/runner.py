"""Validate the raw layer with the Great Expectations suites in `expectations/suites/` (pandas route).

Pure and Dagster-free: the asset checks in `pipelines/` call `load_frames`, `load_known` and `validate_family`.

* One JSON suite per raw family. An expectation applies to the tables in its `meta.tabellen`, or to every table of
  the family when that key is absent; the runner validates each table with its own part of the suite.
* `meta.blocking` decides whether a failure stops the publish; GX `severity` mirrors it (critical / warning).
* An expectation with `meta.bekende_waarden` (`gemeentecode`, `aanbieder_agb`, `subresultaat`) has an empty
  `value_set` in the JSON; the runner fills it from `known[<key>]` and skips it when that set is absent or empty.
* Empty tables are not validated (no data = nothing wrong), and GX is not even imported when every table of the
  family is empty.
* GX 1.24.1 cannot validate DuckDB through SQLAlchemy, so frames come from `con.sql(...).df()`. GX is imported
  lazily (about 7–12 s) and one ephemeral context is kept per process.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas

SUITES_DIR = Path(__file__).resolve().parent / "suites"

FAMILIES: dict[str, list[str]] = {
    "iwmo_berichten": ["iwmo_berichten"],
    "iwmo_toewijzingen": ["iwmo_301_toegewezen_producten", "iwmo_301_clienten"],
    "iwmo_start_stop": ["iwmo_305_startproducten", "iwmo_307_stopproducten"],
    "iwmo_prestaties": ["iwmo_323_prestaties", "iwmo_323_declaraties"],
    "iwmo_aanvragen": [
        "iwmo_315_aangevraagde_producten",
        "iwmo_317_verzoeken",
        "iwmo_317_producten",
        "iwmo_319_antwoorden",
    ],
    "iwmo_declaratie_antwoorden": ["iwmo_325_antwoorden", "iwmo_325_prestaties"],
    "iwmo_retour": ["iwmo_retourcodes"],
    "klachten": ["klachten"],
    "verantwoording": [
        "verantwoording_aanbieder",
        "verantwoording_productie",
        "verantwoording_resultaten",
        "verantwoording_tevredenheid",
    ],
    "referentie": [
        "ref_gemeenten",
        "ref_inwoners",
        "ref_wijken",
        "ref_aanbieders",
        "ref_tarieven",
        "ref_subresultaten",
    ],
}

# `known` keys the suites use, and the reference table + column `load_known` reads them from.
KNOWN_SOURCES: dict[str, tuple[str, str]] = {
    "gemeentecode": ("ref_gemeenten", "gemeentecode"),
    "aanbieder_agb": ("ref_aanbieders", "aanbieder_agb"),
    "subresultaat": ("ref_subresultaten", "subresultaat"),
}

SAMPLE_SIZE = 5
_QUICK = "BOOLEAN_ONLY"
"""First pass: only whether each expectation holds. GX then computes no counts or sample rows, which made a
region-year's validation about a third faster."""
_DETAIL = "SUMMARY"
"""Second pass, for the expectations that failed only: the counts and sample rows the report shows."""
_NUMMER = "_nummer"
"""Meta key that ties a result to its expectation: GX does not promise results in suite order."""
_LOCK = threading.RLock()
_NINE_DIGITS = re.compile(r"^[0-9]{9}$")


@dataclass
class ValidationOutcome:
    """The result of validating one raw family.

    `success` is False only when a blocking expectation failed. `failed` lists blocking and non-blocking failures
    alike (see the `blocking` key); `skipped` names the expectations that could not be evaluated because the
    reference set they need was not supplied.
    """

    family: str
    success: bool
    evaluated: int
    failed: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def blocking_failures(self) -> list[dict]:
        return [f for f in self.failed if f["blocking"]]

    @property
    def warnings(self) -> list[dict]:
        return [f for f in self.failed if not f["blocking"]]

    def summary_nl(self) -> str:
        """One Dutch paragraph: verdict, then every failed expectation with table, column and sample values."""
        if self.evaluated == 0 and not self.failed:
            text = f"Datakwaliteit {self.family}: geen gegevens om te controleren; niets afgekeurd."
        elif not self.failed:
            text = f"Datakwaliteit {self.family}: alle {self.evaluated} verwachtingen gehaald."
        else:
            blocking, warnings = self.blocking_failures, self.warnings
            text = (
                f"Datakwaliteit {self.family}: {len(self.failed)} van {self.evaluated} verwachtingen niet gehaald, "
                f"waarvan {len(blocking)} blokkerend."
            )
            if blocking:
                text += " De publicatie wordt tegengehouden. Blokkerend: " + " ".join(
                    _describe(f) for f in blocking
                )
            if warnings:
                text += " Signalen (niet blokkerend): " + " ".join(_describe(f) for f in warnings)
        if self.skipped:
            text += f" Niet uitgevoerd bij gebrek aan referentielijst: {len(self.skipped)} verwachting(en)."
        return text


def _describe(failure: dict) -> str:
    where = f"tabel {failure['table']}"
    if failure.get("column"):
        where += f", kolom {failure['column']}"
    text = f"[{where}; {failure['expectation']}] {failure['omschrijving'].rstrip('.')}."
    if failure.get("fout"):
        text += f" De controle kon niet worden uitgevoerd: {failure['fout'].rstrip('.')}."
    if failure.get("unexpected_count"):
        text += f" {failure['unexpected_count']} afwijkende waarde(n)"
        if failure.get("unexpected_percent") is not None:
            text += f" ({failure['unexpected_percent']:.1f}%)"
    if failure.get("sample"):
        shown = ", ".join(_quote(v) for v in failure["sample"])
        text += ("," if failure.get("unexpected_count") else "") + f" bijvoorbeeld: {shown}."
    elif failure.get("unexpected_count"):
        text += "."
    return text


def _quote(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


# ----------------------------------------------------------------------------- suites (JSON, no GX needed)


@cache
def _suite_json(family: str) -> dict:
    return json.loads((SUITES_DIR / f"{family}.json").read_text(encoding="utf-8"))


def load_suite(family: str) -> dict:
    """The family's suite as the JSON dict (`{"name", "expectations", "meta"}`); a copy, safe to modify."""
    _check_family(family)
    return copy.deepcopy(_suite_json(family))


def expectations_for(family: str, table: str, known: dict[str, set[str]] | None = None) -> tuple[list, list]:
    """The expectation dicts that apply to `table`, with known sets filled in; and the names of skipped ones."""
    applies, skipped = [], []
    for exp in load_suite(family)["expectations"]:
        tables = exp["meta"].get("tabellen")
        if tables is not None and table not in tables:
            continue
        key = exp["meta"].get("bekende_waarden")
        if key is not None:
            values = (known or {}).get(key)
            if not values:
                skipped.append(f"{table}.{exp['kwargs'].get('column')}: {exp['type']} ({key})")
                continue
            exp["kwargs"]["value_set"] = sorted(values)
        exp["meta"][_NUMMER] = len(applies)
        applies.append(exp)
    return applies, skipped


def _check_family(family: str) -> None:
    if family not in FAMILIES:
        raise ValueError(f"Onbekende familie {family!r}; bekend zijn: {', '.join(FAMILIES)}.")


# ----------------------------------------------------------------------------- DuckDB helpers


def load_frames(con, family: str) -> dict[str, pandas.DataFrame]:
    """Read the family's raw tables from an open DuckDB connection (schema `raw`)."""
    _check_family(family)
    return {table: con.sql(f"select * from raw.{table}").df() for table in FAMILIES[family]}


def load_known(con) -> dict[str, set[str]]:
    """Known codes from the newest loaded file of each reference kind (highest `bestand_volgnummer`).

    A kind without a loaded file is left out, so the expectations that need it are skipped rather than failed.
    """
    known: dict[str, set[str]] = {}
    for key, (table, column) in KNOWN_SOURCES.items():
        rows = con.sql(
            f"select distinct {column} from raw.{table} "
            f"where bestand_volgnummer = (select max(bestand_volgnummer) from raw.{table}) "
            f"and {column} is not null"
        ).fetchall()
        if rows:
            known[key] = {row[0] for row in rows}
    return known


# ----------------------------------------------------------------------------- validation


def validate_family(
    family: str,
    frames: dict[str, pandas.DataFrame],
    *,
    known: dict[str, set[str]] | None = None,
) -> ValidationOutcome:
    """Validate the frames of one raw family; tables absent from `frames` or without rows are not validated."""
    _check_family(family)
    strangers = set(frames) - set(FAMILIES[family])
    if strangers:
        raise ValueError(f"Tabel(len) {', '.join(sorted(strangers))} horen niet bij familie {family}.")

    work = [(t, frames[t]) for t in FAMILIES[family] if t in frames and len(frames[t]) > 0]
    if not work:
        return ValidationOutcome(family=family, success=True, evaluated=0)

    evaluated, failed, skipped = 0, [], []
    with _LOCK:
        for table, frame in work:
            exps, skipped_here = expectations_for(family, table, known)
            skipped += skipped_here
            if not exps:
                continue
            frame = _normalise(frame)
            results = _run(table, exps, frame, _QUICK)
            evaluated += len(results)
            failing = [exps[r.expectation_config.meta[_NUMMER]] for r in results if not r.success]
            if failing:
                failed += [_failure(table, r) for r in _run(table, failing, frame, _DETAIL) if not r.success]
    success = not any(f["blocking"] for f in failed)
    return ValidationOutcome(
        family=family, success=success, evaluated=evaluated, failed=failed, skipped=skipped
    )


def _normalise(frame: pandas.DataFrame) -> pandas.DataFrame:
    """One pandas dtype per DuckDB type, whatever `.df()` chose (pandas 3 `str`, int64 vs Int64, us vs ns).

    Only the representation changes, never a value: text → object, integers → Int64, timestamps →
    datetime64[ns]. The type expectations in the suites are written against these dtypes.
    """
    import pandas as pd

    out = frame.copy(deep=False)
    for column in frame.columns:
        dtype = frame[column].dtype
        if isinstance(dtype, pd.StringDtype):
            series = frame[column].astype(object)
            out[column] = series.where(series.notna(), None)
        elif pd.api.types.is_bool_dtype(dtype):
            continue
        elif pd.api.types.is_integer_dtype(dtype):
            out[column] = frame[column].astype("Int64")
        elif pd.api.types.is_datetime64_dtype(dtype):
            out[column] = frame[column].astype("datetime64[ns]")
    return out


def _run(table: str, exps: list[dict], frame: pandas.DataFrame, result_format: str) -> list:
    gx, _, datasource = _context()
    name = f"raw.{table}"
    try:
        asset = datasource.get_asset(name)
    except LookupError:
        asset = datasource.add_dataframe_asset(name)
    try:
        batch_definition = asset.get_batch_definition("geheel")
    except KeyError:
        batch_definition = asset.add_batch_definition_whole_dataframe("geheel")
    # The suite is validated without storing it (or a validation definition) in the context: storing compares
    # each expectation with every stored one, 12–25 % of a validation here, and nothing reads it back.
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    suite = gx.ExpectationSuite(name=name, expectations=exps)
    return list(batch.validate(suite, result_format=result_format).results)


def _failure(table: str, result) -> dict:
    config = result.expectation_config
    kwargs, meta = config.kwargs, dict(config.meta or {})
    column = kwargs.get("column")
    if column is None and kwargs.get("column_list"):
        column = ", ".join(kwargs["column_list"])
    if column is None and kwargs.get("column_A"):
        column = f"{kwargs['column_A']}, {kwargs['column_B']}"
    details = result.result or {}
    failure = {
        "table": table,
        "expectation": config.type,
        "column": column,
        "blocking": bool(meta.get("blocking", True)),
        "omschrijving": meta.get("omschrijving", config.type),
        "unexpected_count": details.get("unexpected_count"),
        "unexpected_percent": details.get("unexpected_percent"),
        "sample": _sample(details, mask=bool(meta.get("maskeer_voorbeelden"))),
    }
    error = _exception_message(result.exception_info)
    if error:
        failure["fout"] = error
    return failure


def _sample(details: dict, *, mask: bool) -> list:
    values = details.get("partial_unexpected_list")
    if values is None:
        mismatched = (details.get("details") or {}).get("mismatched")
        if isinstance(mismatched, dict):
            values = [f"ontbreekt: {c}" for c in mismatched.get("missing") or []]
            values += [f"onverwacht: {c}" for c in mismatched.get("unexpected") or []]
        elif details.get("observed_value") is not None:
            values = [details["observed_value"]]
        else:
            values = []
    sample: list = []
    for value in values:
        shown = _plain(value)
        if mask:
            shown = _mask(shown)
        if shown not in sample:
            sample.append(shown)
        if len(sample) == SAMPLE_SIZE:
            break
    return sample


def _plain(value: Any) -> Any:
    """JSON-friendly scalar: numpy and pandas scalars to Python, dicts (compound keys) to 'a=1, b=2'."""
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items())
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def _mask(value: Any) -> str:
    """Describe a suspect pseudonym by its shape only: its value may be a BSN or a name."""
    text = str(value)
    if _NINE_DIGITS.match(text):
        return "<9 cijfers: mogelijk BSN, gemaskeerd>"
    if text.isdigit():
        return f"<{len(text)} cijfers, gemaskeerd>"
    return f"<{len(text)} tekens, gemaskeerd>"


def _exception_message(info) -> str | None:
    if not info:
        return None
    if isinstance(info, dict) and "raised_exception" in info:
        candidates = [info]
    elif isinstance(info, dict):
        candidates = [v for v in info.values() if isinstance(v, dict)]
    else:
        candidates = [getattr(info, "__dict__", {})]
    for item in candidates:
        if item.get("raised_exception"):
            return str(item.get("exception_message") or "onbekende fout")
    return None


# ----------------------------------------------------------------------------- the GX context (lazy, cached)

_CONTEXT: tuple | None = None


def quiet_environment() -> None:
    """No analytics and no progress bars: set before GX is imported, in this process and in those it starts."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TQDM_DISABLE", "1")


def _context():
    """(gx module, ephemeral context, pandas datasource), created once per process."""
    global _CONTEXT
    with _LOCK:
        if _CONTEXT is None:
            quiet_environment()
            for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
                logging.getLogger(name).setLevel(logging.ERROR)
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                DataContextConfig,
                InMemoryStoreBackendDefaults,
                ProgressBarsConfig,
            )

            config = DataContextConfig(
                store_backend_defaults=InMemoryStoreBackendDefaults(),
                analytics_enabled=False,
                progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
            )
            ctx = gx.get_context(mode="ephemeral", project_config=config)
            datasource = ctx.data_sources.add_pandas("wmo_raw")
            _CONTEXT = (gx, ctx, datasource)
        return _CONTEXT
