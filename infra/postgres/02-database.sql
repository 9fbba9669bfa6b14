-- The product database, owned by the migration role (idempotent).
select 'create database nastavnik owner nastavnik_owner'
where not exists (select from pg_database where datname = 'nastavnik') \gexec

-- Its superuser-only preparation (docs/adr/0040), idempotent.
\connect nastavnik
\ir prepare-database.psql
