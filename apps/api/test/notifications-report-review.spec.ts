import { Client } from 'pg';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { CANCELLED_NO_CURATOR_ADDRESS, CANCELLED_UNSUBSCRIBED } from '@nastavnik/notifications/send-notifications.job';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { NotificationsWorld } from './notifications-world';

const YEAR = '2022/2023';
const LIST = `query { allNotifications(perPage: 50, sortField: "createdAt", sortOrder: "ASC") { kind recipientEmail status } }`;
type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };

/**
 * Issue 17 on the yearly report (issue 13, docs/adr/0039): a region analyst returns a school's
 * report with a comment, or accepts it, and the school's curator gets one Russian message (text
 * and HTML) naming the report, the comment and a link to the console — written by the review's own
 * transaction under the analyst's scope, addressed when it is sent, sent over a real SMTP server,
 * listed on the curator's «Уведомления». Under the app role the analyst may insert such a row and
 * nothing else: no other kind, no school outside the region, no address, and reads no message.
 */
describe('notifications: a reviewed yearly report reaches the school\'s curator', () => {
  let world: NotificationsWorld;
  let a: World;
  let b: World;
  let a2: TenantRow;
  let curatorA: string;
  let curatorA2: string;
  let analystA: string;
  const curatorEmail = 'curator-a@example.test';

  const gql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await world.api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!;
  };
  const submit = async (token: string, note: string) =>
    (await gql<{ s: { id: string; version: number } }>(token, `mutation($y: String!, $n: String!) { s: submitReportSubmission(schoolYear: $y, note: $n) { id version } }`, { y: YEAR, n: note })).s;
  const review = (id: string, decision: 'ACCEPT' | 'RETURN', comment?: string) =>
    gql(analystA, `mutation($id: ID!, $d: ReportReviewDecision!, $c: String) { reviewReportSubmission(id: $id, decision: $d, comment: $c) { id status } }`, { id, d: decision, c: comment });
  const mailTo = (address: string, all: DeliveredMail[]) => all.filter((mail) => mail.to.some((to) => to.address === address));
  const outbox = async (tenantId: string) =>
    (await world.db.owner.query(`select id, kind, recipient_email, status, last_error, created_by from notifications where tenant_id = $1 order by created_at, id`, [tenantId])).rows;

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifreport');
    a = await world.db.newSchoolWorld();
    b = await world.db.newSchoolWorld();
    a2 = await world.db.newOrganisation(a.municipality);
    await world.db.owner.query(`update tenants set short_name = 'Мишкинская СОШ' where id = $1`, [a.school.id]);
    // A's curator has an address; A2's school has none.
    await world.db.owner.query(`insert into notification_settings (tenant_id, tenant_path, curator_email) values ($1, $2::ltree, $3)`, [a.school.id, a.school.path, curatorEmail]);
    curatorA = tokenFor('curator', a.school.code);
    curatorA2 = tokenFor('curator', a2.code);
    analystA = tokenFor('region-analyst', a.region.code);
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  it('returned with a comment: one Russian message (text and HTML) naming the report, the comment and the console, to the address of the school\'s settings', async () => {
    const submission = await submit(curatorA, 'Справка за год.');
    await review(submission.id, 'RETURN', 'Уточните численность наставляемых <в разделе 2>.');
    // Written by the review, under the analyst's scope, without an address yet.
    const [{ actor }] = (await world.db.owner.query(`select actor from report_submission_events where tenant_id = $1 and action = 'returned'`, [a.school.id])).rows;
    expect(await outbox(a.school.id)).toEqual([expect.objectContaining({ kind: 'report_returned', recipient_email: null, status: 'pending', created_by: actor })]);

    await world.startWorker();
    await world.waitFor('the returned report\'s message', async () => mailTo(curatorEmail, await world.mail.messages()).length === 1);
    const [returned] = mailTo(curatorEmail, await world.mail.messages());
    expect(returned.subject).toBe(`Отчёт в РНЦ за ${YEAR} возвращён на доработку`);
    expect(returned.text).toContain(`вернул на доработку годовой отчёт школы за ${YEAR} учебный год (версия 1)`);
    expect(returned.text).toContain('Уточните численность наставляемых <в разделе 2>.');
    expect(returned.text).toContain('http://localhost:5173/#/report-submission');
    expect(returned.html).toContain('Уточните численность наставляемых &lt;в разделе 2&gt;.');
    expect(returned.html).toContain('href="http://localhost:5173/#/report-submission"');
    expect(returned.html).toContain('Мишкинская СОШ');
    expect(returned.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // The row is the school's: its curator lists it on «Уведомления», addressed and sent.
    expect((await gql<{ allNotifications: unknown[] }>(curatorA, LIST)).allNotifications).toEqual([{ kind: 'REPORT_RETURNED', recipientEmail: curatorEmail, status: 'SENT' }]);
  }, 120_000);

  it('unsubscribing from «returned» stops returned reports only: the next return is cancelled, the acceptance arrives once', async () => {
    const [returned] = mailTo(curatorEmail, await world.mail.messages());
    const url = new URL(/^<(.+)>$/.exec(returned.headers['list-unsubscribe'])![1]);
    const posted = await world.api.http().post(url.pathname).set('content-type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click');
    expect(posted.status).toBe(200);
    expect((await world.db.owner.query(`select email, kind from notification_unsubscribes where tenant_id = $1`, [a.school.id])).rows).toEqual([{ email: curatorEmail, kind: 'report_returned' }]);

    const second = await submit(curatorA, 'Справка за год, исправленная.');
    await review(second.id, 'RETURN', 'Ещё раз: подпись.');
    await world.waitFor('the return cancelled', async () => (await outbox(a.school.id)).some((row) => row.status === 'cancelled'));
    const third = await submit(curatorA, 'Справка за год, с подписью.');
    await review(third.id, 'ACCEPT');
    await world.waitFor('the acceptance delivered', async () => mailTo(curatorEmail, await world.mail.messages()).length === 2);
    const accepted = mailTo(curatorEmail, await world.mail.messages()).find((mail) => mail.messageId !== returned.messageId)!;
    expect(accepted.subject).toBe(`Отчёт в РНЦ за ${YEAR} принят`);
    expect(accepted.text).toContain(`принял годовой отчёт школы за ${YEAR} учебный год (версия 3)`);
    expect(accepted.html).toContain('принял годовой отчёт школы');
    expect((await outbox(a.school.id)).map((row) => [row.kind, row.status, row.last_error])).toEqual([
      ['report_returned', 'sent', null],
      ['report_returned', 'cancelled', CANCELLED_UNSUBSCRIBED],
      ['report_accepted', 'sent', null],
    ]);
    expect((await gql<{ allNotifications: { kind: string }[] }>(curatorA, LIST)).allNotifications.map((n) => n.kind)).toEqual(['REPORT_RETURNED', 'REPORT_RETURNED', 'REPORT_ACCEPTED']);
    // Each was sent once, and only to the school's curator.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailTo(curatorEmail, await world.mail.messages())).toHaveLength(2);
    expect(await world.mail.messages()).toHaveLength(2);
  }, 120_000);

  it('a school without a curator\'s address: the message is cancelled with the reason, nothing is sent', async () => {
    const before = (await world.mail.messages()).length;
    const submission = await submit(curatorA2, 'Справка.');
    await review(submission.id, 'RETURN', 'Нет подписи.');
    await world.waitFor('the message cancelled', async () => (await outbox(a2.id)).some((row) => row.status === 'cancelled'));
    expect(await outbox(a2.id)).toEqual([expect.objectContaining({ kind: 'report_returned', recipient_email: null, status: 'cancelled', last_error: CANCELLED_NO_CURATOR_ADDRESS })]);
    expect((await world.mail.messages()).length).toBe(before);
  }, 60_000);

  it('under the app role the analyst inserts a review message for a school of the region only, of a review kind, without an address, and reads none', async () => {
    const client = new Client({ connectionString: world.database.appUrl });
    await client.connect();
    const scopeOf = (role: Scope['role'], tenant: TenantRow): Scope => ({ role, tenantId: tenant.id, tenantPath: tenant.path, allTenants: false, actor: `spec-${role}` });
    const as = async <T>(scope: Scope, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(scopeStatement(scope));
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };
    const insert = (tenantId: string, kind: string, email: string | null = null, extra = '') =>
      client.query(
        `insert into notifications (tenant_id, kind, recipient_email, subject, message_id, created_by${extra ? ', dedupe_key' : ''})
         values ($1, $2, $3, 'Тема', '<' || gen_random_uuid() || '@spec.test>', 'spec'${extra ? `, '${extra}'` : ''})`,
        [tenantId, kind, email],
      ).then((r) => r.rowCount);
    const analyst = scopeOf('region-analyst', a.region);
    try {
      // Allowed: a review kind, for a school of the region, without an address.
      expect(await as(analyst, () => insert(a.school.id, 'report_returned'))).toBe(1);
      expect(await as(analyst, () => insert(a2.id, 'report_accepted'))).toBe(1);
      // Refused: another kind, a school of another region, the region itself, an address, a dedupe key.
      for (const [what, work] of [
        ['another kind', () => insert(a.school.id, 'pair_idle')],
        ['the not-submitted kind', () => insert(a.school.id, 'report_not_submitted')],
        ['a school of another region', () => insert(b.school.id, 'report_returned')],
        ['the region itself', () => insert(a.region.id, 'report_returned')],
        ['an address of its choosing', () => insert(a.school.id, 'report_returned', 'someone@example.test')],
        ['a dedupe key', () => insert(a.school.id, 'report_returned', null, 'x')],
      ] as [string, () => Promise<unknown>][]) {
        expect([what, await as(analyst, work)]).toEqual([what, { error: '42501' }]);
      }
      // It reads, changes and deletes no message — not even its schools' (there are some).
      expect((await world.db.owner.query(`select count(*)::int as n from notifications where tenant_id = $1`, [a.school.id])).rows[0].n).toBeGreaterThan(0);
      expect(await as(analyst, async () => (await client.query(`select count(*)::int as n from notifications`)).rows[0].n)).toBe(0);
      expect(await as(analyst, async () => (await client.query(`update notifications set status = 'pending' where tenant_id = $1`, [a.school.id])).rowCount)).toBe(0);
      expect(await as(analyst, async () => (await client.query(`delete from notifications where tenant_id = $1`, [a.school.id])).rowCount)).toBe(0);
      // Nor the school's curator address.
      expect(await as(analyst, async () => (await client.query(`select count(*)::int as n from notification_settings where tenant_id = $1`, [a.school.id])).rows[0].n)).toBe(0);
      // Another region's analyst, a ministry official and another school's curator may not write A's review message.
      expect(await as(scopeOf('region-analyst', b.region), () => insert(a.school.id, 'report_returned'))).toEqual({ error: '42501' });
      expect(await as({ role: 'ministry-official', tenantId: null, tenantPath: a.region.path, allTenants: false, actor: 'spec' }, () => insert(a.school.id, 'report_returned'))).toEqual({ error: '42501' });
      expect(await as(scopeOf('curator', b.school), () => insert(a.school.id, 'report_returned'))).toEqual({ error: '42501' });
      // No address is allowed for the review kinds only, whoever writes.
      expect(await as(scopeOf('curator', a.school), () => insert(a.school.id, 'pair_idle'))).toEqual({ error: '23514' });
    } finally {
      await client.end();
    }
  });
});
