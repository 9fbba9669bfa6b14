import type { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = 'app.journal_hash(text, uuid, bigint, timestamptz, text, text, text, text, text, text, text[], text[], text, text)';

/**
 * `app.journal_hash` declared STABLE, as its body is (issue 14, docs/adr/0023). It was declared
 * IMMUTABLE over `convert_to` and `jsonb_build_array(…)::text`, which are STABLE; Postgres inlines an
 * SQL function only when the body is no more volatile than the declaration, so every call — two per
 * list page inside `app.journal_append`, one per row in `journal verify` — ran the SQL-function
 * executor, which parses, analyses and plans the body anew (a plpgsql expression's state lives one
 * transaction): ≈ 11 % of the backend's time in a pgbench of a page's journal statement (perf).
 * Inlined, the body is planned once per session with the function's plan. The hash is the same
 * expression, so every row already written verifies unchanged.
 */
export class JournalHashInlined1795303000000 implements MigrationInterface {
  name = 'JournalHashInlined1795303000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter function ${SIGNATURE} stable`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter function ${SIGNATURE} immutable`);
  }
}
