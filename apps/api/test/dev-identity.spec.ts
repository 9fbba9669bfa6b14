import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '@nastavnik/platform/config/app-config';
import { testConfig } from '@nastavnik/testing/test-context';
import { ensureDevIdentityKeys } from '@nastavnik/platform/auth/dev-identity-keys';
import { TestApi } from './test-api';

describe('development identity mode (AUTH_MODE=dev)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-identity-'));
  let api: TestApi;

  beforeAll(async () => {
    ensureDevIdentityKeys(dir);
    process.env.DEV_IDENTITY_DIR = dir;
    api = await TestApi.start(testConfig(undefined, { AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir, KEYCLOAK_REALM_PUBLIC_KEY: '' }));
  });
  afterAll(async () => {
    await api.close();
    delete process.env.DEV_IDENTITY_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir })).toThrow(ConfigurationError);
  });

  it('lists the demo users and mints a token that passes the same guard', async () => {
    const users = await api.http().get('/auth/dev/users');
    expect(users.status).toBe(200);
    expect(users.body.map((u: { username: string }) => u.username)).toContain('minister');
    const minted = await api.http().post('/auth/dev/token').send({ username: 'minister' });
    expect(minted.status).toBe(200);
    const response = await api.gql<{ myTenant: null }>(minted.body.accessToken, '{ myTenant { id } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ myTenant: null });
  });

  it('answers an unknown user with a typed Russian error', async () => {
    const response = await api.http().post('/auth/dev/token').send({ username: 'nobody' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: 'Такого демо-пользователя нет.' });
    const bad = await api.http().post('/auth/dev/token').send({});
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('is absent when AUTH_MODE=keycloak', async () => {
    const keycloak = await TestApi.start();
    try {
      const response = await keycloak.http().post('/auth/dev/token').send({ username: 'minister' });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    } finally {
      await keycloak.close();
    }
  });
});
