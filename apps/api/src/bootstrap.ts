import 'reflect-metadata';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService } from '@nastavnik/platform/auth/auth.service';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { GRAPHQL_PATH } from '@nastavnik/platform/graphql/graphql-options';
import { installRateLimits, limitRoutesPerAddress } from '@nastavnik/platform/http/rate-limits';
import { installQueueDashboard } from '@nastavnik/platform/http/queue-dashboard';
import { installRequestAuthentication } from '@nastavnik/platform/http/request-authentication';
import { DEFAULT_BODY_LIMIT } from '@nastavnik/platform/http/request-limits';
import { API_SECURITY_HEADERS } from '@nastavnik/platform/http/security-headers';
import { installTenantHttpHooks } from '@nastavnik/platform/http/tenant-http-hooks';
import { createRootLogger, NestLogger } from '@nastavnik/platform/logging/logger';
import { Metrics } from '@nastavnik/platform/metrics/metrics';
import { queueJobCounts, queueOldestWaiting } from '@nastavnik/platform/metrics/queue-metrics';
import { installRequestObservability, requestIdOf } from '@nastavnik/platform/http/request-observability';
import { ApiFastifyAdapter, installFastifyErrorAnswers } from '@nastavnik/platform/http/fastify-errors';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { DestinationStream } from 'pino';
import { LogController } from 'fastify';
import { AppModule } from './app.module';

export type ApiAppOptions = {
  /** `false`: no log lines at all (most specs). */
  logger?: false;
  /** Where the JSON log lines go instead of stdout (specs that read them). */
  logDestination?: DestinationStream;
};

/** Builds the API (used by main.ts and by the integration specs alike). */
export async function createApiApp(config: AppConfig = loadConfig(), options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  // The logger exists before the application it logs for; it reads the context once there is one.
  const logs: { context?: TenantContext } = {};
  const logger = createRootLogger({ level: options.logger === false ? 'silent' : config.observability.logLevel }, () => logs.context?.current(), options.logDestination);
  // `/graphql` has a smaller limit of its own (graphql-options.ts); this default leaves room for the import route's file.
  // Request lines are written by installRequestObservability (one per answer, with tenant and role), not by Fastify.
  const adapter = new ApiFastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestLogger(logger),
    bufferLogs: false,
  });
  // Before init, in this order: the hooks must wrap every route, GraphQL's included; the headers
  // go on every answer, refusals included; the limiters exist before the hook that counts failures.
  const fastify = app.getHttpAdapter().getInstance();
  const context = app.get(TenantContext);
  logs.context = context;
  const metrics = app.get(Metrics);
  installRequestObservability(fastify, { logger, context, metrics });
  installFastifyErrorAnswers(fastify);
  await app.register(helmet, API_SECURITY_HEADERS);
  await installRateLimits(fastify, config);
  // The one public route with a body and a database behind it: the questionnaire links anyone may open (`/q/<token>`).
  limitRoutesPerAddress(fastify, { name: 'questionnaire', prefixes: ['/q/'], max: config.rateLimits.questionnaire, windowMs: config.rateLimits.windowMs });
  installRequestAuthentication(fastify, { auth: app.get(AuthService), context, config, graphqlPath: GRAPHQL_PATH });
  installTenantHttpHooks(fastify, context);
  await installQueueDashboard(fastify, { queues: app.get(JobQueues), auth: app.get(AuthService), context });
  metrics.addScrapedGauge(queueJobCounts(app.get(JobQueues)));
  metrics.addScrapedGauge(queueOldestWaiting(app.get(JobQueues)));
  await app.init();
  await fastify.ready();
  await metrics.serve(config.observability.metricsPort);
  return app;
}
