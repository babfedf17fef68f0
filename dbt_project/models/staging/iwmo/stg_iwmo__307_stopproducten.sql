-- Rename/cast only: raw.iwmo_307_stopproducten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    client_pseudoniem,
    toewijzingnummer,
    productcategorie,
    productcode,
    toewijzing_ingangsdatum,
    begindatum,
    status_aanlevering,
    reden_beeindiging,
    einddatum
from {{ source('raw', 'iwmo_307_stopproducten') }}
