import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Response } from 'supertest';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { TestApi } from './test-api';

const PERIOD = '2022/2023';

async function startReportWorker(): Promise<INestApplicationContext> {
  @Module({ imports: [PlatformModule.forRoot(testConfig()), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
  class RankingReportWorkerModule {}
  const app = await NestFactory.createApplicationContext(RankingReportWorkerModule, { logger: false });
  await app.init();
  return app;
}

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** `pdftotext -layout` lines as cells (two or more spaces apart), as reports-api.spec reads tables. */
function layoutRows(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/))
    .filter((cells) => cells[0] !== '');
}

function rowsStarting(rows: string[][], ...key: string[]): string[][] {
  return rows.filter((cells) => key.every((k, i) => cells[i] === k));
}

/**
 * Issue 12, defect 8: the dashboard's comparison and the regional PDF rank alike — equal values
 * share a place («1, 1, 3»), a school without data gets none and is listed apart — a year without
 * data is a gap in the trend (a point without a value, never left out), and the PDF is about the
 * indicator asked for, with «нет» for an empty «ниже цели» and «%» on the municipality bars.
 */
describe('regional comparison and PDF: shared places, no data apart, gaps, the chosen indicator', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: TestDb;
  let region: TenantRow;
  let m1: TenantRow;
  let m2: TenantRow;
  let a: TenantRow;
  let b: TenantRow;
  let c: TenantRow;
  let d: TenantRow;
  let analyst: string;
  const tmp = mkdtempSync(join(tmpdir(), 'region-ranking-'));

  async function snapshot(org: TenantRow, code: string, numerator: number, denominator: number | null, period = PERIOD): Promise<void> {
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, $3, $4, $5, $6, $7)`,
      [org.id, org.path, period, code, numerator, denominator, randomUUID()],
    );
  }
  async function rename(org: TenantRow, name: string): Promise<void> {
    await db.owner.query(`update tenants set full_name = $2, short_name = $2 where id = $1`, [org.id, name]);
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startReportWorker();
    db = new TestDb();
    region = await db.newRegion();
    m1 = await db.newMunicipality(region);
    m2 = await db.newMunicipality(region);
    await rename(m1, 'Мишкинский округ');
    await rename(m2, 'Шаминский округ');
    [a, b, c, d] = [await db.newOrganisation(m1), await db.newOrganisation(m1), await db.newOrganisation(m2), await db.newOrganisation(m2)];
    await rename(a, 'Алексеевская СОШ');
    await rename(b, 'Боровская СОШ');
    await rename(c, 'Восточная СОШ');
    await rename(d, 'Дальняя ООШ');
    // N1 this year: 41/100 and 82/200 are both 41 % (a tie at the top), 30/100, and Дальняя ООШ
    // not computed; T1 for everyone, so a PDF that printed T1 would show it.
    await snapshot(a, 'N1', 41, 100);
    await snapshot(b, 'N1', 82, 200);
    await snapshot(c, 'N1', 30, 100);
    for (const org of [a, b, c, d]) await snapshot(org, 'T1', 5, 10);
    // Earlier years: 2019/2020 and 2021/2022 have data, 2020/2021 has none (a gap).
    await snapshot(a, 'N1', 50, 100, '2019/2020');
    await snapshot(a, 'N1', 60, 100, '2021/2022');
    // A later year: on the dashboard's trend, not in a report of 2022/2023.
    await snapshot(a, 'N1', 70, 100, '2023/2024');
    // The region's own target for N1 this year: 25 % — nobody is below it.
    await db.owner.query(`insert into indicator_targets (tenant_id, tenant_path, period, indicator_code, target) values ($1, $2::ltree, $3, 'N1', 25)`, [region.id, region.path, PERIOD]);
    analyst = tokenFor('region-analyst', region.code);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the dashboard comparison: 41 % and 41 % share the first place, the next is third, no data has no place and comes last', async () => {
    const response = await api.gql<{ indicatorComparison: { organisations: { tenantId: string; value: number | null; rank: number | null }[]; municipalities: { name: string; value: number }[] } }>(
      analyst,
      `query($period: String!) { indicatorComparison(period: $period, code: "N1") { organisations { tenantId value rank } municipalities { name value } } }`,
      { period: PERIOD },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.indicatorComparison.organisations.map((o) => [o.tenantId, o.value, o.rank])).toEqual([
      [a.id, 41, 1],
      [b.id, 41, 1],
      [c.id, 30, 3],
      [d.id, null, null],
    ]);
    // Σ(41 + 82) / Σ(100 + 200) = 41 %; 30/100 = 30 %.
    expect(response.data!.indicatorComparison.municipalities).toEqual([
      { name: 'Мишкинский округ', value: 41 },
      { name: 'Шаминский округ', value: 30 },
    ]);
  });

  it('the trend has every school year from the first to the last with data; a year without data is a point without a value', async () => {
    const response = await api.gql<{ indicatorTrend: unknown[] }>(analyst, `{ indicatorTrend(code: "N1") { period numerator denominator value organisations } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.indicatorTrend).toEqual([
      { period: '2019/2020', numerator: 50, denominator: 100, value: 50, organisations: 1 },
      { period: '2020/2021', numerator: null, denominator: null, value: null, organisations: 0 },
      { period: '2021/2022', numerator: 60, denominator: 100, value: 60, organisations: 1 },
      // Σ 153 / Σ 400 = 38.25 % → 38 %.
      { period: '2022/2023', numerator: 153, denominator: 400, value: 38, organisations: 3 },
      { period: '2023/2024', numerator: 70, denominator: 100, value: 70, organisations: 1 },
    ]);
  });

  it('the regional PDF asked for N1 is about N1 only, with the same places, no data apart, «нет» below target, «%» on bars and the gap in the trend', async () => {
    const requested = await api.gql<{ r: { id: string } }>(analyst, `mutation($period: String!) { r: requestRegionReport(period: $period, codes: ["N1"]) { id } }`, { period: PERIOD });
    expect(requested.errors).toBeUndefined();
    const id = requested.data!.r.id;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await db.owner.query(`select status, error from report_files where id = $1`, [id]);
      if (rows[0]?.status === 'done') break;
      if (rows[0]?.status === 'failed') throw new Error(`report failed: ${rows[0].error}`);
      if (Date.now() > deadline) throw new Error(`report still ${rows[0]?.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const file = await api.http().get(`/reports/${id}/file`).set('authorization', `Bearer ${analyst}`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const path = join(tmp, 'region.pdf');
    writeFileSync(path, file.body as Buffer);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], { encoding: 'utf8' });
    const rows = layoutRows(text);

    // The indicator asked for, not the default T1–T4.
    expect(rowsStarting(rows, 'N1')).toHaveLength(1);
    expect(text).not.toMatch(/\bT[1-4]\b/);
    // Totals: Σ 153 / Σ 400 = 38 %, target 25 %, nobody below it.
    expect(rowsStarting(rows, 'N1')[0].slice(-5)).toEqual(['153', '400', '38 %', '25 %', '0']);

    // Municipality bars print their values with «%».
    expect(rowsStarting(rows, 'Мишкинский округ')).toEqual([['Мишкинский округ', '41 %']]);
    expect(rowsStarting(rows, 'Шаминский округ')).toEqual([['Шаминский округ', '30 %']]);

    // Below target: the section says «нет».
    expect(text.replace(/\s+/g, ' ')).toMatch(/Организации ниже цели N1 [^:]+\(цель 25 %\): нет/);

    // The league table: places 1, 1, 3 — the dashboard's — and Дальняя ООШ apart, without a place.
    expect(rowsStarting(rows, '1', 'Алексеевская СОШ')[0].at(-1)).toBe('41 % (41/100)');
    expect(rowsStarting(rows, '1', 'Боровская СОШ')[0].at(-1)).toBe('41 % (82/200)');
    expect(rowsStarting(rows, '3', 'Восточная СОШ')[0].at(-1)).toBe('30 % (30/100)');
    expect(rowsStarting(rows, '2')).toEqual([]);
    expect(rowsStarting(rows, '4')).toEqual([]);
    expect(text).toContain('Нет данных по N1 — не ранжируются: 1');
    expect(rowsStarting(rows, 'Дальняя ООШ')).toEqual([['Дальняя ООШ', 'Шаминский округ', 'нет данных']]);
    expect(text.indexOf('Дальняя ООШ')).toBeGreaterThan(text.indexOf('Нет данных по N1'));

    // The trend: every year up to the report's, the one without data printed as such (the chart leaves it open).
    expect(rowsStarting(rows, '2019/2020')).toEqual([['2019/2020', '2020/2021', '2021/2022', '2022/2023']]);
    expect(rowsStarting(rows, '50 %')).toEqual([['50 %', 'нет данных', '60 %', '38 %']]);
  });
});
