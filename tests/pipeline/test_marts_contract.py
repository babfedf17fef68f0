"""The published marts are a public interface (marts.md): every promised table and column must exist."""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.slow

CONTRACT = {
    "dim_gemeente": "gemeentecode gemeentenaam regio",
    "dim_aanbieder": "aanbieder_agb aanbieder_naam",
    "dim_wijk": "wijkcode wijknaam gemeentecode",
    "dim_subresultaat": "subresultaat deelresultaat deelresultaat_naam omschrijving",
    "dim_reden_beeindiging": "standaard release code omschrijving reden_groep",
    "fct_toewijzingen": "gemeentecode toewijzingnummer aanbieder_agb client_pseudoniem wijkcode productcategorie "
    "productcode eenheid volume frequentie budget_cent toewijzingsdatum ingangsdatum einddatum reden_wijziging "
    "is_verwijderd startdatum einddatum_traject reden_beeindiging reden_groep dagen_tot_start tijdig_gestart duur_dagen",
    "fct_aanvragen": "aanbieder_agb referentie_aanbieder gemeentecode client_pseudoniem aanvraagdatum productcategorie "
    "antwoorddatum antwoordsoort dagen_tot_antwoord tijdig_beantwoord toewijzingnummer dagen_tot_toewijzing status",
    "fct_prestaties": "aanbieder_agb declaratienummer referentienummer gemeentecode toewijzingnummer client_pseudoniem "
    "productcategorie productcode eenheid periode_begin periode_eind volume tarief_cent bedrag_cent status retourcodes",
    "fct_budget_jaar": "gemeentecode toewijzingnummer jaar aanbieder_agb wijkcode productcategorie "
    "toegewezen_bedrag_cent ingediend_bedrag_cent goedgekeurd_bedrag_cent in_behandeling_bedrag_cent uitputting_pct opmerking",
    "rechtmatigheid_signalen": "aanbieder_agb declaratienummer referentienummer signaal_code gemeentecode "
    "toewijzingnummer client_pseudoniem jaar signaal bedrag_cent toelichting",
    "fct_klachten": "aanbieder_agb klacht_id gemeentecode toewijzingnummer client_pseudoniem datum_ontvangst "
    "datum_afgehandeld categorie uitkomst afhandeldagen",
    "fct_resultaten": "aanbieder_agb boekjaar gemeentecode toewijzingnummer subresultaat wijkcode deelresultaat "
    "inschatting_vooraf resultaat score evaluatiedatum vervolgadvies",
    "fct_tevredenheid": "aanbieder_agb boekjaar gemeentecode toewijzingnummer wijkcode datum cijfer respondent",
    "kpi_doelrealisatie": "jaar gemeentecode wijkcode aanbieder_agb deelresultaat inschatting_vooraf aantal_behaald "
    "aantal_deels aantal_niet aantal",
    "kpi_tevredenheid": "jaar gemeentecode wijkcode aanbieder_agb aantal_respondenten som_cijfer aantal_voldoende aantal_beeindigd",
    "kpi_uitval": "jaar gemeentecode wijkcode aanbieder_agb productcategorie reden_beeindiging reden_groep aantal",
    "kpi_budgetuitputting": "jaar gemeentecode wijkcode aanbieder_agb productcategorie toegewezen_bedrag_cent "
    "ingediend_bedrag_cent goedgekeurd_bedrag_cent aantal_toewijzingen",
    "kpi_klachten": "jaar gemeentecode aanbieder_agb categorie uitkomst aantal_klachten aantal_afgehandeld "
    "aantal_binnen_6_weken som_afhandeldagen",
    "kpi_berichtenverkeer": "jaar aanbieder_agb berichttype aantal aantal_tijdig aantal_met_retourcode",
    "verantwoording_status": "boekjaar aanbieder_agb ontvangen versie productie_tijdig omzet_wmo_totaal_cent "
    "verklaring_vereist soort_verklaring verklaring_ok aantal_gemeenten_afwijking status",
    "verantwoording_reconciliatie": "boekjaar aanbieder_agb gemeentecode verantwoord_bedrag_cent goedgekeurd_bedrag_cent "
    "verschil_cent afwijking",
    "benchmark_gemeenten": "jaar gemeentecode indicator teller noemer waarde regio_waarde grens_95_laag grens_95_hoog "
    "grens_998_laag grens_998_hoog buiten_998 onderdrukt",
}
AUDIT = {
    "bestanden": "pad sha256 bytes familie eerst_gezien status aantal_records",
    "quarantaine": "pad sha256 familie locatie reden_code melding eerst_gezien",
    "runs": "run_id start einde status",
}


def _columns(con, schema: str) -> dict[str, set[str]]:
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?", [schema]
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


@pytest.mark.parametrize(("schema", "contract"), [("marts", CONTRACT), ("audit", AUDIT)])
def test_every_promised_table_and_column_is_published(pipeline_run, schema, contract):
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        found = _columns(con, schema)
    missing = {
        table: sorted(set(columns.split()) - found.get(table, set()))
        for table, columns in contract.items()
        if set(columns.split()) - found.get(table, set())
    }
    assert not missing, f"Ontbrekende tabellen/kolommen in {schema}: {missing}"


def test_money_is_bigint_cents_and_flags_are_boolean(pipeline_run):
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        types = dict(
            con.execute(
                "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'marts'"
            ).fetchall()
        )
    assert types["fct_prestaties.bedrag_cent"] == "BIGINT"
    assert types["fct_budget_jaar.toegewezen_bedrag_cent"] == "DOUBLE"
    assert types["fct_toewijzingen.is_verwijderd"] == "BOOLEAN"
    assert types["benchmark_gemeenten.onderdrukt"] == "BOOLEAN"
    assert types["fct_toewijzingen.ingangsdatum"] == "DATE"
