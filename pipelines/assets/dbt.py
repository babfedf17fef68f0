"""All dbt models, seeds and tests as one multi-asset; dbt tests become Dagster asset checks."""

import json
import os

import dagster as dg
from dagster_dbt import DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from pipelines import build_memo, dbt_partial
from pipelines.dbt_failures import counts_of, describe_failures, test_statuses, write_counts
from pipelines.dbt_project import WmoDbtTranslator, dbt_project
from pipelines.resources import WmoSettings
from runtime import private_files, progress
from runtime.failpoints import failpoint

TRANSLATOR = WmoDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_code_references=False))


def dbt_vars(wmo: WmoSettings) -> dict[str, object]:
    settings = wmo.settings()
    return {
        "peildatum": settings.peildatum.isoformat() if settings.peildatum else None,
        "min_celgrootte": settings.min_celgrootte,
    }


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=TRANSLATOR)
def wmo_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, wmo: WmoSettings):
    """Build and test what depends on new data; a failing test stops the publish and names the test and sample
    rows."""
    settings = wmo.settings()
    os.environ["WMO_WORK_DB"] = str(settings.work_db.resolve())
    variables = dbt_vars(wmo)
    selected = context.selected_asset_keys
    key = build_memo.fingerprint(settings.work_db, dbt_project.manifest_path, variables)
    remembered = build_memo.last_build(settings.state_dir, key, selected)
    if remembered is not None:
        write_counts(settings.state_dir, context.run_id, remembered["tests"])
        progress.report(
            "dbt: niets veranderd sinds de vorige geslaagde bouw; modellen en tests ongewijzigd", stap="dbt"
        )
        yield from build_memo.replay(context, remembered)
        return
    # A part of the models chosen by hand in the Dagster UI is built as chosen: dagster-dbt then selects the
    # tests itself, and an exclusion on top would change which of them run.
    previous = None if context.is_subset else build_memo.changed_tables(settings.state_dir, key, selected)
    build_memo.forget_build(settings.state_dir)
    # Unit tests check the SQL, not the data: they run in the test suite (tests/pipeline), not on every run.
    args = ["build", "--exclude-resource-type", "unit_test", "--vars", json.dumps(variables)]
    if previous is None:
        progress.report("dbt: modellen bouwen en testen", stap="dbt")
    else:
        remembered, changed = previous
        manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
        plan = dbt_partial.plan(manifest, changed)
        args += plan.exclude_args(manifest)
        progress.report(
            f"dbt: {len(plan.rebuild)} van de {len(plan.rebuild) + len(plan.unchanged)} modellen en seeds "
            f"opnieuw bouwen en testen, wat afhangt van de gewijzigde ruwe tabellen {', '.join(sorted(changed))}; "
            "de andere blijven zoals de vorige geslaagde bouw ze maakte",
            stap="dbt",
        )
        # before dbt's own outputs: an unchanged model can be upstream of a rebuilt one, never downstream
        unchanged = {TRANSLATOR.get_asset_key(manifest["nodes"][uid]) for uid in plan.unchanged}
        yield from build_memo.replay_assets(context, remembered, only=unchanged)
    # One target folder per warehouse, kept between runs: dbt's partial parsing then survives from run to run
    # (its saved state is only valid for the same work database path and vars), saving a full parse each time.
    target = settings.state_dir / "dbt"
    failpoint("dbt_start")
    invocation = dbt.cli(args, context=context, raise_on_error=False, target_path=target.resolve())
    # dagster-dbt has just copied the project's partial_parse.msgpack in, with the project's world-readable mode
    private_files.restrict(target / "partial_parse.msgpack")
    built: list[list[str]] = []  # asset keys in the order dbt built them: the order a replay must keep
    checks = []
    for index, event in enumerate(invocation.stream()):
        if index == 5:
            failpoint("dbt")
        if isinstance(event, dg.Output):
            built.append(list(context.asset_key_for_output(event.output_name).path))
        elif isinstance(event, dg.AssetCheckResult):
            checks.append(build_memo.check_record(event))
        yield event
    run_results = invocation.get_artifact("run_results.json")
    statuses = test_statuses(run_results)
    if previous is not None:
        ran = {dg.AssetCheckKey(dg.AssetKey(c["asset"]), c["check"]) for c in checks}
        yield from build_memo.replay_checks(context, remembered, skip=ran)
        statuses = {**remembered.get("uitslagen", {}), **statuses}
        checks = build_memo.merged_checks(remembered["checks"], checks)
        built = remembered["assets"]
    counts = counts_of(statuses)
    write_counts(settings.state_dir, context.run_id, counts)
    progress.report(f"dbt: {counts['geslaagd']} tests geslaagd, {counts['gefaald']} gefaald", stap="dbt")
    if not invocation.is_successful():
        report = describe_failures(run_results, settings.work_db)
        raise dg.Failure(description=report, metadata={"dbt_fouten": dg.MetadataValue.md(report)})
    key = build_memo.fingerprint(settings.work_db, dbt_project.manifest_path, variables)
    build_memo.record_build(settings.state_dir, key, counts, built, checks, statuses)
    failpoint("dbt_done")
