import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keyByTenant, type TenantKeyMove, unkeyByTenant } from '@nastavnik/platform/database/tenant-keys';

/**
 * This lib's school tables keyed by tenant (issue 18, docs/scale.md). Rows are not touched.
 *
 * - Primary keys `(tenant_id, id)` for links, responses, answers, scorecards and recompute
 *   requests, replacing the unique `(tenant_id, id)` where there was one (the response link's
 *   foreign key moves with it, unchanged).
 * - Three unique keys gain `tenant_id`. They meant the same within a school before and mean it
 *   still; what goes is the check ACROSS schools, which a database sharded by school cannot make:
 *   - a link's token hash: `(token_hash, tenant_id)`, hash first, because a respondent's request
 *     finds its link by the hash alone (the respondent's policies, `token_hash = app.link_hash()`).
 *     Tokens are 32 random bytes, so two schools never draw the same one;
 *   - one response per link: `(tenant_id, link_id)` (the link's foreign key is `(tenant_id, link_id)`);
 *   - one answer per question of a response: `(tenant_id, response_id, question_id)`.
 *   No `on conflict` names these keys (the only conflict target of this lib's tables is the
 *   snapshots' primary key, which was keyed by tenant already).
 * - Snapshots were keyed `(tenant_id, period, indicator_code)` already. Templates, their questions
 *   and indicator targets are reference tables, not sharded by school: `distribution.ts`.
 */
const MOVES: TenantKeyMove[] = [
  { table: 'questionnaire_links', replaces: 'questionnaire_links_tenant_id_id_key', referencedBy: ['questionnaire_responses_link_fk'] },
  { table: 'questionnaire_responses', replaces: 'questionnaire_responses_tenant_id_id_key', referencedBy: [] },
  { table: 'questionnaire_answers', replaces: 'questionnaire_answers_tenant_id_id_key', referencedBy: [] },
  { table: 'programme_scorecards', replaces: 'programme_scorecards_tenant_id_id_key', referencedBy: [] },
  { table: 'indicator_recompute_requests', referencedBy: [] },
];

/** [table, constraint, columns before, columns after]. */
const UNIQUE_KEYS: [string, string, string, string][] = [
  ['questionnaire_links', 'questionnaire_links_token_hash_key', 'token_hash', 'token_hash, tenant_id'],
  ['questionnaire_responses', 'questionnaire_responses_one_per_link', 'link_id', 'tenant_id, link_id'],
  ['questionnaire_answers', 'questionnaire_answers_one_per_question', 'response_id, question_id', 'tenant_id, response_id, question_id'],
];

export class KeyMonitoringByTenant1795301230000 implements MigrationInterface {
  name = 'KeyMonitoringByTenant1795301230000';

  async up(q: QueryRunner): Promise<void> {
    await keyByTenant(q, ...MOVES);
    for (const [table, constraint, , after] of UNIQUE_KEYS) {
      await q.query(`alter table ${table} drop constraint ${constraint}`);
      await q.query(`alter table ${table} add constraint ${constraint} unique (${after})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint, before] of [...UNIQUE_KEYS].reverse()) {
      await q.query(`alter table ${table} drop constraint ${constraint}`);
      await q.query(`alter table ${table} add constraint ${constraint} unique (${before})`);
    }
    await unkeyByTenant(q, ...MOVES);
  }
}
