import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
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
import { GOLDEN_EXPECTED, GOLDEN_MEETINGS, GOLDEN_PERIOD, loadGoldenMishkino } from './golden-mishkino';
import { PUBLISHED, PUBLISHED_MEETINGS } from './golden-published';

/**
 * The golden test of the indicator engine: seed 004's school as raw records, computed by the
 * worker (the recompute request recorded by the records' triggers, picked up by the reconciler,
 * run by the BullMQ job on the real Redis), must give the published figures to the digit.
 */
describe('golden: МБОУ «Мишкинская СОШ», 2022/2023 (seed 004)', () => {
  let loader: INestApplicationContext;
  let worker: INestApplicationContext;
  let db: TestDb;
  let school: TenantRow;

  beforeAll(async () => {
    const config = testConfig();
    @Module({ imports: [PlatformModule.forRoot(config), ParticipantsCoreModule, ProgrammesCoreModule, QuestionnairesCoreModule] })
    class LoaderModule {}
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, IndicatorsWorkerModule, QueueWorkersModule] })
    class WorkerModule {}
    loader = await NestFactory.createApplicationContext(LoaderModule, { logger: false });
    db = new TestDb();
    ({ school } = await db.newSchoolWorld());
    const curator: Scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'golden' };
    const principal = { subject: 'golden', username: 'golden-loader', displayName: 'Загрузка эталонных данных', role: 'curator' as const, tenantCode: school.code };
    const loaded = await loader.get(TenantContext).runInScope(curator, () =>
      loadGoldenMishkino({
        records: loader.get(ParticipantRecordsService),
        entries: loader.get(BaseEntriesService),
        consents: loader.get(ConsentsService),
        refs: loader.get(ReferenceService),
        programmes: loader.get(ProgrammeService),
        pairs: loader.get(MentoringPairService),
        meetings: loader.get(MeetingService),
        templates: loader.get(QuestionnaireTemplateService),
        responses: loader.get(QuestionnaireResponseService),
      }, school.id),
      principal,
    );
    expect(loaded).toEqual({ participants: 197, pairs: 15, meetings: 106, responses: 71 });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await loader?.close();
    await db.close();
  });

  it('the worker computes the published figures to the digit', async () => {
    // The responses' trigger recorded a request for 2022/2023; wait until the worker has done it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await db.owner.query(`select status from indicator_recompute_requests where tenant_id = $1 and period = $2`, [school.id, GOLDEN_PERIOD]);
      if (rows.length > 0 && rows.every((r) => r.status === 'done')) break;
      if (Date.now() > deadline) throw new Error(`recompute not done: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { rows } = await db.owner.query<{ indicator_code: string; numerator: string; denominator: string | null; denominator_source: string | null }>(
      `select indicator_code, numerator, denominator, denominator_source from indicator_snapshots where tenant_id = $1 and period = $2`,
      [school.id, GOLDEN_PERIOD],
    );
    const snapshot = new Map(rows.map((r) => [r.indicator_code, { numerator: Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator) }]));
    for (const [code, figure] of Object.entries(PUBLISHED)) {
      const computed = snapshot.get(code);
      const isPercent = figure.percent !== undefined;
      // The figure as every reader shows it: whole percent by the product's rounding (reports, extracts, the CLI).
      const shown = computed && isPercent ? percentValue(computed.numerator, computed.denominator) : computed?.numerator;
      expect({ code, numerator: computed?.numerator, denominator: computed?.denominator, shown }).toEqual({
        code,
        numerator: figure.numerator,
        denominator: isPercent ? (figure.denominator ?? figure.population) : null,
        shown: isPercent ? figure.percent : figure.numerator,
      });
    }
    // The whole roll is registered and the school has no contingent: the population denominators say they counted the registered (docs/adr/0027).
    const sources = new Map(rows.map((r) => [r.indicator_code, r.denominator_source]));
    expect(['T1', 'T2', 'N1', 'M1', 'M2', 'M3', 'M5', 'T3', 'T4'].map((code) => [code, sources.get(code)])).toEqual([
      ...['T1', 'T2', 'N1', 'M1', 'M2', 'M3', 'M5'].map((code) => [code, 'registered']),
      ['T3', null],
      ['T4', null],
    ]);
    const meetings = (key: 'ORG' | 'TRIAL') =>
      Object.fromEntries(Object.keys(PUBLISHED_MEETINGS[key]).map((direction) => [direction, snapshot.get(`MEET.${key}.${direction}`)?.numerator]));
    expect({ ORG: meetings('ORG'), TRIAL: meetings('TRIAL') }).toEqual(PUBLISHED_MEETINGS);
  });

  it("the published figures are the seed's own: their digits are in the verbatim text, and the fixture's constants agree", () => {
    for (const [code, figure] of Object.entries(PUBLISHED)) {
      if (figure.percent === undefined) continue;
      const digits = [figure.numerator, ...(figure.denominator === undefined ? [] : [figure.denominator]), figure.percent].map(String);
      expect({ code, digits: figure.published.match(/\d+/g) }).toEqual({ code, digits });
    }
    // The demo seed and its spec read the fixture's constants: they must say what the seed says.
    for (const [code, figure] of Object.entries(PUBLISHED)) {
      const isPercent = figure.percent !== undefined;
      expect({ code, ...GOLDEN_EXPECTED[code] }).toEqual({
        code,
        numerator: figure.numerator,
        denominator: isPercent ? (figure.denominator ?? figure.population) : null,
        value: isPercent ? figure.percent : figure.numerator,
      });
    }
    expect(Object.keys(GOLDEN_EXPECTED).sort()).toEqual(Object.keys(PUBLISHED).sort());
    const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    expect({ ORG: GOLDEN_MEETINGS.ORGANISATIONAL, TRIAL: GOLDEN_MEETINGS.TRIAL }).toEqual({ ORG: nonZero(PUBLISHED_MEETINGS.ORG), TRIAL: nonZero(PUBLISHED_MEETINGS.TRIAL) });
  });
});
