{#- K11 message traffic per (jaar, aanbieder_agb, berichttype) (kpis.md K11, marts.md).
    Items on a deleted assignment are left out (kpis.md Conventions: deleted assignments are excluded from every KPI
    except RM11); items on a number without any assignment stay (they are message traffic, typically rejected).
    eenheid says what `aantal` counts:
      WMO305 / WMO307: non-deleted start/stop products (logical keys); year = year of Begindatum / Einddatum;
        tijdig = Dagtekening of the first message for the key within 5 working days after Begindatum/Einddatum.
      WMO315: requested products (fct_aanvragen), year of the 315 Dagtekening; tijdig = tijdig_beantwoord;
        aantal_beoordeeld = those answered (the denominator of pct_315_tijdig_beantwoord).
      WMO323: declaration lines, year of ProductPeriode Begindatum; aantal_met_retourcode = rejected lines;
        bedrag columns give the rejection rate (afgewezen / ingediend, net debit − credit).
      WMO325: answer messages; aantal_met_retourcode = with any code other than 0200 (kpis.md K11), on the header,
        the DeclaratieAntwoord or a line (so 8001 'volledig toegewezen' counts too, although it does not reject).
      retour types (WMO302, 306, 308, 316, 318, 320) and WMO301/317/319: messages concerning the provider, year
        of the retour's own Dagtekening; aantal_met_retourcode = with any code <> 0200. -#}
with typen as (
    select * from {{ ref('iwmo_berichttypen') }}
),

verwijderd as (
    select gemeentecode, toewijzingnummer, aanbieder_agb
    from {{ ref('int_toewijzingen') }}
    where is_verwijderd
),

starts as (
    select
        cast(extract(year from begindatum) as integer) as jaar,
        aanbieder_agb,
        'WMO305' as berichttype,
        'product' as eenheid,
        count(*) as aantal,
        cast(sum(case when {{ werkdagen('begindatum', 'eerste_dagtekening') }} <= 5 then 1 else 0 end) as bigint) as aantal_tijdig,
        count(*) as aantal_beoordeeld,
        0 as aantal_met_retourcode,
        cast(null as bigint) as ingediend_bedrag_cent,
        cast(null as bigint) as afgewezen_bedrag_cent
    from {{ ref('int_starts') }} as s
    where not s.is_verwijderd
      and not exists (
          select 1 from verwijderd as v
          where v.gemeentecode = s.gemeentecode and v.toewijzingnummer = s.toewijzingnummer
      )
    group by 1, 2
),

stops as (
    select
        cast(extract(year from einddatum) as integer) as jaar,
        aanbieder_agb,
        'WMO307' as berichttype,
        'product' as eenheid,
        count(*) as aantal,
        cast(sum(case when {{ werkdagen('einddatum', 'eerste_dagtekening') }} <= 5 then 1 else 0 end) as bigint) as aantal_tijdig,
        count(*) as aantal_beoordeeld,
        0 as aantal_met_retourcode,
        cast(null as bigint) as ingediend_bedrag_cent,
        cast(null as bigint) as afgewezen_bedrag_cent
    from {{ ref('int_stops') }} as s
    where not s.is_verwijderd
      and not exists (
          select 1 from verwijderd as v
          where v.gemeentecode = s.gemeentecode and v.toewijzingnummer = s.toewijzingnummer
      )
    group by 1, 2
),

aanvragen as (
    select
        jaar,
        aanbieder_agb,
        'WMO315' as berichttype,
        'product' as eenheid,
        count(*) as aantal,
        cast(sum(case when tijdig_beantwoord then 1 else 0 end) as bigint) as aantal_tijdig,
        count(tijdig_beantwoord) as aantal_beoordeeld,
        0 as aantal_met_retourcode,
        cast(null as bigint) as ingediend_bedrag_cent,
        cast(null as bigint) as afgewezen_bedrag_cent
    from {{ ref('fct_aanvragen') }}
    group by 1, 2
),

declaraties as (
    select
        cast(extract(year from periode_begin) as integer) as jaar,
        aanbieder_agb,
        'WMO323' as berichttype,
        'prestatie' as eenheid,
        count(*) as aantal,
        cast(null as bigint) as aantal_tijdig,
        cast(null as bigint) as aantal_beoordeeld,
        cast(sum(case when status = 'afgewezen' then 1 else 0 end) as bigint) as aantal_met_retourcode,
        cast(sum(bedrag_cent) as bigint) as ingediend_bedrag_cent,
        cast(sum(case when status = 'afgewezen' then bedrag_cent else 0 end) as bigint) as afgewezen_bedrag_cent
    from {{ ref('int_prestaties') }} as p
    where not exists (
        -- the same match as RM11: ToewijzingNummer from this municipality to this provider
        select 1 from verwijderd as v
        where v.gemeentecode = p.gemeentecode
          and v.toewijzingnummer = p.toewijzingnummer
          and v.aanbieder_agb = p.aanbieder_agb
    )
    group by 1, 2
),

codes_per_bericht as (
    select bericht_id, max(case when retourcode <> '0200' then 1 else 0 end) as met_code
    from {{ ref('stg_iwmo__retourcodes') }}
    group by bericht_id
    union all
    select bericht_id, max(case when {{ heeft_afwijzende_code('retourcodes') }} then 1 else 0 end)
    from {{ ref('stg_iwmo__325_prestaties') }}
    group by bericht_id
    union all
    select bericht_id, max(case when {{ heeft_afwijzende_code('antwoord_retourcodes') }} then 1 else 0 end)
    from {{ ref('stg_iwmo__325_antwoorden') }}
    group by bericht_id
),

berichten as (
    select
        cast(extract(year from coalesce(b.dagtekening_retour, b.bericht_dagtekening)) as integer) as jaar,
        {{ aanbieder_van_bericht('b', 'ty', 'orig') }} as aanbieder_agb,
        b.berichttype,
        ({{ heeft_afwijzende_code('b.header_retourcodes') }}
            or coalesce(c.met_code, 0) = 1) as met_code
    from {{ ref('stg_iwmo__berichten') }} as b
    inner join typen as ty
        on ty.berichttype = b.berichttype
    left join typen as orig
        on orig.berichttype = ty.retour_op
    left join (select bericht_id, max(met_code) as met_code from codes_per_bericht group by bericht_id) as c
        on c.bericht_id = b.bericht_id
    where b.berichttype not in ('WMO305', 'WMO307', 'WMO315', 'WMO323')
),

berichten_agg as (
    select
        jaar,
        aanbieder_agb,
        berichttype,
        'bericht' as eenheid,
        count(*) as aantal,
        cast(null as bigint) as aantal_tijdig,
        cast(null as bigint) as aantal_beoordeeld,
        cast(sum(case when met_code then 1 else 0 end) as bigint) as aantal_met_retourcode,
        cast(null as bigint) as ingediend_bedrag_cent,
        cast(null as bigint) as afgewezen_bedrag_cent
    from berichten
    group by 1, 2, 3
)

select * from starts
union all select * from stops
union all select * from aanvragen
union all select * from declaraties
union all select * from berichten_agg
