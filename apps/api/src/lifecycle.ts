import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';

/**
 * The API's stopping: on SIGTERM (Nest's shutdown hooks) readiness answers 503 at once while the
 * server still serves, for `SHUTDOWN_DRAIN_MS` — a load balancer's time to stop sending; then Nest
 * closes the server, and Fastify waits for the requests in flight before the pools close.
 */
@Injectable()
export class Lifecycle implements BeforeApplicationShutdown {
  draining = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    const ms = this.config.observability.shutdownDrainMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
