"""`wmo-monitor serve` listens on 127.0.0.1 unless an address is given (issue 18, issue 24 item 5)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit_server import draaiende_server, vrije_poort

from runtime import config
from wmo_monitor import cli

WMO_MONITOR = Path(sys.executable).with_name("wmo-monitor")


def _luisterende_adressen(poort: int) -> set[str]:
    """The local addresses with a listening TCP socket on `poort`, from /proc/net/tcp and tcp6 (Linux)."""
    adressen = set()
    for bestand, familie in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        if not os.path.exists(bestand):
            continue
        for regel in Path(bestand).read_text().splitlines()[1:]:
            lokaal, status = regel.split()[1], regel.split()[3]
            adres_hex, poort_hex = lokaal.split(":")
            if status != "0A" or int(poort_hex, 16) != poort:  # 0A = LISTEN
                continue
            ruw = bytes.fromhex(adres_hex)
            # /proc writes each 32-bit word in host (little-endian) order
            ruw = b"".join(ruw[i : i + 4][::-1] for i in range(0, len(ruw), 4))
            adressen.add(socket.inet_ntop(familie, ruw))
    return adressen


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="leest /proc/net/tcp (Linux)")
def test_serve_listens_only_on_127_0_0_1_by_default(_bestanden, tmp_path) -> None:
    poort = vrije_poort()
    env = {
        **{k: v for k, v in os.environ.items() if k != "WMO_DASHBOARD_ADRES"},
        "WMO_PSEUDONIEM_SLEUTEL": "test",
        "WMO_USERS_FILE": str(_bestanden.users_file),
    }
    log = tmp_path / "serve.log"
    command = [str(WMO_MONITOR), "serve", "--warehouse", str(_bestanden.warehouse), "--port", str(poort)]
    with draaiende_server(command, env, f"http://127.0.0.1:{poort}", log):
        assert _luisterende_adressen(poort) == {"127.0.0.1"}
        assert f"Dashboard: http://127.0.0.1:{poort}" in log.read_text()


@pytest.mark.parametrize(
    ("argumenten", "omgeving", "verwacht"),
    [
        ([], {}, "127.0.0.1"),
        ([], {"WMO_DASHBOARD_ADRES": "10.1.2.3"}, "10.1.2.3"),
        (["--adres", "0.0.0.0"], {"WMO_DASHBOARD_ADRES": "10.1.2.3"}, "0.0.0.0"),  # the flag wins
        (["--address", "::1"], {}, "::1"),
    ],
)
def test_address_from_flag_then_environment_then_default(
    tmp_path, monkeypatch, argumenten: list[str], omgeving: dict[str, str], verwacht: str
) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    warehouse.write_bytes(b"")
    monkeypatch.delenv("WMO_DASHBOARD_ADRES", raising=False)
    gestart: list[config.Settings] = []
    monkeypatch.setattr(cli, "_serve", lambda settings, port: gestart.append(settings))
    result = CliRunner().invoke(
        cli.main,
        ["serve", "--warehouse", str(warehouse), *argumenten],
        env={"WMO_PSEUDONIEM_SLEUTEL": "test", **omgeving},
    )
    assert result.exit_code == 0, result.output
    assert gestart[0].dashboard_adres == verwacht
    commando = cli.streamlit_command(verwacht, 8501)
    assert commando[commando.index("--server.address") + 1] == verwacht
    assert commando[commando.index("--browser.serverAddress") + 1] == verwacht
