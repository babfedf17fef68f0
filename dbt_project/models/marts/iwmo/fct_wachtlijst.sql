{#- K4 waiting list on the peildatum (kpis.md K4): non-deleted assignments with reference date
    max(Ingangsdatum, Toewijzingsdatum) <= peildatum, no start on or before the peildatum, and no Einddatum before
    the peildatum. wachtdagen = peildatum − reference date (calendar days). One row per assignment. -#}
select
    f.gemeentecode,
    f.toewijzingnummer,
    pd.peildatum,
    f.aanbieder_agb,
    f.client_pseudoniem,
    f.wijkcode,
    f.productcategorie,
    f.productcode,
    f.toewijzingsdatum,
    f.ingangsdatum,
    f.einddatum,
    f.referentiedatum,
    {{ dbt.datediff('f.referentiedatum', 'pd.peildatum', 'day') }} as wachtdagen,
    {{ werkdagen('f.referentiedatum', 'pd.peildatum') }} as wachtwerkdagen,
    {{ werkdagen('f.referentiedatum', 'pd.peildatum') }} > 5 as termijn_verstreken
from {{ ref('fct_toewijzingen') }} as f
cross join {{ ref('int_peildatum') }} as pd
where not f.is_verwijderd
    and f.referentiedatum <= pd.peildatum
    and (f.startdatum is null or f.startdatum > pd.peildatum)
    and (f.einddatum is null or f.einddatum >= pd.peildatum)
