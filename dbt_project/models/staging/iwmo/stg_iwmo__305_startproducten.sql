-- Rename/cast only: raw.iwmo_305_startproducten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    client_pseudoniem,
    toewijzingnummer,
    productcategorie,
    productcode,
    toewijzing_ingangsdatum,
    begindatum,
    status_aanlevering
from {{ source('raw', 'iwmo_305_startproducten') }}
