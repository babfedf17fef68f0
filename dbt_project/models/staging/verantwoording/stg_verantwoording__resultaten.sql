-- `Resultaten` sheet rows of every loaded workbook version.
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
    trim(subresultaat) as subresultaat,
    lower(trim(inschatting_vooraf)) as inschatting_vooraf,
    lower(trim(resultaat)) as resultaat,
    evaluatiedatum,
    nullif(lower(trim(vervolgadvies)), '') as vervolgadvies
from {{ source('raw', 'verantwoording_resultaten') }}
