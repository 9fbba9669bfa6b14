import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ContingentService } from '@nastavnik/monitoring/contingent/contingent.service';
import { percentValue } from '@nastavnik/monitoring/indicator-definitions';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
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
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';
import { GOLDEN_CONTINGENT, GOLDEN_PERIOD, loadGoldenMishkino } from './golden-mishkino';
import { PUBLISHED, PUBLISHED_MEETINGS } from './golden-published';

/** The indicators whose denominator is the school's population (docs/adr/0027); T3/T4 count respondents. */
const POPULATION = ['T1', 'T2', 'N1', 'M1', 'M2', 'M3', 'M5'];

/**
 * Issue 14 item 5: seed 004's school registers ONLY the 74 people who take part (bases, pairs,
 * questionnaires), and gives its roll as a contingent — 167 pupils by age on 1 September 2022
 * (108 aged 10–19, 90 aged 15–19, ADR 0006) and 30 teachers. The worker (request recorded by the
 * contingent's trigger, reconciler, BullMQ job, engine role) must give every published figure to
 * the digit, say that the population denominators came from the contingent — and, once the
 * contingent is deleted, fall back to the registered people (T1 55 of 58), saying so.
 */
describe('golden from the contingent: МБОУ «Мишкинская СОШ», 2022/2023, only the participants registered', () => {
  let loader: INestApplicationContext;
  let worker: INestApplicationContext;
  let db: TestDb;
  let school: TenantRow;
  let curator: Scope;
  let principal: { subject: string; username: string; displayName: string; role: 'curator'; tenantCode: string };
  let contingentId: string;

  const requestsDone = async (atLeast: number) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await db.owner.query(`select status from indicator_recompute_requests where tenant_id = $1 and period = $2`, [school.id, GOLDEN_PERIOD]);
      if (rows.length >= atLeast && rows.every((r) => r.status === 'done')) return rows.length;
      if (Date.now() > deadline) throw new Error(`recompute not done: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const snapshots = async () => {
    const { rows } = await db.owner.query<{ indicator_code: string; numerator: string; denominator: string | null; denominator_source: string | null }>(
      `select indicator_code, numerator, denominator, denominator_source from indicator_snapshots where tenant_id = $1 and period = $2`,
      [school.id, GOLDEN_PERIOD],
    );
    return new Map(rows.map((r) => [r.indicator_code, { numerator: Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator), source: r.denominator_source }]));
  };

  beforeAll(async () => {
    const config = testConfig();
    @Module({ imports: [PlatformModule.forRoot(config), ParticipantsCoreModule, ProgrammesCoreModule, QuestionnairesCoreModule], providers: [ContingentService] })
    class LoaderModule {}
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, IndicatorsWorkerModule, QueueWorkersModule] })
    class WorkerModule {}
    loader = await NestFactory.createApplicationContext(LoaderModule, { logger: false });
    db = new TestDb();
    ({ school } = await db.newSchoolWorld());
    curator = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'golden' };
    principal = { subject: 'golden', username: 'golden-loader', displayName: 'Загрузка эталонных данных', role: 'curator', tenantCode: school.code };
    const loaded = await loader.get(TenantContext).runInScope(curator, async () => {
      const result = await loadGoldenMishkino({
        records: loader.get(ParticipantRecordsService),
        entries: loader.get(BaseEntriesService),
        consents: loader.get(ConsentsService),
        refs: loader.get(ReferenceService),
        programmes: loader.get(ProgrammeService),
        pairs: loader.get(MentoringPairService),
        meetings: loader.get(MeetingService),
        templates: loader.get(QuestionnaireTemplateService),
        responses: loader.get(QuestionnaireResponseService),
      }, school.id, 'participants');
      const contingent = await loader.get(ContingentService).create({ schoolYear: GOLDEN_PERIOD, ages: GOLDEN_CONTINGENT.ages, teachers: GOLDEN_CONTINGENT.teachers });
      contingentId = contingent.id;
      return { ...result, contingent: { pupils: contingent.pupils, pupils10To19: contingent.pupils10To19, pupils15To19: contingent.pupils15To19, teachers: contingent.teachers } };
    }, principal);
    // 74 registered people (55 + 4 mentees, 3 + 12 mentors): the rest of the school is only counted.
    expect(loaded).toEqual({ participants: 74, pairs: 15, meetings: 106, responses: 71, contingent: { pupils: 167, pupils10To19: 108, pupils15To19: 90, teachers: 30 } });
    expect((await db.owner.query(`select kind, count(*)::int as n from participants where tenant_id = $1 group by kind order by kind`, [school.id])).rows).toEqual([
      { kind: 'student', n: 58 },
      { kind: 'teacher', n: 16 },
    ]);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await loader?.close();
    await db.close();
  });

  it('the worker computes every published figure to the digit, the population denominators from the contingent', async () => {
    await requestsDone(1);
    const snapshot = await snapshots();
    for (const [code, figure] of Object.entries(PUBLISHED)) {
      const computed = snapshot.get(code);
      const isPercent = figure.percent !== undefined;
      const shown = computed && isPercent ? percentValue(computed.numerator, computed.denominator) : computed?.numerator;
      expect({ code, numerator: computed?.numerator, denominator: computed?.denominator, shown, source: computed?.source }).toEqual({
        code,
        numerator: figure.numerator,
        denominator: isPercent ? (figure.denominator ?? figure.population) : null,
        shown: isPercent ? figure.percent : figure.numerator,
        source: POPULATION.includes(code) ? 'contingent' : null,
      });
    }
    // N1 is not published for 004; from the contingent it is the 58 registered students in a pair or group of 167.
    expect(snapshot.get('N1')).toEqual({ numerator: 58, denominator: 167, source: 'contingent' });
    const meetings = (key: 'ORG' | 'TRIAL') => Object.fromEntries(Object.keys(PUBLISHED_MEETINGS[key]).map((direction) => [direction, snapshot.get(`MEET.${key}.${direction}`)?.numerator]));
    expect({ ORG: meetings('ORG'), TRIAL: meetings('TRIAL') }).toEqual(PUBLISHED_MEETINGS);
  });

  it('without the contingent the denominators are the registered people again, and the snapshots say so', async () => {
    const before = (await db.owner.query(`select count(*)::int as n from indicator_recompute_requests where tenant_id = $1 and period = $2`, [school.id, GOLDEN_PERIOD])).rows[0].n;
    await loader.get(TenantContext).runInScope(curator, () => loader.get(ContingentService).remove(contingentId), principal);
    await requestsDone(before + 1);
    const snapshot = await snapshots();
    expect(Object.fromEntries(POPULATION.map((code) => [code, snapshot.get(code)]))).toEqual({
      T1: { numerator: 55, denominator: 58, source: 'registered' }, // 58 registered 10–19-year-olds, 3 of them mentors: 95 %
      T2: { numerator: 3, denominator: 43, source: 'registered' },
      N1: { numerator: 58, denominator: 58, source: 'registered' },
      M1: { numerator: 55, denominator: 58, source: 'registered' },
      M2: { numerator: 4, denominator: 16, source: 'registered' },
      M3: { numerator: 15, denominator: 74, source: 'registered' },
      M5: { numerator: 15, denominator: 74, source: 'registered' },
    });
    // T3/T4 never depended on who is registered beyond the respondents.
    expect([snapshot.get('T3'), snapshot.get('T4')]).toEqual([{ numerator: 33, denominator: 59, source: null }, { numerator: 8, denominator: 12, source: null }]);
  });
});
