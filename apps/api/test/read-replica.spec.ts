import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { type INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Pool } from 'pg';
import { ReadReplica } from '@nastavnik/platform/database/read-replica';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule } from '@nastavnik/platform/queue/queue.module';
import { runScopedJob } from '@nastavnik/platform/queue/scoped-job';
import { closeRedisClient, createRedisClient } from '@nastavnik/platform/redis/redis-client';
import { ReadFromReplica } from '@nastavnik/platform/tenancy/read-from-replica';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { scopeStatement, TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { RenderReportJob } from '@nastavnik/reporting/jobs/render-report.job';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { type StreamingReplica, startStreamingReplica, until } from '@nastavnik/testing/local-servers';
import { deleteKeysWithPrefix, scratchDatabase } from '@nastavnik/testing/scratch';
import { testConfig, tokenFor } from '@nastavnik/testing/test-context';
import { readTestEnv, withDatabase } from '@nastavnik/testing/test-env';
import { TestApi } from './test-api';

const PERIOD = '2022/2023';
type Tenant = { id: string; code: string; path: string };
type Comparison = { indicatorComparison: { organisations: { tenantId: string; numerator: number; denominator: number; value: number }[]; total: { numerator: number; denominator: number } } };
const COMPARISON = `query($period: String!) { indicatorComparison(period: $period, code: "N1") { organisations { tenantId numerator denominator value } total { numerator denominator } } }`;
const VALUES = `query($period: String!) { indicatorValues(period: $period) { code numerator denominator } }`;

/** Where a declared read ran, seen from inside its transaction. */
@Injectable()
class WhereAmI {
  constructor(private readonly context: TenantContext) {}

  @ReadFromReplica()
  async declared(): Promise<{ standby: boolean; port: number; role: string; readOnly: string }> {
    const [row] = await (await this.context.manager()).query(
      `select pg_is_in_recovery() as standby, inet_server_port() as port, current_setting('app.role') as role, current_setting('transaction_read_only') as "readOnly"`,
    );
    return row;
  }
}

/**
 * Read replicas (issue 18): a real hot standby of the test server, made by pg_basebackup into a
 * temporary directory and started on a free port, streaming. An analyst's comparison (GraphQL,
 * the real API) is served by it — the standby's own statistics count the scans, and a read made
 * while its replay is paused returns what only the standby still holds — under the same row
 * security; a curator's reads stay on the primary; a lagging replica and a stopped one are
 * replaced by the primary. Own database (its rows are written to, and the replica replays them),
 * own Redis prefix; the standby, its replication slot and its directory are removed at the end.
 */
describe('read replica: routed reads, isolation on the standby, fallback', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'rrep');
  const redisPrefix = `${env.redisPrefix}:rrep-${randomBytes(3).toString('hex')}`;
  let owner: Pool;
  let primaryAdmin: Pool;
  /** The superuser on the primary, in the scratch database (statistics are per database). */
  let primaryScratch: Pool;
  let replica: StreamingReplica | undefined;
  let replicaAdmin: Client | undefined;
  const apps: { close(): Promise<void> }[] = [];
  const world = {} as { regionA: Tenant; municipality: Tenant; a1: Tenant; a2: Tenant; regionB: Tenant; b1: Tenant };
  let analyst: TestApi;

  const adminQuery = async (sql: string, params?: unknown[]) => (await primaryAdmin.query(sql, params)).rows;

  beforeAll(async () => {
    await database.create();
    await database.migrate();
    owner = new Pool({ connectionString: database.ownerUrl, max: 2 });
    primaryAdmin = new Pool({ connectionString: env.superuserUrl, max: 2 });
    primaryScratch = new Pool({ connectionString: withDatabase(env.superuserUrl, database.name), max: 1 });
    for (const pool of [owner, primaryAdmin, primaryScratch]) pool.on('error', () => undefined);
    world.regionA = await tenant('region', null);
    world.municipality = await tenant('municipality', world.regionA);
    world.a1 = await tenant('organisation', world.municipality);
    world.a2 = await tenant('organisation', world.municipality);
    world.regionB = await tenant('region', null);
    world.b1 = await tenant('organisation', world.regionB);
    await snapshot(world.a1, 90, 100);
    await snapshot(world.a2, 50, 100);
    await snapshot(world.b1, 7, 10);
    await owner.query(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade)
       values ($1, 'student', 'Иванов', 'Иван', '2010-03-01', 7), ($1, 'student', 'Петров', 'Пётр', '2010-04-01', 7), ($2, 'student', 'Сидоров', 'Сидор', '2010-05-01', 7)`,
      [world.a1.id, world.a2.id],
    );

    replica = await startStreamingReplica(env.superuserUrl, adminQuery);
    replicaAdmin = new Client({ connectionString: replica.url('postgres', database.name) });
    // The last test stops the standby under it.
    replicaAdmin.on('error', () => undefined);
    await until('the standby to accept connections to the database', async () => {
      await replicaAdmin!.connect();
      return true;
    }, 20_000);
    await until('the standby to stream', async () => (await replicaAdmin!.query(`select status from pg_stat_wal_receiver`)).rows[0]?.status === 'streaming', 20_000);
    await caughtUp();
    analyst = await api({ DATABASE_READ_MAX_LAG_MS: '30000' });
  }, 180_000);

  afterAll(async () => {
    while (apps.length) await apps.pop()!.close().catch(() => undefined);
    await replicaAdmin?.end().catch(() => undefined);
    await replica?.stop();
    const redis = createRedisClient(testConfig(env).redis, { name: 'spec-cleanup' });
    await deleteKeysWithPrefix(redis, redisPrefix);
    await closeRedisClient(redis);
    await owner?.end();
    await primaryAdmin?.end();
    await primaryScratch?.end();
    await database.drop();
  }, 90_000);

  async function tenant(kind: 'region' | 'municipality' | 'organisation', parent: Tenant | null): Promise<Tenant> {
    const code = `t${randomBytes(5).toString('hex')}`;
    const { rows: [row] } = await owner.query(
      `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type) values ($1, $2, $3, $4, $5, $5, $6) returning id, code, path::text as path`,
      [kind, code, parent?.id ?? null, parent ? `${parent.path}.${code}` : code, `${kind} ${code}`, kind === 'organisation' ? 'school' : null],
    );
    return row;
  }

  async function snapshot(school: Tenant, numerator: number, denominator: number): Promise<void> {
    await owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2, $3, 'N1', $4, $5, gen_random_uuid())
       on conflict (tenant_id, period, indicator_code) do update set numerator = excluded.numerator, denominator = excluded.denominator`,
      [school.id, school.path, PERIOD, numerator, denominator],
    );
  }

  function config(overrides: Record<string, string> = {}) {
    return testConfig(env, {
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      INDICATORS_DATABASE_URL: database.indicatorsUrl,
      DATABASE_READ_URL: replica!.url('nastavnik_app', database.name),
      REDIS_PREFIX: redisPrefix,
      ...overrides,
    });
  }

  /** The real API on the scratch database, with the replica; its measurement of the replica done before it answers. */
  async function api(overrides: Record<string, string>): Promise<TestApi> {
    const started = await TestApi.start(config(overrides));
    apps.push(started);
    await started.app.get(ReadReplica).refresh();
    return started;
  }

  /** The standby has replayed everything the primary has flushed. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await adminQuery(`select pg_current_wal_flush_lsn()::text as lsn`);
    await until('the standby to catch up', async () => (await replicaAdmin!.query(`select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok`, [lsn])).rows[0].ok === true, 20_000);
  }

  /**
   * Scans of indicator_snapshots that a server's statistics have counted in the scratch database.
   * A backend reports its counts when it goes idle, at most once a second, else ten seconds later
   * — and always when it exits: so the app's connections to that server are ended first.
   */
  async function snapshotScans(on: 'replica' | 'primary'): Promise<number> {
    const server = async (sql: string, params?: unknown[]) => (await (on === 'replica' ? replicaAdmin! : primaryScratch).query(sql, params)).rows;
    const appBackends = `from pg_stat_activity where datname = $1 and usename = 'nastavnik_app' and pid <> pg_backend_pid()`;
    await server(`select pg_terminate_backend(pid) ${appBackends}`, [database.name]);
    await until(`the app's connections to the ${on} to end`, async () => (await server(`select count(*)::int as n ${appBackends}`, [database.name]))[0].n === 0, 10_000);
    await server('select pg_stat_clear_snapshot()');
    const [row] = await server(`select (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int as scans from pg_stat_user_tables where relname = 'indicator_snapshots'`);
    return row.scans;
  }

  const comparisonOf = async (app: TestApi) => {
    const response = await app.gql<Comparison>(tokenFor('region-analyst', world.regionA.code), COMPARISON, { period: PERIOD });
    expect(response.errors).toBeUndefined();
    return response.data!.indicatorComparison;
  };
  const valuesOfA1 = (c: Comparison['indicatorComparison']) => c.organisations.find((o) => o.tenantId === world.a1.id);
  const scope = (role: Scope['role'], t: Tenant | null, allTenants = false): Scope => ({ role, tenantId: t?.id ?? null, tenantPath: t?.path ?? null, allTenants, actor: 'read-replica-spec' });

  it("routes an analyst's comparison to the standby: its own statistics count the scans, the primary's do not", async () => {
    const replicaBefore = await snapshotScans('replica');
    const primaryBefore = await snapshotScans('primary');
    const comparison = await comparisonOf(analyst);
    // Region A's two schools only; Σnum/Σden as ever.
    expect(comparison.organisations.map((o) => [o.tenantId, o.numerator, o.denominator]).sort()).toEqual([[world.a1.id, 90, 100], [world.a2.id, 50, 100]].sort());
    expect(comparison.total).toEqual({ numerator: 140, denominator: 200 });
    expect(await snapshotScans('replica')).toBeGreaterThan(replicaBefore);
    expect(await snapshotScans('primary')).toBe(primaryBefore);
    expect((await analyst.http().get('/health')).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' }, replica: { status: 'up', state: 'ok' } } });

    // Seen from inside the routed transaction: the standby, read-only, under the analyst's scope.
    const context = analyst.app.get(TenantContext);
    const probe = new WhereAmI(context);
    expect(await context.runInScope(scope('region-analyst', world.regionA), () => probe.declared())).toEqual({ standby: true, port: replica!.port, role: 'region-analyst', readOnly: 'on' });
    // A curator's declared read is the primary's (read-your-writes), in a read-write transaction.
    expect(await context.runInScope(scope('curator', world.a1), () => probe.declared())).toMatchObject({ standby: false, role: 'curator', readOnly: 'off' });
  }, 60_000);

  it('keeps isolation on the standby: a curator scope sees its school only, an analyst scope no personal data; nothing can be written', async () => {
    const app = new Client({ connectionString: replica!.url('nastavnik_app', database.name) });
    await app.connect();
    try {
      const under = async <T>(s: Scope, sql: string): Promise<T[]> => {
        await app.query(`start transaction read only; ${scopeStatement(s)}`);
        try {
          return (await app.query(sql)).rows;
        } finally {
          await app.query('rollback');
        }
      };
      const curator = scope('curator', world.a1);
      expect((await under<{ tenant_id: string }>(curator, 'select distinct tenant_id from participants')).map((r) => r.tenant_id)).toEqual([world.a1.id]);
      expect((await under<{ n: number }>(curator, 'select count(*)::int as n from participants'))[0].n).toBe(2);
      expect((await under<{ id: string }>(curator, 'select id from tenants')).map((r) => r.id)).toEqual([world.a1.id]);
      const analystScope = scope('region-analyst', world.regionA);
      expect((await under<{ n: number }>(analystScope, 'select count(*)::int as n from participants'))[0].n).toBe(0);
      expect((await under<{ tenant_id: string }>(analystScope, 'select tenant_id from indicator_snapshots')).map((r) => r.tenant_id).sort()).toEqual([world.a1.id, world.a2.id].sort());
      expect((await under<{ n: number }>(scope('ministry-official', null, true), 'select count(*)::int as n from participants'))[0].n).toBe(0);
      // No scope at all: nothing (the settings are missing, the policies answer no rows).
      expect((await app.query('select count(*)::int as n from indicator_snapshots')).rows[0].n).toBe(0);
      await app.query(`start transaction; ${scopeStatement(curator)}`);
      await expect(app.query(`update participants set notes = 'x' where tenant_id = '${world.a1.id}'`)).rejects.toThrow(/read-only transaction/);
      await app.query('rollback');
    } finally {
      await app.end();
    }
  }, 30_000);

  it("with the standby's replay paused: the analyst reads its state, the curator the primary's; past the allowed lag the analyst reads the primary", async () => {
    // A commit the standby replays, then the replay stops: from now on the standby falls behind.
    await owner.query(`select txid_current()`);
    await caughtUp();
    await replicaAdmin!.query('select pg_wal_replay_pause()');
    // The pause is only requested by that call; replay stops a moment later (seen on a loaded
    // machine: the next commit was replayed before it took effect). Wait until it has.
    for (let tries = 0; (await replicaAdmin!.query<{ state: string }>('select pg_get_wal_replay_pause_state() as state')).rows[0].state !== 'paused'; tries++) {
      if (tries > 200) throw new Error('the standby did not pause its replay');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    try {
      await snapshot(world.a1, 95, 100);
      // Within 30 s of lag the analyst's comparison is the standby's: the old figure.
      await analyst.app.get(ReadReplica).refresh();
      expect(valuesOfA1(await comparisonOf(analyst))).toMatchObject({ numerator: 90 });
      // The curator of that school reads the primary: their own school's new figure at once.
      const own = await analyst.gql<{ indicatorValues: { code: string; numerator: number }[] }>(tokenFor('curator', world.a1.code), VALUES, { period: PERIOD });
      expect(own.errors).toBeUndefined();
      expect(own.data!.indicatorValues.find((v) => v.code === 'N1')).toMatchObject({ numerator: 95 });

      // An API that allows 300 ms of lag finds the standby lagging and reads the primary.
      const strict = await api({ DATABASE_READ_MAX_LAG_MS: '300' });
      await until('the standby to be more than 300 ms behind', async () => (await strict.app.get(ReadReplica).refresh()).status === 'lagging', 10_000);
      const before = await snapshotScans('replica');
      expect(valuesOfA1(await comparisonOf(strict))).toMatchObject({ numerator: 95 });
      expect(await snapshotScans('replica')).toBe(before);
      expect((await strict.http().get('/health')).body).toMatchObject({ status: 'ok', info: { replica: { state: 'lagging' } } });
    } finally {
      await replicaAdmin!.query('select pg_wal_replay_resume()');
    }
    // Replay resumed: the standby serves the new figure.
    await caughtUp();
    await analyst.app.get(ReadReplica).refresh();
    const before = await snapshotScans('replica');
    expect(valuesOfA1(await comparisonOf(analyst))).toMatchObject({ numerator: 95 });
    expect(await snapshotScans('replica')).toBeGreaterThan(before);
  }, 60_000);

  it("a regional report's data is loaded from the standby, and its file written on the primary", async () => {
    const requested = await analyst.gql<{ requestRegionReport: { id: string } }>(
      tokenFor('region-analyst', world.regionA.code),
      `mutation($period: String!, $id: ID) { requestRegionReport(period: $period, parentId: $id, codes: ["N1"]) { id } }`,
      { period: PERIOD, id: world.regionA.id },
    );
    expect(requested.errors).toBeUndefined();
    const reportId = requested.data!.requestRegionReport.id;
    // The worker's job, in a context of its own (nothing consumes the queue: the job runs here).
    @Module({ imports: [PlatformModule.forRoot(config()), QueueModule, ReportingWorkerModule] })
    class Worker {}
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(Worker, { logger: false });
    apps.push(worker);
    await worker.get(ReadReplica).refresh();
    const before = await snapshotScans('replica');
    const data = { scope: scope('region-analyst', world.regionA), reportId };
    expect(await runScopedJob(worker.get(TenantContext), data, () => worker.get(RenderReportJob).handle(data))).toMatchObject({ reportId, status: 'done' });
    expect(await snapshotScans('replica')).toBeGreaterThan(before);
    const { rows: [file] } = await owner.query(`select status, substring(file_bytes from 1 for 4) as head from report_files where id = $1`, [reportId]);
    expect(file).toEqual({ status: 'done', head: Buffer.from('%PDF') });
  }, 60_000);

  it('the standby stopped: the same comparison is answered by the primary at once', async () => {
    await replica!.stopServer();
    const primaryBefore = await snapshotScans('primary');
    const started = Date.now();
    // The replica may still count as usable (measured less than a second ago): the connection
    // refused, the operation reads the primary instead, and the replica is marked down.
    const comparison = await comparisonOf(analyst);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(valuesOfA1(comparison)).toMatchObject({ numerator: 95 });
    expect(comparison.total).toEqual({ numerator: 145, denominator: 200 });
    expect(await snapshotScans('primary')).toBeGreaterThan(primaryBefore);
    expect(analyst.app.get(ReadReplica).current().status).toBe('down');
    expect((await analyst.http().get('/health')).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' }, replica: { status: 'up', state: 'down' } } });
    const context = analyst.app.get(TenantContext);
    expect(await context.runInScope(scope('region-analyst', world.regionA), () => new WhereAmI(context).declared())).toMatchObject({ standby: false, readOnly: 'off' });
  }, 60_000);
});
