"""Datakwaliteit (beheerder): files by status, quarantine by reason, the latest pipeline runs and the audit log."""

import pandas as pd
import streamlit as st

from dashboards import auth, db, formatting, ui
from dashboards.ui import Kolom

ui.pagina(
    "Datakwaliteit",
    ("beheerder",),
    "Zijn alle bestanden aangekomen en geladen? Wat is geweigerd en waarom? Elk bestand in de landingszone staat in "
    "het register met een status; elk geweigerd bestand, bericht of elke geweigerde rij staat in quarantaine.",
)

REDENEN = {
    "BESTANDSTYPE_ONBEKEND": "Bestandstype niet toegestaan in deze map",
    "XML_NIET_WELGEVORMD": "Geen welgevormde XML",
    "GEEN_IWMO_BERICHT": "Geen iWmo-bericht",
    "BERICHTTYPE_ONBEKEND": "Onbekend of niet ondersteund berichttype",
    "RELEASE_NIET_ONDERSTEUND": "iWmo-release niet ondersteund",
    "ZIP_CORRUPT": "Zip-bestand beschadigd",
    "ZIP_VERSLEUTELD": "Zip-bestand versleuteld",
    "ZIP_PAD_ONVEILIG": "Onveilig pad in zip-bestand",
    "ZIP_TE_GROOT": "Zip-bestand te groot",
    "ZIP_LEEG": "Zip-bestand zonder berichten",
    "VERPLICHT_ELEMENT_ONTBREEKT": "Verplicht element ontbreekt",
    "PATROON_ONGELDIG": "Waarde voldoet niet aan het patroon",
    "CODE_ONBEKEND": "Onbekende code",
    "BSN_ONGELDIG": "BSN ongeldig (11-proef)",
    "DATUM_ONGELDIG": "Ongeldige datum",
    "BEDRAG_ONGELDIG": "Ongeldig bedrag",
    "XSD_ONGELDIG": "Voldoet niet aan het XSD",
    "BERICHT_CONFLICT": "Zelfde bericht eerder met andere inhoud geladen",
    "BESTAND_ONLEESBAAR": "Bestand onleesbaar",
    "TABBLAD_ONTBREEKT": "Tabblad ontbreekt",
    "KOLOM_ONTBREEKT": "Kolom ontbreekt",
    "VERPLICHT_VELD_LEEG": "Verplicht veld leeg",
    "WAARDE_ONBEKEND": "Onbekende waarde",
    "AFGEHANDELD_VOOR_ONTVANGST": "Afgehandeld vóór ontvangst",
    "GETAL_ONGELDIG": "Ongeldig getal",
    "CIJFER_ONGELDIG": "Cijfer niet tussen 1 en 10",
    "SUBRESULTAAT_ONBEKEND": "Onbekend subresultaat",
    "CODE_ONGELDIG": "Ongeldige code",
}
BESTAND_STATUS = {"geladen": "Geladen", "duplicaat": "Duplicaat", "quarantaine": "Quarantaine"}
GEBEURTENISSEN = {
    "login": "Ingelogd",
    "login_mislukt": "Inloggen mislukt",
    "login_geblokkeerd": "Inloggen geblokkeerd",
    "uitloggen": "Uitgelogd",
    "export": "Export",
}
# The newest events read into the table (and its download); the screen shows the first 200 of them.
AUDIT_MAX = 5000

if ui.vereist("audit.bestanden"):
    per_status = db.query(
        "SELECT familie, status, count(*) AS bestanden, coalesce(sum(aantal_records), 0) AS records, "
        "coalesce(sum(bytes), 0) AS bytes FROM audit.bestanden GROUP BY ALL ORDER BY familie, status"
    )
    totaal = per_status.groupby("status")["bestanden"].sum()
    c = st.columns(4)
    c[0].metric("Bestanden", formatting.aantal(int(per_status["bestanden"].sum())))
    for kol, code in zip(c[1:], BESTAND_STATUS, strict=True):
        kol.metric(BESTAND_STATUS[code], formatting.aantal(int(totaal.get(code, 0))))
    st.subheader("Bestanden per familie en status")
    per_status["status_label"] = per_status["status"].map(lambda s: BESTAND_STATUS.get(s, s))
    if not per_status.empty:
        ui.staafdiagram(
            per_status,
            "familie",
            "bestanden",
            titel="Bestanden per familie",
            as_titel="Bestanden",
            formaat=",d",
            kleur="status_label",
            kleur_titel="Status",
        )
    ui.tabel(
        per_status,
        [
            Kolom("familie", "Familie"),
            Kolom("status_label", "Status"),
            Kolom("bestanden", "Bestanden", "aantal"),
            Kolom("records", "Records", "aantal"),
            Kolom("bytes", "Bytes", "aantal"),
        ],
        naam="Bestanden per status",
        onderdrukken=False,  # files, not persons or events
    )
    with st.expander("Laatst geziene bestanden"):
        recent = db.query("SELECT * FROM audit.bestanden ORDER BY eerst_gezien DESC, pad LIMIT 500")
        recent["status_label"] = recent["status"].map(lambda s: BESTAND_STATUS.get(s, s))
        ui.tabel(
            recent,
            [
                Kolom("pad", "Pad"),
                Kolom("familie", "Familie"),
                Kolom("status_label", "Status"),
                Kolom("aantal_records", "Records", "aantal"),
                Kolom("eerst_gezien", "Eerst gezien", "datum"),
                Kolom("sha256", "SHA-256"),
            ],
            naam="Laatst geziene bestanden",
            onderdrukken=False,
        )

st.subheader("Quarantaine per reden")
if ui.vereist("audit.quarantaine"):
    per_reden = db.query(
        "SELECT reden_code, count(*) AS items, count(DISTINCT pad) AS bestanden, any_value(melding) AS voorbeeld "
        "FROM audit.quarantaine GROUP BY ALL ORDER BY items DESC"
    )
    per_reden["reden"] = per_reden["reden_code"].map(lambda r: REDENEN.get(r, r))
    ui.tabel(
        per_reden,
        [
            Kolom("reden_code", "Code"),
            Kolom("reden", "Reden"),
            Kolom("items", "Items", "aantal"),
            Kolom("bestanden", "Bestanden", "aantal"),
            Kolom("voorbeeld", "Voorbeeldmelding"),
        ],
        naam="Quarantaine per reden",
        onderdrukken=False,
    )
    detail = db.query(
        "SELECT pad, familie, locatie, reden_code, melding, eerst_gezien FROM audit.quarantaine "
        "ORDER BY eerst_gezien DESC, pad LIMIT 5000"
    )
    detail["reden"] = detail["reden_code"].map(lambda r: REDENEN.get(r, r))
    st.markdown("**Alle quarantaine-items**")
    ui.tabel(
        detail,
        [
            Kolom("pad", "Pad"),
            Kolom("familie", "Familie"),
            Kolom("locatie", "Locatie"),
            Kolom("reden", "Reden"),
            Kolom("melding", "Melding"),
            Kolom("eerst_gezien", "Eerst gezien", "datum"),
        ],
        naam="Quarantaine detail",
        onderdrukken=False,
    )

st.subheader("Laatste runs")
if ui.vereist("audit.runs"):
    runs = db.query("SELECT * FROM audit.runs ORDER BY start DESC NULLS LAST LIMIT 20")
    runs["duur_s"] = (runs["einde"] - runs["start"]).dt.total_seconds()
    ui.tabel(
        runs,
        [
            Kolom("run_id", "Run"),
            Kolom("start", "Start", "datum"),
            Kolom("duur_s", "Duur (s)", "getal1"),
            Kolom("status", "Status"),
            Kolom("peildatum", "Peildatum", "datum"),
            Kolom("bestanden_nieuw", "Nieuw", "aantal"),
            Kolom("bestanden_geladen", "Geladen", "aantal"),
            Kolom("bestanden_duplicaat", "Duplicaat", "aantal"),
            Kolom("bestanden_quarantaine", "Quarantaine", "aantal"),
            Kolom("records_raw", "Records", "aantal"),
            Kolom("quarantaine_items", "Quarantaine-items", "aantal"),
            Kolom("dbt_tests_geslaagd", "dbt-tests geslaagd", "aantal"),
            Kolom("dbt_tests_gefaald", "dbt-tests gefaald", "aantal"),
            Kolom("melding", "Melding"),
        ],
        naam="Laatste runs",
        onderdrukken=False,
    )


st.subheader("Auditlog dashboard")
st.caption(
    "Aanmeldingen, mislukte en geblokkeerde aanmeldingen, afmeldingen en exports (CSV/Excel) in het dashboard, "
    "nieuwste eerst; tijden in Nederlandse tijd. Wachtwoorden staan nooit in het log."
)


def _detail(regel: dict) -> str:
    return ", ".join(
        f"{k}: {v}"
        for k, v in regel.items()
        if k not in ("tijdstip", "gebeurtenis", "gebruikersnaam") and v not in (None, "")
    )


regels = auth.lees_audit(db.settings().state_dir)[-AUDIT_MAX:]
if not regels:
    st.info("Het auditlog is nog leeg.", icon=":material/info:")
else:
    audit = pd.DataFrame(
        {
            "tijdstip": pd.to_datetime([r.get("tijdstip") for r in regels], utc=True, errors="coerce")
            .tz_convert("Europe/Amsterdam")
            .tz_localize(None),
            "gebruikersnaam": [r.get("gebruikersnaam", "") for r in regels],
            "code": [r.get("gebeurtenis", "") for r in regels],
            "detail": [_detail(r) for r in regels],
        }
    ).iloc[::-1]
    audit["gebeurtenis"] = audit["code"].map(lambda c: GEBEURTENISSEN.get(c, c))
    soorten = [c for c in GEBEURTENISSEN if c in set(audit["code"])]
    soorten += sorted(set(audit["code"]) - set(soorten))
    gekozen = st.multiselect(
        "Soort gebeurtenis",
        soorten,
        format_func=lambda c: GEBEURTENISSEN.get(c, c),
        placeholder="Alle gebeurtenissen",
        key="audit_gebeurtenis",
    )
    if gekozen:
        audit = audit[audit["code"].isin(gekozen)]
    ui.tabel(
        audit,
        [
            Kolom("tijdstip", "Tijdstip", "datum"),
            Kolom("gebruikersnaam", "Gebruiker"),
            Kolom("gebeurtenis", "Gebeurtenis"),
            Kolom("detail", "Detail"),
        ],
        naam="Auditlog dashboard",
        onderdrukken=False,  # dashboard users, not clients
        max_rijen=200,
    )
