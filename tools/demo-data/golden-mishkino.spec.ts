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

/**
 * Seed 004's published figures, written out here from SEEDS-DOMAIN §8.2–8.4 — not taken from the
 * fixture (`golden-mishkino.ts` builds the records from its own constants, so comparing with those
 * would let the fixture and the expectation drift together). `published` is the seed's text as
 * printed; `numerator`, `percent` (and `denominator` where the seed prints it) are the figures in
 * it. Where the seed prints no denominator, `population` is the fixture's synthetic population,
 * chosen inside the range the published percentage allows (§8.6 C8).
 */
type PublishedFigure = { published: string; source: string; numerator: number; denominator?: number; percent?: number; population?: number };
const PUBLISHED: Record<string, PublishedFigure> = {
  T1: { published: '55- 51%', source: '§8.2 G1 row 1', numerator: 55, percent: 51, population: 108 }, // 10–19-year-olds: 107–108
  T2: { published: '3-3 %', source: '§8.2 G1 row 2', numerator: 3, percent: 3, population: 90 }, // 15–19-year-olds: 86–120
  T3: { published: '33 из 59 – 56%', source: '§8.2 G1 row 3', numerator: 33, denominator: 59, percent: 56 },
  T4: { published: '8 из 12 – 67 %', source: '§8.2 G1 row 4', numerator: 8, denominator: 12, percent: 67 },
  M1: { published: '55 / 33 %', source: '§8.3 G2 item 7, students', numerator: 55, percent: 33, population: 167 }, // students: 165–169
  M2: { published: '4 /13%', source: '§8.3 G2 item 7, teachers', numerator: 4, percent: 13, population: 30 }, // teachers: 30–32
  M3: { published: '15/8%', source: '§8.3 G2 item 12', numerator: 15, percent: 8, population: 197 }, // students + teachers: 177–200
  M5: { published: '15/8 %', source: '§8.3 G2 item 16', numerator: 15, percent: 8, population: 197 },
  MENTORS: { published: 'всего – 15/8%', source: '§8.3 G2 item 12 (3 students + 12 teachers, §8.6 C6)', numerator: 15 },
  MENTEES: { published: '33 из 59', source: '§8.2 G1 row 3 (55 students + 4 teachers, §8.6 C3)', numerator: 59 },
};
/** §8.4 G3, items 21 and 22: first (organisational) and second (trial) meetings by direction; D05's blank second count is 0. */
const PUBLISHED_MEETINGS: Record<'ORG' | 'TRIAL', Record<string, number>> = {
  ORG: { D01: 4, D02: 0, D03: 0, D04: 16, D05: 0, D06: 5, D07: 24, D08: 0, D09: 0, D10: 4, D11: 0 },
  TRIAL: { D01: 4, D02: 0, D03: 0, D04: 16, D05: 0, D06: 5, D07: 24, D08: 0, D09: 0, D10: 4, D11: 0 },
};

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
    const { rows } = await db.owner.query<{ indicator_code: string; numerator: string; denominator: string | null }>(
      `select indicator_code, numerator, denominator from indicator_snapshots where tenant_id = $1 and period = $2`,
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
