import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies } from '@nastavnik/platform/database/row-policies';

/** The kinds as of this migration; kept literal so the migration never changes with the code. */
const KINDS = [
  'questionnaire_link', 'questionnaire_reminder', 'pair_idle', 'roadmap_due', 'roadmap_overdue', 'weekly_digest',
  'meeting_invitation', 'report_returned', 'report_accepted', 'report_not_submitted',
].map((kind) => `'${kind}'`).join(', ');

/**
 * Notifications (issue 17, docs/adr/0029–0031):
 * - `notifications`: the transactional outbox. A row is written in the transaction of the event
 *   that causes it (a curator issuing a questionnaire link, the daily reminder run), rendered at
 *   once (subject, text, HTML, an optional .ics), with a Message-ID fixed at insert. The worker
 *   claims a row (pending → sending) in its own committed transaction before it talks SMTP and
 *   records the answer after; `dedupe_key` makes a scheduled reminder idempotent per day.
 * - `notification_contacts`: where a participant's messages go — for a minor, the legal
 *   representative's address (the participants lib keeps the representative's name on the
 *   consent, not an address).
 * - `notification_unsubscribes`: one-click unsubscribes (RFC 8058) per address and kind.
 * - `notification_settings`: thresholds per school; a region's row holds the defaults of its schools.
 * All are a school's rows (`tenant_id` first in every key, docs/scale.md), forced RLS by kind:
 * curator-own, the settings also read along the path (a school reads its region's defaults).
 */
export class CreateNotifications1795301900000 implements MigrationInterface {
  name = 'CreateNotifications1795301900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notifications (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in (${KINDS})),
        participant_id uuid,
        consent_purpose text check (consent_purpose in ('questionnaires')),
        recipient_email text not null check (length(recipient_email) between 3 and 200),
        recipient_name text check (length(recipient_name) <= 300),
        subject text not null check (length(subject) between 1 and 300),
        body_text text,
        body_html text,
        ics text,
        message_id text not null check (message_id ~ '^<[^<>@ ]+@[^<>@ ]+>$'),
        dedupe_key text check (length(dedupe_key) <= 300),
        status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'uncertain')),
        attempts integer not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz not null default now(),
        enqueued_at timestamptz,
        claimed_at timestamptz,
        sent_at timestamptz,
        last_error text check (length(last_error) <= 1000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        created_by text not null,
        constraint notifications_pkey primary key (tenant_id, id),
        constraint notifications_message_id_key unique (tenant_id, message_id),
        constraint notifications_dedupe_key unique (tenant_id, dedupe_key)
      )`);
    // The relay's question: due pending rows of every school.
    await q.query(`create index notifications_due_idx on notifications (next_attempt_at) where status = 'pending'`);
    await q.query(`create index notifications_list_idx on notifications (tenant_id, created_at desc)`);
    await q.query(`
      create table notification_contacts (
        tenant_id uuid not null references tenants(id) on delete restrict,
        participant_id uuid not null,
        email text not null check (email ~ '^[^@\\s]+@[^@\\s]+$' and length(email) <= 200),
        name text check (length(name) between 1 and 300),
        representative boolean not null default false,
        updated_at timestamptz not null default now(),
        constraint notification_contacts_pkey primary key (tenant_id, participant_id)
      )`);
    await q.query(`
      create table notification_unsubscribes (
        tenant_id uuid not null references tenants(id) on delete restrict,
        email text not null check (email = lower(email) and length(email) between 3 and 200),
        kind text not null check (kind in (${KINDS})),
        created_at timestamptz not null default now(),
        constraint notification_unsubscribes_pkey primary key (tenant_id, email, kind)
      )`);
    await q.query(`
      create table notification_settings (
        tenant_id uuid not null references tenants(id) on delete restrict,
        tenant_path ltree not null,
        curator_email text check (curator_email ~ '^[^@\\s]+@[^@\\s]+$' and length(curator_email) <= 200),
        link_reminder_days integer check (link_reminder_days between 1 and 60),
        pair_idle_days integer check (pair_idle_days between 1 and 365),
        roadmap_due_days integer check (roadmap_due_days between 1 and 60),
        digest_enabled boolean,
        updated_at timestamptz not null default now(),
        constraint notification_settings_pkey primary key (tenant_id)
      )`);
    await q.query(`create index notification_settings_path_idx on notification_settings using gist (tenant_path)`);
    for (const table of ['notifications', 'notification_contacts', 'notification_unsubscribes', 'notification_settings']) {
      await q.query(`grant select, insert, update, delete on ${table} to nastavnik_app, nastavnik_platform_admin`);
    }
    await declareRowPolicies(
      q,
      rowPolicies('notifications', { kind: 'curator-own' }),
      rowPolicies('notification_contacts', { kind: 'curator-own' }),
      rowPolicies('notification_unsubscribes', { kind: 'curator-own' }),
      rowPolicies('notification_settings', { kind: 'curator-own' }, {
        kind: 'custom',
        name: 'read_defaults',
        why: "anyone with a scope reads the settings of the nodes above their own (a school its region's defaults)",
        for: 'select',
        using: `tenant_path @> (select app.scope_path()) and ${ROW_SCOPE.anyScope}`,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table notification_settings`);
    await q.query(`drop table notification_unsubscribes`);
    await q.query(`drop table notification_contacts`);
    await q.query(`drop table notifications`);
  }
}
