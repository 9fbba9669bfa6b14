import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the running code carries through its awaits: the operation's store (TenantContext's) and
 * whether the code declared its reads replica-safe (`@ReadFromReplica()`). One AsyncLocalStorage
 * for both: on Node 20 every storage in use is copied onto every promise the process creates, and
 * a second one cost a curator's page ≈ 1,500 more property writes (issue 15).
 */
export type OperationFrame = { readonly store: unknown; readonly replicaRead: boolean };

const FRAMES = new AsyncLocalStorage<OperationFrame>();

export function currentFrame(): OperationFrame | undefined {
  return FRAMES.getStore();
}

/** Runs `fn` (and everything it awaits) in `frame`. */
export function runInFrame<T>(frame: OperationFrame, fn: () => T): T {
  return FRAMES.run(frame, fn);
}
