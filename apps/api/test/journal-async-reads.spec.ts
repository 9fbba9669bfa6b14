import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { TestDb } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';

/**
 * The journal rows of an operation that wrote nothing else commit asynchronously; any operation
 * that wrote data first keeps synchronous commit (migration 1795301520000, ADR 0023).
 */
describe('access journal: reads commit asynchronously, writes never do', () => {
  const env = readTestEnv();
  let db: TestDb;
  let app: Pool;
  let school: { id: string; path: string };

  beforeAll(async () => {
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
    app = new Pool({ connectionString: env.appUrl, max: 1 });
  });

  afterAll(async () => {
    await app.end();
    await db.close();
  });

  const actor = randomUUID();
  const event = () => ({ tenant_id: school.id, actor, actor_name: 'curator-test', role: 'curator', operation: 'allParticipants', action: 'read', entity: 'Participant', ids: [], fields: ['lastName'], request_id: randomUUID(), source_address: '127.0.0.1' });

  async function synchronousCommitAfter(writeFirst: boolean): Promise<string> {
    const client = await app.connect();
    try {
      await client.query(`START TRANSACTION; ${scopeStatement({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor })}`);
      if (writeFirst) {
        await client.query(`insert into participants (tenant_id, kind, last_name, first_name, birth_date) values ($1, 'student', 'Запись', 'Первая', '2012-01-01')`, [school.id]);
      }
      await client.query('select app.journal_append($1::jsonb)', [JSON.stringify([event()])]);
      const setting = (await client.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0].synchronous_commit;
      await client.query('ROLLBACK');
      return setting;
    } finally {
      client.release();
    }
  }

  it('a read-only operation: off for its transaction only', async () => {
    expect(await synchronousCommitAfter(false)).toBe('off');
    expect((await app.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0].synchronous_commit).toBe('on');
  });

  it('an operation that wrote data before its journal rows: the server\'s setting (on)', async () => {
    expect(await synchronousCommitAfter(true)).toBe('on');
  });
});
