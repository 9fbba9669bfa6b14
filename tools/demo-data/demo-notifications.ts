import { DEV_USERS } from '@nastavnik/platform/auth/dev-users';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import type { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { NotificationsService } from '@nastavnik/notifications/notifications.service';
import { DEMO_TENANTS } from './demo-tenants';

/** Fictitious addresses on a reserved domain: what the demo's maildev receives (http://127.0.0.1:1080/). */
export const DEMO_MAIL_DOMAIN = 'example.ru';

/** A demo node's mailbox: its demo user's login where it has one (curator.mish, analyst.demo), else a made-up one. */
export function demoMailbox(code: string, role: 'curator' | 'region-analyst'): string {
  const user = DEV_USERS.find((u) => u.tenantCode === code && u.roles.includes(role));
  return `${user?.username ?? `${role === 'curator' ? 'curator' : 'analyst'}.${code}`}@${DEMO_MAIL_DOMAIN}`;
}

/**
 * Issue 17's addresses in the demo: each school's curator address («Настройки уведомлений») and each
 * region's analysts' address («Уведомления: настройки региона»), set through the same services and
 * policies as the console, under the curator's and the region analyst's scope. An address already
 * there (set by hand in the demo) is left as it is. Returns how many were set.
 */
export async function loadDemoNotificationAddresses(
  context: TenantContext,
  notifications: NotificationsService,
  ids: ReadonlyMap<string, { id: string; path: string }>,
  schools: readonly string[],
): Promise<number> {
  let set = 0;
  const scopeOf = (code: string, role: 'curator' | 'region-analyst'): Scope | null => {
    const node = ids.get(code);
    return node ? { role, tenantId: node.id, tenantPath: node.path, allTenants: false, actor: 'demo-seed' } : null;
  };
  for (const code of schools) {
    const scope = scopeOf(code, 'curator');
    if (!scope) continue;
    set += await context.runInScope(scope, async () => {
      const { curatorEmail, linkReminderDays, pairIdleDays, roadmapDueDays, digestEnabled } = await notifications.settings();
      if (curatorEmail) return 0;
      await notifications.updateSettings({ curatorEmail: demoMailbox(code, 'curator'), linkReminderDays, pairIdleDays, roadmapDueDays, digestEnabled });
      return 1;
    });
  }
  for (const region of DEMO_TENANTS.filter((t) => t.kind === 'region')) {
    const scope = scopeOf(region.code, 'region-analyst');
    if (!scope) continue;
    set += await context.runInScope(scope, async () => {
      const { analystEmail, linkReminderDays, pairIdleDays, roadmapDueDays, digestEnabled } = await notifications.regionSettings();
      if (analystEmail) return 0;
      await notifications.updateRegionSettings({ analystEmail: demoMailbox(region.code, 'region-analyst'), linkReminderDays, pairIdleDays, roadmapDueDays, digestEnabled });
      return 1;
    });
  }
  return set;
}
