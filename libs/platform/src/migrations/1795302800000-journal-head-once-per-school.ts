import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOURNAL_APPEND_ASYNC_SQL } from './1795301520000-journal-of-reads-commits-async';

/**
 * `app.journal_append(events jsonb)`, the chain head taken once per school and operation (issues 14
 * and 15, docs/adr/0023 «One head update per school»). The events are grouped by school, schools
 * in id order (two operations never wait crosswise); per school the head row is locked once
 * (`select … for update`; a school's first event creates it at seq 0 with an empty hash), each event's
 * row gets the next `seq`, the previous row's hash and its own `app.journal_hash` — computed once —
 * and the head is updated once, to the last row. The rows and the chain are exactly those of one
 * head upsert per event (the verifier is unchanged); what goes is a head update, a second hash and
 * an upsert's conflict check per event after the first. A curator's list page has two or three
 * events (the page and its nested reads), and a school's concurrent requests queue on its head from
 * the journal statement to the COMMIT: one lock instead of three shortens that queue.
 * A transaction that wrote nothing before the journal still commits asynchronously (1795301520000).
 */
export const JOURNAL_APPEND_ONCE_PER_SCHOOL_SQL = `app.journal_append(events jsonb) returns integer
      language plpgsql security invoker set search_path = pg_catalog, public
      as $$
      declare
        school record;
        e jsonb;
        head record;
        at timestamptz := statement_timestamp();
        next_seq bigint;
        prev text;
        next_hash text;
        ids text[];
        flds text[];
        written integer := 0;
      begin
        if pg_current_xact_id_if_assigned() is null then
          perform set_config('synchronous_commit', 'off', true);
        end if;
        for school in
          select (x.value->>'tenant_id')::uuid as tenant_id, array_agg(x.value order by x.n) as events
            from jsonb_array_elements(events) with ordinality as x(value, n)
           group by 1 order by 1
        loop
          select h.seq, h.hash into head from access_journal_heads h where h.tenant_id = school.tenant_id for update;
          if not found then
            insert into access_journal_heads (tenant_id, seq, prev_hash, hash) values (school.tenant_id, 0, '', '') on conflict (tenant_id) do nothing;
            select h.seq, h.hash into strict head from access_journal_heads h where h.tenant_id = school.tenant_id for update;
          end if;
          next_seq := head.seq;
          next_hash := head.hash;
          foreach e in array school.events loop
            ids := array(select jsonb_array_elements_text(e->'ids'));
            flds := array(select jsonb_array_elements_text(e->'fields'));
            next_seq := next_seq + 1;
            prev := next_hash;
            next_hash := app.journal_hash(prev, school.tenant_id, next_seq, at, e->>'actor', e->>'actor_name', e->>'role',
                                          e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address');
            insert into access_journal (tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address, prev_hash, hash)
            values (school.tenant_id, next_seq, at, e->>'actor', e->>'actor_name', e->>'role', e->>'operation', e->>'action', e->>'entity', ids, flds,
                    e->>'request_id', e->>'source_address', prev, next_hash);
            written := written + 1;
          end loop;
          update access_journal_heads h set seq = next_seq, prev_hash = prev, hash = next_hash where h.tenant_id = school.tenant_id;
        end loop;
        return written;
      end $$`;

export class JournalHeadOncePerSchool1795302800000 implements MigrationInterface {
  name = 'JournalHeadOncePerSchool1795302800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_ONCE_PER_SCHOOL_SQL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_ASYNC_SQL}`);
  }
}
