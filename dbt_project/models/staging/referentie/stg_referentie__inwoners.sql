-- The rows of the latest loaded referentie/inwoners.csv (highest bestand_volgnummer); earlier files are history.
select
    gemeentecode, jaar, inwoners, huishoudens,
    bestand_volgnummer
from {{ source('raw', 'ref_inwoners') }}
where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_inwoners') }})
