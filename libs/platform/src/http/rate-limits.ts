import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { closeRedisClient, createRedisClient } from '../redis/redis-client';
import { RateLimitedException } from './rate-limited.exception';
import { sendRefusal } from './refusal';

/** A limiter of @fastify/rate-limit, counting whatever its key says (`createRateLimit`). */
export type RequestLimiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Where the counters live: by default under the environment's Redis prefix, so test runs and environments never share them. */
export function rateLimitNamespace(config: AppConfig): string {
  return config.rateLimits.namespace;
}

/**
 * Registers @fastify/rate-limit with its Redis store (every API replica counts together) and no
 * global limit: each limit is made where it applies, with `requestLimiter`. Redis unreachable ⇒
 * requests pass (`skipOnError`): a limit must not turn an outage of Redis into one of the API.
 */
export async function installRateLimits(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  // Unlike BullMQ's blocking reads, a rate-limit check gives up after one retry and lets the request through.
  // Each counter is one key (the store's script touches nothing else), so a cluster is no different.
  const redis = createRedisClient(config.redis, { name: 'rate-limits', failFast: true });
  fastify.addHook('onClose', async () => {
    await closeRedisClient(redis);
  });
  await fastify.register(fastifyRateLimit, { global: false, redis, nameSpace: rateLimitNamespace(config), skipOnError: true });
}

/**
 * A limiter keyed by what `key` returns for a request; none when `max` is 0. (@fastify/rate-limit
 * files such counters under `<namespace>undefinedundefined-<key>`: it names a limiter by the route
 * it was made for, and these were made for none.)
 */
export function requestLimiter(fastify: FastifyInstance, max: number, windowMs: number, key: (request: FastifyRequest) => string): RequestLimiter | undefined {
  if (max === 0) return undefined; // turned off
  return fastify.createRateLimit({ max, timeWindow: windowMs, keyGenerator: key, skipOnError: true });
}

/**
 * Counts one request against `limiter` (or only reads the count, `increment: false`) and throws
 * RATE_LIMITED once the count is past the limit — or, when only reading, once it has reached it.
 * No limiter (the limit is turned off): nothing to count.
 */
export async function enforceLimit(limiter: RequestLimiter | undefined, request: FastifyRequest, options: { increment: boolean }): Promise<void> {
  if (!limiter) return;
  const state = await limiter(request, { increment: options.increment });
  if (state.isAllowed) return;
  const exhausted = options.increment ? state.isExceeded : state.remaining <= 0;
  if (exhausted) throw new RateLimitedException(Math.max(1, state.ttlInSeconds));
}

export type PerAddressLimit = { name: string; prefixes: readonly string[]; max: number; windowMs: number };

/**
 * Limits the routes whose path starts with one of `prefixes` per source address (one count for
 * all of them and all methods), answering 429 in the REST shape past the limit. Call it before
 * the routes are registered: it adds an `onRequest` hook to each as it is.
 */
export function limitRoutesPerAddress(fastify: FastifyInstance, { name, prefixes, max, windowMs }: PerAddressLimit): void {
  if (max === 0) return; // turned off
  const limiter = requestLimiter(fastify, max, windowMs, (request) => `${name}:${normalizeIP(request.ip)}`);
  const hook: onRequestAsyncHookHandler = async (request, reply) => {
    try {
      await enforceLimit(limiter, request, { increment: true });
    } catch (error) {
      return sendRefusal(reply, error, 'rest');
    }
  };
  fastify.addHook('onRoute', (route) => {
    if (!prefixes.some((prefix) => route.url.startsWith(prefix))) return;
    route.onRequest = [...(Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : []), hook];
  });
}
