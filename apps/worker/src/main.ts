import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap';

createWorkerApp()
  .then(() => new Logger('worker').log('worker started'))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
