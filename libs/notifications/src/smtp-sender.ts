import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';

/** One message as the outbox row holds it. */
export type OutgoingMessage = {
  messageId: string;
  to: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string;
  ics: string | null;
  unsubscribeUrl: string;
  notificationId: string;
};

/** The server's verdict: accepted, or an error with the reason to show the curator. */
export type SendResult = { ok: true; response: string } | { ok: false; error: string; connection: boolean };

/**
 * SMTP through nodemailer: a pooled transport (kept-alive connections, one per message in flight) to the configured
 * server. Each message carries the outbox row's Message-ID and the RFC 8058 one-click unsubscribe
 * headers. Short timeouts, so that a server that is down fails fast and the row waits for its
 * retry instead of holding a worker.
 */
@Injectable()
export class SmtpSender implements OnApplicationShutdown {
  private transport?: Transporter<SMTPPool.SentMessageInfo>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.transport ??= createTransport({
      pool: true,
      // As many connections as messages a worker has in flight (2 jobs × 4), each kept for many messages.
      maxConnections: 8,
      maxMessages: 1000,
      host: this.config.notifications.smtpHost,
      port: this.config.notifications.smtpPort,
      secure: false,
      ignoreTLS: this.config.notifications.smtpHost === '127.0.0.1' || this.config.notifications.smtpHost === 'localhost',
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 20000,
    });
    try {
      const info = await this.transport.sendMail({
        from: this.config.notifications.from,
        to: { address: message.to.address, name: message.to.name ?? '' },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: {
          'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-Nastavnik-Notification': message.notificationId,
        },
        ...(message.ics ? { icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: message.ics } } : {}),
      });
      return { ok: true, response: String(info.response ?? '') };
    } catch (error) {
      const e = error as { code?: string; responseCode?: number; message?: string };
      // No SMTP answer at all (refused, reset, timed out) — as opposed to the server refusing this message.
      const connection = e.responseCode === undefined;
      return { ok: false, error: (e.message ?? String(error)).slice(0, 900), connection };
    }
  }

  /** Closes the pool's connections (a test stopping its server, or the worker shutting down). */
  reset(): void {
    this.transport?.close();
    this.transport = undefined;
  }

  onApplicationShutdown(): void {
    this.reset();
  }
}

/** `<id@domain>`, the domain of the sender's address. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'nastavnik.local';
  return `<${id}@${domain}>`;
}
