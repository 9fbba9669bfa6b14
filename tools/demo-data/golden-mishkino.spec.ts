import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
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
    for (const [code, expected] of Object.entries(GOLDEN_EXPECTED)) {
      expect({ code, ...snapshot.get(code) }).toEqual({ code, numerator: expected.numerator, denominator: expected.denominator });
      const value = expected.denominator === null ? expected.numerator : Math.floor((200 * expected.numerator + expected.denominator) / (2 * expected.denominator));
      expect({ code, value }).toEqual({ code, value: expected.value });
    }
    for (const [type, byDirection] of Object.entries(GOLDEN_MEETINGS)) {
      const key = type === 'ORGANISATIONAL' ? 'ORG' : 'TRIAL';
      for (let d = 1; d <= 11; d += 1) {
        const direction = `D${String(d).padStart(2, '0')}`;
        expect({ code: `MEET.${key}.${direction}`, count: snapshot.get(`MEET.${key}.${direction}`)?.numerator }).toEqual({ code: `MEET.${key}.${direction}`, count: byDirection[direction] ?? 0 });
      }
    }
  });
});
