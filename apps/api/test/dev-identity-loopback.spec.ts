import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ensureDevIdentityKeys } from '@nastavnik/platform/auth/dev-identity-keys';
import { testConfig } from '@nastavnik/testing/test-context';
import { TestApi } from './test-api';

// Fastify's inject only labels the request with these addresses (RFC 5737 documentation ranges); nothing is sent anywhere.
const REMOTE = '192.0.2.10';

describe('development identity: loopback callers only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-identity-loopback-'));
  const apis: TestApi[] = [];

  const start = async (overrides: NodeJS.ProcessEnv = {}): Promise<FastifyInstance> => {
    const api = await TestApi.start(testConfig(undefined, { AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir, KEYCLOAK_REALM_PUBLIC_KEY: '', ...overrides }));
    apis.push(api);
    return api.app.getHttpAdapter().getInstance();
  };
  const mint = (fastify: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
    fastify.inject({ method: 'POST', url: '/auth/dev/token', remoteAddress, headers: { 'content-type': 'application/json', ...headers }, payload: { username: 'minister' } });

  beforeAll(() => {
    ensureDevIdentityKeys(dir);
    process.env.DEV_IDENTITY_DIR = dir;
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    delete process.env.DEV_IDENTITY_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('mints a token for 127.0.0.1 and ::1, and refuses another address with a Russian 403', async () => {
    const fastify = await start();
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect((await mint(fastify, address)).statusCode).toBe(200);
    }
    for (const address of [REMOTE, '::ffff:192.0.2.10', '2001:db8::1']) {
      const refused = await mint(fastify, address);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ code: 'FORBIDDEN', message: 'Вход демо-пользователей доступен только с компьютера, на котором запущен сервер.' });
    }
    expect((await fastify.inject({ method: 'GET', url: '/auth/dev/users', remoteAddress: REMOTE })).statusCode).toBe(403);
  });

  it('is not fooled by X-Forwarded-For, whichever proxies are trusted', async () => {
    const trusting = await start({ TRUST_PROXY: 'true' });
    expect((await mint(trusting, REMOTE, { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
    // Behind a reverse proxy on this machine, the client it forwards for is what counts.
    const behindLocalProxy = await start({ TRUST_PROXY: 'loopback' });
    expect((await mint(behindLocalProxy, '127.0.0.1', { 'x-forwarded-for': REMOTE })).statusCode).toBe(403);
    expect((await mint(behindLocalProxy, '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(200);
  });
});
