import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ParticipantsService } from '@nastavnik/participants/participants.service';
import { CONTACT_PURPOSE, type NotificationKind } from './notification.codes';
import { renderNotification, ruDay } from './notification-templates';
import { messageIdFor } from './smtp-sender';
import { unsubscribeToken } from './unsubscribe-token';

/** One message for the outbox: to whom, which kind, the template's fields. */
export type OutboxMessage = {
  tenantId: string;
  kind: NotificationKind;
  /**
   * The recipient; null: the school's curator, whose address (the school's settings) the sender
   * reads under the school's scope when it sends — for a message written under a scope that may
   * not read it (a region analyst's review, docs/adr/0039). Such a row has no `dedupeKey`.
   */
  to: { email: string; name: string | null } | null;
  /** The participant the message is about; with `consentPurpose` their consent is checked again when it is sent. */
  participantId?: string | null;
  consentPurpose?: typeof CONTACT_PURPOSE | null;
  data: Record<string, unknown>;
  /** Makes a scheduled message idempotent: a second insert with the same key is a no-op. */
  dedupeKey?: string | null;
  ics?: string | null;
};

/** A region analyst accepted or returned a school's yearly report (the reporting lib's review, in its transaction). */
export type ReportReviewed = { tenantId: string; schoolYear: string; version: number; decision: 'accepted' | 'returned'; comment: string | null };

export type LinkIssued = { tenantId: string; participantId: string; linkPath: string; templateTitle: string; expiresAt: Date };

/** Why a message was not written (the caller's event still happened). */
export type NotQueued = 'no_address' | 'no_consent';

/**
 * The transactional outbox (docs/adr/0029): other libs call it inside their own operation, and the
 * row is written by the operation's own transaction (`TenantContext.manager()`): committed with
 * the event or not at all. The message is rendered now (the link's address exists only now); the
 * worker sends it later.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly context: TenantContext,
    private readonly participants: ParticipantsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes one message; returns its id, or null when `dedupeKey` was already written. */
  async enqueue(message: OutboxMessage): Promise<string | null> {
    const em = await this.context.manager();
    const [school] = (await em.query(`select short_name from tenant_tree where id = $1`, [message.tenantId])) as { short_name: string }[];
    const id = randomUUID();
    const unsubscribeUrl = this.unsubscribeUrl(message.tenantId, id);
    const rendered = renderNotification(message.kind, {
      recipientName: message.to?.name ?? null,
      schoolName: school?.short_name ?? 'образовательной организации',
      unsubscribeUrl,
      ...message.data,
    });
    const values = [message.tenantId, id, message.kind, message.participantId ?? null, message.consentPurpose ?? null, message.to?.email.trim() ?? null, message.to?.name ?? null,
      rendered.subject, rendered.text, rendered.html, message.ics ?? null, messageIdFor(id, this.config.notifications.from), message.dedupeKey ?? null, this.context.scope.actor];
    const insert = `insert into notifications (tenant_id, id, kind, participant_id, consent_purpose, recipient_email, recipient_name, subject, body_text, body_html, ics,
                                  message_id, dedupe_key, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;
    if (!message.to) {
      // Written under a scope that may insert the row but not read it back (no RETURNING, docs/adr/0039).
      if (message.dedupeKey) throw new Error('A message without an address has no dedupe key');
      await em.query(insert, values);
      return id;
    }
    const rows = (await em.query(`${insert} on conflict (tenant_id, dedupe_key) do nothing returning id`, values)) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /**
   * A region analyst returned or accepted a school's yearly report: one message to the school's
   * curator, written by the review's own transaction under the analyst's scope; its address is the
   * school's settings', read when it is sent (docs/adr/0039). Staff mail: no consent is asked,
   * an unsubscribe from the kind stops it.
   */
  async reportReviewed(event: ReportReviewed): Promise<string | null> {
    const kind = event.decision === 'accepted' ? 'report_accepted' : 'report_returned';
    return this.enqueue({
      tenantId: event.tenantId,
      kind,
      to: null,
      data: { period: event.schoolYear, version: event.version, comment: event.comment, consoleUrl: `${this.config.notifications.consoleUrl}/#/report-submission` },
    });
  }

  /**
   * A questionnaire link was issued: the message goes to the participant, or — for a minor — to
   * the legal representative whose address the school recorded (`notification_contacts`). Only a
   * person with a consent in force that covers questionnaires is written to, and the worker asks
   * again when it sends.
   */
  async questionnaireLinkIssued(link: LinkIssued): Promise<string | NotQueued> {
    const recipient = await this.participantRecipient(link.participantId);
    if (typeof recipient === 'string') return recipient;
    const id = await this.enqueue({
      tenantId: link.tenantId,
      kind: 'questionnaire_link',
      to: { email: recipient.email, name: recipient.name },
      participantId: link.participantId,
      consentPurpose: CONTACT_PURPOSE,
      data: {
        templateTitle: link.templateTitle,
        linkUrl: `${this.config.notifications.publicUrl}${link.linkPath}`,
        expiresOn: ruDay(link.expiresAt),
        forRepresentative: recipient.representative,
        participantName: recipient.participantName,
      },
    });
    return id ?? 'no_address';
  }

  /** Where a participant's messages go now: their contact row, else (an adult's) their own e-mail. */
  async participantRecipient(participantId: string): Promise<{ email: string; name: string | null; representative: boolean; participantName: string } | NotQueued> {
    const [person] = await this.participants.findEligible({ ids: [participantId] }, CONTACT_PURPOSE);
    if (!person) return 'no_consent';
    const em = await this.context.manager();
    const [contact] = (await em.query(`select email, name, representative from notification_contacts where participant_id = $1`, [participantId])) as {
      email: string;
      name: string | null;
      representative: boolean;
    }[];
    const participantName = [person.firstName, person.lastName].join(' ');
    if (isMinor(person.kind, person.birthDate)) {
      // A minor's messages go to the legal representative only.
      if (!contact?.representative) return 'no_address';
      return { email: contact.email, name: contact.name, representative: true, participantName };
    }
    if (contact) return { email: contact.email, name: contact.name ?? participantName, representative: contact.representative, participantName };
    if (!person.email) return 'no_address';
    return { email: person.email, name: [person.firstName, person.middleName].filter(Boolean).join(' '), representative: false, participantName };
  }

  unsubscribeUrl(tenantId: string, notificationId: string): string {
    return `${this.config.notifications.publicUrl}/notifications/unsubscribe/${unsubscribeToken(this.config.notifications.secret, { tenantId, notificationId })}`;
  }
}

/** Under 18 today, or a student whose birth date is unknown (the participants lib's rule for consent). */
export function isMinor(kind: string, birthDate: string | null, today = new Date()): boolean {
  if (!birthDate) return kind === 'student';
  const born = new Date(`${birthDate}T00:00:00Z`);
  const adult = new Date(Date.UTC(born.getUTCFullYear() + 18, born.getUTCMonth(), born.getUTCDate()));
  return adult > today;
}
