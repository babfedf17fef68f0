-- Rename/cast only: raw.iwmo_317_verzoeken (docs/architecture.md). Header identificatie/dagtekening are the message's.
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
    referentie_aanbieder,
    reden_verzoek
from {{ source('raw', 'iwmo_317_verzoeken') }}
