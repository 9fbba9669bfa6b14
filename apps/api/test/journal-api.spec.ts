import { Client } from 'pg';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { TestApi } from './test-api';

type Row = { seq: string; actor: string; actor_name: string | null; role: string; operation: string; action: string; entity: string; entity_ids: string[]; fields: string[]; request_id: string | null; source_address: string | null };

const CSV = Buffer.from('Фамилия;Имя;Категория\r\nЖурналов;Пётр;учитель\r\n', 'utf8');

/**
 * Issue 14: every read and write of personal data through the API leaves exactly the expected
 * journal rows, written in the operation's own transaction — a list page is one row with the page's
 * ids, a card one row (and one per kind of nested record), a write one row naming the declared
 * fields it set; an import, its dry run, the column preview and the error file each one row; a
 * report download one; a link issued, opened and answered one each. A failed operation leaves none.
 */
describe('access journal: what the API writes', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let curator: string;
  let build: QuestionnaireBuilders;

  /** The school's rows written after `from`, in order. */
  const rowsAfter = async (from: number): Promise<Row[]> =>
    (await db.owner.query<Row>(`select * from access_journal where tenant_id = $1 and seq > $2 order by seq`, [school.id, from])).rows;
  const head = async (): Promise<number> => Number((await db.owner.query(`select coalesce(max(seq), 0) as n from access_journal where tenant_id = $1`, [school.id])).rows[0].n);
  /** Runs `work` and returns the journal rows it left. */
  const journaled = async (work: () => Promise<unknown>): Promise<Row[]> => {
    const from = await head();
    await work();
    return rowsAfter(from);
  };
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token = curator): Promise<T> => {
    const response = await api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!;
  };
  const PARTICIPANT = personalDataFieldsOf('Participant');

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    ({ school } = await db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('a write names the declared fields it set, never their values; who, request id and address come along', async () => {
    let id = '';
    const rows = await journaled(async () => {
      const created = await gql<{ createParticipant: { id: string } }>(
        `mutation { createParticipant(input: { kind: TEACHER, lastName: "Журналова", firstName: "Анна", phone: "+79990001122" }) { id } }`,
      );
      id = created.createParticipant.id;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'curator', actor_name: `curator-${school.code}`, operation: 'createParticipant', action: 'create', entity: 'Participant', entity_ids: [id] });
    expect([...rows[0].fields].sort()).toEqual(['firstName', 'lastName', 'phone']);
    expect(rows[0].actor).toMatch(/\S/);
    expect(rows[0].request_id).toMatch(/\S/);
    expect(rows[0].source_address).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(rows)).not.toMatch(/Журналова|79990001122/);

    const updated = await journaled(() => gql(`mutation($id: ID!) { updateParticipant(id: $id, input: { grade: null, notes: "заметка" }) { id } }`, { id }));
    expect(updated.map((r) => [r.operation, r.action, r.entity, r.entity_ids, [...r.fields].sort()])).toEqual([['updateParticipant', 'update', 'Participant', [id], ['grade', 'notes']]]);
  });

  it('a list page is one row with the page’s ids; its count is none; a card with nested consents and base entries one row per kind', async () => {
    const ids: string[] = [];
    for (const lastName of ['Страничная', 'Страничнов', 'Страничный']) ids.push((await gql<{ createParticipant: { id: string } }>(`mutation($l: String!) { createParticipant(input: { kind: TEACHER, lastName: $l, firstName: "Б" }) { id } }`, { l: lastName })).createParticipant.id);
    await gql(`mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PAIRING] }) { id } }`, { p: ids[0] });
    await gql(`mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTOR }) { id } }`, { p: ids[0] });

    const page = await journaled(() => gql(`{ allParticipants(page: 0, perPage: 2, sortField: "lastName", sortOrder: "ASC", filter: { q: "Странич" }) { id fullName } }`));
    const listed = await gql<{ allParticipants: { id: string }[] }>(`{ allParticipants(page: 0, perPage: 2, sortField: "lastName", sortOrder: "ASC", filter: { q: "Странич" }) { id } }`);
    expect(page).toHaveLength(1);
    expect(page[0]).toMatchObject({ operation: 'allParticipants', action: 'read', entity: 'Participant', entity_ids: listed.allParticipants.map((p) => p.id) });
    expect(page[0].entity_ids).toHaveLength(2);
    expect(page[0].fields).toEqual([...PARTICIPANT]);

    expect(await journaled(() => gql(`{ _allParticipantsMeta(filter: { q: "Странич" }) { count } }`))).toEqual([]);

    const card = await journaled(() => gql(`query($id: ID!) { Participant(id: $id) { id consents { id } baseEntries { id } } }`, { id: ids[0] }));
    expect(card.map((r) => `${r.operation} ${r.entity}`).sort()).toEqual(['Participant Participant', 'Participant.baseEntries ParticipantBaseEntry', 'Participant.consents Consent']);
    expect(card.find((r) => r.entity === 'Consent')!.entity_ids).toHaveLength(1);
    expect(card.find((r) => r.entity === 'ParticipantBaseEntry')!.entity_ids).toHaveLength(1);
    // A person without nested records: their card is one row (nothing else was read).
    expect((await journaled(() => gql(`query($id: ID!) { Participant(id: $id) { id consents { id } } }`, { id: ids[1] }))).map((r) => r.operation)).toEqual(['Participant']);
    // The nested lookups of a whole page are one row, not one per person.
    const nested = await journaled(() => gql(`{ allParticipants(perPage: 3, filter: { q: "Странич" }) { id consents { id } } }`));
    expect(nested.map((r) => r.operation)).toEqual(['allParticipants', 'Participant.consents']);
  });

  it('consents: create, revoke, delete; a failed write leaves no row', async () => {
    const person = (await gql<{ createParticipant: { id: string } }>(`mutation { createParticipant(input: { kind: TEACHER, lastName: "Согласнов", firstName: "В" }) { id } }`)).createParticipant.id;
    let consent = '';
    const created = await journaled(async () => {
      consent = (await gql<{ createConsent: { id: string } }>(`mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PAIRING] }) { id } }`, { p: person })).createConsent.id;
    });
    expect(created.map((r) => [r.operation, r.action, r.entity_ids])).toEqual([['createConsent', 'create', [consent]]]);
    const revoked = await journaled(() => gql(`mutation($id: ID!) { revokeConsent(id: $id, reason: "Заявление") { id } }`, { id: consent }));
    expect(revoked.map((r) => [r.operation, r.action, r.entity, r.entity_ids, r.fields])).toEqual([['revokeConsent', 'update', 'Consent', [consent], ['revocationReason']]]);
    const failed = await journaled(() => api.gql(curator, `mutation($id: ID!) { revokeConsent(id: $id, reason: "Ещё раз") { id } }`, { id: consent }));
    expect(failed).toEqual([]);
    const deleted = await journaled(() => gql(`mutation($id: ID!) { deleteParticipant(id: $id) { id } }`, { id: person }));
    expect(deleted.map((r) => [r.operation, r.action, r.entity_ids])).toEqual([['deleteParticipant', 'delete', [person]]]);
  });

  it('imports: the dry run, the commit, the column preview and the error file are each one row', async () => {
    const upload = (path: string) => api.http().post(path).set('authorization', `Bearer ${curator}`).set('content-type', 'application/octet-stream').send(CSV);
    const rows = await journaled(async () => {
      expect((await upload('/participants/import/columns?format=csv')).status).toBe(200);
      expect((await upload('/participants/import?format=csv&dryRun=true')).status).toBe(200);
      expect((await upload('/participants/import/rejected?format=csv')).status).toBe(200);
      expect((await upload('/participants/import?format=csv&dryRun=false')).status).toBe(200);
      await gql(`mutation($f: String!) { importParticipants(file: $f, format: CSV, dryRun: true) { created } }`, { f: CSV.toString('base64') });
    });
    expect(rows.map((r) => [r.operation, r.action, r.entity])).toEqual([
      ['POST /participants/import/columns', 'import', 'Participant'],
      ['POST /participants/import (пробная)', 'import', 'Participant'],
      ['POST /participants/import/rejected', 'export', 'Participant'],
      ['POST /participants/import (запись)', 'import', 'Participant'],
      ['importParticipants (пробная)', 'import', 'Participant'],
    ]);
    // The template is headings only: no row.
    expect(await journaled(() => api.http().get('/participants/import/template').set('authorization', `Bearer ${curator}`))).toEqual([]);
  });

  it('a one-time link: issued, opened and answered — one row each, the answers under the respondent', async () => {
    const person = await build.person(school.id);
    const template = await build.defaultTemplate('mentee-satisfaction');
    let link = { id: '', path: '' };
    const issued = await journaled(async () => {
      link = (await gql<{ createQuestionnaireLink: { id: string; path: string } }>(
        `mutation($i: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $i) { id path } }`,
        { i: { templateId: template.id, participantId: person.id } },
      )).createQuestionnaireLink;
    });
    expect(issued.map((r) => [r.operation, r.action, r.entity, r.entity_ids])).toEqual([['createQuestionnaireLink', 'create', 'QuestionnaireLink', [link.id]]]);
    const answers = await build.answersFor(template.id, 7);
    const answered = await journaled(async () => {
      expect((await api.http().get(link.path)).status).toBe(200);
      expect((await api.http().post(link.path).set('content-type', 'application/json').send({ answers })).status).toBe(201);
    });
    const responseId = (await db.owner.query(`select id from questionnaire_responses where link_id = $1`, [link.id])).rows[0].id;
    expect(answered.map((r) => [r.role, r.operation, r.action, r.entity, r.entity_ids])).toEqual([
      ['respondent', 'GET /q/:token', 'read', 'QuestionnaireLink', [link.id]],
      ['respondent', 'POST /q/:token', 'create', 'QuestionnaireResponse', [responseId]],
    ]);
    expect(answered[1].source_address).toMatch(/127\.0\.0\.1/);
  });

  it('the platform admin’s reads are journaled under the school of the records read', async () => {
    const admin = tokenFor('platform-admin', null);
    const rows = await journaled(() => gql(`{ allParticipants(perPage: 2, filter: { q: "Странич" }) { id } }`, undefined, admin));
    expect(rows.map((r) => [r.role, r.operation, r.entity_ids.length])).toEqual([['platform-admin', 'allParticipants', 2]]);
  });

  it('as the app role the journal takes inserts only: update and delete fail, in any scope', async () => {
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    try {
      for (const scope of [
        { role: 'curator' as const, tenantId: school.id, tenantPath: null, allTenants: false, actor: 'x' },
        { role: 'platform-admin' as const, tenantId: null, tenantPath: null, allTenants: true, actor: 'x' },
      ]) {
        for (const statement of [`update access_journal set operation = 'подмена' where tenant_id = '${school.id}'`, `delete from access_journal where tenant_id = '${school.id}'`, `truncate access_journal`]) {
          await client.query('begin');
          await client.query(scopeStatement(scope));
          await expect(client.query(statement)).rejects.toThrow(/permission denied/);
          await client.query('rollback');
        }
        // The partitions themselves are out of reach too.
        await client.query('begin');
        await client.query(scopeStatement(scope));
        const [partition] = (await client.query(`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'access_journal'::regclass limit 1`)).rows;
        await expect(client.query(`delete from ${partition.relname}`)).rejects.toThrow(/permission denied/);
        await client.query('rollback');
      }
      // Its own school's rows it reads, and inserts only there.
      await client.query('begin');
      await client.query(scopeStatement({ role: 'curator', tenantId: school.id, tenantPath: null, allTenants: false, actor: 'x' }));
      expect(Number((await client.query(`select count(*) from access_journal`)).rows[0].count)).toBeGreaterThan(5);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });
});
