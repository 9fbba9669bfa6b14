import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Pool } from 'pg';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { runScopedJob } from '@nastavnik/platform/queue/scoped-job';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ProduceExtractJob } from '@nastavnik/reporting/jobs/produce-extract.job';
import { RenderReportJob } from '@nastavnik/reporting/jobs/render-report.job';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { ReportRenderer } from '@nastavnik/reporting/report-renderer';
import { deniedAccess } from '@nastavnik/reporting/render/pdf-engine';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

const PERIOD = '2022/2023';
const REPORT_FIELDS = 'id kind status progress fileName contentType formCode formVersion downloadUrl error requestedRole';
type ReportGql = { id: string; kind: string; requestedRole: string; status: string; progress: number; fileName: string | null; contentType: string | null; formCode: string | null; formVersion: string | null; downloadUrl: string | null };

/** The worker's report consumers (the worker app's modules, in this process). */
async function startReportWorker(): Promise<INestApplicationContext> {
  @Module({ imports: [PlatformModule.forRoot(testConfig()), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
  class ReportWorkerModule {}
  const app = await NestFactory.createApplicationContext(ReportWorkerModule, { logger: false });
  await app.init();
  return app;
}

/** Writes indicator snapshots through the owner role (as the engine would): `{ T3: [33, 59], MENTORS: [12] }`. */
async function insertSnapshots(owner: Pool, org: TenantRow, period: string, values: Record<string, [number, number?]>): Promise<void> {
  const computation = randomUUID();
  for (const [code, [numerator, denominator]] of Object.entries(values)) {
    await owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, $3, $4, $5, $6, $7)
       on conflict (tenant_id, period, indicator_code) do update set numerator = excluded.numerator, denominator = excluded.denominator`,
      [org.id, org.path, period, code, numerator, denominator ?? null, computation],
    );
  }
}

/** Renames an organisation (the report prints its names). */
async function nameOrganisation(owner: Pool, org: TenantRow, fullName: string, shortName: string): Promise<void> {
  await owner.query(`update tenants set full_name = $2, short_name = $3 where id = $1`, [org.id, fullName, shortName]);
}

/** Polls a report row (owner role) until it is done or failed. */
async function waitForReport(owner: Pool, id: string, timeoutMs = 30_000): Promise<{ status: string; progress: number; attempts: number; file_name: string; error: string | null }> {
  const started = Date.now();
  for (;;) {
    const { rows } = await owner.query(`select status, progress, attempts, file_name, error from report_files where id = $1`, [id]);
    if (rows[0] && (rows[0].status === 'done' || rows[0].status === 'failed')) return rows[0];
    if (Date.now() - started > timeoutMs) throw new Error(`report ${id} still ${rows[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The rows of a `pdftotext -layout` page as cells: the layout keeps a table row on one line with
 * its columns two or more spaces apart, so a figure is checked in its row and column, not merely
 * somewhere in the document. A cell that wraps (a long title) keeps only its first line here.
 */
function layoutRows(pdfPath: string): string[][] {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'])
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/))
    .filter((cells) => cells[0] !== '');
}

/** The one row whose first cells are `key`, e.g. `rowOf(rows, 'T3')` or `rowOf(rows, '1', 'Шаминская СОШ')`. */
function rowOf(rows: string[][], ...key: string[]): string[] {
  const found = rows.filter((cells) => key.every((k, i) => cells[i] === k));
  if (found.length !== 1) throw new Error(`expected one row starting ${JSON.stringify(key)}, found ${found.length}`);
  return found[0];
}

/** A school report's target-indicator row without its (wrapping) title: code, numerator, denominator, value as printed, target. */
const indicatorRow = (rows: string[][], code: string) => {
  const cells = rowOf(rows, code);
  return [cells[0], ...cells.slice(-4)];
};

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Reports end to end: the API records the request and enqueues; the worker (in this process, on
 * the real Redis and Postgres) renders under the requester's scope; the file comes back over
 * `GET /reports/:id/file` only to those who may see it.
 */
describe('reports: request, render, download, isolation', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: TestDb;
  let a: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let b: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let a2: TenantRow;
  let curatorA: string;
  let curatorB: string;
  let analystA: string;
  let official: string;
  const tmp = mkdtempSync(join(tmpdir(), 'reports-'));

  const request = async (token: string, mutation: string, vars: Record<string, unknown>) => {
    const response = await api.gql<Record<string, ReportGql>>(token, `mutation($period: String!${mutation.includes('$id') ? ', $id: ID' : ''}) { r: ${mutation} { ${REPORT_FIELDS} } }`, { period: PERIOD, ...vars });
    expect(response.errors).toBeUndefined();
    return response.data!.r;
  };
  const download = (token: string, id: string) => api.http().get(`/reports/${id}/file`).set('authorization', `Bearer ${token}`).buffer(true).parse(binary);

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startReportWorker();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    a2 = await db.newOrganisation(a.municipality);
    await nameOrganisation(db.owner, a.school, 'МБОУ «Мишкинская СОШ»', 'Мишкинская СОШ');
    await nameOrganisation(db.owner, a2, 'МБОУ «Шаминская СОШ»', 'Шаминская СОШ');
    await insertSnapshots(db.owner, a.school, PERIOD, {
      T1: [55, 108], T2: [3, 100], T3: [33, 59], T4: [8, 12], N1: [60, 170], MENTORS: [15], MENTEES: [59],
      'MEET.ORG.D01': [4], 'MEET.TRIAL.D01': [4], 'MEET.ORG.D04': [16], 'MEET.TRIAL.D04': [16], 'MEET.ORG.D07': [24], 'MEET.TRIAL.D07': [24],
    });
    await insertSnapshots(db.owner, a2, PERIOD, { T1: [40, 50], T2: [1, 30], T3: [10, 20], T4: [5, 5], N1: [20, 60], MENTORS: [4], MENTEES: [12] });
    await insertSnapshots(db.owner, b.school, PERIOD, { T1: [7, 70], T3: [1, 3], MENTORS: [2], MENTEES: [3] });
    curatorA = tokenFor('curator', a.school.code);
    curatorB = tokenFor('curator', b.school.code);
    analystA = tokenFor('region-analyst', a.region.code);
    official = tokenFor('ministry-official', null);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.close();
  });

  it("a curator's school report: real Cyrillic text, «33 из 59 – 56 %», the roadmap section; pdfmake asked for no URL or file", async () => {
    const report = await request(curatorA, 'requestSchoolReport(period: $period)', {});
    expect(report).toMatchObject({ kind: 'SCHOOL_REPORT' });
    expect((await waitForReport(db.owner, report.id)).status).toBe('done');
    const fresh = await api.gql<{ Report: ReportGql }>(curatorA, `query($id: ID!) { Report(id: $id) { ${REPORT_FIELDS} } }`, { id: report.id });
    expect(fresh.data?.Report).toMatchObject({ status: 'DONE', progress: 100, contentType: 'application/pdf', downloadUrl: `/reports/${report.id}/file` });
    expect(fresh.data?.Report.fileName).toBe('Отчёт о наставничестве Мишкинская СОШ 2022-2023.pdf');

    const file = await download(curatorA, report.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Отчёт о наставничестве Мишкинская СОШ 2022-2023.pdf')}`);
    const pdf = join(tmp, 'school.pdf');
    writeFileSync(pdf, file.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('МБОУ «Мишкинская СОШ»');
    // Seed 004's figures in their rows, as the report prints them (SEEDS-DOMAIN §8.2): «33 из 59 – 56 %».
    const rows = layoutRows(pdf);
    expect(indicatorRow(rows, 'T1')).toEqual(['T1', '55', '108', '55 из 108 – 51 %', '—']);
    expect(indicatorRow(rows, 'T3')).toEqual(['T3', '33', '59', '33 из 59 – 56 %', '—']);
    expect(indicatorRow(rows, 'T4')).toEqual(['T4', '8', '12', '8 из 12 – 67 %', '—']);
    expect(indicatorRow(rows, 'N1')).toEqual(['N1', '60', '170', '60 из 170 – 35 %', '≥ 70 %']);
    expect(rowOf(rows, 'Наставники')).toEqual(['Наставники', '15']);
    expect(rowOf(rows, 'Наставляемые')).toEqual(['Наставляемые', '59']);
    expect(text).toContain('Исполнение дорожной карты');
    expect(text).not.toContain('только сводные разделы');
    expect(deniedAccess).toEqual([]);
  });

  it("a region analyst gets the aggregate sections and the school's roadmap execution (here none is kept), no curator-only scorecards", async () => {
    const report = await request(analystA, 'requestSchoolReport(period: $period, tenantId: $id)', { id: a.school.id });
    expect((await waitForReport(db.owner, report.id)).status).toBe('done');
    const file = await download(analystA, report.id);
    writeFileSync(join(tmp, 'school-analyst.pdf'), file.body as Buffer);
    const text = execFileSync('pdftotext', [join(tmp, 'school-analyst.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(indicatorRow(layoutRows(join(tmp, 'school-analyst.pdf')), 'T3')).toEqual(['T3', '33', '59', '33 из 59 – 56 %', '—']);
    // The region reads its schools' roadmaps (issue 13; report-submissions.spec.ts prints one without the responsible persons).
    expect(text).toContain('Дорожная карта на этот учебный год не ведётся');
    expect(text).toContain('Оценки эффективности программ доступны только куратору');
  });

  it('identical requests share one row, one job and one file', async () => {
    const [first, second] = await Promise.all([
      request(curatorA, 'requestSchoolReport(period: $period)', {}),
      request(curatorA, 'requestSchoolReport(period: $period)', {}),
    ]);
    expect(second.id).toBe(first.id);
    const { rows } = await db.owner.query(`select count(*)::int as n from report_files where tenant_id = $1 and kind = 'school_report' and requested_role = 'curator'`, [a.school.id]);
    expect(rows[0].n).toBe(1);
    const jobs = await worker.get(JobQueues).get(QUEUES.reports).getJobs(['completed', 'active', 'waiting', 'delayed']);
    const hash = (await db.owner.query(`select params_hash from report_files where id = $1`, [first.id])).rows[0].params_hash;
    expect(jobs.filter((j) => j.id === `report-${hash}`)).toHaveLength(1);
  });

  it('a regional comparison: league table, below target, totals Σnum/Σden', async () => {
    const report = await request(analystA, 'requestRegionReport(period: $period, parentId: $id, codes: ["T1", "T3"])', { id: a.region.id });
    expect((await waitForReport(db.owner, report.id)).status).toBe('done');
    const file = await download(analystA, report.id);
    writeFileSync(join(tmp, 'region.pdf'), file.body as Buffer);
    const text = execFileSync('pdftotext', [join(tmp, 'region.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    const rows = layoutRows(join(tmp, 'region.pdf'));
    // Totals: code, Σ numerators, Σ denominators, value, target, organisations below target (the title wraps; left out).
    // T1: 55 + 40 = 95 of 108 + 50 = 158 → 60.1 % → 60 %; T3: 33 + 10 = 43 of 59 + 20 = 79 → 54.4 % → 54 %.
    // Neither has a target: «—» below target, not a count of nobody.
    const totals = (code: string) => {
      const cells = rowOf(rows, code);
      return [cells[0], ...cells.slice(2)];
    };
    expect(totals('T1')).toEqual(['T1', '95', '158', '60 %', '—', '—']);
    expect(totals('T3')).toEqual(['T3', '43', '79', '54 %', '—', '—']);
    // League table, ranked by T1: rank, organisation, …, «value % (numerator/denominator)» per indicator.
    const league = (rank: string, name: string) => {
      const cells = rowOf(rows, rank, name);
      return [cells[0], cells[1], ...cells.slice(-2)];
    };
    expect(league('1', 'Шаминская СОШ')).toEqual(['1', 'Шаминская СОШ', '80 % (40/50)', '50 % (10/20)']);
    expect(league('2', 'Мишкинская СОШ')).toEqual(['2', 'Мишкинская СОШ', '51 % (55/108)', '56 % (33/59)']);
    expect(text).not.toContain(b.school.short_name);
  });

  it('a ministry official requests an all-regions XLSX extract that equals the snapshots cell by cell, and a CSV', async () => {
    const report = await request(official, 'requestExtract(formCode: "MENTORING-R145", period: $period, format: XLSX, regionId: $id)', { id: a.region.id });
    expect(report).toMatchObject({ kind: 'EXTRACT_XLSX', formCode: 'MENTORING-R145', formVersion: '1' });
    expect((await waitForReport(db.owner, report.id)).status).toBe('done');
    const file = await download(official, report.id);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((file.body as Buffer).buffer.slice((file.body as Buffer).byteOffset, (file.body as Buffer).byteOffset + (file.body as Buffer).length) as ArrayBuffer);
    // One region asked for: its sheet alone (named by the region's name), no all-Russia total.
    expect(workbook.worksheets.map((w) => w.name)).toEqual([a.region.short_name]);
    const sheet = workbook.worksheets[0];
    const rows: Record<string, (string | number | null)[]> = {};
    sheet.eachRow((row) => {
      const values = (row.values as (string | number | null)[]).slice(1);
      if (typeof values[1] === 'string' && /^\d{2}$/.test(values[1])) rows[values[1]] = values;
    });
    // Σ over the region's two schools, from the snapshots inserted above: unit, ОКЕИ code, Σnumerator, Σdenominator, value.
    expect(rows['01'].slice(2)).toEqual(['процент', '744', 95, 158, 60]);
    expect(rows['03'].slice(2)).toEqual(['процент', '744', 43, 79, 54]);
    expect(rows['04'].slice(2)).toEqual(['процент', '744', 13, 17, 76]);
    expect([rows['06'][2], rows['06'][3], rows['06'][4], rows['06'][5] ?? null, rows['06'][6]]).toEqual(['человек', '792', 19, null, 19]);
    expect([rows['07'][4], rows['07'][6]]).toEqual([71, 71]);
    const csv = await request(official, 'requestExtract(formCode: "MENTORING-R145", period: $period, format: CSV)', {});
    expect((await waitForReport(db.owner, csv.id)).status).toBe('done');
    const text = ((await download(official, csv.id)).body as Buffer).toString('utf8');
    // Every region in scope, by its name (the codes are not printed), after the all-Russia total.
    expect(text).toContain(`\r\nРоссийская Федерация;`);
    expect(text).toContain(`\r\n${a.region.short_name};`);
    expect(text).toContain(`\r\n${b.region.short_name};`);
    expect(text).toMatch(/МОНИТОРИНГ-НАСТАВНИЧЕСТВО \(Р-145\), версия 1/);
    expect(text).not.toMatch(/MENTORING-R145/);
  });

  it('extracts run on the extracts queue: identical requests share one row and one job there, none on reports; progress reaches 100', async () => {
    const ask = () => request(official, 'requestExtract(formCode: "MENTORING-R145", period: $period, format: CSV, regionId: $id)', { id: b.region.id });
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(second.id).toBe(first.id);
    const done = await waitForReport(db.owner, first.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, attempts: 1 });
    const hash = (await db.owner.query(`select params_hash from report_files where id = $1`, [first.id])).rows[0].params_hash;
    const queues = worker.get(JobQueues);
    const states = ['completed', 'active', 'waiting', 'delayed', 'failed'] as const;
    const onExtracts = (await queues.get(QUEUES.extracts).getJobs([...states])).filter((j) => j.id === `report-${hash}`);
    expect(onExtracts.map((j) => [j.name, j.progress])).toEqual([['produce-extract', 90]]);
    expect((await queues.get(QUEUES.reports).getJobs([...states])).filter((j) => j.id === `report-${hash}`)).toHaveLength(0);
    // The same request again the same day: the finished row, no new job.
    expect((await ask()).id).toBe(first.id);
    expect((await queues.get(QUEUES.extracts).getJobs([...states])).filter((j) => j.id === `report-${hash}`)).toHaveLength(1);
    const text = ((await download(official, first.id)).body as Buffer).toString('utf8');
    expect(text).toContain(`${b.region.code};`);
    expect(text).not.toContain(`${a.region.code};`);
  });

  it('a ministry official reads no personal data: no school report of a curator, no roadmap, only aggregates', async () => {
    const listed = await api.gql<{ allReports: ReportGql[] }>(official, `{ allReports(perPage: 500) { ${REPORT_FIELDS} } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.allReports.length).toBeGreaterThan(0);
    expect(listed.data!.allReports.every((r) => r.requestedRole !== 'curator')).toBe(true);
    const curatorReport = (await db.owner.query(`select id from report_files where requested_role = 'curator' limit 1`)).rows[0].id;
    expect((await download(official, curatorReport)).status).toBe(404);
    const direct = await api.gql(official, `query($id: ID!) { Report(id: $id) { id } }`, { id: curatorReport });
    expect(codesOf(direct)).toEqual(['NOT_FOUND']);
  });

  it("a curator of school B cannot see or download school A's report, by GraphQL or REST", async () => {
    const id = (await db.owner.query(`select id from report_files where tenant_id = $1 and requested_role = 'curator' limit 1`, [a.school.id])).rows[0].id;
    expect(codesOf(await api.gql(curatorB, `query($id: ID!) { Report(id: $id) { id } }`, { id }))).toEqual(['NOT_FOUND']);
    const list = await api.gql<{ allReports: { id: string }[]; _allReportsMeta: { count: number } }>(curatorB, `{ allReports { id } _allReportsMeta { count } }`);
    expect(list.data).toEqual({ allReports: [], _allReportsMeta: { count: 0 } });
    expect((await download(curatorB, id)).status).toBe(404);
    expect((await api.http().get(`/reports/${id}/file`)).status).toBe(401);
    // B's curator may not ask for A's school either, nor for regional reports or extracts.
    const asked = await api.gql(curatorB, `mutation($id: ID) { requestSchoolReport(period: "${PERIOD}", tenantId: $id) { id } }`, { id: a.school.id });
    expect(codesOf(asked)).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(curatorB, `mutation { requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", format: CSV) { id } }`))[0]).toBe('FORBIDDEN');
    const { rows } = await db.owner.query(`select count(*)::int as n from report_files where requested_role = 'curator' and tenant_id = $1`, [a.school.id]);
    expect(rows[0].n).toBe(1);
  });

  it('a render that dies on its first attempt is retried and the report is produced once', async () => {
    const renderer = worker.get(ReportRenderer);
    const original = renderer.render.bind(renderer);
    let calls = 0;
    // Only this test's report counts: other specs of the run (rate-limits) request reports on the
    // same queue, and this worker may render theirs meanwhile.
    const spy = jest.spyOn(renderer, 'render').mockImplementation(async (...args) => {
      if ((args[1] as { tenantId?: string }).tenantId !== a2.id) return original(...args);
      calls += 1;
      if (calls === 1) throw new Error('worker killed mid-render (simulated)');
      return original(...args);
    });
    try {
      const report = await request(analystA, 'requestSchoolReport(period: $period, tenantId: $id)', { id: a2.id });
      const done = await waitForReport(db.owner, report.id, 30_000);
      expect(done.status).toBe('done');
      expect(done.attempts).toBe(2);
      expect(calls).toBe(2);
      const { rows } = await db.owner.query(`select count(*)::int as n from report_files where tenant_id = $1`, [a2.id]);
      expect(rows[0].n).toBe(1);
    } finally {
      spy.mockRestore();
    }
  }, 40_000);

  it('malformed ids and unknown forms are typed errors', async () => {
    expect((await download(curatorA, 'not-a-uuid')).status).toBe(400);
    expect(codesOf(await api.gql(official, `mutation { requestExtract(formCode: "NOPE", period: "${PERIOD}") { id } }`))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await api.gql(analystA, `mutation { requestRegionReport(period: "2022-2023") { id } }`))).toEqual(['VALIDATION_FAILED']);
  });

  it("the worker's report and extract jobs, run as the worker runs them: a finished row is left alone, another school's row is not visible", async () => {
    const { rows } = await db.owner.query(`select id, file_bytes from report_files where tenant_id = $1 and requested_role = 'curator' and status = 'done'`, [a.school.id]);
    expect(rows).toHaveLength(1);
    const [{ id: reportId, file_bytes: before }] = rows;
    const scopeOf = (school: TenantRow): Scope => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'reports-spec' });
    const context = worker.get(TenantContext);
    for (const job of [worker.get(RenderReportJob), worker.get(ProduceExtractJob)]) {
      // The requester's scope: the row is done, so a late or repeated job writes nothing.
      const own = { scope: scopeOf(a.school), reportId };
      expect(await runScopedJob(context, own, () => job.handle(own))).toEqual({ reportId, status: 'already-done', bytes: 0 });
      // Another school's curator: the job sees no row (RLS), so a job carrying the wrong scope produces nothing.
      const other = { scope: scopeOf(b.school), reportId };
      await expect(runScopedJob(context, other, () => job.handle(other))).rejects.toThrow(`report ${reportId} is not visible in the job's scope`);
    }
    const after = (await db.owner.query(`select status, file_bytes from report_files where id = $1`, [reportId])).rows[0];
    expect(after.status).toBe('done');
    expect(Buffer.compare(after.file_bytes, before)).toBe(0);
  });
});
