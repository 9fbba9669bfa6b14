/** Database roles, created by infra/postgres/01-roles.sql (and the set-up script). */
export const DB_ROLES = {
  /** Owns the schema and runs migrations; never used by the running app. */
  owner: 'nastavnik_owner',
  /** The api's and worker's role: owns nothing, not superuser, no BYPASSRLS. */
  app: 'nastavnik_app',
  /**
   * The platform admin's scope: NOLOGIN, no BYPASSRLS, the app role's privileges; the app role
   * (a NOINHERIT member) switches to it for the transactions of a platform admin (docs/adr/0010).
   */
  platformAdmin: 'nastavnik_platform_admin',
  /** The region-wide indicator computation (worker only): reads fact views, writes snapshots. */
  indicators: 'nastavnik_indicators',
} as const;
