import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOURNAL_APPEND_ASYNC_SQL } from './1795301520000-journal-of-reads-commits-async';

/**
 * `app.journal_append(events jsonb)`, the chain head taken once per school and operation (issues 14
 * and 15, docs/adr/0023). The writer sends a school's events one after another, schools in id order
 * (two operations never wait crosswise). A run of several events of one school — a curator's list
 * page and its nested reads, two or three — locks the head once (`select … for update`; a school's
 * first event creates it at seq 0 with an empty hash), gives each row the next `seq`, the previous
 * row's hash and its own `app.journal_hash`, computed once, and moves the head once, to the last
 * row. A lone event (a write) keeps the one-statement upsert of the head. The rows and the chain are
 * exactly those of one upsert per event (the verifier is unchanged); what goes is, per event after
 * a school's first, a head update, a second hash and an upsert's conflict check. A school's
 * concurrent requests queue on its head from the journal statement to the COMMIT: one lock per page
 * instead of three shortens that queue. A transaction that wrote nothing before the journal still
 * commits asynchronously (1795301520000).
 */
export const JOURNAL_APPEND_ONCE_PER_SCHOOL_SQL = `app.journal_append(events jsonb) returns integer
      language plpgsql security invoker set search_path = pg_catalog, public
      as $$
      declare
        n integer := jsonb_array_length(events);
        e jsonb;
        t uuid;
        first_of_run boolean := true;
        last_of_run boolean;
        head record;
        at timestamptz := statement_timestamp();
        next_seq bigint;
        prev text;
        next_hash text;
        ids text[];
        flds text[];
      begin
        if pg_current_xact_id_if_assigned() is null then
          perform set_config('synchronous_commit', 'off', true);
        end if;
        -- The writer sends a school's events one after another, schools in id order: a run of one
        -- school's events takes its head once.
        for i in 0 .. n - 1 loop
          e := events -> i;
          t := (e->>'tenant_id')::uuid;
          last_of_run := i = n - 1 or (events -> (i + 1) ->> 'tenant_id')::uuid is distinct from t;
          ids := array(select jsonb_array_elements_text(e->'ids'));
          flds := array(select jsonb_array_elements_text(e->'fields'));
          if first_of_run and last_of_run then
            -- One event of its school (a write): one statement advances the head.
            insert into access_journal_heads as h (tenant_id, seq, prev_hash, hash)
            values (t, 1, '', app.journal_hash('', t, 1, at, e->>'actor', e->>'actor_name', e->>'role',
                                               e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address'))
            on conflict (tenant_id) do update
              set seq = h.seq + 1, prev_hash = h.hash,
                  hash = app.journal_hash(h.hash, t, h.seq + 1, at, e->>'actor', e->>'actor_name', e->>'role',
                                          e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address')
            returning h.seq, h.prev_hash, h.hash into head;
            next_seq := head.seq;
            prev := head.prev_hash;
            next_hash := head.hash;
          else
            if first_of_run then
              select h.seq, h.hash into head from access_journal_heads h where h.tenant_id = t for update;
              if not found then
                insert into access_journal_heads (tenant_id, seq, prev_hash, hash) values (t, 0, '', '') on conflict (tenant_id) do nothing;
                select h.seq, h.hash into strict head from access_journal_heads h where h.tenant_id = t for update;
              end if;
              next_seq := head.seq;
              next_hash := head.hash;
            end if;
            next_seq := next_seq + 1;
            prev := next_hash;
            next_hash := app.journal_hash(prev, t, next_seq, at, e->>'actor', e->>'actor_name', e->>'role',
                                          e->>'operation', e->>'action', e->>'entity', ids, flds, e->>'request_id', e->>'source_address');
            if last_of_run then
              update access_journal_heads h set seq = next_seq, prev_hash = prev, hash = next_hash where h.tenant_id = t;
            end if;
          end if;
          insert into access_journal (tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address, prev_hash, hash)
          values (t, next_seq, at, e->>'actor', e->>'actor_name', e->>'role', e->>'operation', e->>'action', e->>'entity', ids, flds,
                  e->>'request_id', e->>'source_address', prev, next_hash);
          first_of_run := last_of_run;
        end loop;
        return n;
      end $$`;

export class JournalHeadOncePerSchool1795302810000 implements MigrationInterface {
  name = 'JournalHeadOncePerSchool1795302810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_ONCE_PER_SCHOOL_SQL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${JOURNAL_APPEND_ASYNC_SQL}`);
  }
}
