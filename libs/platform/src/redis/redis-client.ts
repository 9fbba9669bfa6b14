import IORedis, { Cluster, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/app-config';

/** A connection to the product's Redis, whatever its topology: one server, a Sentinel group's master, or a Cluster. */
export type RedisClient = IORedis | Cluster;

export type RedisClientOptions = {
  /** Names the connection (`CLIENT SETNAME nastavnik:<name>`), so `CLIENT LIST` says who holds it. */
  name: string;
  /**
   * false (queues, workers): a command waits for Redis however long it takes — BullMQ requires
   * it (`maxRetriesPerRequest: null`) of every connection it may duplicate for its blocking reads.
   * true (rate limits): a command fails after one reconnection attempt, and the caller decides.
   */
  failFast?: boolean;
  /** Connect on the first command instead of at once. */
  lazyConnect?: boolean;
};

/**
 * The one place where the product opens a Redis connection (lint refuses `ioredis` imports of
 * values elsewhere in libs/ and apps/). BullMQ's queues and workers are handed such a client
 * (a worker duplicates it for its blocking connection, with the same options); the rate limits
 * and the health check use one too. The caller owns what it gets and quits it on shutdown.
 *
 * Keys that BullMQ's scripts touch together must be in one Cluster slot: that is the queue's
 * prefix (`queuePrefix` in queue/queues.ts), not the connection's business — and ioredis'
 * `keyPrefix` is never set, because BullMQ refuses it.
 */
export function createRedisClient(redis: RedisConfig, options: RedisClientOptions): RedisClient {
  const common: RedisOptions = {
    connectionName: `nastavnik:${options.name}`,
    maxRetriesPerRequest: options.failFast ? 1 : null,
    lazyConnect: options.lazyConnect ?? false,
  };
  switch (redis.mode) {
    case 'single':
      return new IORedis(redis.url, common);
    case 'sentinel':
      return new IORedis({
        ...common,
        sentinels: redis.sentinels,
        name: redis.sentinelName,
        sentinelPassword: redis.sentinelPassword,
        username: redis.username,
        password: redis.password,
        ...(redis.tls ? { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
      });
    case 'cluster': {
      const { lazyConnect, ...nodeOptions } = common;
      return new Cluster(redis.nodes, {
        lazyConnect,
        // Reads and writes on masters: BullMQ's scripts write, and a replica's copy may lag.
        scaleReads: 'master',
        redisOptions: { ...nodeOptions, username: redis.username, password: redis.password, ...(redis.tls ? { tls: {} } : {}) },
        // A managed cluster behind TLS announces names its certificate is for; resolve them as given.
        ...(redis.tls ? { dnsLookup: (address: string, callback: (error: null, address: string) => void) => callback(null, address) } : {}),
      });
    }
  }
}

/** Closes a client politely (QUIT), or at once if Redis does not answer. */
export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (client.status === 'end') return;
  await client.quit().catch(() => client.disconnect());
}
