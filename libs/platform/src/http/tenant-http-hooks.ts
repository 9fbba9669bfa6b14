import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ContextStore, TenantContext } from '../tenancy/tenant-context';

const STORE = Symbol('nastavnik.tenantStore');
type WithStore = FastifyRequest & { [STORE]?: ContextStore };

/** The request's context store, created on first use. */
export function tenantStoreOf(request: FastifyRequest, context: TenantContext): ContextStore {
  const carrier = request as WithStore;
  carrier[STORE] ??= { ...context.newStore(), origin: { requestId: String(request.id), address: request.ip } };
  return carrier[STORE];
}

/**
 * Binds each HTTP request to its own tenant context: entered after body parsing (so the
 * AsyncLocalStorage context survives into the handler), and — as a safety net — any transaction
 * still open when the response has gone out is rolled back and its connection released.
 */
export function installTenantHttpHooks(fastify: FastifyInstance, context: TenantContext): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    context.enter(tenantStoreOf(request, context), done);
  });
  const release = async (request: FastifyRequest): Promise<void> => {
    const store = (request as WithStore)[STORE];
    if (store && !store.finished) await context.finish(store, false);
  };
  fastify.addHook('onResponse', async (request) => release(request));
  fastify.addHook('onRequestAbort', async (request) => release(request));
}
