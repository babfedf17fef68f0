-- Rename/cast only: raw.iwmo_307_stopproducten (docs/architecture.md). Header identificatie/dagtekening are the message's.
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
    status_aanlevering,
    reden_beeindiging,
    einddatum
from {{ source('raw', 'iwmo_307_stopproducten') }}
