import { Logger } from '@nestjs/common';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { stopOnSignals } from '@nastavnik/platform/lifecycle/stop-on-signals';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  new Logger('api').log(`GraphQL: ${base}/graphql · health: ${base}/health · auth: ${config.auth.mode}`);
  stopOnSignals(app, 'api');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
