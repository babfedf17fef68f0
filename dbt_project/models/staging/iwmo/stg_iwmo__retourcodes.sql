-- Rename/cast only: raw.iwmo_retourcodes (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    berichtklasse,
    volgnummer,
    retourcode
from {{ source('raw', 'iwmo_retourcodes') }}
