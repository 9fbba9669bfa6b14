import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NotificationOutbox } from './notification-outbox.service';
import { SmtpSender } from './smtp-sender';

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

/** How many messages of a batch are in flight at once (the SMTP pool keeps as many connections). */
const PARALLEL = 4;
const MAX_BACKOFF_MS = 15 * 60_000;

export const CANCELLED_NO_CONSENT = 'Не отправлено: нет действующего согласия, покрывающего контакт (отозвано или истекло).';
export const CANCELLED_UNSUBSCRIBED = 'Не отправлено: адресат отписался от писем этого вида.';

/**
 * Sends a batch (docs/adr/0029). For each row, in this order:
 * 1. claim it in a transaction of its own: pending → sending, attempts + 1 — committed before a
 *    byte goes to the SMTP server; in the same transaction the consent (for messages to
 *    participants) and the unsubscribes are read again, and a row they stop becomes cancelled;
 * 2. send it with its fixed Message-ID;
 * 3. record the answer: sent; or back to pending with a doubled delay (failed after the last
 *    attempt). A worker killed between 1 and 3 leaves the row `sending`: the relay marks it
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
    const queue = [...new Set(data.ids)];
    let serverDown = false;
    const next = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (serverDown) {
          result.deferred += 1;
          continue;
        }
        const outcome = await this.sendOne(data, id);
        if (outcome === 'down') {
          serverDown = true;
          result.failed += 1;
        } else result[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, next));
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

  private async sendOne(data: SendNotificationsJobData, id: string): Promise<'sent' | 'failed' | 'cancelled' | 'skipped' | 'down'> {
    const claimed = await this.context.runInScope(data.scope, () => this.claim(id));
    if (claimed === null) return 'skipped';
    if (claimed === 'cancelled') return 'cancelled';
    const sent = await this.sender.send({
      notificationId: claimed.id,
      messageId: claimed.message_id,
      to: { address: claimed.recipient_email, name: claimed.recipient_name },
      subject: claimed.subject,
      text: claimed.body_text ?? '',
      html: claimed.body_html ?? '',
      ics: claimed.ics,
      unsubscribeUrl: this.outbox.unsubscribeUrl(claimed.tenant_id, claimed.id),
    });
    await this.context.runInScope(data.scope, async () => {
      const em = await this.context.manager();
      if (sent.ok) {
        // The one-time link's token leaves the database with the message (only its hash stays, in monitoring).
        await em.query(
          `update notifications set status = 'sent', sent_at = now(), updated_at = now(), last_error = null,
                  body_text = regexp_replace(body_text, '/q/[A-Za-z0-9_-]{43}', '/q/…', 'g'),
                  body_html = regexp_replace(body_html, '/q/[A-Za-z0-9_-]{43}', '/q/…', 'g')
            where id = $1 and status = 'sending'`,
          [id],
        );
        return;
      }
      const last = claimed.attempts >= this.config.notifications.maxAttempts;
      const delayMs = Math.min(this.config.notifications.retryBaseMs * 2 ** Math.max(0, claimed.attempts - 1), MAX_BACKOFF_MS);
      await em.query(
        `update notifications set status = $2, last_error = $3, updated_at = now(), enqueued_at = null, claimed_at = null,
                next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
          where id = $1 and status = 'sending'`,
        [id, last ? 'failed' : 'pending', sent.error, delayMs],
      );
    });
    if (!sent.ok) this.logger.warn(`notification ${id}: attempt ${claimed.attempts} failed: ${sent.error}`);
    return sent.ok ? 'sent' : sent.connection ? 'down' : 'failed';
  }

  /** pending → sending, committed before the send; or cancelled when consent or an unsubscribe stops it. */
  private async claim(id: string): Promise<ClaimedRow | 'cancelled' | null> {
    const em = await this.context.manager();
    const [[row]] = (await em.query(
      `update notifications set status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
        where id = $1 and status = 'pending'
        returning id, tenant_id, kind, recipient_email, recipient_name, subject, body_text, body_html, ics, message_id, attempts, participant_id, consent_purpose`,
      [id],
    )) as [ClaimedRow[], number];
    if (!row) return null;
    let reason: string | null = null;
    if (row.consent_purpose) {
      const [eligible] = (await em.query(
        `select 1 from participant_eligibility e where e.tenant_id = $1 and e.participant_id = $2 and e.purpose = $3`,
        [row.tenant_id, row.participant_id, row.consent_purpose],
      )) as unknown[];
      if (!eligible) reason = CANCELLED_NO_CONSENT;
    }
    if (!reason) {
      const [unsubscribed] = (await em.query(`select 1 from notification_unsubscribes where email = lower($1) and kind = $2`, [row.recipient_email, row.kind])) as unknown[];
      if (unsubscribed) reason = CANCELLED_UNSUBSCRIBED;
    }
    if (!reason) return row;
    await em.query(`update notifications set status = 'cancelled', last_error = $2, attempts = attempts - 1, claimed_at = null, updated_at = now() where id = $1`, [id, reason]);
    return 'cancelled';
  }
}
