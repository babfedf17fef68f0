-- `Productie` rows of the current workbook version only.
select
    w.aanbieder_agb,
    w.boekjaar,
    w.versie,
    p.rij,
    p.gemeentecode,
    p.productcategorie,
    p.productcode,
    p.eenheid,
    p.volume,
    p.bedrag_cent,
    p.aantal_clienten
from {{ ref('int_verantwoording__werkboeken') }} as w
inner join {{ ref('stg_verantwoording__productie') }} as p
    on p.bestand_sha256 = w.bestand_sha256
