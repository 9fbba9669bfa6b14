import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../database/db-roles';

/**
 * `app.role = 'platform-admin'` counts only in a transaction that runs as the platform admin's
 * database role (ADR 0010). Elsewhere `app.scope_role()` answers NULL, which every policy reads as
 * "no rows". Migration `1795300920000` gave the admin its own policies on personal data. Other
 * policies still name the platform admin in one of their branches: report files,
 * questionnaire templates and questions, and the write check of questionnaire responses. With
 * this change, none of them admits an app connection that only sets the setting.
 */
export class PlatformAdminScopeNeedsItsRole1795300930000 implements MigrationInterface {
  name = 'PlatformAdminScopeNeedsItsRole1795300930000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function app.scope_role() returns text language plpgsql stable parallel safe as $$
      declare
        claimed text := nullif(current_setting('app.role', true), '');
      begin
        if claimed = 'platform-admin' and current_user <> '${DB_ROLES.platformAdmin}' then
          return null;
        end if;
        return claimed;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function app.scope_role() returns text language plpgsql stable parallel safe
      as $$ begin return nullif(current_setting('app.role', true), ''); end $$`);
  }
}
