import { currentFrame, runInFrame } from './operation-frame';

/**
 * Whether the running code declared its reads replica-safe: true while a method marked
 * `@ReadFromReplica()` runs (and whatever it awaits). TenantContext reads it in `manager()`; its
 * `enter` and `runInScope` start a frame without it, so it never reaches another operation's
 * transaction (a job's progress write from inside a replica read opens its own transaction: on the
 * primary).
 */
export function replicaReadDeclared(): boolean {
  return currentFrame()?.replicaRead === true;
}

/** Runs `fn` with its reads declared replica-safe, in the running operation. */
export function readingFromReplica<T>(fn: () => T): T {
  return runInFrame({ store: currentFrame()?.store, replicaRead: true }, fn);
}

/**
 * Declares a method's reads replica-safe: the queries it runs through `TenantContext.manager()`
 * may be served by the read replica (DATABASE_READ_URL), in a read-only transaction of their own
 * under the same scope. Declared on the analysts' and officials' reads — comparisons, trends and
 * dashboard values (`IndicatorQueryService`), and the data of regional reports and extracts
 * (`ReportDataService`) — never on a method that writes: the replica's transaction is READ ONLY,
 * and a write there fails.
 *
 * Whether a declared read actually goes to the replica is TenantContext's decision, per operation:
 * only for the roles that write nothing they then read back (region analyst, ministry official:
 * `REPLICA_READERS`) — a curator's and the admin's reads stay on the primary (read-your-writes) —
 * and only while the replica is usable (`ReadReplica.usable`: reachable, a standby, behind by no
 * more than DATABASE_READ_MAX_LAG_MS). Otherwise the same queries run in the operation's
 * transaction on the primary, as if undeclared.
 */
export function ReadFromReplica(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original: unknown = descriptor.value;
    if (typeof original !== 'function') throw new Error('@ReadFromReplica() marks methods');
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      return readingFromReplica(() => original.apply(this, args));
    };
    // Keep what other decorators attached to the method (Nest's metadata lives on the function).
    for (const key of Reflect.getMetadataKeys?.(original) ?? []) Reflect.defineMetadata(key, Reflect.getMetadata(key, original), wrapped);
    Object.defineProperty(wrapped, 'name', { value: original.name });
    descriptor.value = wrapped;
    return descriptor;
  };
}
