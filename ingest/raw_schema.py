"""The raw and audit layer: one declaration, used to create tables, type Arrow batches and document the contract.

`docs/architecture.md` explains each table; dbt's `__sources.yml` points at the same names.
"""

from __future__ import annotations

HEADER = [
    ("bericht_id", "VARCHAR"),
    ("berichtcode", "VARCHAR"),
    ("afzender", "VARCHAR"),
    ("ontvanger", "VARCHAR"),
    ("identificatie", "VARCHAR"),
    ("dagtekening", "DATE"),
]

_PRODUCT_REF = [
    ("client_pseudoniem", "VARCHAR"),
    ("toewijzingnummer", "BIGINT"),
    ("productcategorie", "VARCHAR"),
    ("productcode", "VARCHAR"),
    ("toewijzing_ingangsdatum", "DATE"),
    ("begindatum", "DATE"),
    ("status_aanlevering", "VARCHAR"),
]

_OMVANG = [
    ("volume", "BIGINT"),
    ("eenheid", "VARCHAR"),
    ("frequentie", "VARCHAR"),
    ("budget_cent", "BIGINT"),
]

_PRESTATIE = [
    ("client_pseudoniem", "VARCHAR"),
    ("referentienummer", "VARCHAR"),
    ("vorig_referentienummer", "VARCHAR"),
    ("toewijzingnummer", "BIGINT"),
    ("productcategorie", "VARCHAR"),
    ("productcode", "VARCHAR"),
    ("periode_begin", "DATE"),
    ("periode_eind", "DATE"),
    ("geleverd_volume", "BIGINT"),
    ("eenheid", "VARCHAR"),
]

_FILE_ROW = [
    ("bestand_sha256", "VARCHAR"),
    ("bestand_volgnummer", "BIGINT"),
    ("rij", "BIGINT"),
]

_WORKBOOK_KEY = [("aanbieder_agb", "VARCHAR"), ("boekjaar", "INTEGER"), ("versie", "INTEGER")]

RAW_TABLES: dict[str, list[tuple[str, str]]] = {
    "iwmo_berichten": [
        *HEADER,
        ("berichttype", "VARCHAR"),
        ("standaard", "VARCHAR"),
        ("release", "VARCHAR"),
        ("inhoud_sha256", "VARCHAR"),
        ("bestand_sha256", "VARCHAR"),
        ("locatie", "VARCHAR"),
        ("identificatie_retour", "VARCHAR"),
        ("dagtekening_retour", "DATE"),
        ("declaratie_identificatie", "VARCHAR"),
        ("declaratie_dagtekening", "DATE"),
        ("header_retourcodes", "VARCHAR"),
    ],
    "iwmo_301_clienten": [*HEADER, ("client_pseudoniem", "VARCHAR"), ("postcode4", "VARCHAR")],
    "iwmo_301_toegewezen_producten": [
        *HEADER,
        ("client_pseudoniem", "VARCHAR"),
        ("toewijzingnummer", "BIGINT"),
        ("referentie_aanbieder", "VARCHAR"),
        ("productcategorie", "VARCHAR"),
        ("productcode", "VARCHAR"),
        ("toewijzingsdatum", "DATE"),
        ("toewijzingstijd", "TIME"),
        ("ingangsdatum", "DATE"),
        ("einddatum", "DATE"),
        ("reden_wijziging", "VARCHAR"),
        *_OMVANG,
    ],
    "iwmo_305_startproducten": [*HEADER, *_PRODUCT_REF],
    "iwmo_307_stopproducten": [
        *HEADER,
        *_PRODUCT_REF,
        ("reden_beeindiging", "VARCHAR"),
        ("einddatum", "DATE"),
    ],
    "iwmo_315_aangevraagde_producten": [
        *HEADER,
        ("client_pseudoniem", "VARCHAR"),
        ("referentie_aanbieder", "VARCHAR"),
        ("productcategorie", "VARCHAR"),
        ("productcode", "VARCHAR"),
        ("toewijzing_ingangsdatum", "DATE"),
        ("toewijzing_einddatum", "DATE"),
        *_OMVANG,
        ("verwijzer_type", "VARCHAR"),
    ],
    "iwmo_317_verzoeken": [
        *HEADER,
        ("client_pseudoniem", "VARCHAR"),
        ("referentie_aanbieder", "VARCHAR"),
        ("reden_verzoek", "VARCHAR"),
    ],
    "iwmo_317_producten": [
        *HEADER,
        ("referentie_aanbieder", "VARCHAR"),
        ("soort", "VARCHAR"),
        ("toewijzingnummer", "BIGINT"),
        ("productcategorie", "VARCHAR"),
        ("productcode", "VARCHAR"),
        ("gewenste_ingangsdatum", "DATE"),
        ("einddatum", "DATE"),
        *_OMVANG,
    ],
    "iwmo_319_antwoorden": [
        *HEADER,
        ("referentie_aanbieder", "VARCHAR"),
        ("verzoek_antwoord", "VARCHAR"),
        ("reden_afwijzing", "VARCHAR"),
    ],
    "iwmo_323_declaraties": [
        *HEADER,
        ("declaratienummer", "VARCHAR"),
        ("periode_begin", "DATE"),
        ("periode_eind", "DATE"),
        ("declaratie_dagtekening", "DATE"),
        ("totaal_bedrag_cent", "BIGINT"),
        ("debet_credit", "VARCHAR"),
    ],
    "iwmo_323_prestaties": [
        *HEADER,
        ("declaratienummer", "VARCHAR"),
        *_PRESTATIE,
        ("product_tarief_cent", "BIGINT"),
        ("bedrag_cent", "BIGINT"),
        ("debet_credit", "VARCHAR"),
    ],
    "iwmo_325_antwoorden": [
        *HEADER,
        ("declaratie_identificatie", "VARCHAR"),
        ("declaratie_dagtekening", "DATE"),
        ("declaratienummer", "VARCHAR"),
        ("totaal_ingediend_cent", "BIGINT"),
        ("ingediend_debet_credit", "VARCHAR"),
        ("totaal_toegekend_cent", "BIGINT"),
        ("toegekend_debet_credit", "VARCHAR"),
        ("antwoord_retourcodes", "VARCHAR"),
    ],
    "iwmo_325_prestaties": [
        *HEADER,
        ("declaratie_identificatie", "VARCHAR"),
        ("declaratie_dagtekening", "DATE"),
        *_PRESTATIE,
        ("bedrag_cent", "BIGINT"),
        ("debet_credit", "VARCHAR"),
        ("retourcodes", "VARCHAR"),
    ],
    "iwmo_retourcodes": [
        *HEADER,
        ("berichtklasse", "VARCHAR"),
        ("volgnummer", "INTEGER"),
        ("retourcode", "VARCHAR"),
    ],
    "klachten": [
        *_FILE_ROW,
        ("aanbieder_agb", "VARCHAR"),
        ("gemeentecode", "VARCHAR"),
        ("klacht_id", "VARCHAR"),
        ("datum_ontvangst", "DATE"),
        ("datum_afgehandeld", "DATE"),
        ("categorie", "VARCHAR"),
        ("uitkomst", "VARCHAR"),
        ("toewijzingnummer", "BIGINT"),
        ("client_pseudoniem", "VARCHAR"),
    ],
    "verantwoording_aanbieder": [
        *_FILE_ROW,
        *_WORKBOOK_KEY,
        ("aanbieder_naam", "VARCHAR"),
        ("omzet_wmo_totaal_cent", "BIGINT"),
        ("datum_productieverantwoording", "DATE"),
        ("soort_verklaring", "VARCHAR"),
        ("datum_verklaring", "DATE"),
    ],
    "verantwoording_productie": [
        *_FILE_ROW,
        *_WORKBOOK_KEY,
        ("gemeentecode", "VARCHAR"),
        ("productcategorie", "VARCHAR"),
        ("productcode", "VARCHAR"),
        ("eenheid", "VARCHAR"),
        ("volume", "BIGINT"),
        ("bedrag_cent", "BIGINT"),
        ("aantal_clienten", "BIGINT"),
    ],
    "verantwoording_resultaten": [
        *_FILE_ROW,
        *_WORKBOOK_KEY,
        ("gemeentecode", "VARCHAR"),
        ("toewijzingnummer", "BIGINT"),
        ("client_pseudoniem", "VARCHAR"),
        ("subresultaat", "VARCHAR"),
        ("inschatting_vooraf", "VARCHAR"),
        ("resultaat", "VARCHAR"),
        ("evaluatiedatum", "DATE"),
        ("vervolgadvies", "VARCHAR"),
    ],
    "verantwoording_tevredenheid": [
        *_FILE_ROW,
        *_WORKBOOK_KEY,
        ("gemeentecode", "VARCHAR"),
        ("toewijzingnummer", "BIGINT"),
        ("client_pseudoniem", "VARCHAR"),
        ("datum", "DATE"),
        ("cijfer", "INTEGER"),
        ("respondent", "VARCHAR"),
    ],
    "ref_gemeenten": [
        *_FILE_ROW,
        ("gemeentecode", "VARCHAR"),
        ("gemeentenaam", "VARCHAR"),
        ("regio", "VARCHAR"),
    ],
    "ref_inwoners": [
        *_FILE_ROW,
        ("gemeentecode", "VARCHAR"),
        ("jaar", "INTEGER"),
        ("inwoners", "BIGINT"),
        ("huishoudens", "BIGINT"),
    ],
    "ref_wijken": [
        *_FILE_ROW,
        ("postcode4", "VARCHAR"),
        ("gemeentecode", "VARCHAR"),
        ("wijkcode", "VARCHAR"),
        ("wijknaam", "VARCHAR"),
    ],
    "ref_aanbieders": [*_FILE_ROW, ("aanbieder_agb", "VARCHAR"), ("aanbieder_naam", "VARCHAR")],
    "ref_tarieven": [
        *_FILE_ROW,
        ("productcategorie", "VARCHAR"),
        ("productcode", "VARCHAR"),
        ("eenheid", "VARCHAR"),
        ("tarief_cent", "BIGINT"),
        ("geldig_vanaf", "DATE"),
        ("geldig_tot", "DATE"),
    ],
    "ref_subresultaten": [
        *_FILE_ROW,
        ("subresultaat", "VARCHAR"),
        ("deelresultaat", "VARCHAR"),
        ("deelresultaat_naam", "VARCHAR"),
        ("omschrijving", "VARCHAR"),
    ],
}

RESTRICTED_TABLES: dict[str, list[tuple[str, str]]] = {
    "klachten_omschrijving": [
        ("bestand_sha256", "VARCHAR"),
        ("rij", "BIGINT"),
        ("aanbieder_agb", "VARCHAR"),
        ("klacht_id", "VARCHAR"),
        ("omschrijving", "VARCHAR"),
    ],
}

AUDIT_TABLES: dict[str, list[tuple[str, str]]] = {
    "bestanden": [
        ("pad", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("bytes", "BIGINT"),
        ("familie", "VARCHAR"),
        ("eerst_gezien", "TIMESTAMP"),
        ("status", "VARCHAR"),
        ("aantal_records", "BIGINT"),
        ("volgnummer", "BIGINT"),
        ("mtime_ns", "BIGINT"),
        ("run_id", "VARCHAR"),
    ],
    "quarantaine": [
        ("pad", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("familie", "VARCHAR"),
        ("locatie", "VARCHAR"),
        ("reden_code", "VARCHAR"),
        ("melding", "VARCHAR"),
        ("eerst_gezien", "TIMESTAMP"),
        ("bericht_id", "VARCHAR"),
        ("run_id", "VARCHAR"),
    ],
    "waarschuwingen": [
        ("pad", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("familie", "VARCHAR"),
        ("locatie", "VARCHAR"),
        ("code", "VARCHAR"),
        ("melding", "VARCHAR"),
        ("eerst_gezien", "TIMESTAMP"),
        ("bericht_id", "VARCHAR"),
        ("run_id", "VARCHAR"),
    ],
    "runs": [
        ("run_id", "VARCHAR"),
        ("start", "TIMESTAMP"),
        ("einde", "TIMESTAMP"),
        ("status", "VARCHAR"),
        ("peildatum", "DATE"),
        ("bestanden_nieuw", "BIGINT"),
        ("bestanden_geladen", "BIGINT"),
        ("bestanden_duplicaat", "BIGINT"),
        ("bestanden_quarantaine", "BIGINT"),
        ("records_raw", "BIGINT"),
        ("quarantaine_items", "BIGINT"),
        ("dbt_tests_geslaagd", "BIGINT"),
        ("dbt_tests_gefaald", "BIGINT"),
        ("melding", "VARCHAR"),
    ],
}

SCHEMAS = {"raw": RAW_TABLES, "raw_restricted": RESTRICTED_TABLES, "audit": AUDIT_TABLES}


def ddl_statements() -> list[str]:
    """CREATE statements for every schema and table; idempotent."""
    statements = []
    for schema, tables in SCHEMAS.items():
        statements.append(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for table, columns in tables.items():
            cols = ", ".join(f"{name} {dtype}" for name, dtype in columns)
            statements.append(f"CREATE TABLE IF NOT EXISTS {schema}.{table} ({cols})")
    return statements


def create_all(con) -> None:
    """Create the raw, restricted and audit tables in an open DuckDB connection."""
    for statement in ddl_statements():
        con.execute(statement)
