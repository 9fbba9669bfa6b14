import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service';
import type { AppConfig } from '../config/app-config';
import { UnauthenticatedException } from '../errors/app.exceptions';
import type { TenantContext } from '../tenancy/tenant-context';
import { enforceLimit, requestLimiter } from './rate-limits';
import { dashboardTokenHeader } from './queue-dashboard';
import { sendRefusal } from './refusal';
import { tenantStoreOf } from './tenant-http-hooks';

export type RequestAuthenticationOptions = {
  auth: AuthService;
  context: TenantContext;
  config: AppConfig;
  /** Requests to this path are refused in GraphQL's shape (`{ data: null, errors: [...] }`), others in the REST shape. */
  graphqlPath: string;
};

/**
 * Authenticates every request to a route that is not `@Public()` in an `onRequest` hook — before
 * its body is read, so that no one without a valid token gets a document parsed, validated or
 * cached, nor a body buffered. The result is memoised in the request's context store: the guard
 * and GraphQL's `preExecution` hook, which authenticate again, get it for nothing. Unknown paths
 * are left to the 404 handler.
 *
 * Invalid tokens are counted per source address; once an address has presented
 * `RATE_LIMIT_AUTH_FAILURES` of them in the window, its invalid tokens get 429 instead of 401 —
 * so a guesser learns nothing more for a while — while a valid token from the same address still
 * works: a school's whole computer lab sits behind one address, and one pupil's script (or a tab
 * with an expired token) must not lock the curator out. Checking a token's RS256 signature costs
 * tens of microseconds, less than the Redis round trip of the count. Requests without a token are
 * not counted: refusing them costs nothing.
 */
export function installRequestAuthentication(fastify: FastifyInstance, options: RequestAuthenticationOptions): void {
  const { auth, context, config, graphqlPath } = options;
  const failures = requestLimiter(fastify, config.rateLimits.authFailures, config.rateLimits.windowMs, (request) => `auth-failures:${normalizeIP(request.ip)}`);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.is404 || request.routeOptions.config.nastavnikPublic) return;
    const presentsToken = request.headers.authorization !== undefined || dashboardTokenHeader(request) !== undefined;
    try {
      // The queue dashboard's pages carry the admin's token in their session cookie (queue-dashboard.ts).
      const fromCookie = dashboardTokenHeader(request);
      await auth.authenticate(tenantStoreOf(request, context), fromCookie ? { ...request.headers, authorization: fromCookie } : request.headers);
    } catch (error) {
      let refusal = error;
      if (presentsToken && error instanceof UnauthenticatedException) {
        try {
          await enforceLimit(failures, request, { increment: true });
        } catch (limited) {
          refusal = limited;
        }
      }
      return sendRefusal(reply, refusal, request.routeOptions.url === graphqlPath ? 'graphql' : 'rest');
    }
  });
}
