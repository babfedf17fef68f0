-- The rows of the latest loaded referentie/wijken.csv (highest bestand_volgnummer); earlier files are history.
select
    postcode4,
    gemeentecode,
    wijkcode,
    wijknaam,
    bestand_volgnummer
from {{ source('raw', 'ref_wijken') }}
where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_wijken') }})
