-- Rename/cast only: raw.iwmo_berichten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    berichttype,
    standaard,
    release,
    inhoud_sha256,
    bestand_sha256,
    locatie,
    identificatie_retour,
    dagtekening_retour,
    declaratie_identificatie,
    declaratie_dagtekening,
    header_retourcodes
from {{ source('raw', 'iwmo_berichten') }}
