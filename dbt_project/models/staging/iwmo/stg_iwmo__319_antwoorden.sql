-- Rename/cast only: raw.iwmo_319_antwoorden (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as gemeentecode,
    ontvanger as aanbieder_agb,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    referentie_aanbieder,
    verzoek_antwoord,
    reden_afwijzing
from {{ source('raw', 'iwmo_319_antwoorden') }}
