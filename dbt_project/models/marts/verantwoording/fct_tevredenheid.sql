-- K2 source: one row per assignment whose client answered, current workbook version per (provider, boekjaar).
-- Area = the assignment's wijkcode in fct_toewijzingen, `onbekend` when not found.
select
    v.aanbieder_agb,
    v.boekjaar,
    v.gemeentecode,
    v.toewijzingnummer,
    coalesce(t.wijkcode, 'onbekend') as wijkcode,
    v.datum,
    v.cijfer,
    v.respondent,
    v.cijfer >= 6 as is_voldoende,
    v.client_pseudoniem,
    v.versie
from {{ ref('int_verantwoording__tevredenheid') }} as v
left join {{ ref('fct_toewijzingen') }} as t
    on t.gemeentecode = v.gemeentecode
   and t.toewijzingnummer = v.toewijzingnummer
