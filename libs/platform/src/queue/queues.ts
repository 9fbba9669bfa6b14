/** Every BullMQ queue of the product, by name. */
export const QUEUES = {
  /** Recompute a tenant's or a region's indicators for a period. */
  indicators: 'indicators',
  /** Render PDF reports. */
  reports: 'reports',
  /** Produce federal statistical-form extracts. */
  extracts: 'extracts',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
