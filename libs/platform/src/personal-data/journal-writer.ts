import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Scope } from '../tenancy/scope';
import type { JournalEvent } from './journal-event';

/** Where the operation came from (the request's id and address), as the tenant context carries it. */
export type JournalOrigin = { requestId: string; address?: string };

/**
 * One statement per event, in the operation's transaction: the school's chain head advances (its
 * row lock orders the school's events; the lock is held from here to the commit, which follows at
 * once) and the journal row is inserted with the head's new `seq`, the previous hash and its own
 * hash (`app.journal_hash`, the same function the verifier recomputes). Schools in id order, so
 * two operations that touch the same schools never wait on each other crosswise.
 */
const INSERT = `
  with head as (
    insert into access_journal_heads as h (tenant_id, seq, prev_hash, hash)
    values ($1::uuid, 1, '', app.journal_hash('', $1::uuid, 1, statement_timestamp(), $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11))
    on conflict (tenant_id) do update
      set seq = h.seq + 1, prev_hash = h.hash,
          hash = app.journal_hash(h.hash, $1::uuid, h.seq + 1, statement_timestamp(), $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11)
    returning seq, prev_hash, hash
  )
  insert into access_journal (tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address, prev_hash, hash)
  select $1::uuid, head.seq, statement_timestamp(), $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11, head.prev_hash, head.hash from head`;

export async function writeJournal(manager: EntityManager, scope: Scope, principal: Principal | undefined, origin: JournalOrigin | undefined, events: readonly JournalEvent[]): Promise<void> {
  const merged = mergeEvents(events).sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
  for (const event of merged) {
    await manager.query(INSERT, [
      event.tenantId,
      scope.actor,
      principal?.username ?? null,
      scope.role,
      event.operation,
      event.action,
      event.entity,
      event.ids,
      event.fields,
      origin?.requestId ?? null,
      origin?.address ?? null,
    ]);
  }
}

/**
 * Events of one operation that differ only in their ids become one: a page's field resolvers
 * (`Participant.consents` once per row) are one event with the page's ids.
 */
export function mergeEvents(events: readonly JournalEvent[]): JournalEvent[] {
  const byKey = new Map<string, JournalEvent>();
  for (const event of events) {
    const key = JSON.stringify([event.tenantId, event.operation, event.action, event.entity]);
    const found = byKey.get(key);
    if (!found) {
      byKey.set(key, { ...event, ids: [...new Set(event.ids)], fields: [...new Set(event.fields)] });
      continue;
    }
    for (const id of event.ids) if (!found.ids.includes(id)) found.ids.push(id);
    for (const field of event.fields) if (!found.fields.includes(field)) found.fields.push(field);
  }
  return [...byKey.values()];
}
