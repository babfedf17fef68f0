-- `Resultaten` rows of the current workbook version only, one per (assignment, subresultaat): when a workbook
-- repeats the same assignment × subresultaat, the lowest row in the sheet (highest `rij`) wins.
with rijen as (
    select
        w.aanbieder_agb,
        w.boekjaar,
        w.versie,
        r.rij,
        r.gemeentecode,
        r.toewijzingnummer,
        r.client_pseudoniem,
        r.subresultaat,
        r.inschatting_vooraf,
        r.resultaat,
        r.evaluatiedatum,
        r.vervolgadvies,
        row_number() over (
            partition by w.aanbieder_agb, w.boekjaar, r.gemeentecode, r.toewijzingnummer, r.subresultaat
            order by r.rij desc
        ) as volgorde
    from {{ ref('int_verantwoording__werkboeken') }} as w
    inner join {{ ref('stg_verantwoording__resultaten') }} as r
        on r.bestand_sha256 = w.bestand_sha256
)

select
    aanbieder_agb, boekjaar, versie, rij, gemeentecode, toewijzingnummer, client_pseudoniem, subresultaat,
    inschatting_vooraf, resultaat, evaluatiedatum, vervolgadvies
from rijen
where volgorde = 1
