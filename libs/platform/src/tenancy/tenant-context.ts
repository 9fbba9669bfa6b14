import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { Principal } from '../auth/principal';
import { REGION_TIME_ZONE } from '../calendar';
import { DB_ROLES } from '../database/db-roles';
import { EntityReader, type ReadOrder } from '../database/entity-reader';
import { ReadReplica } from '../database/read-replica';
import { sqlLiteral } from '../database/sql-literal';
import { TenantContextMissingError } from '../errors/app.exceptions';
import type { JournalEvent } from '../personal-data/journal-event';
import { journalStatement } from '../personal-data/journal-writer';
import { Batches, groupBy } from './batch';
import { currentFrame, runInFrame } from './operation-frame';
import { replicaReadDeclared } from './read-from-replica';
import type { Scope } from './scope';

/**
 * The roles whose declared reads (`@ReadFromReplica()`) may be served by the read replica: they
 * read aggregates and write nothing they read back. Everyone else reads where they write — the
 * primary — so a curator sees their own edit at once (read-your-writes).
 */
export const REPLICA_READERS: ReadonlySet<Scope['role']> = new Set(['region-analyst', 'ministry-official']);

/** Everything one request or one job carries: who, in which scope, and its one transaction. */
export type ContextStore = {
  /**
   * Where the operation came from: the HTTP request's id (the `x-request-id` the caller sent when
   * it is a plain token, else one of ours) and source address; for a job, the id of the request
   * that queued it. Logs, the access journal and queued jobs carry it.
   */
  origin?: { requestId: string; address?: string };
  principal?: Principal;
  scope?: Scope;
  /** Memoised authentication of the request, so a token is verified once per request. */
  authentication?: Promise<Principal>;
  transaction?: Promise<QueryRunner>;
  /**
   * The operation's read-only transaction on the read replica, opened by its first declared
   * read (`@ReadFromReplica()`); null when the replica could not serve it (those reads use
   * `transaction`, on the primary).
   */
  replicaTransaction?: Promise<QueryRunner | null>;
  /** Per-row lookups of this operation's field resolvers, batched (see batch.ts). */
  batches?: Batches;
  /** Row counts of lists this operation is paging, by the list and its filter (`TenantContext.shareTotal`). */
  totals?: Map<string, Promise<number | null>>;
  /** Access-journal events of this operation, written in its transaction just before it commits (personal-data/journal.ts). */
  journal?: JournalEvent[];
  finished: boolean;
};

/**
 * The running operation's store, if any. One storage (operation-frame.ts) for every TenantContext
 * of the process, so that code without one (the journal) finds the running operation.
 */
export function activeStore(): ContextStore | undefined {
  return currentFrame()?.store as ContextStore | undefined;
}

/**
 * The tenant context of the running operation (AsyncLocalStorage). Every query of a request or
 * a job goes through `manager()`, which opens — once, lazily — a transaction whose first
 * statement sets the scope with `set_config(…, true)`: transaction-local, so a pooled connection
 * never carries a scope into the next transaction. No scope ⇒ `manager()` throws (fail closed).
 * A platform admin's transaction also switches to the admin's database role (`role`, the same
 * way transaction-local; everyone else's runs as the connection's own role): the policies that
 * admit every school's personal data are granted to that role only (docs/adr/0010).
 *
 * Reads declared `@ReadFromReplica()` by an analyst or an official (`REPLICA_READERS`) go to a
 * second transaction of the operation, READ ONLY, on the read replica (`ReadReplica`), opened the
 * same way with the same scope statement — the standby has the same roles and policies; when the
 * replica is off, lagging or unreachable they run in the primary transaction as if undeclared.
 * Writes only ever go to the primary transaction.
 */
@Injectable()
export class TenantContext {
  private readonly logger = new Logger(TenantContext.name);
  /** Operations with a transaction opened and not yet finished (committed or rolled back, connection released). */
  private readonly running = new Set<ContextStore>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  newStore(): ContextStore {
    return { finished: false };
  }

  /** Runs `fn` (and everything it awaits) inside `store`; a replica declaration of the caller does not come along. */
  enter<T>(store: ContextStore, fn: () => T): T {
    return runInFrame({ store, replicaRead: false }, fn);
  }

  /** The running operation's store, if any — for log lines; everything else uses `store()`, which fails closed. */
  current(): ContextStore | undefined {
    return activeStore();
  }

  store(): ContextStore {
    const store = activeStore();
    if (!store) throw new TenantContextMissingError();
    return store;
  }

  get scope(): Scope {
    const scope = activeStore()?.scope;
    if (!scope) throw new TenantContextMissingError();
    return scope;
  }

  get principal(): Principal {
    const principal = activeStore()?.principal;
    if (!principal) throw new TenantContextMissingError();
    return principal;
  }

  /** The entity manager bound to this operation's scoped transaction. */
  async manager(): Promise<EntityManager> {
    const store = this.store();
    const scope = store.scope;
    if (!scope) throw new TenantContextMissingError();
    if (store.finished) throw new Error('The operation has already committed or rolled back its transaction');
    this.running.add(store);
    if (replicaReadDeclared() && REPLICA_READERS.has(scope.role) && this.replica.configured) {
      store.replicaTransaction ??= this.openOnReplica(scope);
      const runner = await store.replicaTransaction;
      if (runner) return runner.manager;
    }
    store.transaction ??= this.open(scope);
    return (await store.transaction).manager;
  }

  /**
   * Loads `key` together with every other key asked for under `name` in this tick of the
   * operation — one `fetch` for a whole page of a list's field resolvers. Runs in the scope.
   */
  batch<K, V>(name: string, key: K, fetch: (keys: K[]) => Promise<Map<K, V>>, empty: V): Promise<V> {
    const store = this.store();
    store.batches ??= new Batches();
    return store.batches.load(name, key, fetch, empty);
  }

  /**
   * The rows of `target` whose `key` is `value`, in `order` (then by primary key), as entities: a
   * field resolver's one-to-many lookup. The calls of one tick — a page's rows — are one statement
   * (`batch`), read by the entity's EntityReader rather than TypeORM's query builder.
   */
  rowsByKey<T extends ObjectLiteral>(target: EntityTarget<T>, key: keyof T & string, value: unknown, order: ReadOrder<T>): Promise<T[]> {
    const name = `rows ${typeof target === 'function' ? target.name : String(target)}.${key} ${order.map((o) => o.join(' ')).join(',')}`;
    return this.batch(name, value, async (values) => {
      const manager = await this.manager();
      const rows = await EntityReader.of(manager, target).byKeys(manager, key, values, order);
      return groupBy(rows, (row) => row[key] as unknown);
    }, [] as T[]);
  }

  /**
   * A list's page that counts its filter's rows in its own statement (`pageOf`'s `withTotal`)
   * shares that count with the same operation's count of the same list and filter (the console asks
   * `all…` and `_all…Meta` in one request), which then sends no COUNT of its own. The list calls
   * this before its first await and settles what it returns — null when it has no count (an empty
   * page, a failure) — whatever happens.
   */
  shareTotal(key: string): (total: number | null) => void {
    let settle: (total: number | null) => void = () => undefined;
    const total = new Promise<number | null>((resolve) => (settle = resolve));
    (this.store().totals ??= new Map()).set(key, total);
    return settle;
  }

  /**
   * The count a list of this operation shares under `key`, or null. Waits until the resolvers
   * started with this one have begun (GraphQL starts sibling fields in the same tick, as batch.ts
   * relies on), so a list asked beside the count is found whichever of the two starts first.
   */
  async sharedTotal(key: string): Promise<number | null> {
    const store = this.store();
    await new Promise<void>((resolve) => process.nextTick(resolve));
    return (await store.totals?.get(key)) ?? null;
  }

  /**
   * Resolves true once no operation has a transaction open, or false after `timeoutMs`. The API's
   * shutdown waits for it before the pools close: an operation whose caller went away (its request
   * aborted) is no longer among the server's connections, yet its statements may still be running
   * and its rollback waiting for them (apps/api/src/lifecycle.ts).
   */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** How many operations have a transaction open. */
  get runningOperations(): number {
    return this.running.size;
  }

  /** Commits (or rolls back) the store's transaction, if one was opened, and frees its connection. */
  async finish(store: ContextStore, commit: boolean): Promise<void> {
    if (store.finished) return;
    try {
      await this.finishTransactions(store, commit);
    } finally {
      this.running.delete(store);
      if (this.running.size === 0 && this.idleWaiters.length) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  private async finishTransactions(store: ContextStore, commit: boolean): Promise<void> {
    const events = commit ? (store.journal ?? []) : [];
    store.journal = [];
    // An operation that journaled something commits on the primary, even if it only read elsewhere.
    if (events.length && store.scope) store.transaction ??= this.open(store.scope);
    store.finished = true;
    const pending = store.transaction;
    const replicaPending = store.replicaTransaction;
    store.transaction = undefined;
    store.replicaTransaction = undefined;
    if (replicaPending) await this.finishOnReplica(replicaPending);
    if (!pending) return;
    const runner = await pending;
    try {
      if (commit) {
        // The access journal rides with the COMMIT, in the same transaction and round trip: if its
        // statement fails, COMMIT never runs (personal-data/journal-writer.ts).
        if (events.length && store.scope) appendToCommit(runner, journalStatement(store.scope, store.principal, store.origin, events));
        await runner.commitTransaction();
      } else await runner.rollbackTransaction();
    } catch (error) {
      if (commit) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      this.logger.error(`rollback failed: ${(error as Error).message}`);
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `work` under `scope` in one transaction: committed when it resolves, rolled back when it
   * throws. Jobs and command-line tools use this; requests get the same through the HTTP hooks.
   */
  async runInScope<T>(scope: Scope, work: () => Promise<T>, principal?: Principal): Promise<T> {
    // A job keeps the origin (request id) its worker entered it with.
    const store: ContextStore = { scope, principal, origin: activeStore()?.origin, finished: false };
    return this.enter(store, async () => {
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await this.finish(store, false);
        throw error;
      }
      await this.finish(store, true);
      return result;
    });
  }

  private async open(scope: Scope): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await begin(runner, scope, 'START TRANSACTION');
      return runner;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  /** A READ ONLY transaction under `scope` on the replica, or null (the reads then go to the primary). */
  private async openOnReplica(scope: Scope): Promise<QueryRunner | null> {
    const runner = await this.replica.connect();
    if (!runner) return null;
    try {
      await begin(runner, scope, 'START TRANSACTION READ ONLY');
      // A replica that goes away mid-operation fails that operation's statement; the next
      // operations read from the primary without waiting for the next measurement.
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = ((...args: unknown[]) =>
        query(...args).catch((error: unknown) => {
          if (isConnectionFailure(error)) this.replica.failed(error);
          throw error;
        })) as QueryRunner['query'];
      return runner;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
      this.replica.failed(error);
      return null;
    }
  }

  /**
   * Ends the replica transaction. It only read, so committing and rolling back are the same, and a
   * replica that went away meanwhile (what was read was read) does not fail the operation.
   */
  private async finishOnReplica(pending: Promise<QueryRunner | null>): Promise<void> {
    const runner = await pending.catch(() => null);
    if (!runner) return;
    try {
      await runner.rollbackTransaction();
    } catch (error) {
      this.replica.failed(error);
    } finally {
      await runner.release().catch(() => undefined);
    }
  }
}

/** The database role a scope's transaction runs as: 'none' is the connection's own. */
export function databaseRoleOf(scope: Scope): string {
  return scope.role === 'platform-admin' ? DB_ROLES.platformAdmin : 'none';
}

/**
 * The statement that sets a scope, transaction-locally: `app.*` for the policies, the region's
 * time zone, and the database role (ADR 0010). Sent in one simple-protocol query with the
 * transaction's `START TRANSACTION`, so its values are literals, quoted by `sqlLiteral` (as pg's `escapeLiteral` quotes)
 * (quotes doubled; a value with a backslash becomes an E'' string with the backslash doubled).
 */
export function scopeStatement(scope: Scope): string {
  const values: [string, string][] = [
    ['app.role', scope.role],
    ['app.tenant_id', scope.tenantId ?? ''],
    ['app.tenant_path', scope.tenantPath ?? ''],
    ['app.all_tenants', scope.allTenants ? 'on' : ''],
    ['app.actor', scope.actor],
    ['timezone', REGION_TIME_ZONE],
    ['role', databaseRoleOf(scope)],
  ];
  return `select ${values.map(([name, value]) => `set_config('${name}', ${sqlLiteral(value)}, true)`).join(', ')}`;
}

/** The server went away or refuses work (SQLSTATE classes 08 and 57P0x), or the socket did. */
function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string') return code.startsWith('08') || /^57P0[1-3]$/.test(code) || /^E(CONNRESET|CONNREFUSED|PIPE|TIMEDOUT)$/.test(code);
  return typeof e?.message === 'string' && /connection|terminated/i.test(e.message);
}

/** Starts the runner's transaction with `start` and the scope statement in one round trip; its queries queue. */
async function begin(runner: QueryRunner, scope: Scope, start: 'START TRANSACTION' | 'START TRANSACTION READ ONLY'): Promise<void> {
  serialiseQueries(runner);
  // The scope rides with the transaction's first statement: one round trip, not two.
  appendToBegin(runner, start, scopeStatement(scope));
  await runner.startTransaction();
}

/**
 * Replaces the `START TRANSACTION` that TypeORM's `startTransaction()` sends next (once) with
 * `start; statement`: both go to the server in one simple-protocol query, one round trip.
 */
function appendToBegin(runner: QueryRunner, start: string, statement: string): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let pending = true;
  runner.query = ((...args: unknown[]) => {
    if (pending && args[0] === 'START TRANSACTION' && args[1] === undefined) {
      pending = false;
      return query(`${start}; ${statement}`);
    }
    return query(...args);
  }) as QueryRunner['query'];
}

/** Sends `statement` in one simple-protocol query with the next `COMMIT` of the runner (once). */
function appendToCommit(runner: QueryRunner, statement: string): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let pending = true;
  runner.query = ((...args: unknown[]) => {
    if (pending && args[0] === 'COMMIT' && args[1] === undefined) {
      pending = false;
      return query(`${statement}; COMMIT`);
    }
    return query(...args);
  }) as QueryRunner['query'];
}

/**
 * GraphQL resolves sibling fields concurrently, and all of them share the operation's one
 * connection; a pg client must not be handed a query while another runs, so queries queue here.
 */
function serialiseQueries(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const result = tail.then(() => query(...args));
    tail = result.catch(() => undefined);
    return result;
  }) as QueryRunner['query'];
}
