import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { appDataSourceOptions } from './data-source-options';

/**
 * What the process last learnt of the replica:
 * - off: no DATABASE_READ_URL;
 * - unknown: not measured yet;
 * - ok: a hot standby `lagMs` behind the primary when measured (`at`);
 * - lagging: further behind than DATABASE_READ_MAX_LAG_MS;
 * - down: unreachable, or it failed a statement;
 * - not-standby: it answers but is not in recovery (a promoted ex-replica is not read: it no longer follows the primary).
 */
export type ReplicaStatus = 'off' | 'unknown' | 'ok' | 'lagging' | 'down' | 'not-standby';
export type ReplicaState = { status: ReplicaStatus; lagMs: number | null; at: number; error?: string };

/** A connection attempt to the replica gives up after this long, and the read goes to the primary. */
export const REPLICA_CONNECT_TIMEOUT_MS = 2000;

/**
 * The read replica (DATABASE_READ_URL): a hot standby of the primary, connected as the same app
 * role — the roles, policies and the `app` scope functions are the primary's, replayed — so row
 * security works there unchanged. `TenantContext` asks it for a connection when an operation
 * declared `@ReadFromReplica()` reads; it answers with one only while the replica is usable:
 *
 *   usable ⇔ status 'ok' and (lag when measured + time since the measurement) ≤ DATABASE_READ_MAX_LAG_MS,
 *
 * an upper bound of how stale a read can be. The lag is measured on demand, at most every
 * `checkEveryMs` (a quarter of the allowed lag, 50 ms – 1 s), in the background: a read never
 * waits for a measurement. The primary's flushed WAL position is read first; a replica that has
 * replayed past it is 0 ms behind at that moment; one that has not is as far behind as its last
 * replayed commit is old (`pg_last_xact_replay_timestamp`: an idle primary's first commit after
 * a long pause reads as a large lag until it is replayed — conservative, the primary serves the
 * reads meanwhile). A replica whose WAL receiver stopped falls behind the primary's position and
 * so ages out too. Unreachable (the connection refused or timed out) ⇒ 'down' until the next
 * measurement finds it again. Its pool is made on first use, so a replica that is down when the
 * process starts does not stop the start.
 */
@Injectable()
export class ReadReplica implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadReplica.name);
  private readonly url: string | null;
  private readonly maxLagMs: number;
  readonly checkEveryMs: number;
  private state: ReplicaState;
  private source?: Promise<DataSource>;
  private measuring?: Promise<ReplicaState>;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {
    this.url = config.readReplica.url;
    this.maxLagMs = config.readReplica.maxLagMs;
    this.checkEveryMs = Math.min(1000, Math.max(50, Math.floor(this.maxLagMs / 4)));
    this.state = { status: this.url ? 'unknown' : 'off', lagMs: null, at: 0 };
  }

  get configured(): boolean {
    return this.url !== null;
  }

  /** The last measurement (the health route shows it). */
  current(): ReplicaState {
    return { ...this.state };
  }

  onApplicationBootstrap(): void {
    if (this.configured) void this.refresh();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.measuring?.catch(() => undefined);
    const source = await this.source?.catch(() => undefined);
    if (source?.isInitialized) await source.destroy();
    this.source = undefined;
  }

  /** Whether a read may go to the replica now; starts a measurement when the last one is due. */
  usable(now = Date.now()): boolean {
    if (!this.configured || this.closed) return false;
    if (now - this.state.at >= this.checkEveryMs) void this.refresh();
    return this.state.status === 'ok' && (this.state.lagMs ?? Infinity) + (now - this.state.at) <= this.maxLagMs;
  }

  /**
   * A connected query runner on the replica, or null when it is not usable or cannot be
   * reached now (the caller reads from the primary instead).
   */
  async connect(): Promise<QueryRunner | null> {
    if (!this.usable()) return null;
    let runner: QueryRunner | undefined;
    try {
      runner = (await this.dataSource()).createQueryRunner();
      await runner.connect();
      return runner;
    } catch (error) {
      await runner?.release().catch(() => undefined);
      this.failed(error);
      return null;
    }
  }

  /** Marks the replica down after a failure (the next measurement looks again). */
  failed(error: unknown): void {
    const message = (error as Error)?.message ?? String(error);
    if (this.state.status !== 'down') this.logger.warn(`read replica unusable, reading from the primary: ${message}`);
    this.state = { status: 'down', lagMs: null, at: Date.now(), error: message };
  }

  /** Measures now (one measurement at a time; callers share it). */
  refresh(): Promise<ReplicaState> {
    if (!this.configured) return Promise.resolve(this.current());
    this.measuring ??= this.measure().finally(() => (this.measuring = undefined));
    return this.measuring;
  }

  private async measure(): Promise<ReplicaState> {
    const at = Date.now();
    let next: ReplicaState;
    try {
      const [{ lsn }] = await this.primary.query<{ lsn: string }[]>('select pg_current_wal_flush_lsn()::text as lsn');
      const [row] = await (await this.dataSource()).query<{ standby: boolean; caught_up: boolean | null; behind_ms: number | null }[]>(
        `select pg_is_in_recovery() as standby,
                pg_last_wal_replay_lsn() >= $1::pg_lsn as caught_up,
                (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as behind_ms`,
        [lsn],
      );
      if (!row.standby) next = { status: 'not-standby', lagMs: null, at, error: 'the replica is not in recovery (promoted?)' };
      else {
        const lagMs = row.caught_up ? 0 : Math.max(0, row.behind_ms ?? Infinity);
        next = { status: lagMs <= this.maxLagMs ? 'ok' : 'lagging', lagMs, at };
      }
    } catch (error) {
      next = { status: 'down', lagMs: null, at, error: (error as Error).message };
    }
    if (next.status !== this.state.status && next.status !== 'ok') this.logger.warn(`read replica ${next.status}${next.error ? `: ${next.error}` : ''}; reads go to the primary`);
    if (next.status === 'ok' && this.state.status !== 'ok' && this.state.status !== 'unknown') this.logger.log('read replica usable again');
    // A measurement that started before a failure was recorded does not overwrite it.
    if (next.at >= this.state.at) this.state = next;
    return this.current();
  }

  /** The replica's pool: the app role's options on DATABASE_READ_URL, made (and remade after a failed start) on demand. */
  private dataSource(): Promise<DataSource> {
    if (this.closed) return Promise.reject(new Error('the read replica is closed'));
    this.source ??= (async () => {
      const options = appDataSourceOptions(this.config, this.url ?? '');
      const source = new DataSource({
        ...options,
        // The entities the primary's pool knows (TypeORM's find/query builder work on both).
        entities: this.primary.entityMetadatas.map((metadata) => metadata.target).filter((target) => typeof target === 'function'),
        // A standby cannot create extensions; the primary has them, and the standby replays them.
        installExtensions: false,
        connectTimeoutMS: REPLICA_CONNECT_TIMEOUT_MS,
        applicationName: 'nastavnik-read',
        extra: { ...options.extra, application_name: 'nastavnik-read', connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS },
      });
      try {
        await source.initialize();
        return source;
      } catch (error) {
        this.source = undefined;
        if (source.isInitialized) await source.destroy().catch(() => undefined);
        throw error;
      }
    })();
    return this.source;
  }
}
