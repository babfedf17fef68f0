-- The rows of the latest loaded referentie/tarieven.csv (highest bestand_volgnummer); earlier files are history.
select
    productcategorie,
    productcode,
    eenheid,
    tarief_cent,
    geldig_vanaf,
    geldig_tot,
    bestand_volgnummer
from {{ source('raw', 'ref_tarieven') }}
where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_tarieven') }})
