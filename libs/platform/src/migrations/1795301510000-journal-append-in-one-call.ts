import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../database/db-roles';

/** The function's signature and body as this migration created it (the next one wraps it). */
export const JOURNAL_APPEND_SQL = `app.journal_append(events jsonb) returns integer
      language plpgsql security invoker set search_path = pg_catalog, public
      as $$
      declare
        e jsonb;
        t uuid;
        ids text[];
        flds text[];
        head record;
        written integer := 0;
      begin
        for e in select value from jsonb_array_elements(events) loop
          t := (e->>'tenant_id')::uuid;
          ids := array(select jsonb_array_elements_text(e->'ids'));
          flds := array(select jsonb_array_elements_text(e->'fields'));
          insert into access_journal_heads as h (tenant_id, seq, prev_hash, hash)
          values (t, 1, '', app.journal_hash('', t, 1, statement_timestamp(), e->>'actor', e->>'actor_name', e->>'role',
                                             e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address'))
          on conflict (tenant_id) do update
            set seq = h.seq + 1, prev_hash = h.hash,
                hash = app.journal_hash(h.hash, t, h.seq + 1, statement_timestamp(), e->>'actor', e->>'actor_name', e->>'role',
                                        e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address')
          returning h.seq, h.prev_hash, h.hash into head;
          insert into access_journal (tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address, prev_hash, hash)
          values (t, head.seq, statement_timestamp(), e->>'actor', e->>'actor_name', e->>'role', e->>'operation', e->>'action', e->>'entity', ids, flds,
                  e->>'request_id', e->>'source_address', head.prev_hash, head.hash);
          written := written + 1;
        end loop;
        return written;
      end $$`;

/**
 * `app.journal_append(events jsonb)`: every event of one operation written in one round trip
 * (docs/adr/0023). For each event, in the order given (the writer sorts them by school): the
 * school's chain head advances and the row goes in with the head's new `seq`, previous hash and
 * `app.journal_hash`. An ordinary (SECURITY INVOKER) function: it runs as the caller, under the
 * journal's and the heads' forced policies, exactly as the two statements it replaces.
 */
export class JournalAppendInOneCall1795301510000 implements MigrationInterface {
  name = 'JournalAppendInOneCall1795301510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create function ${JOURNAL_APPEND_SQL}`);
    await q.query(`revoke all on function app.journal_append(jsonb) from public`);
    await q.query(`grant execute on function app.journal_append(jsonb) to ${DB_ROLES.app}, ${DB_ROLES.platformAdmin}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function app.journal_append(jsonb)`);
  }
}
