-- Rename/cast only: raw.iwmo_323_declaraties (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as aanbieder_agb,
    ontvanger as gemeentecode,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    declaratienummer,
    periode_begin,
    periode_eind,
    declaratie_dagtekening,
    totaal_bedrag_cent,
    debet_credit
from {{ source('raw', 'iwmo_323_declaraties') }}
