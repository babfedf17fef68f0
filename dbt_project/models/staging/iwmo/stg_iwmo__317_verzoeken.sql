-- Rename/cast only: raw.iwmo_317_verzoeken (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    client_pseudoniem,
    referentie_aanbieder,
    reden_verzoek
from {{ source('raw', 'iwmo_317_verzoeken') }}
