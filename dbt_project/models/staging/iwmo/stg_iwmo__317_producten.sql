-- Rename/cast only: raw.iwmo_317_producten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    referentie_aanbieder,
    soort,
    toewijzingnummer,
    productcategorie,
    productcode,
    gewenste_ingangsdatum,
    einddatum,
    volume,
    eenheid,
    frequentie,
    budget_cent
from {{ source('raw', 'iwmo_317_producten') }}
