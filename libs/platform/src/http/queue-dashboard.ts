import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth.service';
import { ForbiddenException } from '../errors/app.exceptions';
import type { JobQueues } from '../queue/job-queues';
import { QUEUES } from '../queue/queues';
import type { TenantContext } from '../tenancy/tenant-context';
import { sendRefusal } from './refusal';
import { tenantStoreOf } from './tenant-http-hooks';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_SESSION_PATH = '/admin/queue-session';
export const QUEUE_DASHBOARD_COOKIE = 'nastavnik_queues';

/**
 * The dashboard's own pages: scripts and styles of its own origin only (its inline styles aside);
 * the rest of the API keeps `default-src 'none'`.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A page opened by the browser carries no `Authorization` header, so the dashboard takes the
 * platform admin's access token from a cookie that only the admin's own session call sets
 * (`POST /admin/queue-session` with the bearer token): HttpOnly, SameSite=Strict, Path=/admin/queues,
 * as long-lived as the token. The token is verified on every request exactly as a header's would be.
 */
export function dashboardTokenHeader(request: FastifyRequest): string | undefined {
  if (request.headers.authorization !== undefined) return undefined;
  if (!request.url.startsWith(`${QUEUE_DASHBOARD_PATH}/`) && request.url !== QUEUE_DASHBOARD_PATH) return undefined;
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE && value.length) return `Bearer ${value.join('=')}`;
  }
  return undefined;
}

/**
 * bull-board (issue 15) at /admin/queues for the platform admin only: every request is
 * authenticated by the API's own hook (header or the session cookie above), then refused with 403
 * unless the caller acts as platform admin. It sees every queue: waiting, active, failed jobs,
 * their data (ids and scopes, no personal data — jobs carry ids) and retries.
 */
export async function installQueueDashboard(fastify: FastifyInstance, options: { queues: JobQueues; auth: AuthService; context: TenantContext }): Promise<void> {
  const { queues, auth, context } = options;
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(queues.get(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Очереди заданий', locale: { lng: 'ru-RU' } } },
  });

  const adminOnly = async (request: FastifyRequest): Promise<void> => {
    // Authenticated already by the onRequest hook (memoised); this reads its result.
    const principal = await auth.authenticate(tenantStoreOf(request, context), request.headers);
    if (principal.role !== 'platform-admin') throw new ForbiddenException('Очереди заданий доступны только администратору платформы.');
  };

  await fastify.register(async (scope) => {
    scope.addHook('preHandler', async (request, reply) => {
      try {
        await adminOnly(request);
      } catch (error) {
        return sendRefusal(reply, error, 'rest');
      }
    });
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
      return payload;
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });

    scope.post(QUEUE_DASHBOARD_SESSION_PATH, async (request, reply) => {
      const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      reply.header('set-cookie', `${QUEUE_DASHBOARD_COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=3600${request.protocol === 'https' ? '; Secure' : ''}`);
      return reply.code(204).send();
    });
    scope.delete(QUEUE_DASHBOARD_SESSION_PATH, async (_request, reply) => {
      reply.header('set-cookie', `${QUEUE_DASHBOARD_COOKIE}=; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=0`);
      return reply.code(204).send();
    });
  });
}
