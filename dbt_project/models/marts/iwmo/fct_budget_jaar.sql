{#- K6 budget utilisation per non-deleted assignment and calendar year (kpis.md K6, marts.md).
    Rows for exactly the years from year(Ingangsdatum) to year(min(Einddatum, peildatum)) (kpis.md K6). Prestaties
    whose ProductPeriode begins in another year have no row here: they are outside the validity, so they carry
    RM02 buiten_periode in rechtmatigheid_signalen and stay visible in fct_prestaties (and in K9/K11).
    C = [max(Ingangsdatum, Y-01-01), min(Einddatum or Y-12-31, Y-12-31)].
    An assignment whose amount is unknown has toegewezen_bedrag_cent NULL and its opmerking in every row.
    toegewezen_bedrag_cent is DOUBLE at full precision. -#}
with toewijzingen as (
    select t.*, pd.peildatum
    from {{ ref('int_toewijzingen') }} as t
    cross join {{ ref('int_peildatum') }} as pd
    where not t.is_verwijderd
),

prestaties_jaar as (
    select
        gemeentecode,
        toewijzingnummer,
        aanbieder_agb,
        cast(extract(year from periode_begin) as integer) as jaar,
        cast(sum(bedrag_cent) as bigint) as ingediend_bedrag_cent,
        cast(sum(case when status = 'goedgekeurd' then bedrag_cent else 0 end) as bigint) as goedgekeurd_bedrag_cent,
        cast(sum(case when status = 'in_behandeling' then bedrag_cent else 0 end) as bigint) as in_behandeling_bedrag_cent,
        cast(sum(case when status = 'afgewezen' then bedrag_cent else 0 end) as bigint) as afgewezen_bedrag_cent
    from {{ ref('int_prestaties') }}
    group by gemeentecode, toewijzingnummer, aanbieder_agb, cast(extract(year from periode_begin) as integer)
),

jaren as (
    -- duckdb-only: unnest(generate_series()) expands one row per year of validity
    select
        gemeentecode,
        toewijzingnummer,
        cast(unnest(generate_series(
            cast(extract(year from ingangsdatum) as bigint),
            cast(extract(year from case when einddatum is not null and einddatum < peildatum then einddatum else peildatum end) as bigint)
        )) as integer) as jaar
    from toewijzingen
),

geknipt as (
    select
        t.*,
        j.jaar,
        case when t.ingangsdatum > cast(cast(j.jaar as varchar) || '-01-01' as date)
            then t.ingangsdatum else cast(cast(j.jaar as varchar) || '-01-01' as date) end as c_begin,
        case when t.einddatum is not null and t.einddatum < cast(cast(j.jaar as varchar) || '-12-31' as date)
            then t.einddatum else cast(cast(j.jaar as varchar) || '-12-31' as date) end as c_eind
    from toewijzingen as t
    inner join jaren as j
        on j.gemeentecode = t.gemeentecode and j.toewijzingnummer = t.toewijzingnummer
),

met_tarief as (
    select
        g.*,
        case when g.eenheid = '83' then 1 else tr.tarief_cent end as tarief_cent,
        row_number() over (
            partition by g.gemeentecode, g.toewijzingnummer, g.jaar
            order by tr.geldig_vanaf desc nulls last
        ) as tarief_rang
    from geknipt as g
    left join {{ ref('stg_referentie__tarieven') }} as tr
        on g.volume is not null
        and tr.productcategorie = g.productcategorie
        and (tr.productcode = g.productcode or (tr.productcode is null and g.productcode is null))
        and tr.eenheid = g.eenheid
        and tr.geldig_vanaf <= g.c_begin
        and (tr.geldig_tot is null or tr.geldig_tot >= g.c_begin)
),

berekend as (
    select
        m.*,
        m.c_begin > m.c_eind as c_leeg,
        cast({{ dbt.datediff('m.c_begin', 'm.c_eind', 'day') }} + 1 as double) as dagen_c,
        cast({{ dbt.datediff('m.ingangsdatum', 'm.einddatum', 'day') }} + 1 as double) as dagen_geldig,
        {{ perioden('m.frequentie', 'm.c_begin', 'm.c_eind') }} as perioden_c
    from met_tarief as m
    where m.tarief_rang = 1
),

met_opmerking as (
    select
        b.*,
        -- the amount is unknown for the assignment as a whole, so the opmerking holds in every row (also an empty C)
        case
            when b.budget_cent is not null and b.einddatum is null then 'budget_zonder_einddatum'
            when b.budget_cent is null and b.volume is not null and b.frequentie = '6' and b.einddatum is null
                then 'totaal_zonder_einddatum'
            when b.budget_cent is null and b.tarief_cent is null then 'tarief_onbekend'
            when b.budget_cent is null and b.frequentie not in ('1', '2', '4', '6') then 'tarief_onbekend'
        end as opmerking
    from berekend as b
),

bedrag as (
    select
        b.*,
        case
            when b.opmerking is not null then null
            when b.c_leeg then 0.0
            when b.budget_cent is not null then
                case when b.einddatum is not null then b.budget_cent * b.dagen_c / b.dagen_geldig end
            when b.volume is not null and b.tarief_cent is not null then
                case
                    when b.frequentie = '6' and b.einddatum is not null
                        then b.volume * (b.dagen_c / b.dagen_geldig) * b.tarief_cent
                    when b.frequentie in ('1', '2', '4') then b.volume * b.perioden_c * b.tarief_cent
                end
        end as toegewezen_bedrag_cent
    from met_opmerking as b
)

select
    b.gemeentecode,
    b.toewijzingnummer,
    b.jaar,
    b.aanbieder_agb,
    b.client_pseudoniem,
    b.wijkcode,
    b.productcategorie,
    b.productcode,
    b.eenheid,
    b.frequentie,
    b.volume,
    b.budget_cent,
    b.ingangsdatum,
    b.einddatum,
    case when b.c_leeg then null else b.c_begin end as geldig_begin_jaar,
    case when b.c_leeg then null else b.c_eind end as geldig_eind_jaar,
    case when b.budget_cent is null then b.tarief_cent end as tarief_cent,
    cast(b.toegewezen_bedrag_cent as double) as toegewezen_bedrag_cent,
    coalesce(p.ingediend_bedrag_cent, 0) as ingediend_bedrag_cent,
    coalesce(p.goedgekeurd_bedrag_cent, 0) as goedgekeurd_bedrag_cent,
    coalesce(p.in_behandeling_bedrag_cent, 0) as in_behandeling_bedrag_cent,
    coalesce(p.afgewezen_bedrag_cent, 0) as afgewezen_bedrag_cent,
    coalesce(p.goedgekeurd_bedrag_cent, 0) / nullif(cast(b.toegewezen_bedrag_cent as double), 0) as uitputting_pct,
    b.opmerking
from bedrag as b
left join prestaties_jaar as p
    on p.gemeentecode = b.gemeentecode
    and p.toewijzingnummer = b.toewijzingnummer
    and p.aanbieder_agb = b.aanbieder_agb
    and p.jaar = b.jaar
