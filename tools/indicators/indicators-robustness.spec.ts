import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { type AppConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { QUEUES, queuePrefix } from '@nastavnik/platform/queue/queues';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { schoolYearOf } from '@nastavnik/monitoring/indicator-period';
import { RecomputeReconciler } from '@nastavnik/monitoring/recompute-reconciler';
import { testConfig } from '@nastavnik/testing/test-context';
import { deleteKeysWithPrefix, scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { migrateUp } from '../db/migrate';

const ROOT = join(__dirname, '..', '..');
const PERIOD = schoolYearOf();

/**
 * The indicator pipeline under failure, on the real Postgres and Redis — in a database and a
 * Redis key prefix of its own, so no other spec's worker takes these requests: a burst of edits
 * is at most one recompute more than the reconciler passes it spans, a Redis that loses everything (FLUSHALL on a server of its own) loses no request, a worker killed in the
 * middle of a recompute leaves a job that another worker finishes, writing each snapshot once.
 */
describe('indicator recomputes: burst, lost Redis, killed worker', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'ind');
  const prefix = `${env.redisPrefix}-ind-${randomBytes(3).toString('hex')}`;
  const overrides = {
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    INDICATORS_DATABASE_URL: database.indicatorsUrl,
    REDIS_PREFIX: prefix,
    QUEUE_LOCK_MS: '2000',
    QUEUE_STALLED_CHECK_MS: '1000',
  };
  let config: AppConfig;
  let owner: Pool;
  let redis: IORedis;
  const contexts: INestApplicationContext[] = [];

  beforeAll(async () => {
    await database.create();
    await migrateUp(overrides.MIGRATION_DATABASE_URL);
    config = testConfig(env, overrides);
    owner = new Pool({ connectionString: overrides.MIGRATION_DATABASE_URL, max: 3 });
    redis = new IORedis(env.redisUrl);
  }, 60_000);

  afterEach(async () => {
    while (contexts.length) await contexts.pop()!.close();
  });

  afterAll(async () => {
    await owner.end();
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
    await database.drop();
  });

  async function startWorker(withConsumers = true, workerConfig: AppConfig = config): Promise<INestApplicationContext> {
    @Module({ imports: [PlatformModule.forRoot(workerConfig), QueueModule, IndicatorsWorkerModule, ...(withConsumers ? [QueueWorkersModule] : [])] })
    class WorkerModule {}
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    contexts.push(app);
    return app;
  }

  /** A school with a few students, inserted as the owner (the triggers record a request). */
  async function newSchool(): Promise<{ id: string; participantId: string }> {
    const code = `s${randomBytes(5).toString('hex')}`;
    const region = (await owner.query(`insert into tenants (kind, code, path, full_name, short_name) values ('region', $1, $1::text::ltree, 'Регион', 'Регион') returning id`, [`r${code}`])).rows[0].id;
    const { rows: [school] } = await owner.query(
      `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type) values ('organisation', $1, $2, $3, 'Школа', 'Школа', 'school') returning id`,
      [code, region, `r${code}.${code}`],
    );
    const { rows } = await owner.query(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade)
       select $1, 'student', 'Ученик', 'Номер ' || g, date '2010-03-01' + g, 7 from generate_series(1, 5) g returning id`,
      [school.id],
    );
    return { id: school.id, participantId: rows[0].id };
  }

  const requests = async (tenantId: string) =>
    (await owner.query<{ id: string; status: string; attempts: number }>(`select id, status, attempts from indicator_recompute_requests where tenant_id = $1 and period = $2 order by requested_at`, [tenantId, PERIOD])).rows;

  async function allDone(tenantIds: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = (await owner.query(`select count(*)::int as n from indicator_recompute_requests where tenant_id = any($1) and status <> 'done'`, [tenantIds])).rows[0].n;
      const snapshots = (await owner.query(`select count(distinct tenant_id)::int as n from indicator_snapshots where tenant_id = any($1) and period = $2`, [tenantIds, PERIOD])).rows[0].n;
      if (open === 0 && snapshots === tenantIds.length) return;
      if (Date.now() > deadline) throw new Error(`still open: ${open}, schools with snapshots: ${snapshots}/${tenantIds.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * What the mechanism guarantees, and nothing looser. The records' triggers insert a request with
   * `on conflict do nothing` against a partial unique index: one *pending* request per school and
   * period. An edit makes a new request only after the pending one was claimed by its job, and a
   * job exists only once a reconciler pass has seen the request (its job id is the request's id, so
   * passes that see it again add nothing). So a burst that starts with no open request makes at
   * most 1 + (reconciler passes during the burst) requests — 1 if it ends before the next pass, 2
   * if one pass falls inside it (the request claimed then, and the one the later edits leave) —
   * and each request is recomputed exactly once. A fixed "≤ 2" would hold only for bursts shorter
   * than the reconcile interval; the passes are counted instead of assuming the burst's length.
   */
  it('a burst of 1,000 edits to one school: at most one recompute more than the reconciler passes during the burst, one per request', async () => {
    const school = await newSchool();
    const worker = await startWorker();
    // The school's own inserts recorded a request; once it is done, the burst starts with none open.
    await allDone([school.id]);
    const before = new Set((await requests(school.id)).map((r) => r.id));

    const reconciler = worker.get(RecomputeReconciler);
    const reconcile = reconciler.reconcile.bind(reconciler);
    let passes = 0;
    let passesInFlight = 0;
    jest.spyOn(reconciler, 'reconcile').mockImplementation(async () => {
      passes += 1;
      passesInFlight += 1;
      try {
        return await reconcile();
      } finally {
        passesInFlight -= 1;
      }
    });
    const engine = worker.get(IndicatorEngine);
    const recompute = engine.recompute.bind(engine);
    let recomputes = 0;
    jest.spyOn(engine, 'recompute').mockImplementation((target, period) => {
      if ('tenantIds' in target && target.tenantIds.includes(school.id)) recomputes += 1;
      return recompute(target, period);
    });

    // A pass already running when the burst starts may read the burst's first request: it counts.
    const passesAtStart = passes - passesInFlight;
    for (let i = 0; i < 1000; i += 1) {
      await owner.query(`update participants set notes = $1 where id = $2`, [`правка ${i}`, school.participantId]);
    }
    const passesDuringBurst = passes - passesAtStart;
    await allDone([school.id]);

    const made = (await requests(school.id)).filter((r) => !before.has(r.id));
    expect(made.length).toBeGreaterThanOrEqual(1);
    expect(made.length).toBeLessThanOrEqual(1 + passesDuringBurst);
    // Each request is one job (its id is the request's) and one recompute: nothing ran twice.
    expect(made.map((r) => [r.status, r.attempts])).toEqual(made.map(() => ['done', 1]));
    expect(recomputes).toBe(made.length);
  }, 120_000);

  it('requests pending when Redis loses all its data (FLUSHALL) are all computed after the reconciler runs', async () => {
    // A Redis server of this test's own, so that FLUSHALL loses everything without touching other runs.
    const own = await startOwnRedis();
    const ownConfig = testConfig(env, { ...overrides, REDIS_URL: own.url });
    try {
      const schools = [await newSchool(), await newSchool(), await newSchool()];
      // Enqueue without consumers, then lose everything in Redis.
      const producer = await startWorker(false, ownConfig);
      expect(await producer.get(RecomputeReconciler).reconcile()).toBeGreaterThanOrEqual(3);
      await producer.close();
      contexts.pop();
      expect(await own.client.dbsize()).toBeGreaterThan(0);
      expect(await own.client.flushall()).toBe('OK');
      expect(await own.client.dbsize()).toBe(0);
      expect((await owner.query(`select count(*)::int as n from indicator_recompute_requests where tenant_id = any($1) and status = 'pending'`, [schools.map((s) => s.id)])).rows[0].n).toBe(3);
      await startWorker(true, ownConfig);
      await allDone(schools.map((s) => s.id));
    } finally {
      while (contexts.length) await contexts.pop()!.close();
      await own.stop();
    }
  }, 60_000);

  it('a worker killed (SIGKILL) in the middle of a recompute: the job is retried and the snapshots written once', async () => {
    const school = await newSchool();
    const [request] = await requests(school.id);
    // Hold the request row so the job that takes it blocks in the middle of its work.
    const blocker = await owner.connect();
    await blocker.query('begin');
    await blocker.query(`select 1 from indicator_recompute_requests where id = $1 for update`, [request.id]);
    const child = spawnWorker();
    try {
      await until(async () => (await redis.exists(`${queuePrefix(prefix, QUEUES.indicators)}:indicators:recompute-${request.id}`)) === 1 && (await redis.lrange(`${queuePrefix(prefix, QUEUES.indicators)}:indicators:active`, 0, -1)).includes(`recompute-${request.id}`), 30_000);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    } finally {
      await blocker.query('rollback');
      blocker.release();
    }
    // The killed attempt wrote no snapshot; its claim may or may not have landed (its blocked
    // statement can still run once the lock is released, before the server sees the dead client).
    expect(['pending', 'running']).toContain((await requests(school.id))[0].status);
    expect((await owner.query(`select count(*)::int as n from indicator_snapshots where tenant_id = $1`, [school.id])).rows[0].n).toBe(0);
    await startWorker();
    await allDone([school.id], 45_000);
    const { rows } = await owner.query(`select count(*)::int as n, count(distinct computation_id)::int as computations from indicator_snapshots where tenant_id = $1 and period = $2`, [school.id, PERIOD]);
    expect(rows[0]).toEqual({ n: INDICATORS.length, computations: 1 });
    expect((await requests(school.id)).map((r) => r.status)).toEqual(['done']);
  }, 90_000);

  function spawnWorker(): ChildProcess {
    return spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...overrides, REDIS_URL: env.redisUrl, AUTH_MODE: 'keycloak', NODE_ENV: 'test', INDICATORS_RECONCILE_MS: '200' },
      stdio: 'ignore',
    });
  }
});

/** redis-server (Debian's, as the machine's service) on a free port, keeping nothing on disk. */
async function startOwnRedis(): Promise<{ url: string; client: IORedis; stop: () => Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const client = new IORedis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
  await until(async () => (await client.ping().catch(() => null)) === 'PONG', 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    client,
    stop: async () => {
      client.disconnect();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
