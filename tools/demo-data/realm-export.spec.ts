import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROLES } from '@nastavnik/platform/auth/principal';
import { DEMO_TENANTS } from './demo-tenants';
import { DEV_USERS } from '@nastavnik/platform/auth/dev-users';

type RealmUser = { username: string; realmRoles?: string[]; attributes?: Record<string, string[]>; firstName?: string; lastName?: string };
type Realm = {
  realm: string;
  roles: { realm: { name: string }[] };
  users: RealmUser[];
  clients: { clientId: string; protocolMappers?: { protocolMapper: string; config: Record<string, string> }[] }[];
};

/** The Keycloak realm export and the development identity mode describe the same people. */
describe('infra/keycloak/realm-export.json', () => {
  const realm = JSON.parse(readFileSync(join(__dirname, '..', '..', 'infra', 'keycloak', 'realm-export.json'), 'utf8')) as Realm;

  it('is realm "mentoring" with the four roles of the platform', () => {
    expect(realm.realm).toBe('mentoring');
    expect(realm.roles.realm.map((r) => r.name)).toEqual(expect.arrayContaining([...APP_ROLES]));
  });

  it('has the demo users of the development identity mode, with the same roles and tenant codes', () => {
    const fromRealm = realm.users.map((u) => ({ username: u.username, roles: u.realmRoles?.filter((r) => (APP_ROLES as readonly string[]).includes(r)), tenantCode: u.attributes?.tenant_code?.[0] ?? null })).sort((x, y) => x.username.localeCompare(y.username));
    const fromCode = DEV_USERS.map((u) => ({ username: u.username, roles: u.roles, tenantCode: u.tenantCode ?? null })).sort((x, y) => x.username.localeCompare(y.username));
    expect(fromRealm).toEqual(fromCode);
  });

  it('binds every demo user with a tenant code to a node of the demo data', () => {
    const codes = new Set(DEMO_TENANTS.map((t) => t.code));
    for (const user of DEV_USERS) if (user.tenantCode) expect(codes.has(user.tenantCode)).toBe(true);
  });

  it('maps tenant_code into the console client tokens, with the API as audience', () => {
    const consoleClient = realm.clients.find((c) => c.clientId === 'mentoring-console');
    const mappers = consoleClient?.protocolMappers ?? [];
    expect(mappers.some((m) => m.config['claim.name'] === 'tenant_code' && m.config['user.attribute'] === 'tenant_code')).toBe(true);
    expect(mappers.some((m) => m.protocolMapper === 'oidc-audience-mapper' && m.config['included.client.audience'] === 'mentoring-api')).toBe(true);
  });
});
