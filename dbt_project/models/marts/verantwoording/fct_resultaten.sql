-- K1 source: one row per evaluated assignment × subresultaat in the current workbook version per
-- (provider, boekjaar). Score: behaald = 1, deels behaald = 0.5, niet behaald = 0. Area = the assignment's wijkcode
-- in fct_toewijzingen (gemeentecode + toewijzingnummer), `onbekend` when the assignment is not found.
-- deelresultaat from the taxonomy; for a code not in the taxonomy, the part before the dot.
select
    r.aanbieder_agb,
    r.boekjaar,
    r.gemeentecode,
    r.toewijzingnummer,
    r.subresultaat,
    coalesce(t.wijkcode, 'onbekend') as wijkcode,
    coalesce(s.deelresultaat, {{ dbt.split_part('r.subresultaat', "'.'", 1) }}) as deelresultaat,
    r.inschatting_vooraf,
    r.resultaat,
    cast(case r.resultaat
        when 'behaald' then 1.0
        when 'deels behaald' then 0.5
        when 'niet behaald' then 0.0
    end as double precision) as score,
    r.evaluatiedatum,
    r.vervolgadvies,
    r.client_pseudoniem,
    r.versie
from {{ ref('int_verantwoording__resultaten') }} as r
left join {{ ref('fct_toewijzingen') }} as t
    on t.gemeentecode = r.gemeentecode
   and t.toewijzingnummer = r.toewijzingnummer
left join {{ ref('dim_subresultaat') }} as s
    on s.subresultaat = r.subresultaat
