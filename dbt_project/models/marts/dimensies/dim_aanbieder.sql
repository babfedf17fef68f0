-- Every provider the product knows: the contracted ones (latest referentie/aanbieders.csv) plus any provider that
-- delivered an accountability workbook, sent or received iWmo messages, or appears in a complaint register.
-- Name: the contract name, else the name in the provider's latest workbook, else NULL.
with gecontracteerd as (
    select aanbieder_agb, aanbieder_naam
    from {{ ref('stg_referentie__aanbieders') }}
),

werkboek_naam as (
    select aanbieder_agb, aanbieder_naam
    from (
        select
            aanbieder_agb,
            aanbieder_naam,
            row_number() over (
                partition by aanbieder_agb
                order by boekjaar desc, versie desc, bestand_volgnummer desc
            ) as volgorde
        from {{ ref('int_verantwoording__werkboeken') }}
        where aanbieder_naam is not null
    ) as w
    where volgorde = 1
),

alle as (
    select aanbieder_agb from gecontracteerd
    union
    select aanbieder_agb from {{ ref('int_verantwoording__werkboeken') }}
    union
    select aanbieder_agb from {{ ref('fct_toewijzingen') }}
    union
    select aanbieder_agb from {{ ref('fct_prestaties') }}
    union
    select aanbieder_agb from {{ ref('int_klachten__huidige_versie') }}
)

select
    a.aanbieder_agb,
    coalesce(g.aanbieder_naam, w.aanbieder_naam) as aanbieder_naam,
    g.aanbieder_agb is not null as is_gecontracteerd
from alle as a
left join gecontracteerd as g on g.aanbieder_agb = a.aanbieder_agb
left join werkboek_naam as w on w.aanbieder_agb = a.aanbieder_agb
where a.aanbieder_agb is not null
