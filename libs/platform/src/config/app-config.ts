import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type AuthMode = 'keycloak' | 'dev';

export type AuthConfig = {
  mode: AuthMode;
  /** Base URL of Keycloak; the issuer of a valid token is `${keycloakUrl}/realms/${realm}`. */
  keycloakUrl: string;
  realm: string;
  /** The audience every access token must carry. */
  clientId: string;
  /** PEM body (no header) of the realm's RS256 public key; absent ⇒ fetched from Keycloak's JWKS. */
  realmPublicKey?: string;
};

export type AppConfig = {
  nodeEnv: string;
  port: number;
  databaseUrl: string;
  migrationDatabaseUrl: string;
  /** The indicator engine's role; only the worker's configuration should set it. */
  indicatorsDatabaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Key prefix of every BullMQ key, so that test runs and environments never collide. */
  redisPrefix: string;
  /** How long a worker holds a job before another may take it over (a crashed worker's job is retried after it). */
  queueLockMs: number;
  queueStalledCheckMs: number;
  auth: AuthConfig;
};

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Where `npm run setup` writes the development identity key pair (never committed). */
export const DEV_IDENTITY_DIR = join(__dirname, '..', '..', '..', '..', '.local', 'dev-identity');

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Reads and checks the environment once; defaults fit the development machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const mode = (env.AUTH_MODE ?? 'dev') as AuthMode;
  if (mode !== 'dev' && mode !== 'keycloak') {
    throw new ConfigurationError(`AUTH_MODE must be "keycloak" or "dev", got "${mode}"`);
  }
  if (mode === 'dev' && nodeEnv === 'production') {
    throw new ConfigurationError('AUTH_MODE=dev (development identity) is refused when NODE_ENV=production');
  }
  let realmPublicKey = env.KEYCLOAK_REALM_PUBLIC_KEY || undefined;
  if (mode === 'dev') {
    const dir = env.DEV_IDENTITY_DIR ?? DEV_IDENTITY_DIR;
    try {
      realmPublicKey = pemBody(readFileSync(join(dir, 'public.pem'), 'utf8'));
    } catch {
      throw new ConfigurationError(`AUTH_MODE=dev needs the development key pair in ${dir}: run "npm run setup"`);
    }
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigurationError(`PORT is not a port: ${env.PORT}`);
  return {
    nodeEnv,
    port,
    databaseUrl: env.DATABASE_URL ?? 'postgres://nastavnik_app@127.0.0.1:5432/nastavnik',
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik',
    indicatorsDatabaseUrl: env.INDICATORS_DATABASE_URL ?? 'postgres://nastavnik_indicators@127.0.0.1:5432/nastavnik',
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: env.REDIS_PREFIX ?? 'nastavnik',
    queueLockMs: Number(env.QUEUE_LOCK_MS ?? 30_000),
    queueStalledCheckMs: Number(env.QUEUE_STALLED_CHECK_MS ?? 30_000),
    auth: {
      mode,
      keycloakUrl: (env.KEYCLOAK_URL ?? 'http://localhost:8080').replace(/\/+$/, ''),
      realm: env.KEYCLOAK_REALM ?? 'mentoring',
      clientId: env.KEYCLOAK_CLIENT_ID ?? 'mentoring-api',
      realmPublicKey,
    },
  };
}

/** `-----BEGIN PUBLIC KEY-----…` → the base64 body keycloak-connect expects. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}
