{#- Data steward: did each month's declarations (323) arrive? One row per provider × municipality × month from the
    first month with an assignment in delivery up to the month of the peildatum.
    In delivery in a month: a non-deleted assignment started (305) on or before the peildatum and the month's last
    day, and neither definitively stopped nor ended (Einddatum) before the month's first day.
    Declared in a month: 323 lines (debit or credit) whose ProductPeriode Begindatum falls in the month.
    status, in this order: `onverwacht` (lines, but no assignment in delivery), `lopend` (the peildatum's own month:
    declarations follow the month), `ontvangen` (every assignment in delivery declared), `deels` (some),
    `ontbreekt` (none). A temporary stop (code 20) or a month without care also shows as missing: it is a signal to
    ask about, not a verdict. -#}
with peildatum as (
    select peildatum, cast(date_trunc('month', peildatum) as date) as peilmaand
    from {{ ref('int_peildatum') }}
),

maanden as (
    select distinct cast(date_trunc('month', datum) as date) as maand
    from {{ ref('int_werkdagen') }}
),

in_levering as (
    select
        t.aanbieder_agb,
        t.gemeentecode,
        t.toewijzingnummer,
        cast(date_trunc('month', t.startdatum) as date) as eerste_maand,
        cast(date_trunc('month', least(
            coalesce(t.einddatum_traject, p.peildatum), coalesce(t.einddatum, p.peildatum), p.peildatum
        )) as date) as laatste_maand
    from {{ ref('fct_toewijzingen') }} as t
    cross join peildatum as p
    where not t.is_verwijderd
      and t.startdatum <= p.peildatum
),

verwacht as (
    select distinct l.aanbieder_agb, l.gemeentecode, l.toewijzingnummer, m.maand
    from in_levering as l
    inner join maanden as m
        on m.maand between l.eerste_maand and l.laatste_maand
),

gedeclareerd as (
    select
        aanbieder_agb,
        gemeentecode,
        toewijzingnummer,
        cast(date_trunc('month', periode_begin) as date) as maand,
        count(*) as aantal_prestaties,
        max(declaratie_dagtekening) as laatste_declaratie_dagtekening
    from {{ ref('fct_prestaties') }}
    group by aanbieder_agb, gemeentecode, toewijzingnummer, cast(date_trunc('month', periode_begin) as date)
),

per_toewijzing as (
    select
        coalesce(v.aanbieder_agb, g.aanbieder_agb) as aanbieder_agb,
        coalesce(v.gemeentecode, g.gemeentecode) as gemeentecode,
        coalesce(v.maand, g.maand) as maand,
        coalesce(v.toewijzingnummer, g.toewijzingnummer) as toewijzingnummer,
        v.toewijzingnummer is not null as in_levering,
        coalesce(g.aantal_prestaties, 0) as aantal_prestaties,
        g.laatste_declaratie_dagtekening
    from verwacht as v
    full outer join gedeclareerd as g
        on g.aanbieder_agb = v.aanbieder_agb
        and g.gemeentecode = v.gemeentecode
        and g.toewijzingnummer = v.toewijzingnummer
        and g.maand = v.maand
),

per_maand as (
    select
        aanbieder_agb,
        gemeentecode,
        maand,
        sum(case when in_levering then 1 else 0 end) as toewijzingen_in_levering,
        sum(case when in_levering and aantal_prestaties > 0 then 1 else 0 end)
            as toewijzingen_in_levering_gedeclareerd,
        sum(case when aantal_prestaties > 0 then 1 else 0 end) as toewijzingen_gedeclareerd,
        sum(aantal_prestaties) as aantal_prestaties,
        max(laatste_declaratie_dagtekening) as laatste_declaratie_dagtekening
    from per_toewijzing
    group by aanbieder_agb, gemeentecode, maand
)

select
    m.aanbieder_agb,
    m.gemeentecode,
    m.maand,
    cast(extract(year from m.maand) as integer) as jaar,
    cast(m.toewijzingen_in_levering as bigint) as toewijzingen_in_levering,
    cast(m.toewijzingen_in_levering_gedeclareerd as bigint) as toewijzingen_in_levering_gedeclareerd,
    cast(m.toewijzingen_gedeclareerd as bigint) as toewijzingen_gedeclareerd,
    cast(m.aantal_prestaties as bigint) as aantal_prestaties,
    m.laatste_declaratie_dagtekening,
    case
        when m.toewijzingen_in_levering = 0 then 'onverwacht'
        when m.maand = p.peilmaand then 'lopend'
        when m.toewijzingen_in_levering_gedeclareerd = m.toewijzingen_in_levering then 'ontvangen'
        when m.toewijzingen_in_levering_gedeclareerd > 0 then 'deels'
        else 'ontbreekt'
    end as status
from per_maand as m
cross join peildatum as p
where m.maand <= p.peilmaand
