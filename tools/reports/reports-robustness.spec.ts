import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES, queuePrefix } from '@nastavnik/platform/queue/queues';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportService } from '@nastavnik/reporting/report.service';
import { ReportingCoreModule, ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { testConfig } from '@nastavnik/testing/test-context';
import { deleteKeysWithPrefix, scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { migrateUp } from '../db/migrate';

const ROOT = join(__dirname, '..', '..');

/**
 * A worker process killed (SIGKILL) in the middle of rendering a report: the job is retried by
 * another worker and the report is produced — one row, one file. Own database and Redis prefix,
 * so no other spec's worker takes the job.
 */
describe('reports: a worker killed mid-render', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'rep');
  const prefix = `${env.redisPrefix}-rep-${randomBytes(3).toString('hex')}`;
  const overrides = {
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    INDICATORS_DATABASE_URL: database.indicatorsUrl,
    REDIS_PREFIX: prefix,
    QUEUE_LOCK_MS: '2000',
    QUEUE_STALLED_CHECK_MS: '1000',
  };
  let owner: Pool;
  let redis: IORedis;
  const contexts: INestApplicationContext[] = [];

  beforeAll(async () => {
    await database.create();
    await migrateUp(overrides.MIGRATION_DATABASE_URL);
    owner = new Pool({ connectionString: overrides.MIGRATION_DATABASE_URL, max: 3 });
    redis = new IORedis(env.redisUrl);
  }, 60_000);

  afterAll(async () => {
    while (contexts.length) await contexts.pop()!.close();
    await owner.end();
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
    await database.drop();
  });

  async function context(worker: boolean): Promise<INestApplicationContext> {
    const config = testConfig(env, overrides);
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ...(worker ? [ReportingWorkerModule, QueueWorkersModule] : [ReportingCoreModule])] })
    class M {}
    const app = await NestFactory.createApplicationContext(M, { logger: false });
    await app.init();
    contexts.push(app);
    return app;
  }

  it('the job is retried by another worker and the report produced once', async () => {
    const code = `s${randomBytes(5).toString('hex')}`;
    const { rows: [school] } = await owner.query(
      `with r as (insert into tenants (kind, code, path, full_name, short_name) values ('region', $1, $1::text::ltree, 'Регион', 'Регион') returning id, path)
       insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
       select 'organisation', $2, r.id, (r.path::text || '.' || $2)::ltree, 'МБОУ «Тестовая школа»', 'Тестовая школа', 'school' from r
       returning id, path::text as path`,
      [`r${code}`, code],
    );
    await owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, '2022/2023', 'T3', 33, 59, gen_random_uuid()), ($1, $2::ltree, '2022/2023', 'T4', 8, 12, gen_random_uuid())`,
      [school.id, school.path],
    );
    const api = await context(false);
    const curator: Scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'test' };
    const principal = { subject: 'test', username: 'curator', displayName: 'Куратор', role: 'curator' as const, tenantCode: code };
    // Hold the report row before the job starts: the job reads it, then blocks on its first progress write.
    const blocker = await owner.connect();
    const report = await api.get(TenantContext).runInScope(curator, async () => {
      const requested = await api.get(ReportService).requestSchoolReport({ period: '2022/2023' });
      return requested;
    }, principal);
    await blocker.query('begin');
    await blocker.query(`select 1 from report_files where id = $1 for update`, [report.id]);
    const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...overrides, REDIS_URL: env.redisUrl, AUTH_MODE: 'keycloak', NODE_ENV: 'test' },
      stdio: 'ignore',
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((await redis.llen(`${queuePrefix(prefix, QUEUES.reports)}:reports:active`)) === 0) {
        if (Date.now() > deadline) throw new Error('the worker never took the job');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    } finally {
      await blocker.query('rollback');
      blocker.release();
    }
    expect((await owner.query(`select status, file_bytes is null as empty from report_files where id = $1`, [report.id])).rows[0]).toEqual({ status: 'queued', empty: true });

    await context(true);
    const deadline = Date.now() + 45_000;
    for (;;) {
      const { rows: [row] } = await owner.query(`select status from report_files where id = $1`, [report.id]);
      if (row.status === 'done') break;
      if (Date.now() > deadline) throw new Error(`report still ${row.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { rows } = await owner.query(`select status, substring(file_bytes from 1 for 4) as head from report_files where tenant_id = $1`, [school.id]);
    expect(rows).toEqual([{ status: 'done', head: Buffer.from('%PDF') }]);
  }, 120_000);
});
