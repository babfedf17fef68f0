-- Rename/cast only: raw.iwmo_301_toegewezen_producten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('gemeente') }},
    client_pseudoniem,
    toewijzingnummer,
    referentie_aanbieder,
    productcategorie,
    productcode,
    toewijzingsdatum,
    toewijzingstijd,
    ingangsdatum,
    einddatum,
    reden_wijziging,
    volume,
    eenheid,
    frequentie,
    budget_cent
from {{ source('raw', 'iwmo_301_toegewezen_producten') }}
