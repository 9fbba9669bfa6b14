import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';

/** How long the stopping API waits for operations still running once its server has closed. */
export const OPERATIONS_WAIT_MS = 15_000;

/**
 * The API's stopping: on SIGTERM (Nest's shutdown hooks) readiness answers 503 at once while the
 * server still serves, for `SHUTDOWN_DRAIN_MS` — a load balancer's time to stop sending; then Nest
 * closes the server, and Fastify waits for the requests in flight. Then — before the pools close
 * (this module's shutdown hook runs before the data source's, which lives deeper) — it waits for
 * the operations still running whose callers went away: an aborted request is no longer one of the
 * server's connections, but its statements may still run and its rollback wait for them. Closing
 * the pool under them handed their busy connections back (a rollback never sent, the next
 * statement queued behind another operation's; seen in issue 15's soak).
 */
@Injectable()
export class Lifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('api');
  draining = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: TenantContext,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    const ms = this.config.observability.shutdownDrainMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  async onApplicationShutdown(): Promise<void> {
    const running = this.context.runningOperations;
    if (running === 0) return;
    this.logger.log(`waiting for ${running} operation(s) still running`);
    if (!(await this.context.whenIdle(OPERATIONS_WAIT_MS))) this.logger.warn(`${this.context.runningOperations} operation(s) still running after ${OPERATIONS_WAIT_MS} ms: closing the pools under them`);
  }
}
