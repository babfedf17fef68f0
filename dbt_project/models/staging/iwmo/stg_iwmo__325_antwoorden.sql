-- Rename/cast only: raw.iwmo_325_antwoorden (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as gemeentecode,
    ontvanger as aanbieder_agb,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    declaratie_identificatie,
    declaratie_dagtekening,
    declaratienummer,
    totaal_ingediend_cent,
    ingediend_debet_credit,
    totaal_toegekend_cent,
    toegekend_debet_credit,
    antwoord_retourcodes
from {{ source('raw', 'iwmo_325_antwoorden') }}
