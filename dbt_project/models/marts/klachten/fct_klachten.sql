-- One row per complaint (aanbieder_agb, klacht_id), current version (K7). afhandeldagen = datum_afgehandeld −
-- datum_ontvangst in calendar days (NULL while open).
select
    aanbieder_agb,
    klacht_id,
    gemeentecode,
    toewijzingnummer,
    client_pseudoniem,
    datum_ontvangst,
    datum_afgehandeld,
    categorie,
    uitkomst,
    {{ dbt.datediff('datum_ontvangst', 'datum_afgehandeld', 'day') }} as afhandeldagen,
    cast(extract(year from datum_ontvangst) as integer) as jaar,
    case
        when datum_afgehandeld is null then null
        when {{ dbt.datediff('datum_ontvangst', 'datum_afgehandeld', 'day') }} <= 42 then true
        else false
    end as binnen_6_weken,
    bestand_volgnummer
from {{ ref('int_klachten__huidige_versie') }}
