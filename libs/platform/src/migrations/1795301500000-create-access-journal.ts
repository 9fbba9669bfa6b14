import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../database/db-roles';
import { declareRowPolicies, rowPolicies } from '../database/row-policies';

const APP = DB_ROLES.app;
const ADMIN = DB_ROLES.platformAdmin;
const RESPONDENT = `(select app.scope_role()) = 'respondent'`;

/**
 * The access journal of personal data (issue 14, docs/adr/0023): who read or wrote which person's
 * data, written in the operation's own transaction.
 *
 * - `access_journal`: append-only, partitioned by month on `at`. The app role (and the admin's)
 *   may INSERT and SELECT under forced RLS — a curator their own school's rows, the platform admin
 *   every row — and nothing else: no UPDATE or DELETE grant, no such policy. Only the owner (who
 *   runs migrations) could change a row, and the hash chain makes that visible.
 * - `access_journal_heads`: one row per school, the chain's last `seq` and `hash`, updated by the
 *   same statement that inserts a journal row (the row lock orders a school's events).
 * - `app.journal_hash(…)`: the row hash, sha256 over the previous hash and a canonical JSON of the
 *   row's content; the writer and the verifier (`npm run -s cli -- journal verify`) share it.
 * - `app.journal_ensure_partitions(ahead)` / `app.journal_drop_expired(months)`: SECURITY DEFINER
 *   (the owner's), the only DDL the app role may cause — monthly partitions created ahead, and
 *   whole months past retention dropped (never fewer than 12 months kept, whatever the caller asks).
 */
export class CreateAccessJournal1795301500000 implements MigrationInterface {
  name = 'CreateAccessJournal1795301500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table access_journal (
        tenant_id uuid not null,
        seq bigint not null,
        at timestamptz not null default statement_timestamp(),
        actor text not null,
        actor_name text,
        role text not null,
        operation text not null,
        action text not null check (action in ('read', 'create', 'update', 'delete', 'import', 'export', 'erase')),
        entity text not null,
        entity_ids text[] not null default '{}',
        fields text[] not null default '{}',
        request_id text,
        source_address text,
        prev_hash text not null,
        hash text not null,
        constraint access_journal_pkey primary key (tenant_id, seq, at)
      ) partition by range (at)`);
    await q.query(`create index access_journal_tenant_at on access_journal (tenant_id, at)`);
    await q.query(`comment on table access_journal is 'Журнал доступа к персональным данным: только добавление, цепочка хешей по организации (docs/adr/0023)'`);
    await q.query(`
      create table access_journal_heads (
        tenant_id uuid not null,
        seq bigint not null,
        prev_hash text not null,
        hash text not null,
        constraint access_journal_heads_pkey primary key (tenant_id)
      )`);
    await q.query(`
      create function app.journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamptz, actor text, actor_name text, role text,
                                       operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text)
      returns text language sql immutable parallel safe
      as $$ select encode(sha256(convert_to(prev_hash || jsonb_build_array(tenant_id, seq, (extract(epoch from at) * 1000000)::bigint, actor, actor_name, role,
                                       operation, action, entity, entity_ids, fields, request_id, source_address)::text, 'UTF8')), 'hex') $$`);
    await q.query(`
      create function app.journal_ensure_partitions(ahead integer default 2) returns integer
      language plpgsql security definer set search_path = pg_catalog, public
      as $$
      declare
        first date := date_trunc('month', now())::date;
        month date;
        name text;
        created integer := 0;
      begin
        for i in 0..least(greatest(ahead, 0), 12) loop
          month := (first + make_interval(months => i))::date;
          name := format('access_journal_y%sm%s', to_char(month, 'YYYY'), to_char(month, 'MM'));
          if to_regclass('public.' || name) is null then
            execute format('create table if not exists public.%I partition of public.access_journal for values from (%L) to (%L)',
                           name, month::timestamptz, (month + interval '1 month')::timestamptz);
            execute format('alter table public.%I enable row level security', name);
            execute format('alter table public.%I force row level security', name);
            -- Directly, a partition admits nobody (and grants nothing): its rows are read and written through access_journal.
            execute format('create policy %I on public.%I as restrictive for all to public using (false) with check (false)', name || '_none', name);
            execute format('comment on policy %I on public.%I is %L', name || '_none', name, 'custom: nobody directly; the rows are reached through access_journal and its policies');
            created := created + 1;
          end if;
        end loop;
        return created;
      end $$`);
    await q.query(`
      create function app.journal_drop_expired(retention_months integer) returns integer
      language plpgsql security definer set search_path = pg_catalog, public
      as $$
      declare
        keep_from timestamptz := date_trunc('month', now()) - make_interval(months => greatest(retention_months, 12));
        part record;
        dropped integer := 0;
      begin
        for part in
          select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
            from pg_inherits i join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'public.access_journal'::regclass
        loop
          if (substring(part.bound from 'TO \\(''([^'']+)''\\)'))::timestamptz <= keep_from then
            execute format('drop table if exists public.%I', part.name);
            dropped := dropped + 1;
          end if;
        end loop;
        return dropped;
      end $$`);
    await q.query(`revoke all on function app.journal_ensure_partitions(integer), app.journal_drop_expired(integer) from public`);
    await q.query(`grant execute on function app.journal_hash(text, uuid, bigint, timestamptz, text, text, text, text, text, text, text[], text[], text, text) to ${APP}, ${ADMIN}`);
    await q.query(`grant execute on function app.journal_ensure_partitions(integer), app.journal_drop_expired(integer) to ${APP}, ${ADMIN}`);
    await q.query(`select app.journal_ensure_partitions(2)`);
    // Append-only for everyone but the owner: no update or delete granted, no policy for them either.
    await q.query(`grant select, insert on access_journal to ${APP}, ${ADMIN}`);
    await q.query(`grant select, insert, update on access_journal_heads to ${APP}, ${ADMIN}`);
    await declareRowPolicies(
      q,
      rowPolicies(
        'access_journal',
        { kind: 'curator-own', for: 'select', name: 'curator_read', adminName: 'admin_read' },
        { kind: 'curator-own', for: 'insert', name: 'curator_insert', adminName: 'admin_insert' },
        {
          kind: 'custom',
          name: 'respondent_insert',
          why: "a questionnaire link's respondent records opening and answering their link (the school is the link's)",
          for: 'insert',
          check: `${RESPONDENT} and role = 'respondent'`,
        },
      ),
      rowPolicies(
        'access_journal_heads',
        { kind: 'curator-own' },
        {
          kind: 'custom',
          name: 'respondent',
          why: "a questionnaire link's respondent advances the chain of the link's school",
          for: 'all',
          using: RESPONDENT,
          check: RESPONDENT,
        },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_journal_heads`);
    await q.query(`drop table access_journal`);
    await q.query(`drop function app.journal_drop_expired(integer)`);
    await q.query(`drop function app.journal_ensure_partitions(integer)`);
    await q.query(`drop function app.journal_hash(text, uuid, bigint, timestamptz, text, text, text, text, text, text, text[], text[], text, text)`);
  }
}
