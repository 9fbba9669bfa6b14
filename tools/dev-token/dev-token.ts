import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintKeycloakToken } from '@nastavnik/platform/auth/keycloak-token';
import { DEV_IDENTITY_DIR, loadConfig } from '@nastavnik/platform/config/app-config';
import { DEV_USERS } from '@nastavnik/platform/auth/dev-users';

/**
 * `npm run -s dev:token -- <username>`: prints a bearer token for a demo user, signed with the
 * development identity key (AUTH_MODE=dev only; a Keycloak realm never accepts it).
 */
function main(): void {
  const username = process.argv[2];
  const user = DEV_USERS.find((u) => u.username === username);
  if (!user) {
    console.error(`Укажите демо-пользователя: ${DEV_USERS.map((u) => u.username).join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig({ ...process.env, AUTH_MODE: 'dev' });
  const dir = process.env.DEV_IDENTITY_DIR ?? DEV_IDENTITY_DIR;
  const privateKey = readFileSync(join(dir, 'private.pem'), 'utf8');
  const token = mintKeycloakToken(privateKey, user, {
    issuer: `${config.auth.keycloakUrl}/realms/${config.auth.realm}`,
    audience: config.auth.clientId,
    ttlSeconds: 8 * 3600,
  });
  process.stdout.write(`${token}\n`);
}

main();
