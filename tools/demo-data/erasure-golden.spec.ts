import 'reflect-metadata';
import { Writable } from 'node:stream';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { QuestionnaireResponseService } from '@nastavnik/monitoring/questionnaire-response.service';
import { QuestionnaireTemplateService } from '@nastavnik/monitoring/questionnaire-template.service';
import { QuestionnairesCoreModule } from '@nastavnik/monitoring/questionnaires.module';
import { BaseEntriesService } from '@nastavnik/participants/base-entries.service';
import { ConsentsService } from '@nastavnik/participants/consents.service';
import { ParticipantRecordsService } from '@nastavnik/participants/participant-records.service';
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { GOLDEN_EXPECTED, GOLDEN_PERIOD, loadGoldenMishkino } from '../../../tools/demo-data/golden-mishkino';
import { createWorkerApp } from '../../worker/src/bootstrap';
import { createApiApp } from '../src/bootstrap';

type Snapshot = Map<string, { numerator: number; denominator: number | null }>;
type Person = { id: string; lastName: string; firstName: string; middleName: string; birthDate: string; pairId: string };

/** Log lines of a process, as written (JSON). */
class Lines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/**
 * Erasure keeps the past (issue 14, docs/adr/0025): seed 004's school (the golden fixture) with
 * one 2022/2023 mentee de-identified through the API and the worker's job — every published
 * figure of 2022/2023, recomputed after the erasure, is what it was; the person's name, contacts
 * and free text are in no table (every text column of every table, read as the owner), in no log
 * line of the API or the worker, in no export; the journal shows the erasure.
 */
describe('erasure: a 2022/2023 mentee of seed 004 de-identified, the published figures unchanged', () => {
  let loader: INestApplicationContext;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: TestDb;
  let school: TenantRow;
  let curator: string;
  let person: Person;
  const apiLog = new Lines();
  const workerLog = new Lines();
  /** What only this person's records say: found before the erasure, nowhere after. */
  let needles: string[];
  const MARK = 'Маркер-свободного-текста-7Q';
  const REPRESENTATIVE = 'Кравчук Зоя Леонидовна';
  const EMAIL = 'erase.me.7q@example.ru';
  const PHONE = '+7 900 765-43-21';

  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T | null; errors?: { message: string; extensions?: { code?: string } }[] }> => {
    const response = await request(api.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${curator}`).send({ query, variables });
    return { data: response.body.data ?? null, errors: response.body.errors };
  };

  const waitFor = async (what: string, check: () => Promise<boolean>, ms = 90_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  /** Asks the worker to recompute 2022/2023 for the school and returns the snapshot it wrote. */
  const recomputed = async (): Promise<Snapshot> => {
    const [{ id }] = (
      await db.owner.query<{ id: string }>(
        `insert into indicator_recompute_requests (tenant_id, period, reason) values ($1, $2, 'edit')
         on conflict do nothing returning id`,
        [school.id, GOLDEN_PERIOD],
      )
    ).rows.concat((await db.owner.query<{ id: string }>(`select id from indicator_recompute_requests where tenant_id = $1 and period = $2 and status <> 'done'`, [school.id, GOLDEN_PERIOD])).rows);
    await waitFor(`recompute ${id}`, async () => (await db.owner.query(`select 1 from indicator_recompute_requests where id = $1 and status = 'done'`, [id])).rowCount === 1);
    const { rows } = await db.owner.query<{ indicator_code: string; numerator: string; denominator: string | null }>(
      `select indicator_code, numerator, denominator from indicator_snapshots where tenant_id = $1 and period = $2`,
      [school.id, GOLDEN_PERIOD],
    );
    return new Map(rows.map((r) => [r.indicator_code, { numerator: Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator) }]));
  };

  /** Every text-like column of every table (the school's rows where the table has tenant_id) holding `needle`, as the owner. */
  const tablesHolding = async (needle: string): Promise<string[]> => {
    const { rows: columns } = await db.owner.query<{ table: string; column: string; tenanted: boolean }>(`
      select c.table_name as table, c.column_name as column,
             exists (select 1 from information_schema.columns t where t.table_schema = 'public' and t.table_name = c.table_name and t.column_name = 'tenant_id') as tenanted
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
         and (c.data_type in ('text', 'character varying', 'jsonb', 'json') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))`);
    expect(columns.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const { table, column, tenanted } of columns) {
      const where = `"${column}"::text ilike '%' || $1 || '%'` + (tenanted ? ` and tenant_id = $2` : '');
      const { rowCount } = await db.owner.query(`select 1 from "${table}" where ${where} limit 1`, tenanted ? [needle, school.id] : [needle]);
      if (rowCount) found.push(`${table}.${column}`);
    }
    return found;
  };

  let before: Snapshot;

  beforeAll(async () => {
    const env = readTestEnv();
    // Queues of their own (a sub-prefix of the run's): no other spec's worker takes this one's jobs; the job runs at once.
    const config = testConfig(env, { ERASURE_UNDO_WINDOW_HOURS: '0', LOG_LEVEL: 'debug', REDIS_PREFIX: `${env.redisPrefix}:erasure-golden` });
    @Module({ imports: [PlatformModule.forRoot(config), ParticipantsCoreModule, ProgrammesCoreModule, QuestionnairesCoreModule] })
    class LoaderModule {}
    loader = await NestFactory.createApplicationContext(LoaderModule, { logger: false });
    db = new TestDb();
    ({ school } = await db.newSchoolWorld());
    const scope: Scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'golden' };
    const principal = { subject: 'golden', username: 'golden-loader', displayName: 'Загрузка эталонных данных', role: 'curator' as const, tenantCode: school.code };
    await loader.get(TenantContext).runInScope(
      scope,
      () =>
        loadGoldenMishkino(
          {
            records: loader.get(ParticipantRecordsService),
            entries: loader.get(BaseEntriesService),
            consents: loader.get(ConsentsService),
            refs: loader.get(ReferenceService),
            programmes: loader.get(ProgrammeService),
            pairs: loader.get(MentoringPairService),
            meetings: loader.get(MeetingService),
            templates: loader.get(QuestionnaireTemplateService),
            responses: loader.get(QuestionnaireResponseService),
          },
          school.id,
        ),
      principal,
    );
    api = await createApiApp(config, { logDestination: apiLog });
    worker = await createWorkerApp(config, { logDestination: workerLog });
    await worker.init();
    curator = tokenFor('curator', school.code);

    // A student mentee of 2022/2023 who answered the satisfaction questionnaire: T1, T3 and M1 all count them.
    const [picked] = (
      await db.owner.query<Person>(
        `select p.id, p.last_name as "lastName", p.first_name as "firstName", p.middle_name as "middleName", to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", m.pair_id as "pairId"
           from participants p join pair_mentees m on m.tenant_id = p.tenant_id and m.mentee_id = p.id
          where p.tenant_id = $1 and p.kind = 'student'
            and exists (select 1 from questionnaire_responses r where r.tenant_id = p.tenant_id and r.participant_id = p.id and r.academic_year = $2 and r.satisfied)
            and exists (select 1 from questionnaire_responses r join questionnaire_answers a on a.tenant_id = r.tenant_id and a.response_id = r.id
                         where r.tenant_id = p.tenant_id and r.participant_id = p.id and a.value_text is not null)
          order by p.last_name, p.first_name limit 1`,
        [school.id, GOLDEN_PERIOD],
      )
    ).rows;
    person = picked;
    const fullName = `${person.lastName} ${person.firstName} ${person.middleName}`;
    // What a school writes about a person beyond the roll: contacts, notes, a parent's name, free text in others' records.
    await db.owner.query(`update participants set email = $3, phone = $4, notes = $5 where tenant_id = $1 and id = $2`, [school.id, person.id, EMAIL, PHONE, `${MARK}: заметка куратора`]);
    await db.owner.query(`update consents set representative_name = $3 where tenant_id = $1 and participant_id = $2`, [school.id, person.id, REPRESENTATIVE]);
    await db.owner.query(`update participant_base_entries set motivation = $3 where tenant_id = $1 and participant_id = $2`, [school.id, person.id, `${MARK}: хочет подтянуть математику`]);
    await db.owner.query(
      `update meetings set notes = $3 where tenant_id = $1 and id = (select id from meetings where tenant_id = $1 and pair_id = $2 order by held_on limit 1)`,
      [school.id, person.pairId, `Обсудили с ${fullName} план; мама (${REPRESENTATIVE}) в курсе.`],
    );
    await db.owner.query(
      `update participants set notes = $3 where tenant_id = $1 and id = (select mentor_id from mentoring_pairs where tenant_id = $1 and id = $2)`,
      [school.id, person.pairId, `Наставляемый ${person.lastName} ${person.firstName.charAt(0)}. ${person.middleName.charAt(0)}. просит больше встреч.`],
    );
    await db.owner.query(
      `update questionnaire_answers a set value_text = $3 from questionnaire_responses r
        where r.tenant_id = $1 and r.participant_id = $2 and a.tenant_id = r.tenant_id and a.response_id = r.id
          and a.id = (select a2.id from questionnaire_answers a2 where a2.tenant_id = r.tenant_id and a2.response_id = r.id and a2.value_text is not null order by a2.id limit 1)`,
      [school.id, person.id, `${MARK}: мне понравилось`],
    );
    needles = [fullName, `${person.lastName} ${person.firstName}`, `${person.lastName} ${person.firstName.charAt(0)}. ${person.middleName.charAt(0)}.`, EMAIL, PHONE, REPRESENTATIVE, MARK];
    before = await recomputed();
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await loader?.close();
    await db?.close();
  });

  it('before: the published figures, and the person and what is written about them are in the tables', async () => {
    for (const [code, figure] of Object.entries(GOLDEN_EXPECTED)) expect({ code, ...before.get(code) }).toEqual({ code, numerator: figure.numerator, denominator: figure.denominator });
    for (const needle of needles) expect({ needle, found: (await tablesHolding(needle)).length > 0 }).toEqual({ needle, found: true });
  });

  it('the curator asks through the API, the worker de-identifies at the end of the undo window, and the journal shows it', async () => {
    const asked = await gql<{ requestPersonalDataErasure: { id: string; status: string; reason: string } }>(
      `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id status reason } }`,
      { p: person.id },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data?.requestPersonalDataErasure).toMatchObject({ status: 'SCHEDULED', reason: 'CURATOR_REQUEST' });
    const erasureId = asked.data!.requestPersonalDataErasure.id;
    await waitFor('the erasure job', async () => (await db.owner.query(`select 1 from participant_erasures where id = $1 and status = 'done'`, [erasureId])).rowCount === 1, 50_000).catch((error: Error) => {
      throw new Error(`${error.message}; worker said: ${workerLog.lines.filter((line) => /erasure|privacy|fail|error/i.test(line)).slice(-5).join('\n')}`);
    });

    const card = await gql<{ Participant: { lastName: string; birthDate: string | null; email: string | null; erasedAt: string | null; erasures: { status: string }[] } }>(
      `query($id: ID!) { Participant(id: $id) { lastName birthDate email erasedAt erasures { status } } }`,
      { id: person.id },
    );
    expect(card.data?.Participant).toMatchObject({ lastName: 'Удалено', birthDate: null, email: null, erasures: [{ status: 'DONE' }] });
    expect(card.data?.Participant.erasedAt).not.toBeNull();

    const { rows: journal } = await db.owner.query<{ action: string; entity: string; operation: string }>(
      `select action, entity, operation from access_journal where tenant_id = $1 and $2 = any (entity_ids) order by seq`,
      [school.id, person.id],
    );
    expect(journal).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'erase', entity: 'Participant' })]));
    const { rows: requested } = await db.owner.query(`select 1 from access_journal where tenant_id = $1 and operation = 'requestPersonalDataErasure' and $2 = any (entity_ids)`, [school.id, erasureId]);
    expect(requested.length).toBe(1);
  }, 120_000);

  it('after: every figure of 2022/2023, recomputed, is what was published', async () => {
    const after = await recomputed();
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
    for (const [code, figure] of Object.entries(GOLDEN_EXPECTED)) expect({ code, ...after.get(code) }).toEqual({ code, numerator: figure.numerator, denominator: figure.denominator });
  }, 120_000);

  it('after: the name, contacts, the parent and the free text are in no table, no log line and no export', async () => {
    for (const needle of needles) expect({ needle, tables: await tablesHolding(needle) }).toEqual({ needle, tables: [] });
    // The logs were written (the job said it de-identified), and none names the person.
    expect(workerLog.lines.some((line) => line.includes('de-identified'))).toBe(true);
    expect(apiLog.lines.length).toBeGreaterThan(0);
    for (const needle of needles) expect({ needle, lines: [...apiLog.lines, ...workerLog.lines].filter((line) => line.toLowerCase().includes(needle.toLowerCase())) }).toEqual({ needle, lines: [] });
    // The console's export of participants is the list read; the subject-access export of the person.
    const list = await gql<{ allParticipants: unknown[] }>(`{ allParticipants(perPage: 500) { id lastName firstName middleName email phone notes } }`);
    expect(list.errors).toBeUndefined();
    const exported = await gql<{ subjectAccessExport: { content: string } }>(`mutation($p: ID!) { subjectAccessExport(participantId: $p, format: JSON) { content } }`, { p: person.id });
    expect(exported.errors).toBeUndefined();
    const texts = JSON.stringify(list.data) + Buffer.from(exported.data?.subjectAccessExport.content ?? '', 'base64').toString('utf8');
    expect(texts).toContain(person.id);
    for (const needle of needles) expect({ needle, inExport: texts.includes(needle) }).toEqual({ needle, inExport: false });
  }, 120_000);

  it('the preserved age fact is what keeps them: without it the denominator of T1 changes', async () => {
    const { rows } = await db.owner.query<{ cohort: number }>(`select age_cohort as cohort from participants where id = $1`, [person.id]);
    expect(rows[0].cohort).toBe(Number(person.birthDate.slice(0, 4)));
    await db.owner.query(`update participants set age_cohort = null where id = $1`, [person.id]);
    try {
      const without = await recomputed();
      expect(without.get('T1')?.denominator).toBe(GOLDEN_EXPECTED.T1.denominator! - 1);
    } finally {
      await db.owner.query(`update participants set age_cohort = $2 where id = $1`, [person.id, rows[0].cohort]);
    }
  }, 120_000);
});
