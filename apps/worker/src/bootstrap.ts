import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { createRootLogger, NestLogger } from '@nastavnik/platform/logging/logger';
import { Metrics } from '@nastavnik/platform/metrics/metrics';
import { queueJobCounts, queueOldestWaiting } from '@nastavnik/platform/metrics/queue-metrics';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { DestinationStream } from 'pino';
import { WorkerModule } from './worker.module';

export type WorkerAppOptions = { logger?: false; logDestination?: DestinationStream };

/**
 * The worker: JSON log lines like the API's (each job's lines carry the id of the request that
 * queued it, and its scope's tenant and role), `/metrics` on WORKER_METRICS_PORT (job durations,
 * queue depths and lag, the pool).
 */
export async function createWorkerApp(config: AppConfig = loadConfig(), options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  // The logger exists before the application it logs for; it reads the context once there is one.
  const logs: { context?: TenantContext } = {};
  const logger = createRootLogger({ level: options.logger === false ? 'silent' : config.observability.logLevel }, () => logs.context?.current(), options.logDestination);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new NestLogger(logger) });
  logs.context = app.get(TenantContext);
  const metrics = app.get(Metrics);
  const queues = app.get(JobQueues);
  metrics.addScrapedGauge(queueJobCounts(queues));
  metrics.addScrapedGauge(queueOldestWaiting(queues));
  await metrics.serve(config.observability.workerMetricsPort);
  return app;
}
