import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(config?: AppConfig, options: { logger?: false } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  // SIGTERM/SIGINT → close: each BullMQ worker stops taking jobs and finishes the active one.
  app.enableShutdownHooks();
  return app;
}
