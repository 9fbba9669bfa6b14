import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { PLATFORM_SCOPE } from '@nastavnik/notifications/notification-scopes';
import { REPORT_DEADLINE_WINDOW_DAYS, RunRemindersJob } from '@nastavnik/notifications/run-reminders.job';
import { CANCELLED_UNSUBSCRIBED } from '@nastavnik/notifications/send-notifications.job';
import { ReportingCoreModule } from '@nastavnik/reporting/reporting.module';
import { tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { NotificationsWorld } from './notifications-world';

const YEAR = '2022/2023';
const LATER_YEAR = '2023/2024';
const DUE = '2026-10-01';
const TODAY = '2026-10-20';

/**
 * Issue 17 on the yearly report (docs/adr/0039): after a region's due date has passed, the daily
 * reminder run writes the region's analysts one message listing exactly the schools of the
 * region whose report is neither on review nor accepted — checked against SQL written here — and
 * sends it over a real SMTP server; a second run writes nothing; a school of another region is
 * never listed; unsubscribing from the kind stops it.
 */
describe('notifications: schools that have not submitted the yearly report by the due date', () => {
  let world: NotificationsWorld;
  let region: TenantRow;
  let other: { region: TenantRow; school: TenantRow };
  const schools: Record<'submitted' | 'accepted' | 'returned' | 'draft' | 'none' | 'elsewhere', TenantRow> = {} as never;
  const analystsA = 'rnc-a@example.test';
  const analystsB = 'rnc-b@example.test';

  const gql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await world.api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!;
  };
  const submit = async (school: TenantRow) =>
    (await gql<{ s: { id: string } }>(tokenFor('curator', school.code), `mutation($y: String!) { s: submitReportSubmission(schoolYear: $y, note: "Справка") { id } }`, { y: YEAR })).s.id;
  const review = (id: string, decision: 'ACCEPT' | 'RETURN') =>
    gql(tokenFor('region-analyst', region.code), `mutation($id: ID!, $d: ReportReviewDecision!) { reviewReportSubmission(id: $id, decision: $d, comment: "Замечания") { id } }`, { id, d: decision });
  const mailTo = (address: string, all: DeliveredMail[]) => all.filter((mail) => mail.to.some((to) => to.address === address));
  /** The late schools of a region, by SQL over the tables themselves: no report for the year on review or accepted. */
  const lateBySql = async (regionPath: string, year = YEAR) =>
    (await world.db.owner.query<{ short_name: string }>(
      `select o.short_name from tenants o
        where o.kind = 'organisation' and o.path <@ $1::ltree
          and not exists (select 1 from report_submissions s where s.tenant_id = o.id and s.school_year = $2 and s.status in ('submitted', 'accepted'))
        order by o.short_name`,
      [regionPath, year],
    )).rows.map((r) => r.short_name);
  const listed = (mail: DeliveredMail) => [...(mail.text ?? '').matchAll(/^- (.+)$/gm)].map((m) => m[1]).sort();

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifdue');
    const a = await world.db.newSchoolWorld();
    region = a.region;
    const secondMunicipality = await world.db.newMunicipality(region);
    schools.submitted = a.school;
    schools.accepted = await world.db.newOrganisation(a.municipality);
    schools.returned = await world.db.newOrganisation(a.municipality);
    schools.draft = await world.db.newOrganisation(secondMunicipality);
    schools.none = await world.db.newOrganisation(secondMunicipality);
    const b = await world.db.newSchoolWorld();
    other = { region: b.region, school: b.school };
    schools.elsewhere = b.school;
    const names: Record<string, string> = { submitted: 'Школа на проверке', accepted: 'Школа принята', returned: 'Школа возвращена', draft: 'Школа с черновиком', none: 'Школа не начинала', elsewhere: 'Школа другого региона' };
    for (const [key, school] of Object.entries(schools)) await world.db.owner.query(`update tenants set short_name = $2 where id = $1`, [school.id, names[key]]);
    // Both regions' due date has passed; a later year's has not.
    for (const r of [region, other.region]) {
      await world.db.owner.query(`insert into report_submission_due_dates (tenant_id, tenant_path, school_year, due_on) values ($1, $2::ltree, $3, $4), ($1, $2::ltree, $5, '2027-10-01')`, [r.id, r.path, YEAR, DUE, LATER_YEAR]);
    }
    await world.db.owner.query(`insert into region_notification_addresses (tenant_id, tenant_path, analyst_email) values ($1, $2::ltree, $3), ($4, $5::ltree, $6)`, [region.id, region.path, analystsA, other.region.id, other.region.path, analystsB]);
    await submit(schools.submitted);
    await review(await submit(schools.accepted), 'ACCEPT');
    await review(await submit(schools.returned), 'RETURN');
    await gql(tokenFor('curator', schools.draft.code), `mutation($y: String!) { saveReportSubmissionNote(schoolYear: $y, note: "Черновик") { id } }`, { y: YEAR });
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  it('the region\'s analysts get one message listing exactly the late schools of their region, once', async () => {
    const worker = await world.startWorker([ReportingCoreModule]);
    const job = worker.get(RunRemindersJob);
    const context = worker.get(TenantContext);
    const runOnce = () => context.runInScope(PLATFORM_SCOPE, () => job.handle({ scope: PLATFORM_SCOPE, today: TODAY }));
    await runOnce();

    const expectedA = await lateBySql(region.path);
    const expectedB = await lateBySql(other.region.path);
    // The comparison says something: some of the region's schools are late, some are not.
    expect(expectedA).toEqual(['Школа возвращена', 'Школа не начинала', 'Школа с черновиком']);
    expect(expectedB).toEqual(['Школа другого региона']);

    await world.waitFor('both regions\' messages', async () => {
      const all = await world.mail.messages();
      return mailTo(analystsA, all).length === 1 && mailTo(analystsB, all).length === 1;
    });
    const [mailA] = mailTo(analystsA, await world.mail.messages());
    const [mailB] = mailTo(analystsB, await world.mail.messages());
    expect(mailA.subject).toBe(`Не сдали отчёт в РНЦ за ${YEAR} к сроку 1 октября 2026 г.: 3`);
    expect(listed(mailA)).toEqual(expectedA);
    expect(mailA.html).toContain('<li>Школа возвращена</li>');
    expect(mailA.text).toContain('http://localhost:5173/#/school-report-submissions');
    expect(listed(mailB)).toEqual(expectedB);
    // The message is the region's own outbox row, keyed by the year and the due date.
    expect((await world.db.owner.query(`select tenant_id, dedupe_key, status from notifications where kind = 'report_not_submitted' order by recipient_email`)).rows).toEqual([
      { tenant_id: region.id, dedupe_key: `report_not_submitted:${YEAR}:${DUE}`, status: 'sent' },
      { tenant_id: other.region.id, dedupe_key: `report_not_submitted:${YEAR}:${DUE}`, status: 'sent' },
    ]);

    // Another run (the same day, or the next): nothing new.
    await runOnce();
    await context.runInScope(PLATFORM_SCOPE, () => job.handle({ scope: PLATFORM_SCOPE, today: '2026-10-21' }));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await world.db.owner.query(`select count(*)::int as n from notifications where kind = 'report_not_submitted'`)).rows[0].n).toBe(2);
    expect(mailTo(analystsA, await world.mail.messages())).toHaveLength(1);
  }, 180_000);

  it('unsubscribing from the kind stops it: a later due date\'s list is cancelled, not sent', async () => {
    const [mailA] = mailTo(analystsA, await world.mail.messages());
    const url = new URL(/^<(.+)>$/.exec(mailA.headers['list-unsubscribe'])![1]);
    expect((await world.api.http().post(url.pathname).set('content-type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click')).status).toBe(200);
    expect((await world.db.owner.query(`select tenant_id, email, kind from notification_unsubscribes`)).rows).toEqual([{ tenant_id: region.id, email: analystsA, kind: 'report_not_submitted' }]);

    // The region moves the due date: a new list is due, for both regions' analysts; A's is stopped.
    await world.db.owner.query(`update report_submission_due_dates set due_on = '2026-10-10' where school_year = $1`, [YEAR]);
    const worker = world.contexts[0];
    await worker.get(TenantContext).runInScope(PLATFORM_SCOPE, () => worker.get(RunRemindersJob).handle({ scope: PLATFORM_SCOPE, today: TODAY }));
    await world.waitFor('B\'s second list delivered', async () => mailTo(analystsB, await world.mail.messages()).length === 2);
    await world.waitFor('A\'s second list cancelled', async () => (await world.db.owner.query(`select 1 from notifications where tenant_id = $1 and status = 'cancelled'`, [region.id])).rows.length === 1);
    expect((await world.db.owner.query(`select last_error from notifications where tenant_id = $1 and status = 'cancelled'`, [region.id])).rows).toEqual([{ last_error: CANCELLED_UNSUBSCRIBED }]);
    expect(mailTo(analystsA, await world.mail.messages())).toHaveLength(1);
  }, 120_000);

  it(`a due date passed more than ${REPORT_DEADLINE_WINDOW_DAYS} days ago produces nothing (no flood of old years at go-live); one within the window does`, async () => {
    const before = (await world.db.owner.query(`select count(*)::int as n from notifications where kind = 'report_not_submitted'`)).rows[0].n;
    const edge = new Date(`${TODAY}T12:00:00Z`);
    edge.setUTCDate(edge.getUTCDate() - REPORT_DEADLINE_WINDOW_DAYS);
    const inside = edge.toISOString().slice(0, 10);
    edge.setUTCDate(edge.getUTCDate() - 1);
    const outside = edge.toISOString().slice(0, 10);
    expect([inside, outside]).toEqual(['2026-09-20', '2026-09-19']);
    for (const r of [region, other.region]) {
      await world.db.owner.query(
        `insert into report_submission_due_dates (tenant_id, tenant_path, school_year, due_on) values ($1, $2::ltree, '2019/2020', '2020-10-01'), ($1, $2::ltree, '2020/2021', $3), ($1, $2::ltree, '2021/2022', $4)`,
        [r.id, r.path, outside, inside],
      );
    }
    // Every school of region B is late for the old years too: only the window keeps them out.
    expect(await lateBySql(other.region.path, '2019/2020')).toEqual(['Школа другого региона']);
    expect(await lateBySql(other.region.path, '2020/2021')).toEqual(['Школа другого региона']);

    const worker = world.contexts[0];
    await worker.get(TenantContext).runInScope(PLATFORM_SCOPE, () => worker.get(RunRemindersJob).handle({ scope: PLATFORM_SCOPE, today: TODAY }));
    const written = await world.db.owner.query(`select tenant_id, dedupe_key from notifications where kind = 'report_not_submitted' order by created_at, tenant_id offset $1`, [before]);
    expect(written.rows.map((r) => r.dedupe_key)).toEqual([`report_not_submitted:2021/2022:${inside}`, `report_not_submitted:2021/2022:${inside}`]);
    expect(new Set(written.rows.map((r) => r.tenant_id))).toEqual(new Set([region.id, other.region.id]));
    await world.waitFor('B\'s list for the due date inside the window delivered', async () => mailTo(analystsB, await world.mail.messages()).length === 3);
    expect(mailTo(analystsB, await world.mail.messages()).map((mail) => mail.subject).filter((subject) => /2019\/2020|2020\/2021/.test(subject))).toEqual([]);
  }, 120_000);
});
