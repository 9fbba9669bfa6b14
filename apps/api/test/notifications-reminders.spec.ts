import { join } from 'node:path';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { run } from '@nastavnik/testing/local-servers';
import { PLATFORM_SCOPE } from '@nastavnik/notifications/notification-scopes';
import { RunRemindersJob, type SchoolReminders } from '@nastavnik/notifications/run-reminders.job';
import { NotificationsWorld } from './notifications-world';

const ROOT = join(__dirname, '..', '..', '..');
const TODAY = '2026-10-20';

/**
 * The scheduled reminder run over the demo region (tools/demo-data/seed-demo.ts): it finds
 * exactly the active pairs without a meeting for 30 days and the roadmap items due within 7 days
 * or overdue — checked against SQL written here, over the tables themselves — writes one message
 * per kind to each school's curator, and a second run the same day writes nothing more.
 */
describe('notifications: the reminder run over the demo region', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifrem');
    await run(process.execPath, ['-r', './tools/register.cjs', 'tools/demo-data/seed-demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...world.overrides, REDIS_URL: world.env.redisUrl },
      timeout: 300_000,
    });
    // The demo's roadmap items carry no planned end: give them one around the run's day. Open items
    // (planned, in progress) are dealt out in a fixed order — overdue, due within the week, later —
    // so every kind is there whatever ids the seed drew; finished items get past dates, which must
    // not be reminded of.
    await world.db.owner.query(`
      with open as (select tenant_id, id, row_number() over (order by tenant_id, number, id) as n
                      from roadmap_items where status in ('planned', 'in_progress'))
      update roadmap_items i set planned_end = case o.n % 3 when 0 then date '${TODAY}' - (1 + (o.n % 9))::int
                                                           when 1 then date '${TODAY}' + (o.n % 8)::int
                                                           else date '${TODAY}' + 30 end
        from open o where o.tenant_id = i.tenant_id and o.id = i.id`);
    await world.db.owner.query(`update roadmap_items set planned_end = date '${TODAY}' - 5 where status not in ('planned', 'in_progress')`);
    // Every demo school's curator has an address (the spec's own, over the demo seed's).
    await world.db.owner.query(`
      insert into notification_settings (tenant_id, tenant_path, curator_email)
      select id, path, 'curator-' || code || '@example.test' from tenants where kind = 'organisation' and path <@ 'demo'
      on conflict (tenant_id) do update set curator_email = excluded.curator_email`);
  }, 600_000);
  afterAll(async () => {
    await world?.close();
  });

  it('finds exactly the idle pairs and the due and overdue items that SQL finds, and writes each school its messages once', async () => {
    const worker = await world.startWorker();
    const job = worker.get(RunRemindersJob);
    const context = worker.get(TenantContext);
    const runOnce = () => context.runInScope(PLATFORM_SCOPE, () => job.handle({ scope: PLATFORM_SCOPE, regionPath: 'demo', today: TODAY }));
    const found: SchoolReminders[] = await runOnce();

    const idle = await world.db.owner.query<{ id: string }>(`
      select p.id from mentoring_pairs p join tenants t on t.id = p.tenant_id
       where t.path <@ 'demo' and p.status = 'active'
         and coalesce((select max(m.held_on) from meetings m where m.tenant_id = p.tenant_id and m.pair_id = p.id and m.held_on <= date '${TODAY}'), p.start_date)
             is not distinct from null
          or (t.path <@ 'demo' and p.status = 'active'
              and coalesce((select max(m.held_on) from meetings m where m.tenant_id = p.tenant_id and m.pair_id = p.id and m.held_on <= date '${TODAY}'), p.start_date) < date '${TODAY}' - 30)
       order by p.id`);
    const due = await world.db.owner.query<{ id: string }>(`
      select i.id from roadmap_items i join tenants t on t.id = i.tenant_id
       where t.path <@ 'demo' and i.status in ('planned', 'in_progress') and i.planned_end between date '${TODAY}' and date '${TODAY}' + 7 order by i.id`);
    const overdue = await world.db.owner.query<{ id: string }>(`
      select i.id from roadmap_items i join tenants t on t.id = i.tenant_id
       where t.path <@ 'demo' and i.status in ('planned', 'in_progress') and i.planned_end < date '${TODAY}' order by i.id`);
    const active = await world.db.owner.query(`select count(*)::int as n from mentoring_pairs p join tenants t on t.id = p.tenant_id where t.path <@ 'demo' and p.status = 'active'`);

    // The demo has both kinds of pair and both kinds of item, so the comparison says something.
    expect(idle.rows.length).toBeGreaterThan(0);
    expect(idle.rows.length).toBeLessThan(active.rows[0].n);
    expect(due.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(found.flatMap((s) => s.idlePairIds).sort()).toEqual(idle.rows.map((r) => r.id).sort());
    expect(found.flatMap((s) => s.dueItemIds).sort()).toEqual(due.rows.map((r) => r.id).sort());
    expect(found.flatMap((s) => s.overdueItemIds).sort()).toEqual(overdue.rows.map((r) => r.id).sort());

    // One message per kind to each school that has something, to its curator's address.
    const expected = found.reduce((sum, s) => sum + (s.idlePairIds.length ? 1 : 0) + (s.dueItemIds.length ? 1 : 0) + (s.overdueItemIds.length ? 1 : 0), 0);
    expect(found.reduce((sum, s) => sum + s.written, 0)).toBe(expected);
    const { rows } = await world.db.owner.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from notifications where kind in ('pair_idle', 'roadmap_due', 'roadmap_overdue') group by kind order by kind`);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(expected);
    const idleSchool = found.find((s) => s.idlePairIds.length > 0)!;
    const [message] = (await world.db.owner.query(`select recipient_email, subject, body_text from notifications where tenant_id = $1 and kind = 'pair_idle'`, [idleSchool.tenantId])).rows;
    expect(message.recipient_email).toMatch(/^curator-.+@example\.test$/);
    expect(message.subject).toBe(`Пары без встреч больше 30 дн.: ${idleSchool.idlePairIds.length}`);

    // The same day again: nothing new.
    const again = await runOnce();
    expect(again.reduce((sum, s) => sum + s.written, 0)).toBe(0);
    expect((await world.db.owner.query(`select count(*)::int as n from notifications`)).rows[0].n).toBe(expected);
  }, 120_000);
});
