/** Every BullMQ queue of the product, by name. */
export const QUEUES = {
  /** Recompute a tenant's or a region's indicators for a period. */
  indicators: 'indicators',
  /** Render PDF reports. */
  reports: 'reports',
  /** Produce federal statistical-form extracts. */
  extracts: 'extracts',
  /** De-identify a person when their erasure's undo window ends (issue 14, docs/adr/0025). */
  privacy: 'privacy',
  /** Send e-mail notifications from the outbox (libs/notifications). */
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * The BullMQ key prefix of `queue`: the environment's prefix, then the queue's name as a Redis
 * Cluster hash tag. BullMQ's scripts touch several keys of a queue at once, which a cluster allows
 * only within one hash slot; the slot of a key with `{…}` in it is the slot of what is between the
 * braces (BullMQ's guide, "Redis Cluster": a prefix in braces, a different one per queue so that the
 * queues spread over the nodes). So every key of a queue is in one slot, each queue in its own:
 * `nastavnik:{indicators}:indicators:wait`. Every key of an environment still starts with
 * `<REDIS_PREFIX>:`. On one server the braces are just characters.
 */
export function queuePrefix(prefix: string, queue: QueueName): string {
  return `${prefix}:{${queue}}`;
}
