-- Rename/cast only: raw.iwmo_319_antwoorden (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('gemeente') }},
    referentie_aanbieder,
    verzoek_antwoord,
    reden_afwijzing
from {{ source('raw', 'iwmo_319_antwoorden') }}
