import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOURNAL_APPEND_SQL } from './1795301510000-journal-append-in-one-call';

const FIRST_STATEMENT = '      begin\n';

if (!JOURNAL_APPEND_SQL.includes(FIRST_STATEMENT)) throw new Error('journal_append: body not found');
/** The function's signature and body as this migration leaves it (migration 1795302810000 replaces it). */
export const JOURNAL_APPEND_ASYNC_SQL = JOURNAL_APPEND_SQL.replace(
  FIRST_STATEMENT,
  `${FIRST_STATEMENT}        if pg_current_xact_id_if_assigned() is null then
          perform set_config('synchronous_commit', 'off', true);
        end if;
`,
);

/**
 * The journal's rows of an operation that wrote nothing else — a curator's list page, a card, a
 * download — commit without waiting for the WAL flush (`synchronous_commit = off`, for that
 * transaction only): their COMMIT used to wait for an fsync that a read-only transaction never
 * paid, ≈ 15 % of a list page (docs/adr/0023, "Reads commit asynchronously"). A transaction that
 * has written anything before the journal (an xid assigned) keeps the server's setting, so no write
 * of data is ever committed asynchronously. What a crash of the database server can lose is at most
 * the last few hundred milliseconds of read events, never data.
 */
export class JournalOfReadsCommitsAsync1795301520000 implements MigrationInterface {
  name = 'JournalOfReadsCommitsAsync1795301520000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_ASYNC_SQL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_SQL}`);
  }
}
