-- Rename/cast only: raw.iwmo_323_declaraties (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    declaratienummer,
    periode_begin,
    periode_eind,
    declaratie_dagtekening,
    totaal_bedrag_cent,
    debet_credit
from {{ source('raw', 'iwmo_323_declaraties') }}
