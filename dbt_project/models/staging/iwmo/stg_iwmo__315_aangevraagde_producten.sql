-- Rename/cast only: raw.iwmo_315_aangevraagde_producten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    client_pseudoniem,
    referentie_aanbieder,
    productcategorie,
    productcode,
    toewijzing_ingangsdatum,
    toewijzing_einddatum,
    volume,
    eenheid,
    frequentie,
    budget_cent,
    verwijzer_type
from {{ source('raw', 'iwmo_315_aangevraagde_producten') }}
