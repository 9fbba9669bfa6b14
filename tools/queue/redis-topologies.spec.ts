import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Fastify from 'fastify';
import type { Cluster } from 'ioredis';
import { Pool } from 'pg';
import { IndicatorQueryService } from '@nastavnik/monitoring/indicator-query.service';
import { IndicatorsApiModule, IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { schoolYearOf } from '@nastavnik/monitoring/indicator-period';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { installRateLimits, limitRoutesPerAddress } from '@nastavnik/platform/http/rate-limits';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES, queuePrefix } from '@nastavnik/platform/queue/queues';
import { closeRedisClient, createRedisClient, type RedisClient } from '@nastavnik/platform/redis/redis-client';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportService } from '@nastavnik/reporting/report.service';
import { ReportingCoreModule } from '@nastavnik/reporting/reporting.module';
import { testConfig } from '@nastavnik/testing/test-context';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { migrateUp } from '../db/migrate';
import { type LocalServers, startRedisCluster, startRedisSentinel, until } from '@nastavnik/testing/local-servers';

const ROOT = join(__dirname, '..', '..');
const PERIOD = schoolYearOf();

/**
 * The queues on the Redis topologies REDIS_MODE names (issue 18), each started by this spec in a
 * temporary directory and stopped at the end: a Redis Cluster of three masters (`redis-cli
 * --cluster create`), and a master watched by a Sentinel. On the cluster, the real worker
 * process (apps/worker/src/main.ts) and the API's services (the same ones its resolvers call)
 * run an indicator recompute and a school report end to end; the keys of each queue are in the
 * slot of its hash tag, a queue without one is refused by the cluster (CROSSSLOT), and the rate
 * limits count there too. Own database (the worker's reconciler takes every open request it sees).
 */
describe('queues on a Redis Cluster and through Sentinel', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'rtop');
  const prefix = `${env.redisPrefix}-rtop-${randomBytes(3).toString('hex')}`;
  const databaseEnv = { DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, INDICATORS_DATABASE_URL: database.indicatorsUrl };
  let owner: Pool;
  const servers: LocalServers[] = [];
  const contexts: INestApplicationContext[] = [];
  const clients: RedisClient[] = [];

  beforeAll(async () => {
    await database.create();
    await migrateUp(database.ownerUrl);
    owner = new Pool({ connectionString: database.ownerUrl, max: 3 });
  }, 120_000);

  afterAll(async () => {
    while (contexts.length) await contexts.pop()!.close();
    while (clients.length) await closeRedisClient(clients.pop()!);
    await owner?.end();
    while (servers.length) await servers.pop()!.stop();
    await database.drop();
  }, 60_000);

  /** A school with five students, inserted as the owner: the records' triggers record a recompute request. */
  async function newSchool(): Promise<{ id: string; code: string; path: string }> {
    const code = `s${randomBytes(5).toString('hex')}`;
    const region = (await owner.query(`insert into tenants (kind, code, path, full_name, short_name) values ('region', $1, $1::text::ltree, 'Регион', 'Регион') returning id`, [`r${code}`])).rows[0].id;
    const { rows: [school] } = await owner.query(
      `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type) values ('organisation', $1, $2, $3, 'МБОУ «Школа»', 'Школа', 'school') returning id, code, path::text as path`,
      [code, region, `r${code}.${code}`],
    );
    await owner.query(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade)
       select $1, 'student', 'Ученик', 'Номер ' || g, date '2010-03-01' + g, 7 from generate_series(1, 5) g`,
      [school.id],
    );
    return school;
  }

  const curatorOf = (school: { id: string; path: string }): Scope => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'redis-topologies' });

  /** Every recompute request of the school done, and its snapshots written. */
  async function recomputed(schoolId: string, requests: number, timeoutMs = 30_000, hopeless?: () => string | undefined): Promise<void> {
    await until(`${requests} recompute request(s) of ${schoolId} done`, async () => {
      const { rows: [row] } = await owner.query(
        `select count(*) filter (where status = 'done')::int as done, count(*)::int as all_,
                (select count(*)::int from indicator_snapshots where tenant_id = $1 and period = $2) as snapshots
           from indicator_recompute_requests where tenant_id = $1 and period = $2`,
        [schoolId, PERIOD],
      );
      return row.done === requests && row.all_ === requests && row.snapshots > 0;
    }, timeoutMs, 100, hopeless);
  }

  async function apiSide(config: AppConfig): Promise<INestApplicationContext> {
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, IndicatorsApiModule, ReportingCoreModule] })
    class ApiSide {}
    const app = await NestFactory.createApplicationContext(ApiSide, { logger: false });
    await app.init();
    contexts.push(app);
    return app;
  }

  it('cluster: the worker process and the API side run a recompute and a report through three masters; each queue in its own slot', async () => {
    const cluster = await startRedisCluster(3);
    servers.push(cluster);
    const clusterEnv = { ...databaseEnv, REDIS_MODE: 'cluster', REDIS_URL: '', REDIS_NODES: cluster.nodes, REDIS_PREFIX: prefix };
    const config = testConfig(env, clusterEnv);
    expect(config.redis).toMatchObject({ mode: 'cluster', nodes: cluster.ports.map((port) => ({ host: '127.0.0.1', port })) });
    const redis = createRedisClient(config.redis, { name: 'spec' });
    clients.push(redis);
    expect(redis.isCluster).toBe(true);
    await redis.ping();
    await until('the client to see three masters', async () => (redis as Cluster).nodes('master').length === 3, 10_000);
    const masters = (redis as Cluster).nodes('master');

    // The real worker process, configured for the cluster only through its environment.
    const output: string[] = [];
    const worker = spawnWorker({ ...clusterEnv, INDICATORS_RECONCILE_MS: '200' }, output);
    const dead = () => (worker.exitCode !== null || worker.signalCode !== null ? `the worker exited (${worker.exitCode ?? worker.signalCode}):\n${output.join('')}` : undefined);
    try {
      const school = await newSchool();
      // 1. The request the school's records made: the worker's reconciler enqueues it, a worker computes it.
      await recomputed(school.id, 1, 60_000, dead);

      // 2. The API side: a curator asks for a recompute and for the school report (the resolvers' services).
      const api = await apiSide(config);
      const context = api.get(TenantContext);
      expect(await context.runInScope(curatorOf(school), () => api.get(IndicatorQueryService).requestRecompute(PERIOD))).toBe(true);
      const report = await context.runInScope(curatorOf(school), () => api.get(ReportService).requestSchoolReport({ period: PERIOD }));
      await recomputed(school.id, 2, 30_000, dead);
      await until('the report', async () => (await owner.query(`select status from report_files where id = $1`, [report.id])).rows[0]?.status === 'done', 30_000, 100, dead);
      const { rows: [file] } = await owner.query(`select substring(file_bytes from 1 for 4) as head, attempts from report_files where id = $1`, [report.id]);
      expect(file).toEqual({ head: Buffer.from('%PDF'), attempts: 1 });

      // 3. Where the keys are: every key of a queue in the slot of its hash tag, on one master;
      //    the queues' slots differ (they may share a master: three masters, three queues).
      const slotOf = async (key: string) => Number(await redis.call('cluster', 'keyslot', key));
      const keysByQueue = new Map<string, Set<number>>();
      for (const node of masters) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}:{*`, 'COUNT', 1000);
          for (const key of keys) {
            const queue = /^[^{]*\{([^}]+)\}/.exec(key)?.[1] ?? '';
            keysByQueue.set(queue, (keysByQueue.get(queue) ?? new Set()).add(await slotOf(key)));
          }
          cursor = next;
        } while (cursor !== '0');
      }
      for (const queue of [QUEUES.indicators, QUEUES.reports]) expect([...(keysByQueue.get(queue) ?? [])]).toEqual([await slotOf(`{${queue}}`)]);
      expect(new Set(await Promise.all(Object.values(QUEUES).map((queue) => slotOf(queuePrefix(prefix, queue))))).size).toBe(Object.values(QUEUES).length);
      const reportJob = await api.get(JobQueues).get(QUEUES.reports).getJobs(['completed']);
      expect(reportJob.map((job) => job.data.reportId)).toEqual([report.id]);

      // 4. The layout before issue 18 (a prefix without a hash tag) cannot add a job to a cluster.
      const untagged = new Queue(QUEUES.reports, { connection: redis, prefix: `${prefix}-untagged` });
      await expect(untagged.add('render-report', {})).rejects.toThrow(/CROSSSLOT/);
      await untagged.close();

      // 5. The rate limits count on the cluster too (one key per counter).
      const http = Fastify();
      try {
        await installRateLimits(http, config);
        limitRoutesPerAddress(http, { name: 'cluster-probe', prefixes: ['/probe'], max: 2, windowMs: 60_000 });
        http.get('/probe', async () => ({ ok: true }));
        const statuses = [];
        for (let i = 0; i < 3; i += 1) statuses.push((await http.inject({ method: 'GET', url: '/probe' })).statusCode);
        expect(statuses).toEqual([200, 200, 429]);
      } finally {
        await http.close();
      }
      let counters = 0;
      for (const node of masters) counters += (await node.keys(`${config.rateLimits.namespace}*cluster-probe*`)).length;
      expect(counters).toBe(1);
    } finally {
      // SIGTERM: the worker closes its BullMQ workers and its cluster connection, and exits
      // (Nest re-raises the signal once closed) — without needing a SIGKILL.
      const exit = await stopWorker(worker);
      expect({ ...exit, output: exit.graceful ? '' : output.join('') }).toEqual({ graceful: true, output: '' });
    }
  }, 180_000);

  it('sentinel: the worker finds the master through a Sentinel and runs a recompute', async () => {
    const name = `nastavnik-${randomBytes(3).toString('hex')}`;
    const sentinel = await startRedisSentinel(name);
    servers.push(sentinel);
    const config = testConfig(env, {
      ...databaseEnv,
      REDIS_MODE: 'sentinel',
      REDIS_URL: '',
      REDIS_SENTINELS: `127.0.0.1:${sentinel.sentinelPort}`,
      REDIS_SENTINEL_NAME: name,
      REDIS_PREFIX: `${prefix}-sentinel`,
      INDICATORS_RECONCILE_MS: '200',
    });
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, IndicatorsWorkerModule, QueueWorkersModule] })
    class SentinelWorker {}
    const app = await NestFactory.createApplicationContext(SentinelWorker, { logger: false });
    await app.init();
    contexts.push(app);
    const school = await newSchool();
    await recomputed(school.id, 1);
    // The job went through the master the Sentinel named.
    const { rows: [request] } = await owner.query(`select id from indicator_recompute_requests where tenant_id = $1`, [school.id]);
    const master = createRedisClient({ ...config.redis, mode: 'single', url: `redis://127.0.0.1:${sentinel.masterPort}` }, { name: 'spec' });
    clients.push(master);
    expect(await master.exists(`${queuePrefix(`${prefix}-sentinel`, QUEUES.indicators)}:indicators:recompute-${request.id}`)).toBe(1);
  }, 90_000);

  function spawnWorker(overrides: Record<string, string>, output: string[]): ChildProcess {
    const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...overrides, AUTH_MODE: 'keycloak', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  /** Stops the worker with SIGTERM; graceful = it exited by itself (0, or the re-raised SIGTERM) within 15 s. */
  async function stopWorker(child: ChildProcess): Promise<{ graceful: boolean }> {
    if (child.exitCode !== null || child.signalCode !== null) return { graceful: false };
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    return { graceful: code === 0 || signal === 'SIGTERM' };
  }
});
