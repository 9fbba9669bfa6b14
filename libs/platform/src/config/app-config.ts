import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /** Where the development identity key pair is (`public.pem`, `private.pem`); read only with AUTH_MODE=dev. */
  devIdentityDir: string;
};

/**
 * Which proxies' `X-Forwarded-*` headers Fastify believes, in Fastify's own terms: none, every
 * one, or those at the given addresses/CIDRs (and proxy-addr's names such as `loopback`).
 */
export type TrustProxy = boolean | string[];

/** Requests allowed per window; beyond them the answer is 429 with `Retry-After`. 0 turns a limit off. */
export type RateLimitConfig = {
  /** Where the counters live in Redis; every API replica of one environment shares it. */
  namespace: string;
  windowMs: number;
  /** Requests with an invalid token, per source address. */
  authFailures: number;
  /** Requests to the public questionnaire links (`/q/…`), per source address. */
  questionnaire: number;
  /** Report and extract requests, per tenant (per person for those bound to no tenant). */
  reports: number;
};

/** A Redis server's address: a host name, an IPv4 address or an IPv6 address (without brackets), and a port. */
export type RedisNode = { host: string; port: number };

/**
 * Where Redis is and how to reach it; every connection the product opens is made from this by
 * `createRedisClient` (libs/platform/src/redis/redis-client.ts).
 * - single: one server at `url` (credentials, database and TLS in the URL, as today);
 * - sentinel: the master of the group `sentinelName`, found through `sentinels`;
 * - cluster: a Redis Cluster found through the seed `nodes`.
 * In the latter two the data nodes' credentials and TLS are `username`, `password` and `tls`.
 */
export type RedisConfig = {
  mode: 'single' | 'sentinel' | 'cluster';
  /** single mode: `redis://[user:password@]host:port[/db]`, `rediss://` for TLS. */
  url: string;
  /** cluster mode: seed nodes (the client learns the rest from them). */
  nodes: RedisNode[];
  /** sentinel mode: the Sentinels, and the name of the master group they watch. */
  sentinels: RedisNode[];
  sentinelName: string;
  sentinelPassword?: string;
  username?: string;
  password?: string;
  tls: boolean;
  /**
   * Prefix of every key the product writes, so that test runs and environments never collide.
   * A queue's keys are `<prefix>:{<queue>}:…` (queues.ts: `queuePrefix`); no braces in it.
   */
  prefix: string;
};

/**
 * A hot standby that serves the reads declared `@ReadFromReplica()` (analysts' and officials'
 * comparisons, dashboards, regional reports and extracts); null url = none, every read on the primary.
 */
export type ReadReplicaConfig = {
  url: string | null;
  /** A replica further behind the primary than this (or unreachable) is not read; the primary is. */
  maxLagMs: number;
};

export type AppConfig = {
  nodeEnv: string;
  port: number;
  /** The address the API listens on: loopback unless told otherwise (the container image says 0.0.0.0). */
  host: string;
  trustProxy: TrustProxy;
  rateLimits: RateLimitConfig;
  databaseUrl: string;
  migrationDatabaseUrl: string;
  /** The indicator engine's role; only the worker's configuration should set it. */
  indicatorsDatabaseUrl: string;
  databasePoolSize: number;
  readReplica: ReadReplicaConfig;
  redis: RedisConfig;
  /** How long a worker holds a job before another may take it over (a crashed worker's job is retried after it). */
  queueLockMs: number;
  queueStalledCheckMs: number;
  /** When the worker recomputes every region's indicators: a cron pattern (5 or 6 fields) in the region's time zone. */
  indicatorsNightlyCron: string;
  /** How often the worker looks for indicator recompute requests that have no job yet. */
  indicatorsReconcileMs: number;
  /** How many whole months of the access journal are kept (at least 12); older monthly partitions are dropped daily. */
  journalRetentionMonths: number;
  notifications: NotificationsConfig;
  /** Erasure of a person's data by de-identification (issue 14, docs/adr/0025). */
  erasure: ErasureConfig;
  auth: AuthConfig;
  observability: ObservabilityConfig;
};

/** Erasure (docs/adr/0025): the job runs when the undo window ends, always before the deadline (≤ 30 days). */
export type ErasureConfig = { undoWindowHours: number; deadlineDays: number };

/** Logs, metrics and shutdown (issue 15). */
export type ObservabilityConfig = {
  logLevel: LogLevelSetting;
  /** Prometheus `/metrics` of the API and of the worker, each on a port of its own (0 = off), on `metricsHost`. */
  metricsPort: number;
  workerMetricsPort: number;
  metricsHost: string;
  /** After SIGTERM, how long readiness answers 503 before the server stops accepting (a load balancer's time to notice). */
  shutdownDrainMs: number;
};

export type LogLevelSetting = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVEL_SETTINGS: readonly LogLevelSetting[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** E-mail notifications (libs/notifications, docs/adr/0029–0031). */
export type NotificationsConfig = {
  smtpHost: string;
  smtpPort: number;
  /** The sender, `Name <address>`; its domain also names the Message-IDs. */
  from: string;
  /** Where the links in messages point (the public questionnaire `/q/…`, unsubscribe): the API's public origin. */
  publicUrl: string;
  /** The console's origin, for the links to it in messages to staff (a returned report: «Отчёт в РНЦ»). */
  consoleUrl: string;
  /** Signs unsubscribe tokens; the development default is refused with NODE_ENV=production. */
  secret: string;
  /** How often the worker hands due outbox rows to the queue. */
  relayMs: number;
  /** The first retry's delay after an SMTP failure; doubled per attempt, at most 15 minutes. */
  retryBaseMs: number;
  maxAttempts: number;
  /** When the worker runs the daily reminders (cron, the region's time zone). */
  remindersCron: string;
  /** Platform defaults under the regions' and schools' settings. */
  linkReminderDays: number;
  pairIdleDays: number;
  roadmapDueDays: number;
};

const DEV_NOTIFICATIONS_SECRET = 'development-only-notifications-secret';

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
  const devIdentityDir = env.DEV_IDENTITY_DIR?.trim() || DEV_IDENTITY_DIR;
  if (mode === 'dev') {
    try {
      realmPublicKey = pemBody(readFileSync(join(devIdentityDir, 'public.pem'), 'utf8'));
    } catch {
      throw new ConfigurationError(`AUTH_MODE=dev needs the development key pair in ${devIdentityDir}: run "npm run setup"`);
    }
  }
  const port = integerSetting(env, 'PORT', 3000, 0, 65535);
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const redis = redisSettings(env);
  return {
    nodeEnv,
    port,
    host,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    rateLimits: {
      namespace: (env.RATE_LIMIT_NAMESPACE ?? '').trim() || `${redis.prefix}:rate-limit:`,
      windowMs: integerSetting(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
      authFailures: integerSetting(env, 'RATE_LIMIT_AUTH_FAILURES', 20, 0),
      questionnaire: integerSetting(env, 'RATE_LIMIT_QUESTIONNAIRE', 60, 0),
      reports: integerSetting(env, 'RATE_LIMIT_REPORTS', 20, 0),
    },
    databaseUrl: env.DATABASE_URL ?? 'postgres://nastavnik_app@127.0.0.1:5432/nastavnik',
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik',
    indicatorsDatabaseUrl: env.INDICATORS_DATABASE_URL ?? 'postgres://nastavnik_indicators@127.0.0.1:5432/nastavnik',
    databasePoolSize: integerSetting(env, 'DATABASE_POOL_SIZE', 10, 1),
    readReplica: {
      url: databaseUrlSetting(env, 'DATABASE_READ_URL'),
      maxLagMs: integerSetting(env, 'DATABASE_READ_MAX_LAG_MS', 5000, 100, 3_600_000),
    },
    redis,
    queueLockMs: integerSetting(env, 'QUEUE_LOCK_MS', 30_000, 1),
    queueStalledCheckMs: integerSetting(env, 'QUEUE_STALLED_CHECK_MS', 30_000, 1),
    indicatorsNightlyCron: cronSetting(env, 'INDICATORS_NIGHTLY_CRON', '30 2 * * *'),
    indicatorsReconcileMs: integerSetting(env, 'INDICATORS_RECONCILE_MS', 2000, 50, 3_600_000),
    journalRetentionMonths: integerSetting(env, 'JOURNAL_RETENTION_MONTHS', 36, 12, 1200),
    notifications: notificationsSettings(env, nodeEnv),
    erasure: erasureSettings(env),
    auth: {
      mode,
      keycloakUrl: (env.KEYCLOAK_URL ?? 'http://localhost:8080').replace(/\/+$/, ''),
      realm: env.KEYCLOAK_REALM ?? 'mentoring',
      clientId: env.KEYCLOAK_CLIENT_ID ?? 'mentoring-api',
      realmPublicKey,
      devIdentityDir,
    },
    observability: {
      logLevel: logLevelSetting(env.LOG_LEVEL),
      metricsPort: integerSetting(env, 'METRICS_PORT', 9464, 0, 65535),
      workerMetricsPort: integerSetting(env, 'WORKER_METRICS_PORT', 9465, 0, 65535),
      metricsHost: (env.METRICS_HOST ?? '').trim() || '127.0.0.1',
      shutdownDrainMs: integerSetting(env, 'SHUTDOWN_DRAIN_MS', 0, 0, 120_000),
    },
  };
}

function erasureSettings(env: NodeJS.ProcessEnv): ErasureConfig {
  const deadlineDays = integerSetting(env, 'ERASURE_DEADLINE_DAYS', 30, 1, 30);
  const undoWindowHours = integerSetting(env, 'ERASURE_UNDO_WINDOW_HOURS', 72, 0, 719);
  if (undoWindowHours >= deadlineDays * 24) throw new ConfigurationError(`ERASURE_UNDO_WINDOW_HOURS (${undoWindowHours}) must end before ERASURE_DEADLINE_DAYS (${deadlineDays} days)`);
  return { undoWindowHours, deadlineDays };
}

function logLevelSetting(raw: string | undefined): LogLevelSetting {
  const value = (raw ?? '').trim() || 'info';
  const level = LOG_LEVEL_SETTINGS.find((candidate) => candidate === value);
  if (!level) throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVEL_SETTINGS.join(', ')}, got "${value}"`);
  return level;
}

function notificationsSettings(env: NodeJS.ProcessEnv, nodeEnv: string): NotificationsConfig {
  const secret = (env.NOTIFICATIONS_SECRET ?? '').trim() || DEV_NOTIFICATIONS_SECRET;
  if (secret === DEV_NOTIFICATIONS_SECRET && nodeEnv === 'production') {
    throw new ConfigurationError('NOTIFICATIONS_SECRET must be set when NODE_ENV=production');
  }
  return {
    smtpHost: (env.SMTP_HOST ?? '').trim() || '127.0.0.1',
    smtpPort: integerSetting(env, 'SMTP_PORT', 1025, 1, 65535),
    from: (env.SMTP_FROM ?? '').trim() || 'Наставник <noreply@nastavnik.local>',
    publicUrl: ((env.NOTIFICATIONS_PUBLIC_URL ?? '').trim() || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    consoleUrl: ((env.NOTIFICATIONS_CONSOLE_URL ?? '').trim() || 'http://localhost:5173').replace(/\/+$/, ''),
    secret,
    relayMs: integerSetting(env, 'NOTIFICATIONS_RELAY_MS', 2000, 50, 3_600_000),
    retryBaseMs: integerSetting(env, 'NOTIFICATIONS_RETRY_BASE_MS', 15_000, 10, 3_600_000),
    maxAttempts: integerSetting(env, 'NOTIFICATIONS_MAX_ATTEMPTS', 20, 1, 1000),
    remindersCron: cronSetting(env, 'NOTIFICATIONS_REMINDERS_CRON', '0 8 * * *'),
    linkReminderDays: integerSetting(env, 'NOTIFY_LINK_REMINDER_DAYS', 3, 1, 60),
    pairIdleDays: integerSetting(env, 'NOTIFY_PAIR_IDLE_DAYS', 30, 1, 365),
    roadmapDueDays: integerSetting(env, 'NOTIFY_ROADMAP_DUE_DAYS', 7, 1, 60),
  };
}

/** A whole number from the environment; anything else stops the start-up instead of becoming NaN. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigurationError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigurationError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** An optional PostgreSQL URL: empty ⇒ null; anything but `postgres://` / `postgresql://` with a host stops the start-up. */
function databaseUrlSetting(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} must be a postgres:// URL, got something that is not a URL`);
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol) || url.hostname === '') {
    throw new ConfigurationError(`${name} must be a postgres:// URL with a host, got "${url.protocol}//${url.host}"`);
  }
  return raw;
}

const REDIS_MODES: readonly RedisConfig['mode'][] = ['single', 'sentinel', 'cluster'];

/**
 * REDIS_MODE and what each mode needs. A setting that belongs to another mode is refused rather
 * than ignored (REDIS_NODES with REDIS_MODE=single is a deployment that believes it runs on a
 * cluster); so are credentials outside REDIS_URL in single mode, where the URL carries them.
 */
function redisSettings(env: NodeJS.ProcessEnv): RedisConfig {
  const mode = ((env.REDIS_MODE ?? '').trim() || 'single') as RedisConfig['mode'];
  if (!REDIS_MODES.includes(mode)) throw new ConfigurationError(`REDIS_MODE must be single, sentinel or cluster, got "${mode}"`);
  const prefix = (env.REDIS_PREFIX ?? '').trim() || 'nastavnik';
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(prefix)) {
    throw new ConfigurationError(`REDIS_PREFIX may hold letters, digits and . _ : - (no braces: a queue's hash tag is added to it), got "${prefix}"`);
  }
  const url = (env.REDIS_URL ?? '').trim() || 'redis://127.0.0.1:6379';
  const nodes = redisNodesSetting(env, 'REDIS_NODES');
  const sentinels = redisNodesSetting(env, 'REDIS_SENTINELS');
  const sentinelName = (env.REDIS_SENTINEL_NAME ?? '').trim() || 'mymaster';
  const sentinelPassword = env.REDIS_SENTINEL_PASSWORD || undefined;
  const username = (env.REDIS_USERNAME ?? '').trim() || undefined;
  const password = env.REDIS_PASSWORD || undefined;
  const tls = booleanSetting(env, 'REDIS_TLS', false);
  const foreign = (names: string[]) => names.filter((name) => (env[name] ?? '').trim() !== '');
  const refuse = (names: string[], why: string) => {
    const set = foreign(names);
    if (set.length) throw new ConfigurationError(`${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} not read with REDIS_MODE=${mode}: ${why}`);
  };
  if (mode === 'single') {
    redisUrlSetting(url);
    refuse(['REDIS_NODES', 'REDIS_SENTINELS', 'REDIS_SENTINEL_PASSWORD', 'REDIS_USERNAME', 'REDIS_PASSWORD'], 'one server is REDIS_URL, with its credentials and TLS (rediss://) in the URL');
    if (tls) throw new ConfigurationError('REDIS_TLS is not read with REDIS_MODE=single: TLS is REDIS_URL=rediss://…');
  } else {
    refuse(['REDIS_URL'], `the servers are ${mode === 'cluster' ? 'REDIS_NODES' : 'REDIS_SENTINELS'}, their credentials REDIS_USERNAME / REDIS_PASSWORD`);
  }
  if (mode === 'cluster') {
    if (nodes.length === 0) throw new ConfigurationError('REDIS_MODE=cluster needs REDIS_NODES: seed nodes as host:port, separated by commas');
    refuse(['REDIS_SENTINELS', 'REDIS_SENTINEL_PASSWORD'], 'a cluster is found through REDIS_NODES');
  }
  if (mode === 'sentinel') {
    if (sentinels.length === 0) throw new ConfigurationError('REDIS_MODE=sentinel needs REDIS_SENTINELS: the Sentinels as host:port, separated by commas');
    refuse(['REDIS_NODES'], 'the master is found through REDIS_SENTINELS');
  }
  return { mode, url, nodes, sentinels, sentinelName, sentinelPassword, username, password, tls, prefix };
}

/** REDIS_URL: redis:// or rediss://, a host, a port if any in range, a database number if any. */
function redisUrlSetting(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError('REDIS_URL must be a redis:// or rediss:// URL, got something that is not a URL');
  }
  if (!['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '') {
    throw new ConfigurationError(`REDIS_URL must be a redis:// or rediss:// URL with a host, got "${url.protocol}//${url.host}"`);
  }
  if (url.pathname.length > 1 && !/^\/\d{1,2}$/.test(url.pathname)) {
    throw new ConfigurationError(`REDIS_URL: the path is the database number (/0 … /15), got "${url.pathname}"`);
  }
}

/** A comma list of host:port (an IPv6 address in brackets: [::1]:6379); empty ⇒ none. */
function redisNodesSetting(env: NodeJS.ProcessEnv, name: string): RedisNode[] {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return [];
  return raw.split(',').map((entry) => {
    const item = entry.trim();
    const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(item);
    const host = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (!match || !host || (match[1] !== undefined && isIP(match[1]) !== 6) || port < 1 || port > 65535) {
      throw new ConfigurationError(`${name} must list servers as host:port separated by commas (IPv6 as [address]:port), not understood: "${item}"`);
    }
    return { host, port };
  });
}

function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigurationError(`${name} must be true or false, got "${env[name]}"`);
}

/** Each field of a cron pattern: its range and the names it may use instead of numbers. */
type CronField = { name: string; min: number; max: number; names?: readonly string[]; day?: boolean };
const CRON_FIELDS: readonly CronField[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, day: true },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], day: true },
];

/**
 * A cron pattern as BullMQ's scheduler reads it: 5 fields (minute hour day month weekday) or 6
 * (with seconds first); each a `*`, a number or name in the field's range, a range `a-b`, any of
 * them with a step `/n`, or a comma list of those (`L` for the last day of the month). Anything
 * else stops the start-up here, rather than in the worker's first `upsertJobScheduler`.
 */
function cronSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const parts = raw.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    throw new ConfigurationError(`${name} must be a cron pattern of 5 fields (minute hour day month weekday) or 6 (seconds first), got "${raw}"`);
  }
  const fields = CRON_FIELDS.slice(6 - parts.length);
  parts.forEach((part, i) => {
    const field = fields[i];
    if (!part.split(',').every((item) => isCronItem(item, field))) {
      throw new ConfigurationError(`${name}: the ${field.name} field "${part}" is not valid (${field.min}–${field.max}, *, a-b, /step or a list), in "${raw}"`);
    }
  });
  return parts.join(' ');
}

function isCronItem(item: string, field: CronField): boolean {
  const match = /^([^/]+)(?:\/(\d+))?$/.exec(item);
  if (!match) return false;
  const [, base, step] = match;
  if (step !== undefined && Number(step) < 1) return false;
  if (base === '*' || (base === '?' && field.day)) return true;
  if (base === 'L' && field.name === 'day of month' && step === undefined) return true;
  const bounds = base.split('-');
  if (bounds.length > 2) return false;
  const values = bounds.map((bound) => cronValue(bound, field));
  if (values.some((value) => value === undefined)) return false;
  return values.length === 1 || (values[0] ?? 0) <= (values[1] ?? 0);
}

function cronValue(text: string, field: CronField): number | undefined {
  if (/^\d{1,2}$/.test(text)) {
    const value = Number(text);
    return value >= field.min && value <= field.max ? value : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index < 0 ? undefined : index + field.min;
}

/** proxy-addr's names for address ranges, which Fastify accepts in place of addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false` (default), `true`, or a comma list of addresses, CIDRs and range names. A
 * hop count is refused rather than passed on: Fastify 5 no longer honours one (it cannot tell a
 * proxy from a client that writes the header itself) and would silently trust nothing.
 */
function trustProxySetting(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    throw new ConfigurationError(`TRUST_PROXY=${value}: Fastify does not trust proxies by hop count; list the proxies' addresses or CIDRs instead (e.g. TRUST_PROXY=10.0.0.0/8)`);
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const invalid = entries.filter((entry) => !PROXY_RANGE_NAMES.has(entry) && !isAddressOrCidr(entry));
  if (entries.length === 0 || invalid.length > 0) {
    throw new ConfigurationError(`TRUST_PROXY must be false, true, or addresses/CIDRs separated by commas; not understood: "${invalid.join(', ') || value}"`);
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `-----BEGIN PUBLIC KEY-----…` → the base64 body keycloak-connect expects. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}
