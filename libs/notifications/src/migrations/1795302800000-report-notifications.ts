import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies } from '@nastavnik/platform/database/row-policies';

/** The report kinds a region analyst's review writes (kept literal: the migration never changes with the code). */
const REVIEW_KINDS = `('report_returned', 'report_accepted')`;

/**
 * The yearly report's events (issue 17 on issue 13's workflow, docs/adr/0039):
 * - a region analyst's review (return, accept) writes the school's message in the review's own
 *   transaction, under the analyst's scope. The analyst may not read the school's curator address
 *   (the school's settings are curator-own), so the row is written without one and the sender
 *   resolves it under the school's scope when it claims the row: `recipient_email` may be null for
 *   the review kinds only;
 * - the policy `notifications_region_report` lets a region analyst INSERT such a row, nothing else:
 *   one of the two review kinds, for an organisation under the analyst's own path, with no
 *   address, participant, attachment or sending state of its own. No select, update or delete:
 *   the analyst reads no message, not even the one just written;
 * - `notification_settings.analyst_email`: on a region's row, where the region's analysts read the
 *   list of schools that have not submitted by the due date.
 */
export class ReportNotifications1795302800000 implements MigrationInterface {
  name = 'ReportNotifications1795302800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table notifications alter column recipient_email drop not null`);
    await q.query(`alter table notifications add constraint notifications_recipient_check check (recipient_email is not null or kind in ${REVIEW_KINDS})`);
    await q.query(`alter table notification_settings add column analyst_email text check (analyst_email ~ '^[^@\\s]+@[^@\\s]+$' and length(analyst_email) <= 200)`);
    await declareRowPolicies(
      q,
      rowPolicies('notifications', { kind: 'curator-own' }, {
        kind: 'custom',
        name: 'region_report',
        why: "a region analyst's review of a yearly report writes the school's message (returned or accepted) for an organisation under the analyst's path, without an address (resolved when sent), and reads nothing",
        for: 'insert',
        check: `(select app.scope_role()) = 'region-analyst' and kind in ${REVIEW_KINDS}
          and recipient_email is null and recipient_name is null and participant_id is null and consent_purpose is null and ics is null and dedupe_key is null
          and status = 'pending' and attempts = 0 and enqueued_at is null and claimed_at is null and sent_at is null and last_error is null
          and tenant_id in (select t.id from tenant_tree t where t.kind = 'organisation' and t.path <@ ${ROW_SCOPE.readerPath})`,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, rowPolicies('notifications', { kind: 'curator-own' }));
    await q.query(`alter table notification_settings drop column analyst_email`);
    await q.query(`delete from notifications where recipient_email is null`);
    await q.query(`alter table notifications drop constraint notifications_recipient_check`);
    await q.query(`alter table notifications alter column recipient_email set not null`);
  }
}
