"""Which pages exist and which roles may open them (imported by the app frame and by the tests)."""

from __future__ import annotations

from dashboards.ui import KPI_ROLLEN

KPI = KPI_ROLLEN
# (file, title, url path, icon, roles, section)
# The first page a role may open is its landing page (app.py makes it the default): the contract manager lands
# on the provider scorecard.
PAGINAS: list[tuple[str, str, str, str, tuple[str, ...], str]] = [
    (
        "app_pages/scorekaart.py",
        "Scorekaart aanbieder",
        "scorekaart",
        ":material/scoreboard:",
        ("contractmanager",),
        "Prestaties aanbieders",
    ),
    (
        "app_pages/overzicht.py",
        "Overzicht",
        "overzicht",
        ":material/dashboard:",
        KPI,
        "Prestaties aanbieders",
    ),
    (
        "app_pages/doelrealisatie.py",
        "Doelrealisatie",
        "doelrealisatie",
        ":material/flag:",
        KPI,
        "Prestaties aanbieders",
    ),
    (
        "app_pages/tevredenheid.py",
        "Tevredenheid",
        "tevredenheid",
        ":material/sentiment_satisfied:",
        KPI,
        "Prestaties aanbieders",
    ),
    ("app_pages/uitval.py", "Uitval", "uitval", ":material/logout:", KPI, "Prestaties aanbieders"),
    (
        "app_pages/wachttijden.py",
        "Wachttijden",
        "wachttijden",
        ":material/hourglass_top:",
        KPI,
        "Prestaties aanbieders",
    ),
    (
        "app_pages/trajectduur.py",
        "Trajectduur",
        "trajectduur",
        ":material/timeline:",
        KPI,
        "Prestaties aanbieders",
    ),
    (
        "app_pages/budgetuitputting.py",
        "Budgetuitputting",
        "budgetuitputting",
        ":material/euro:",
        KPI,
        "Prestaties aanbieders",
    ),
    ("app_pages/klachten.py", "Klachten", "klachten", ":material/report:", KPI, "Prestaties aanbieders"),
    (
        "app_pages/berichtenverkeer.py",
        "Berichtenverkeer",
        "berichtenverkeer",
        ":material/mail:",
        KPI,
        "Prestaties aanbieders",
    ),
    ("app_pages/benchmark.py", "Benchmark", "benchmark", ":material/scatter_plot:", KPI, "Regio"),
    (
        "app_pages/gebieden.py",
        "Gebieden",
        "gebieden",
        ":material/map:",
        ("beleid",),
        "Beleid",
    ),
    (
        "app_pages/rechtmatigheid.py",
        "Rechtmatigheid",
        "rechtmatigheid",
        ":material/gavel:",
        ("controller",),
        "Controle",
    ),
    (
        "app_pages/verantwoording.py",
        "Verantwoording",
        "verantwoording",
        ":material/fact_check:",
        ("verantwoording",),
        "Verantwoording",
    ),
    (
        "app_pages/datakwaliteit.py",
        "Datakwaliteit",
        "datakwaliteit",
        ":material/database:",
        ("beheerder",),
        "Beheer",
    ),
    (
        "app_pages/aanlevering.py",
        "Aanlevering",
        "aanlevering",
        ":material/inbox:",
        ("beheerder",),
        "Beheer",
    ),
]


def pagina_bestanden(rol: str) -> list[str]:
    """The page files a role may open (used by the tests and the navigation)."""
    return [bestand for bestand, *_, rollen, _sectie in PAGINAS if rol in rollen]
