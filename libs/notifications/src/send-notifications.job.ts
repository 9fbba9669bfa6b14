import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NotificationOutbox } from './notification-outbox.service';
import { type SendResult, SmtpSender } from './smtp-sender';

export const SEND_NOTIFICATIONS_JOB = 'send-notifications';

/** A batch of one school's due outbox rows, under that school's scope. */
export type SendNotificationsJobData = ScopedJobData & { ids: string[] };

type ClaimedRow = {
  id: string;
  tenant_id: string;
  kind: string;
  recipient_email: string;
  recipient_name: string | null;
  subject: string;
  body_text: string | null;
  body_html: string | null;
  ics: string | null;
  message_id: string;
  attempts: number;
  participant_id: string | null;
  consent_purpose: string | null;
};

/** How many messages of a job are claimed and in flight at once (the SMTP pool keeps as many connections per job). */
const PARALLEL = 4;
const MAX_BACKOFF_MS = 15 * 60_000;

export const CANCELLED_NO_CONSENT = 'Не отправлено: нет действующего согласия, покрывающего контакт (отозвано или истекло).';
export const CANCELLED_UNSUBSCRIBED = 'Не отправлено: адресат отписался от писем этого вида.';
export const CANCELLED_NO_CURATOR_ADDRESS = 'Не отправлено: в настройках уведомлений школы нет адреса куратора.';

/**
 * Sends a batch (docs/adr/0029), chunk by chunk of PARALLEL rows (docs/adr/0038), in this order:
 * 1. claim the chunk in a transaction of its own: pending → sending, attempts + 1 — committed
 *    before a byte goes to the SMTP server; in the same transaction a row written without an
 *    address gets the school's curator's (or is cancelled without one), the consent (for messages
 *    to participants) and the unsubscribes are read again, and a row they stop becomes cancelled;
 * 2. send its messages at once, each with its fixed Message-ID, over the pooled connections;
 * 3. record the answers in one transaction: sent; or back to pending with a doubled delay
 *    (failed after the last attempt). A worker killed between 1 and 3 leaves the row `sending`: the relay marks it
 *    `uncertain` (shown to the curator, who may resend) and it is never sent again automatically
 *    — at most once, because a message cannot be unsent and the server's answer was lost.
 * A server that does not answer at all stops the batch: its other rows stay pending, untouched.
 */
@Injectable()
@QueueJob(QUEUES.notifications, SEND_NOTIFICATIONS_JOB)
export class SendNotificationsJob {
  private readonly logger = new Logger(SendNotificationsJob.name);

  constructor(
    private readonly context: TenantContext,
    private readonly sender: SmtpSender,
    private readonly outbox: NotificationOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(data: SendNotificationsJobData): Promise<{ sent: number; failed: number; cancelled: number; skipped: number; deferred: number }> {
    const result = { sent: 0, failed: 0, cancelled: 0, skipped: 0, deferred: 0 };
    const ids = [...new Set(data.ids)];
    let serverDown = false;
    // Chunk by chunk of PARALLEL rows: one transaction claims the chunk, its messages go to the
    // SMTP pool at once, one transaction records their answers. At most PARALLEL rows of a job are
    // ever claimed and unrecorded — what a killed worker can leave uncertain (docs/adr/0029, 0038).
    for (let i = 0; i < ids.length; i += PARALLEL) {
      const chunk = ids.slice(i, i + PARALLEL);
      if (serverDown) {
        result.deferred += chunk.length;
        continue;
      }
      const { claimed, cancelled } = await this.context.runInScope(data.scope, () => this.claim(chunk));
      result.cancelled += cancelled;
      result.skipped += chunk.length - claimed.length - cancelled;
      if (claimed.length === 0) continue;
      const answers = await Promise.all(claimed.map((row) => this.send(row)));
      await this.context.runInScope(data.scope, () => this.record(claimed, answers));
      for (const [n, answer] of answers.entries()) {
        if (answer.ok) result.sent += 1;
        else {
          result.failed += 1;
          if (answer.connection) serverDown = true;
          this.logger.warn(`notification ${claimed[n].id}: attempt ${claimed[n].attempts} failed: ${answer.error}`);
        }
      }
    }
    if (serverDown) {
      // The rows this batch did not try wait for the relay's next pass after the first retry delay.
      await this.context.runInScope(data.scope, async () => {
        await (await this.context.manager()).query(
          `update notifications set enqueued_at = null, next_attempt_at = greatest(next_attempt_at, now() + make_interval(secs => $2::double precision / 1000))
            where id = any($1) and status = 'pending'`,
          [data.ids, this.config.notifications.retryBaseMs],
        );
      });
    }
    return result;
  }

  private send(row: ClaimedRow): Promise<SendResult> {
    return this.sender.send({
      notificationId: row.id,
      messageId: row.message_id,
      to: { address: row.recipient_email, name: row.recipient_name },
      subject: row.subject,
      text: row.body_text ?? '',
      html: row.body_html ?? '',
      ics: row.ics,
      unsubscribeUrl: this.outbox.unsubscribeUrl(row.tenant_id, row.id),
    });
  }

  /**
   * Records a chunk's answers in one transaction: the accepted ones `sent` (the one-time link's
   * token leaves the database with the message — only its hash stays, in monitoring); the others
   * back to pending with a doubled delay, or `failed` after the last attempt.
   */
  private async record(rows: ClaimedRow[], answers: SendResult[]): Promise<void> {
    const em = await this.context.manager();
    const sent = rows.filter((_, n) => answers[n].ok).map((row) => row.id);
    if (sent.length > 0) {
      await em.query(
        `update notifications set status = 'sent', sent_at = now(), updated_at = now(), last_error = null,
                body_text = regexp_replace(body_text, '/q/[A-Za-z0-9_-]{43}', '/q/…', 'g'),
                body_html = regexp_replace(body_html, '/q/[A-Za-z0-9_-]{43}', '/q/…', 'g')
          where id = any($1) and status = 'sending'`,
        [sent],
      );
    }
    for (const [n, row] of rows.entries()) {
      const answer = answers[n];
      if (answer.ok) continue;
      const last = row.attempts >= this.config.notifications.maxAttempts;
      const delayMs = Math.min(this.config.notifications.retryBaseMs * 2 ** Math.max(0, row.attempts - 1), MAX_BACKOFF_MS);
      await em.query(
        `update notifications set status = $2, last_error = $3, updated_at = now(), enqueued_at = null, claimed_at = null,
                next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
          where id = $1 and status = 'sending'`,
        [row.id, last ? 'failed' : 'pending', answer.error, delayMs],
      );
    }
  }

  /**
   * pending → sending for a chunk, committed before the send; in the same transaction the consent
   * (messages about a participant) and the unsubscribes are read again, and the rows they stop
   * become cancelled instead.
   */
  private async claim(ids: string[]): Promise<{ claimed: ClaimedRow[]; cancelled: number }> {
    const em = await this.context.manager();
    // A message written without an address (a region analyst's review, docs/adr/0039) goes to the
    // school's curator: the address is read here, under the school's scope, from its settings.
    await em.query(
      `update notifications n set recipient_email = s.curator_email, updated_at = now()
         from notification_settings s
        where n.id = any($1) and n.status = 'pending' and n.recipient_email is null and s.tenant_id = n.tenant_id and s.curator_email is not null`,
      [ids],
    );
    const [, unaddressed] = (await em.query(
      `update notifications set status = 'cancelled', last_error = $2, claimed_at = null, updated_at = now() where id = any($1) and status = 'pending' and recipient_email is null`,
      [ids, CANCELLED_NO_CURATOR_ADDRESS],
    )) as [unknown, number];
    const [rows] = (await em.query(
      `update notifications set status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
        where id = any($1) and status = 'pending'
        returning id, tenant_id, kind, recipient_email, recipient_name, subject, body_text, body_html, ics, message_id, attempts, participant_id, consent_purpose`,
      [ids],
    )) as [ClaimedRow[], number];
    if (rows.length === 0) return { claimed: [], cancelled: unaddressed };
    const reasons = new Map<string, string>();
    const needConsent = rows.filter((row) => row.consent_purpose);
    if (needConsent.length > 0) {
      const eligible = new Set(((await em.query(
        `select e.participant_id || ':' || e.purpose as key from participant_eligibility e
          where e.tenant_id = any($1::uuid[]) and e.participant_id = any($2::uuid[]) and e.purpose = any($3::text[])`,
        [[...new Set(needConsent.map((r) => r.tenant_id))], needConsent.map((r) => r.participant_id), [...new Set(needConsent.map((r) => r.consent_purpose))]],
      )) as { key: string }[]).map((r) => r.key));
      for (const row of needConsent) if (!eligible.has(`${row.participant_id}:${row.consent_purpose}`)) reasons.set(row.id, CANCELLED_NO_CONSENT);
    }
    const unsubscribed = new Set(((await em.query(
      `select email || ' ' || kind as key from notification_unsubscribes where email = any($1::text[])`,
      [[...new Set(rows.map((row) => row.recipient_email.toLowerCase()))]],
    )) as { key: string }[]).map((r) => r.key));
    for (const row of rows) {
      if (!reasons.has(row.id) && unsubscribed.has(`${row.recipient_email.toLowerCase()} ${row.kind}`)) reasons.set(row.id, CANCELLED_UNSUBSCRIBED);
    }
    for (const [id, reason] of reasons) {
      await em.query(`update notifications set status = 'cancelled', last_error = $2, attempts = attempts - 1, claimed_at = null, updated_at = now() where id = $1`, [id, reason]);
    }
    return { claimed: rows.filter((row) => !reasons.has(row.id)), cancelled: reasons.size + unaddressed };
  }
}
