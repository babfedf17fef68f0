-- The current version of each complaint (aanbieder_agb, klacht_id): the row from the file with the highest
-- bestand_volgnummer (the delivery first seen last). Should one file list the same klacht_id twice, its lowest
-- row (highest `rij`) wins.
with gerangschikt as (
    select
        *,
        row_number() over (
            partition by aanbieder_agb, klacht_id
            order by bestand_volgnummer desc, rij desc
        ) as volgorde
    from {{ ref('stg_klachten__klachten') }}
)

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
    bestand_volgnummer,
    rij
from gerangschikt
where volgorde = 1
