-- One row per loaded accountability workbook (its `Aanbieder` sheet), every version.
select
    bestand_sha256,
    bestand_volgnummer,
    aanbieder_agb,
    aanbieder_naam,
    boekjaar,
    versie,
    omzet_wmo_totaal_cent,
    datum_productieverantwoording,
    nullif(lower(trim(soort_verklaring)), '') as soort_verklaring,
    datum_verklaring
from {{ source('raw', 'verantwoording_aanbieder') }}
