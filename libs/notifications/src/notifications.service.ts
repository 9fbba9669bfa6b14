import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { isUuid } from '@nastavnik/platform/graphql/uuid.pipe';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import type { NotificationContactInput, NotificationContactView, NotificationFilter, NotificationPreview, NotificationSettingsInput, NotificationSettingsView, RegionNotificationSettingsInput, RegionNotificationSettingsView } from './dtos/notification.inputs';
import type { NotificationKind } from './notification.codes';
import { NotificationEntity } from './notification.entity';
import { renderNotification, ruDay } from './notification-templates';

const SORTABLE = sortColumns({ createdAt: 'n.created_at', sentAt: 'n.sent_at', status: 'n.status', kind: 'n.kind', recipientEmail: 'n.recipient_email' });

/** The thresholds that apply to a school: its own, else its region's (nearest ancestor first), else the platform's. */
export type EffectiveSettings = { curatorEmail: string | null; linkReminderDays: number; pairIdleDays: number; roadmapDueDays: number; digestEnabled: boolean };

type SettingsRow = { tenant_id: string; curator_email: string | null; link_reminder_days: number | null; pair_idle_days: number | null; roadmap_due_days: number | null; digest_enabled: boolean | null };

/** Sample fields for previews in the console, per kind. */
const PREVIEW_DATA = new Map<NotificationKind, Record<string, unknown>>([
  ['questionnaire_link', { templateTitle: 'Удовлетворённость участием в программе наставничества', linkUrl: 'https://example.invalid/q/…', expiresOn: ruDay(new Date()), forRepresentative: true, participantName: 'Иван Петров' }],
  ['questionnaire_reminder', { templateTitle: 'Удовлетворённость участием в программе наставничества', issuedOn: ruDay(new Date()), expiresOn: ruDay(new Date()) }],
  ['pair_idle', { days: 30, count: 1, items: [{ title: 'Иванова А. А. — Петров И. И.', lastMeeting: 'не было' }] }],
  ['roadmap_due', { days: 7, count: 1, items: [{ title: 'Стартовая встреча наставников', due: ruDay(new Date()) }] }],
  ['roadmap_overdue', { count: 1, items: [{ title: 'Анкетирование наставляемых', due: ruDay(new Date()) }] }],
  ['weekly_digest', { sent: 12, failed: 0, idleDays: 30, idlePairs: 2, overdue: 1 }],
  ['meeting_invitation', { title: 'Встреча пары', when: ruDay(new Date()), place: 'каб. 12' }],
  ['report_returned', { period: '2025/2026', version: 1, comment: 'Уточните численность наставляемых в разделе показателей.', consoleUrl: 'https://example.invalid/#/report-submission' }],
  ['report_accepted', { period: '2025/2026', version: 2, comment: null, consoleUrl: 'https://example.invalid/#/report-submission' }],
  ['report_not_submitted', { period: '2025/2026', due: ruDay(new Date()), count: 2, items: [{ title: 'МБОУ СОШ № 1' }, { title: 'МАОУ гимназия № 2' }], consoleUrl: 'https://example.invalid/#/school-report-submissions' }],
]);

/** The curator's side of notifications: what was sent, resend, settings, contacts, previews. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly context: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(args: ListArgs, filter: NotificationFilter = {}): Promise<NotificationEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'createdAt', { nullsLast: true })).items;
  }

  async count(filter: NotificationFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<NotificationEntity> {
    const found = await (await this.context.manager()).findOneBy(NotificationEntity, { id });
    if (!found) throw new NotFoundException('Уведомление не найдено или недоступно.');
    return found;
  }

  /** Sends again a message that failed or whose first sending was interrupted (same Message-ID). */
  async resend(id: string): Promise<NotificationEntity> {
    const em = await this.context.manager();
    const [, changed] = (await em.query(
      `update notifications set status = 'pending', attempts = 0, next_attempt_at = now(), enqueued_at = null, claimed_at = null, last_error = null, updated_at = now()
        where id = $1 and status in ('failed', 'uncertain')`,
      [id],
    )) as [unknown, number];
    if (changed !== 1) {
      const found = await this.get(id);
      throw new ConflictException(`Повторно отправить можно только недоставленное письмо или письмо с прерванной отправкой; у этого состояние «${found.status}».`);
    }
    return this.get(id);
  }

  async settings(): Promise<NotificationSettingsView> {
    const tenantId = this.context.scope.tenantId;
    const rows = await this.settingsRows();
    const own = rows.find((row) => row.tenant_id === tenantId);
    return { curatorEmail: own?.curator_email ?? null, ...this.thresholdsView(own, this.effectiveOf(rows)) };
  }

  /** Writes the settings of the caller's own school (a curator's). */
  async updateSettings(input: NotificationSettingsInput): Promise<NotificationSettingsView> {
    const em = await this.context.manager();
    const scope = this.context.scope;
    const [tenant] = (await em.query(`select id, path::text as path from tenant_tree where id = $1`, [scope.tenantId])) as { id: string; path: string }[];
    if (!tenant) throw new NotFoundException('Организация не найдена.');
    await this.upsertSettings(em, tenant, input.curatorEmail ?? null, input);
    return this.settings();
  }

  /**
   * The region's own settings (its analyst's): the defaults of its schools, and the analysts'
   * address, kept apart (`region_notification_addresses`) since the schools' curators read the
   * defaults. Only a region analyst bound to a region (not a municipality): the row policies admit
   * that region's rows alone (docs/adr/0039).
   */
  async regionSettings(): Promise<RegionNotificationSettingsView> {
    const region = await this.analystsRegion();
    const em = await this.context.manager();
    const [own] = (await em.query(
      `select tenant_id, curator_email, link_reminder_days, pair_idle_days, roadmap_due_days, digest_enabled from notification_settings where tenant_id = $1`,
      [region.id],
    )) as SettingsRow[];
    const [address] = (await em.query(`select analyst_email from region_notification_addresses where tenant_id = $1`, [region.id])) as { analyst_email: string }[];
    return { analystEmail: address?.analyst_email ?? null, ...this.thresholdsView(own, this.effectiveOf(own ? [own] : [])) };
  }

  async updateRegionSettings(input: RegionNotificationSettingsInput): Promise<RegionNotificationSettingsView> {
    const region = await this.analystsRegion();
    const em = await this.context.manager();
    await this.upsertSettings(em, region, undefined, input);
    const address = input.analystEmail?.trim() || null;
    if (address) {
      await em.query(
        `insert into region_notification_addresses (tenant_id, tenant_path, analyst_email) values ($1, $2::ltree, $3)
         on conflict (tenant_id) do update set analyst_email = excluded.analyst_email, updated_at = now()`,
        [region.id, region.path, address],
      );
    } else {
      await em.query(`delete from region_notification_addresses where tenant_id = $1`, [region.id]);
    }
    return this.regionSettings();
  }

  /** The settings that apply in the running scope's school (nearest node first). */
  async effective(): Promise<EffectiveSettings> {
    return this.effectiveOf(await this.settingsRows());
  }

  async contacts(participantIds: string[]): Promise<NotificationContactView[]> {
    if (participantIds.length > 500 || !participantIds.every(isUuid)) throw new ValidationFailedException('Список участников: до 500 корректных идентификаторов.');
    const rows = (await (await this.context.manager()).query(
      `select participant_id, email, name, representative from notification_contacts where participant_id = any($1::uuid[]) order by participant_id`,
      [participantIds],
    )) as { participant_id: string; email: string; name: string | null; representative: boolean }[];
    return rows.map((r) => ({ participantId: r.participant_id, email: r.email, name: r.name, representative: r.representative }));
  }

  async setContact(input: NotificationContactInput): Promise<NotificationContactView> {
    const em = await this.context.manager();
    const participantId = input.participantId.toLowerCase();
    // The row is the school's own: an id of another school's participant is stored under this
    // school and never used, since the outbox reads a school's contacts for its own participants only.
    const tenantId = this.context.scope.tenantId;
    if (!tenantId) throw new ConflictException('Адрес участника задаёт куратор его школы.');
    await em.query(
      `insert into notification_contacts (tenant_id, participant_id, email, name, representative) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, participant_id) do update set email = excluded.email, name = excluded.name, representative = excluded.representative, updated_at = now()`,
      [tenantId, participantId, input.email.trim(), input.name ?? null, input.representative ?? false],
    );
    return (await this.contacts([participantId]))[0];
  }

  preview(kind: NotificationKind): NotificationPreview {
    return renderNotification(kind, {
      recipientName: 'Мария Ивановна',
      schoolName: 'МБОУ СОШ № 1',
      unsubscribeUrl: `${this.config.notifications.publicUrl}/notifications/unsubscribe/…`,
      ...(PREVIEW_DATA.get(kind) ?? {}),
    });
  }

  private async settingsRows(): Promise<SettingsRow[]> {
    return (await (await this.context.manager()).query(
      `select tenant_id, curator_email, link_reminder_days, pair_idle_days, roadmap_due_days, digest_enabled
         from notification_settings where tenant_path @> (select app.scope_path()) order by nlevel(tenant_path) desc`,
    )) as SettingsRow[];
  }

  /** The row of a school (its curator's address and thresholds) or of a region (the thresholds, its schools' defaults; `curatorEmail` undefined). */
  private async upsertSettings(
    em: EntityManager,
    tenant: { id: string; path: string },
    curatorEmail: string | null | undefined,
    thresholds: Pick<NotificationSettingsInput, 'linkReminderDays' | 'pairIdleDays' | 'roadmapDueDays' | 'digestEnabled'>,
  ): Promise<void> {
    const address = curatorEmail === undefined ? '' : ', curator_email = excluded.curator_email';
    await em.query(
      `insert into notification_settings (tenant_id, tenant_path, curator_email, link_reminder_days, pair_idle_days, roadmap_due_days, digest_enabled)
       values ($1, $2::ltree, $3, $4, $5, $6, $7)
       on conflict (tenant_id) do update set link_reminder_days = excluded.link_reminder_days${address},
         pair_idle_days = excluded.pair_idle_days, roadmap_due_days = excluded.roadmap_due_days, digest_enabled = excluded.digest_enabled, updated_at = now()`,
      [tenant.id, tenant.path, curatorEmail ?? null, thresholds.linkReminderDays ?? null, thresholds.pairIdleDays ?? null, thresholds.roadmapDueDays ?? null, thresholds.digestEnabled ?? null],
    );
  }

  /** The region of the calling region analyst; a municipality's analyst or another role is refused. */
  private async analystsRegion(): Promise<{ id: string; path: string }> {
    const scope = this.context.scope;
    if (scope.role !== 'region-analyst' || !scope.tenantId) throw new ForbiddenException('Настройки уведомлений региона задаёт аналитик региона.');
    const [node] = (await (await this.context.manager()).query(`select id, kind, path::text as path from tenant_tree where id = $1`, [scope.tenantId])) as { id: string; kind: string; path: string }[];
    if (node?.kind !== 'region') throw new ForbiddenException('Настройки уведомлений задаются для региона целиком: войдите как аналитик региона, а не муниципалитета.');
    return node;
  }

  private thresholdsView(own: SettingsRow | undefined, effective: EffectiveSettings) {
    return {
      linkReminderDays: own?.link_reminder_days ?? null,
      pairIdleDays: own?.pair_idle_days ?? null,
      roadmapDueDays: own?.roadmap_due_days ?? null,
      digestEnabled: own?.digest_enabled ?? null,
      effectiveLinkReminderDays: effective.linkReminderDays,
      effectivePairIdleDays: effective.pairIdleDays,
      effectiveRoadmapDueDays: effective.roadmapDueDays,
      effectiveDigestEnabled: effective.digestEnabled,
    };
  }

  private effectiveOf(rows: SettingsRow[]): EffectiveSettings {
    const first = <T>(pick: (row: SettingsRow) => T | null): T | null => rows.map(pick).find((value) => value !== null) ?? null;
    const defaults = this.config.notifications;
    return {
      curatorEmail: rows.find((row) => row.tenant_id === this.context.scope.tenantId)?.curator_email ?? null,
      linkReminderDays: first((r) => r.link_reminder_days) ?? defaults.linkReminderDays,
      pairIdleDays: first((r) => r.pair_idle_days) ?? defaults.pairIdleDays,
      roadmapDueDays: first((r) => r.roadmap_due_days) ?? defaults.roadmapDueDays,
      digestEnabled: first((r) => r.digest_enabled) ?? true,
    };
  }

  private filtered(em: EntityManager, filter: NotificationFilter) {
    const query = em.createQueryBuilder(NotificationEntity, 'n');
    if (filter.ids) query.andWhere('n.id = any(:ids)', { ids: filter.ids });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.participantId) query.andWhere('n.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.q) query.andWhere('n.recipient_email ilike :q', { q: containsPattern(filter.q) });
    return query;
  }
}
