import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue, type QueueOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { closeRedisClient, createRedisClient, type RedisClient } from '../redis/redis-client';
import { TenantContext } from '../tenancy/tenant-context';
import { type QueueName, queuePrefix } from './queues';

/**
 * Producer side of BullMQ: one `Queue` per name, created on first use, each under its own
 * prefix with a hash tag (`queuePrefix`), all on one connection made by `createRedisClient`
 * (single server, Sentinel or Cluster: REDIS_MODE). Retries with exponential backoff are the
 * default of every job.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private client?: RedisClient;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: TenantContext,
  ) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.client ??= createRedisClient(this.config.redis, { name: 'queues' });
      queue = new OriginQueue(() => this.context.current()?.origin?.requestId, name, {
        connection: this.client,
        prefix: queuePrefix(this.config.redis.prefix, name),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  add<T extends object>(queue: QueueName, name: string, data: T, options?: JobsOptions) {
    return this.get(queue).add(name, data, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    // The queues were lent the connection; it is closed once they are.
    if (this.client) await closeRedisClient(this.client);
    this.client = undefined;
  }
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * A queue whose jobs, when queued while serving a request, carry that request's id (`origin`),
 * however they are added (`add` or `addBulk`), so a job's log lines lead back to the request.
 */
class OriginQueue extends Queue {
  constructor(
    private readonly requestId: () => string | undefined,
    name: string,
    options: QueueOptions,
  ) {
    super(name, options);
  }

  override add(name: string, data: unknown, options?: JobsOptions) {
    return super.add(name, this.carry(data), options);
  }

  override addBulk(jobs: Parameters<Queue['addBulk']>[0]) {
    return super.addBulk(jobs.map((job) => ({ ...job, data: this.carry(job.data) })));
  }

  private carry(data: unknown): unknown {
    const requestId = this.requestId();
    if (!requestId || typeof data !== 'object' || data === null || Array.isArray(data) || 'origin' in data) return data;
    return { ...data, origin: { requestId } };
  }
}
