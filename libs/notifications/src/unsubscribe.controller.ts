import { Controller, Get, HttpCode, Inject, Injectable, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@nastavnik/platform/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NOTIFICATION_KIND_TITLES } from './notification.codes';
import { schoolScope } from './notification-scopes';
import { readUnsubscribeToken } from './unsubscribe-token';

type Recipient = { tenant_id: string; email: string; kind: string };

export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe/:token';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;max-width:560px;margin:40px auto">${body}</body></html>`;

/** Set only once the answer is a page: an error stays the JSON `{ code, message }` of every route. */
function html(reply: FastifyReply): void {
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
}

/** Records an unsubscribe under the token's school (its curator scope, actor «unsubscribe-link»): the signature is the authority. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly context: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The address and kind of the token's message (under the token's school). */
  async recipient(token: string): Promise<Recipient> {
    const claim = readUnsubscribeToken(this.config.notifications.secret, token);
    if (!claim) throw new NotFoundException('Ссылка для отписки недействительна.');
    return this.context.runInScope(schoolScope(claim.tenantId, '', 'unsubscribe-link'), async () => {
      const em = await this.context.manager();
      const [row] = (await em.query(`select tenant_id, recipient_email as email, kind from notifications where id = $1 and recipient_email is not null`, [claim.notificationId])) as Recipient[];
      if (!row) throw new NotFoundException('Ссылка для отписки недействительна.');
      return row;
    });
  }

  async unsubscribe(token: string): Promise<Recipient> {
    const recipient = await this.recipient(token);
    await this.context.runInScope(schoolScope(recipient.tenant_id, '', 'unsubscribe-link'), async () => {
      const em = await this.context.manager();
      await em.query(`insert into notification_unsubscribes (tenant_id, email, kind) values ($1, lower($2), $3) on conflict do nothing`, [recipient.tenant_id, recipient.email, recipient.kind]);
    });
    return recipient;
  }
}

/**
 * One-click unsubscribe (RFC 8058): the message's `List-Unsubscribe` points here and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` tells a mail client to POST. A GET (a person
 * following the link in the footer) shows a page with one button, so that a link scanner that
 * opens every URL unsubscribes no one. Only that kind of message to that address stops.
 */
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Public()
  @Get(':token')
  async confirm(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const claim = await this.unsubscribes.recipient(token);
    html(reply);
    const kind = NOTIFICATION_KIND_TITLES.get(claim.kind) ?? claim.kind;
    return page(
      'Отписка от писем',
      `<h1>Отписка от писем</h1><p>Больше не присылать на адрес <b>${escapeHtml(claim.email)}</b> письма вида «${escapeHtml(kind)}»?</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Отписаться</button></form>`,
    );
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const claim = await this.unsubscribes.unsubscribe(token);
    html(reply);
    const kind = NOTIFICATION_KIND_TITLES.get(claim.kind) ?? claim.kind;
    return page('Вы отписались', `<h1>Вы отписались</h1><p>Письма вида «${escapeHtml(kind)}» на адрес <b>${escapeHtml(claim.email)}</b> больше не придут.</p>`);
  }
}
