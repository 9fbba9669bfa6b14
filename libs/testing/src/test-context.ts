import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { mintKeycloakToken, type MintOptions, type TokenSubject } from '@nastavnik/platform/auth/keycloak-token';
import type { AppRole } from '@nastavnik/platform/auth/principal';
import { type AppConfig, loadConfig, pemBody } from '@nastavnik/platform/config/app-config';
import { readTestEnv, type TestEnv } from './test-env';

export const TEST_ISSUER_BASE = 'http://keycloak.test';

/** The configuration of the app under test: this run's database, Redis prefix and realm key. */
export function testConfig(env: TestEnv = readTestEnv(), overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: env.appUrl,
    MIGRATION_DATABASE_URL: env.ownerUrl,
    INDICATORS_DATABASE_URL: env.indicatorsUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    // Each app under test counts its own requests, as a deployment of its own would: specs running
    // side by side from 127.0.0.1 must not use up each other's limits.
    RATE_LIMIT_NAMESPACE: `${env.redisPrefix}:rate-limit:${randomBytes(4).toString('hex')}:`,
    // No /metrics servers unless a spec asks for one on a free port.
    METRICS_PORT: '0',
    WORKER_METRICS_PORT: '0',
    AUTH_MODE: 'keycloak',
    KEYCLOAK_URL: TEST_ISSUER_BASE,
    KEYCLOAK_REALM: 'mentoring',
    KEYCLOAK_CLIENT_ID: 'mentoring-api',
    KEYCLOAK_REALM_PUBLIC_KEY: pemBody(env.publicKeyPem),
    ...overrides,
  });
}

/** Keycloak-shaped tokens signed with this run's realm key. */
export function tokenFor(role: AppRole, tenantCode: string | null, options: Partial<MintOptions> & { privateKeyPem?: string } = {}): string {
  const env = readTestEnv();
  const subject: TokenSubject = { username: `${role}-${tenantCode ?? 'all'}`, displayName: 'Тестовый пользователь', roles: [role], tenantCode };
  return mintKeycloakToken(options.privateKeyPem ?? env.privateKeyPem, subject, {
    issuer: options.issuer ?? `${TEST_ISSUER_BASE}/realms/mentoring`,
    audience: options.audience ?? 'mentoring-api',
    ttlSeconds: options.ttlSeconds,
    now: options.now,
  });
}

export type TenantRow = { id: string; code: string; path: string; kind: string; parent_id: string | null; full_name: string; short_name: string };

/**
 * Builders that write through the owner role (it bypasses RLS), so a test says in one line what
 * world it needs: `await db.newOrganisation(municipality)`.
 */
export class TestDb {
  readonly owner: Pool;

  constructor(env: TestEnv = readTestEnv()) {
    this.owner = new Pool({ connectionString: env.ownerUrl, max: 3 });
  }

  async newRegion(): Promise<TenantRow> {
    return this.insert('region', null, 'Регион');
  }

  async newMunicipality(region: TenantRow): Promise<TenantRow> {
    return this.insert('municipality', region, 'Муниципалитет');
  }

  async newOrganisation(parent: TenantRow): Promise<TenantRow> {
    return this.insert('organisation', parent, 'Школа');
  }

  /** A region with a municipality and one school: the usual world of a test. */
  async newSchoolWorld(): Promise<{ region: TenantRow; municipality: TenantRow; school: TenantRow }> {
    const region = await this.newRegion();
    const municipality = await this.newMunicipality(region);
    const school = await this.newOrganisation(municipality);
    return { region, municipality, school };
  }

  async tenant(id: string): Promise<TenantRow | undefined> {
    return (await this.owner.query<TenantRow>(`select id, code, path::text as path, kind, parent_id, full_name, short_name from tenants where id = $1`, [id])).rows[0];
  }

  async close(): Promise<void> {
    await this.owner.end();
  }

  private async insert(kind: string, parent: TenantRow | null, name: string): Promise<TenantRow> {
    const code = `t${randomBytes(5).toString('hex')}`; // no '-': the code is its own ltree label
    const path = parent ? `${parent.path}.${code}` : code;
    const { rows } = await this.owner.query<TenantRow>(
      `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, code, path::text as path, kind, parent_id, full_name, short_name`,
      [kind, code, parent?.id ?? null, path, `${name} ${code}`, `${name} ${code}`, kind === 'organisation' ? 'school' : null],
    );
    return rows[0];
  }
}

