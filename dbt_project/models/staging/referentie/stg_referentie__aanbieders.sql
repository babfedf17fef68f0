-- The rows of the latest loaded referentie/aanbieders.csv (highest bestand_volgnummer); earlier files are history.
select
    aanbieder_agb, aanbieder_naam,
    bestand_volgnummer
from {{ source('raw', 'ref_aanbieders') }}
where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_aanbieders') }})
