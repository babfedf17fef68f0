{#- K8 lawfulness signals RM01–RM11, one row per 323 line and signal (kpis.md K8, marts.md).
    Assignment of a line = (323 Ontvanger = gemeentecode, ToewijzingNummer, 323 Afzender = aanbieder_agb).
    On a deleted assignment only RM11 of the assignment-dependent signals is evaluated (RM02, RM03, RM04, RM09,
    RM10 are not); RM01 never fires together with RM11; RM05–RM08 apply regardless.
    bedrag_cent = the line's amount, debit positive, credit negative (money at risk). -#}
with prestaties as (
    select
        p.*,
        -- K8 RM04 order within the assignment: (ProductPeriode Begindatum, declaration Dagtekening, ReferentieNummer)
        coalesce(sum(case when p.status <> 'afgewezen' then p.volume_netto else 0 end) over (
            partition by p.gemeentecode, p.aanbieder_agb, p.toewijzingnummer
            order by p.periode_begin, p.bericht_dagtekening, p.referentienummer, p.bericht_identificatie, p.declaratienummer
            rows between unbounded preceding and 1 preceding
        ), 0) as volume_eerder_netto
    from {{ ref('int_prestaties') }} as p
),

starts as (
    select gemeentecode, toewijzingnummer, min(begindatum) as startdatum
    from {{ ref('int_starts') }}
    where not is_verwijderd
    group by gemeentecode, toewijzingnummer
),

overlijden as (
    select client_pseudoniem, min(einddatum_traject) as overlijdensdatum
    from {{ ref('int_stops_definitief') }}
    where reden_beeindiging = '02'
    group by client_pseudoniem
),

tarieven as (
    select
        p.aanbieder_agb, p.declaratienummer, p.referentienummer,
        tr.tarief_cent as contract_tarief_cent,
        row_number() over (
            partition by p.aanbieder_agb, p.declaratienummer, p.referentienummer
            order by tr.geldig_vanaf desc
        ) as rang
    from prestaties as p
    inner join {{ ref('stg_referentie__tarieven') }} as tr
        on tr.productcategorie = p.productcategorie
        and (tr.productcode = p.productcode or (tr.productcode is null and p.productcode is null))
        and tr.eenheid = p.eenheid
        and tr.geldig_vanaf <= p.periode_begin
        and (tr.geldig_tot is null or tr.geldig_tot >= p.periode_begin)
    where p.tarief_cent is not null
),

gecrediteerd as (
    select distinct aanbieder_agb, vorig_referentienummer as referentienummer
    from prestaties
    where debet_credit = 'C' and status <> 'afgewezen' and vorig_referentienummer is not null
),

debet as (
    select p.*, gc.referentienummer is not null as is_gecrediteerd
    from prestaties as p
    left join gecrediteerd as gc
        on gc.aanbieder_agb = p.aanbieder_agb and gc.referentienummer = p.referentienummer
    where p.debet_credit = 'D'
),

dubbel_overlap as (
    -- an earlier (declaration Dagtekening, Identificatie) debit line for the same assignment with an overlapping
    -- ProductPeriode that is not rejected and not credited
    select
        a.aanbieder_agb, a.declaratienummer, a.referentienummer,
        b.referentienummer as eerdere_referentienummer,
        b.bericht_identificatie as eerdere_declaratie,
        b.bericht_dagtekening as eerdere_dagtekening,
        row_number() over (
            partition by a.aanbieder_agb, a.declaratienummer, a.referentienummer
            order by b.bericht_dagtekening, b.bericht_identificatie, b.referentienummer
        ) as rang
    from debet as a
    inner join debet as b
        on b.gemeentecode = a.gemeentecode
        and b.aanbieder_agb = a.aanbieder_agb
        and b.toewijzingnummer = a.toewijzingnummer
        and b.periode_begin <= a.periode_eind
        and a.periode_begin <= b.periode_eind
        and (b.bericht_dagtekening < a.bericht_dagtekening
            or (b.bericht_dagtekening = a.bericht_dagtekening and b.bericht_identificatie < a.bericht_identificatie))
    where b.status <> 'afgewezen' and not b.is_gecrediteerd
),

dubbel_referentie as (
    -- the same ReferentieNummer declared earlier by the same provider
    select
        a.aanbieder_agb, a.declaratienummer, a.referentienummer,
        b.bericht_identificatie as eerdere_declaratie,
        b.bericht_dagtekening as eerdere_dagtekening,
        row_number() over (
            partition by a.aanbieder_agb, a.declaratienummer, a.referentienummer
            order by b.bericht_dagtekening, b.bericht_identificatie
        ) as rang
    from debet as a
    inner join prestaties as b
        on b.aanbieder_agb = a.aanbieder_agb
        and b.referentienummer = a.referentienummer
        and (b.bericht_dagtekening < a.bericht_dagtekening
            or (b.bericht_dagtekening = a.bericht_dagtekening and b.bericht_identificatie < a.bericht_identificatie))
),

basis as (
    select
        p.aanbieder_agb,
        p.declaratienummer,
        p.referentienummer,
        p.gemeentecode,
        p.toewijzingnummer,
        p.client_pseudoniem,
        cast(extract(year from p.periode_begin) as integer) as jaar,
        p.bedrag_cent,
        p.debet_credit,
        p.periode_begin,
        p.periode_eind,
        p.productcategorie,
        p.productcode,
        p.eenheid,
        p.geleverd_volume,
        p.tarief_cent,
        p.bedrag_ingediend_cent,
        p.volume_eerder_netto,
        t.toewijzingnummer is not null as toewijzing_bestaat,
        coalesce(t.is_verwijderd, false) as toewijzing_verwijderd,
        t.reden_wijziging as t_reden_wijziging,
        t.ingangsdatum as t_ingangsdatum,
        t.einddatum as t_einddatum,
        t.productcategorie as t_productcategorie,
        t.productcode as t_productcode,
        t.eenheid as t_eenheid,
        t.volume as t_volume,
        t.frequentie as t_frequentie,
        {{ perioden('t.frequentie', 'p.periode_begin', 'p.periode_eind') }} as perioden_periode,
        s.startdatum,
        d.einddatum_traject,
        d.reden_beeindiging,
        o.overlijdensdatum,
        tr.contract_tarief_cent,
        dov.eerdere_referentienummer as overlap_referentienummer,
        dov.eerdere_declaratie as overlap_declaratie,
        dov.eerdere_dagtekening as overlap_dagtekening,
        dre.eerdere_declaratie as referentie_declaratie,
        dre.eerdere_dagtekening as referentie_dagtekening
    from prestaties as p
    left join {{ ref('int_toewijzingen') }} as t
        on t.gemeentecode = p.gemeentecode
        and t.toewijzingnummer = p.toewijzingnummer
        and t.aanbieder_agb = p.aanbieder_agb
    left join starts as s
        on s.gemeentecode = p.gemeentecode and s.toewijzingnummer = p.toewijzingnummer
    left join {{ ref('int_stops_definitief') }} as d
        on d.gemeentecode = p.gemeentecode and d.toewijzingnummer = p.toewijzingnummer
    left join overlijden as o
        on o.client_pseudoniem = p.client_pseudoniem
    left join tarieven as tr
        on tr.aanbieder_agb = p.aanbieder_agb and tr.declaratienummer = p.declaratienummer
        and tr.referentienummer = p.referentienummer and tr.rang = 1
    left join dubbel_overlap as dov
        on dov.aanbieder_agb = p.aanbieder_agb and dov.declaratienummer = p.declaratienummer
        and dov.referentienummer = p.referentienummer and dov.rang = 1
    left join dubbel_referentie as dre
        on dre.aanbieder_agb = p.aanbieder_agb and dre.declaratienummer = p.declaratienummer
        and dre.referentienummer = p.referentienummer and dre.rang = 1
),

{%- set periode = "'Productperiode ' || cast(periode_begin as varchar) || ' t/m ' || cast(periode_eind as varchar)" %}
{%- set actief = "toewijzing_bestaat and not toewijzing_verwijderd" %}

signalen as (
    select *, 'RM01' as signaal_code, 'geen_toewijzing' as signaal,
        'Geen toewijzing ' || cast(toewijzingnummer as varchar) || ' van gemeente ' || gemeentecode
            || ' aan aanbieder ' || aanbieder_agb as toelichting
    from basis
    where not toewijzing_bestaat

    union all
    select *, 'RM02', 'buiten_periode',
        {{ periode }} || case
            when t_einddatum is not null and periode_begin > t_einddatum
                then ' valt na einde toewijzing ' || cast(t_einddatum as varchar)
            when periode_eind < t_ingangsdatum
                then ' valt voor ingang toewijzing ' || cast(t_ingangsdatum as varchar)
            when periode_begin < t_ingangsdatum and t_einddatum is not null and periode_eind > t_einddatum
                then ' begint voor ingang ' || cast(t_ingangsdatum as varchar) || ' en eindigt na einde toewijzing '
                    || cast(t_einddatum as varchar)
            when periode_begin < t_ingangsdatum
                then ' begint voor ingang toewijzing ' || cast(t_ingangsdatum as varchar)
            else ' eindigt na einde toewijzing ' || cast(t_einddatum as varchar)
        end
    from basis
    where {{ actief }}
        and (periode_begin < t_ingangsdatum or (t_einddatum is not null and periode_eind > t_einddatum))

    union all
    select *, 'RM03', 'product_afwijkend',
        'Gedeclareerd product ' || coalesce(productcategorie, '?') || '/' || coalesce(productcode, '-')
            || ' eenheid ' || coalesce(eenheid, '?') || ' wijkt af van toegewezen '
            || coalesce(t_productcategorie, '?') || '/' || coalesce(t_productcode, '-')
            || ' eenheid ' || coalesce(t_eenheid, '-')
    from basis
    where {{ actief }}
        and (productcategorie <> t_productcategorie
            or (t_productcode is not null and productcode is distinct from t_productcode)
            or (t_volume is not null and eenheid is distinct from t_eenheid))

    union all
    select *, 'RM04', 'volume_overschreden',
        case when t_frequentie = '6'
            then 'Geleverd volume tot en met deze prestatie ' || cast(volume_eerder_netto + geleverd_volume as varchar)
                || ' overschrijdt toegewezen totaal ' || cast(t_volume as varchar)
            else 'Geleverd volume ' || cast(geleverd_volume as varchar) || ' overschrijdt toegewezen '
                || cast(round(t_volume * perioden_periode, 2) as varchar) || ' (' || cast(t_volume as varchar)
                || ' × ' || cast(round(perioden_periode, 4) as varchar) || ' perioden) over ' || {{ periode }}
        end
    from basis
    where {{ actief }}
        and debet_credit = 'D'
        and t_volume is not null
        and (
            (t_frequentie = '6' and volume_eerder_netto + geleverd_volume > t_volume)
            -- 1e-9 absorbs floating-point error where the exact bound is a whole number (e.g. 16/31 + 15/31)
            or (t_frequentie in ('1', '2', '4') and geleverd_volume > t_volume * perioden_periode + 1e-9)
        )

    union all
    select *, 'RM05', 'dubbel',
        case
            when overlap_referentienummer is not null
                then 'Overlapt met eerdere prestatie ' || overlap_referentienummer || ' in declaratie '
                    || overlap_declaratie || ' van ' || cast(overlap_dagtekening as varchar)
            else 'ReferentieNummer ' || referentienummer || ' al eerder gedeclareerd in declaratie '
                || referentie_declaratie || ' van ' || cast(referentie_dagtekening as varchar)
        end
    from basis
    where debet_credit = 'D'
        and (overlap_referentienummer is not null or referentie_declaratie is not null)

    union all
    select *, 'RM06', 'bedrag_onjuist',
        'Ingediend bedrag ' || cast(bedrag_ingediend_cent as varchar) || ' cent is niet gelijk aan volume '
            || cast(geleverd_volume as varchar) || ' × tarief ' || cast(tarief_cent as varchar) || ' = '
            || cast(round(geleverd_volume * tarief_cent) as varchar) || ' cent'
    from basis
    where tarief_cent is not null
        and bedrag_ingediend_cent <> round(geleverd_volume * tarief_cent)

    union all
    select *, 'RM07', 'tarief_afwijkend',
        'Producttarief ' || cast(tarief_cent as varchar) || ' cent wijkt af van contracttarief '
            || cast(contract_tarief_cent as varchar) || ' cent geldig op ' || cast(periode_begin as varchar)
    from basis
    where tarief_cent is not null
        and contract_tarief_cent is not null
        and tarief_cent <> contract_tarief_cent

    union all
    select *, 'RM08', 'na_overlijden',
        {{ periode }} || ' begint na overlijden cliënt op ' || cast(overlijdensdatum as varchar)
    from basis
    where overlijdensdatum < periode_begin

    union all
    select *, 'RM09', 'na_beeindiging',
        {{ periode }} || ' begint na einde traject ' || cast(einddatum_traject as varchar)
            || ' (reden beëindiging ' || coalesce(reden_beeindiging, '?') || ')'
    from basis
    where {{ actief }}
        and einddatum_traject < periode_begin

    union all
    select *, 'RM10', 'zonder_start',
        'Toewijzing ' || cast(toewijzingnummer as varchar) || ' heeft geen start (WMO305)'
    from basis
    where {{ actief }}
        and startdatum is null

    union all
    select *, 'RM11', 'verwijderde_toewijzing',
        'Toewijzing ' || cast(toewijzingnummer as varchar) || ' is verwijderd (RedenWijziging '
            || coalesce(t_reden_wijziging, '?') || ')'
    from basis
    where toewijzing_bestaat and toewijzing_verwijderd
)

select
    aanbieder_agb,
    declaratienummer,
    referentienummer,
    signaal_code,
    signaal,
    gemeentecode,
    toewijzingnummer,
    client_pseudoniem,
    jaar,
    bedrag_cent,
    toelichting
from signalen
