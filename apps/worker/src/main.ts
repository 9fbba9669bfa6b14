import { Logger } from '@nestjs/common';
import { stopOnSignals } from '@nastavnik/platform/lifecycle/stop-on-signals';
import { createWorkerApp } from './bootstrap';

createWorkerApp()
  .then((app) => {
    new Logger('worker').log('worker started');
    // SIGTERM/SIGINT → close: each BullMQ worker stops taking jobs and finishes the active one.
    stopOnSignals(app, 'worker');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
