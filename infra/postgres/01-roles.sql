-- Database roles of the platform (idempotent; run as a superuser by tools/scripts/setup.sh and
-- by the postgres container's init). Passwords are for local development only: production
-- sets its own through its secret store.
--   nastavnik_owner  owns the schema and runs migrations; BYPASSRLS so that the one narrow
--                    SECURITY DEFINER lookup (app.tenant_by_code) and data migrations see all rows.
--   nastavnik_app    the api's and worker's role: owns nothing, not superuser, no BYPASSRLS.
--   nastavnik_indicators  the region-wide indicator computation (worker configuration only):
--                    owns nothing, no BYPASSRLS; reads the indicator fact views and writes
--                    snapshots through policies granted to it by name (docs/adr/0006).
do $$
begin
  if not exists (select from pg_roles where rolname = 'nastavnik_owner') then
    create role nastavnik_owner login bypassrls password 'nastavnik_owner';
  end if;
  if not exists (select from pg_roles where rolname = 'nastavnik_app') then
    create role nastavnik_app login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password 'nastavnik_app';
  end if;
  if not exists (select from pg_roles where rolname = 'nastavnik_indicators') then
    create role nastavnik_indicators login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password 'nastavnik_indicators';
  end if;
  -- Owner tests create and drop their own databases.
  alter role nastavnik_owner createdb;
end
$$;
