import { randomBytes } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { createRedisClient } from '@nastavnik/platform/redis/redis-client';
import { NotificationsWorkerModule } from '@nastavnik/notifications/notifications.module';
import { LocalMailServer } from '@nastavnik/notifications/local-mail-server';
import { freePorts, until } from '@nastavnik/testing/local-servers';
import { deleteKeysWithPrefix, scratchDatabase, type ScratchDatabase } from '@nastavnik/testing/scratch';
import { TestDb, testConfig } from '@nastavnik/testing/test-context';
import { readTestEnv, type TestEnv } from '@nastavnik/testing/test-env';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { TestApi } from './test-api';

/**
 * The world of the notification specs: a database of their own (the outbox's relay takes every
 * school's due rows, so two specs sharing a database would send each other's messages), a Redis
 * prefix of their own, a real SMTP server (maildev) on free ports, the real API, and workers
 * started in-process on demand (or as processes, by the spec that kills one).
 */
export class NotificationsWorld {
  readonly contexts: INestApplicationContext[] = [];

  private constructor(
    readonly env: TestEnv,
    readonly database: ScratchDatabase,
    readonly overrides: Record<string, string>,
    readonly config: AppConfig,
    readonly mail: LocalMailServer,
    readonly api: TestApi,
    readonly db: TestDb,
    readonly build: QuestionnaireBuilders,
  ) {}

  static async start(tag: string, extra: Record<string, string> = {}): Promise<NotificationsWorld> {
    const env = readTestEnv();
    const database = scratchDatabase(env, tag);
    await database.create();
    await database.migrate();
    const [smtpPort, webPort] = await freePorts(2);
    const overrides = {
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      INDICATORS_DATABASE_URL: database.indicatorsUrl,
      REDIS_PREFIX: `${env.redisPrefix}-${tag}-${randomBytes(3).toString('hex')}`,
      SMTP_PORT: String(smtpPort),
      NOTIFICATIONS_RELAY_MS: '200',
      NOTIFICATIONS_RETRY_BASE_MS: '300',
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
      ...extra,
    };
    const config = testConfig(env, overrides);
    const mail = new LocalMailServer(smtpPort, webPort);
    await mail.start();
    const api = await TestApi.start(config);
    const db = new TestDb({ ...env, ownerUrl: database.ownerUrl });
    return new NotificationsWorld(env, database, overrides, config, mail, api, db, new QuestionnaireBuilders(db.owner));
  }

  /** A worker with the notification jobs only, in this process (and `also`: modules that provide the lib's ports, docs/adr/0038). */
  async startWorker(also: (new () => unknown)[] = []): Promise<INestApplicationContext> {
    const config = this.config;
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, NotificationsWorkerModule, ...also, QueueWorkersModule] })
    class NotificationsTestWorker {}
    const app = await NestFactory.createApplicationContext(NotificationsTestWorker, { logger: process.env.NOTIFICATIONS_TEST_LOG ? ['error', 'warn', 'log'] : false });
    await app.init();
    this.contexts.push(app);
    return app;
  }

  async stopWorkers(): Promise<void> {
    for (let context = this.contexts.pop(); context; context = this.contexts.pop()) await context.close();
  }

  /** Outbox rows of a school by status. */
  async statuses(tenantId: string): Promise<Record<string, number>> {
    const { rows } = await this.db.owner.query<{ status: string; n: number }>(`select status, count(*)::int as n from notifications where tenant_id = $1 group by status`, [tenantId]);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    await until(what, check, timeoutMs, 100);
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await this.api.close();
    await this.db.close();
    await this.mail.close();
    const redis = createRedisClient(this.config.redis, { name: 'cleanup' });
    await deleteKeysWithPrefix(redis, this.overrides.REDIS_PREFIX).catch(() => 0);
    redis.disconnect();
    await this.database.drop();
  }
}
