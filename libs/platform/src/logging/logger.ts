import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as Pino, type LoggerOptions } from 'pino';
import { personalDataPropertyNames } from '../personal-data/personal-data';
import type { ContextStore } from '../tenancy/tenant-context';

export type LogSettings = {
  /** pino's level: `fatal` … `trace`, or `silent`. */
  level: pino.LevelWithSilent;
};

export const LOG_LEVELS: readonly pino.LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Keys whose values never reach a log line, at any of the first levels of an object:
 * credentials, and every declared personal-data property and column (libs/<lib>/src/personal-data.ts,
 * loaded with the libs' modules before the logger is made). Log calls pass ids and counts, not
 * records; this is the net under that rule.
 */
export function redactedKeys(): string[] {
  const secrets = ['authorization', 'cookie', 'token', 'password', 'accessToken', 'refreshToken', 'secret'];
  return [...new Set([...secrets, ...personalDataPropertyNames()])].sort();
}

const CENSOR = '[скрыто]';
const REDACT_DEPTH = 3;

/**
 * Replaces the value of every `keys` key in the first levels of a log object (copying only the
 * objects it changes). A walk over a log line's few keys with a Set lookup each: pino's path-based
 * redaction with wildcards cost ≈ 2 % of a list page's CPU (issue 15).
 */
export function redactor(keys: ReadonlySet<string>): (object: Record<string, unknown>) => Record<string, unknown> {
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > REDACT_DEPTH || typeof value !== 'object' || value === null || value instanceof Error) return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, i) => {
        const redacted = walk(item, depth + 1);
        if (redacted !== item) (copy ??= [...value])[i] = redacted;
      });
      return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const redacted = keys.has(key) ? CENSOR : walk(item, depth + 1);
      if (redacted !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = redacted;
    }
    return copy ?? value;
  };
  return (object) => walk(object, 0) as Record<string, unknown>;
}

/**
 * One-time questionnaire links (`/q/<token>`) and anything after `?` are cut from URLs that are
 * logged: the token is a credential, a query string may carry anything.
 */
export function loggableUrl(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  return path.replace(/^\/q\/[^/]+/, '/q/…');
}

/**
 * The process's one logger: JSON lines on stdout (or `destination`), each carrying the running
 * operation's request id, tenant and role (from the tenant context's store, through `context`),
 * secrets and personal-data fields redacted. Fastify's request logger, Nest's logger (`NestLogger`)
 * and the workers all write through it.
 */
export function createRootLogger(settings: LogSettings, context: () => ContextStore | undefined, destination?: DestinationStream): Pino {
  const options: LoggerOptions = {
    level: settings.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }), log: redactor(new Set(redactedKeys())) },
    mixin: () => operationFields(context()),
  };
  return destination ? pino(options, destination) : pino(options);
}

/** What a log line says about the operation it was written in. */
export function operationFields(store: ContextStore | undefined): Record<string, string> {
  if (!store) return {};
  const fields: Record<string, string> = {};
  if (store.origin?.requestId) fields.requestId = store.origin.requestId;
  const role = store.principal?.role ?? store.scope?.role;
  if (role) fields.role = role;
  const tenant = store.principal?.tenantCode ?? store.scope?.tenantId ?? (store.scope?.allTenants ? '*' : store.scope?.tenantPath);
  if (tenant) fields.tenant = tenant;
  return fields;
}

const NEST_TO_PINO: ReadonlyMap<LogLevel, pino.Level> = new Map<LogLevel, pino.Level>([
  ['fatal', 'fatal'],
  ['error', 'error'],
  ['warn', 'warn'],
  ['log', 'info'],
  ['debug', 'debug'],
  ['verbose', 'trace'],
]);

/** Nest's `LoggerService` over the root logger: `new Logger('X').log(...)` becomes a JSON line with `context: 'X'`. */
export class NestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const pinoLevel = NEST_TO_PINO.get(level) ?? 'info';
    if (!this.root.isLevelEnabled(pinoLevel)) return;
    // Nest passes the context last; `error` passes a stack before it.
    const args = [...rest];
    const context = typeof args.at(-1) === 'string' ? (args.pop() as string) : undefined;
    const stack = level === 'error' && typeof args[0] === 'string' ? (args.shift() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      fields.err = message;
      this.root[pinoLevel](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.root[pinoLevel]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.root[pinoLevel](fields, String(message));
    }
  }
}
