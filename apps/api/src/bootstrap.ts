import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { installTenantHttpHooks } from '@nastavnik/platform/http/tenant-http-hooks';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { AppModule } from './app.module';

/** Builds the API (used by main.ts and by the integration specs alike). */
export async function createApiApp(config?: AppConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ logger: false, bodyLimit: 8 * 1024 * 1024 /* a 5 MB spreadsheet as base64 in an import mutation */, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    bufferLogs: false,
  });
  // Before init: the hooks must wrap every route, GraphQL's included.
  installTenantHttpHooks(app.getHttpAdapter().getInstance(), app.get(TenantContext));
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
