-- K9 accountability status per boekjaar B × provider, evaluated on the peildatum (int_peildatum).
-- Provider set: providers in referentie/aanbieders.csv with at least one approved prestatie (ProductPeriode begin
-- in B), plus every provider that delivered a workbook for B (quarantined workbooks never reach raw).
with peil as (
    select peildatum from {{ ref('int_peildatum') }}
),

werkboeken as (
    select * from {{ ref('int_verantwoording__werkboeken') }}
),

met_productie as (
    select distinct g.aanbieder_agb, g.jaar as boekjaar
    from {{ ref('int_verantwoording__goedgekeurd') }} as g
    inner join {{ ref('stg_referentie__aanbieders') }} as a
        on a.aanbieder_agb = g.aanbieder_agb
    where g.aantal_prestaties > 0
),

aanbieder_jaren as (
    select aanbieder_agb, boekjaar from met_productie
    union
    select aanbieder_agb, boekjaar from werkboeken
),

afwijkingen as (
    select boekjaar, aanbieder_agb, cast(sum(case when afwijking then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_gemeenten_afwijking
    from {{ ref('verantwoording_reconciliatie') }}
    group by boekjaar, aanbieder_agb
),

basis as (
    select
        aj.boekjaar,
        aj.aanbieder_agb,
        coalesce(a.aanbieder_naam, w.aanbieder_naam) as aanbieder_naam,
        w.bestand_sha256 is not null as ontvangen,
        w.versie,
        w.datum_productieverantwoording,
        w.omzet_wmo_totaal_cent,
        w.soort_verklaring,
        w.datum_verklaring,
        d.drempel_cent,
        {{ b_datum_in_jaar('aj.boekjaar + 1', 3, 1) }} as termijn_productie,
        {{ b_datum_in_jaar('aj.boekjaar + 1', 4, 1) }} as termijn_verklaring,
        coalesce(af.aantal_gemeenten_afwijking, 0) as aantal_gemeenten_afwijking,
        p.peildatum
    from aanbieder_jaren as aj
    cross join peil as p
    left join werkboeken as w
        on w.aanbieder_agb = aj.aanbieder_agb and w.boekjaar = aj.boekjaar
    left join {{ ref('stg_referentie__aanbieders') }} as a
        on a.aanbieder_agb = aj.aanbieder_agb
    left join {{ ref('verklaring_drempels') }} as d
        on (d.boekjaar_vanaf is null or aj.boekjaar >= d.boekjaar_vanaf)
       and (d.boekjaar_tot is null or aj.boekjaar <= d.boekjaar_tot)
    left join afwijkingen as af
        on af.aanbieder_agb = aj.aanbieder_agb and af.boekjaar = aj.boekjaar
),

beoordeeld as (
    select
        *,
        case when ontvangen then datum_productieverantwoording < termijn_productie end as productie_tijdig,
        case
            when not ontvangen then null
            -- unknown turnover: the stricter statement is required
            when omzet_wmo_totaal_cent is null or omzet_wmo_totaal_cent >= drempel_cent then 'accountantsverklaring'
            else 'bestuursverklaring'
        end as verklaring_vereist
    from basis
),

met_verklaring as (
    select
        *,
        coalesce(
            ontvangen
            and (
                soort_verklaring = 'accountantsverklaring'
                or (soort_verklaring = 'bestuursverklaring' and verklaring_vereist = 'bestuursverklaring')
            )
            and datum_verklaring < termijn_verklaring,
            false
        ) as verklaring_ok
    from beoordeeld
)

select
    boekjaar,
    aanbieder_agb,
    aanbieder_naam,
    ontvangen,
    versie,
    datum_productieverantwoording,
    productie_tijdig,
    omzet_wmo_totaal_cent,
    drempel_cent,
    verklaring_vereist,
    soort_verklaring,
    datum_verklaring,
    verklaring_ok,
    aantal_gemeenten_afwijking,
    termijn_productie,
    termijn_verklaring,
    peildatum,
    case
        when not ontvangen then
            case when peildatum < termijn_productie then 'verwacht' else 'ontbreekt' end
        when datum_productieverantwoording >= termijn_productie then 'te_laat'
        when not verklaring_ok then
            case
                when peildatum < termijn_verklaring and datum_verklaring is null then 'verwacht'
                else 'verklaring_ontbreekt'
            end
        when aantal_gemeenten_afwijking > 0 then 'afwijking'
        else 'akkoord'
    end as status
from met_verklaring
