import 'reflect-metadata';
import { Writable } from 'node:stream';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { createRootLogger, NestLogger } from '@nastavnik/platform/logging/logger';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { ErasureService } from '@nastavnik/participants/erasure/erasure.service';
import { ErasureReason } from '@nastavnik/participants/erasure/erasure.types';
import { SubjectAccessService } from '@nastavnik/participants/subject-access/subject-access.service';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { QuestionnaireResponseService } from '@nastavnik/monitoring/questionnaire-response.service';
import { QuestionnaireTemplateService } from '@nastavnik/monitoring/questionnaire-template.service';
import { QuestionnairesCoreModule } from '@nastavnik/monitoring/questionnaires.module';
import { BaseEntriesService } from '@nastavnik/participants/base-entries.service';
import { ConsentsService } from '@nastavnik/participants/consents.service';
import { ParticipantRecordsService } from '@nastavnik/participants/participant-records.service';
import { ParticipantsCoreModule, ParticipantsWorkerModule } from '@nastavnik/participants/participants.module';
import { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';
import { GOLDEN_EXPECTED, GOLDEN_PERIOD, loadGoldenMishkino } from './golden-mishkino';

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
  /** The school's side: the services the API runs, logging as the API does (JSON lines, to apiLog). */
  let api: INestApplicationContext;
  let worker: INestApplicationContext;
  let db: TestDb;
  let school: TenantRow;
  let scope: Scope;
  let person: Person;
  const apiLog = new Lines();
  const workerLog = new Lines();
  /** What only this person's records say: found before the erasure, nowhere after. */
  let needles: string[];
  const MARK = 'Маркер-свободного-текста-7Q';
  const REPRESENTATIVE = 'Кравчук Зоя Леонидовна';
  const EMAIL = 'erase.me.7q@example.ru';
  const PHONE = '+7 900 765-43-21';

  /** Work as the school's curator, as a request of theirs would run it. */
  const asCurator = <T>(work: () => Promise<T>): Promise<T> => api.get(TenantContext).runInScope(scope, work);
  /** What the curator can take away about the person: the subject-access JSON and the participants list the console exports. */
  const exports = async (): Promise<string> => {
    const subject = await asCurator(() => api.get(SubjectAccessService).collect(person.id, 'subjectAccessExport'));
    const list = await asCurator(() => api.get(ParticipantRecordsService).list(Object.assign(new ListArgs(), { perPage: 500 })));
    return JSON.stringify(subject) + JSON.stringify(list.items);
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
      // Case- and ё/е-insensitive (name_key is stored lower case with е for ё).
      const where = `translate("${column}"::text, 'Ёё', 'Ее') ilike '%' || translate($1, 'Ёё', 'Ее') || '%'` + (tenanted ? ` and tenant_id = $2` : '');
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
    scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'golden' };
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
    // The API's services and the worker's jobs as the apps compose them, each logging JSON lines like the apps (debug level).
    const logged = (destination: Lines) => {
      let context: TenantContext | undefined;
      const root = createRootLogger({ level: 'debug' }, () => context?.current(), destination);
      return { logger: new NestLogger(root), bind: (app: INestApplicationContext) => (context = app.get(TenantContext)) };
    };
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ParticipantsCoreModule, ProgrammesCoreModule, QuestionnairesCoreModule] })
    class ApiSideModule {}
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, IndicatorsWorkerModule, ParticipantsWorkerModule, QueueWorkersModule] })
    class WorkerSideModule {}
    const apiLogging = logged(apiLog);
    api = await NestFactory.createApplicationContext(ApiSideModule, { logger: apiLogging.logger });
    apiLogging.bind(api);
    const workerLogging = logged(workerLog);
    worker = await NestFactory.createApplicationContext(WorkerSideModule, { logger: workerLogging.logger });
    workerLogging.bind(worker);
    await worker.init();

    // A student mentee of 2022/2023 who answered the satisfaction questionnaire: T1, T3 and M1 all count them.
    const [picked] = (
      await db.owner.query<Person>(
        `select p.id, p.last_name as "lastName", p.first_name as "firstName", p.middle_name as "middleName", to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", m.pair_id as "pairId"
           from participants p join pair_mentees m on m.tenant_id = p.tenant_id and m.mentee_id = p.id
          where p.tenant_id = $1 and p.kind = 'student'
            and exists (select 1 from questionnaire_responses r where r.tenant_id = p.tenant_id and r.participant_id = p.id and r.academic_year = $2 and r.satisfied)
            and exists (select 1 from questionnaire_responses r join questionnaire_answers a on a.tenant_id = r.tenant_id and a.response_id = r.id
                         where r.tenant_id = p.tenant_id and r.participant_id = p.id and a.value_text is not null)
            -- no namesake (the fixture's names repeat every 100 people): not by full name, not as «Фамилия И. О.»
            and not exists (select 1 from participants o where o.tenant_id = p.tenant_id and o.id <> p.id and o.last_name = p.last_name
                               and left(o.first_name, 1) = left(p.first_name, 1) and left(o.middle_name, 1) is not distinct from left(p.middle_name, 1))
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
    // «Фамилия Имя» alone is not a needle: the fixture has several people of that surname and first name.
    needles = [fullName, `${person.lastName} ${person.firstName.charAt(0)}. ${person.middleName.charAt(0)}.`, EMAIL, PHONE, REPRESENTATIVE, MARK];
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
  }, 120_000);

  it("before: subject access gives the person's data across the libs' tables, and nobody else's", async () => {
    const data = await asCurator(() => api.get(SubjectAccessService).collect(person.id, 'subjectAccessExport'));
    const text = JSON.stringify(data);
    const counts = Object.fromEntries(data.sections.map((s) => [s.entity, s.rows.length]));
    for (const entity of ['Participant', 'Consent', 'ParticipantBaseEntry', 'QuestionnaireResponse', 'MentoringPair', 'Meeting']) expect({ entity, some: (counts[entity] ?? 0) > 0 }).toEqual({ entity, some: true });
    for (const needle of [EMAIL, PHONE, REPRESENTATIVE, MARK, `${person.lastName} ${person.firstName} ${person.middleName}`]) expect({ needle, found: text.includes(needle) }).toEqual({ needle, found: true });
    // Nobody else: not the mentor, not the other people of the school (by full name and by id).
    const { rows: others } = await db.owner.query<{ id: string; name: string }>(
      `select id, concat_ws(' ', last_name, first_name, middle_name) as name from participants where tenant_id = $1 and id <> $2`,
      [school.id, person.id],
    );
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((o) => text.includes(o.name) || text.includes(o.id)).map((o) => o.name)).toEqual([]);
  });

  it('the curator asks, the worker de-identifies at the end of the undo window (here: none), and the journal shows it', async () => {
    const asked = await asCurator(() => api.get(ErasureService).request(person.id, ErasureReason.CURATOR_REQUEST));
    expect(asked).toMatchObject({ status: 'scheduled', reason: 'curator_request' });
    const erasureId = asked.id;
    await waitFor('the erasure job', async () => (await db.owner.query(`select 1 from participant_erasures where id = $1 and status = 'done'`, [erasureId])).rowCount === 1, 50_000).catch((error: Error) => {
      throw new Error(`${error.message}; worker said: ${workerLog.lines.filter((line) => /erasure|privacy|fail|error/i.test(line)).slice(-5).join('\n')}`);
    });

    const card = await asCurator(() => api.get(ParticipantRecordsService).get(person.id));
    expect(card).toMatchObject({ lastName: 'Удалено', birthDate: null, email: null, phone: null, notes: null });
    expect(card.erasedAt).not.toBeNull();
    expect((await asCurator(() => api.get(ErasureService).forParticipant(person.id))).map((e) => e.status)).toEqual(['done']);

    const { rows: journal } = await db.owner.query<{ action: string; entity: string; operation: string }>(
      `select action, entity, operation from access_journal where tenant_id = $1 and $2 = any (entity_ids) order by seq`,
      [school.id, person.id],
    );
    expect(journal).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'erase', entity: 'Participant' })]));
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
    // The console's export of participants is the list read; and the subject-access export of the person.
    const texts = await exports();
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
