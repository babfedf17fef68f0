"""`wmo-monitor dagster` (`make dagster`): the Dagster UI and daemon on the instance `wmo-monitor run` records in.

It starts Dagster's own `dagster-webserver` and `dagster-daemon` (what the superseded `dagster dev` starts), with
the settings the CLI would use, so the sensor and schedules read the same landing folder and warehouse.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from pipelines.instance import prepare_home
from runtime import config

REPO_ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = REPO_ROOT / "workspace.yaml"


def console_settings(
    landing: Path | None, warehouse: Path | None, env: Mapping[str, str] | None = None
) -> tuple[config.Settings, bool]:
    """Flags, then WMO_* variables; with neither a landing folder nor a warehouse set, the demo once it exists.

    The second value says whether the demo was chosen: then its public demo key is used when no key is set,
    exactly as `wmo-monitor demo` does, so that a run the sensor starts can pseudonymise.
    """
    env = dict(os.environ if env is None else env)
    chosen = landing or warehouse or env.get("WMO_LANDING_DIR") or env.get("WMO_WAREHOUSE")
    demo = not chosen and (config.DEMO_DIR / "warehouse.duckdb").exists()
    if demo and not (env.get("WMO_PSEUDONIEM_SLEUTEL") or env.get("WMO_PSEUDONIEM_SLEUTEL_FILE")):
        env["WMO_PSEUDONIEM_SLEUTEL"] = config.DEMO_SLEUTEL
    settings = config.demo_settings(env) if demo else config.from_env(env)
    return settings.with_overrides(landing_dir=landing, warehouse=warehouse), demo


def console_env(settings: config.Settings, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of the webserver and daemon: absolute paths, because Dagster runs from the repository."""
    env = dict(os.environ if base is None else base)
    env.update(
        DAGSTER_HOME=str(settings.effective_dagster_home),
        WMO_LANDING_DIR=str(settings.landing_dir.resolve()),
        WMO_WAREHOUSE=str(settings.warehouse.resolve()),
    )
    if settings.pseudoniem_sleutel:
        env["WMO_PSEUDONIEM_SLEUTEL"] = settings.pseudoniem_sleutel
    if settings.users_file:
        env["WMO_USERS_FILE"] = str(settings.users_file.resolve())
    return env


def console_commands(host: str, port: int) -> list[list[str]]:
    """The daemon (sensor, schedules, run queue) and the webserver, both on the repository's workspace.yaml."""
    bin_dir = Path(sys.executable).parent
    return [
        [str(bin_dir / "dagster-daemon"), "run", "-w", str(WORKSPACE)],
        [str(bin_dir / "dagster-webserver"), "-w", str(WORKSPACE), "-h", host, "-p", str(port)],
    ]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_console(settings: config.Settings, host: str, port: int) -> int:
    """Run both processes until one stops or the user presses Ctrl+C (or the process gets SIGTERM); then stop both.

    Returns the exit code: 0 after Ctrl+C, else the code of the process that stopped first.
    """
    prepare_home(settings.effective_dagster_home)
    env = console_env(settings)
    signal.signal(signal.SIGTERM, _interrupt)
    processes = [
        subprocess.Popen(command, env=env, cwd=REPO_ROOT) for command in console_commands(host, port)
    ]
    code = 0
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        code = next(p.returncode for p in processes if p.returncode is not None)
    except KeyboardInterrupt:
        pass
    finally:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in processes:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    return code
