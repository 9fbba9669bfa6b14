import { Logger } from '@nestjs/common';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  new Logger('api').log(`GraphQL: http://localhost:${config.port}/graphql · health: http://localhost:${config.port}/health · auth: ${config.auth.mode}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
