-- One row per complaint row of every loaded complaint register delivery (all versions; the current version is
-- chosen in int_klachten__huidige_versie).
select
    aanbieder_agb,
    gemeentecode,
    klacht_id,
    datum_ontvangst,
    datum_afgehandeld,
    lower(trim(categorie)) as categorie,
    nullif(lower(trim(uitkomst)), '') as uitkomst,
    toewijzingnummer,
    client_pseudoniem,
    bestand_sha256,
    bestand_volgnummer,
    rij
from {{ source('raw', 'klachten') }}
