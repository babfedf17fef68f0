-- The result taxonomy (region file, else the shipped Midden-Limburg default).
select
    subresultaat,
    deelresultaat,
    deelresultaat_naam,
    omschrijving,
    bron
from {{ ref('stg_referentie__subresultaten') }}
