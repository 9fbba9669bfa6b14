import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { REGION_TIME_ZONE, todayIso } from '@nastavnik/platform/calendar';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QueueJob } from '@nastavnik/platform/queue/queue-job.decorator';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import type { ScopedJobData } from '@nastavnik/platform/queue/scoped-job';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import { RoadmapService } from '@nastavnik/programmes/roadmaps/roadmap.service';
import { ruDay } from './notification-templates';
import { NotificationOutbox } from './notification-outbox.service';
import { PLATFORM_SCOPE, regionAnalystScope, schoolScope } from './notification-scopes';
import { NotificationsService } from './notifications.service';
import { CONTACT_PURPOSE } from './notification.codes';
import { UnansweredLinks } from './unanswered-links';
import { UnsubmittedReports } from './unsubmitted-reports';

export const RUN_REMINDERS_JOB = 'run-reminders';
export const REMINDERS_SCHEDULER_ID = 'notifications-reminders';

/** `regionPath`: only the schools under it; `today`: the run's day (the region's calendar). */
export type RunRemindersJobData = ScopedJobData & { regionPath?: string; today?: string };

/** What one school's run found (and wrote, if the school has a curator's address). */
/** What one region's run found of the yearly reports not submitted by a due date (and wrote to the region's analysts). */
export type RegionReports = { tenantId: string; schoolYear: string; dueOn: string; schoolIds: string[]; written: boolean };

export type SchoolReminders = { tenantId: string; idlePairIds: string[]; dueItemIds: string[]; overdueItemIds: string[]; remindedLinkIds: string[]; written: number };

/**
 * How long after a due date the analysts' list of late schools may still be written: at go-live
 * (or after a worker was down) a due date older than this produces nothing — it is history the
 * analysts see on «Кто не сдал», not news; 30 days outlast any outage of the worker (docs/adr/0039).
 */
export const REPORT_DEADLINE_WINDOW_DAYS = 30;

const OPEN_ITEM = new Set(['planned', 'in_progress']);
const PAGE = 500;

/**
 * The daily reminder run (NOTIFICATIONS_REMINDERS_CRON, the region's time zone), school by school
 * under each school's curator scope, with the school's thresholds (its own, its region's, the
 * platform's — docs/adr/0030):
 * - pairs without a meeting for N days: an active pair whose latest meeting held on or before today
 *   (or, with none, its start date) is more than N days ago — or that has neither;
 * - roadmap items planned or in progress whose planned end falls within the next N days (due), or
 *   has passed (overdue);
 * - on Mondays the curator's weekly digest;
 * - questionnaire links issued N days ago or more and still open (not answered, withdrawn or
 *   expired): one reminder per link to the participant — or a minor's legal representative —
 *   with a consent in force, keyed by the link so it is sent once (the links come from the
 *   monitoring lib through the `UnansweredLinks` port, docs/adr/0038);
 * - per region, per school year whose due date has passed: one message to the region's analysts
 *   (the region's `analyst_email`) listing the schools without a report on review or accepted,
 *   for a due date passed at most REPORT_DEADLINE_WINDOW_DAYS ago, keyed by the year and the due date so it is written once (the reports come from the reporting
 *   lib through the `UnsubmittedReports` port, asked under the region analyst's scope, docs/adr/0039).
 * The curator's become one message to the curator's address (settings), written to the outbox with a
 * per-school, per-day key, so a run repeated the same day writes nothing twice. The data comes
 * from the programmes lib's services, not its tables (docs/adr/0004).
 */
@Injectable()
@QueueJob(QUEUES.notifications, RUN_REMINDERS_JOB)
export class RunRemindersJob implements OnApplicationBootstrap {
  constructor(
    private readonly context: TenantContext,
    private readonly queues: JobQueues,
    private readonly outbox: NotificationOutbox,
    private readonly settings: NotificationsService,
    private readonly pairs: MentoringPairService,
    private readonly meetings: MeetingService,
    private readonly roadmaps: RoadmapService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QUEUES.notifications)
      .upsertJobScheduler(REMINDERS_SCHEDULER_ID, { pattern: this.config.notifications.remindersCron, tz: REGION_TIME_ZONE }, { name: RUN_REMINDERS_JOB, data: { scope: PLATFORM_SCOPE } satisfies RunRemindersJobData });
  }

  /** Runs under the platform scope to list the schools; each school's work runs under its own. */
  async handle(data: RunRemindersJobData): Promise<SchoolReminders[]> {
    const today = data.today ?? todayIso();
    const em = await this.context.manager();
    const schools = (await em.query(
      `select id, path::text as path from tenant_tree where kind = 'organisation' and ($1::ltree is null or path <@ $1::ltree) order by path`,
      [data.regionPath ?? null],
    )) as { id: string; path: string }[];
    const found: SchoolReminders[] = [];
    for (const school of schools) found.push(await this.context.runInScope(schoolScope(school.id, school.path), () => this.forSchool(school.id, today)));
    await this.reportDeadlines(today, data.regionPath ?? null);
    return found;
  }

  /**
   * The yearly reports not submitted by their due date, region by region (under the platform
   * scope, which lists the regions): the list is the reporting lib's answer under the region
   * analyst's scope, and so is the analysts' address; the message is the region's own outbox row,
   * written under the region's scope, once per year and due date.
   */
  async reportDeadlines(today: string, regionPath: string | null): Promise<RegionReports[]> {
    let source: UnsubmittedReports;
    try {
      source = this.moduleRef.get(UnsubmittedReports, { strict: false });
    } catch {
      return []; // no lib provides the reports in this application
    }
    const em = await this.context.manager();
    const regions = (await em.query(
      `select id, path::text as path from tenant_tree where kind = 'region' and ($1::ltree is null or path <@ $1::ltree) order by path`,
      [regionPath],
    )) as { id: string; path: string }[];
    const found: RegionReports[] = [];
    for (const region of regions) {
      const late = await this.context.runInScope(regionAnalystScope(region.id, region.path), () => source.unsubmitted(today, addDays(today, -REPORT_DEADLINE_WINDOW_DAYS)));
      if (late.every((year) => year.schools.length === 0)) continue;
      // The analysts' address is theirs to read (region_notification_addresses); the message is the region's outbox row.
      const to = await this.context.runInScope(regionAnalystScope(region.id, region.path), async () => {
        const [address] = (await (await this.context.manager()).query(`select analyst_email from region_notification_addresses where tenant_id = $1`, [region.id])) as { analyst_email: string }[];
        return address?.analyst_email ?? null;
      });
      await this.context.runInScope(schoolScope(region.id, region.path), async () => {
        for (const year of late) {
          if (year.schools.length === 0) continue;
          const id = to
            ? await this.outbox.enqueue({
                tenantId: region.id,
                kind: 'report_not_submitted',
                to: { email: to, name: null },
                data: { period: year.schoolYear, due: ruDay(year.dueOn), count: year.schools.length, items: year.schools.map((school) => ({ title: school.title })), consoleUrl: `${this.config.notifications.consoleUrl}/#/school-report-submissions` },
                dedupeKey: `report_not_submitted:${year.schoolYear}:${year.dueOn}`,
              })
            : null;
          found.push({ tenantId: region.id, schoolYear: year.schoolYear, dueOn: year.dueOn, schoolIds: year.schools.map((school) => school.tenantId).sort(), written: id !== null });
        }
      });
    }
    return found;
  }

  /** One school's reminders (under its scope). */
  async forSchool(tenantId: string, today: string): Promise<SchoolReminders> {
    const settings = await this.settings.effective();
    const idleSince = addDays(today, -settings.pairIdleDays);
    const dueUntil = addDays(today, settings.roadmapDueDays);
    const pairs = await all((args) => this.pairs.list(args, { status: 'active' }));
    const meetings = await all((args) => this.meetings.list(args, { heldTo: today }));
    const latest = new Map<string, string>();
    for (const meeting of meetings) {
      if (!meeting.pairId) continue;
      const held = String(meeting.heldOn);
      if ((latest.get(meeting.pairId) ?? '') < held) latest.set(meeting.pairId, held);
    }
    const idle = pairs.filter((pair) => {
      const since = latest.get(pair.id) ?? pair.startDate;
      return since === null || since < idleSince;
    });
    const items = (await all((args) => this.roadmaps.listItems(args, {})))
      .flatMap((item) => (OPEN_ITEM.has(item.status) && item.plannedEnd !== null ? [{ activity: item.activity, id: item.id, plannedEnd: item.plannedEnd }] : []));
    const due = items.filter((item) => item.plannedEnd >= today && item.plannedEnd <= dueUntil);
    const overdue = items.filter((item) => item.plannedEnd < today);
    let written = 0;
    const to = settings.curatorEmail;
    if (to) {
      const write = async (kind: 'pair_idle' | 'roadmap_due' | 'roadmap_overdue' | 'weekly_digest', data: Record<string, unknown>) => {
        if (await this.outbox.enqueue({ tenantId, kind, to: { email: to, name: null }, data, dedupeKey: `${kind}:${today}` })) written += 1;
      };
      if (idle.length) {
        await write('pair_idle', { days: settings.pairIdleDays, count: idle.length, items: idle.map((pair) => ({ title: pair.title, lastMeeting: ruDayOr(latest.get(pair.id), 'не было') })) });
      }
      if (due.length) await write('roadmap_due', { days: settings.roadmapDueDays, count: due.length, items: due.map((item) => ({ title: item.activity, due: ruDay(item.plannedEnd) })) });
      if (overdue.length) await write('roadmap_overdue', { count: overdue.length, items: overdue.map((item) => ({ title: item.activity, due: ruDay(item.plannedEnd) })) });
      if (settings.digestEnabled && new Date(`${today}T12:00:00Z`).getUTCDay() === 1) {
        const [week] = (await (await this.context.manager()).query(
          `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status in ('failed', 'uncertain'))::int as failed
             from notifications where created_at > now() - interval '7 days'`,
        )) as { sent: number; failed: number }[];
        await write('weekly_digest', { sent: week.sent, failed: week.failed, idleDays: settings.pairIdleDays, idlePairs: idle.length, overdue: overdue.length });
      }
    }
    const reminded = await this.linkReminders(tenantId, today, settings.linkReminderDays);
    written += reminded.length;
    return { tenantId, idlePairIds: idle.map((p) => p.id).sort(), dueItemIds: due.map((i) => i.id).sort(), overdueItemIds: overdue.map((i) => i.id).sort(), remindedLinkIds: reminded.sort(), written };
  }

  /** Reminders of the school's links open for `days` days or more; returns the links whose reminder was written now. */
  private async linkReminders(tenantId: string, today: string, days: number): Promise<string[]> {
    let source: UnansweredLinks;
    try {
      source = this.moduleRef.get(UnansweredLinks, { strict: false });
    } catch {
      return []; // no lib provides the links in this application
    }
    const issuedBefore = new Date(`${addDays(today, -days)}T23:59:59.999Z`);
    const reminded: string[] = [];
    for (const link of await source.unanswered(issuedBefore)) {
      const recipient = await this.outbox.participantRecipient(link.participantId);
      if (typeof recipient === 'string') continue;
      const id = await this.outbox.enqueue({
        tenantId,
        kind: 'questionnaire_reminder',
        to: { email: recipient.email, name: recipient.name },
        participantId: link.participantId,
        consentPurpose: CONTACT_PURPOSE,
        data: { templateTitle: link.templateTitle, issuedOn: ruDay(link.issuedAt), expiresOn: ruDay(link.expiresAt) },
        dedupeKey: `questionnaire_reminder:${link.linkId}`,
      });
      if (id) reminded.push(link.linkId);
    }
    return reminded;
  }
}

/** Every page of a list. */
async function all<T>(page: (args: ListArgs) => Promise<T[]>): Promise<T[]> {
  const items: T[] = [];
  for (let n = 0; ; n += 1) {
    const args = Object.assign(new ListArgs(), { page: n, perPage: PAGE, sortOrder: 'ASC' });
    const got = await page(args);
    items.push(...got);
    if (got.length < PAGE) return items;
  }
}

function ruDayOr(day: string | undefined, none: string): string {
  return day ? ruDay(day) : none;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
