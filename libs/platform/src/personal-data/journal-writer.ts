import { sqlLiteral } from '../database/sql-literal';
import type { Principal } from '../auth/principal';
import type { Scope } from '../tenancy/scope';
import type { JournalEvent } from './journal-event';

/** Where the operation came from (the request's id and address), as the tenant context carries it. */
export type JournalOrigin = { requestId: string; address?: string };

/**
 * The statement that writes every event of the operation (`app.journal_append`, platform migration
 * 1795301510000), sent with the operation's COMMIT in one simple-protocol query (TenantContext.finish),
 * so its values are one literal quoted by `sqlLiteral` (as pg's `escapeLiteral` quotes). Per event, the school's chain head
 * advances (its row lock orders the school's events, held only until the COMMIT that follows in the
 * same query) and the journal row is inserted with the head's new `seq`, the previous hash and its
 * own hash (`app.journal_hash`, which the verifier recomputes). Schools in id order, so two
 * operations that touch the same schools never wait on each other crosswise.
 */
export function journalStatement(scope: Scope, principal: Principal | undefined, origin: JournalOrigin | undefined, events: readonly JournalEvent[]): string {
  // The events come merged (journal.record keeps one per school, operation, action and entity); a
  // stable sort keeps each school's in the order they were recorded.
  const bySchool = [...events].sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
  const rows = bySchool.map((event) => ({
    tenant_id: event.tenantId,
    actor: scope.actor,
    actor_name: principal?.username ?? null,
    role: scope.role,
    operation: event.operation,
    action: event.action,
    entity: event.entity,
    ids: event.ids,
    fields: event.fields,
    request_id: origin?.requestId ?? null,
    source_address: origin?.address ?? null,
  }));
  return `select app.journal_append(${sqlLiteral(JSON.stringify(rows))}::jsonb)`;
}
