import type { FastifyInstance } from 'fastify';
import { ConfigurationError, loadConfig } from '@nastavnik/platform/config/app-config';
import { TestDb, testConfig, tokenFor } from '@nastavnik/testing/test-context';
import { TestApi } from './test-api';

// Addresses from the documentation ranges (RFC 5737): Fastify's inject only labels the request with them; nothing is sent anywhere.
const ATTACKER = '203.0.113.7';
const COLLEAGUE = '198.51.100.23';
const RETRY = /^Слишком много запросов: попробуйте через \d+ с\.$/;

describe('rate limits (Redis store, per address and per tenant)', () => {
  let api: TestApi;
  let fastify: FastifyInstance;
  let db: TestDb;
  let school: string;

  beforeAll(async () => {
    api = await TestApi.start(testConfig(undefined, { RATE_LIMIT_AUTH_FAILURES: '5', RATE_LIMIT_QUESTIONNAIRE: '3', RATE_LIMIT_REPORTS: '2' }));
    fastify = api.app.getHttpAdapter().getInstance();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school.code;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const graphql = (remoteAddress: string, token: string, query: string) =>
    fastify.inject({ method: 'POST', url: '/graphql', remoteAddress, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: { query } });

  it('after 5 bad tokens from one address answers its bad tokens 429 in Russian with Retry-After; good tokens, from there or elsewhere, still work', async () => {
    const forged = tokenFor('curator', school, { issuer: 'http://evil.test/realms/mentoring' });
    for (let i = 0; i < 5; i += 1) {
      const refused = await graphql(ATTACKER, forged, '{ myTenant { code } }');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await graphql(ATTACKER, forged, '{ myTenant { code } }');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ data: null, errors: [{ message: expect.stringMatching(RETRY), extensions: { code: 'RATE_LIMITED' } }] });
    expect((await graphql(ATTACKER, forged, '{ myTenant { code } }')).statusCode).toBe(429);
    // A school's lab shares one address: one pupil's forged tokens must not lock the curator out.
    const sameAddress = await graphql(ATTACKER, tokenFor('curator', school), '{ myTenant { code } }');
    expect(sameAddress.statusCode).toBe(200);
    expect(sameAddress.json()).toEqual({ data: { myTenant: { code: school } } });

    const colleague = await graphql(COLLEAGUE, tokenFor('curator', school), '{ myTenant { code } }');
    expect(colleague.statusCode).toBe(200);
    expect(colleague.json()).toEqual({ data: { myTenant: { code: school } } });
  });

  it('does not count requests without a token against the address', async () => {
    const address = '198.51.100.77';
    for (let i = 0; i < 8; i += 1) {
      const response = await fastify.inject({ method: 'POST', url: '/graphql', remoteAddress: address, payload: { query: '{ myTenant { code } }' } });
      expect(response.statusCode).toBe(401);
    }
    expect((await graphql(address, tokenFor('curator', school), '{ myTenant { code } }')).statusCode).toBe(200);
  });

  it('limits the public questionnaire links per address', async () => {
    const open = (remoteAddress: string) => fastify.inject({ method: 'GET', url: '/q/no-such-link-token', remoteAddress, headers: { accept: 'application/json' } });
    for (let i = 0; i < 3; i += 1) expect((await open('203.0.113.50')).statusCode).toBe(404);
    const limited = await open('203.0.113.50');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(RETRY) });
    expect((await open('203.0.113.51')).statusCode).toBe(404);
  });

  it('limits report requests per tenant, as RATE_LIMITED with Retry-After', async () => {
    const curator = tokenFor('curator', school);
    const ask = (token: string) => graphql('127.0.0.1', token, 'mutation { requestSchoolReport(period: "2022/2023") { id } }');
    for (let i = 0; i < 2; i += 1) {
      const accepted = await ask(curator);
      expect(accepted.json().errors).toBeUndefined();
    }
    const limited = await ask(curator);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ data: null, errors: [expect.objectContaining({ message: expect.stringMatching(RETRY), extensions: { code: 'RATE_LIMITED' } })] });

    const other = tokenFor('curator', (await db.newSchoolWorld()).school.code);
    expect((await ask(other)).json().errors).toBeUndefined();
  });
});

describe('rate-limit and proxy settings', () => {
  const env = { AUTH_MODE: 'keycloak', KEYCLOAK_REALM_PUBLIC_KEY: 'x' };

  it('refuses a limit that is not a whole number instead of running with NaN', () => {
    for (const [name, value] of [['RATE_LIMIT_AUTH_FAILURES', 'twenty'], ['RATE_LIMIT_REPORTS', '1.5'], ['RATE_LIMIT_WINDOW_SECONDS', '0'], ['DATABASE_POOL_SIZE', 'ten'], ['PORT', '70000']]) {
      expect(() => loadConfig({ ...env, [name]: value })).toThrow(ConfigurationError);
    }
    expect(loadConfig({ ...env, RATE_LIMIT_AUTH_FAILURES: '7' }).rateLimits.authFailures).toBe(7);
    expect(loadConfig({ ...env, RATE_LIMIT_QUESTIONNAIRE: '0' }).rateLimits.questionnaire).toBe(0); // 0 turns a limit off
  });

  it('reads TRUST_PROXY as Fastify does, and refuses what Fastify would ignore', () => {
    expect(loadConfig(env).trustProxy).toBe(false);
    expect(loadConfig({ ...env, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...env, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
    for (const value of ['1', 'yes', '10.0.0.0/33', 'proxy.example']) expect(() => loadConfig({ ...env, TRUST_PROXY: value })).toThrow(ConfigurationError);
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig(env).host).toBe('127.0.0.1');
    expect(loadConfig({ ...env, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
