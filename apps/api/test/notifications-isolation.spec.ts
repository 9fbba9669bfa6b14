import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };

const LIST = `query { allNotifications(perPage: 500) { id recipientEmail } }`;
const ONE = `query($id: ID!) { Notification(id: $id) { id subject } }`;
const RESEND = `mutation($id: ID!) { resendNotification(id: $id) { id status } }`;
const SETTINGS = `query { notificationSettings { curatorEmail effectivePairIdleDays } }`;
const CONTACTS = `query($ids: [ID!]!) { notificationContacts(participantIds: $ids) { participantId email } }`;

/**
 * Issue 17's tables — the outbox `notifications`, `notification_contacts`,
 * `notification_unsubscribes`, `notification_settings` — are a school's: another school's curator
 * sees and changes nothing of them through the API or, under the app role, through the forced
 * policies; regional roles and officials read no message; a school reads its own region's
 * defaults, not another region's.
 */
describe('notifications: every table stays with its school', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let curatorA: string;
  let curatorB: string;
  let failedA: string;
  const participantA = randomUUID();

  const seed = async (world: World, label: string): Promise<string> => {
    const id = randomUUID();
    await db.owner.query(
      `insert into notifications (tenant_id, id, kind, recipient_email, subject, body_text, message_id, status, last_error, created_by, participant_id)
       values ($1, $2, 'pair_idle', $3, 'Тема', 'Текст', $4, 'failed', 'отказ сервера', 'spec', $5)`,
      [world.school.id, id, `${label}@example.test`, `<${id}@spec.test>`, world === a ? participantA : null],
    );
    await db.owner.query(`insert into notification_contacts (tenant_id, participant_id, email) values ($1, $2, $3)`, [world.school.id, world === a ? participantA : randomUUID(), `${label}-contact@example.test`]);
    await db.owner.query(`insert into notification_unsubscribes (tenant_id, email, kind) values ($1, $2, 'pair_idle')`, [world.school.id, `${label}@example.test`]);
    await db.owner.query(`insert into notification_settings (tenant_id, tenant_path, curator_email, pair_idle_days) values ($1, $2::ltree, $3, 21)`, [world.school.id, world.school.path, `${label}-curator@example.test`]);
    await db.owner.query(`insert into notification_settings (tenant_id, tenant_path, pair_idle_days) values ($1, $2::ltree, $3)`, [world.region.id, world.region.path, world === a ? 45 : 60]);
    return id;
  };
  const snapshot = () =>
    Promise.all(['notifications', 'notification_contacts', 'notification_unsubscribes', 'notification_settings'].map((table) =>
      db.owner.query(`select * from ${table} where tenant_id = any($1) order by 1, 2`, [[a.school.id, a.region.id]]).then((r) => r.rows),
    ));

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    curatorA = tokenFor('curator', a.school.code);
    curatorB = tokenFor('curator', b.school.code);
    failedA = await seed(a, 'a');
    await seed(b, 'b');
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it("curator B neither lists, reads, resends A's messages nor reads A's contacts; A's rows are untouched", async () => {
    const before = await snapshot();
    expect((await api.gql<{ allNotifications: { recipientEmail: string }[] }>(curatorA, LIST)).data!.allNotifications.map((n) => n.recipientEmail)).toEqual(['a@example.test']);
    expect((await api.gql<{ allNotifications: { recipientEmail: string }[] }>(curatorB, LIST)).data!.allNotifications.map((n) => n.recipientEmail)).toEqual(['b@example.test']);
    expect(codesOf(await api.gql(curatorB, ONE, { id: failedA }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(curatorB, RESEND, { id: failedA }))).toEqual(['NOT_FOUND']);
    expect((await api.gql(curatorB, CONTACTS, { ids: [participantA] })).data).toEqual({ notificationContacts: [] });
    expect((await api.gql(curatorA, CONTACTS, { ids: [participantA] })).data).toEqual({ notificationContacts: [{ participantId: participantA, email: 'a-contact@example.test' }] });
    expect(await snapshot()).toEqual(before);
  });

  it("a school's settings: its own, under its own region's defaults — never another school's or region's", async () => {
    expect((await api.gql(curatorA, SETTINGS)).data).toEqual({ notificationSettings: { curatorEmail: 'a-curator@example.test', effectivePairIdleDays: 21 } });
    await api.gql(curatorB, `mutation { updateNotificationSettings(input: { curatorEmail: "b2@example.test" }) { curatorEmail } }`);
    // B's own value cleared: B's region's default (60), not A's region's (45).
    expect((await api.gql(curatorB, SETTINGS)).data).toEqual({ notificationSettings: { curatorEmail: 'b2@example.test', effectivePairIdleDays: 60 } });
    expect((await db.owner.query(`select curator_email from notification_settings where tenant_id = $1`, [a.school.id])).rows).toEqual([{ curator_email: 'a-curator@example.test' }]);
  });

  it('regional roles and officials read no message', async () => {
    expect(codesOf(await api.gql(tokenFor('region-analyst', a.region.code), LIST))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.gql(tokenFor('ministry-official', null), LIST))).toEqual(['FORBIDDEN']);
  });

  it('under the app role the forced policies alone keep every table apart', async () => {
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    const asCurator = async <T>(school: TenantRow, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(scopeStatement({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'isolation-spec' }));
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };
    const inserts: Record<string, string> = {
      notifications: `insert into notifications (tenant_id, kind, recipient_email, subject, message_id, created_by) values ($1, 'pair_idle', 'x@example.test', 'x', '<x@x.test>', 'x')`,
      notification_contacts: `insert into notification_contacts (tenant_id, participant_id, email) values ($1, gen_random_uuid(), 'x@example.test')`,
      notification_unsubscribes: `insert into notification_unsubscribes (tenant_id, email, kind) values ($1, 'x@example.test', 'weekly_digest')`,
      notification_settings: `insert into notification_settings (tenant_id, tenant_path) values ($1, 'x')`,
    };
    try {
      for (const [table, insert] of Object.entries(inserts)) {
        const visible = (school: TenantRow) => asCurator(school, async () => (await client.query(`select tenant_id from ${table} where tenant_id = any($1)`, [[a.school.id, b.school.id]])).rows.map((r) => r.tenant_id));
        expect([table, await visible(a.school)]).toEqual([table, [a.school.id]]);
        expect([table, await visible(b.school)]).toEqual([table, [b.school.id]]);
        expect([table, await asCurator(b.school, async () => (await client.query(`update ${table} set tenant_id = tenant_id where tenant_id = $1`, [a.school.id])).rowCount)]).toEqual([table, 0]);
        expect([table, await asCurator(b.school, async () => (await client.query(`delete from ${table} where tenant_id = $1`, [a.school.id])).rowCount)]).toEqual([table, 0]);
        expect([table, await asCurator(b.school, () => client.query(insert, [a.school.id]))]).toEqual([table, { error: '42501' }]);
        // No scope at all: nothing.
        expect([table, (await client.query(`select count(*)::int as n from ${table}`)).rows]).toEqual([table, [{ n: 0 }]]);
      }
      // The settings rows a school may read: its own and its region's defaults.
      expect(await asCurator(b.school, async () => (await client.query(`select tenant_id from notification_settings order by nlevel(tenant_path)`)).rows.map((r) => r.tenant_id))).toEqual([b.region.id, b.school.id]);
    } finally {
      await client.end();
    }
  });
});
