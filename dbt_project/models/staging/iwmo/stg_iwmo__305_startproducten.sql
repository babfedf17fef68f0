-- Rename/cast only: raw.iwmo_305_startproducten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as aanbieder_agb,
    ontvanger as gemeentecode,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    client_pseudoniem,
    toewijzingnummer,
    productcategorie,
    productcode,
    toewijzing_ingangsdatum,
    begindatum,
    status_aanlevering
from {{ source('raw', 'iwmo_305_startproducten') }}
