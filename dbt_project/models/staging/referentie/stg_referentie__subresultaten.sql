-- The result taxonomy: the rows of the latest loaded referentie/subresultaten.csv (highest bestand_volgnummer);
-- when no region file was ever loaded, the shipped default (seed default_subresultaten, Midden-Limburg).
with regio as (
    select subresultaat, deelresultaat, deelresultaat_naam, omschrijving, 'regio' as bron
    from {{ source('raw', 'ref_subresultaten') }}
    where bestand_volgnummer = (select max(bestand_volgnummer) from {{ source('raw', 'ref_subresultaten') }})
),

standaard as (
    select subresultaat, deelresultaat, deelresultaat_naam, omschrijving, 'standaard' as bron
    from {{ ref('default_subresultaten') }}
    where not exists (select 1 from regio)
)

select * from regio
union all
select * from standaard
