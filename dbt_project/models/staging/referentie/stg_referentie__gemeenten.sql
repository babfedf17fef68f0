-- The rows of the latest loaded referentie/gemeenten.csv (highest bestand_volgnummer); earlier files are history.
select
    gemeentecode, gemeentenaam, regio,
    bestand_volgnummer
from {{ source('raw', 'ref_gemeenten') }}
where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_gemeenten') }})
