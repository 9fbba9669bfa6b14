import { TypeMetadataStorage } from '@nestjs/graphql';
import { activeStore } from '../tenancy/tenant-context';
import type { JournalAction, JournalEvent } from './journal-event';
import { journalEntityTitleOf, personalDataDeclarationOf, personalDataFieldsOf } from './personal-data';

export type { JournalAction, JournalEvent } from './journal-event';

/**
 * The access journal of personal data (issue 14, docs/adr/0023). Code records events into the
 * running operation; they are written in the operation's own transaction just before it commits
 * (TenantContext.finish → journal-writer.ts), and vanish with it when it rolls back. Outside an
 * operation (no scope) recording is an error: personal data is never touched without a scope.
 *
 * Most events come from `@Journaled(…)` on resolvers and routes (the CRUD factory puts it on
 * every generated operation); a job or a service that touches personal data on its own (erasure,
 * subject access) calls `journal.record(…)`.
 */
export const journal = {
  record(event: JournalEvent): void {
    const store = activeStore();
    if (!store?.scope) throw new Error('journal.record: no operation is running (personal data is only touched under a scope)');
    if (!JOURNAL_SWITCH.enabled) return;
    // Ministry officials read no person's data (their policies admit none): nothing of theirs to journal.
    if (!JOURNALED_ROLES.has(store.scope.role)) return;
    if (journalEntityTitleOf(event.entity) === undefined) untitledEntity(event.entity);
    appendMerged((store.journal ??= []), event);
  },
};

/**
 * Adds `event` to the operation's events, merged into the one with the same school, operation,
 * action and entity (ids and fields added once, in order): a page's field resolver records once per
 * row, and the operation keeps one event per field, which is one journal row at the commit
 * (journal-writer.ts writes the events as they are here).
 */
function appendMerged(events: JournalEvent[], event: JournalEvent): void {
  const found = events.find((e) => e.tenantId === event.tenantId && e.operation === event.operation && e.action === event.action && e.entity === event.entity);
  if (!found) {
    events.push({ ...event, ids: [...new Set(event.ids)], fields: [...new Set(event.fields)] });
    return;
  }
  for (const id of event.ids) if (!found.ids.includes(id)) found.ids.push(id);
  for (const field of event.fields) if (!found.fields.includes(field)) found.fields.push(field);
}

/**
 * Off only in the journal benchmark's "without" half (tools/bench/journal), which measures what the
 * journal costs by running the same requests with recording skipped. Nothing else sets it.
 */
export const JOURNAL_SWITCH = { enabled: true };

/**
 * The roles whose operations can touch personal data: a school's curator, the platform admin, a
 * link's respondent, and a region analyst (a school's roadmap, its nominated mentors).
 */
const JOURNALED_ROLES: ReadonlySet<string> = new Set(['curator', 'platform-admin', 'region-analyst', 'respondent']);

const warnedUntitled = new Set<string>();

/**
 * An entity the journal would show by its English type name: recorded all the same (the journal
 * never loses an event), with one process warning per entity. `journal-coverage.spec.ts` keeps it
 * from landing: every `@Journaled` entity and every entity named in a `journal.record` call of the
 * sources must have its Russian title (the declaration's `title`, or `declareJournalEntity`).
 */
function untitledEntity(entity: string): void {
  if (warnedUntitled.has(entity)) return;
  warnedUntitled.add(entity);
  process.emitWarning(`access journal: entity ${entity} has no Russian title (declare it in the lib's personal-data.ts)`);
}

export const JOURNAL_KEY = 'nastavnik:journaled';

/** What `@Journaled` records about a method; the coverage spec reads it. */
export type JournaledOptions = {
  /** The declared entity (GraphQL type name), or a function that names it late (the CRUD factory's, from the entity class). */
  entity: string | (() => string | null);
  action: JournalAction;
  /** The GraphQL field (`allParticipants`, `Participant.consents`) or the route (`POST /participants/import`); from the arguments where they say more (a dry run). */
  operation: string | ((args: unknown[]) => string);
  /** The records touched, from the method's result and arguments; by default the result (a record, a list or a page). */
  records?: (result: unknown, args: unknown[]) => unknown;
  /** The school, where the records do not carry it (an import's): from the arguments and result; default the scope's. */
  tenant?: (result: unknown, args: unknown[]) => string | null | undefined;
  /** Which argument is the written input: the fields touched are the declared ones it sets. Otherwise every declared field. */
  input?: number;
  /** The declared fields touched, where neither the input's names nor "all of them" say it. */
  fields?: readonly string[];
  /** Record the event even when it touched no record (an import's dry run, a download). */
  always?: boolean;
};

/**
 * Marks a resolver or route method as touching personal data: after it resolves, one event with
 * the records it returned (a page of a list: one event with the page's ids), grouped by school.
 * Nothing is recorded when it throws (its transaction rolls back anyway).
 */
export function Journaled(options: JournaledOptions): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original: unknown = descriptor.value;
    if (typeof original !== 'function') throw new Error('@Journaled() marks methods');
    const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const result: unknown = await original.apply(this, args);
      recordResult(options, result, args);
      return result;
    };
    for (const key of Reflect.getMetadataKeys?.(original) ?? []) Reflect.defineMetadata(key, Reflect.getMetadata(key, original), wrapped);
    Reflect.defineMetadata(JOURNAL_KEY, options, wrapped);
    Object.defineProperty(wrapped, 'name', { value: original.name });
    descriptor.value = wrapped;
    return descriptor;
  };
}

/** The journal options of a method, if it is journaled. */
export function journaledOptionsOf(method: unknown): JournaledOptions | undefined {
  return typeof method === 'function' ? (Reflect.getMetadata(JOURNAL_KEY, method) as JournaledOptions | undefined) : undefined;
}

/** The declared entity a GraphQL object class stands for, if it holds personal data. */
export function personalDataEntityOf(type: unknown): string | null {
  if (typeof type !== 'function') return null;
  const name = TypeMetadataStorage.getObjectTypeMetadataByTarget(type as new () => unknown)?.name;
  return name && personalDataDeclarationOf(name) ? name : null;
}

export function entityNameOf(options: JournaledOptions): string | null {
  return typeof options.entity === 'function' ? options.entity() : options.entity;
}

function recordResult(options: JournaledOptions, result: unknown, args: unknown[]): void {
  const entity = entityNameOf(options);
  if (!entity) return;
  const declared = personalDataFieldsOf(entity);
  const store = activeStore();
  const scope = store?.scope;
  const operation = typeof options.operation === 'function' ? options.operation(args) : options.operation;
  if (!scope) throw new Error(`@Journaled(${operation}): no operation is running`);
  const fields = options.fields ? options.fields.filter((f) => declared.includes(f)) : options.input === undefined ? [...declared] : inputFields(args[options.input], declared);
  const records = listOf(options.records ? options.records(result, args) : result);
  const fallbackTenant = options.tenant?.(result, args) ?? scope.tenantId;
  const byTenant = new Map<string, string[]>();
  for (const record of records) {
    const id = stringProperty(record, 'id');
    const tenant = stringProperty(record, 'tenantId') ?? fallbackTenant;
    if (!tenant) continue;
    const ids = byTenant.get(tenant) ?? [];
    if (id && !ids.includes(id)) ids.push(id);
    byTenant.set(tenant, ids);
  }
  if (byTenant.size === 0 && options.always && fallbackTenant) byTenant.set(fallbackTenant, []);
  for (const [tenantId, ids] of byTenant) {
    if (!ids.length && !options.always) continue;
    journal.record({ tenantId, operation, action: options.action, entity, ids, fields });
  }
}

function listOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  const items = (value as { items?: unknown }).items;
  if (typeof value === 'object' && Array.isArray(items)) return items;
  return [value];
}

function stringProperty(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return null;
  const found: unknown = Reflect.get(value, key);
  return typeof found === 'string' && found ? found : null;
}

/** The declared fields the input sets (never their values). */
function inputFields(input: unknown, declared: readonly string[]): string[] {
  if (typeof input !== 'object' || input === null) return [];
  return declared.filter((field) => Object.prototype.hasOwnProperty.call(input, field) && Reflect.get(input, field) !== undefined);
}
