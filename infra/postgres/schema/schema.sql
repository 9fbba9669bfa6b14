-- The schema the migrations build, dumped from a freshly migrated database (pg_dump --schema-only).
-- Generated: do not edit. Regenerate with `node -r ./tools/register.cjs tools/db/dump-schema.ts`;
-- tools/db/schema-dump.spec.ts compares this file with a fresh dump.
--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: nastavnik_owner
--

CREATE SCHEMA app;

ALTER SCHEMA app OWNER TO nastavnik_owner;

--
-- Name: ltree; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;

--
-- Name: EXTENSION ltree; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION ltree IS 'data type for hierarchical tree-like structures';

--
-- Name: competition_entry_guard(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.competition_entry_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin
        if app.scope_role() = 'region-analyst' then
          if (to_jsonb(new) - 'result' - 'result_at' - 'updated_at') is distinct from (to_jsonb(old) - 'result' - 'result_at' - 'updated_at') then
            raise exception 'a region analyst changes only the result of an entry' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and (new.result is distinct from old.result or new.result_at is distinct from old.result_at) then
          raise exception 'the result of an entry is the region''s' using errcode = '42501';
        end if;
        return new;
      end $$;

ALTER FUNCTION app.competition_entry_guard() OWNER TO nastavnik_owner;

--
-- Name: completion_tenant_path(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.completion_tenant_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      declare
        found_path ltree;
      begin
        select t.path into found_path from tenant_tree t
         where t.id = new.tenant_id
           and case when tg_argv[0] = 'organisation' then t.kind = 'organisation' else t.kind in ('region', 'municipality') end;
        if found_path is null then
          raise exception 'completion record of a tenant that is not a visible %', tg_argv[0] using errcode = '23503', constraint = tg_table_name || '_tenant';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$;

ALTER FUNCTION app.completion_tenant_path() OWNER TO nastavnik_owner;

--
-- Name: contingent_tenant_path(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.contingent_tenant_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      declare
        found_path ltree;
      begin
        select t.path into found_path from tenants t where t.id = new.tenant_id and t.kind = 'organisation';
        if found_path is null then
          raise exception 'contingent of a tenant that is not a visible organisation' using errcode = '23503', constraint = 'school_contingents_organisation';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$;

ALTER FUNCTION app.contingent_tenant_path() OWNER TO nastavnik_owner;

--
-- Name: journal_append(jsonb); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.journal_append(events jsonb) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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
      end $$;

ALTER FUNCTION app.journal_append(events jsonb) OWNER TO nastavnik_owner;

--
-- Name: journal_drop_expired(integer); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.journal_drop_expired(retention_months integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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
          if (substring(part.bound from 'TO \(''([^'']+)''\)'))::timestamptz <= keep_from then
            execute format('drop table if exists public.%I', part.name);
            dropped := dropped + 1;
          end if;
        end loop;
        return dropped;
      end $$;

ALTER FUNCTION app.journal_drop_expired(retention_months integer) OWNER TO nastavnik_owner;

--
-- Name: journal_ensure_partitions(integer); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.journal_ensure_partitions(ahead integer DEFAULT 2) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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
      end $$;

ALTER FUNCTION app.journal_ensure_partitions(ahead integer) OWNER TO nastavnik_owner;

--
-- Name: journal_hash(text, uuid, bigint, timestamp with time zone, text, text, text, text, text, text, text[], text[], text, text); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamp with time zone, actor text, actor_name text, role text, operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select encode(sha256(convert_to(prev_hash || jsonb_build_array(tenant_id, seq, (extract(epoch from at) * 1000000)::bigint, actor, actor_name, role,
                                       operation, action, entity, entity_ids, fields, request_id, source_address)::text, 'UTF8')), 'hex') $$;

ALTER FUNCTION app.journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamp with time zone, actor text, actor_name text, role text, operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text) OWNER TO nastavnik_owner;

--
-- Name: link_hash(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.link_hash() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('app.link_hash', true), '') $$;

ALTER FUNCTION app.link_hash() OWNER TO nastavnik_owner;

--
-- Name: practice_case_guard(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.practice_case_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin
        if app.scope_role() = 'region-analyst' then
          if tg_op = 'INSERT' or (to_jsonb(new) - 'status' - 'moderator_comment' - 'moderated_at' - 'published_at' - 'updated_at')
                                 is distinct from (to_jsonb(old) - 'status' - 'moderator_comment' - 'moderated_at' - 'published_at' - 'updated_at') then
            raise exception 'a region analyst changes only the moderation of a case' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
          raise exception 'a case is published by the region' using errcode = '42501';
        end if;
        return new;
      end $$;

ALTER FUNCTION app.practice_case_guard() OWNER TO nastavnik_owner;

--
-- Name: record_school_data_change(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.record_school_data_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      declare
        source text := case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end;
      begin
        execute format(
          'insert into school_data_changes (tenant_id, area, changed_on)
           select distinct tenant_id, %L, current_date from %I
           on conflict do nothing', TG_ARGV[0], source);
        return null;
      end $$;

ALTER FUNCTION app.record_school_data_change() OWNER TO nastavnik_owner;

--
-- Name: report_submission_guard(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.report_submission_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin
        if new.tenant_id <> old.tenant_id or new.school_year <> old.school_year or new.version < old.version then
          raise exception 'a yearly report keeps its school, year and versions' using errcode = '42501';
        end if;
        if app.scope_role() = 'region-analyst' then
          if new.note is distinct from old.note or new.version <> old.version
             or old.status <> 'submitted' or new.status not in ('accepted', 'returned') then
            raise exception 'a region analyst only accepts or returns a submitted report' using errcode = '42501';
          end if;
        elsif app.scope_role() = 'curator' and new.status in ('accepted', 'returned') and new.status <> old.status then
          raise exception 'a curator does not accept or return reports' using errcode = '42501';
        end if;
        new.updated_at := now();
        return new;
      end $$;

ALTER FUNCTION app.report_submission_guard() OWNER TO nastavnik_owner;

--
-- Name: report_submission_tenant_path(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.report_submission_tenant_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      declare
        wanted text := case when tg_table_name = 'report_submission_due_dates' then 'region' else 'organisation' end;
        found_path ltree;
      begin
        select t.path into found_path from tenants t where t.id = new.tenant_id and t.kind = wanted;
        if found_path is null then
          raise exception '% of a tenant that is not a visible %', tg_table_name, wanted using errcode = '23503', constraint = tg_table_name || '_tenant';
        end if;
        new.tenant_path := found_path;
        return new;
      end $$;

ALTER FUNCTION app.report_submission_tenant_path() OWNER TO nastavnik_owner;

--
-- Name: request_indicator_recompute(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.request_indicator_recompute() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      declare
        period_expr text := case when TG_ARGV[0] = 'current' then 'app.school_year(current_date)' else quote_ident(TG_ARGV[0]) end;
        source text := case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end;
      begin
        -- Plain "on conflict do nothing": with a conflict target Postgres also applies the SELECT
        -- policy, which a link respondent must not have. The partial unique index still makes a
        -- burst of edits one pending request.
        execute format(
          'insert into indicator_recompute_requests (tenant_id, period, reason)
           select distinct tenant_id, %s, ''edit'' from %s
           on conflict do nothing', period_expr, source);
        return null;
      end $$;

ALTER FUNCTION app.request_indicator_recompute() OWNER TO nastavnik_owner;

--
-- Name: school_year(date); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.school_year(d date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        select case when extract(month from d) >= 9 then extract(year from d)::int || '/' || (extract(year from d)::int + 1)
                    else (extract(year from d)::int - 1) || '/' || extract(year from d)::int end $$;

ALTER FUNCTION app.school_year(d date) OWNER TO nastavnik_owner;

--
-- Name: scope_all(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_all() RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin return coalesce(nullif(current_setting('app.all_tenants', true), '') = 'on', false); end $$;

ALTER FUNCTION app.scope_all() OWNER TO nastavnik_owner;

--
-- Name: scope_curator_tenant_id(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_curator_tenant_id() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin
      return case when current_setting('app.role', true) = 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$;

ALTER FUNCTION app.scope_curator_tenant_id() OWNER TO nastavnik_owner;

--
-- Name: scope_path(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_path() RETURNS public.ltree
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin return nullif(current_setting('app.tenant_path', true), '')::public.ltree; end $$;

ALTER FUNCTION app.scope_path() OWNER TO nastavnik_owner;

--
-- Name: scope_reader_path(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_reader_path() RETURNS public.ltree
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin
      return case when current_setting('app.role', true) in ('region-analyst', 'ministry-official')
                  then nullif(current_setting('app.tenant_path', true), '')::public.ltree end; end $$;

ALTER FUNCTION app.scope_reader_path() OWNER TO nastavnik_owner;

--
-- Name: scope_role(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_role() RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
      declare
        claimed text := nullif(current_setting('app.role', true), '');
      begin
        if claimed = 'platform-admin' and current_user <> 'nastavnik_platform_admin' then
          return null;
        end if;
        return claimed;
      end $$;

ALTER FUNCTION app.scope_role() OWNER TO nastavnik_owner;

--
-- Name: scope_tenant_high(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_tenant_high() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin
      return case nullif(current_setting('app.role', true), '') when 'platform-admin' then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
                                                                when 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$;

ALTER FUNCTION app.scope_tenant_high() OWNER TO nastavnik_owner;

--
-- Name: scope_tenant_id(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_tenant_id() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin return nullif(current_setting('app.tenant_id', true), '')::uuid; end $$;

ALTER FUNCTION app.scope_tenant_id() OWNER TO nastavnik_owner;

--
-- Name: scope_tenant_low(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.scope_tenant_low() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ begin
      return case nullif(current_setting('app.role', true), '') when 'platform-admin' then '00000000-0000-0000-0000-000000000000'::uuid
                                                                when 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$;

ALTER FUNCTION app.scope_tenant_low() OWNER TO nastavnik_owner;

--
-- Name: tenant_by_code(text); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.tenant_by_code(p_code text) RETURNS TABLE(id uuid, kind text, path public.ltree)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$ select t.id, t.kind, t.path from public.tenants t where t.code = p_code $$;

ALTER FUNCTION app.tenant_by_code(p_code text) OWNER TO nastavnik_owner;

--
-- Name: withdraw_questionnaire_links(); Type: FUNCTION; Schema: app; Owner: nastavnik_owner
--

CREATE FUNCTION app.withdraw_questionnaire_links() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      begin
        if not exists (
          select 1 from consents c
           where c.tenant_id = new.tenant_id and c.participant_id = new.participant_id
             and c.revoked_on is null and c.signed_on <= current_date
             and (c.valid_until is null or c.valid_until >= current_date)
             and 'questionnaires' = any (c.purposes)) then
          update questionnaire_links set withdrawn_at = now(), updated_at = now()
           where tenant_id = new.tenant_id and participant_id = new.participant_id
             and used_at is null and withdrawn_at is null and expires_at > now();
        end if;
        return null;
      end $$;

ALTER FUNCTION app.withdraw_questionnaire_links() OWNER TO nastavnik_owner;

SET default_tablespace = '';

--
-- Name: access_journal; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.access_journal (
    tenant_id uuid NOT NULL,
    seq bigint NOT NULL,
    at timestamp with time zone DEFAULT statement_timestamp() NOT NULL,
    actor text NOT NULL,
    actor_name text,
    role text NOT NULL,
    operation text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_ids text[] DEFAULT '{}'::text[] NOT NULL,
    fields text[] DEFAULT '{}'::text[] NOT NULL,
    request_id text,
    source_address text,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT access_journal_action_check CHECK ((action = ANY (ARRAY['read'::text, 'create'::text, 'update'::text, 'delete'::text, 'import'::text, 'export'::text, 'erase'::text])))
)
PARTITION BY RANGE (at);

ALTER TABLE ONLY public.access_journal FORCE ROW LEVEL SECURITY;

ALTER TABLE public.access_journal OWNER TO nastavnik_owner;

--
-- Name: TABLE access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON TABLE public.access_journal IS 'Журнал доступа к персональным данным: только добавление, цепочка хешей по организации (docs/adr/0023)';

SET default_table_access_method = heap;

--
-- Name: access_journal_heads; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.access_journal_heads (
    tenant_id uuid NOT NULL,
    seq bigint NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

ALTER TABLE ONLY public.access_journal_heads FORCE ROW LEVEL SECURITY;

ALTER TABLE public.access_journal_heads OWNER TO nastavnik_owner;

--
-- Name: competition_entries; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.competition_entries (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    competition_id uuid NOT NULL,
    nomination_id uuid NOT NULL,
    nomination text NOT NULL,
    mentor_name text NOT NULL,
    reason text NOT NULL,
    school_name text NOT NULL,
    result text,
    result_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT competition_entries_mentor_name_check CHECK (((length(btrim(mentor_name)) >= 1) AND (length(btrim(mentor_name)) <= 300))),
    CONSTRAINT competition_entries_nomination_check CHECK ((nomination = ANY (ARRAY['best_mentor'::text, 'mentor_of_the_year'::text, 'best_pair'::text, 'best_pair_mentor_plus'::text, 'best_student_mentor'::text]))),
    CONSTRAINT competition_entries_reason_check CHECK (((length(btrim(reason)) >= 10) AND (length(btrim(reason)) <= 2000))),
    CONSTRAINT competition_entries_result_check CHECK ((result = ANY (ARRAY['winner'::text, 'prize_winner'::text, 'participant'::text]))),
    CONSTRAINT competition_entries_school_name_check CHECK (((length(btrim(school_name)) >= 1) AND (length(btrim(school_name)) <= 500)))
);

ALTER TABLE ONLY public.competition_entries FORCE ROW LEVEL SECURITY;

ALTER TABLE public.competition_entries OWNER TO nastavnik_owner;

--
-- Name: consents; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.consents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    signed_by text NOT NULL,
    representative_name text,
    representative_relation text,
    signed_on date NOT NULL,
    purposes text[] NOT NULL,
    valid_until date,
    document_ref text,
    revoked_on date,
    revocation_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT consents_document_ref_check CHECK ((length(document_ref) <= 300)),
    CONSTRAINT consents_purposes_check CHECK (((purposes <@ ARRAY['processing'::text, 'pairing'::text, 'questionnaires'::text, 'reports'::text, 'publication'::text, 'mentor_appointment'::text, 'extra_duties'::text, 'cross_org_sharing'::text]) AND ('processing'::text = ANY (purposes)))),
    CONSTRAINT consents_representative CHECK (((signed_by = 'legal_representative'::text) = ((representative_name IS NOT NULL) AND (representative_relation IS NOT NULL)))),
    CONSTRAINT consents_representative_name_check CHECK (((length(representative_name) >= 3) AND (length(representative_name) <= 300))),
    CONSTRAINT consents_representative_relation_check CHECK ((representative_relation = ANY (ARRAY['mother'::text, 'father'::text, 'guardian'::text, 'trustee'::text, 'other'::text]))),
    CONSTRAINT consents_revocation_reason CHECK (((revoked_on IS NULL) = (revocation_reason IS NULL))),
    CONSTRAINT consents_revocation_reason_check CHECK (((length(revocation_reason) >= 1) AND (length(revocation_reason) <= 1000))),
    CONSTRAINT consents_revoked_after_signed CHECK (((revoked_on IS NULL) OR (revoked_on >= signed_on))),
    CONSTRAINT consents_signed_by_check CHECK ((signed_by = ANY (ARRAY['self'::text, 'legal_representative'::text]))),
    CONSTRAINT consents_signed_on_check CHECK ((signed_on >= '2000-01-01'::date)),
    CONSTRAINT consents_valid_after_signed CHECK (((valid_until IS NULL) OR (valid_until >= signed_on)))
);

ALTER TABLE ONLY public.consents FORCE ROW LEVEL SECURITY;

ALTER TABLE public.consents OWNER TO nastavnik_owner;

--
-- Name: participant_base_entries; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.participant_base_entries (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    base text NOT NULL,
    status text DEFAULT 'potential'::text NOT NULL,
    included_on date DEFAULT CURRENT_DATE NOT NULL,
    surveyed_on date,
    selected_on date,
    trained_on date,
    paired_on date,
    finished_on date,
    withdrawn_on date,
    withdrawal_reason text,
    categories text[] DEFAULT '{}'::text[] NOT NULL,
    request text,
    competencies text,
    motivation text,
    info_sources text[] DEFAULT '{}'::text[] NOT NULL,
    third_party_notes text,
    interview_result text,
    psych_ready boolean,
    training_form text,
    max_mentees smallint,
    council_member boolean DEFAULT false NOT NULL,
    awards text,
    results text,
    satisfied boolean,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT participant_base_entries_awards_check CHECK ((length(awards) <= 2000)),
    CONSTRAINT participant_base_entries_base_check CHECK ((base = ANY (ARRAY['mentor'::text, 'mentee'::text]))),
    CONSTRAINT participant_base_entries_categories_check CHECK ((categories <@ ARRAY['young_specialist'::text, 'new_employee'::text, 'burnout'::text, 'digital_skills'::text, 'disoriented'::text, 'low_results'::text, 'behaviour'::text, 'detached'::text, 'special_needs'::text, 'disability'::text, 'gifted'::text, 'difficult_situation'::text, 'passive'::text, 'active'::text])),
    CONSTRAINT participant_base_entries_competencies_check CHECK ((length(competencies) <= 2000)),
    CONSTRAINT participant_base_entries_info_sources_check CHECK ((info_sources <@ ARRAY['self'::text, 'questionnaire'::text, 'class_teacher'::text, 'psychologist'::text, 'social_pedagogue'::text, 'parents'::text, 'personal_file'::text, 'methodological_work'::text, 'attestation'::text, 'lesson_visits'::text])),
    CONSTRAINT participant_base_entries_interview_result_check CHECK ((length(interview_result) <= 2000)),
    CONSTRAINT participant_base_entries_max_mentees_check CHECK (((max_mentees >= 1) AND (max_mentees <= 30))),
    CONSTRAINT participant_base_entries_mentor_only CHECK (((base = 'mentor'::text) OR ((status <> 'trained'::text) AND (trained_on IS NULL) AND (training_form IS NULL) AND (max_mentees IS NULL) AND (council_member = false)))),
    CONSTRAINT participant_base_entries_motivation_check CHECK ((length(motivation) <= 2000)),
    CONSTRAINT participant_base_entries_request_check CHECK ((length(request) <= 2000)),
    CONSTRAINT participant_base_entries_results_check CHECK ((length(results) <= 4000)),
    CONSTRAINT participant_base_entries_status_check CHECK ((status = ANY (ARRAY['potential'::text, 'surveyed'::text, 'selected'::text, 'trained'::text, 'in_pair'::text, 'finished'::text, 'withdrawn'::text]))),
    CONSTRAINT participant_base_entries_third_party_notes_check CHECK ((length(third_party_notes) <= 2000)),
    CONSTRAINT participant_base_entries_training_form_check CHECK ((training_form = ANY (ARRAY['in_person'::text, 'distance'::text, 'individual'::text]))),
    CONSTRAINT participant_base_entries_withdrawal_reason_check CHECK ((length(withdrawal_reason) <= 1000)),
    CONSTRAINT participant_base_entries_withdrawn_dated CHECK (((status = 'withdrawn'::text) = (withdrawn_on IS NOT NULL)))
);

ALTER TABLE ONLY public.participant_base_entries FORCE ROW LEVEL SECURITY;

ALTER TABLE public.participant_base_entries OWNER TO nastavnik_owner;

--
-- Name: ind_base_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_base_facts AS
 SELECT participant_base_entries.tenant_id,
    participant_base_entries.participant_id,
    participant_base_entries.base,
    ((participant_base_entries.surveyed_on IS NOT NULL) OR (participant_base_entries.status = ANY (ARRAY['surveyed'::text, 'selected'::text, 'trained'::text, 'in_pair'::text, 'finished'::text]))) AS surveyed,
    ((participant_base_entries.trained_on IS NOT NULL) OR (participant_base_entries.status = 'trained'::text) OR ((participant_base_entries.base = 'mentor'::text) AND (participant_base_entries.status = ANY (ARRAY['in_pair'::text, 'finished'::text])) AND (participant_base_entries.trained_on IS NOT NULL))) AS trained,
    participant_base_entries.included_on,
    COALESCE(participant_base_entries.withdrawn_on, participant_base_entries.finished_on) AS left_on
   FROM public.participant_base_entries;

ALTER TABLE public.ind_base_facts OWNER TO nastavnik_owner;

--
-- Name: school_contingent_ages; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.school_contingent_ages (
    tenant_id uuid NOT NULL,
    contingent_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    age smallint NOT NULL,
    pupils integer NOT NULL,
    CONSTRAINT school_contingent_ages_age_check CHECK (((age >= 5) AND (age <= 25))),
    CONSTRAINT school_contingent_ages_pupils_check CHECK (((pupils >= 0) AND (pupils <= 10000)))
);

ALTER TABLE ONLY public.school_contingent_ages FORCE ROW LEVEL SECURITY;

ALTER TABLE public.school_contingent_ages OWNER TO nastavnik_owner;

--
-- Name: school_contingents; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.school_contingents (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    school_year text NOT NULL,
    teachers integer NOT NULL,
    source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT school_contingents_school_year_check CHECK (((school_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND (("right"(school_year, 4))::integer = (("left"(school_year, 4))::integer + 1)))),
    CONSTRAINT school_contingents_source_check CHECK ((source = ANY (ARRAY['console'::text, 'school-import'::text, 'region-import'::text]))),
    CONSTRAINT school_contingents_teachers_check CHECK (((teachers >= 0) AND (teachers <= 5000)))
);

ALTER TABLE ONLY public.school_contingents FORCE ROW LEVEL SECURITY;

ALTER TABLE public.school_contingents OWNER TO nastavnik_owner;

--
-- Name: ind_contingent_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_contingent_facts AS
 SELECT a.tenant_id,
    c.school_year AS period,
    'student'::text AS kind,
    (a.age)::integer AS age,
    a.pupils AS headcount
   FROM (public.school_contingent_ages a
     JOIN public.school_contingents c ON (((c.tenant_id = a.tenant_id) AND (c.id = a.contingent_id))))
UNION ALL
 SELECT c.tenant_id,
    c.school_year AS period,
    'teacher'::text AS kind,
    NULL::integer AS age,
    c.teachers AS headcount
   FROM public.school_contingents c;

ALTER TABLE public.ind_contingent_facts OWNER TO nastavnik_owner;

--
-- Name: meeting_types; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.meeting_types (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    description text,
    scope text NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT meeting_types_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT meeting_types_description_check CHECK ((length(description) <= 4000)),
    CONSTRAINT meeting_types_scope_check CHECK ((scope = ANY (ARRAY['pair'::text, 'programme'::text]))),
    CONSTRAINT meeting_types_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT meeting_types_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.meeting_types FORCE ROW LEVEL SECURITY;

ALTER TABLE public.meeting_types OWNER TO nastavnik_owner;

--
-- Name: meetings; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.meetings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    pair_id uuid,
    meeting_type_id uuid NOT NULL,
    direction_id uuid,
    held_on date NOT NULL,
    duration_minutes integer,
    topic text,
    notes text,
    attendee_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT meetings_attendee_ids_check CHECK ((cardinality(attendee_ids) <= 500)),
    CONSTRAINT meetings_duration_minutes_check CHECK (((duration_minutes >= 1) AND (duration_minutes <= 1440))),
    CONSTRAINT meetings_held_on_check CHECK (((held_on >= '2000-01-01'::date) AND (held_on <= '2100-12-31'::date))),
    CONSTRAINT meetings_notes_check CHECK ((length(notes) <= 8000)),
    CONSTRAINT meetings_topic_check CHECK ((length(topic) <= 1000))
);

ALTER TABLE ONLY public.meetings FORCE ROW LEVEL SECURITY;

ALTER TABLE public.meetings OWNER TO nastavnik_owner;

--
-- Name: mentoring_directions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentoring_directions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    short_title text NOT NULL,
    audience text NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentoring_directions_audience_check CHECK ((audience = ANY (ARRAY['students'::text, 'teachers'::text]))),
    CONSTRAINT mentoring_directions_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT mentoring_directions_short_title_check CHECK (((length(btrim(short_title)) >= 1) AND (length(btrim(short_title)) <= 300))),
    CONSTRAINT mentoring_directions_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT mentoring_directions_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.mentoring_directions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentoring_directions OWNER TO nastavnik_owner;

--
-- Name: programmes; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.programmes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    title text NOT NULL,
    academic_year text NOT NULL,
    form_id uuid NOT NULL,
    role_model_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    format_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    direction_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    goal text,
    tasks text[] DEFAULT '{}'::text[] NOT NULL,
    expected_results text[] DEFAULT '{}'::text[] NOT NULL,
    start_date date,
    end_date date,
    status text DEFAULT 'draft'::text NOT NULL,
    approval_order_id uuid,
    mentor_capacity smallint DEFAULT 5 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT programmes_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT programmes_active_dated CHECK (((status = 'draft'::text) OR ((start_date IS NOT NULL) AND (end_date IS NOT NULL)))),
    CONSTRAINT programmes_dates CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT programmes_direction_ids_check CHECK ((cardinality(direction_ids) <= 50)),
    CONSTRAINT programmes_end_date_check CHECK (((end_date >= '2000-01-01'::date) AND (end_date <= '2100-12-31'::date))),
    CONSTRAINT programmes_expected_results_check CHECK ((cardinality(expected_results) <= 50)),
    CONSTRAINT programmes_format_ids_check CHECK ((cardinality(format_ids) <= 50)),
    CONSTRAINT programmes_goal_check CHECK ((length(goal) <= 4000)),
    CONSTRAINT programmes_mentor_capacity_check CHECK (((mentor_capacity >= 1) AND (mentor_capacity <= 30))),
    CONSTRAINT programmes_role_model_ids_check CHECK ((cardinality(role_model_ids) <= 50)),
    CONSTRAINT programmes_start_date_check CHECK (((start_date >= '2000-01-01'::date) AND (start_date <= '2100-12-31'::date))),
    CONSTRAINT programmes_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'completed'::text]))),
    CONSTRAINT programmes_tasks_check CHECK ((cardinality(tasks) <= 50)),
    CONSTRAINT programmes_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 500)))
);

ALTER TABLE ONLY public.programmes FORCE ROW LEVEL SECURITY;

ALTER TABLE public.programmes OWNER TO nastavnik_owner;

--
-- Name: ind_meeting_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_meeting_facts AS
 SELECT m.tenant_id,
    m.id AS meeting_id,
    t.code AS meeting_type,
    d.code AS direction,
    pr.academic_year AS period
   FROM (((public.meetings m
     JOIN public.meeting_types t ON ((t.id = m.meeting_type_id)))
     LEFT JOIN public.mentoring_directions d ON ((d.id = m.direction_id)))
     JOIN public.programmes pr ON (((pr.tenant_id = m.tenant_id) AND (pr.id = m.programme_id))));

ALTER TABLE public.ind_meeting_facts OWNER TO nastavnik_owner;

--
-- Name: mentoring_pairs; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentoring_pairs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    mentor_id uuid NOT NULL,
    role_model_id uuid,
    direction_id uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    formation_method text,
    start_date date,
    end_date date,
    end_reason text,
    end_comment text,
    result text,
    fixing_order_id uuid,
    warnings text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentoring_pairs_dates CHECK (((end_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT mentoring_pairs_end_comment_check CHECK ((length(end_comment) <= 2000)),
    CONSTRAINT mentoring_pairs_end_date_check CHECK (((end_date >= '2000-01-01'::date) AND (end_date <= '2100-12-31'::date))),
    CONSTRAINT mentoring_pairs_end_reason CHECK (((status = 'ended_early'::text) = (end_reason IS NOT NULL))),
    CONSTRAINT mentoring_pairs_end_reason_check CHECK ((end_reason = ANY (ARRAY['participant_initiative'::text, 'mutual_decision'::text, 'curator_initiative'::text, 'mentor_replacement'::text, 'other'::text]))),
    CONSTRAINT mentoring_pairs_ended CHECK (((status = ANY (ARRAY['completed'::text, 'ended_early'::text])) = (end_date IS NOT NULL))),
    CONSTRAINT mentoring_pairs_formation_method_check CHECK ((formation_method = ANY (ARRAY['curator'::text, 'questionnaire'::text, 'group_meeting'::text, 'suggestion'::text]))),
    CONSTRAINT mentoring_pairs_result_check CHECK ((length(result) <= 4000)),
    CONSTRAINT mentoring_pairs_start_date_check CHECK (((start_date >= '2000-01-01'::date) AND (start_date <= '2100-12-31'::date))),
    CONSTRAINT mentoring_pairs_started CHECK (((status = 'draft'::text) OR (start_date IS NOT NULL))),
    CONSTRAINT mentoring_pairs_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'completed'::text, 'ended_early'::text])))
);

ALTER TABLE ONLY public.mentoring_pairs FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentoring_pairs OWNER TO nastavnik_owner;

--
-- Name: pair_mentees; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.pair_mentees (
    tenant_id uuid NOT NULL,
    pair_id uuid NOT NULL,
    mentor_id uuid NOT NULL,
    mentee_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT pair_mentees_not_own_mentor CHECK ((mentee_id <> mentor_id))
);

ALTER TABLE ONLY public.pair_mentees FORCE ROW LEVEL SECURITY;

ALTER TABLE public.pair_mentees OWNER TO nastavnik_owner;

--
-- Name: ind_membership_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_membership_facts AS
 SELECT p.tenant_id,
    p.mentor_id AS participant_id,
    'mentor'::text AS role,
    pr.academic_year AS period
   FROM (public.mentoring_pairs p
     JOIN public.programmes pr ON ((pr.id = p.programme_id)))
  WHERE (p.status = ANY (ARRAY['active'::text, 'completed'::text, 'ended_early'::text]))
UNION ALL
 SELECT m.tenant_id,
    m.mentee_id AS participant_id,
    'mentee'::text AS role,
    pr.academic_year AS period
   FROM ((public.pair_mentees m
     JOIN public.mentoring_pairs p ON ((p.id = m.pair_id)))
     JOIN public.programmes pr ON ((pr.id = p.programme_id)))
  WHERE (p.status = ANY (ARRAY['active'::text, 'completed'::text, 'ended_early'::text]));

ALTER TABLE public.ind_membership_facts OWNER TO nastavnik_owner;

--
-- Name: questionnaire_answers; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.questionnaire_answers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    response_id uuid NOT NULL,
    template_id uuid NOT NULL,
    question_id uuid NOT NULL,
    value_number smallint,
    value_text text,
    value_options text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT questionnaire_answers_one_value CHECK ((num_nonnulls(value_number, value_text, value_options) = 1)),
    CONSTRAINT questionnaire_answers_value_options_check CHECK (((cardinality(value_options) >= 1) AND (cardinality(value_options) <= 50))),
    CONSTRAINT questionnaire_answers_value_text_check CHECK (((length(btrim(value_text)) >= 1) AND (length(btrim(value_text)) <= 4000)))
);

ALTER TABLE ONLY public.questionnaire_answers FORCE ROW LEVEL SECURITY;

ALTER TABLE public.questionnaire_answers OWNER TO nastavnik_owner;

--
-- Name: questionnaire_questions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.questionnaire_questions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid,
    template_id uuid NOT NULL,
    "position" integer NOT NULL,
    kind text NOT NULL,
    text text NOT NULL,
    hint text,
    required boolean DEFAULT true NOT NULL,
    scale_min smallint,
    scale_max smallint,
    min_label text,
    max_label text,
    option_codes text[] DEFAULT '{}'::text[] NOT NULL,
    option_labels text[] DEFAULT '{}'::text[] NOT NULL,
    is_satisfaction boolean DEFAULT false NOT NULL,
    satisfied_min smallint,
    satisfied_options text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT questionnaire_questions_hint_check CHECK ((length(hint) <= 1000)),
    CONSTRAINT questionnaire_questions_kind_check CHECK ((kind = ANY (ARRAY['rating'::text, 'single_choice'::text, 'multiple_choice'::text, 'open'::text]))),
    CONSTRAINT questionnaire_questions_max_label_check CHECK ((length(max_label) <= 200)),
    CONSTRAINT questionnaire_questions_min_label_check CHECK ((length(min_label) <= 200)),
    CONSTRAINT questionnaire_questions_option_codes_check CHECK (((cardinality(option_codes) <= 50) AND (array_to_string(option_codes, ','::text) ~ '^([a-z0-9_]{1,40}(,|$))*$'::text))),
    CONSTRAINT questionnaire_questions_options CHECK (((cardinality(option_codes) = cardinality(option_labels)) AND ((kind = ANY (ARRAY['single_choice'::text, 'multiple_choice'::text])) = (cardinality(option_codes) >= 2)))),
    CONSTRAINT questionnaire_questions_position_check CHECK ((("position" >= 1) AND ("position" <= 1000))),
    CONSTRAINT questionnaire_questions_satisfaction CHECK ((((NOT is_satisfaction) OR (required AND (kind <> 'open'::text))) AND ((satisfied_min IS NOT NULL) = (is_satisfaction AND (kind = 'rating'::text))) AND ((satisfied_min IS NULL) OR ((satisfied_min >= scale_min) AND (satisfied_min <= scale_max))) AND ((cardinality(satisfied_options) > 0) = (is_satisfaction AND (kind = ANY (ARRAY['single_choice'::text, 'multiple_choice'::text])))) AND (satisfied_options <@ option_codes))),
    CONSTRAINT questionnaire_questions_scale CHECK ((((kind = 'rating'::text) = ((scale_min IS NOT NULL) AND (scale_max IS NOT NULL))) AND ((scale_min IS NULL) OR (scale_min < scale_max)))),
    CONSTRAINT questionnaire_questions_scale_labels CHECK (((kind = 'rating'::text) OR ((min_label IS NULL) AND (max_label IS NULL)))),
    CONSTRAINT questionnaire_questions_scale_max_check CHECK (((scale_max >= 1) AND (scale_max <= 100))),
    CONSTRAINT questionnaire_questions_scale_min_check CHECK (((scale_min >= 0) AND (scale_min <= 100))),
    CONSTRAINT questionnaire_questions_text_check CHECK (((length(btrim(text)) >= 3) AND (length(btrim(text)) <= 1000)))
);

ALTER TABLE ONLY public.questionnaire_questions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.questionnaire_questions OWNER TO nastavnik_owner;

--
-- Name: questionnaire_responses; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.questionnaire_responses (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    template_id uuid NOT NULL,
    participant_id uuid,
    programme_id uuid,
    pair_id uuid,
    respondent_role text NOT NULL,
    academic_year text NOT NULL,
    phase text NOT NULL,
    channel text NOT NULL,
    link_id uuid,
    satisfied boolean,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    entered_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT questionnaire_responses_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT questionnaire_responses_channel_check CHECK ((channel = ANY (ARRAY['curator'::text, 'link'::text]))),
    CONSTRAINT questionnaire_responses_entered_by_check CHECK ((length(entered_by) <= 200)),
    CONSTRAINT questionnaire_responses_link_channel CHECK (((channel = 'link'::text) OR (link_id IS NULL))),
    CONSTRAINT questionnaire_responses_person CHECK (((participant_id IS NOT NULL) OR (respondent_role = 'curator'::text))),
    CONSTRAINT questionnaire_responses_phase_check CHECK ((phase = ANY (ARRAY['pre'::text, 'post'::text, 'none'::text]))),
    CONSTRAINT questionnaire_responses_respondent_role_check CHECK ((respondent_role = ANY (ARRAY['mentor'::text, 'mentee'::text, 'curator'::text]))),
    CONSTRAINT questionnaire_responses_submitted CHECK ((submitted_at >= '2000-01-01 00:00:00+00'::timestamp with time zone))
);

ALTER TABLE ONLY public.questionnaire_responses FORCE ROW LEVEL SECURITY;

ALTER TABLE public.questionnaire_responses OWNER TO nastavnik_owner;

--
-- Name: ind_outcome_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_outcome_facts AS
 WITH answered AS (
         SELECT r.id,
            r.tenant_id,
            r.programme_id,
            r.respondent_role AS role,
            r.participant_id,
            r.phase,
            r.submitted_at,
            a.value_number AS value,
            ((q.kind || ':'::text) || lower(regexp_replace(btrim(q.text), '\s+'::text, ' '::text, 'g'::text))) AS qkey,
                CASE
                    WHEN (r.programme_id IS NULL) THEN r.academic_year
                    ELSE min(r.academic_year) OVER (PARTITION BY r.tenant_id, r.programme_id)
                END AS period
           FROM ((public.questionnaire_responses r
             JOIN public.questionnaire_answers a ON (((a.tenant_id = r.tenant_id) AND (a.response_id = r.id))))
             JOIN public.questionnaire_questions q ON ((q.id = a.question_id)))
          WHERE ((q.kind = 'rating'::text) AND (a.value_number >= 0) AND (r.participant_id IS NOT NULL) AND (r.respondent_role = ANY (ARRAY['mentor'::text, 'mentee'::text])) AND (r.phase = ANY (ARRAY['pre'::text, 'post'::text])))
        ), chosen AS (
         SELECT DISTINCT ON (answered.tenant_id, answered.period, answered.programme_id, answered.role, answered.qkey, answered.participant_id, answered.phase) answered.tenant_id,
            answered.period,
            answered.programme_id,
            answered.role,
            answered.qkey,
            answered.participant_id,
            answered.phase,
            answered.value
           FROM answered
          ORDER BY answered.tenant_id, answered.period, answered.programme_id, answered.role, answered.qkey, answered.participant_id, answered.phase,
                CASE
                    WHEN (answered.phase = 'pre'::text) THEN answered.submitted_at
                    ELSE NULL::timestamp with time zone
                END, answered.submitted_at DESC, answered.id
        ), persons AS (
         SELECT chosen.tenant_id,
            chosen.period,
            chosen.programme_id,
            chosen.role,
            chosen.qkey,
            chosen.participant_id,
            max(chosen.value) FILTER (WHERE (chosen.phase = 'pre'::text)) AS before,
            max(chosen.value) FILTER (WHERE (chosen.phase = 'post'::text)) AS after
           FROM chosen
          GROUP BY chosen.tenant_id, chosen.period, chosen.programme_id, chosen.role, chosen.qkey, chosen.participant_id
        )
 SELECT persons.tenant_id,
    persons.period,
    persons.role,
    upper(substr(md5(((persons.role || '|'::text) || persons.qkey)), 1, 12)) AS question,
    count(*) FILTER (WHERE ((persons.before IS NOT NULL) AND (persons.after IS NOT NULL))) AS pairs,
    COALESCE(sum(persons.before) FILTER (WHERE (persons.after IS NOT NULL)), (0)::bigint) AS sum_before,
    COALESCE(sum(persons.after) FILTER (WHERE (persons.before IS NOT NULL)), (0)::bigint) AS sum_after,
    count(*) FILTER (WHERE (persons.after IS NULL)) AS only_before,
    count(*) FILTER (WHERE (persons.before IS NULL)) AS only_after
   FROM persons
  GROUP BY persons.tenant_id, persons.period, persons.role, persons.qkey;

ALTER TABLE public.ind_outcome_facts OWNER TO nastavnik_owner;

--
-- Name: participants; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.participants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    kind text NOT NULL,
    last_name text NOT NULL,
    first_name text NOT NULL,
    middle_name text,
    name_key text GENERATED ALWAYS AS (lower(translate((((last_name || ' '::text) || first_name) || COALESCE((' '::text || middle_name), ''::text)), 'Ёё'::text, 'Ее'::text))) STORED,
    birth_date date,
    sex text,
    grade smallint,
    class_letter text,
    "position" text,
    teaching_experience_years smallint,
    class_teacher boolean DEFAULT false NOT NULL,
    subjects text[] DEFAULT '{}'::text[] NOT NULL,
    organisation_name text,
    email text,
    phone text,
    achievements text,
    requests text[] DEFAULT '{}'::text[] NOT NULL,
    interests text[] DEFAULT '{}'::text[] NOT NULL,
    directions text[] DEFAULT '{}'::text[] NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    erased_at timestamp with time zone,
    age_cohort smallint,
    CONSTRAINT participants_achievements_check CHECK ((length(achievements) <= 2000)),
    CONSTRAINT participants_age_cohort_check CHECK (((age_cohort >= 1900) AND (age_cohort <= 2200))),
    CONSTRAINT participants_birth_date_check CHECK ((birth_date >= '1900-01-01'::date)),
    CONSTRAINT participants_class_letter_check CHECK (((length(class_letter) >= 1) AND (length(class_letter) <= 3))),
    CONSTRAINT participants_directions_check CHECK ((directions <@ ARRAY['D01'::text, 'D02'::text, 'D03'::text, 'D04'::text, 'D05'::text, 'D06'::text, 'D07'::text, 'D08'::text, 'D09'::text, 'D10'::text, 'D11'::text])),
    CONSTRAINT participants_email_check CHECK (((length(email) >= 3) AND (length(email) <= 200))),
    CONSTRAINT participants_erased_without_birth_date CHECK (((erased_at IS NULL) OR (birth_date IS NULL))),
    CONSTRAINT participants_first_name_check CHECK (((length(first_name) >= 1) AND (length(first_name) <= 100))),
    CONSTRAINT participants_grade_check CHECK (((grade >= 1) AND (grade <= 11))),
    CONSTRAINT participants_grade_only_for_students CHECK (((kind = 'student'::text) OR ((grade IS NULL) AND (class_letter IS NULL)))),
    CONSTRAINT participants_interests_check CHECK ((interests <@ ARRAY['intellectual'::text, 'sport'::text, 'volunteer'::text, 'creative'::text, 'methodological'::text])),
    CONSTRAINT participants_kind_check CHECK ((kind = ANY (ARRAY['student'::text, 'teacher'::text, 'uni_student'::text, 'college_rep'::text, 'employer_rep'::text, 'graduate'::text, 'parent'::text, 'veteran'::text, 'other'::text]))),
    CONSTRAINT participants_last_name_check CHECK (((length(last_name) >= 1) AND (length(last_name) <= 100))),
    CONSTRAINT participants_middle_name_check CHECK (((length(middle_name) >= 1) AND (length(middle_name) <= 100))),
    CONSTRAINT participants_notes_check CHECK ((length(notes) <= 4000)),
    CONSTRAINT participants_organisation_name_check CHECK (((length(organisation_name) >= 1) AND (length(organisation_name) <= 300))),
    CONSTRAINT participants_phone_check CHECK (((length(phone) >= 5) AND (length(phone) <= 40))),
    CONSTRAINT participants_position_check CHECK (((length("position") >= 1) AND (length("position") <= 200))),
    CONSTRAINT participants_requests_check CHECK ((cardinality(requests) <= 20)),
    CONSTRAINT participants_sex_check CHECK ((sex = ANY (ARRAY['male'::text, 'female'::text]))),
    CONSTRAINT participants_subjects_check CHECK ((cardinality(subjects) <= 20)),
    CONSTRAINT participants_teaching_experience_years_check CHECK (((teaching_experience_years >= 0) AND (teaching_experience_years <= 60)))
);

ALTER TABLE ONLY public.participants FORCE ROW LEVEL SECURITY;

ALTER TABLE public.participants OWNER TO nastavnik_owner;

--
-- Name: ind_person_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_person_facts AS
 SELECT participants.tenant_id,
    participants.id AS participant_id,
    participants.kind,
    COALESCE(participants.birth_date, make_date((participants.age_cohort)::integer, 9, 1)) AS birth_date
   FROM public.participants;

ALTER TABLE public.ind_person_facts OWNER TO nastavnik_owner;

--
-- Name: ind_satisfaction_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_satisfaction_facts AS
 SELECT DISTINCT ON (r.tenant_id, r.participant_id, r.respondent_role, r.academic_year) r.tenant_id,
    r.participant_id,
    r.respondent_role AS role,
    r.academic_year AS period,
    r.satisfied
   FROM public.questionnaire_responses r
  WHERE ((r.satisfied IS NOT NULL) AND (r.participant_id IS NOT NULL) AND (r.respondent_role = ANY (ARRAY['mentor'::text, 'mentee'::text])))
  ORDER BY r.tenant_id, r.participant_id, r.respondent_role, r.academic_year, r.submitted_at DESC;

ALTER TABLE public.ind_satisfaction_facts OWNER TO nastavnik_owner;

--
-- Name: programme_scorecards; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.programme_scorecards (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    academic_year text NOT NULL,
    e1 smallint NOT NULL,
    e2 smallint NOT NULL,
    e3 smallint NOT NULL,
    e4 smallint NOT NULL,
    e5 smallint NOT NULL,
    e6 smallint NOT NULL,
    e7 smallint NOT NULL,
    e8 smallint NOT NULL,
    e9 smallint NOT NULL,
    total smallint GENERATED ALWAYS AS (((((((((e1 + e2) + e3) + e4) + e5) + e6) + e7) + e8) + e9)) STORED,
    level text GENERATED ALWAYS AS (
CASE
    WHEN (((((((((e1 + e2) + e3) + e4) + e5) + e6) + e7) + e8) + e9) >= 15) THEN 'optimal'::text
    WHEN (((((((((e1 + e2) + e3) + e4) + e5) + e6) + e7) + e8) + e9) >= 9) THEN 'acceptable'::text
    ELSE 'unacceptable'::text
END) STORED,
    rated_on date DEFAULT CURRENT_DATE NOT NULL,
    rater text NOT NULL,
    comment text,
    entered_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT programme_scorecards_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT programme_scorecards_comment_check CHECK ((length(comment) <= 4000)),
    CONSTRAINT programme_scorecards_e1_check CHECK (((e1 >= 0) AND (e1 <= 2))),
    CONSTRAINT programme_scorecards_e2_check CHECK (((e2 >= 0) AND (e2 <= 2))),
    CONSTRAINT programme_scorecards_e3_check CHECK (((e3 >= 0) AND (e3 <= 2))),
    CONSTRAINT programme_scorecards_e4_check CHECK (((e4 >= 0) AND (e4 <= 2))),
    CONSTRAINT programme_scorecards_e5_check CHECK (((e5 >= 0) AND (e5 <= 2))),
    CONSTRAINT programme_scorecards_e6_check CHECK (((e6 >= 0) AND (e6 <= 2))),
    CONSTRAINT programme_scorecards_e7_check CHECK (((e7 >= 0) AND (e7 <= 2))),
    CONSTRAINT programme_scorecards_e8_check CHECK (((e8 >= 0) AND (e8 <= 2))),
    CONSTRAINT programme_scorecards_e9_check CHECK (((e9 >= 0) AND (e9 <= 2))),
    CONSTRAINT programme_scorecards_entered_by_check CHECK ((length(entered_by) <= 200)),
    CONSTRAINT programme_scorecards_rated_on_check CHECK (((rated_on >= '2000-01-01'::date) AND (rated_on <= '2100-12-31'::date))),
    CONSTRAINT programme_scorecards_rater_check CHECK (((length(btrim(rater)) >= 2) AND (length(btrim(rater)) <= 300)))
);

ALTER TABLE ONLY public.programme_scorecards FORCE ROW LEVEL SECURITY;

ALTER TABLE public.programme_scorecards OWNER TO nastavnik_owner;

--
-- Name: ind_scorecard_facts; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.ind_scorecard_facts AS
 SELECT programme_scorecards.tenant_id,
    programme_scorecards.id AS scorecard_id,
    programme_scorecards.academic_year AS period,
    programme_scorecards.level,
    programme_scorecards.total
   FROM public.programme_scorecards;

ALTER TABLE public.ind_scorecard_facts OWNER TO nastavnik_owner;

--
-- Name: indicator_recompute_requests; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.indicator_recompute_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    period text NOT NULL,
    reason text DEFAULT 'edit'::text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    error text,
    CONSTRAINT indicator_recompute_requests_error_check CHECK ((length(error) <= 2000)),
    CONSTRAINT indicator_recompute_requests_period_check CHECK ((period ~ '^[0-9]{4}/[0-9]{4}$'::text)),
    CONSTRAINT indicator_recompute_requests_reason_check CHECK ((reason = ANY (ARRAY['edit'::text, 'nightly'::text, 'manual'::text]))),
    CONSTRAINT indicator_recompute_requests_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'done'::text, 'failed'::text])))
);

ALTER TABLE ONLY public.indicator_recompute_requests FORCE ROW LEVEL SECURITY;

ALTER TABLE public.indicator_recompute_requests OWNER TO nastavnik_owner;

--
-- Name: indicator_snapshots; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.indicator_snapshots (
    tenant_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    period text NOT NULL,
    indicator_code text NOT NULL,
    numerator bigint NOT NULL,
    denominator bigint,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    computation_id uuid NOT NULL,
    denominator_source text,
    CONSTRAINT indicator_snapshots_denominator_check CHECK ((denominator >= 0)),
    CONSTRAINT indicator_snapshots_denominator_source_check CHECK ((denominator_source = ANY (ARRAY['contingent'::text, 'registered'::text]))),
    CONSTRAINT indicator_snapshots_indicator_code_check CHECK ((indicator_code ~ '^[A-Z][A-Z0-9_.]{0,39}$'::text)),
    CONSTRAINT indicator_snapshots_numerator_check CHECK ((numerator >= 0)),
    CONSTRAINT indicator_snapshots_period_check CHECK ((period ~ '^[0-9]{4}/[0-9]{4}$'::text))
);

ALTER TABLE ONLY public.indicator_snapshots FORCE ROW LEVEL SECURITY;

ALTER TABLE public.indicator_snapshots OWNER TO nastavnik_owner;

--
-- Name: indicator_snapshot_values; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.indicator_snapshot_values WITH (security_invoker='true') AS
 SELECT indicator_snapshots.tenant_id,
    indicator_snapshots.tenant_path,
    indicator_snapshots.period,
    indicator_snapshots.indicator_code,
    indicator_snapshots.numerator,
    indicator_snapshots.denominator,
    indicator_snapshots.computed_at,
    indicator_snapshots.denominator_source
   FROM public.indicator_snapshots;

ALTER TABLE public.indicator_snapshot_values OWNER TO nastavnik_owner;

--
-- Name: indicator_targets; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.indicator_targets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    period text NOT NULL,
    indicator_code text NOT NULL,
    target numeric(9,2) NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT indicator_targets_indicator_code_check CHECK ((indicator_code ~ '^[A-Z][A-Z0-9_.]{0,39}$'::text)),
    CONSTRAINT indicator_targets_period_check CHECK ((period ~ '^[0-9]{4}/[0-9]{4}$'::text)),
    CONSTRAINT indicator_targets_target_check CHECK ((target >= (0)::numeric))
);

ALTER TABLE ONLY public.indicator_targets FORCE ROW LEVEL SECURITY;

ALTER TABLE public.indicator_targets OWNER TO nastavnik_owner;

--
-- Name: indicator_target_values; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.indicator_target_values WITH (security_invoker='true') AS
 SELECT indicator_targets.tenant_id,
    indicator_targets.tenant_path,
    indicator_targets.period,
    indicator_targets.indicator_code,
    indicator_targets.target
   FROM public.indicator_targets;

ALTER TABLE public.indicator_target_values OWNER TO nastavnik_owner;

--
-- Name: interest_areas; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.interest_areas (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT interest_areas_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT interest_areas_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT interest_areas_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.interest_areas FORCE ROW LEVEL SECURITY;

ALTER TABLE public.interest_areas OWNER TO nastavnik_owner;

--
-- Name: match_suggestions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.match_suggestions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    programme_id uuid NOT NULL,
    run_id uuid NOT NULL,
    mentor_id uuid NOT NULL,
    mentee_id uuid NOT NULL,
    score double precision NOT NULL,
    explanation text NOT NULL,
    components jsonb DEFAULT '[]'::jsonb NOT NULL,
    status text DEFAULT 'proposed'::text NOT NULL,
    pair_id uuid,
    decided_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT match_suggestions_decided CHECK (((status = 'proposed'::text) = (decided_at IS NULL))),
    CONSTRAINT match_suggestions_distinct CHECK ((mentor_id <> mentee_id)),
    CONSTRAINT match_suggestions_explanation_check CHECK ((length(explanation) <= 4000)),
    CONSTRAINT match_suggestions_score_check CHECK (((score >= (0)::double precision) AND (score <= (100)::double precision))),
    CONSTRAINT match_suggestions_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'accepted'::text, 'rejected'::text])))
);

ALTER TABLE ONLY public.match_suggestions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.match_suggestions OWNER TO nastavnik_owner;

--
-- Name: mentor_competitions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentor_competitions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    title text NOT NULL,
    academic_year text NOT NULL,
    nominations text[] NOT NULL,
    entries_until date,
    status text DEFAULT 'open'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentor_competitions_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT mentor_competitions_entries_until_check CHECK (((entries_until >= '2000-01-01'::date) AND (entries_until <= '2100-12-31'::date))),
    CONSTRAINT mentor_competitions_nominations_check CHECK ((((cardinality(nominations) >= 1) AND (cardinality(nominations) <= 5)) AND (nominations <@ ARRAY['best_mentor'::text, 'mentor_of_the_year'::text, 'best_pair'::text, 'best_pair_mentor_plus'::text, 'best_student_mentor'::text]))),
    CONSTRAINT mentor_competitions_status_check CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text]))),
    CONSTRAINT mentor_competitions_title_check CHECK (((length(btrim(title)) >= 3) AND (length(btrim(title)) <= 300)))
);

ALTER TABLE ONLY public.mentor_competitions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentor_competitions OWNER TO nastavnik_owner;

--
-- Name: mentor_nominations; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentor_nominations (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    academic_year text NOT NULL,
    nomination text NOT NULL,
    mentor_id uuid NOT NULL,
    mentor_name text NOT NULL,
    reason text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentor_nominations_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT mentor_nominations_mentor_name_check CHECK (((length(btrim(mentor_name)) >= 1) AND (length(btrim(mentor_name)) <= 300))),
    CONSTRAINT mentor_nominations_nomination_check CHECK ((nomination = ANY (ARRAY['best_mentor'::text, 'mentor_of_the_year'::text, 'best_pair'::text, 'best_pair_mentor_plus'::text, 'best_student_mentor'::text]))),
    CONSTRAINT mentor_nominations_reason_check CHECK (((length(btrim(reason)) >= 10) AND (length(btrim(reason)) <= 2000)))
);

ALTER TABLE ONLY public.mentor_nominations FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentor_nominations OWNER TO nastavnik_owner;

--
-- Name: mentoring_direction_titles; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.mentoring_direction_titles WITH (security_invoker='true') AS
 SELECT mentoring_directions.id,
    mentoring_directions.code,
    mentoring_directions.title,
    mentoring_directions.short_title,
    mentoring_directions.sort_order
   FROM public.mentoring_directions;

ALTER TABLE public.mentoring_direction_titles OWNER TO nastavnik_owner;

--
-- Name: mentoring_formats; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentoring_formats (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    description text,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentoring_formats_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT mentoring_formats_description_check CHECK ((length(description) <= 4000)),
    CONSTRAINT mentoring_formats_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT mentoring_formats_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.mentoring_formats FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentoring_formats OWNER TO nastavnik_owner;

--
-- Name: mentoring_forms; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.mentoring_forms (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    description text,
    goal text,
    tasks text[] DEFAULT '{}'::text[] NOT NULL,
    expected_results text[] DEFAULT '{}'::text[] NOT NULL,
    mentor_profile text[] DEFAULT '{}'::text[] NOT NULL,
    mentee_profile text[] DEFAULT '{}'::text[] NOT NULL,
    mentor_kinds text[] NOT NULL,
    mentee_kinds text[] NOT NULL,
    mentor_min_age integer,
    mentee_min_age integer,
    mentee_max_age integer,
    mentor_usually_older boolean DEFAULT false NOT NULL,
    source text,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mentoring_forms_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT mentoring_forms_description_check CHECK ((length(description) <= 4000)),
    CONSTRAINT mentoring_forms_expected_results_check CHECK ((cardinality(expected_results) <= 50)),
    CONSTRAINT mentoring_forms_goal_check CHECK ((length(goal) <= 4000)),
    CONSTRAINT mentoring_forms_mentee_ages CHECK (((mentee_min_age IS NULL) OR (mentee_max_age IS NULL) OR (mentee_min_age <= mentee_max_age))),
    CONSTRAINT mentoring_forms_mentee_kinds_check CHECK (((cardinality(mentee_kinds) >= 1) AND (mentee_kinds <@ ARRAY['student'::text, 'teacher'::text, 'uni_student'::text, 'college_rep'::text, 'employer_rep'::text, 'graduate'::text, 'parent'::text, 'veteran'::text, 'other'::text]))),
    CONSTRAINT mentoring_forms_mentee_max_age_check CHECK (((mentee_max_age >= 5) AND (mentee_max_age <= 100))),
    CONSTRAINT mentoring_forms_mentee_min_age_check CHECK (((mentee_min_age >= 5) AND (mentee_min_age <= 100))),
    CONSTRAINT mentoring_forms_mentee_profile_check CHECK ((cardinality(mentee_profile) <= 50)),
    CONSTRAINT mentoring_forms_mentor_kinds_check CHECK (((cardinality(mentor_kinds) >= 1) AND (mentor_kinds <@ ARRAY['student'::text, 'teacher'::text, 'uni_student'::text, 'college_rep'::text, 'employer_rep'::text, 'graduate'::text, 'parent'::text, 'veteran'::text, 'other'::text]))),
    CONSTRAINT mentoring_forms_mentor_min_age_check CHECK (((mentor_min_age >= 5) AND (mentor_min_age <= 100))),
    CONSTRAINT mentoring_forms_mentor_profile_check CHECK ((cardinality(mentor_profile) <= 50)),
    CONSTRAINT mentoring_forms_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT mentoring_forms_source_check CHECK ((length(source) <= 500)),
    CONSTRAINT mentoring_forms_tasks_check CHECK ((cardinality(tasks) <= 50)),
    CONSTRAINT mentoring_forms_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.mentoring_forms FORCE ROW LEVEL SECURITY;

ALTER TABLE public.mentoring_forms OWNER TO nastavnik_owner;

--
-- Name: notification_contacts; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.notification_contacts (
    tenant_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    email text NOT NULL,
    name text,
    representative boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_contacts_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+$'::text) AND (length(email) <= 200))),
    CONSTRAINT notification_contacts_name_check CHECK (((length(name) >= 1) AND (length(name) <= 300)))
);

ALTER TABLE ONLY public.notification_contacts FORCE ROW LEVEL SECURITY;

ALTER TABLE public.notification_contacts OWNER TO nastavnik_owner;

--
-- Name: notification_settings; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.notification_settings (
    tenant_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    curator_email text,
    link_reminder_days integer,
    pair_idle_days integer,
    roadmap_due_days integer,
    digest_enabled boolean,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_settings_curator_email_check CHECK (((curator_email ~ '^[^@\s]+@[^@\s]+$'::text) AND (length(curator_email) <= 200))),
    CONSTRAINT notification_settings_link_reminder_days_check CHECK (((link_reminder_days >= 1) AND (link_reminder_days <= 60))),
    CONSTRAINT notification_settings_pair_idle_days_check CHECK (((pair_idle_days >= 1) AND (pair_idle_days <= 365))),
    CONSTRAINT notification_settings_roadmap_due_days_check CHECK (((roadmap_due_days >= 1) AND (roadmap_due_days <= 60)))
);

ALTER TABLE ONLY public.notification_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE public.notification_settings OWNER TO nastavnik_owner;

--
-- Name: notification_unsubscribes; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.notification_unsubscribes (
    tenant_id uuid NOT NULL,
    email text NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_unsubscribes_email_check CHECK (((email = lower(email)) AND ((length(email) >= 3) AND (length(email) <= 200)))),
    CONSTRAINT notification_unsubscribes_kind_check CHECK ((kind = ANY (ARRAY['questionnaire_link'::text, 'questionnaire_reminder'::text, 'pair_idle'::text, 'roadmap_due'::text, 'roadmap_overdue'::text, 'weekly_digest'::text, 'meeting_invitation'::text, 'report_returned'::text, 'report_accepted'::text, 'report_not_submitted'::text])))
);

ALTER TABLE ONLY public.notification_unsubscribes FORCE ROW LEVEL SECURITY;

ALTER TABLE public.notification_unsubscribes OWNER TO nastavnik_owner;

--
-- Name: notifications; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.notifications (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    participant_id uuid,
    consent_purpose text,
    recipient_email text,
    recipient_name text,
    subject text NOT NULL,
    body_text text,
    body_html text,
    ics text,
    message_id text NOT NULL,
    dedupe_key text,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    enqueued_at timestamp with time zone,
    claimed_at timestamp with time zone,
    sent_at timestamp with time zone,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by text NOT NULL,
    CONSTRAINT notifications_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT notifications_consent_purpose_check CHECK ((consent_purpose = 'questionnaires'::text)),
    CONSTRAINT notifications_dedupe_key_check CHECK ((length(dedupe_key) <= 300)),
    CONSTRAINT notifications_kind_check CHECK ((kind = ANY (ARRAY['questionnaire_link'::text, 'questionnaire_reminder'::text, 'pair_idle'::text, 'roadmap_due'::text, 'roadmap_overdue'::text, 'weekly_digest'::text, 'meeting_invitation'::text, 'report_returned'::text, 'report_accepted'::text, 'report_not_submitted'::text]))),
    CONSTRAINT notifications_last_error_check CHECK ((length(last_error) <= 1000)),
    CONSTRAINT notifications_message_id_check CHECK ((message_id ~ '^<[^<>@ ]+@[^<>@ ]+>$'::text)),
    CONSTRAINT notifications_recipient_check CHECK (((recipient_email IS NOT NULL) OR (kind = ANY (ARRAY['report_returned'::text, 'report_accepted'::text])))),
    CONSTRAINT notifications_recipient_email_check CHECK (((length(recipient_email) >= 3) AND (length(recipient_email) <= 200))),
    CONSTRAINT notifications_recipient_name_check CHECK ((length(recipient_name) <= 300)),
    CONSTRAINT notifications_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'cancelled'::text, 'uncertain'::text]))),
    CONSTRAINT notifications_subject_check CHECK (((length(subject) >= 1) AND (length(subject) <= 300)))
);

ALTER TABLE ONLY public.notifications FORCE ROW LEVEL SECURITY;

ALTER TABLE public.notifications OWNER TO nastavnik_owner;

--
-- Name: order_documents; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.order_documents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    kind text NOT NULL,
    number text NOT NULL,
    issued_on date NOT NULL,
    title text NOT NULL,
    issuer text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT order_documents_issued_on_check CHECK (((issued_on >= '2000-01-01'::date) AND (issued_on <= '2100-12-31'::date))),
    CONSTRAINT order_documents_issuer_check CHECK ((length(issuer) <= 300)),
    CONSTRAINT order_documents_kind_check CHECK ((kind = ANY (ARRAY['order'::text, 'directive'::text, 'protocol'::text]))),
    CONSTRAINT order_documents_number_check CHECK (((length(btrim(number)) >= 1) AND (length(btrim(number)) <= 50))),
    CONSTRAINT order_documents_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.order_documents FORCE ROW LEVEL SECURITY;

ALTER TABLE public.order_documents OWNER TO nastavnik_owner;

--
-- Name: participant_eligibility; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.participant_eligibility WITH (security_invoker='true') AS
 SELECT c.tenant_id,
    c.participant_id,
    u.purpose
   FROM ((public.consents c
     JOIN public.participants p ON (((p.tenant_id = c.tenant_id) AND (p.id = c.participant_id))))
     CROSS JOIN LATERAL unnest(c.purposes) u(purpose))
  WHERE ((c.revoked_on IS NULL) AND (c.signed_on <= CURRENT_DATE) AND ((c.valid_until IS NULL) OR (c.valid_until >= CURRENT_DATE)) AND ((c.signed_by = 'legal_representative'::text) OR (NOT (((p.birth_date IS NOT NULL) AND (p.birth_date > (CURRENT_DATE - '18 years'::interval))) OR ((p.birth_date IS NULL) AND (p.kind = 'student'::text))))));

ALTER TABLE public.participant_eligibility OWNER TO nastavnik_owner;

--
-- Name: participant_erasures; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.participant_erasures (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    participant_id uuid NOT NULL,
    reason text NOT NULL,
    status text DEFAULT 'scheduled'::text NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    requested_by text NOT NULL,
    run_after timestamp with time zone NOT NULL,
    due_by timestamp with time zone NOT NULL,
    cancelled_at timestamp with time zone,
    cancelled_by text,
    done_at timestamp with time zone,
    CONSTRAINT participant_erasures_cancelled CHECK ((((status = 'cancelled'::text) = (cancelled_at IS NOT NULL)) AND ((cancelled_at IS NULL) = (cancelled_by IS NULL)))),
    CONSTRAINT participant_erasures_cancelled_by_check CHECK (((length(cancelled_by) >= 1) AND (length(cancelled_by) <= 200))),
    CONSTRAINT participant_erasures_done CHECK (((status = 'done'::text) = (done_at IS NOT NULL))),
    CONSTRAINT participant_erasures_reason_check CHECK ((reason = ANY (ARRAY['consent_withdrawn'::text, 'curator_request'::text]))),
    CONSTRAINT participant_erasures_requested_by_check CHECK (((length(requested_by) >= 1) AND (length(requested_by) <= 200))),
    CONSTRAINT participant_erasures_status_check CHECK ((status = ANY (ARRAY['scheduled'::text, 'cancelled'::text, 'done'::text]))),
    CONSTRAINT participant_erasures_window CHECK (((run_after >= requested_at) AND (due_by >= run_after) AND (due_by <= (requested_at + '30 days'::interval))))
);

ALTER TABLE ONLY public.participant_erasures FORCE ROW LEVEL SECURITY;

ALTER TABLE public.participant_erasures OWNER TO nastavnik_owner;

--
-- Name: participant_import_mappings; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.participant_import_mappings (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    heading_key text NOT NULL,
    heading text NOT NULL,
    field text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT participant_import_mappings_field_check CHECK ((field = ANY (ARRAY['FULL_NAME'::text, 'LAST_NAME'::text, 'FIRST_NAME'::text, 'MIDDLE_NAME'::text, 'BIRTH_DATE'::text, 'SEX'::text, 'KIND'::text, 'GRADE'::text, 'POSITION'::text, 'TEACHING_EXPERIENCE_YEARS'::text, 'SUBJECTS'::text, 'ORGANISATION_NAME'::text, 'PHONE'::text, 'EMAIL'::text, 'BASES'::text, 'REQUESTS'::text, 'INTERESTS'::text, 'DIRECTIONS'::text, 'ACHIEVEMENTS'::text, 'NOTES'::text, 'CONSENT_DATE'::text, 'CONSENT_SIGNER'::text, 'CONSENT_REPRESENTATIVE'::text, 'CONSENT_RELATION'::text, 'CONSENT_PURPOSES'::text, 'CONSENT_VALID_UNTIL'::text, 'IGNORE'::text]))),
    CONSTRAINT participant_import_mappings_heading_check CHECK (((length(heading) >= 1) AND (length(heading) <= 200))),
    CONSTRAINT participant_import_mappings_heading_key_check CHECK (((length(heading_key) >= 1) AND (length(heading_key) <= 200)))
);

ALTER TABLE ONLY public.participant_import_mappings FORCE ROW LEVEL SECURITY;

ALTER TABLE public.participant_import_mappings OWNER TO nastavnik_owner;

--
-- Name: personalised_programmes; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.personalised_programmes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    pair_id uuid NOT NULL,
    title text NOT NULL,
    start_date date,
    end_date date,
    format_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    goal text,
    difficulties text,
    strengths text,
    expected_results text,
    status text DEFAULT 'draft'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT personalised_programmes_dates CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT personalised_programmes_difficulties_check CHECK ((length(difficulties) <= 4000)),
    CONSTRAINT personalised_programmes_end_date_check CHECK (((end_date >= '2000-01-01'::date) AND (end_date <= '2100-12-31'::date))),
    CONSTRAINT personalised_programmes_expected_results_check CHECK ((length(expected_results) <= 4000)),
    CONSTRAINT personalised_programmes_format_ids_check CHECK ((cardinality(format_ids) <= 20)),
    CONSTRAINT personalised_programmes_goal_check CHECK ((length(goal) <= 4000)),
    CONSTRAINT personalised_programmes_start_date_check CHECK (((start_date >= '2000-01-01'::date) AND (start_date <= '2100-12-31'::date))),
    CONSTRAINT personalised_programmes_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'completed'::text]))),
    CONSTRAINT personalised_programmes_strengths_check CHECK ((length(strengths) <= 4000)),
    CONSTRAINT personalised_programmes_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 500)))
);

ALTER TABLE ONLY public.personalised_programmes FORCE ROW LEVEL SECURITY;

ALTER TABLE public.personalised_programmes OWNER TO nastavnik_owner;

--
-- Name: plan_tasks; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.plan_tasks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    personalised_programme_id uuid NOT NULL,
    "position" integer NOT NULL,
    title text NOT NULL,
    description text,
    deadline date,
    responsible text,
    status text DEFAULT 'planned'::text NOT NULL,
    result text,
    completed_on date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plan_tasks_completed_on_check CHECK (((completed_on >= '2000-01-01'::date) AND (completed_on <= '2100-12-31'::date))),
    CONSTRAINT plan_tasks_deadline_check CHECK (((deadline >= '2000-01-01'::date) AND (deadline <= '2100-12-31'::date))),
    CONSTRAINT plan_tasks_description_check CHECK ((length(description) <= 4000)),
    CONSTRAINT plan_tasks_position_check CHECK ((("position" >= 0) AND ("position" <= 100000))),
    CONSTRAINT plan_tasks_responsible_check CHECK ((length(responsible) <= 300)),
    CONSTRAINT plan_tasks_result_check CHECK ((length(result) <= 4000)),
    CONSTRAINT plan_tasks_status_check CHECK ((status = ANY (ARRAY['planned'::text, 'in_progress'::text, 'done'::text, 'cancelled'::text]))),
    CONSTRAINT plan_tasks_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.plan_tasks FORCE ROW LEVEL SECURITY;

ALTER TABLE public.plan_tasks OWNER TO nastavnik_owner;

--
-- Name: practice_cases; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.practice_cases (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    school_name text NOT NULL,
    academic_year text NOT NULL,
    title text NOT NULL,
    form_id uuid NOT NULL,
    role_model_id uuid,
    what_was_done text NOT NULL,
    results text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    moderator_comment text,
    submitted_at timestamp with time zone,
    moderated_at timestamp with time zone,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT practice_cases_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT practice_cases_moderator_comment_check CHECK ((length(moderator_comment) <= 2000)),
    CONSTRAINT practice_cases_results_check CHECK (((length(btrim(results)) >= 10) AND (length(btrim(results)) <= 4000))),
    CONSTRAINT practice_cases_returned_with_comment CHECK (((status <> 'returned'::text) OR (moderator_comment IS NOT NULL))),
    CONSTRAINT practice_cases_school_name_check CHECK (((length(btrim(school_name)) >= 1) AND (length(btrim(school_name)) <= 500))),
    CONSTRAINT practice_cases_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'published'::text, 'returned'::text]))),
    CONSTRAINT practice_cases_title_check CHECK (((length(btrim(title)) >= 3) AND (length(btrim(title)) <= 300))),
    CONSTRAINT practice_cases_what_was_done_check CHECK (((length(btrim(what_was_done)) >= 10) AND (length(btrim(what_was_done)) <= 8000)))
);

ALTER TABLE ONLY public.practice_cases FORCE ROW LEVEL SECURITY;

ALTER TABLE public.practice_cases OWNER TO nastavnik_owner;

--
-- Name: programme_scorecard_results; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.programme_scorecard_results WITH (security_invoker='true') AS
 SELECT programme_scorecards.tenant_id,
    programme_scorecards.programme_id,
    programme_scorecards.academic_year,
    programme_scorecards.total,
    programme_scorecards.level,
    programme_scorecards.rated_on
   FROM public.programme_scorecards;

ALTER TABLE public.programme_scorecard_results OWNER TO nastavnik_owner;

--
-- Name: programme_stages; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.programme_stages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    number integer,
    goal text,
    task text,
    result text,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT programme_stages_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT programme_stages_goal_check CHECK ((length(goal) <= 4000)),
    CONSTRAINT programme_stages_number_check CHECK (((number >= 1) AND (number <= 20))),
    CONSTRAINT programme_stages_result_check CHECK ((length(result) <= 4000)),
    CONSTRAINT programme_stages_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT programme_stages_task_check CHECK ((length(task) <= 4000)),
    CONSTRAINT programme_stages_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.programme_stages FORCE ROW LEVEL SECURITY;

ALTER TABLE public.programme_stages OWNER TO nastavnik_owner;

--
-- Name: programme_titles; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.programme_titles WITH (security_invoker='true') AS
 SELECT programmes.tenant_id,
    programmes.id,
    programmes.title,
    programmes.academic_year
   FROM public.programmes;

ALTER TABLE public.programme_titles OWNER TO nastavnik_owner;

--
-- Name: questionnaire_links; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.questionnaire_links (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    template_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    programme_id uuid,
    pair_id uuid,
    academic_year text NOT NULL,
    token_hash text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    claimed_in xid8,
    created_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    withdrawn_at timestamp with time zone,
    CONSTRAINT questionnaire_links_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT questionnaire_links_claim CHECK (((used_at IS NULL) = (claimed_in IS NULL))),
    CONSTRAINT questionnaire_links_created_by_check CHECK ((length(created_by) <= 200)),
    CONSTRAINT questionnaire_links_expiry CHECK (((expires_at > created_at) AND (expires_at <= (created_at + '366 days'::interval)))),
    CONSTRAINT questionnaire_links_token_hash_check CHECK ((token_hash ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT questionnaire_links_withdrawn_unused CHECK (((withdrawn_at IS NULL) OR (used_at IS NULL)))
);

ALTER TABLE ONLY public.questionnaire_links FORCE ROW LEVEL SECURITY;

ALTER TABLE public.questionnaire_links OWNER TO nastavnik_owner;

--
-- Name: questionnaire_templates; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.questionnaire_templates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid,
    code text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    is_current boolean DEFAULT true NOT NULL,
    title text NOT NULL,
    description text,
    instrument text NOT NULL,
    respondent_role text NOT NULL,
    phase text DEFAULT 'none'::text NOT NULL,
    form_codes text[] DEFAULT '{}'::text[] NOT NULL,
    copied_from_id uuid,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT questionnaire_templates_code_check CHECK ((code ~ '^[a-z0-9][a-z0-9_-]{1,59}$'::text)),
    CONSTRAINT questionnaire_templates_description_check CHECK ((length(description) <= 4000)),
    CONSTRAINT questionnaire_templates_form_codes_check CHECK (((cardinality(form_codes) <= 20) AND (array_to_string(form_codes, ','::text) ~ '^([A-Z0-9_]{1,40}(,|$))*$'::text))),
    CONSTRAINT questionnaire_templates_instrument_check CHECK ((instrument = ANY (ARRAY['Q1'::text, 'Q2'::text, 'Q3'::text, 'Q4'::text, 'Q5'::text, 'Q6'::text, 'Q7'::text, 'Q8'::text, 'Q9'::text, 'Q10'::text, 'Q11'::text, 'Q12'::text, 'Q13'::text, 'Q14'::text, 'Q15'::text, 'Q16'::text]))),
    CONSTRAINT questionnaire_templates_phase_check CHECK ((phase = ANY (ARRAY['pre'::text, 'post'::text, 'none'::text]))),
    CONSTRAINT questionnaire_templates_respondent_role_check CHECK ((respondent_role = ANY (ARRAY['mentor'::text, 'mentee'::text, 'curator'::text]))),
    CONSTRAINT questionnaire_templates_title_check CHECK (((length(btrim(title)) >= 3) AND (length(btrim(title)) <= 300))),
    CONSTRAINT questionnaire_templates_version_check CHECK (((version >= 1) AND (version <= 100000)))
);

ALTER TABLE ONLY public.questionnaire_templates FORCE ROW LEVEL SECURITY;

ALTER TABLE public.questionnaire_templates OWNER TO nastavnik_owner;

--
-- Name: region_notification_addresses; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.region_notification_addresses (
    tenant_id uuid NOT NULL,
    tenant_path public.ltree NOT NULL,
    analyst_email text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT region_notification_addresses_analyst_email_check CHECK (((analyst_email ~ '^[^@\s]+@[^@\s]+$'::text) AND (length(analyst_email) <= 200)))
);

ALTER TABLE ONLY public.region_notification_addresses FORCE ROW LEVEL SECURITY;

ALTER TABLE public.region_notification_addresses OWNER TO nastavnik_owner;

--
-- Name: report_files; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.report_files (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid,
    tenant_path public.ltree NOT NULL,
    kind text NOT NULL,
    parameters jsonb NOT NULL,
    params_hash text NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    progress smallint DEFAULT 0 NOT NULL,
    error text,
    file_bytes bytea,
    content_type text,
    file_name text,
    form_code text,
    form_version text,
    requested_by text NOT NULL,
    requested_role text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    compiler jsonb,
    CONSTRAINT report_files_compiler CHECK (((compiler IS NULL) OR ((kind = ANY (ARRAY['extract_xlsx'::text, 'extract_csv'::text])) AND (jsonb_typeof(compiler) = 'object'::text) AND (compiler ?& ARRAY['name'::text, 'position'::text, 'phone'::text]) AND (octet_length((compiler)::text) <= 2000)))),
    CONSTRAINT report_files_done CHECK (((status <> 'done'::text) OR ((file_bytes IS NOT NULL) AND (content_type IS NOT NULL) AND (file_name IS NOT NULL)))),
    CONSTRAINT report_files_error_check CHECK ((length(error) <= 2000)),
    CONSTRAINT report_files_extract_form CHECK (((kind <> ALL (ARRAY['extract_xlsx'::text, 'extract_csv'::text])) OR ((form_code IS NOT NULL) AND (form_version IS NOT NULL)))),
    CONSTRAINT report_files_file_name_check CHECK ((length(file_name) <= 200)),
    CONSTRAINT report_files_kind_check CHECK ((kind = ANY (ARRAY['school_report'::text, 'region_report'::text, 'extract_xlsx'::text, 'extract_csv'::text, 'submission_report'::text]))),
    CONSTRAINT report_files_owner CHECK (((tenant_id IS NOT NULL) OR ((kind = ANY (ARRAY['extract_xlsx'::text, 'extract_csv'::text])) AND (tenant_path OPERATOR(public.=) ''::public.ltree)))),
    CONSTRAINT report_files_params_hash_check CHECK ((params_hash ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT report_files_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT report_files_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text, 'failed'::text])))
);
ALTER TABLE ONLY public.report_files ALTER COLUMN file_bytes SET STORAGE EXTERNAL;

ALTER TABLE ONLY public.report_files FORCE ROW LEVEL SECURITY;

ALTER TABLE public.report_files OWNER TO nastavnik_owner;

--
-- Name: report_submission_due_dates; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.report_submission_due_dates (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    school_year text NOT NULL,
    due_on date NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_submission_due_dates_school_year_check CHECK (((school_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND (("right"(school_year, 4))::integer = (("left"(school_year, 4))::integer + 1))))
);

ALTER TABLE ONLY public.report_submission_due_dates FORCE ROW LEVEL SECURITY;

ALTER TABLE public.report_submission_due_dates OWNER TO nastavnik_owner;

--
-- Name: report_submission_events; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.report_submission_events (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    submission_id uuid NOT NULL,
    version integer DEFAULT 0 NOT NULL,
    action text NOT NULL,
    actor text NOT NULL,
    actor_role text NOT NULL,
    comment text,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT report_submission_events_action_check CHECK ((action = ANY (ARRAY['created'::text, 'submitted'::text, 'accepted'::text, 'returned'::text]))),
    CONSTRAINT report_submission_events_actor_role_check CHECK ((actor_role = ANY (ARRAY['curator'::text, 'region-analyst'::text, 'platform-admin'::text]))),
    CONSTRAINT report_submission_events_comment_check CHECK ((length(comment) <= 4000))
);

ALTER TABLE ONLY public.report_submission_events FORCE ROW LEVEL SECURITY;

ALTER TABLE public.report_submission_events OWNER TO nastavnik_owner;

--
-- Name: report_submission_versions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.report_submission_versions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    submission_id uuid NOT NULL,
    version integer NOT NULL,
    note text NOT NULL,
    data jsonb NOT NULL,
    report_file_id uuid NOT NULL,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_submission_versions_note_check CHECK ((length(note) <= 8000)),
    CONSTRAINT report_submission_versions_version_check CHECK ((version > 0))
);

ALTER TABLE ONLY public.report_submission_versions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.report_submission_versions OWNER TO nastavnik_owner;

--
-- Name: report_submissions; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.report_submissions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_path public.ltree NOT NULL,
    school_year text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    version integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_submissions_note_check CHECK ((length(note) <= 8000)),
    CONSTRAINT report_submissions_school_year_check CHECK (((school_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND (("right"(school_year, 4))::integer = (("left"(school_year, 4))::integer + 1)))),
    CONSTRAINT report_submissions_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'accepted'::text, 'returned'::text]))),
    CONSTRAINT report_submissions_submitted_has_version CHECK (((status = 'draft'::text) OR (version > 0))),
    CONSTRAINT report_submissions_version_check CHECK ((version >= 0))
);

ALTER TABLE ONLY public.report_submissions FORCE ROW LEVEL SECURITY;

ALTER TABLE public.report_submissions OWNER TO nastavnik_owner;

--
-- Name: roadmap_items; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.roadmap_items (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    roadmap_id uuid NOT NULL,
    number text NOT NULL,
    "position" integer NOT NULL,
    stage_id uuid,
    activity text NOT NULL,
    content text[] DEFAULT '{}'::text[] NOT NULL,
    schedule_text text,
    planned_start date,
    planned_end date,
    responsible text,
    status text DEFAULT 'planned'::text NOT NULL,
    execution_result text,
    executed_on date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT roadmap_items_activity_check CHECK (((length(btrim(activity)) >= 1) AND (length(btrim(activity)) <= 2000))),
    CONSTRAINT roadmap_items_content_check CHECK ((cardinality(content) <= 50)),
    CONSTRAINT roadmap_items_dates CHECK (((planned_end IS NULL) OR (planned_start IS NULL) OR (planned_end >= planned_start))),
    CONSTRAINT roadmap_items_executed_on_check CHECK (((executed_on >= '2000-01-01'::date) AND (executed_on <= '2100-12-31'::date))),
    CONSTRAINT roadmap_items_execution_result_check CHECK ((length(execution_result) <= 8000)),
    CONSTRAINT roadmap_items_number_check CHECK (((length(btrim(number)) >= 1) AND (length(btrim(number)) <= 20))),
    CONSTRAINT roadmap_items_planned_end_check CHECK (((planned_end >= '2000-01-01'::date) AND (planned_end <= '2100-12-31'::date))),
    CONSTRAINT roadmap_items_planned_start_check CHECK (((planned_start >= '2000-01-01'::date) AND (planned_start <= '2100-12-31'::date))),
    CONSTRAINT roadmap_items_position_check CHECK ((("position" >= 0) AND ("position" <= 100000))),
    CONSTRAINT roadmap_items_responsible_check CHECK ((length(responsible) <= 500)),
    CONSTRAINT roadmap_items_schedule_text_check CHECK ((length(schedule_text) <= 500)),
    CONSTRAINT roadmap_items_status_check CHECK ((status = ANY (ARRAY['planned'::text, 'in_progress'::text, 'done'::text, 'not_done'::text])))
);

ALTER TABLE ONLY public.roadmap_items FORCE ROW LEVEL SECURITY;

ALTER TABLE public.roadmap_items OWNER TO nastavnik_owner;

--
-- Name: roadmap_item_lines; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.roadmap_item_lines WITH (security_invoker='true') AS
 SELECT roadmap_items.tenant_id,
    roadmap_items.roadmap_id,
    roadmap_items."position",
    roadmap_items.number,
    roadmap_items.activity,
    roadmap_items.schedule_text,
    roadmap_items.planned_end,
    roadmap_items.responsible,
    roadmap_items.status,
    roadmap_items.execution_result
   FROM public.roadmap_items;

ALTER TABLE public.roadmap_item_lines OWNER TO nastavnik_owner;

--
-- Name: roadmaps; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.roadmaps (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    title text NOT NULL,
    academic_year text NOT NULL,
    period_text text,
    approval_order_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT roadmaps_academic_year_check CHECK (((academic_year ~ '^[0-9]{4}/[0-9]{4}$'::text) AND ((split_part(academic_year, '/'::text, 2))::integer = ((split_part(academic_year, '/'::text, 1))::integer + 1)))),
    CONSTRAINT roadmaps_period_text_check CHECK ((length(period_text) <= 100)),
    CONSTRAINT roadmaps_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 500)))
);

ALTER TABLE ONLY public.roadmaps FORCE ROW LEVEL SECURITY;

ALTER TABLE public.roadmaps OWNER TO nastavnik_owner;

--
-- Name: roadmap_stage_execution; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.roadmap_stage_execution WITH (security_invoker='true') AS
 SELECT i.tenant_id,
    r.academic_year,
    s.code AS stage_code,
    s.title AS stage_title,
    COALESCE(s.sort_order, 100000) AS stage_order,
    (count(*))::integer AS total,
    (count(*) FILTER (WHERE (i.status = 'done'::text)))::integer AS done,
    (count(*) FILTER (WHERE (i.status = 'in_progress'::text)))::integer AS in_progress,
    (count(*) FILTER (WHERE (i.status = 'planned'::text)))::integer AS planned,
    (count(*) FILTER (WHERE (i.status = 'not_done'::text)))::integer AS not_done,
    (count(*) FILTER (WHERE ((i.status = ANY (ARRAY['planned'::text, 'in_progress'::text])) AND (i.planned_end < CURRENT_DATE))))::integer AS overdue,
    max(GREATEST(i.updated_at, r.updated_at)) AS last_changed_at
   FROM ((public.roadmap_items i
     JOIN public.roadmaps r ON (((r.tenant_id = i.tenant_id) AND (r.id = i.roadmap_id))))
     LEFT JOIN public.programme_stages s ON ((s.id = i.stage_id)))
  GROUP BY i.tenant_id, r.academic_year, s.code, s.title, s.sort_order;

ALTER TABLE public.roadmap_stage_execution OWNER TO nastavnik_owner;

--
-- Name: roadmap_summaries; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.roadmap_summaries WITH (security_invoker='true') AS
 SELECT roadmaps.tenant_id,
    roadmaps.id,
    roadmaps.title,
    roadmaps.academic_year,
    roadmaps.created_at
   FROM public.roadmaps;

ALTER TABLE public.roadmap_summaries OWNER TO nastavnik_owner;

--
-- Name: role_models; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.role_models (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    form_id uuid NOT NULL,
    goal text,
    source text,
    sort_order integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT role_models_code_check CHECK ((code ~ '^[A-Za-z0-9_]{1,40}$'::text)),
    CONSTRAINT role_models_goal_check CHECK ((length(goal) <= 4000)),
    CONSTRAINT role_models_sort_order_check CHECK (((sort_order >= 0) AND (sort_order <= 100000))),
    CONSTRAINT role_models_source_check CHECK ((length(source) <= 500)),
    CONSTRAINT role_models_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 1000)))
);

ALTER TABLE ONLY public.role_models FORCE ROW LEVEL SECURITY;

ALTER TABLE public.role_models OWNER TO nastavnik_owner;

--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.schema_migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

ALTER TABLE public.schema_migrations OWNER TO nastavnik_owner;

--
-- Name: schema_migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: nastavnik_owner
--

CREATE SEQUENCE public.schema_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER TABLE public.schema_migrations_id_seq OWNER TO nastavnik_owner;

--
-- Name: schema_migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: nastavnik_owner
--

ALTER SEQUENCE public.schema_migrations_id_seq OWNED BY public.schema_migrations.id;

--
-- Name: school_data_changes; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.school_data_changes (
    tenant_id uuid NOT NULL,
    area text NOT NULL,
    changed_on date NOT NULL,
    CONSTRAINT school_data_changes_area_check CHECK ((area = ANY (ARRAY['participants'::text, 'pairs'::text, 'meetings'::text, 'questionnaires'::text, 'roadmap'::text])))
);

ALTER TABLE ONLY public.school_data_changes FORCE ROW LEVEL SECURITY;

ALTER TABLE public.school_data_changes OWNER TO nastavnik_owner;

--
-- Name: tenants; Type: TABLE; Schema: public; Owner: nastavnik_owner
--

CREATE TABLE public.tenants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    parent_id uuid,
    kind text NOT NULL,
    code text NOT NULL,
    path public.ltree NOT NULL,
    full_name text NOT NULL,
    short_name text NOT NULL,
    org_type text,
    address text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenants_address_check CHECK ((length(address) <= 500)),
    CONSTRAINT tenants_code_check CHECK ((code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'::text)),
    CONSTRAINT tenants_full_name_check CHECK (((length(btrim(full_name)) >= 2) AND (length(btrim(full_name)) <= 500))),
    CONSTRAINT tenants_kind_check CHECK ((kind = ANY (ARRAY['region'::text, 'municipality'::text, 'organisation'::text]))),
    CONSTRAINT tenants_org_type_check CHECK ((org_type = ANY (ARRAY['school'::text, 'gymnasium'::text, 'lyceum'::text, 'boarding_school'::text, 'college'::text, 'additional_education'::text, 'other'::text]))),
    CONSTRAINT tenants_org_type_only_for_organisations CHECK (((kind = 'organisation'::text) OR (org_type IS NULL))),
    CONSTRAINT tenants_region_is_root CHECK (((kind = 'region'::text) = (parent_id IS NULL))),
    CONSTRAINT tenants_short_name_check CHECK (((length(btrim(short_name)) >= 2) AND (length(btrim(short_name)) <= 200)))
);

ALTER TABLE ONLY public.tenants FORCE ROW LEVEL SECURITY;

ALTER TABLE public.tenants OWNER TO nastavnik_owner;

--
-- Name: tenant_tree; Type: VIEW; Schema: public; Owner: nastavnik_owner
--

CREATE VIEW public.tenant_tree WITH (security_invoker='true') AS
 SELECT tenants.id,
    tenants.parent_id,
    tenants.kind,
    tenants.code,
    tenants.path,
    tenants.full_name,
    tenants.short_name
   FROM public.tenants;

ALTER TABLE public.tenant_tree OWNER TO nastavnik_owner;

--
-- Name: schema_migrations id; Type: DEFAULT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.schema_migrations ALTER COLUMN id SET DEFAULT nextval('public.schema_migrations_id_seq'::regclass);

--
-- Name: schema_migrations PK_62441bec32630ced9e4cccae336; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT "PK_62441bec32630ced9e4cccae336" PRIMARY KEY (id);

--
-- Name: access_journal_heads access_journal_heads_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.access_journal_heads
    ADD CONSTRAINT access_journal_heads_pkey PRIMARY KEY (tenant_id);

--
-- Name: access_journal access_journal_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.access_journal
    ADD CONSTRAINT access_journal_pkey PRIMARY KEY (tenant_id, seq, at);

--
-- Name: competition_entries competition_entries_once; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.competition_entries
    ADD CONSTRAINT competition_entries_once UNIQUE (tenant_id, competition_id, nomination_id);

--
-- Name: competition_entries competition_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.competition_entries
    ADD CONSTRAINT competition_entries_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: consents consents_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: indicator_recompute_requests indicator_recompute_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_recompute_requests
    ADD CONSTRAINT indicator_recompute_requests_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: indicator_snapshots indicator_snapshots_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_snapshots
    ADD CONSTRAINT indicator_snapshots_pkey PRIMARY KEY (tenant_id, period, indicator_code);

--
-- Name: indicator_targets indicator_targets_one; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_targets
    ADD CONSTRAINT indicator_targets_one UNIQUE (tenant_id, period, indicator_code);

--
-- Name: indicator_targets indicator_targets_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_targets
    ADD CONSTRAINT indicator_targets_pkey PRIMARY KEY (id);

--
-- Name: interest_areas interest_areas_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.interest_areas
    ADD CONSTRAINT interest_areas_code_key UNIQUE (code);

--
-- Name: interest_areas interest_areas_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.interest_areas
    ADD CONSTRAINT interest_areas_pkey PRIMARY KEY (id);

--
-- Name: match_suggestions match_suggestions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: meeting_types meeting_types_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meeting_types
    ADD CONSTRAINT meeting_types_code_key UNIQUE (code);

--
-- Name: meeting_types meeting_types_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meeting_types
    ADD CONSTRAINT meeting_types_pkey PRIMARY KEY (id);

--
-- Name: meetings meetings_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: mentor_competitions mentor_competitions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_competitions
    ADD CONSTRAINT mentor_competitions_pkey PRIMARY KEY (id);

--
-- Name: mentor_competitions mentor_competitions_title_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_competitions
    ADD CONSTRAINT mentor_competitions_title_per_year UNIQUE (tenant_id, academic_year, title);

--
-- Name: mentor_nominations mentor_nominations_once; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_nominations
    ADD CONSTRAINT mentor_nominations_once UNIQUE (tenant_id, academic_year, nomination, mentor_id);

--
-- Name: mentor_nominations mentor_nominations_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_nominations
    ADD CONSTRAINT mentor_nominations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: mentoring_directions mentoring_directions_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_directions
    ADD CONSTRAINT mentoring_directions_code_key UNIQUE (code);

--
-- Name: mentoring_directions mentoring_directions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_directions
    ADD CONSTRAINT mentoring_directions_pkey PRIMARY KEY (id);

--
-- Name: mentoring_formats mentoring_formats_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_formats
    ADD CONSTRAINT mentoring_formats_code_key UNIQUE (code);

--
-- Name: mentoring_formats mentoring_formats_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_formats
    ADD CONSTRAINT mentoring_formats_pkey PRIMARY KEY (id);

--
-- Name: mentoring_forms mentoring_forms_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_forms
    ADD CONSTRAINT mentoring_forms_code_key UNIQUE (code);

--
-- Name: mentoring_forms mentoring_forms_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_forms
    ADD CONSTRAINT mentoring_forms_pkey PRIMARY KEY (id);

--
-- Name: mentoring_pairs mentoring_pairs_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: mentoring_pairs mentoring_pairs_tenant_id_id_mentor_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_tenant_id_id_mentor_key UNIQUE (tenant_id, id, mentor_id);

--
-- Name: notification_contacts notification_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_contacts
    ADD CONSTRAINT notification_contacts_pkey PRIMARY KEY (tenant_id, participant_id);

--
-- Name: notification_settings notification_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_settings
    ADD CONSTRAINT notification_settings_pkey PRIMARY KEY (tenant_id);

--
-- Name: notification_unsubscribes notification_unsubscribes_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_unsubscribes
    ADD CONSTRAINT notification_unsubscribes_pkey PRIMARY KEY (tenant_id, email, kind);

--
-- Name: notifications notifications_dedupe_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_dedupe_key UNIQUE (tenant_id, dedupe_key);

--
-- Name: notifications notifications_message_id_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_message_id_key UNIQUE (tenant_id, message_id);

--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: order_documents order_documents_natural_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.order_documents
    ADD CONSTRAINT order_documents_natural_key UNIQUE (tenant_id, kind, number, issued_on);

--
-- Name: order_documents order_documents_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.order_documents
    ADD CONSTRAINT order_documents_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: pair_mentees pair_mentees_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.pair_mentees
    ADD CONSTRAINT pair_mentees_pkey PRIMARY KEY (tenant_id, pair_id, mentee_id);

--
-- Name: participant_base_entries participant_base_entries_one_per_base; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_base_entries
    ADD CONSTRAINT participant_base_entries_one_per_base UNIQUE (tenant_id, participant_id, base);

--
-- Name: participant_base_entries participant_base_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_base_entries
    ADD CONSTRAINT participant_base_entries_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: participant_erasures participant_erasures_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_erasures
    ADD CONSTRAINT participant_erasures_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: participant_import_mappings participant_import_mappings_heading_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_import_mappings
    ADD CONSTRAINT participant_import_mappings_heading_key UNIQUE (tenant_id, heading_key);

--
-- Name: participant_import_mappings participant_import_mappings_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_import_mappings
    ADD CONSTRAINT participant_import_mappings_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: participants participants_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participants
    ADD CONSTRAINT participants_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: personalised_programmes personalised_programmes_one_per_pair; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.personalised_programmes
    ADD CONSTRAINT personalised_programmes_one_per_pair UNIQUE (tenant_id, pair_id);

--
-- Name: personalised_programmes personalised_programmes_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.personalised_programmes
    ADD CONSTRAINT personalised_programmes_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: plan_tasks plan_tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.plan_tasks
    ADD CONSTRAINT plan_tasks_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: practice_cases practice_cases_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.practice_cases
    ADD CONSTRAINT practice_cases_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: programme_scorecards programme_scorecards_one_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_scorecards
    ADD CONSTRAINT programme_scorecards_one_per_year UNIQUE (tenant_id, programme_id, academic_year);

--
-- Name: programme_scorecards programme_scorecards_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_scorecards
    ADD CONSTRAINT programme_scorecards_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: programme_stages programme_stages_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_stages
    ADD CONSTRAINT programme_stages_code_key UNIQUE (code);

--
-- Name: programme_stages programme_stages_number_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_stages
    ADD CONSTRAINT programme_stages_number_key UNIQUE (number);

--
-- Name: programme_stages programme_stages_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_stages
    ADD CONSTRAINT programme_stages_pkey PRIMARY KEY (id);

--
-- Name: programmes programmes_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: programmes programmes_title_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_title_per_year UNIQUE (tenant_id, academic_year, title);

--
-- Name: questionnaire_answers questionnaire_answers_one_per_question; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_answers
    ADD CONSTRAINT questionnaire_answers_one_per_question UNIQUE (tenant_id, response_id, question_id);

--
-- Name: questionnaire_answers questionnaire_answers_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_answers
    ADD CONSTRAINT questionnaire_answers_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: questionnaire_links questionnaire_links_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: questionnaire_links questionnaire_links_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_token_hash_key UNIQUE (token_hash, tenant_id);

--
-- Name: questionnaire_questions questionnaire_questions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_questions
    ADD CONSTRAINT questionnaire_questions_pkey PRIMARY KEY (id);

--
-- Name: questionnaire_questions questionnaire_questions_template_id_id_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_questions
    ADD CONSTRAINT questionnaire_questions_template_id_id_key UNIQUE (template_id, id);

--
-- Name: questionnaire_responses questionnaire_responses_one_per_link; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_one_per_link UNIQUE (tenant_id, link_id);

--
-- Name: questionnaire_responses questionnaire_responses_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: questionnaire_responses questionnaire_responses_template_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_template_key UNIQUE (tenant_id, id, template_id);

--
-- Name: questionnaire_templates questionnaire_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_templates
    ADD CONSTRAINT questionnaire_templates_pkey PRIMARY KEY (id);

--
-- Name: questionnaire_templates questionnaire_templates_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_templates
    ADD CONSTRAINT questionnaire_templates_tenant_id_id_key UNIQUE (tenant_id, id);

--
-- Name: questionnaire_templates questionnaire_templates_version_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_templates
    ADD CONSTRAINT questionnaire_templates_version_key UNIQUE NULLS NOT DISTINCT (tenant_id, code, version);

--
-- Name: region_notification_addresses region_notification_addresses_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.region_notification_addresses
    ADD CONSTRAINT region_notification_addresses_pkey PRIMARY KEY (tenant_id);

--
-- Name: report_files report_files_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_pkey PRIMARY KEY (id);

--
-- Name: report_submission_due_dates report_submission_due_dates_one_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_due_dates
    ADD CONSTRAINT report_submission_due_dates_one_per_year UNIQUE (tenant_id, school_year);

--
-- Name: report_submission_due_dates report_submission_due_dates_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_due_dates
    ADD CONSTRAINT report_submission_due_dates_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: report_submission_events report_submission_events_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_events
    ADD CONSTRAINT report_submission_events_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: report_submission_versions report_submission_versions_one_per_number; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_versions
    ADD CONSTRAINT report_submission_versions_one_per_number UNIQUE (tenant_id, submission_id, version);

--
-- Name: report_submission_versions report_submission_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_versions
    ADD CONSTRAINT report_submission_versions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: report_submissions report_submissions_one_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submissions
    ADD CONSTRAINT report_submissions_one_per_year UNIQUE (tenant_id, school_year);

--
-- Name: report_submissions report_submissions_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submissions
    ADD CONSTRAINT report_submissions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: roadmap_items roadmap_items_number_per_roadmap; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmap_items
    ADD CONSTRAINT roadmap_items_number_per_roadmap UNIQUE (tenant_id, roadmap_id, number);

--
-- Name: roadmap_items roadmap_items_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmap_items
    ADD CONSTRAINT roadmap_items_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: roadmaps roadmaps_one_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmaps
    ADD CONSTRAINT roadmaps_one_per_year UNIQUE (tenant_id, academic_year);

--
-- Name: roadmaps roadmaps_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmaps
    ADD CONSTRAINT roadmaps_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: role_models role_models_code_key; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.role_models
    ADD CONSTRAINT role_models_code_key UNIQUE (code);

--
-- Name: role_models role_models_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.role_models
    ADD CONSTRAINT role_models_pkey PRIMARY KEY (id);

--
-- Name: role_models role_models_title_per_form; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.role_models
    ADD CONSTRAINT role_models_title_per_form UNIQUE (form_id, title);

--
-- Name: school_contingent_ages school_contingent_ages_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_contingent_ages
    ADD CONSTRAINT school_contingent_ages_pkey PRIMARY KEY (tenant_id, contingent_id, age);

--
-- Name: school_contingents school_contingents_one_per_year; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_contingents
    ADD CONSTRAINT school_contingents_one_per_year UNIQUE (tenant_id, school_year);

--
-- Name: school_contingents school_contingents_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_contingents
    ADD CONSTRAINT school_contingents_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: school_data_changes school_data_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_data_changes
    ADD CONSTRAINT school_data_changes_pkey PRIMARY KEY (tenant_id, area, changed_on);

--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (id);

--
-- Name: access_journal_tenant_at; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX access_journal_tenant_at ON ONLY public.access_journal USING btree (tenant_id, at);

--
-- Name: competition_entries_competition_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX competition_entries_competition_idx ON public.competition_entries USING btree (competition_id);

--
-- Name: competition_entries_nomination_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX competition_entries_nomination_idx ON public.competition_entries USING btree (tenant_id, nomination_id);

--
-- Name: competition_entries_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX competition_entries_path_gist ON public.competition_entries USING gist (tenant_path);

--
-- Name: consents_participant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX consents_participant_idx ON public.consents USING btree (tenant_id, participant_id);

--
-- Name: consents_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX consents_tenant_id_idx ON public.consents USING btree (tenant_id);

--
-- Name: indicator_recompute_requests_one_pending; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX indicator_recompute_requests_one_pending ON public.indicator_recompute_requests USING btree (tenant_id, period) WHERE (status = 'pending'::text);

--
-- Name: indicator_recompute_requests_open_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX indicator_recompute_requests_open_idx ON public.indicator_recompute_requests USING btree (requested_at) WHERE (status = ANY (ARRAY['pending'::text, 'running'::text]));

--
-- Name: indicator_recompute_requests_tenant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX indicator_recompute_requests_tenant_idx ON public.indicator_recompute_requests USING btree (tenant_id);

--
-- Name: indicator_snapshots_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX indicator_snapshots_path_gist ON public.indicator_snapshots USING gist (tenant_path);

--
-- Name: indicator_snapshots_period_code_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX indicator_snapshots_period_code_idx ON public.indicator_snapshots USING btree (period, indicator_code);

--
-- Name: indicator_targets_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX indicator_targets_path_gist ON public.indicator_targets USING gist (tenant_path);

--
-- Name: match_suggestions_mentee_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX match_suggestions_mentee_idx ON public.match_suggestions USING btree (tenant_id, mentee_id);

--
-- Name: match_suggestions_mentor_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX match_suggestions_mentor_idx ON public.match_suggestions USING btree (tenant_id, mentor_id);

--
-- Name: match_suggestions_pair_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX match_suggestions_pair_idx ON public.match_suggestions USING btree (tenant_id, pair_id);

--
-- Name: match_suggestions_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX match_suggestions_programme_idx ON public.match_suggestions USING btree (tenant_id, programme_id, status);

--
-- Name: match_suggestions_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX match_suggestions_tenant_id_idx ON public.match_suggestions USING btree (tenant_id);

--
-- Name: meetings_direction_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX meetings_direction_idx ON public.meetings USING btree (direction_id);

--
-- Name: meetings_pair_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX meetings_pair_idx ON public.meetings USING btree (tenant_id, pair_id);

--
-- Name: meetings_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX meetings_programme_idx ON public.meetings USING btree (tenant_id, programme_id, held_on);

--
-- Name: meetings_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX meetings_tenant_id_idx ON public.meetings USING btree (tenant_id);

--
-- Name: meetings_type_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX meetings_type_idx ON public.meetings USING btree (meeting_type_id);

--
-- Name: mentor_competitions_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentor_competitions_path_gist ON public.mentor_competitions USING gist (tenant_path);

--
-- Name: mentor_nominations_mentor_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentor_nominations_mentor_idx ON public.mentor_nominations USING btree (tenant_id, mentor_id);

--
-- Name: mentoring_pairs_direction_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_direction_idx ON public.mentoring_pairs USING btree (direction_id);

--
-- Name: mentoring_pairs_fixing_order_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_fixing_order_idx ON public.mentoring_pairs USING btree (tenant_id, fixing_order_id);

--
-- Name: mentoring_pairs_mentor_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_mentor_idx ON public.mentoring_pairs USING btree (tenant_id, mentor_id, status);

--
-- Name: mentoring_pairs_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_programme_idx ON public.mentoring_pairs USING btree (tenant_id, programme_id, status);

--
-- Name: mentoring_pairs_role_model_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_role_model_idx ON public.mentoring_pairs USING btree (role_model_id);

--
-- Name: mentoring_pairs_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX mentoring_pairs_tenant_id_idx ON public.mentoring_pairs USING btree (tenant_id);

--
-- Name: notification_settings_path_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX notification_settings_path_idx ON public.notification_settings USING gist (tenant_path);

--
-- Name: notifications_due_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX notifications_due_idx ON public.notifications USING btree (next_attempt_at) WHERE (status = 'pending'::text);

--
-- Name: notifications_list_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX notifications_list_idx ON public.notifications USING btree (tenant_id, created_at DESC);

--
-- Name: order_documents_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX order_documents_tenant_id_idx ON public.order_documents USING btree (tenant_id);

--
-- Name: pair_mentees_mentee_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX pair_mentees_mentee_idx ON public.pair_mentees USING btree (tenant_id, mentee_id);

--
-- Name: pair_mentees_pair_mentor_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX pair_mentees_pair_mentor_idx ON public.pair_mentees USING btree (tenant_id, pair_id, mentor_id);

--
-- Name: pair_mentees_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX pair_mentees_tenant_id_idx ON public.pair_mentees USING btree (tenant_id);

--
-- Name: participant_base_entries_base_status_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX participant_base_entries_base_status_idx ON public.participant_base_entries USING btree (tenant_id, base, status);

--
-- Name: participant_base_entries_participant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX participant_base_entries_participant_idx ON public.participant_base_entries USING btree (tenant_id, participant_id);

--
-- Name: participant_base_entries_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX participant_base_entries_tenant_id_idx ON public.participant_base_entries USING btree (tenant_id);

--
-- Name: participant_erasures_one_open; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX participant_erasures_one_open ON public.participant_erasures USING btree (tenant_id, participant_id) WHERE (status <> 'cancelled'::text);

--
-- Name: participants_natural_key; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX participants_natural_key ON public.participants USING btree (tenant_id, name_key, birth_date);

--
-- Name: participants_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX participants_tenant_id_idx ON public.participants USING btree (tenant_id);

--
-- Name: participants_tenant_kind_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX participants_tenant_kind_idx ON public.participants USING btree (tenant_id, kind);

--
-- Name: personalised_programmes_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX personalised_programmes_tenant_id_idx ON public.personalised_programmes USING btree (tenant_id);

--
-- Name: plan_tasks_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX plan_tasks_programme_idx ON public.plan_tasks USING btree (tenant_id, personalised_programme_id, "position");

--
-- Name: plan_tasks_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX plan_tasks_tenant_id_idx ON public.plan_tasks USING btree (tenant_id);

--
-- Name: practice_cases_form_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX practice_cases_form_idx ON public.practice_cases USING btree (form_id);

--
-- Name: practice_cases_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX practice_cases_path_gist ON public.practice_cases USING gist (tenant_path);

--
-- Name: practice_cases_role_model_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX practice_cases_role_model_idx ON public.practice_cases USING btree (role_model_id);

--
-- Name: practice_cases_status_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX practice_cases_status_idx ON public.practice_cases USING btree (tenant_id, status);

--
-- Name: programme_scorecards_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programme_scorecards_tenant_id_idx ON public.programme_scorecards USING btree (tenant_id);

--
-- Name: programme_scorecards_year_level_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programme_scorecards_year_level_idx ON public.programme_scorecards USING btree (tenant_id, academic_year, level);

--
-- Name: programmes_approval_order_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programmes_approval_order_idx ON public.programmes USING btree (tenant_id, approval_order_id);

--
-- Name: programmes_form_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programmes_form_id_idx ON public.programmes USING btree (form_id);

--
-- Name: programmes_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programmes_tenant_id_idx ON public.programmes USING btree (tenant_id);

--
-- Name: programmes_tenant_status_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX programmes_tenant_status_idx ON public.programmes USING btree (tenant_id, status);

--
-- Name: questionnaire_answers_question_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_answers_question_idx ON public.questionnaire_answers USING btree (template_id, question_id);

--
-- Name: questionnaire_answers_response_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_answers_response_idx ON public.questionnaire_answers USING btree (tenant_id, response_id);

--
-- Name: questionnaire_answers_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_answers_tenant_id_idx ON public.questionnaire_answers USING btree (tenant_id);

--
-- Name: questionnaire_links_pair_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_links_pair_idx ON public.questionnaire_links USING btree (tenant_id, pair_id);

--
-- Name: questionnaire_links_participant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_links_participant_idx ON public.questionnaire_links USING btree (tenant_id, participant_id);

--
-- Name: questionnaire_links_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_links_programme_idx ON public.questionnaire_links USING btree (tenant_id, programme_id);

--
-- Name: questionnaire_links_template_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_links_template_idx ON public.questionnaire_links USING btree (template_id);

--
-- Name: questionnaire_links_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_links_tenant_id_idx ON public.questionnaire_links USING btree (tenant_id);

--
-- Name: questionnaire_questions_one_satisfaction; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX questionnaire_questions_one_satisfaction ON public.questionnaire_questions USING btree (template_id) WHERE is_satisfaction;

--
-- Name: questionnaire_questions_template_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_questions_template_idx ON public.questionnaire_questions USING btree (template_id, "position");

--
-- Name: questionnaire_questions_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_questions_tenant_id_idx ON public.questionnaire_questions USING btree (tenant_id);

--
-- Name: questionnaire_responses_pair_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_pair_idx ON public.questionnaire_responses USING btree (tenant_id, pair_id);

--
-- Name: questionnaire_responses_participant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_participant_idx ON public.questionnaire_responses USING btree (tenant_id, participant_id);

--
-- Name: questionnaire_responses_programme_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_programme_idx ON public.questionnaire_responses USING btree (tenant_id, programme_id);

--
-- Name: questionnaire_responses_satisfaction_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_satisfaction_idx ON public.questionnaire_responses USING btree (academic_year, tenant_id, participant_id, respondent_role, submitted_at DESC) INCLUDE (satisfied) WHERE (satisfied IS NOT NULL);

--
-- Name: questionnaire_responses_template_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_template_idx ON public.questionnaire_responses USING btree (template_id);

--
-- Name: questionnaire_responses_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_tenant_id_idx ON public.questionnaire_responses USING btree (tenant_id);

--
-- Name: questionnaire_responses_tenant_year_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_responses_tenant_year_idx ON public.questionnaire_responses USING btree (tenant_id, academic_year, template_id);

--
-- Name: questionnaire_templates_copied_from_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_templates_copied_from_idx ON public.questionnaire_templates USING btree (copied_from_id);

--
-- Name: questionnaire_templates_current_key; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX questionnaire_templates_current_key ON public.questionnaire_templates USING btree (tenant_id, code) NULLS NOT DISTINCT WHERE is_current;

--
-- Name: questionnaire_templates_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX questionnaire_templates_tenant_id_idx ON public.questionnaire_templates USING btree (tenant_id);

--
-- Name: report_files_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_files_path_gist ON public.report_files USING gist (tenant_path);

--
-- Name: report_files_request_uq; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX report_files_request_uq ON public.report_files USING btree (params_hash);

--
-- Name: report_files_requested_at_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_files_requested_at_idx ON public.report_files USING btree (requested_at DESC);

--
-- Name: report_files_tenant_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_files_tenant_idx ON public.report_files USING btree (tenant_id);

--
-- Name: report_submission_due_dates_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_submission_due_dates_path_gist ON public.report_submission_due_dates USING gist (tenant_path);

--
-- Name: report_submission_events_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_submission_events_path_gist ON public.report_submission_events USING gist (tenant_path);

--
-- Name: report_submission_events_submission_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_submission_events_submission_idx ON public.report_submission_events USING btree (tenant_id, submission_id, at);

--
-- Name: report_submission_versions_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_submission_versions_path_gist ON public.report_submission_versions USING gist (tenant_path);

--
-- Name: report_submissions_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX report_submissions_path_gist ON public.report_submissions USING gist (tenant_path);

--
-- Name: roadmap_items_roadmap_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX roadmap_items_roadmap_idx ON public.roadmap_items USING btree (tenant_id, roadmap_id, "position");

--
-- Name: roadmap_items_stage_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX roadmap_items_stage_idx ON public.roadmap_items USING btree (stage_id);

--
-- Name: roadmap_items_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX roadmap_items_tenant_id_idx ON public.roadmap_items USING btree (tenant_id);

--
-- Name: roadmaps_approval_order_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX roadmaps_approval_order_idx ON public.roadmaps USING btree (tenant_id, approval_order_id);

--
-- Name: roadmaps_tenant_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX roadmaps_tenant_id_idx ON public.roadmaps USING btree (tenant_id);

--
-- Name: role_models_form_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX role_models_form_id_idx ON public.role_models USING btree (form_id);

--
-- Name: school_contingent_ages_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX school_contingent_ages_path_gist ON public.school_contingent_ages USING gist (tenant_path);

--
-- Name: school_contingents_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX school_contingents_path_gist ON public.school_contingents USING gist (tenant_path);

--
-- Name: tenants_code_key; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX tenants_code_key ON public.tenants USING btree (code);

--
-- Name: tenants_parent_id_idx; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX tenants_parent_id_idx ON public.tenants USING btree (parent_id);

--
-- Name: tenants_path_gist; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE INDEX tenants_path_gist ON public.tenants USING gist (path);

--
-- Name: tenants_path_key; Type: INDEX; Schema: public; Owner: nastavnik_owner
--

CREATE UNIQUE INDEX tenants_path_key ON public.tenants USING btree (path);

--
-- Name: competition_entries competition_entries_guard; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER competition_entries_guard BEFORE UPDATE ON public.competition_entries FOR EACH ROW EXECUTE FUNCTION app.competition_entry_guard();

--
-- Name: competition_entries competition_entries_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER competition_entries_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.competition_entries FOR EACH ROW EXECUTE FUNCTION app.completion_tenant_path('organisation');

--
-- Name: consents consents_withdraw_questionnaire_links; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER consents_withdraw_questionnaire_links AFTER UPDATE OF revoked_on, purposes, valid_until ON public.consents FOR EACH ROW EXECUTE FUNCTION app.withdraw_questionnaire_links();

--
-- Name: meetings meetings_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_data_change_del AFTER DELETE ON public.meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('meetings');

--
-- Name: meetings meetings_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_data_change_ins AFTER INSERT ON public.meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('meetings');

--
-- Name: meetings meetings_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_data_change_upd AFTER UPDATE ON public.meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('meetings');

--
-- Name: meetings meetings_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_indicators_del AFTER DELETE ON public.meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: meetings meetings_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_indicators_ins AFTER INSERT ON public.meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: meetings meetings_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER meetings_indicators_upd AFTER UPDATE ON public.meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: mentor_competitions mentor_competitions_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentor_competitions_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.mentor_competitions FOR EACH ROW EXECUTE FUNCTION app.completion_tenant_path('reader');

--
-- Name: mentor_nominations mentor_nominations_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentor_nominations_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.mentor_nominations FOR EACH ROW EXECUTE FUNCTION app.completion_tenant_path('organisation');

--
-- Name: mentoring_pairs mentoring_pairs_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_data_change_del AFTER DELETE ON public.mentoring_pairs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: mentoring_pairs mentoring_pairs_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_data_change_ins AFTER INSERT ON public.mentoring_pairs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: mentoring_pairs mentoring_pairs_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_data_change_upd AFTER UPDATE ON public.mentoring_pairs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: mentoring_pairs mentoring_pairs_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_indicators_del AFTER DELETE ON public.mentoring_pairs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: mentoring_pairs mentoring_pairs_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_indicators_ins AFTER INSERT ON public.mentoring_pairs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: mentoring_pairs mentoring_pairs_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER mentoring_pairs_indicators_upd AFTER UPDATE ON public.mentoring_pairs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: pair_mentees pair_mentees_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_data_change_del AFTER DELETE ON public.pair_mentees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: pair_mentees pair_mentees_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_data_change_ins AFTER INSERT ON public.pair_mentees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: pair_mentees pair_mentees_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_data_change_upd AFTER UPDATE ON public.pair_mentees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('pairs');

--
-- Name: pair_mentees pair_mentees_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_indicators_del AFTER DELETE ON public.pair_mentees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: pair_mentees pair_mentees_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_indicators_ins AFTER INSERT ON public.pair_mentees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: pair_mentees pair_mentees_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER pair_mentees_indicators_upd AFTER UPDATE ON public.pair_mentees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participant_base_entries participant_base_entries_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participant_base_entries_indicators_del AFTER DELETE ON public.participant_base_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participant_base_entries participant_base_entries_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participant_base_entries_indicators_ins AFTER INSERT ON public.participant_base_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participant_base_entries participant_base_entries_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participant_base_entries_indicators_upd AFTER UPDATE ON public.participant_base_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participants participants_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_data_change_del AFTER DELETE ON public.participants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('participants');

--
-- Name: participants participants_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_data_change_ins AFTER INSERT ON public.participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('participants');

--
-- Name: participants participants_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_data_change_upd AFTER UPDATE ON public.participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('participants');

--
-- Name: participants participants_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_indicators_del AFTER DELETE ON public.participants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participants participants_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_indicators_ins AFTER INSERT ON public.participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: participants participants_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER participants_indicators_upd AFTER UPDATE ON public.participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('current');

--
-- Name: practice_cases practice_cases_guard; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER practice_cases_guard BEFORE INSERT OR UPDATE ON public.practice_cases FOR EACH ROW EXECUTE FUNCTION app.practice_case_guard();

--
-- Name: practice_cases practice_cases_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER practice_cases_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.practice_cases FOR EACH ROW EXECUTE FUNCTION app.completion_tenant_path('organisation');

--
-- Name: programme_scorecards programme_scorecards_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER programme_scorecards_indicators_del AFTER DELETE ON public.programme_scorecards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: programme_scorecards programme_scorecards_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER programme_scorecards_indicators_ins AFTER INSERT ON public.programme_scorecards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: programme_scorecards programme_scorecards_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER programme_scorecards_indicators_upd AFTER UPDATE ON public.programme_scorecards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: questionnaire_responses questionnaire_responses_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_data_change_del AFTER DELETE ON public.questionnaire_responses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('questionnaires');

--
-- Name: questionnaire_responses questionnaire_responses_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_data_change_ins AFTER INSERT ON public.questionnaire_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('questionnaires');

--
-- Name: questionnaire_responses questionnaire_responses_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_data_change_upd AFTER UPDATE ON public.questionnaire_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('questionnaires');

--
-- Name: questionnaire_responses questionnaire_responses_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_indicators_del AFTER DELETE ON public.questionnaire_responses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: questionnaire_responses questionnaire_responses_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_indicators_ins AFTER INSERT ON public.questionnaire_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: questionnaire_responses questionnaire_responses_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER questionnaire_responses_indicators_upd AFTER UPDATE ON public.questionnaire_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('academic_year');

--
-- Name: report_submission_due_dates report_submission_due_dates_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER report_submission_due_dates_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.report_submission_due_dates FOR EACH ROW EXECUTE FUNCTION app.report_submission_tenant_path();

--
-- Name: report_submission_events report_submission_events_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER report_submission_events_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.report_submission_events FOR EACH ROW EXECUTE FUNCTION app.report_submission_tenant_path();

--
-- Name: report_submission_versions report_submission_versions_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER report_submission_versions_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.report_submission_versions FOR EACH ROW EXECUTE FUNCTION app.report_submission_tenant_path();

--
-- Name: report_submissions report_submissions_guard; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER report_submissions_guard BEFORE UPDATE ON public.report_submissions FOR EACH ROW EXECUTE FUNCTION app.report_submission_guard();

--
-- Name: report_submissions report_submissions_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER report_submissions_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.report_submissions FOR EACH ROW EXECUTE FUNCTION app.report_submission_tenant_path();

--
-- Name: roadmap_items roadmap_items_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmap_items_data_change_del AFTER DELETE ON public.roadmap_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: roadmap_items roadmap_items_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmap_items_data_change_ins AFTER INSERT ON public.roadmap_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: roadmap_items roadmap_items_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmap_items_data_change_upd AFTER UPDATE ON public.roadmap_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: roadmaps roadmaps_data_change_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmaps_data_change_del AFTER DELETE ON public.roadmaps REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: roadmaps roadmaps_data_change_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmaps_data_change_ins AFTER INSERT ON public.roadmaps REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: roadmaps roadmaps_data_change_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER roadmaps_data_change_upd AFTER UPDATE ON public.roadmaps REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.record_school_data_change('roadmap');

--
-- Name: school_contingent_ages school_contingent_ages_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER school_contingent_ages_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.school_contingent_ages FOR EACH ROW EXECUTE FUNCTION app.contingent_tenant_path();

--
-- Name: school_contingents school_contingents_indicators_del; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER school_contingents_indicators_del AFTER DELETE ON public.school_contingents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('school_year');

--
-- Name: school_contingents school_contingents_indicators_ins; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER school_contingents_indicators_ins AFTER INSERT ON public.school_contingents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('school_year');

--
-- Name: school_contingents school_contingents_indicators_upd; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER school_contingents_indicators_upd AFTER UPDATE ON public.school_contingents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.request_indicator_recompute('school_year');

--
-- Name: school_contingents school_contingents_path; Type: TRIGGER; Schema: public; Owner: nastavnik_owner
--

CREATE TRIGGER school_contingents_path BEFORE INSERT OR UPDATE OF tenant_id, tenant_path ON public.school_contingents FOR EACH ROW EXECUTE FUNCTION app.contingent_tenant_path();

--
-- Name: competition_entries competition_entries_competition_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.competition_entries
    ADD CONSTRAINT competition_entries_competition_id_fkey FOREIGN KEY (competition_id) REFERENCES public.mentor_competitions(id) ON DELETE RESTRICT;

--
-- Name: competition_entries competition_entries_nomination_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.competition_entries
    ADD CONSTRAINT competition_entries_nomination_fk FOREIGN KEY (tenant_id, nomination_id) REFERENCES public.mentor_nominations(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: competition_entries competition_entries_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.competition_entries
    ADD CONSTRAINT competition_entries_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: consents consents_participant_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: consents consents_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: indicator_recompute_requests indicator_recompute_requests_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_recompute_requests
    ADD CONSTRAINT indicator_recompute_requests_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;

--
-- Name: indicator_snapshots indicator_snapshots_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_snapshots
    ADD CONSTRAINT indicator_snapshots_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;

--
-- Name: indicator_targets indicator_targets_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.indicator_targets
    ADD CONSTRAINT indicator_targets_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;

--
-- Name: match_suggestions match_suggestions_mentee_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_mentee_fk FOREIGN KEY (tenant_id, mentee_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: match_suggestions match_suggestions_mentor_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_mentor_fk FOREIGN KEY (tenant_id, mentor_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: match_suggestions match_suggestions_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_pair_fk FOREIGN KEY (tenant_id, pair_id) REFERENCES public.mentoring_pairs(tenant_id, id) ON DELETE SET NULL (pair_id);

--
-- Name: match_suggestions match_suggestions_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE CASCADE;

--
-- Name: match_suggestions match_suggestions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.match_suggestions
    ADD CONSTRAINT match_suggestions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: meetings meetings_direction_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_direction_id_fkey FOREIGN KEY (direction_id) REFERENCES public.mentoring_directions(id) ON DELETE RESTRICT;

--
-- Name: meetings meetings_meeting_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_meeting_type_id_fkey FOREIGN KEY (meeting_type_id) REFERENCES public.meeting_types(id) ON DELETE RESTRICT;

--
-- Name: meetings meetings_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_pair_fk FOREIGN KEY (tenant_id, pair_id) REFERENCES public.mentoring_pairs(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: meetings meetings_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: meetings meetings_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.meetings
    ADD CONSTRAINT meetings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: mentor_competitions mentor_competitions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_competitions
    ADD CONSTRAINT mentor_competitions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: mentor_nominations mentor_nominations_mentor_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_nominations
    ADD CONSTRAINT mentor_nominations_mentor_fk FOREIGN KEY (tenant_id, mentor_id) REFERENCES public.participants(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: mentor_nominations mentor_nominations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentor_nominations
    ADD CONSTRAINT mentor_nominations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_direction_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_direction_id_fkey FOREIGN KEY (direction_id) REFERENCES public.mentoring_directions(id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_fixing_order_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_fixing_order_fk FOREIGN KEY (tenant_id, fixing_order_id) REFERENCES public.order_documents(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_mentor_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_mentor_fk FOREIGN KEY (tenant_id, mentor_id) REFERENCES public.participants(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_role_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_role_model_id_fkey FOREIGN KEY (role_model_id) REFERENCES public.role_models(id) ON DELETE RESTRICT;

--
-- Name: mentoring_pairs mentoring_pairs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.mentoring_pairs
    ADD CONSTRAINT mentoring_pairs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: notification_contacts notification_contacts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_contacts
    ADD CONSTRAINT notification_contacts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: notification_settings notification_settings_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_settings
    ADD CONSTRAINT notification_settings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: notification_unsubscribes notification_unsubscribes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notification_unsubscribes
    ADD CONSTRAINT notification_unsubscribes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: notifications notifications_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: order_documents order_documents_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.order_documents
    ADD CONSTRAINT order_documents_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: pair_mentees pair_mentees_mentee_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.pair_mentees
    ADD CONSTRAINT pair_mentees_mentee_fk FOREIGN KEY (tenant_id, mentee_id) REFERENCES public.participants(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: pair_mentees pair_mentees_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.pair_mentees
    ADD CONSTRAINT pair_mentees_pair_fk FOREIGN KEY (tenant_id, pair_id, mentor_id) REFERENCES public.mentoring_pairs(tenant_id, id, mentor_id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: pair_mentees pair_mentees_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.pair_mentees
    ADD CONSTRAINT pair_mentees_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: participant_base_entries participant_base_entries_participant_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_base_entries
    ADD CONSTRAINT participant_base_entries_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: participant_base_entries participant_base_entries_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_base_entries
    ADD CONSTRAINT participant_base_entries_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: participant_erasures participant_erasures_participant_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_erasures
    ADD CONSTRAINT participant_erasures_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: participant_erasures participant_erasures_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_erasures
    ADD CONSTRAINT participant_erasures_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: participant_import_mappings participant_import_mappings_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participant_import_mappings
    ADD CONSTRAINT participant_import_mappings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: participants participants_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.participants
    ADD CONSTRAINT participants_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: personalised_programmes personalised_programmes_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.personalised_programmes
    ADD CONSTRAINT personalised_programmes_pair_fk FOREIGN KEY (tenant_id, pair_id) REFERENCES public.mentoring_pairs(tenant_id, id) ON DELETE CASCADE;

--
-- Name: personalised_programmes personalised_programmes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.personalised_programmes
    ADD CONSTRAINT personalised_programmes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: plan_tasks plan_tasks_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.plan_tasks
    ADD CONSTRAINT plan_tasks_programme_fk FOREIGN KEY (tenant_id, personalised_programme_id) REFERENCES public.personalised_programmes(tenant_id, id) ON DELETE CASCADE;

--
-- Name: plan_tasks plan_tasks_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.plan_tasks
    ADD CONSTRAINT plan_tasks_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: practice_cases practice_cases_form_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.practice_cases
    ADD CONSTRAINT practice_cases_form_id_fkey FOREIGN KEY (form_id) REFERENCES public.mentoring_forms(id) ON DELETE RESTRICT;

--
-- Name: practice_cases practice_cases_role_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.practice_cases
    ADD CONSTRAINT practice_cases_role_model_id_fkey FOREIGN KEY (role_model_id) REFERENCES public.role_models(id) ON DELETE RESTRICT;

--
-- Name: practice_cases practice_cases_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.practice_cases
    ADD CONSTRAINT practice_cases_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: programme_scorecards programme_scorecards_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_scorecards
    ADD CONSTRAINT programme_scorecards_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: programme_scorecards programme_scorecards_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programme_scorecards
    ADD CONSTRAINT programme_scorecards_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: programmes programmes_approval_order_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_approval_order_fk FOREIGN KEY (tenant_id, approval_order_id) REFERENCES public.order_documents(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: programmes programmes_form_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_form_id_fkey FOREIGN KEY (form_id) REFERENCES public.mentoring_forms(id) ON DELETE RESTRICT;

--
-- Name: programmes programmes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.programmes
    ADD CONSTRAINT programmes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_answers questionnaire_answers_question_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_answers
    ADD CONSTRAINT questionnaire_answers_question_fk FOREIGN KEY (template_id, question_id) REFERENCES public.questionnaire_questions(template_id, id) ON DELETE RESTRICT;

--
-- Name: questionnaire_answers questionnaire_answers_response_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_answers
    ADD CONSTRAINT questionnaire_answers_response_fk FOREIGN KEY (tenant_id, response_id, template_id) REFERENCES public.questionnaire_responses(tenant_id, id, template_id) ON DELETE CASCADE;

--
-- Name: questionnaire_answers questionnaire_answers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_answers
    ADD CONSTRAINT questionnaire_answers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_links questionnaire_links_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_pair_fk FOREIGN KEY (tenant_id, pair_id) REFERENCES public.mentoring_pairs(tenant_id, id) ON DELETE SET NULL (pair_id);

--
-- Name: questionnaire_links questionnaire_links_participant_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: questionnaire_links questionnaire_links_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE SET NULL (programme_id);

--
-- Name: questionnaire_links questionnaire_links_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.questionnaire_templates(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_links questionnaire_links_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_links
    ADD CONSTRAINT questionnaire_links_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_questions questionnaire_questions_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_questions
    ADD CONSTRAINT questionnaire_questions_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.questionnaire_templates(id) ON DELETE CASCADE;

--
-- Name: questionnaire_questions questionnaire_questions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_questions
    ADD CONSTRAINT questionnaire_questions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_responses questionnaire_responses_link_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_link_fk FOREIGN KEY (tenant_id, link_id) REFERENCES public.questionnaire_links(tenant_id, id) ON DELETE SET NULL (link_id);

--
-- Name: questionnaire_responses questionnaire_responses_pair_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_pair_fk FOREIGN KEY (tenant_id, pair_id) REFERENCES public.mentoring_pairs(tenant_id, id) ON DELETE SET NULL (pair_id);

--
-- Name: questionnaire_responses questionnaire_responses_participant_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES public.participants(tenant_id, id) ON DELETE CASCADE;

--
-- Name: questionnaire_responses questionnaire_responses_programme_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_programme_fk FOREIGN KEY (tenant_id, programme_id) REFERENCES public.programmes(tenant_id, id) ON DELETE SET NULL (programme_id);

--
-- Name: questionnaire_responses questionnaire_responses_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.questionnaire_templates(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_responses questionnaire_responses_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_responses
    ADD CONSTRAINT questionnaire_responses_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: questionnaire_templates questionnaire_templates_copied_from_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_templates
    ADD CONSTRAINT questionnaire_templates_copied_from_id_fkey FOREIGN KEY (copied_from_id) REFERENCES public.questionnaire_templates(id) ON DELETE SET NULL;

--
-- Name: questionnaire_templates questionnaire_templates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.questionnaire_templates
    ADD CONSTRAINT questionnaire_templates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: region_notification_addresses region_notification_addresses_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.region_notification_addresses
    ADD CONSTRAINT region_notification_addresses_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: report_files report_files_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_files
    ADD CONSTRAINT report_files_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;

--
-- Name: report_submission_due_dates report_submission_due_dates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_due_dates
    ADD CONSTRAINT report_submission_due_dates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: report_submission_events report_submission_events_submission_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_events
    ADD CONSTRAINT report_submission_events_submission_fk FOREIGN KEY (tenant_id, submission_id) REFERENCES public.report_submissions(tenant_id, id) ON DELETE CASCADE;

--
-- Name: report_submission_versions report_submission_versions_submission_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submission_versions
    ADD CONSTRAINT report_submission_versions_submission_fk FOREIGN KEY (tenant_id, submission_id) REFERENCES public.report_submissions(tenant_id, id) ON DELETE CASCADE;

--
-- Name: report_submissions report_submissions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.report_submissions
    ADD CONSTRAINT report_submissions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: roadmap_items roadmap_items_roadmap_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmap_items
    ADD CONSTRAINT roadmap_items_roadmap_fk FOREIGN KEY (tenant_id, roadmap_id) REFERENCES public.roadmaps(tenant_id, id) ON DELETE CASCADE;

--
-- Name: roadmap_items roadmap_items_stage_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmap_items
    ADD CONSTRAINT roadmap_items_stage_id_fkey FOREIGN KEY (stage_id) REFERENCES public.programme_stages(id) ON DELETE RESTRICT;

--
-- Name: roadmap_items roadmap_items_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmap_items
    ADD CONSTRAINT roadmap_items_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: roadmaps roadmaps_approval_order_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmaps
    ADD CONSTRAINT roadmaps_approval_order_fk FOREIGN KEY (tenant_id, approval_order_id) REFERENCES public.order_documents(tenant_id, id) ON DELETE RESTRICT;

--
-- Name: roadmaps roadmaps_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.roadmaps
    ADD CONSTRAINT roadmaps_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: role_models role_models_form_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.role_models
    ADD CONSTRAINT role_models_form_id_fkey FOREIGN KEY (form_id) REFERENCES public.mentoring_forms(id) ON DELETE RESTRICT;

--
-- Name: school_contingent_ages school_contingent_ages_contingent_fk; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_contingent_ages
    ADD CONSTRAINT school_contingent_ages_contingent_fk FOREIGN KEY (tenant_id, contingent_id) REFERENCES public.school_contingents(tenant_id, id) ON DELETE CASCADE;

--
-- Name: school_contingents school_contingents_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_contingents
    ADD CONSTRAINT school_contingents_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: school_data_changes school_data_changes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.school_data_changes
    ADD CONSTRAINT school_data_changes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;

--
-- Name: tenants tenants_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.tenants(id) ON DELETE RESTRICT;

--
-- Name: access_journal; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.access_journal ENABLE ROW LEVEL SECURITY;

--
-- Name: access_journal access_journal_admin_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_admin_insert ON public.access_journal FOR INSERT TO nastavnik_platform_admin WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY access_journal_admin_insert ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_admin_insert ON public.access_journal IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: access_journal access_journal_admin_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_admin_read ON public.access_journal FOR SELECT TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY access_journal_admin_read ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_admin_read ON public.access_journal IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: access_journal access_journal_curator_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_curator_insert ON public.access_journal FOR INSERT WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY access_journal_curator_insert ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_curator_insert ON public.access_journal IS 'curator-own: a curator''s own school''s rows';

--
-- Name: access_journal access_journal_curator_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_curator_read ON public.access_journal FOR SELECT USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY access_journal_curator_read ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_curator_read ON public.access_journal IS 'curator-own: a curator''s own school''s rows';

--
-- Name: access_journal_heads; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.access_journal_heads ENABLE ROW LEVEL SECURITY;

--
-- Name: access_journal_heads access_journal_heads_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_heads_curator ON public.access_journal_heads USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY access_journal_heads_curator ON access_journal_heads; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_heads_curator ON public.access_journal_heads IS 'curator-own: a curator''s own school''s rows';

--
-- Name: access_journal_heads access_journal_heads_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_heads_platform_admin ON public.access_journal_heads TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY access_journal_heads_platform_admin ON access_journal_heads; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_heads_platform_admin ON public.access_journal_heads IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: access_journal_heads access_journal_heads_region; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_heads_region ON public.access_journal_heads USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (EXISTS ( SELECT 1
   FROM public.tenants t
  WHERE ((t.id = access_journal_heads.tenant_id) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))))))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (EXISTS ( SELECT 1
   FROM public.tenants t
  WHERE ((t.id = access_journal_heads.tenant_id) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))))));

--
-- Name: POLICY access_journal_heads_region ON access_journal_heads; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_heads_region ON public.access_journal_heads IS 'custom: a region analyst advances the chain of a school of the region';

--
-- Name: access_journal_heads access_journal_heads_respondent; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_heads_respondent ON public.access_journal_heads USING ((( SELECT app.scope_role() AS scope_role) = 'respondent'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'respondent'::text));

--
-- Name: POLICY access_journal_heads_respondent ON access_journal_heads; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_heads_respondent ON public.access_journal_heads IS 'custom: a questionnaire link''s respondent advances the chain of the link''s school';

--
-- Name: access_journal access_journal_region_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_region_insert ON public.access_journal FOR INSERT WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (EXISTS ( SELECT 1
   FROM public.tenants t
  WHERE ((t.id = access_journal.tenant_id) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))))) AND (role = 'region-analyst'::text)));

--
-- Name: POLICY access_journal_region_insert ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_region_insert ON public.access_journal IS 'custom: a region analyst records reading a school''s personal data (a roadmap''s responsible person, a nominated mentor) in that school''s chain; reads none of it back';

--
-- Name: access_journal access_journal_respondent_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY access_journal_respondent_insert ON public.access_journal FOR INSERT WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (role = 'respondent'::text)));

--
-- Name: POLICY access_journal_respondent_insert ON access_journal; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY access_journal_respondent_insert ON public.access_journal IS 'custom: a questionnaire link''s respondent records opening and answering their link (the school is the link''s)';

--
-- Name: competition_entries; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.competition_entries ENABLE ROW LEVEL SECURITY;

--
-- Name: competition_entries competition_entries_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY competition_entries_curator ON public.competition_entries USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY competition_entries_curator ON competition_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY competition_entries_curator ON public.competition_entries IS 'curator-own: a curator''s own school''s rows';

--
-- Name: competition_entries competition_entries_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY competition_entries_platform_admin ON public.competition_entries TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY competition_entries_platform_admin ON competition_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY competition_entries_platform_admin ON public.competition_entries IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: competition_entries competition_entries_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY competition_entries_region_read ON public.competition_entries FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY competition_entries_region_read ON competition_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY competition_entries_region_read ON public.competition_entries IS 'custom: a region analyst reads the entries a school of their region entered (the school''s act of entering passes the mentor''s name)';

--
-- Name: competition_entries competition_entries_region_result; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY competition_entries_region_result ON public.competition_entries FOR UPDATE TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY competition_entries_region_result ON competition_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY competition_entries_region_result ON public.competition_entries IS 'custom: a region analyst records the result of an entry of their region (the trigger lets them change the result only)';

--
-- Name: consents; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.consents ENABLE ROW LEVEL SECURITY;

--
-- Name: consents consents_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY consents_curator ON public.consents USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY consents_curator ON consents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY consents_curator ON public.consents IS 'curator-own: a curator''s own school''s rows';

--
-- Name: consents consents_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY consents_platform_admin ON public.consents TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY consents_platform_admin ON consents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY consents_platform_admin ON public.consents IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: indicator_recompute_requests; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.indicator_recompute_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_recompute_requests indicator_recompute_requests_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_recompute_requests_curator ON public.indicator_recompute_requests FOR SELECT TO nastavnik_app USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY indicator_recompute_requests_curator ON indicator_recompute_requests; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_recompute_requests_curator ON public.indicator_recompute_requests IS 'curator-own: a curator''s own school''s rows';

--
-- Name: indicator_recompute_requests indicator_recompute_requests_engine; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_recompute_requests_engine ON public.indicator_recompute_requests TO nastavnik_indicators USING (true) WITH CHECK (true);

--
-- Name: POLICY indicator_recompute_requests_engine ON indicator_recompute_requests; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_recompute_requests_engine ON public.indicator_recompute_requests IS 'indicator-engine: the indicator engine''s role, every row';

--
-- Name: indicator_recompute_requests indicator_recompute_requests_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_recompute_requests_platform_admin ON public.indicator_recompute_requests FOR SELECT TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY indicator_recompute_requests_platform_admin ON indicator_recompute_requests; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_recompute_requests_platform_admin ON public.indicator_recompute_requests IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: indicator_recompute_requests indicator_recompute_requests_region_request; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_recompute_requests_region_request ON public.indicator_recompute_requests FOR INSERT TO nastavnik_app WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (EXISTS ( SELECT 1
   FROM public.tenants t
  WHERE ((t.id = indicator_recompute_requests.tenant_id) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))))));

--
-- Name: POLICY indicator_recompute_requests_region_request ON indicator_recompute_requests; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_recompute_requests_region_request ON public.indicator_recompute_requests IS 'custom: a region analyst''s contingent import enqueues the recompute of the schools under their region';

--
-- Name: indicator_recompute_requests indicator_recompute_requests_request; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_recompute_requests_request ON public.indicator_recompute_requests FOR INSERT TO nastavnik_app, nastavnik_platform_admin WITH CHECK ((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['platform-admin'::text, 'respondent'::text]))));

--
-- Name: POLICY indicator_recompute_requests_request ON indicator_recompute_requests; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_recompute_requests_request ON public.indicator_recompute_requests IS 'custom: an edit enqueues its school''s recompute: a curator''s of their school, a respondent''s of their link, the platform admin''s';

--
-- Name: indicator_snapshots; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.indicator_snapshots ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_snapshots indicator_snapshots_engine; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_snapshots_engine ON public.indicator_snapshots TO nastavnik_indicators USING (true) WITH CHECK (true);

--
-- Name: POLICY indicator_snapshots_engine ON indicator_snapshots; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_snapshots_engine ON public.indicator_snapshots IS 'indicator-engine: the indicator engine''s role, every row';

--
-- Name: indicator_snapshots indicator_snapshots_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_snapshots_read ON public.indicator_snapshots FOR SELECT TO nastavnik_app, nastavnik_platform_admin USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY indicator_snapshots_read ON indicator_snapshots; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_snapshots_read ON public.indicator_snapshots IS 'reader-subtree: the federal scope all rows, a reader the rows under their path, a curator their own';

--
-- Name: indicator_targets; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.indicator_targets ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_targets indicator_targets_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_targets_admin_write ON public.indicator_targets TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY indicator_targets_admin_write ON indicator_targets; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_targets_admin_write ON public.indicator_targets IS 'admin: the platform admin only';

--
-- Name: indicator_targets indicator_targets_analyst_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_targets_analyst_write ON public.indicator_targets TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) AND (EXISTS ( SELECT 1
   FROM public.tenant_tree t
  WHERE ((t.id = indicator_targets.tenant_id) AND (t.path OPERATOR(public.=) indicator_targets.tenant_path) AND (t.kind = ANY (ARRAY['region'::text, 'municipality'::text])))))));

--
-- Name: POLICY indicator_targets_analyst_write ON indicator_targets; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_targets_analyst_write ON public.indicator_targets IS 'custom: a region analyst the targets of their own region and its municipalities (the node''s own path, under the analyst''s)';

--
-- Name: indicator_targets indicator_targets_engine; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_targets_engine ON public.indicator_targets FOR SELECT TO nastavnik_indicators USING (true);

--
-- Name: POLICY indicator_targets_engine ON indicator_targets; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_targets_engine ON public.indicator_targets IS 'indicator-engine: the indicator engine''s role, every row';

--
-- Name: indicator_targets indicator_targets_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY indicator_targets_read ON public.indicator_targets FOR SELECT TO nastavnik_app, nastavnik_platform_admin USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_path OPERATOR(public.@>) ( SELECT app.scope_path() AS scope_path)) OR ((( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['region-analyst'::text, 'ministry-official'::text])) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_path() AS scope_path)))));

--
-- Name: POLICY indicator_targets_read ON indicator_targets; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY indicator_targets_read ON public.indicator_targets IS 'custom: the federal scope all; anyone the targets of the nodes above (and at) their own; regional readers also those below';

--
-- Name: interest_areas; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.interest_areas ENABLE ROW LEVEL SECURITY;

--
-- Name: interest_areas interest_areas_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY interest_areas_admin_write ON public.interest_areas TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY interest_areas_admin_write ON interest_areas; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY interest_areas_admin_write ON public.interest_areas IS 'admin: the platform admin only';

--
-- Name: interest_areas interest_areas_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY interest_areas_read ON public.interest_areas FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY interest_areas_read ON interest_areas; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY interest_areas_read ON public.interest_areas IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: match_suggestions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.match_suggestions ENABLE ROW LEVEL SECURITY;

--
-- Name: match_suggestions match_suggestions_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY match_suggestions_curator ON public.match_suggestions USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY match_suggestions_curator ON match_suggestions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY match_suggestions_curator ON public.match_suggestions IS 'curator-own: a curator''s own school''s rows';

--
-- Name: match_suggestions match_suggestions_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY match_suggestions_platform_admin ON public.match_suggestions TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY match_suggestions_platform_admin ON match_suggestions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY match_suggestions_platform_admin ON public.match_suggestions IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: meeting_types; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.meeting_types ENABLE ROW LEVEL SECURITY;

--
-- Name: meeting_types meeting_types_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY meeting_types_admin_write ON public.meeting_types TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY meeting_types_admin_write ON meeting_types; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY meeting_types_admin_write ON public.meeting_types IS 'admin: the platform admin only';

--
-- Name: meeting_types meeting_types_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY meeting_types_read ON public.meeting_types FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY meeting_types_read ON meeting_types; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY meeting_types_read ON public.meeting_types IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: meetings; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.meetings ENABLE ROW LEVEL SECURITY;

--
-- Name: meetings meetings_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY meetings_curator ON public.meetings USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY meetings_curator ON meetings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY meetings_curator ON public.meetings IS 'curator-own: a curator''s own school''s rows';

--
-- Name: meetings meetings_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY meetings_platform_admin ON public.meetings TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY meetings_platform_admin ON meetings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY meetings_platform_admin ON public.meetings IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: mentor_competitions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentor_competitions ENABLE ROW LEVEL SECURITY;

--
-- Name: mentor_competitions mentor_competitions_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentor_competitions_admin_write ON public.mentor_competitions TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentor_competitions_admin_write ON mentor_competitions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentor_competitions_admin_write ON public.mentor_competitions IS 'admin: the platform admin only';

--
-- Name: mentor_competitions mentor_competitions_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentor_competitions_read ON public.mentor_competitions FOR SELECT USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) OR ((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (( SELECT app.scope_path() AS scope_path) OPERATOR(public.<@) tenant_path))));

--
-- Name: POLICY mentor_competitions_read ON mentor_competitions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentor_competitions_read ON public.mentor_competitions IS 'custom: readers of the region (analysts, the ministry) and the curators of its schools, who enter their nominations';

--
-- Name: mentor_competitions mentor_competitions_region_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentor_competitions_region_write ON public.mentor_competitions TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY mentor_competitions_region_write ON mentor_competitions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentor_competitions_region_write ON public.mentor_competitions IS 'custom: a region analyst runs the competitions of their region (or municipality)';

--
-- Name: mentor_nominations; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentor_nominations ENABLE ROW LEVEL SECURITY;

--
-- Name: mentor_nominations mentor_nominations_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentor_nominations_curator ON public.mentor_nominations USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY mentor_nominations_curator ON mentor_nominations; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentor_nominations_curator ON public.mentor_nominations IS 'curator-own: a curator''s own school''s rows';

--
-- Name: mentor_nominations mentor_nominations_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentor_nominations_platform_admin ON public.mentor_nominations TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentor_nominations_platform_admin ON mentor_nominations; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentor_nominations_platform_admin ON public.mentor_nominations IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: mentoring_directions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentoring_directions ENABLE ROW LEVEL SECURITY;

--
-- Name: mentoring_directions mentoring_directions_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_directions_admin_write ON public.mentoring_directions TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentoring_directions_admin_write ON mentoring_directions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_directions_admin_write ON public.mentoring_directions IS 'admin: the platform admin only';

--
-- Name: mentoring_directions mentoring_directions_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_directions_read ON public.mentoring_directions FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY mentoring_directions_read ON mentoring_directions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_directions_read ON public.mentoring_directions IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: mentoring_formats; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentoring_formats ENABLE ROW LEVEL SECURITY;

--
-- Name: mentoring_formats mentoring_formats_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_formats_admin_write ON public.mentoring_formats TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentoring_formats_admin_write ON mentoring_formats; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_formats_admin_write ON public.mentoring_formats IS 'admin: the platform admin only';

--
-- Name: mentoring_formats mentoring_formats_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_formats_read ON public.mentoring_formats FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY mentoring_formats_read ON mentoring_formats; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_formats_read ON public.mentoring_formats IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: mentoring_forms; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentoring_forms ENABLE ROW LEVEL SECURITY;

--
-- Name: mentoring_forms mentoring_forms_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_forms_admin_write ON public.mentoring_forms TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentoring_forms_admin_write ON mentoring_forms; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_forms_admin_write ON public.mentoring_forms IS 'admin: the platform admin only';

--
-- Name: mentoring_forms mentoring_forms_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_forms_read ON public.mentoring_forms FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY mentoring_forms_read ON mentoring_forms; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_forms_read ON public.mentoring_forms IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: mentoring_pairs; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.mentoring_pairs ENABLE ROW LEVEL SECURITY;

--
-- Name: mentoring_pairs mentoring_pairs_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_pairs_curator ON public.mentoring_pairs USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY mentoring_pairs_curator ON mentoring_pairs; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_pairs_curator ON public.mentoring_pairs IS 'curator-own: a curator''s own school''s rows';

--
-- Name: mentoring_pairs mentoring_pairs_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY mentoring_pairs_platform_admin ON public.mentoring_pairs TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY mentoring_pairs_platform_admin ON mentoring_pairs; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY mentoring_pairs_platform_admin ON public.mentoring_pairs IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: notification_contacts; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.notification_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_contacts notification_contacts_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_contacts_curator ON public.notification_contacts USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY notification_contacts_curator ON notification_contacts; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_contacts_curator ON public.notification_contacts IS 'curator-own: a curator''s own school''s rows';

--
-- Name: notification_contacts notification_contacts_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_contacts_platform_admin ON public.notification_contacts TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY notification_contacts_platform_admin ON notification_contacts; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_contacts_platform_admin ON public.notification_contacts IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: notification_settings; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.notification_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_settings notification_settings_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_settings_curator ON public.notification_settings USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY notification_settings_curator ON notification_settings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_settings_curator ON public.notification_settings IS 'curator-own: a curator''s own school''s rows';

--
-- Name: notification_settings notification_settings_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_settings_platform_admin ON public.notification_settings TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY notification_settings_platform_admin ON notification_settings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_settings_platform_admin ON public.notification_settings IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: notification_settings notification_settings_read_defaults; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_settings_read_defaults ON public.notification_settings FOR SELECT USING (((tenant_path OPERATOR(public.@>) ( SELECT app.scope_path() AS scope_path)) AND (( SELECT app.scope_role() AS scope_role) = 'curator'::text)));

--
-- Name: POLICY notification_settings_read_defaults ON notification_settings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_settings_read_defaults ON public.notification_settings IS 'custom: a school''s curator reads the settings of the nodes above the school (its region''s defaults)';

--
-- Name: notification_settings notification_settings_region_analyst; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_settings_region_analyst ON public.notification_settings USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (tenant_path OPERATOR(public.=) ( SELECT app.scope_path() AS scope_path)) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE (t.kind = 'region'::text))))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (tenant_path OPERATOR(public.=) ( SELECT app.scope_path() AS scope_path)) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE (t.kind = 'region'::text))) AND (curator_email IS NULL)));

--
-- Name: POLICY notification_settings_region_analyst ON notification_settings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_settings_region_analyst ON public.notification_settings IS 'custom: a region''s analyst reads and writes that region''s own row (the schools'' defaults, the analysts'' address), no school''s or other region''s';

--
-- Name: notification_unsubscribes; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.notification_unsubscribes ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_unsubscribes notification_unsubscribes_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_unsubscribes_curator ON public.notification_unsubscribes USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY notification_unsubscribes_curator ON notification_unsubscribes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_unsubscribes_curator ON public.notification_unsubscribes IS 'curator-own: a curator''s own school''s rows';

--
-- Name: notification_unsubscribes notification_unsubscribes_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notification_unsubscribes_platform_admin ON public.notification_unsubscribes TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY notification_unsubscribes_platform_admin ON notification_unsubscribes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notification_unsubscribes_platform_admin ON public.notification_unsubscribes IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: notifications; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications notifications_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notifications_curator ON public.notifications USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY notifications_curator ON notifications; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notifications_curator ON public.notifications IS 'curator-own: a curator''s own school''s rows';

--
-- Name: notifications notifications_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notifications_platform_admin ON public.notifications TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY notifications_platform_admin ON notifications; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notifications_platform_admin ON public.notifications IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: notifications notifications_region_report; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY notifications_region_report ON public.notifications FOR INSERT WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (kind = ANY (ARRAY['report_returned'::text, 'report_accepted'::text])) AND (recipient_email IS NULL) AND (recipient_name IS NULL) AND (participant_id IS NULL) AND (consent_purpose IS NULL) AND (ics IS NULL) AND (dedupe_key IS NULL) AND (status = 'pending'::text) AND (attempts = 0) AND (enqueued_at IS NULL) AND (claimed_at IS NULL) AND (sent_at IS NULL) AND (last_error IS NULL) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE ((t.kind = 'organisation'::text) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))))));

--
-- Name: POLICY notifications_region_report ON notifications; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY notifications_region_report ON public.notifications IS 'custom: a region analyst''s review of a yearly report writes the school''s message (returned or accepted) for an organisation under the analyst''s path, without an address (resolved when sent), and reads nothing';

--
-- Name: order_documents; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.order_documents ENABLE ROW LEVEL SECURITY;

--
-- Name: order_documents order_documents_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY order_documents_curator ON public.order_documents USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY order_documents_curator ON order_documents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY order_documents_curator ON public.order_documents IS 'curator-own: a curator''s own school''s rows';

--
-- Name: order_documents order_documents_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY order_documents_platform_admin ON public.order_documents TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY order_documents_platform_admin ON order_documents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY order_documents_platform_admin ON public.order_documents IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: pair_mentees; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.pair_mentees ENABLE ROW LEVEL SECURITY;

--
-- Name: pair_mentees pair_mentees_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY pair_mentees_curator ON public.pair_mentees USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY pair_mentees_curator ON pair_mentees; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY pair_mentees_curator ON public.pair_mentees IS 'curator-own: a curator''s own school''s rows';

--
-- Name: pair_mentees pair_mentees_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY pair_mentees_platform_admin ON public.pair_mentees TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY pair_mentees_platform_admin ON pair_mentees; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY pair_mentees_platform_admin ON public.pair_mentees IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: participant_base_entries; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.participant_base_entries ENABLE ROW LEVEL SECURITY;

--
-- Name: participant_base_entries participant_base_entries_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_base_entries_curator ON public.participant_base_entries USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY participant_base_entries_curator ON participant_base_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_base_entries_curator ON public.participant_base_entries IS 'curator-own: a curator''s own school''s rows';

--
-- Name: participant_base_entries participant_base_entries_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_base_entries_platform_admin ON public.participant_base_entries TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY participant_base_entries_platform_admin ON participant_base_entries; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_base_entries_platform_admin ON public.participant_base_entries IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: participant_erasures; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.participant_erasures ENABLE ROW LEVEL SECURITY;

--
-- Name: participant_erasures participant_erasures_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_erasures_curator ON public.participant_erasures USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY participant_erasures_curator ON participant_erasures; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_erasures_curator ON public.participant_erasures IS 'curator-own: a curator''s own school''s rows';

--
-- Name: participant_erasures participant_erasures_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_erasures_platform_admin ON public.participant_erasures TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY participant_erasures_platform_admin ON participant_erasures; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_erasures_platform_admin ON public.participant_erasures IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: participant_import_mappings; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.participant_import_mappings ENABLE ROW LEVEL SECURITY;

--
-- Name: participant_import_mappings participant_import_mappings_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_import_mappings_curator ON public.participant_import_mappings USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY participant_import_mappings_curator ON participant_import_mappings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_import_mappings_curator ON public.participant_import_mappings IS 'curator-own: a curator''s own school''s rows';

--
-- Name: participant_import_mappings participant_import_mappings_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participant_import_mappings_platform_admin ON public.participant_import_mappings TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY participant_import_mappings_platform_admin ON participant_import_mappings; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participant_import_mappings_platform_admin ON public.participant_import_mappings IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: participants; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.participants ENABLE ROW LEVEL SECURITY;

--
-- Name: participants participants_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participants_curator ON public.participants USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY participants_curator ON participants; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participants_curator ON public.participants IS 'curator-own: a curator''s own school''s rows';

--
-- Name: participants participants_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY participants_platform_admin ON public.participants TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY participants_platform_admin ON participants; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY participants_platform_admin ON public.participants IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: personalised_programmes; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.personalised_programmes ENABLE ROW LEVEL SECURITY;

--
-- Name: personalised_programmes personalised_programmes_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY personalised_programmes_curator ON public.personalised_programmes USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY personalised_programmes_curator ON personalised_programmes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY personalised_programmes_curator ON public.personalised_programmes IS 'curator-own: a curator''s own school''s rows';

--
-- Name: personalised_programmes personalised_programmes_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY personalised_programmes_platform_admin ON public.personalised_programmes TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY personalised_programmes_platform_admin ON personalised_programmes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY personalised_programmes_platform_admin ON public.personalised_programmes IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: plan_tasks; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.plan_tasks ENABLE ROW LEVEL SECURITY;

--
-- Name: plan_tasks plan_tasks_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY plan_tasks_curator ON public.plan_tasks USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY plan_tasks_curator ON plan_tasks; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY plan_tasks_curator ON public.plan_tasks IS 'curator-own: a curator''s own school''s rows';

--
-- Name: plan_tasks plan_tasks_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY plan_tasks_platform_admin ON public.plan_tasks TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY plan_tasks_platform_admin ON plan_tasks; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY plan_tasks_platform_admin ON public.plan_tasks IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: practice_cases; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.practice_cases ENABLE ROW LEVEL SECURITY;

--
-- Name: practice_cases practice_cases_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY practice_cases_curator ON public.practice_cases USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY practice_cases_curator ON practice_cases; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY practice_cases_curator ON public.practice_cases IS 'curator-own: a curator''s own school''s rows';

--
-- Name: practice_cases practice_cases_moderate; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY practice_cases_moderate ON public.practice_cases FOR UPDATE TO nastavnik_app USING (((status = ANY (ARRAY['submitted'::text, 'published'::text])) AND (( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((status = ANY (ARRAY['published'::text, 'returned'::text])) AND (( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY practice_cases_moderate ON practice_cases; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY practice_cases_moderate ON public.practice_cases IS 'custom: a region analyst publishes or returns a submitted case of their region (the trigger lets them change the moderation columns only)';

--
-- Name: practice_cases practice_cases_moderator_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY practice_cases_moderator_read ON public.practice_cases FOR SELECT TO nastavnik_app USING (((status <> 'draft'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY practice_cases_moderator_read ON practice_cases; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY practice_cases_moderator_read ON public.practice_cases IS 'custom: the region''s readers see the cases submitted, returned or published by its schools, never drafts';

--
-- Name: practice_cases practice_cases_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY practice_cases_platform_admin ON public.practice_cases TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY practice_cases_platform_admin ON practice_cases; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY practice_cases_platform_admin ON public.practice_cases IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: practice_cases practice_cases_region_published; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY practice_cases_region_published ON public.practice_cases FOR SELECT TO nastavnik_app USING (((status = 'published'::text) AND (( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_path OPERATOR(public.<@) public.subpath(( SELECT app.scope_path() AS scope_path), 0, 1))));

--
-- Name: POLICY practice_cases_region_published ON practice_cases; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY practice_cases_region_published ON public.practice_cases IS 'custom: a curator reads the cases published by every school of their region (the bank of practices)';

--
-- Name: programme_scorecards; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.programme_scorecards ENABLE ROW LEVEL SECURITY;

--
-- Name: programme_scorecards programme_scorecards_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programme_scorecards_curator ON public.programme_scorecards USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY programme_scorecards_curator ON programme_scorecards; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programme_scorecards_curator ON public.programme_scorecards IS 'curator-own: a curator''s own school''s rows';

--
-- Name: programme_scorecards programme_scorecards_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programme_scorecards_platform_admin ON public.programme_scorecards TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY programme_scorecards_platform_admin ON programme_scorecards; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programme_scorecards_platform_admin ON public.programme_scorecards IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: programme_stages; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.programme_stages ENABLE ROW LEVEL SECURITY;

--
-- Name: programme_stages programme_stages_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programme_stages_admin_write ON public.programme_stages TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY programme_stages_admin_write ON programme_stages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programme_stages_admin_write ON public.programme_stages IS 'admin: the platform admin only';

--
-- Name: programme_stages programme_stages_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programme_stages_read ON public.programme_stages FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY programme_stages_read ON programme_stages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programme_stages_read ON public.programme_stages IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: programmes; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.programmes ENABLE ROW LEVEL SECURITY;

--
-- Name: programmes programmes_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programmes_curator ON public.programmes USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY programmes_curator ON programmes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programmes_curator ON public.programmes IS 'curator-own: a curator''s own school''s rows';

--
-- Name: programmes programmes_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY programmes_platform_admin ON public.programmes TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY programmes_platform_admin ON programmes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY programmes_platform_admin ON public.programmes IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: questionnaire_answers; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.questionnaire_answers ENABLE ROW LEVEL SECURITY;

--
-- Name: questionnaire_answers questionnaire_answers_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_answers_curator ON public.questionnaire_answers USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY questionnaire_answers_curator ON questionnaire_answers; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_answers_curator ON public.questionnaire_answers IS 'curator-own: a curator''s own school''s rows';

--
-- Name: questionnaire_answers questionnaire_answers_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_answers_platform_admin ON public.questionnaire_answers TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY questionnaire_answers_platform_admin ON questionnaire_answers; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_answers_platform_admin ON public.questionnaire_answers IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: questionnaire_answers questionnaire_answers_respondent_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_answers_respondent_insert ON public.questionnaire_answers FOR INSERT WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_responses r
  WHERE ((r.id = questionnaire_answers.response_id) AND (r.tenant_id = questionnaire_answers.tenant_id))))));

--
-- Name: POLICY questionnaire_answers_respondent_insert ON questionnaire_answers; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_answers_respondent_insert ON public.questionnaire_answers IS 'custom: a respondent inserts the answers of a response they can see (the one of their link, claimed in this transaction)';

--
-- Name: questionnaire_links; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.questionnaire_links ENABLE ROW LEVEL SECURITY;

--
-- Name: questionnaire_links questionnaire_links_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_links_curator ON public.questionnaire_links USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY questionnaire_links_curator ON questionnaire_links; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_links_curator ON public.questionnaire_links IS 'curator-own: a curator''s own school''s rows';

--
-- Name: questionnaire_links questionnaire_links_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_links_platform_admin ON public.questionnaire_links TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY questionnaire_links_platform_admin ON questionnaire_links; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_links_platform_admin ON public.questionnaire_links IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: questionnaire_links questionnaire_links_respondent_claim; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_links_respondent_claim ON public.questionnaire_links FOR UPDATE USING (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (token_hash = app.link_hash()) AND (used_at IS NULL) AND (withdrawn_at IS NULL) AND (expires_at > now()))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (token_hash = app.link_hash()) AND (used_at IS NOT NULL) AND (claimed_in = pg_current_xact_id())));

--
-- Name: POLICY questionnaire_links_respondent_claim ON questionnaire_links; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_links_respondent_claim ON public.questionnaire_links IS 'custom: a respondent marks their link used, once, while it is unused, not withdrawn and unexpired, recording the claiming transaction';

--
-- Name: questionnaire_links questionnaire_links_respondent_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_links_respondent_read ON public.questionnaire_links FOR SELECT USING (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (token_hash = app.link_hash())));

--
-- Name: POLICY questionnaire_links_respondent_read ON questionnaire_links; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_links_respondent_read ON public.questionnaire_links IS 'custom: a respondent reads the one link of their token';

--
-- Name: questionnaire_questions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.questionnaire_questions ENABLE ROW LEVEL SECURITY;

--
-- Name: questionnaire_questions questionnaire_questions_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_questions_read ON public.questionnaire_questions FOR SELECT USING ((((tenant_id IS NULL) AND (( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['platform-admin'::text, 'ministry-official'::text, 'region-analyst'::text, 'curator'::text]))) OR ((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_links l
  WHERE ((l.template_id = questionnaire_questions.template_id) AND (l.token_hash = app.link_hash())))))));

--
-- Name: POLICY questionnaire_questions_read ON questionnaire_questions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_questions_read ON public.questionnaire_questions IS 'custom: every signed-in role reads the platform''s defaults; a respondent those of their link''s template';

--
-- Name: questionnaire_questions questionnaire_questions_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_questions_write ON public.questionnaire_questions USING ((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text))) WITH CHECK (((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_templates t
  WHERE ((t.id = questionnaire_questions.template_id) AND (NOT (t.tenant_id IS DISTINCT FROM questionnaire_questions.tenant_id)))))));

--
-- Name: POLICY questionnaire_questions_write ON questionnaire_questions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_questions_write ON public.questionnaire_questions IS 'custom: a curator their own school''s templates; the platform admin any, the defaults (no school) included; a question belongs to its template''s school (or, like it, to none)';

--
-- Name: questionnaire_responses; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.questionnaire_responses ENABLE ROW LEVEL SECURITY;

--
-- Name: questionnaire_responses questionnaire_responses_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_responses_curator ON public.questionnaire_responses USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK (((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_templates t
  WHERE ((t.id = questionnaire_responses.template_id) AND ((t.tenant_id IS NULL) OR (t.tenant_id = questionnaire_responses.tenant_id)) AND (t.respondent_role = questionnaire_responses.respondent_role) AND (t.phase = questionnaire_responses.phase))))));

--
-- Name: POLICY questionnaire_responses_curator ON questionnaire_responses; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_responses_curator ON public.questionnaire_responses IS 'custom: a curator their own school''s responses; a write needs a matching template of the school or a default';

--
-- Name: questionnaire_responses questionnaire_responses_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_responses_platform_admin ON public.questionnaire_responses TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK (((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_templates t
  WHERE ((t.id = questionnaire_responses.template_id) AND ((t.tenant_id IS NULL) OR (t.tenant_id = questionnaire_responses.tenant_id)) AND (t.respondent_role = questionnaire_responses.respondent_role) AND (t.phase = questionnaire_responses.phase))))));

--
-- Name: POLICY questionnaire_responses_platform_admin ON questionnaire_responses; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_responses_platform_admin ON public.questionnaire_responses IS 'custom: the platform admin''s responses beside the curator''s; a write needs a matching template';

--
-- Name: questionnaire_responses questionnaire_responses_respondent_insert; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_responses_respondent_insert ON public.questionnaire_responses FOR INSERT WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (channel = 'link'::text) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_links l
  WHERE ((l.id = questionnaire_responses.link_id) AND (l.tenant_id = questionnaire_responses.tenant_id) AND (l.participant_id = questionnaire_responses.participant_id) AND (l.template_id = questionnaire_responses.template_id) AND (l.academic_year = questionnaire_responses.academic_year) AND (NOT (l.programme_id IS DISTINCT FROM questionnaire_responses.programme_id)) AND (NOT (l.pair_id IS DISTINCT FROM questionnaire_responses.pair_id)) AND (l.token_hash = app.link_hash()) AND (l.claimed_in = pg_current_xact_id())))) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_templates t
  WHERE ((t.id = questionnaire_responses.template_id) AND ((t.tenant_id IS NULL) OR (t.tenant_id = questionnaire_responses.tenant_id)) AND (t.respondent_role = questionnaire_responses.respondent_role) AND (t.phase = questionnaire_responses.phase))))));

--
-- Name: POLICY questionnaire_responses_respondent_insert ON questionnaire_responses; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_responses_respondent_insert ON public.questionnaire_responses IS 'custom: a respondent inserts one response, for the link claimed in this transaction: its school, person, template, year, programme and pair';

--
-- Name: questionnaire_responses questionnaire_responses_respondent_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_responses_respondent_read ON public.questionnaire_responses FOR SELECT USING (((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_links l
  WHERE ((l.id = questionnaire_responses.link_id) AND (l.token_hash = app.link_hash()) AND (l.claimed_in = pg_current_xact_id()))))));

--
-- Name: POLICY questionnaire_responses_respondent_read ON questionnaire_responses; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_responses_respondent_read ON public.questionnaire_responses IS 'custom: a respondent reads back the response of the link claimed in this transaction';

--
-- Name: questionnaire_templates; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.questionnaire_templates ENABLE ROW LEVEL SECURITY;

--
-- Name: questionnaire_templates questionnaire_templates_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_templates_read ON public.questionnaire_templates FOR SELECT USING ((((tenant_id IS NULL) AND (( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['platform-admin'::text, 'ministry-official'::text, 'region-analyst'::text, 'curator'::text]))) OR ((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (EXISTS ( SELECT 1
   FROM public.questionnaire_links l
  WHERE ((l.template_id = questionnaire_templates.id) AND (l.token_hash = app.link_hash())))))));

--
-- Name: POLICY questionnaire_templates_read ON questionnaire_templates; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_templates_read ON public.questionnaire_templates IS 'custom: every signed-in role reads the platform''s defaults; a respondent those of their link''s template';

--
-- Name: questionnaire_templates questionnaire_templates_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY questionnaire_templates_write ON public.questionnaire_templates USING ((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text))) WITH CHECK ((((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id))) OR (( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)));

--
-- Name: POLICY questionnaire_templates_write ON questionnaire_templates; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY questionnaire_templates_write ON public.questionnaire_templates IS 'custom: a curator their own school''s templates; the platform admin any, the defaults (no school) included';

--
-- Name: region_notification_addresses; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.region_notification_addresses ENABLE ROW LEVEL SECURITY;

--
-- Name: region_notification_addresses region_notification_addresses_region_analyst; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY region_notification_addresses_region_analyst ON public.region_notification_addresses USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (tenant_path OPERATOR(public.=) ( SELECT app.scope_path() AS scope_path)) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE (t.kind = 'region'::text))))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (tenant_path OPERATOR(public.=) ( SELECT app.scope_path() AS scope_path)) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE (t.kind = 'region'::text)))));

--
-- Name: POLICY region_notification_addresses_region_analyst ON region_notification_addresses; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY region_notification_addresses_region_analyst ON public.region_notification_addresses IS 'custom: a region''s analyst reads and writes the region''s own address for staff messages, no other region''s';

--
-- Name: report_files; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.report_files ENABLE ROW LEVEL SECURITY;

--
-- Name: report_files report_files_scope; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_files_scope ON public.report_files TO nastavnik_app, nastavnik_platform_admin USING (((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text) OR ((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (kind = ANY (ARRAY['school_report'::text, 'submission_report'::text])) AND (requested_role = 'curator'::text)) OR ((( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['region-analyst'::text, 'ministry-official'::text])) AND (requested_role = ANY (ARRAY['region-analyst'::text, 'ministry-official'::text])) AND (( SELECT app.scope_all() AS scope_all) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_path() AS scope_path)))))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text) OR ((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (tenant_id = ( SELECT app.scope_tenant_id() AS scope_tenant_id)) AND (kind = ANY (ARRAY['school_report'::text, 'submission_report'::text])) AND (requested_role = 'curator'::text)) OR ((( SELECT app.scope_role() AS scope_role) = ANY (ARRAY['region-analyst'::text, 'ministry-official'::text])) AND (requested_role = ANY (ARRAY['region-analyst'::text, 'ministry-official'::text])) AND (( SELECT app.scope_all() AS scope_all) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_path() AS scope_path))))));

--
-- Name: POLICY report_files_scope ON report_files; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_files_scope ON public.report_files IS 'custom: the platform admin all; a curator the school reports and frozen submission PDFs of their school that a curator requested; regional readers the regional requests under their path';

--
-- Name: report_files report_files_submission_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_files_submission_read ON public.report_files FOR SELECT TO nastavnik_app USING (((kind = 'submission_report'::text) AND (( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY report_files_submission_read ON report_files; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_files_submission_read ON public.report_files IS 'custom: a region analyst reads the frozen PDFs of the yearly reports submitted by the schools under their region (read only: the curator''s submission writes them)';

--
-- Name: report_submission_due_dates; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.report_submission_due_dates ENABLE ROW LEVEL SECURITY;

--
-- Name: report_submission_due_dates report_submission_due_dates_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_due_dates_admin_write ON public.report_submission_due_dates TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY report_submission_due_dates_admin_write ON report_submission_due_dates; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_due_dates_admin_write ON public.report_submission_due_dates IS 'admin: the platform admin only';

--
-- Name: report_submission_due_dates report_submission_due_dates_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_due_dates_read ON public.report_submission_due_dates FOR SELECT TO nastavnik_app USING ((((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND ((tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) OR (( SELECT app.scope_reader_path() AS scope_reader_path) OPERATOR(public.<@) tenant_path))) OR ((( SELECT app.scope_role() AS scope_role) = 'curator'::text) AND (( SELECT app.scope_path() AS scope_path) OPERATOR(public.<@) tenant_path))));

--
-- Name: POLICY report_submission_due_dates_read ON report_submission_due_dates; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_due_dates_read ON public.report_submission_due_dates IS 'custom: the region''s analysts read its due dates, and a curator the due date of their school''s region';

--
-- Name: report_submission_due_dates report_submission_due_dates_region_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_due_dates_region_write ON public.report_submission_due_dates TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY report_submission_due_dates_region_write ON report_submission_due_dates; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_due_dates_region_write ON public.report_submission_due_dates IS 'custom: a region analyst sets the due dates of their region';

--
-- Name: report_submission_events; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.report_submission_events ENABLE ROW LEVEL SECURITY;

--
-- Name: report_submission_events report_submission_events_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_events_curator ON public.report_submission_events USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY report_submission_events_curator ON report_submission_events; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_events_curator ON public.report_submission_events IS 'curator-own: a curator''s own school''s rows';

--
-- Name: report_submission_events report_submission_events_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_events_platform_admin ON public.report_submission_events TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY report_submission_events_platform_admin ON report_submission_events; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_events_platform_admin ON public.report_submission_events IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: report_submission_events report_submission_events_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_events_region_read ON public.report_submission_events FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY report_submission_events_region_read ON report_submission_events; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_events_region_read ON public.report_submission_events IS 'custom: a region analyst reads the yearly reports of the schools under their region';

--
-- Name: report_submission_events report_submission_events_region_review; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_events_region_review ON public.report_submission_events FOR INSERT TO nastavnik_app WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) AND (action = ANY (ARRAY['accepted'::text, 'returned'::text]))));

--
-- Name: POLICY report_submission_events_region_review ON report_submission_events; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_events_region_review ON public.report_submission_events IS 'custom: a region analyst records their acceptance or return in the history of a school under their region';

--
-- Name: report_submission_versions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.report_submission_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: report_submission_versions report_submission_versions_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_versions_curator ON public.report_submission_versions USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY report_submission_versions_curator ON report_submission_versions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_versions_curator ON public.report_submission_versions IS 'curator-own: a curator''s own school''s rows';

--
-- Name: report_submission_versions report_submission_versions_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_versions_platform_admin ON public.report_submission_versions TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY report_submission_versions_platform_admin ON report_submission_versions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_versions_platform_admin ON public.report_submission_versions IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: report_submission_versions report_submission_versions_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submission_versions_region_read ON public.report_submission_versions FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY report_submission_versions_region_read ON report_submission_versions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submission_versions_region_read ON public.report_submission_versions IS 'custom: a region analyst reads the yearly reports of the schools under their region';

--
-- Name: report_submissions; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.report_submissions ENABLE ROW LEVEL SECURITY;

--
-- Name: report_submissions report_submissions_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submissions_curator ON public.report_submissions USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY report_submissions_curator ON report_submissions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submissions_curator ON public.report_submissions IS 'curator-own: a curator''s own school''s rows';

--
-- Name: report_submissions report_submissions_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submissions_platform_admin ON public.report_submissions TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY report_submissions_platform_admin ON report_submissions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submissions_platform_admin ON public.report_submissions IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: report_submissions report_submissions_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submissions_region_read ON public.report_submissions FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY report_submissions_region_read ON report_submissions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submissions_region_read ON public.report_submissions IS 'custom: a region analyst reads the yearly reports of the schools under their region';

--
-- Name: report_submissions report_submissions_region_review; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY report_submissions_region_review ON public.report_submissions FOR UPDATE TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) AND (status = 'submitted'::text))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)) AND (status = ANY (ARRAY['accepted'::text, 'returned'::text]))));

--
-- Name: POLICY report_submissions_region_review ON report_submissions; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY report_submissions_region_review ON public.report_submissions IS 'custom: a region analyst accepts or returns a submitted report of a school under their region (status only; a trigger keeps the content)';

--
-- Name: roadmap_items; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.roadmap_items ENABLE ROW LEVEL SECURITY;

--
-- Name: roadmap_items roadmap_items_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmap_items_curator ON public.roadmap_items USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY roadmap_items_curator ON roadmap_items; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmap_items_curator ON public.roadmap_items IS 'curator-own: a curator''s own school''s rows';

--
-- Name: roadmap_items roadmap_items_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmap_items_platform_admin ON public.roadmap_items TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY roadmap_items_platform_admin ON roadmap_items; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmap_items_platform_admin ON public.roadmap_items IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: roadmap_items roadmap_items_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmap_items_region_read ON public.roadmap_items FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE ((t.kind = 'organisation'::text) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))))));

--
-- Name: POLICY roadmap_items_region_read ON roadmap_items; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmap_items_region_read ON public.roadmap_items IS 'custom: a region analyst reads the roadmaps of the schools under their region''s path';

--
-- Name: roadmaps; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.roadmaps ENABLE ROW LEVEL SECURITY;

--
-- Name: roadmaps roadmaps_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmaps_curator ON public.roadmaps USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY roadmaps_curator ON roadmaps; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmaps_curator ON public.roadmaps IS 'curator-own: a curator''s own school''s rows';

--
-- Name: roadmaps roadmaps_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmaps_platform_admin ON public.roadmaps TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY roadmaps_platform_admin ON roadmaps; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmaps_platform_admin ON public.roadmaps IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: roadmaps roadmaps_region_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY roadmaps_region_read ON public.roadmaps FOR SELECT TO nastavnik_app USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE ((t.kind = 'organisation'::text) AND (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))))));

--
-- Name: POLICY roadmaps_region_read ON roadmaps; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY roadmaps_region_read ON public.roadmaps IS 'custom: a region analyst reads the roadmaps of the schools under their region''s path';

--
-- Name: role_models; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.role_models ENABLE ROW LEVEL SECURITY;

--
-- Name: role_models role_models_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY role_models_admin_write ON public.role_models TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY role_models_admin_write ON role_models; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY role_models_admin_write ON public.role_models IS 'admin: the platform admin only';

--
-- Name: role_models role_models_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY role_models_read ON public.role_models FOR SELECT USING ((( SELECT app.scope_role() AS scope_role) IS NOT NULL));

--
-- Name: POLICY role_models_read ON role_models; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY role_models_read ON public.role_models IS 'any-scope-read: reference data, read by anyone with a scope';

--
-- Name: school_contingent_ages; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.school_contingent_ages ENABLE ROW LEVEL SECURITY;

--
-- Name: school_contingent_ages school_contingent_ages_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingent_ages_curator ON public.school_contingent_ages USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY school_contingent_ages_curator ON school_contingent_ages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingent_ages_curator ON public.school_contingent_ages IS 'curator-own: a curator''s own school''s rows';

--
-- Name: school_contingent_ages school_contingent_ages_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingent_ages_platform_admin ON public.school_contingent_ages TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY school_contingent_ages_platform_admin ON school_contingent_ages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingent_ages_platform_admin ON public.school_contingent_ages IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: school_contingent_ages school_contingent_ages_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingent_ages_read ON public.school_contingent_ages FOR SELECT USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY school_contingent_ages_read ON school_contingent_ages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingent_ages_read ON public.school_contingent_ages IS 'reader-subtree: the federal scope all rows, a reader the rows under their path, a curator their own';

--
-- Name: school_contingent_ages school_contingent_ages_region_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingent_ages_region_write ON public.school_contingent_ages USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY school_contingent_ages_region_write ON school_contingent_ages; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingent_ages_region_write ON public.school_contingent_ages IS 'custom: a region analyst writes the contingents of the schools under their region (the region''s import)';

--
-- Name: school_contingents; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.school_contingents ENABLE ROW LEVEL SECURITY;

--
-- Name: school_contingents school_contingents_curator; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingents_curator ON public.school_contingents USING ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)));

--
-- Name: POLICY school_contingents_curator ON school_contingents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingents_curator ON public.school_contingents IS 'curator-own: a curator''s own school''s rows';

--
-- Name: school_contingents school_contingents_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingents_platform_admin ON public.school_contingents TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY school_contingents_platform_admin ON school_contingents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingents_platform_admin ON public.school_contingents IS 'curator-own: the platform admin''s rows beside the curator''s';

--
-- Name: school_contingents school_contingents_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingents_read ON public.school_contingents FOR SELECT USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY school_contingents_read ON school_contingents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingents_read ON public.school_contingents IS 'reader-subtree: the federal scope all rows, a reader the rows under their path, a curator their own';

--
-- Name: school_contingents school_contingents_region_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_contingents_region_write ON public.school_contingents USING (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path)))) WITH CHECK (((( SELECT app.scope_role() AS scope_role) = 'region-analyst'::text) AND (tenant_path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY school_contingents_region_write ON school_contingents; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_contingents_region_write ON public.school_contingents IS 'custom: a region analyst writes the contingents of the schools under their region (the region''s import)';

--
-- Name: school_data_changes; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.school_data_changes ENABLE ROW LEVEL SECURITY;

--
-- Name: school_data_changes school_data_changes_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_data_changes_read ON public.school_data_changes FOR SELECT USING ((( SELECT app.scope_all() AS scope_all) OR (tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR (tenant_id IN ( SELECT t.id
   FROM public.tenant_tree t
  WHERE (t.path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))))));

--
-- Name: POLICY school_data_changes_read ON school_data_changes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_data_changes_read ON public.school_data_changes IS 'custom: the federal scope all; a curator their own school''s; a regional reader the schools under their path';

--
-- Name: school_data_changes school_data_changes_record; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_data_changes_record ON public.school_data_changes FOR INSERT TO nastavnik_app WITH CHECK (((tenant_id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR ((( SELECT app.scope_role() AS scope_role) = 'respondent'::text) AND (area = 'questionnaires'::text))));

--
-- Name: POLICY school_data_changes_record ON school_data_changes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_data_changes_record ON public.school_data_changes IS 'custom: an edit records its day: a curator''s of their school, a link respondent''s of questionnaires';

--
-- Name: school_data_changes school_data_changes_record_platform_admin; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY school_data_changes_record_platform_admin ON public.school_data_changes FOR INSERT TO nastavnik_platform_admin WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY school_data_changes_record_platform_admin ON school_data_changes; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY school_data_changes_record_platform_admin ON public.school_data_changes IS 'custom: an edit of the platform admin''s records its day (the admin''s database role, docs/adr/0010)';

--
-- Name: tenants; Type: ROW SECURITY; Schema: public; Owner: nastavnik_owner
--

ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;

--
-- Name: tenants tenants_admin_write; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY tenants_admin_write ON public.tenants TO nastavnik_platform_admin USING ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)) WITH CHECK ((( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text));

--
-- Name: POLICY tenants_admin_write ON tenants; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY tenants_admin_write ON public.tenants IS 'admin: the platform admin only';

--
-- Name: tenants tenants_engine; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY tenants_engine ON public.tenants FOR SELECT TO nastavnik_indicators USING (true);

--
-- Name: POLICY tenants_engine ON tenants; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY tenants_engine ON public.tenants IS 'indicator-engine: the indicator engine''s role, every row';

--
-- Name: tenants tenants_read; Type: POLICY; Schema: public; Owner: nastavnik_owner
--

CREATE POLICY tenants_read ON public.tenants FOR SELECT USING ((( SELECT app.scope_all() AS scope_all) OR (id = ( SELECT app.scope_curator_tenant_id() AS scope_curator_tenant_id)) OR (path OPERATOR(public.<@) ( SELECT app.scope_reader_path() AS scope_reader_path))));

--
-- Name: POLICY tenants_read ON tenants; Type: COMMENT; Schema: public; Owner: nastavnik_owner
--

COMMENT ON POLICY tenants_read ON public.tenants IS 'reader-subtree: the federal scope all rows, a reader the rows under their path, a curator their own';

--
-- Name: SCHEMA app; Type: ACL; Schema: -; Owner: nastavnik_owner
--

GRANT USAGE ON SCHEMA app TO nastavnik_app;
GRANT USAGE ON SCHEMA app TO nastavnik_indicators;
GRANT USAGE ON SCHEMA app TO nastavnik_platform_admin;

--
-- Name: FUNCTION journal_append(events jsonb); Type: ACL; Schema: app; Owner: nastavnik_owner
--

REVOKE ALL ON FUNCTION app.journal_append(events jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION app.journal_append(events jsonb) TO nastavnik_app;
GRANT ALL ON FUNCTION app.journal_append(events jsonb) TO nastavnik_platform_admin;

--
-- Name: FUNCTION journal_drop_expired(retention_months integer); Type: ACL; Schema: app; Owner: nastavnik_owner
--

REVOKE ALL ON FUNCTION app.journal_drop_expired(retention_months integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app.journal_drop_expired(retention_months integer) TO nastavnik_app;
GRANT ALL ON FUNCTION app.journal_drop_expired(retention_months integer) TO nastavnik_platform_admin;

--
-- Name: FUNCTION journal_ensure_partitions(ahead integer); Type: ACL; Schema: app; Owner: nastavnik_owner
--

REVOKE ALL ON FUNCTION app.journal_ensure_partitions(ahead integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app.journal_ensure_partitions(ahead integer) TO nastavnik_app;
GRANT ALL ON FUNCTION app.journal_ensure_partitions(ahead integer) TO nastavnik_platform_admin;

--
-- Name: FUNCTION journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamp with time zone, actor text, actor_name text, role text, operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text); Type: ACL; Schema: app; Owner: nastavnik_owner
--

GRANT ALL ON FUNCTION app.journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamp with time zone, actor text, actor_name text, role text, operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text) TO nastavnik_app;
GRANT ALL ON FUNCTION app.journal_hash(prev_hash text, tenant_id uuid, seq bigint, at timestamp with time zone, actor text, actor_name text, role text, operation text, action text, entity text, entity_ids text[], fields text[], request_id text, source_address text) TO nastavnik_platform_admin;

--
-- Name: FUNCTION tenant_by_code(p_code text); Type: ACL; Schema: app; Owner: nastavnik_owner
--

REVOKE ALL ON FUNCTION app.tenant_by_code(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION app.tenant_by_code(p_code text) TO nastavnik_app;
GRANT ALL ON FUNCTION app.tenant_by_code(p_code text) TO nastavnik_platform_admin;

--
-- Name: TABLE access_journal; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT ON TABLE public.access_journal TO nastavnik_app;
GRANT SELECT,INSERT ON TABLE public.access_journal TO nastavnik_platform_admin;

--
-- Name: TABLE access_journal_heads; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.access_journal_heads TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.access_journal_heads TO nastavnik_platform_admin;

--
-- Name: TABLE competition_entries; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.competition_entries TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.competition_entries TO nastavnik_platform_admin;

--
-- Name: TABLE consents; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consents TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consents TO nastavnik_platform_admin;

--
-- Name: TABLE participant_base_entries; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participant_base_entries TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participant_base_entries TO nastavnik_platform_admin;

--
-- Name: TABLE ind_base_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_base_facts TO nastavnik_indicators;

--
-- Name: TABLE school_contingent_ages; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.school_contingent_ages TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.school_contingent_ages TO nastavnik_platform_admin;

--
-- Name: TABLE school_contingents; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.school_contingents TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.school_contingents TO nastavnik_platform_admin;

--
-- Name: TABLE ind_contingent_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_contingent_facts TO nastavnik_indicators;

--
-- Name: TABLE meeting_types; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.meeting_types TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.meeting_types TO nastavnik_platform_admin;

--
-- Name: TABLE meetings; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.meetings TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.meetings TO nastavnik_platform_admin;

--
-- Name: TABLE mentoring_directions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_directions TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_directions TO nastavnik_platform_admin;

--
-- Name: TABLE programmes; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.programmes TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.programmes TO nastavnik_platform_admin;

--
-- Name: TABLE ind_meeting_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_meeting_facts TO nastavnik_indicators;

--
-- Name: TABLE mentoring_pairs; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentoring_pairs TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentoring_pairs TO nastavnik_platform_admin;

--
-- Name: TABLE pair_mentees; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.pair_mentees TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.pair_mentees TO nastavnik_platform_admin;

--
-- Name: TABLE ind_membership_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_membership_facts TO nastavnik_indicators;

--
-- Name: TABLE questionnaire_answers; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_answers TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_answers TO nastavnik_platform_admin;

--
-- Name: TABLE questionnaire_questions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_questions TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_questions TO nastavnik_platform_admin;

--
-- Name: TABLE questionnaire_responses; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_responses TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_responses TO nastavnik_platform_admin;

--
-- Name: TABLE ind_outcome_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_outcome_facts TO nastavnik_indicators;

--
-- Name: TABLE participants; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participants TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participants TO nastavnik_platform_admin;

--
-- Name: TABLE ind_person_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_person_facts TO nastavnik_indicators;

--
-- Name: TABLE ind_satisfaction_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_satisfaction_facts TO nastavnik_indicators;

--
-- Name: TABLE programme_scorecards; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.programme_scorecards TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.programme_scorecards TO nastavnik_platform_admin;

--
-- Name: TABLE ind_scorecard_facts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.ind_scorecard_facts TO nastavnik_indicators;

--
-- Name: TABLE indicator_recompute_requests; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT ON TABLE public.indicator_recompute_requests TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.indicator_recompute_requests TO nastavnik_indicators;
GRANT SELECT,INSERT ON TABLE public.indicator_recompute_requests TO nastavnik_platform_admin;

--
-- Name: TABLE indicator_snapshots; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.indicator_snapshots TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.indicator_snapshots TO nastavnik_indicators;
GRANT SELECT ON TABLE public.indicator_snapshots TO nastavnik_platform_admin;

--
-- Name: TABLE indicator_snapshot_values; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.indicator_snapshot_values TO nastavnik_app;
GRANT SELECT ON TABLE public.indicator_snapshot_values TO nastavnik_platform_admin;

--
-- Name: TABLE indicator_targets; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.indicator_targets TO nastavnik_app;
GRANT SELECT ON TABLE public.indicator_targets TO nastavnik_indicators;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.indicator_targets TO nastavnik_platform_admin;

--
-- Name: TABLE indicator_target_values; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.indicator_target_values TO nastavnik_app;
GRANT SELECT ON TABLE public.indicator_target_values TO nastavnik_platform_admin;

--
-- Name: TABLE interest_areas; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.interest_areas TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.interest_areas TO nastavnik_platform_admin;

--
-- Name: TABLE match_suggestions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.match_suggestions TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.match_suggestions TO nastavnik_platform_admin;

--
-- Name: TABLE mentor_competitions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentor_competitions TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentor_competitions TO nastavnik_platform_admin;

--
-- Name: TABLE mentor_nominations; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentor_nominations TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mentor_nominations TO nastavnik_platform_admin;

--
-- Name: TABLE mentoring_direction_titles; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.mentoring_direction_titles TO nastavnik_app;
GRANT SELECT ON TABLE public.mentoring_direction_titles TO nastavnik_platform_admin;

--
-- Name: TABLE mentoring_formats; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_formats TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_formats TO nastavnik_platform_admin;

--
-- Name: TABLE mentoring_forms; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_forms TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.mentoring_forms TO nastavnik_platform_admin;

--
-- Name: TABLE notification_contacts; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_contacts TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_contacts TO nastavnik_platform_admin;

--
-- Name: TABLE notification_settings; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_settings TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_settings TO nastavnik_platform_admin;

--
-- Name: TABLE notification_unsubscribes; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_unsubscribes TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_unsubscribes TO nastavnik_platform_admin;

--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO nastavnik_platform_admin;

--
-- Name: TABLE order_documents; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.order_documents TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.order_documents TO nastavnik_platform_admin;

--
-- Name: TABLE participant_eligibility; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.participant_eligibility TO nastavnik_app;
GRANT SELECT ON TABLE public.participant_eligibility TO nastavnik_platform_admin;

--
-- Name: TABLE participant_erasures; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.participant_erasures TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.participant_erasures TO nastavnik_platform_admin;

--
-- Name: TABLE participant_import_mappings; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participant_import_mappings TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.participant_import_mappings TO nastavnik_platform_admin;

--
-- Name: TABLE personalised_programmes; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personalised_programmes TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.personalised_programmes TO nastavnik_platform_admin;

--
-- Name: TABLE plan_tasks; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.plan_tasks TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.plan_tasks TO nastavnik_platform_admin;

--
-- Name: TABLE practice_cases; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.practice_cases TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.practice_cases TO nastavnik_platform_admin;

--
-- Name: TABLE programme_scorecard_results; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.programme_scorecard_results TO nastavnik_app;
GRANT SELECT ON TABLE public.programme_scorecard_results TO nastavnik_platform_admin;

--
-- Name: TABLE programme_stages; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.programme_stages TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.programme_stages TO nastavnik_platform_admin;

--
-- Name: TABLE programme_titles; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.programme_titles TO nastavnik_app;
GRANT SELECT ON TABLE public.programme_titles TO nastavnik_platform_admin;

--
-- Name: TABLE questionnaire_links; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_links TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_links TO nastavnik_platform_admin;

--
-- Name: TABLE questionnaire_templates; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_templates TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.questionnaire_templates TO nastavnik_platform_admin;

--
-- Name: TABLE region_notification_addresses; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.region_notification_addresses TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.region_notification_addresses TO nastavnik_platform_admin;

--
-- Name: TABLE report_files; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.report_files TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.report_files TO nastavnik_platform_admin;

--
-- Name: TABLE report_submission_due_dates; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.report_submission_due_dates TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.report_submission_due_dates TO nastavnik_platform_admin;

--
-- Name: TABLE report_submission_events; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT ON TABLE public.report_submission_events TO nastavnik_app;
GRANT SELECT,INSERT ON TABLE public.report_submission_events TO nastavnik_platform_admin;

--
-- Name: TABLE report_submission_versions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT ON TABLE public.report_submission_versions TO nastavnik_app;
GRANT SELECT,INSERT ON TABLE public.report_submission_versions TO nastavnik_platform_admin;

--
-- Name: TABLE report_submissions; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.report_submissions TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.report_submissions TO nastavnik_platform_admin;

--
-- Name: TABLE roadmap_items; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.roadmap_items TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.roadmap_items TO nastavnik_platform_admin;

--
-- Name: TABLE roadmap_item_lines; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.roadmap_item_lines TO nastavnik_app;
GRANT SELECT ON TABLE public.roadmap_item_lines TO nastavnik_platform_admin;

--
-- Name: TABLE roadmaps; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.roadmaps TO nastavnik_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.roadmaps TO nastavnik_platform_admin;

--
-- Name: TABLE roadmap_stage_execution; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.roadmap_stage_execution TO nastavnik_app;
GRANT SELECT ON TABLE public.roadmap_stage_execution TO nastavnik_platform_admin;

--
-- Name: TABLE roadmap_summaries; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.roadmap_summaries TO nastavnik_app;
GRANT SELECT ON TABLE public.roadmap_summaries TO nastavnik_platform_admin;

--
-- Name: TABLE role_models; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.role_models TO nastavnik_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.role_models TO nastavnik_platform_admin;

--
-- Name: TABLE school_data_changes; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT ON TABLE public.school_data_changes TO nastavnik_app;
GRANT SELECT,INSERT ON TABLE public.school_data_changes TO nastavnik_platform_admin;

--
-- Name: TABLE tenants; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tenants TO nastavnik_app;
GRANT SELECT ON TABLE public.tenants TO nastavnik_indicators;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tenants TO nastavnik_platform_admin;

--
-- Name: TABLE tenant_tree; Type: ACL; Schema: public; Owner: nastavnik_owner
--

GRANT SELECT ON TABLE public.tenant_tree TO nastavnik_app;
GRANT SELECT ON TABLE public.tenant_tree TO nastavnik_platform_admin;
GRANT SELECT ON TABLE public.tenant_tree TO nastavnik_indicators;

--
-- PostgreSQL database dump complete
--
