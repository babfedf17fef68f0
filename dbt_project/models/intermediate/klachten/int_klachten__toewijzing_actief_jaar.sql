-- One row per non-deleted assignment and calendar year in which it was active: its validity
-- [ingangsdatum, einddatum] of the current version, cut off at the definitive stop (einddatum_traject) and at the
-- peildatum, overlaps the year. The denominator of K7 per_100_clienten and of K10 clienten.
with peil as (
    select peildatum from {{ ref('int_peildatum') }}
),

toewijzingen as (
    select
        t.gemeentecode,
        t.toewijzingnummer,
        t.aanbieder_agb,
        t.client_pseudoniem,
        t.wijkcode,
        t.ingangsdatum,
        least(
            coalesce(t.einddatum, p.peildatum),
            coalesce(t.einddatum_traject, p.peildatum),
            p.peildatum
        ) as actief_tot
    from {{ ref('fct_toewijzingen') }} as t
    cross join peil as p
    where not t.is_verwijderd
      and t.ingangsdatum is not null
),

jaren as (
    -- offsets 1..100: an assignment spans at most 100 calendar years
    {{ dbt.generate_series(100) }}
)

select
    t.gemeentecode,
    t.toewijzingnummer,
    t.aanbieder_agb,
    t.client_pseudoniem,
    t.wijkcode,
    cast(extract(year from t.ingangsdatum) + j.generated_number - 1 as integer) as jaar
from toewijzingen as t
inner join jaren as j
    on extract(year from t.ingangsdatum) + j.generated_number - 1 <= extract(year from t.actief_tot)
where t.actief_tot >= t.ingangsdatum
