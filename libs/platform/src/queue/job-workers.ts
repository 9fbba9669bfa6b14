import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { closeRedisClient, createRedisClient, type RedisClient } from '../redis/redis-client';
import { TenantContext } from '../tenancy/tenant-context';
import { QUEUE_JOB_KEY, type QueueJobHandler, type QueueJobMetadata } from './queue-job.decorator';
import { type QueueName, queuePrefix } from './queues';
import { runScopedJob } from './scoped-job';

/**
 * Consumer side: discovers every `@QueueJob` provider and runs one BullMQ worker per queue that
 * has handlers. On shutdown each worker stops taking jobs and waits for the active one to finish;
 * a process killed outright leaves its job stalled, and BullMQ hands it to another worker.
 */
type RegisteredHandler = { handler: QueueJobHandler; runsAs: QueueJobMetadata['runsAs'] };

@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers: Worker[] = [];
  /** The workers' shared connection (each duplicates it for its blocking reads); closed after them. */
  private client?: RedisClient;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly context: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const byQueue = new Map<QueueName, Map<string, RegisteredHandler>>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as QueueJobHandler | undefined;
      const meta = wrapper.metatype ? (Reflect.getMetadata(QUEUE_JOB_KEY, wrapper.metatype) as QueueJobMetadata | undefined) : undefined;
      if (!meta || !instance) continue;
      const handlers = byQueue.get(meta.queue) ?? new Map<string, RegisteredHandler>();
      if (handlers.has(meta.name)) throw new Error(`Two handlers for job ${meta.queue}/${meta.name}`);
      handlers.set(meta.name, { handler: instance, runsAs: meta.runsAs });
      byQueue.set(meta.queue, handlers);
    }
    for (const [queue, handlers] of byQueue) {
      this.client ??= createRedisClient(this.config.redis, { name: 'workers' });
      const worker = new Worker(queue, (job: Job) => this.timed(queue, job, () => this.process(handlers, job)), {
        connection: this.client,
        prefix: queuePrefix(this.config.redis.prefix, queue),
        concurrency: 2,
        lockDuration: this.config.queueLockMs,
        stalledInterval: this.config.queueStalledCheckMs,
      });
      worker.on('failed', (job, error) => this.logger.warn(`job ${queue}/${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`worker ${queue}: ${error.message}`));
      this.workers.push(worker);
      this.logger.log(`queue "${queue}": ${[...handlers.keys()].join(', ')}`);
    }
  }

  /**
   * Runs a job inside a context store that carries its origin — the request that queued it, or
   * the job itself — so its log lines say where it came from, and times it for `/metrics`.
   */
  private async timed(queue: QueueName, job: Job, run: () => Promise<unknown>): Promise<unknown> {
    const queued = (job.data as { origin?: { requestId?: unknown } } | null)?.origin?.requestId;
    const requestId = typeof queued === 'string' ? queued : `job:${queue}:${job.id ?? '?'}`;
    const stop = this.metrics?.jobDuration.startTimer({ queue, job: job.name });
    try {
      const result = await this.context.enter({ ...this.context.newStore(), origin: { requestId } }, run);
      stop?.({ outcome: 'completed' });
      return result;
    } catch (error) {
      stop?.({ outcome: 'failed' });
      throw error;
    }
  }

  private process(handlers: Map<string, RegisteredHandler>, job: Job): Promise<unknown> {
    const registered = handlers.get(job.name);
    if (!registered) throw new Error(`No handler for job "${job.name}"`);
    const { handler, runsAs } = registered;
    if (runsAs === 'engine') return handler.handle(job.data, job);
    return runScopedJob(this.context, job.data, () => handler.handle(job.data, job));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    if (this.client) await closeRedisClient(this.client);
    this.client = undefined;
  }
}
