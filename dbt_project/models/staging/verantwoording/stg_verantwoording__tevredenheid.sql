-- `Tevredenheid` sheet rows of every loaded workbook version.
select
    bestand_sha256,
    bestand_volgnummer,
    rij,
    aanbieder_agb,
    boekjaar,
    versie,
    gemeentecode,
    toewijzingnummer,
    client_pseudoniem,
    datum,
    cijfer,
    lower(trim(respondent)) as respondent
from {{ source('raw', 'verantwoording_tevredenheid') }}
