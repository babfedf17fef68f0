-- `Tevredenheid` rows of the current workbook version only, one per assignment: when a workbook repeats an
-- assignment, the latest `datum` wins, then the lowest row in the sheet.
with rijen as (
    select
        w.aanbieder_agb,
        w.boekjaar,
        w.versie,
        t.rij,
        t.gemeentecode,
        t.toewijzingnummer,
        t.client_pseudoniem,
        t.datum,
        t.cijfer,
        t.respondent,
        row_number() over (
            partition by w.aanbieder_agb, w.boekjaar, t.gemeentecode, t.toewijzingnummer
            order by t.datum desc, t.rij desc
        ) as volgorde
    from {{ ref('int_verantwoording__werkboeken') }} as w
    inner join {{ ref('stg_verantwoording__tevredenheid') }} as t
        on t.bestand_sha256 = w.bestand_sha256
)

select aanbieder_agb, boekjaar, versie, rij, gemeentecode, toewijzingnummer, client_pseudoniem, datum, cijfer, respondent
from rijen
where volgorde = 1
