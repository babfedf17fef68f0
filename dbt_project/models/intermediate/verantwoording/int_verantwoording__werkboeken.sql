-- The current accountability workbook per (aanbieder_agb, boekjaar): the highest `versie`, ties broken by the
-- highest bestand_volgnummer (the file delivered last). Its four sheets are all taken from this one file
-- (bestand_sha256), see int_verantwoording__productie/__resultaten/__tevredenheid.
with gerangschikt as (
    select
        *,
        row_number() over (
            partition by aanbieder_agb, boekjaar
            order by versie desc, bestand_volgnummer desc
        ) as volgorde
    from {{ ref('stg_verantwoording__aanbieder') }}
)

select
    aanbieder_agb,
    boekjaar,
    versie,
    bestand_sha256,
    bestand_volgnummer,
    aanbieder_naam,
    omzet_wmo_totaal_cent,
    datum_productieverantwoording,
    soort_verklaring,
    datum_verklaring
from gerangschikt
where volgorde = 1
