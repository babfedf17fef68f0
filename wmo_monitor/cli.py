"""The `wmo-monitor` command line (operations.md, Commands a user types)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runtime import config, private_files, progress
from wmo_monitor import supervise

if TYPE_CHECKING:
    from dashboards.auth import Gebruiker

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = Path("data/demo")


def _years(value: str) -> tuple[int, int]:
    try:
        first, _, last = value.partition("-")
        start, end = int(first), int(last or first)
    except ValueError as exc:
        raise click.BadParameter("gebruik JAAR of JAAR-JAAR, bijvoorbeeld 2022-2024") from exc
    if end < start:
        raise click.BadParameter("het eindjaar ligt voor het beginjaar")
    return start, end


def _date(value: str | None) -> date | None:
    return config.parse_date(value, "--peildatum") if value else None


def _fail(message: str) -> None:
    click.echo(f"Fout: {message}", err=True)
    sys.exit(2)


@click.group(help="Monitor voor resultaatgestuurde Wmo-ondersteuning.")
def main() -> None:
    progress.show_on_stdout()


@main.command(help="Schrijf een volledige, deterministische demo-landingsmap voor een fictieve regio.")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="Doelmap (landingsmap).")
@click.option("--seed", default=42, show_default=True, help="Startwaarde van de toevalsgenerator.")
@click.option(
    "--scale", default=0.05, show_default=True, help="1 = een regio-jaar (10.000 cliënten) per jaar."
)
@click.option("--years", "years", default="2022-2024", show_default=True, help="Jaren, bv. 2022-2024.")
def generate(out: Path, seed: int, scale: float, years: str) -> None:
    from demo_region import generate_region

    manifest = generate_region(out, seed=seed, scale=scale, years=_years(years), progress=progress.report)
    counts = manifest.get("counts", {})
    click.echo(
        f"Demoregio geschreven naar {out}: {sum(counts.get('berichten', {}).values())} berichten, "
        f"{counts.get('prestaties', 0)} prestaties; fouten en verwachtingen in {out / 'manifest.json'}"
    )


def _settings(landing: Path | None, warehouse: Path | None, peildatum: str | None) -> config.Settings:
    """The settings from the environment and the flags; what this process writes from now on gets their modes."""
    try:
        settings = config.from_env().with_overrides(
            landing_dir=landing, warehouse=warehouse, peildatum=_date(peildatum)
        )
    except config.ConfigError as exc:
        _fail(str(exc))
        raise  # unreachable; keeps type checkers calm
    private_files.apply(settings.bestanden_groep)
    return settings


def _run(settings: config.Settings) -> bool:
    from runtime.workdb import RunLocked
    from wmo_monitor.run import format_summary, run_pipeline

    try:
        outcome = run_pipeline(settings)
    except (config.ConfigError, RunLocked) as exc:
        _fail(str(exc))
    click.echo(format_summary(outcome))
    return outcome.success


@main.command(help="Lees nieuwe bestanden in, bouw en test alle modellen en publiceer (zonder interactie).")
@click.option("--landing", type=click.Path(path_type=Path), help="Landingsmap (WMO_LANDING_DIR).")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB-bestand (WMO_WAREHOUSE).")
@click.option("--peildatum", help="Peildatum JJJJ-MM-DD (WMO_PEILDATUM); standaard de laatste Dagtekening.")
def run(landing: Path | None, warehouse: Path | None, peildatum: str | None) -> None:
    settings = _settings(landing, warehouse, peildatum)
    if not settings.landing_dir.is_dir():
        _fail(f"Landingsmap {settings.landing_dir} bestaat niet. Geef --landing of zet WMO_LANDING_DIR.")
    sys.exit(0 if _run(settings) else 1)


def streamlit_command(adres: str, port: int) -> list[str]:
    """The `streamlit run` command line for the dashboard (also used by the browser tests, so they test this).

    Listens on `adres` only. `browser.serverAddress` is set too: without it a headless Streamlit asks an internet
    service for the machine's public address at start-up. The toolbar is `minimal` (no Deploy button, no developer
    menu) and usage statistics are off: the dashboard must work offline and show only what a municipal user needs.
    """
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO_ROOT / "dashboards" / "app.py"),
        "--server.headless",
        "true",
        "--server.address",
        adres,
        "--server.port",
        str(port),
        "--browser.serverAddress",
        adres,
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--global.developmentMode",
        "false",
    ]


def _dashboard_url(adres: str, port: int) -> str:
    if adres in {"0.0.0.0", "::"}:  # the user asked for every interface
        return f"http://<naam-van-deze-computer>:{port} (luistert op alle netwerkadressen)"
    host = f"[{adres}]" if ":" in adres else adres
    return f"http://{host}:{port}"


def _serve(settings: config.Settings, port: int) -> None:
    env = {**os.environ, "WMO_WAREHOUSE": str(settings.warehouse.resolve())}
    if settings.users_file:
        env["WMO_USERS_FILE"] = str(settings.users_file.resolve())
    click.echo(f"Dashboard: {_dashboard_url(settings.dashboard_adres, port)}  (stoppen met Ctrl+C)")
    sys.exit(supervise.run_child(streamlit_command(settings.dashboard_adres, port), env, label="Dashboard"))


_ADRES_HELP = "Netwerkadres waarop het dashboard luistert (WMO_DASHBOARD_ADRES); standaard 127.0.0.1, alleen deze computer."


@main.command(help="Start het dashboard op de gepubliceerde warehouse.")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB-bestand (WMO_WAREHOUSE).")
@click.option("--port", default=8501, show_default=True)
@click.option("--adres", "--address", "adres", help=_ADRES_HELP)
def serve(warehouse: Path | None, port: int, adres: str | None) -> None:
    settings = _settings(None, warehouse, None).with_overrides(dashboard_adres=adres)
    try:
        settings.require_key()
    except config.ConfigError as exc:
        _fail(str(exc))
    if not settings.warehouse.exists():
        _fail(f"Geen warehouse op {settings.warehouse}. Draai eerst `wmo-monitor run`.")
    _serve(settings, port)


@main.command(
    help="Demo: genereer de demoregio (als die ontbreekt), draai de pipeline en start het dashboard."
)
@click.option(
    "--scale", default=0.2, show_default=True, help="Groot genoeg dat de meeste cellen boven de 10 komen."
)
@click.option("--port", default=8501, show_default=True)
@click.option("--adres", "--address", "adres", help=_ADRES_HELP)
@click.option("--no-serve", is_flag=True, help="Alleen genereren en draaien, geen dashboard starten.")
@click.option(
    "--opnieuw", is_flag=True, help=f"Verwijder de bestaande demo ({DEMO_DIR}) en genereer een nieuwe regio."
)
def demo(scale: float, port: int, adres: str | None, no_serve: bool, opnieuw: bool) -> None:
    from dashboards.auth import write_demo_users
    from demo_region import generate_region

    landing, warehouse = DEMO_DIR / "landing", DEMO_DIR / "warehouse.duckdb"
    os.environ["WMO_PSEUDONIEM_SLEUTEL"] = config.DEMO_SLEUTEL
    click.echo(
        "LET OP: de demo gebruikt een vaste, openbare demosleutel voor pseudonimisering; niet voor echte gegevens."
    )
    settings = _settings(landing, warehouse, None).with_overrides(
        users_file=DEMO_DIR / "gebruikers.json", dashboard_adres=adres
    )
    if opnieuw and DEMO_DIR.exists():
        click.echo(f"De bestaande demo in {DEMO_DIR} wordt verwijderd.")
        shutil.rmtree(DEMO_DIR)
    bestaande = _demo_scale(landing)
    if bestaande is None:
        generate_region(landing, scale=scale, progress=progress.report)
    elif bestaande != scale:
        click.echo(
            f"De bestaande demoregio (schaal {bestaande}) wordt gebruikt, niet schaal {scale}. Voor een nieuwe "
            f"regio op schaal {scale}: wmo-monitor demo --opnieuw --scale {scale}"
        )
    if not _run(settings):
        sys.exit(1)
    passwords = write_demo_users(settings.effective_users_file)
    os.environ["WMO_USERS_FILE"] = str(settings.effective_users_file.resolve())
    click.echo("Demo-inloggegevens (gebruikersnaam = rol / wachtwoord):")
    for user, password in passwords.items():
        click.echo(f"  {user} / {password}")
    if not no_serve:
        _serve(settings, port)


def _demo_scale(landing: Path) -> float | None:
    """The scale of the demo region already generated in `landing`, or None when there is none (yet)."""
    try:
        return float(json.loads((landing / "manifest.json").read_text(encoding="utf-8"))["scale"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@main.command(help="Wat is geladen, wanneer, en wat staat in quarantaine.")
@click.option("--warehouse", type=click.Path(path_type=Path), help="DuckDB-bestand (WMO_WAREHOUSE).")
def status(warehouse: Path | None) -> None:
    from wmo_monitor.status import status_report

    try:
        click.echo(status_report(_settings(None, warehouse, None)))
    except config.ConfigError as exc:
        _fail(str(exc))


MIN_WACHTWOORD_LENGTE = 12
"""Passwords a person chooses for the dashboard: long enough that guessing through the login throttle is hopeless."""


def _users_file(gebruikersbestand: Path | None, warehouse: Path | None) -> Path:
    return _settings(None, warehouse, None).with_overrides(users_file=gebruikersbestand).effective_users_file


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _ask_password(from_stdin: bool) -> str:
    """The new password from one line of stdin, or typed twice without echo; never from the command line."""
    if from_stdin:
        wachtwoord = click.get_text_stream("stdin").readline().rstrip("\r\n")
    elif not _stdin_is_terminal():
        _fail(
            "Er is geen terminal om het wachtwoord te vragen. Geef het op via stdin met --wachtwoord-stdin."
        )
    else:
        wachtwoord = click.prompt("Wachtwoord", hide_input=True)
        if click.prompt("Herhaal het wachtwoord", hide_input=True) != wachtwoord:
            _fail("De twee wachtwoorden zijn niet gelijk; er is niets gewijzigd.")
    if len(wachtwoord) < MIN_WACHTWOORD_LENGTE:
        _fail(f"Het wachtwoord is korter dan {MIN_WACHTWOORD_LENGTE} tekens; er is niets gewijzigd.")
    return wachtwoord


def _codes(gemeenten: tuple[str, ...]) -> list[str]:
    """`--gemeente 0344 --gemeente 0345` and `--gemeente 0344,0345` mean the same."""
    return [code.strip() for waarde in gemeenten for code in waarde.split(",") if code.strip()]


def _beschrijf(gebruiker: Gebruiker) -> str:
    gemeenten = ", ".join(gebruiker.gemeenten) if gebruiker.gemeenten else "alle gemeenten"
    return f"{gebruiker.gebruikersnaam} (rol {gebruiker.rol}; {gemeenten})"


_ROLLEN_HELP = "contractmanager, controller, verantwoording, beheerder of beleid"
"""dashboards.auth.ROLLEN in words; not imported here, so that every command starts without hashing a password."""
_gebruikersbestand_optie = click.option(
    "--gebruikersbestand",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gebruikersbestand (WMO_USERS_FILE); standaard gebruikers.json naast de warehouse.",
)
_warehouse_optie = click.option(
    "--warehouse", type=click.Path(path_type=Path), help="DuckDB-bestand (WMO_WAREHOUSE)."
)
_wachtwoord_stdin_optie = click.option(
    "--wachtwoord-stdin",
    is_flag=True,
    help="Lees het wachtwoord als één regel van stdin (voor scripts) in plaats van het te vragen.",
)


@main.group(
    help="Dashboardgebruikers beheren. Wachtwoorden worden gevraagd zonder ze te tonen (of met "
    "--wachtwoord-stdin van stdin gelezen), nooit als argument, en alleen als gezouten hash bewaard."
)
def gebruikers() -> None:
    """Group only; the subcommands do the work."""


@gebruikers.command(help="Voeg een gebruiker toe met een rol en eventueel een beperking tot gemeenten.")
@click.argument("naam")
@click.option("--rol", required=True, help=f"Rol: {_ROLLEN_HELP}.")
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    help="CBS-gemeentecode (4 cijfers) die de gebruiker mag zien; herhaal of scheid met komma's. Zonder: alle.",
)
@_wachtwoord_stdin_optie
@_gebruikersbestand_optie
@_warehouse_optie
def toevoegen(
    naam: str,
    rol: str,
    gemeenten: tuple[str, ...],
    wachtwoord_stdin: bool,
    gebruikersbestand: Path | None,
    warehouse: Path | None,
) -> None:
    from dashboards.auth import GebruikersFout, check_user, create_user

    pad = _users_file(gebruikersbestand, warehouse)
    try:
        check_user(pad, naam, bestaat=False, rol=rol, gemeenten=_codes(gemeenten))
        gebruiker = create_user(
            pad, naam, _ask_password(wachtwoord_stdin), rol, _codes(gemeenten), vervangen=False
        )
    except GebruikersFout as exc:
        _fail(str(exc))
    click.echo(f"Gebruiker {_beschrijf(gebruiker)} toegevoegd aan {pad}.")


@gebruikers.command(help="Wijzig de rol, de gemeenten of het wachtwoord van een bestaande gebruiker.")
@click.argument("naam")
@click.option("--rol", help=f"Nieuwe rol: {_ROLLEN_HELP}.")
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    help="Vervang de gemeenten door deze CBS-codes (herhaal of scheid met komma's).",
)
@click.option("--alle-gemeenten", is_flag=True, help="Hef de beperking tot gemeenten op.")
@click.option("--wachtwoord", "nieuw_wachtwoord", is_flag=True, help="Vraag een nieuw wachtwoord.")
@_wachtwoord_stdin_optie
@_gebruikersbestand_optie
@_warehouse_optie
def wijzigen(
    naam: str,
    rol: str | None,
    gemeenten: tuple[str, ...],
    alle_gemeenten: bool,
    nieuw_wachtwoord: bool,
    wachtwoord_stdin: bool,
    gebruikersbestand: Path | None,
    warehouse: Path | None,
) -> None:
    from dashboards.auth import GebruikersFout, check_user, update_user

    if gemeenten and alle_gemeenten:
        _fail("Geef --gemeente of --alle-gemeenten, niet allebei.")
    if rol is None and not gemeenten and not alle_gemeenten and not (nieuw_wachtwoord or wachtwoord_stdin):
        _fail("Er is niets te wijzigen: geef --rol, --gemeente, --alle-gemeenten of --wachtwoord.")
    pad = _users_file(gebruikersbestand, warehouse)
    nieuwe_gemeenten = [] if alle_gemeenten else (_codes(gemeenten) or None)
    try:
        check_user(pad, naam, bestaat=True, rol=rol, gemeenten=nieuwe_gemeenten)
        gebruiker = update_user(
            pad,
            naam,
            rol=rol,
            gemeenten=nieuwe_gemeenten,
            wachtwoord=_ask_password(wachtwoord_stdin) if nieuw_wachtwoord or wachtwoord_stdin else None,
        )
    except GebruikersFout as exc:
        _fail(str(exc))
    click.echo(f"Gebruiker {_beschrijf(gebruiker)} gewijzigd in {pad}.")


@gebruikers.command(
    help="Verwijder een gebruiker; een open dashboardsessie van die gebruiker eindigt direct."
)
@click.argument("naam")
@_gebruikersbestand_optie
@_warehouse_optie
def verwijderen(naam: str, gebruikersbestand: Path | None, warehouse: Path | None) -> None:
    from dashboards.auth import GebruikersFout, remove_user

    pad = _users_file(gebruikersbestand, warehouse)
    try:
        remove_user(pad, naam)
    except GebruikersFout as exc:
        _fail(str(exc))
    click.echo(f"Gebruiker {naam.strip()} verwijderd uit {pad}.")


@gebruikers.command(help="Toon alle gebruikers met hun rol en gemeenten (geen wachtwoorden).")
@_gebruikersbestand_optie
@_warehouse_optie
def lijst(gebruikersbestand: Path | None, warehouse: Path | None) -> None:
    from dashboards.auth import GebruikersFout, laad_gebruikers

    pad = _users_file(gebruikersbestand, warehouse)
    try:
        alle = laad_gebruikers(pad)
    except GebruikersFout as exc:
        _fail(str(exc))
    if not alle:
        click.echo(f"Nog geen gebruikers in {pad}. Voeg er een toe met `wmo-monitor gebruikers toevoegen`.")
        return
    click.echo(f"Gebruikers in {pad}:")
    breedte = max(len("gebruikersnaam"), *(len(n) for n in alle))
    click.echo(f"  {'gebruikersnaam':<{breedte}}  {'rol':<15}  gemeenten")
    for naam, gebruiker in sorted(alle.items()):
        gemeenten = ", ".join(gebruiker.gemeenten) if gebruiker.gemeenten else "alle"
        click.echo(f"  {naam:<{breedte}}  {gebruiker.rol:<15}  {gemeenten}")


@main.command(
    help="Exporteer alle tabellen van het schema marts van de gepubliceerde warehouse als Parquet-bestanden "
    "(één bestand per tabel), voor Power BI, Excel of een ander BI-pakket."
)
@click.option(
    "--parquet",
    "doelmap",
    type=click.Path(path_type=Path),
    required=True,
    help="Map voor de bestanden <tabel>.parquet; wordt aangemaakt als die ontbreekt.",
)
@_warehouse_optie
def export(doelmap: Path, warehouse: Path | None) -> None:
    from wmo_monitor.export import export_parquet

    settings = _settings(None, warehouse, None)
    try:
        aantallen = export_parquet(settings.warehouse, doelmap)
    except config.ConfigError as exc:
        _fail(str(exc))
    click.echo(f"{len(aantallen)} tabellen geëxporteerd naar {doelmap}:")
    breedte = max(len(naam) for naam in aantallen) + len(".parquet")
    for naam, rijen in aantallen.items():
        click.echo(f"  {naam + '.parquet':<{breedte}}  {rijen:>9} rijen")


@main.command(help="Prestatiemeting: inlezen t.o.v. lxml, en de hele pipeline op drie schalen.")
@click.option("--scale", default=0.2, show_default=True, help="Schaal van de regio voor de inleesmeting.")
@click.option("--scales", default="0.05,0.1,0.2", show_default=True, help="Schalen voor de pipeline-meting.")
@click.option("--skip-pipeline", is_flag=True, help="Alleen de inleesmeting.")
@click.option(
    "--repeats", default=3, show_default=True, help="Keren dat lxml en het inlezen om beurten worden gemeten."
)
def bench(scale: float, scales: str, skip_pipeline: bool, repeats: int) -> None:
    import tempfile

    from demo_region import generate_region
    from wmo_monitor.bench import bench_ingest, bench_pipeline

    with tempfile.TemporaryDirectory(prefix="wmo-bench-") as folder:
        landing = Path(folder) / "landing"
        generate_region(landing, seed=7, scale=scale, years=(2024, 2024), progress=progress.report)
        r = bench_ingest(landing, repeats=repeats)
    click.echo(
        f"Inlezen iWmo (schaal {scale}): {r['bestanden']:.0f} bestanden, {r['berichten']:.0f} berichten verwerkt "
        f"(geladen, duplicaat of afgekeurd; waarvan {r['berichten_geladen']:.0f} geladen), {r['mb']:.1f} MB; "
        f"beste van {r['herhalingen']:.0f} beurten: lxml alleen {r['lxml_s']:.2f} s, inlezen {r['ingest_s']:.2f} s; "
        f"{r['bestanden_per_s']:.0f} bestanden/s, {r['berichten_per_s']:.0f} verwerkte berichten/s, "
        f"{r['mb_per_s']:.1f} MB/s; VERHOUDING inlezen/lxml = {r['ratio']:.2f} (doel <= 3; per beurt "
        f"{r['ratio_min']:.2f} tot {r['ratio_max']:.2f})"
    )
    click.echo(
        f"Analistenscript (xmltodict + pandas, dezelfde berichten): {r['analist_s']:.1f} s, CPU {r['analist_cpu_s']:.1f} s "
        f"tegen CPU {r['ingest_cpu_s']:.1f} s voor het inlezen; VERHOUDING analist/inlezen (CPU) = "
        f"{r['analist_ratio_cpu']:.1f} (doel >= 5)"
    )
    if (r["berichten"], r["bestanden"]) != (r["berichten_baseline"], r["bestanden_baseline"]):
        click.echo(
            f"LET OP: lxml parste {r['berichten_baseline']:.0f} berichten uit {r['bestanden_baseline']:.0f} "
            "bestanden, het inlezen een ander aantal; de verhouding vergelijkt dan niet dezelfde bytes."
        )
    if skip_pipeline:
        return
    rows = [bench_pipeline(float(s), 2024) for s in scales.split(",")]
    click.echo("schaal  prestaties  vers (s)  incrementeel (s)  s per 1.000 regels")
    for row in rows:
        click.echo(
            f"{row['scale']:<7} {row['prestaties']:<11.0f} {row['fresh_s']:<9.1f} {row['incremental_s']:<17.1f} "
            f"{row['s_per_1000_regels']:.3f}" + ("" if row["ok"] else "  (RUN MISLUKT)")
        )


if __name__ == "__main__":
    main()
