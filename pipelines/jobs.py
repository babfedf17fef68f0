"""Jobs: the whole pipeline, run in one process because its steps are short and share one DuckDB file."""

from __future__ import annotations

import dagster as dg

wmo_pipeline = dg.define_asset_job(
    name="wmo_pipeline",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("landing"),
    executor_def=dg.in_process_executor,
    description="Nieuwe bestanden inlezen, alle modellen bouwen en testen, publiceren.",
)
