import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyJournal } from '@nastavnik/platform/personal-data/journal-verify';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { journal } from '@nastavnik/platform/personal-data/journal';
import { codesOf, TestApi } from './test-api';

const ROOT = join(__dirname, '..', '..', '..');
const LIST = `query($f: AccessJournalFilter) { allAccessJournalEntries(perPage: 100, filter: $f) { id tenantId seq operation entity entityIds fields actorName role } _allAccessJournalEntriesMeta(filter: $f) { count } }`;
type Entry = { id: string; tenantId: string; seq: number; operation: string; entity: string; entityIds: string[]; fields: string[] };

/** `npm run -s cli -- journal verify …` against this run's database, as an operator runs it. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, MIGRATION_DATABASE_URL: readTestEnv().ownerUrl, DATABASE_URL: readTestEnv().appUrl };
  try {
    const { stdout } = await promisify(execFile)('node', ['-r', './tools/register.cjs', 'tools/cli/cli.ts', ...args], { cwd: ROOT, env });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/**
 * Issue 14: the journal's hash chain makes tampering visible — the owner (the only role that can
 * change a row) edits, deletes or cuts off rows and `journal verify` names them; a curator reads
 * their own school's journal and nobody else's, the platform admin every school's; partitions come
 * ahead and retention never drops the last 12 months.
 */
describe('access journal: the chain, the verifier, who reads it', () => {
  let api: TestApi;
  let db: TestDb;
  let a: TenantRow;
  let b: TenantRow;
  let curatorA: string;
  let curatorB: string;
  const owner = () => db.owner;
  const verify = (tenantId: string) => verifyJournal(async (sql, params) => (await owner().query(sql, params)).rows, tenantId);

  /** Four journaled writes in school A, three in B. */
  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = (await db.newSchoolWorld()).school;
    b = (await db.newSchoolWorld()).school;
    curatorA = tokenFor('curator', a.code);
    curatorB = tokenFor('curator', b.code);
    for (const [token, names] of [[curatorA, ['Цепочкина', 'Звеньев', 'Хешев', 'Блоков']], [curatorB, ['Чужова', 'Соседов', 'Другов']]] as const) {
      for (const lastName of names) {
        const r = await api.gql(token, `mutation($l: String!) { createParticipant(input: { kind: TEACHER, lastName: $l, firstName: "Т" }) { id } }`, { l: lastName });
        expect(r.errors).toBeUndefined();
      }
    }
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('an untouched chain verifies, through the library and the command', async () => {
    expect(await verify(a.id)).toMatchObject({ tenants: 1, rows: 4, problems: [], anchored: [] });
    const run = await cli('journal', 'verify', '--tenant', a.code);
    expect(run.stdout).toContain('записей — 4, нарушений — 0');
    expect(run.code).toBe(0);
  });

  it('a curator reads their school’s journal only; naming another school finds nothing; the admin reads both; analysts none', async () => {
    const mine = await api.gql<{ allAccessJournalEntries: Entry[]; _allAccessJournalEntriesMeta: { count: number } }>(curatorA, LIST);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.allAccessJournalEntries.map((e) => e.tenantId)).toEqual([a.id, a.id, a.id, a.id]);
    expect(mine.data!.allAccessJournalEntries.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(mine.data!._allAccessJournalEntriesMeta.count).toBe(4);
    const named = await api.gql<{ allAccessJournalEntries: Entry[] }>(curatorB, LIST, { f: { tenantId: a.id } });
    expect(named.data!.allAccessJournalEntries).toEqual([]);
    const theirs = await api.gql<{ allAccessJournalEntries: Entry[] }>(curatorB, LIST);
    expect(new Set(theirs.data!.allAccessJournalEntries.map((e) => e.tenantId))).toEqual(new Set([b.id]));
    const admin = tokenFor('platform-admin', null);
    for (const school of [a, b]) {
      const all = await api.gql<{ allAccessJournalEntries: Entry[] }>(admin, LIST, { f: { tenantId: school.id } });
      expect(all.data!.allAccessJournalEntries.length).toBeGreaterThanOrEqual(3);
    }
    for (const role of ['region-analyst', 'ministry-official'] as const) {
      expect(codesOf(await api.gql(tokenFor(role, role === 'region-analyst' ? a.path.split('.')[0] : null), LIST))).toEqual(['FORBIDDEN']);
    }
  });

  it('filters: action, entity, operation, actor, period', async () => {
    const count = async (f: Record<string, unknown>) => (await api.gql<{ _allAccessJournalEntriesMeta: { count: number } }>(curatorA, LIST, { f })).data!._allAccessJournalEntriesMeta.count;
    expect(await count({ action: 'CREATE', entity: 'Participant' })).toBe(4);
    expect(await count({ action: 'READ' })).toBe(0);
    expect(await count({ operation: 'createPartic' })).toBe(4);
    expect(await count({ actor: `curator-${a.code}` })).toBe(4);
    expect(await count({ from: '2001-01-01', to: '2001-12-31' })).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(await count({ from: today })).toBeGreaterThanOrEqual(4);
  });

  it('the XLSX export: the caller’s school only, the filter applied, through the formula-safe writer', async () => {
    const response = await api.http().get('/access-journal/export.xlsx?operation=createPartic&action=create').set('authorization', `Bearer ${curatorA}`).buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toEqual(expect.arrayContaining(['Когда', 'Роль', 'Действие', 'Сущность', 'Поля персональных данных', 'Технический вызов']));
    const data = rows.slice(1);
    expect(data).toHaveLength(4);
    for (const row of data) {
      expect(row).toContain(a.id);
      expect(row).toContain('createParticipant');
      // Read as the operator's staff read it: Russian names, Moscow time — not type and property names, not ISO.
      expect(row).toEqual(expect.arrayContaining(['куратор', 'создание', 'Участник']));
      expect(row.find((cell) => typeof cell === 'string' && cell.includes('Фамилия'))).toBeDefined();
      expect(row.find((cell) => typeof cell === 'string' && /^\d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d МСК$/.test(cell))).toBeDefined();
      expect(row).not.toContain(b.id);
    }
    expect((await api.http().get('/access-journal/export.xlsx?action=bogus').set('authorization', `Bearer ${curatorA}`)).status).toBe(400);
    expect((await api.http().get('/access-journal/export.xlsx').set('authorization', `Bearer ${tokenFor('region-analyst', a.path.split('.')[0])}`)).status).toBe(403);
  });

  it('a region analyst’s reads go into the chain of a school of the region, never of another region’s school, and the analyst reads no journal row', async () => {
    const context = api.app.get(TenantContext);
    const regionA = a.path.split('.')[0];
    const analystOf = (region: string) => ({ role: 'region-analyst' as const, tenantId: null, tenantPath: region, allTenants: false, actor: `analyst-${region}` });
    const before = (await owner().query(`select count(*)::int as n from access_journal where tenant_id = $1`, [a.id])).rows[0].n;
    await context.runInScope(analystOf(regionA), async () => {
      journal.record({ tenantId: a.id, operation: 'RoadmapReport', action: 'read', entity: 'RoadmapItem', ids: [a.id], fields: ['responsible'] });
    });
    const [row] = (await owner().query(`select role, actor, entity, fields from access_journal where tenant_id = $1 order by seq desc limit 1`, [a.id])).rows;
    expect(row).toEqual({ role: 'region-analyst', actor: `analyst-${regionA}`, entity: 'RoadmapItem', fields: ['responsible'] });
    expect((await owner().query(`select count(*)::int as n from access_journal where tenant_id = $1`, [a.id])).rows[0].n).toBe(before + 1);
    expect((await verify(a.id)).problems).toEqual([]);
    // School B lies in another region: the policy refuses the append, and the whole operation with it.
    await expect(context.runInScope(analystOf(regionA), async () => {
      journal.record({ tenantId: b.id, operation: 'RoadmapReport', action: 'read', entity: 'RoadmapItem', ids: [b.id], fields: ['responsible'] });
    })).rejects.toThrow(/row-level security/);
    // Reading the journal stays the school's and the admin's.
    const read = await context.runInScope(analystOf(regionA), async () => (await context.manager()).query(`select count(*)::int as n from access_journal`));
    expect(read[0].n).toBe(0);
  });

  it('the owner edits a row: verify names that row', async () => {
    await owner().query(`update access_journal set operation = 'allParticipants' where tenant_id = $1 and seq = 2`, [a.id]);
    const report = await verify(a.id);
    expect(report.problems).toEqual([{ tenantId: a.id, seq: 2, problem: expect.stringMatching(/содержимое записи изменено/) }]);
    const run = await cli('journal', 'verify', '--tenant', a.code);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`НАРУШЕНИЕ ${a.code} запись 2: содержимое записи изменено`));
    // …and recomputing that row's hash does not hide it: the next row no longer continues the chain.
    await owner().query(
      `update access_journal set hash = app.journal_hash(prev_hash, tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address)
        where tenant_id = $1 and seq = 2`,
      [a.id],
    );
    expect((await verify(a.id)).problems).toEqual([{ tenantId: a.id, seq: 3, problem: expect.stringMatching(/не продолжает цепочку/) }]);
  });

  it('the owner deletes a row in the middle, or the last one: verify says where', async () => {
    await owner().query(`delete from access_journal where tenant_id = $1 and seq = 2`, [b.id]);
    expect((await verify(b.id)).problems.map((p) => [p.seq, p.problem.split(':')[0]])).toEqual([
      [3, 'пропуск в цепочке'],
      [3, 'запись не продолжает цепочку'],
    ]);
    await owner().query(`delete from access_journal where tenant_id = $1 and seq = 3`, [b.id]);
    const report = await verify(b.id);
    expect(report.problems.map((p) => p.problem)).toEqual([expect.stringMatching(/цепочка обрывается на записи 1, голова — на 3/)]);
  });

  it('partitions: this month and the next two exist, creating them again is a no-op; retention never drops the last 12 months', async () => {
    const partitions = async () =>
      (await owner().query(`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'access_journal'::regclass order by 1`)).rows.map((r) => r.relname as string);
    const month = (offset: number) => {
      const d = new Date();
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
      return `access_journal_y${m.getUTCFullYear()}m${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(await partitions()).toEqual(expect.arrayContaining([month(0), month(1), month(2)]));
    expect((await owner().query(`select app.journal_ensure_partitions(2) as n`)).rows[0].n).toBe(0);
    // An old month (as if kept from years ago), and one 11 months back.
    for (const offset of [-40, -11]) {
      const name = month(offset);
      const from = `${name.slice(16, 20)}-${name.slice(21)}-01`;
      await owner().query(`create table if not exists ${name} partition of access_journal for values from ('${from}') to (('${from}'::date + interval '1 month'))`);
    }
    // Asked to keep none, it keeps 12: the 40-month-old partition goes, the 11-month-old one stays.
    expect((await owner().query(`select app.journal_drop_expired(0) as n`)).rows[0].n).toBe(1);
    const left = await partitions();
    expect(left).not.toContain(month(-40));
    expect(left).toContain(month(-11));
    await owner().query(`drop table ${month(-11)}`);
  });
});
