import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Principal } from '../auth/principal';
import { REGION_TIME_ZONE } from '../calendar';
import { DB_ROLES } from '../database/db-roles';
import { TenantContextMissingError } from '../errors/app.exceptions';
import { Batches } from './batch';
import type { Scope } from './scope';

/** Everything one request or one job carries: who, in which scope, and its one transaction. */
export type ContextStore = {
  principal?: Principal;
  scope?: Scope;
  /** Memoised authentication of the request, so a token is verified once per request. */
  authentication?: Promise<Principal>;
  transaction?: Promise<QueryRunner>;
  /** Per-row lookups of this operation's field resolvers, batched (see batch.ts). */
  batches?: Batches;
  finished: boolean;
};

/**
 * The tenant context of the running operation (AsyncLocalStorage). Every query of a request or
 * a job goes through `manager()`, which opens — once, lazily — a transaction whose first
 * statement sets the scope with `set_config(…, true)`: transaction-local, so a pooled connection
 * never carries a scope into the next transaction. No scope ⇒ `manager()` throws (fail closed).
 * A platform admin's transaction also switches to the admin's database role (`role`, the same
 * way transaction-local; everyone else's runs as the connection's own role): the policies that
 * admit every school's personal data are granted to that role only (docs/adr/0010).
 */
@Injectable()
export class TenantContext {
  private readonly logger = new Logger(TenantContext.name);
  private readonly storage = new AsyncLocalStorage<ContextStore>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  newStore(): ContextStore {
    return { finished: false };
  }

  /** Runs `fn` (and everything it awaits) inside `store`. */
  enter<T>(store: ContextStore, fn: () => T): T {
    return this.storage.run(store, fn);
  }

  store(): ContextStore {
    const store = this.storage.getStore();
    if (!store) throw new TenantContextMissingError();
    return store;
  }

  get scope(): Scope {
    const scope = this.storage.getStore()?.scope;
    if (!scope) throw new TenantContextMissingError();
    return scope;
  }

  get principal(): Principal {
    const principal = this.storage.getStore()?.principal;
    if (!principal) throw new TenantContextMissingError();
    return principal;
  }

  /** The entity manager bound to this operation's scoped transaction. */
  async manager(): Promise<EntityManager> {
    const store = this.store();
    const scope = store.scope;
    if (!scope) throw new TenantContextMissingError();
    if (store.finished) throw new Error('The operation has already committed or rolled back its transaction');
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

  /** Commits (or rolls back) the store's transaction, if one was opened, and frees its connection. */
  async finish(store: ContextStore, commit: boolean): Promise<void> {
    if (store.finished) return;
    store.finished = true;
    const pending = store.transaction;
    store.transaction = undefined;
    if (!pending) return;
    const runner = await pending;
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } catch (error) {
      if (commit) throw error;
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
    const store: ContextStore = { scope, principal, finished: false };
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
      serialiseQueries(runner);
      // The scope rides with the transaction's first statement: one round trip, not two.
      appendToBegin(runner, scopeStatement(scope));
      await runner.startTransaction();
      return runner;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
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
 * transaction's `START TRANSACTION`, so its values are literals, quoted by pg's `escapeLiteral`
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
  return `select ${values.map(([name, value]) => `set_config('${name}', ${escapeLiteral(value)}, true)`).join(', ')}`;
}

/**
 * Appends `statement` to the `START TRANSACTION` that TypeORM's `startTransaction()` sends next
 * (once): both go to the server in one simple-protocol query, one round trip.
 */
function appendToBegin(runner: QueryRunner, statement: string): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let pending = true;
  runner.query = ((...args: unknown[]) => {
    if (pending && args[0] === 'START TRANSACTION' && args[1] === undefined) {
      pending = false;
      return query(`START TRANSACTION; ${statement}`);
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
