import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';

describe('GraphQL: limits and error hygiene', () => {
  let api: TestApi;
  let db: TestDb;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    token = tokenFor('curator', (await db.newSchoolWorld()).school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('refuses an operation that selects too many fields through aliases', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: myTenant { id }`).join('\n');
    const response = await api.gql(token, `{ ${aliases} }`);
    expect(codesOf(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.data).toBeNull();
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    const response = await api.gql(token, deep);
    expect(response.status).toBe(400);
    expect(response.data).toBeNull();
    expect(codesOf(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors?.[0].message).toMatch(/[а-яё]/i);
  });

  it('answers a syntax error with a code and no stack trace', async () => {
    const response = await api.gql(token, `{ myTenant { id `);
    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(response.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('HTTP: request size', () => {
  it('answers a body over the limit with a typed Russian error, not an internal one', async () => {
    const api = await TestApi.start();
    try {
      // With a token: without one the request is refused before its body is read (request-limits.spec.ts).
      const response = await api.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${tokenFor('ministry-official', null)}`)
        .send({ query: '{ myTenant { id } }', variables: { pad: 'x'.repeat(9 * 1024 * 1024) } });
      expect(response.body.code ?? response.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.body)).toMatch(/слишком большой/);
    } finally {
      await api.close();
    }
  });
});
