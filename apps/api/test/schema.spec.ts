import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaSdl } from '../src/schema-sdl';
import { TestApi } from './test-api';

describe('GraphQL schema', () => {
  it('apps/api/schema.gql is the schema the code builds (run `npm run schema:print` after changing the API)', async () => {
    const api = await TestApi.start();
    try {
      expect(schemaSdl(api.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      await api.close();
    }
  });
});
