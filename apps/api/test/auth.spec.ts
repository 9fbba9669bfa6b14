import { generateKeyPairSync } from 'node:crypto';
import { signJwt } from '@nastavnik/platform/auth/keycloak-token';
import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';

describe('authentication (keycloak-connect bearer-only, behind the one guard)', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  const query = '{ myTenant { id code } }';

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    ({ school } = await db.newSchoolWorld());
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('accepts a valid curator token and answers with their organisation', async () => {
    const response = await api.gql<{ myTenant: { code: string } }>(tokenFor('curator', school.code), query);
    expect(response.errors).toBeUndefined();
    expect(response.data?.myTenant.code).toBe(school.code);
  });

  const rejected: [string, () => string | null][] = [
    ['a missing token', () => null],
    ['a token that is not a JWT', () => 'not-a-token'],
    ['a token signed with another key', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return tokenFor('curator', school.code, { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    }],
    ['an expired token', () => tokenFor('curator', school.code, { ttlSeconds: -60 })],
    ['a token from another realm', () => tokenFor('curator', school.code, { issuer: 'http://keycloak.test/realms/other' })],
    ['a token from another Keycloak', () => tokenFor('curator', school.code, { issuer: 'http://evil.test/realms/mentoring' })],
    ['a token for another audience', () => tokenFor('curator', school.code, { audience: 'some-other-api' })],
    ['a token whose payload was altered after signing', () => {
      const [header, payload, signature] = tokenFor('curator', school.code).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      claims.realm_access.roles = ['platform-admin'];
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }],
    ['an unsigned token (alg none)', () => {
      const valid = tokenFor('curator', school.code).split('.');
      return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${valid[1]}.`;
    }],
    ['a refresh token instead of an access token', () => {
      const env = readTestEnv();
      const now = Math.floor(Date.now() / 1000);
      return signJwt(env.privateKeyPem, { typ: 'Refresh', iss: 'http://keycloak.test/realms/mentoring', aud: 'mentoring-api', sub: 'x', iat: now, exp: now + 60, realm_access: { roles: ['curator'] }, tenant_code: school.code });
    }],
  ];

  it.each(rejected)('rejects %s with UNAUTHENTICATED and no data', async (_name, makeToken) => {
    const response = await api.gql(makeToken(), query);
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].message).toMatch(/вход/);
  });

  it('rejects a malformed Authorization header', async () => {
    const response = await api.http().post('/graphql').set('authorization', 'Basic dXNlcjpwYXNz').send({ query });
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('needs a token even for introspection, which reaches no resolver', async () => {
    const response = await api.gql(null, '{ __schema { queryType { name } } }');
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeNull();
  });

  it('refuses a valid token without any role of the platform', async () => {
    const env = readTestEnv();
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(env.privateKeyPem, { typ: 'Bearer', iss: 'http://keycloak.test/realms/mentoring', aud: ['mentoring-api'], sub: 's', iat: now, exp: now + 60, realm_access: { roles: ['offline_access'] } });
    expect(codesOf(await api.gql(token, query))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a curator whose tenant_code is unknown, missing, or not an organisation', async () => {
    const { region } = await db.newSchoolWorld();
    for (const code of ['no-such-school', null, region.code]) {
      const response = await api.gql(tokenFor('curator', code), query);
      expect(codesOf(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
  });

  it('refuses a region analyst bound to an organisation instead of a region', async () => {
    expect(codesOf(await api.gql(tokenFor('region-analyst', school.code), query))).toEqual(['FORBIDDEN']);
  });

  it('a token accepted once (and kept as verified) is refused once it expires', async () => {
    const shortLived = tokenFor('curator', school.code, { ttlSeconds: 2 });
    expect(codesOf(await api.gql(shortLived, query))).toEqual([]);
    expect(codesOf(await api.gql(shortLived, query))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2600));
    expect(codesOf(await api.gql(shortLived, query))).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps GET /health public', async () => {
    const response = await api.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' }, accepting: { status: 'up' } } });
    expect((await api.http().get('/health/live')).status).toBe(200);
  });
});
