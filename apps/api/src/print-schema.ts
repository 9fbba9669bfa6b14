import { writeFileSync } from 'node:fs';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { createApiApp } from './bootstrap';
import { SCHEMA_FILE, schemaSdl } from './schema-sdl';

/** `npm run schema:print`: writes apps/api/schema.gql from the code-first resolvers. */
async function main(): Promise<void> {
  const app = await createApiApp(loadConfig(), { logger: false });
  writeFileSync(SCHEMA_FILE, schemaSdl(app));
  await app.close();
  console.log(`written ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
