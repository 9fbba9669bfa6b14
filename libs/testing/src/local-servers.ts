import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Servers a spec starts for itself — Redis Cluster nodes, a Sentinel group — on free loopback
 * ports, in a temporary directory of their own, stopped and removed by `stop()` (which also
 * undoes a start that failed half-way). Debian's `redis-server` / `redis-cli`, as the machine's.
 */
export type LocalServers = {
  dir: string;
  stop(): Promise<void>;
};

export const run = promisify(execFile);

/** A port nobody listens on now (the kernel's pick; closed again at once). */
export async function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** Polls `check` until it holds; gives up after `timeoutMs`, or at once when `hopeless` names a reason. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100, hopeless?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    const reason = hopeless?.();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Child processes of one spec: started with their output in the directory, stopped with SIGTERM (SIGKILL after 5 s). */
class Children {
  private readonly children: ChildProcess[] = [];

  constructor(readonly dir: string) {}

  start(command: string, args: string[], log: string): ChildProcess {
    const out = openSync(join(this.dir, log), 'a');
    const child = spawn(command, args, { stdio: ['ignore', out, out] });
    closeSync(out);
    this.children.push(child);
    return child;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.children.splice(0).map((child) => stopChild(child)));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const redisCli = (port: number, ...args: string[]) => run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 });

/** A Redis Cluster of `masters` nodes (no replicas), created with `redis-cli --cluster create`. */
export async function startRedisCluster(masters = 3): Promise<LocalServers & { ports: number[]; nodes: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-redis-cluster-'));
  const children = new Children(dir);
  const stop = async () => {
    await children.stopAll();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Each node listens on a port and speaks the cluster bus on another; both chosen free.
    const ports = await freePorts(masters * 2);
    const clientPorts = ports.slice(0, masters);
    clientPorts.forEach((port, i) => {
      children.start(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-port', String(ports[masters + i]),
          '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '2000',
          '--dir', dir, '--save', '', '--appendonly', 'no'],
        `redis-${port}.log`,
      );
    });
    for (const port of clientPorts) await until(`redis-server on ${port}`, async () => (await redisCli(port, 'ping')).stdout.trim() === 'PONG', 10_000);
    await run('redis-cli', ['--cluster', 'create', ...clientPorts.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    for (const port of clientPorts) {
      await until(`cluster_state:ok on ${port}`, async () => /cluster_state:ok/.test((await redisCli(port, 'cluster', 'info')).stdout), 20_000);
    }
    return { dir, ports: clientPorts, nodes: clientPorts.map((port) => `127.0.0.1:${port}`).join(','), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A Redis master and one Sentinel watching it as `name` (quorum 1). */
export async function startRedisSentinel(name: string): Promise<LocalServers & { masterPort: number; sentinelPort: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-redis-sentinel-'));
  const children = new Children(dir);
  const stop = async () => {
    await children.stopAll();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [masterPort, sentinelPort] = await freePorts(2);
    children.start('redis-server', ['--port', String(masterPort), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], 'master.log');
    await until('the master', async () => (await redisCli(masterPort, 'ping')).stdout.trim() === 'PONG', 10_000);
    // A Sentinel rewrites its configuration file: it must be its own, writable.
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(conf, [`port ${sentinelPort}`, 'bind 127.0.0.1', `dir ${dir}`, `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`, `sentinel down-after-milliseconds ${name} 5000`, ''].join('\n'));
    children.start('redis-server', [conf, '--sentinel'], 'sentinel.log');
    await until('the Sentinel to know the master', async () => (await redisCli(sentinelPort, 'sentinel', 'get-master-addr-by-name', name)).stdout.includes(String(masterPort)), 10_000);
    return { dir, masterPort, sentinelPort, stop };
  } catch (error) {
    const logs = ['master.log', 'sentinel.log'].map((file) => { try { return readFileSync(join(dir, file), 'utf8'); } catch { return ''; } }).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** Slots of this helper are named so; a crashed run's (inactive, older than this) are dropped by the next run. */
const SLOT_PREFIX = 'nastavnik_spec_replica_';
const STALE_SLOT_SECONDS = 600;

export type StreamingReplica = LocalServers & {
  port: number;
  slot: string;
  /** `postgres://<role>@127.0.0.1:<replica port>/<database>` */
  url(role: string, database: string): string;
  /** Fast shutdown of the standby's postmaster (it can be removed afterwards). */
  stopServer(): Promise<void>;
};

/**
 * A hot standby of the local PostgreSQL server (the whole cluster: every database, role and
 * policy), streaming from it: `pg_basebackup -R -X stream -C -S <slot>` into a temporary
 * directory, a postmaster of its own on a free port started with `pg_ctl`, ready once its WAL
 * receiver streams. Run as the `postgres` OS user when this process is root (a postmaster
 * refuses root). `stop()` stops the standby, drops its replication slot on the primary (a slot
 * left behind would keep the primary's WAL forever) and removes the directory.
 *
 * Replication connections must be allowed from 127.0.0.1: when pg_hba.conf has no such rule, the
 * project's own idempotent set-up step adds one (`ensure_postgres_replication`, tools/scripts/lib.sh),
 * on the same terms as the server's other loopback connections.
 */
export async function startStreamingReplica(superuserUrl: string, query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>): Promise<StreamingReplica> {
  const root = join(__dirname, '..', '..', '..');
  const replicationRules = await query(`select count(*)::int as n from pg_hba_file_rules where error is null and 'replication' = any(database) and ((type = 'host' and address = '127.0.0.1') or type = 'local')`);
  if (replicationRules[0].n === 0) {
    await run('bash', ['-c', 'source tools/scripts/lib.sh && ensure_postgres_replication'], { cwd: root, timeout: 30_000, env: { ...process.env, POSTGRES_SUPERUSER_URL: superuserUrl } });
  }
  // A crashed run's slot: inactive, and older than any run.
  await query(
    `select pg_drop_replication_slot(slot_name) from pg_replication_slots
      where slot_name like $1 and not active and split_part(substr(slot_name, $2), '_', 1)::bigint < extract(epoch from now()) - $3`,
    [`${SLOT_PREFIX}%`, SLOT_PREFIX.length + 1, STALE_SLOT_SECONDS],
  );
  const [{ method }] = await query(`select coalesce((select auth_method from pg_hba_file_rules where error is null and type = 'host' and address = '127.0.0.1' and 'all' = any(database) order by line_number limit 1), 'trust') as method`);
  const settings = await query(
    `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction') order by name`,
  );

  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) } : null;
  const own = (path: string) => owner && chownSync(path, owner.uid, owner.gid);
  const dir = mkdtempSync(join(tmpdir(), 'nastavnik-replica-'));
  own(dir);
  const slot = `${SLOT_PREFIX}${Math.floor(Date.now() / 1000)}_${Math.random().toString(36).slice(2, 8)}`;
  const port = await freePort();
  const asPostgres = (command: string, args: string[], timeout: number) => run(join(PG_BIN, command), args, { ...(owner ?? {}), cwd: tmpdir(), timeout, env: { ...process.env, PGAPPNAME: 'nastavnik-spec-replica' } });
  let started = false;
  let slotMade = false;
  const stopServer = async () => {
    if (!started) return;
    await asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', '-w', '-t', '30', 'stop'], 40_000).catch(() => asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop'], 20_000).catch(() => undefined));
    started = false;
  };
  const stop = async () => {
    await stopServer();
    if (slotMade) {
      // The walsender of the stopped standby lets go of the slot a moment after.
      await until(`slot ${slot} inactive`, async () => (await query(`select coalesce(bool_or(active), false) as active from pg_replication_slots where slot_name = $1`, [slot]))[0].active === false, 15_000).catch(() => undefined);
      await query(`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1`, [slot]);
      slotMade = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primary = new URL(superuserUrl);
    const connection = `host=${primary.hostname} port=${primary.port || 5432} user=${decodeURIComponent(primary.username) || 'postgres'}`;
    // pg_hba.conf is reloaded asynchronously after the set-up step: try again for a few seconds.
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        slotMade = true; // -C creates the slot first; whatever happens next, stop() drops it if it exists
        await asPostgres('pg_basebackup', ['-d', connection, '-D', dir, '-R', '-X', 'stream', '-c', 'fast', '-C', '-S', slot], 120_000);
        break;
      } catch (error) {
        await query(`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active`, [slot]).catch(() => undefined);
        if (Date.now() > deadline || !/pg_hba|replication connection/.test(String((error as { stderr?: string }).stderr ?? error))) throw error;
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { mode: 0o700 });
        own(dir);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
    // The primary's configuration lives outside its data directory (Debian): the standby gets its
    // own — the settings a standby needs at least as high as its primary's, taken from it.
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'hot_standby = on',
      'shared_buffers = 32MB',
      `cluster_name = 'nastavnik-spec-replica'`,
      ...settings.map((s) => `${String(s.name)} = ${String(s.setting)}`),
      '',
    ].join('\n');
    writeFileSync(join(dir, 'postgresql.conf'), conf);
    writeFileSync(join(dir, 'pg_hba.conf'), `local all all ${String(method)}\nhost all all 127.0.0.1/32 ${String(method)}\n`);
    for (const file of ['postgresql.conf', 'pg_hba.conf']) own(join(dir, file));
    started = true;
    await asPostgres('pg_ctl', ['-D', dir, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start'], 70_000);
    return {
      dir,
      port,
      slot,
      url: (role, database) => `postgres://${role}@127.0.0.1:${port}/${database}`,
      stopServer,
      stop,
    };
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(join(dir, 'postgres.log'), 'utf8').slice(-4000);
    } catch {
      // no log yet
    }
    await stop().catch(() => undefined);
    throw new Error(`${(error as Error).message}${log ? `\n${log}` : ''}`);
  }
}
