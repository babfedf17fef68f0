-- `Productie` sheet rows of every loaded workbook version.
select
    bestand_sha256,
    bestand_volgnummer,
    rij,
    aanbieder_agb,
    boekjaar,
    versie,
    gemeentecode,
    productcategorie,
    productcode,
    eenheid,
    volume,
    bedrag_cent,
    aantal_clienten
from {{ source('raw', 'verantwoording_productie') }}
