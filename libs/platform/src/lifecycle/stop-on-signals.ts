import { type INestApplicationContext, Logger } from '@nestjs/common';

/**
 * SIGTERM or SIGINT: close the application — the API drains (readiness 503 for SHUTDOWN_DRAIN_MS),
 * stops accepting and answers what it accepted; the worker's BullMQ workers take no new job and
 * finish the active ones; pools close last — then exit 0 (1 if closing failed). A second signal
 * while closing exits at once.
 */
export function stopOnSignals(app: INestApplicationContext, name: string): void {
  const logger = new Logger(name);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again while stopping: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: stopping`);
    app.close().then(
      () => {
        logger.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
