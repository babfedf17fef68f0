-- Rename/cast only: raw.iwmo_301_clienten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('gemeente') }},
    client_pseudoniem,
    postcode4
from {{ source('raw', 'iwmo_301_clienten') }}
