-- Database roles of the platform (idempotent; run as a superuser by tools/scripts/setup.sh and
-- by the postgres container's init). Passwords are for local development only: production
-- sets its own through its secret store.
--   nastavnik_owner  owns the schema and runs migrations; BYPASSRLS so that the one narrow
--                    SECURITY DEFINER lookup (app.tenant_by_code) and data migrations see all rows.
--   nastavnik_app    the api's and worker's role: owns nothing, not superuser, no BYPASSRLS.
--   nastavnik_platform_admin  the platform admin's scope: NOLOGIN, no BYPASSRLS, owns nothing;
--                    the platform migration 1795300920000 gives it the app role's privileges and
--                    the admin's policies. The app role is a member (it is NOINHERIT, so nothing
--                    of this role applies until a platform admin's transaction switches to it;
--                    docs/adr/0010).
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
  if not exists (select from pg_roles where rolname = 'nastavnik_platform_admin') then
    create role nastavnik_platform_admin nologin nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
  end if;
  if not pg_has_role('nastavnik_app', 'nastavnik_platform_admin', 'member') then
    grant nastavnik_platform_admin to nastavnik_app;
  end if;
  -- Owner tests create and drop their own databases.
  alter role nastavnik_owner createdb;
end
$$;
