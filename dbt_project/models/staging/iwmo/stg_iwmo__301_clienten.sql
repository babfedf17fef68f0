-- Rename/cast only: raw.iwmo_301_clienten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as gemeentecode,
    ontvanger as aanbieder_agb,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    client_pseudoniem,
    postcode4
from {{ source('raw', 'iwmo_301_clienten') }}
