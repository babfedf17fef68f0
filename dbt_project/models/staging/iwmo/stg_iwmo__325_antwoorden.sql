-- Rename/cast only: raw.iwmo_325_antwoorden (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('gemeente') }},
    declaratie_identificatie,
    declaratie_dagtekening,
    declaratienummer,
    totaal_ingediend_cent,
    ingediend_debet_credit,
    totaal_toegekend_cent,
    toegekend_debet_credit,
    antwoord_retourcodes
from {{ source('raw', 'iwmo_325_antwoorden') }}
