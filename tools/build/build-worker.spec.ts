import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule } from '@nastavnik/platform/queue/queue.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportService } from '@nastavnik/reporting/report.service';
import { ReportingCoreModule } from '@nastavnik/reporting/reporting.module';
import { TestDb, testConfig } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { buildWorker, type BuildResult } from './build-worker';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/**
 * The production worker is the built JavaScript: no alias, no TypeScript, no swc in the process;
 * started as a process of its own on this run's database (own Redis prefix), it takes a PDF
 * report from the `reports` queue and an extract from the `extracts` queue.
 */
describe('build: the worker as plain JavaScript', () => {
  const env = readTestEnv();
  const prefix = `${env.redisPrefix}-bw-${randomBytes(3).toString('hex')}`;
  let built: BuildResult;
  let child: ChildProcess;
  let log = '';
  let api: INestApplicationContext;
  let db: TestDb;

  beforeAll(async () => {
    built = buildWorker(join(ROOT, 'dist', `worker-spec-${randomBytes(4).toString('hex')}`));
    child = spawn(process.execPath, [built.main], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: env.appUrl, MIGRATION_DATABASE_URL: env.ownerUrl, INDICATORS_DATABASE_URL: env.indicatorsUrl, REDIS_URL: env.redisUrl, REDIS_PREFIX: prefix, AUTH_MODE: 'keycloak', NODE_ENV: 'production', NOTIFICATIONS_SECRET: 'build-worker-spec-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    for (let tries = 0; !log.includes('worker started'); tries += 1) {
      if (child.exitCode !== null || tries > 300) throw new Error(`the built worker did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    @Module({ imports: [PlatformModule.forRoot(testConfig(env, { REDIS_PREFIX: prefix })), QueueModule, ReportingCoreModule] })
    class ApiSide {}
    api = await NestFactory.createApplicationContext(ApiSide, { logger: false });
    await api.init();
    db = new TestDb();
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await api?.close();
    await db?.close();
    if (built) rmSync(built.outDir, { recursive: true, force: true });
    const redis = new IORedis(env.redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('resolves every alias at build time and needs no TypeScript or swc at run time', () => {
    const js = filesUnder(built.outDir).filter((f) => f.endsWith('.js'));
    expect(js.length).toBe(built.files - 1); // every source but the form definition (JSON, copied)
    for (const file of js) expect(readFileSync(file, 'utf8')).not.toMatch(/require\("(@nastavnik\/|@swc\/|[^"]+\.ts")/);
    const maps = readFileSync(`/proc/${child.pid}/maps`, 'utf8');
    expect(maps).not.toMatch(/swc/);
    expect(maps).toMatch(/\bnode\b/); // the right process: node's own binary is mapped
  });

  it('the started process renders a school report (reports queue) and an extract (extracts queue)', async () => {
    const world = await db.newSchoolWorld();
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, '2022/2023', 'T3', 33, 59, gen_random_uuid())`,
      [world.school.id, world.school.path],
    );
    const context = api.get(TenantContext);
    const reports = api.get(ReportService);
    const curator: Scope = { role: 'curator', tenantId: world.school.id, tenantPath: world.school.path, allTenants: false, actor: 'test' };
    const official: Scope = { role: 'ministry-official', tenantId: null, tenantPath: null, allTenants: true, actor: 'test' };
    const school = await context.runInScope(curator, () => reports.requestSchoolReport({ period: '2022/2023' }));
    const extract = await context.runInScope(official, () => reports.requestExtract({ formCode: 'MENTORING-R145', period: '2022/2023', regionId: world.region.id, format: 'csv' }));
    for (let tries = 0; ; tries += 1) {
      const { rows } = await db.owner.query(`select id, status, substring(file_bytes from 1 for 4) as head from report_files where id = any($1) order by kind desc`, [[school.id, extract.id]]);
      if (rows.every((r) => r.status === 'done')) {
        expect(rows.map((r) => r.id)).toEqual([school.id, extract.id]);
        expect(rows[0].head).toEqual(Buffer.from('%PDF'));
        break;
      }
      if (tries > 300) throw new Error(`not done: ${JSON.stringify(rows.map((r) => r.status))}\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The worker's JSON log lines (one object per line): its queues as it announced them.
    const messages = log.split('\n').filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { msg?: string }).msg);
    expect(messages).toContain('queue "extracts": produce-extract');
  }, 60_000);
});
