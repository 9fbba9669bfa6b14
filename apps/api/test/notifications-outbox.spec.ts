import { randomBytes } from 'node:crypto';
import type { TenantRow } from '@nastavnik/testing/test-context';
import { tokenFor } from '@nastavnik/testing/test-context';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NotificationOutbox } from '@nastavnik/notifications/notification-outbox.service';
import { schoolScope } from '@nastavnik/notifications/notification-scopes';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { yearsAgo, type TemplateRow } from './questionnaires-builders';
import { NotificationsWorld } from './notifications-world';

type Person = { id: string; email: string | null };

/**
 * The transactional outbox against a real SMTP server (maildev), the real API and a real worker:
 * a questionnaire link for a minor reaches the legal representative and works once; the SMTP
 * server stopped in the middle of 200 messages — all 200 arrive after it is back, each once;
 * a consent revoked while the message waits stops it; an unsubscribe stops that kind only.
 */
describe('notifications: the outbox, sent over SMTP', () => {
  let world: NotificationsWorld;
  let school: TenantRow;
  let curator: string;
  let satisfaction: TemplateRow;

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await world.api.gql<T>(curator, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!;
  };
  const issue = async (participantId: string) =>
    (await gql<{ createQuestionnaireLink: { id: string; path: string } }>(
      `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path } }`,
      { input: { templateId: satisfaction.id, participantId } },
    )).createQuestionnaireLink;

  /** An adult with an e-mail of their own and a consent for questionnaires. */
  const adult = async (tenantId = school.id): Promise<Person> => {
    const email = `adult-${randomBytes(4).toString('hex')}@example.test`;
    const { rows } = await world.db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, middle_name, birth_date, email)
       values ($1, 'teacher', 'Учителева-' || $4, 'Анна', 'Петровна', $2, $3) returning id`,
      [tenantId, yearsAgo(35), email, randomBytes(4).toString('hex')],
    );
    await world.db.owner.query(
      `insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', current_date - 10, '{processing,questionnaires}')`,
      [tenantId, rows[0].id],
    );
    return { id: rows[0].id, email };
  };
  const mailTo = (address: string, all: DeliveredMail[]) => all.filter((m) => m.to.some((to) => to.address === address));
  const row = async (id: string) =>
    (await world.db.owner.query(`select status, attempts, message_id, body_text, last_error, kind from notifications where id = $1`, [id])).rows[0];
  const notificationOf = async (participantId: string) =>
    (await world.db.owner.query<{ id: string }>(`select id from notifications where participant_id = $1 order by created_at`, [participantId])).rows.map((r) => r.id);

  beforeAll(async () => {
    world = await NotificationsWorld.start('notif');
    ({ school } = await world.db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
    satisfaction = await world.build.defaultTemplate('mentee-satisfaction');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });
  afterEach(async () => {
    await world.stopWorkers();
    if (!world.mail.running) await world.mail.start();
  });

  it("a link issued for a minor reaches the legal representative's mailbox (not the child's), and the link in it works once", async () => {
    const childEmail = `child-${randomBytes(4).toString('hex')}@example.test`;
    const parentEmail = `mother-${randomBytes(4).toString('hex')}@example.test`;
    const { rows: [child] } = await world.db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade, email) values ($1, 'student', 'Ученикова', 'Маша', $2, 7, $3) returning id`,
      [school.id, yearsAgo(13), childEmail],
    );
    await world.db.owner.query(
      `insert into consents (tenant_id, participant_id, signed_by, representative_name, representative_relation, signed_on, purposes)
       values ($1, $2, 'legal_representative', 'Ученикова Ольга Ивановна', 'mother', current_date - 5, '{processing,questionnaires}')`,
      [school.id, child.id],
    );
    // Without the representative's address the link is issued and no message is written.
    await issue(child.id);
    expect(await notificationOf(child.id)).toEqual([]);
    await gql(`mutation($input: NotificationContactInput!) { setNotificationContact(input: $input) { email } }`, {
      input: { participantId: child.id, email: parentEmail, name: 'Ольга Ивановна', representative: true },
    });
    const link = await issue(child.id);
    const [id] = await notificationOf(child.id);
    // Written with the link, in the same transaction, before any worker runs.
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, kind: 'questionnaire_link' });

    await world.startWorker();
    await world.waitFor('the message in the mailbox', async () => mailTo(parentEmail, await world.mail.messages()).length === 1);
    const all = await world.mail.messages();
    expect(mailTo(childEmail, all)).toEqual([]);
    const [mail] = mailTo(parentEmail, all);
    const stored = await row(id);
    expect(stored.status).toBe('sent');
    expect(mail.messageId).toBe(stored.message_id.replace(/^<|>$/g, ''));
    expect(mail.subject).toBe('Анкета: Удовлетворённость наставляемого участием в программе наставничества');
    expect(mail.text).toContain('Здравствуйте, Ольга Ивановна!');
    expect(mail.text).toContain('Вы отвечаете как законный представитель участника: Маша Ученикова.');
    expect(mail.html).toContain('Заполнить анкету');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:3000\/notifications\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    // The link in the message is the one the curator was shown, and it works once.
    const path = /\/q\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];
    expect(path).toBe(link.path);
    expect((await world.api.http().get(path)).status).toBe(200);
    const answers = await world.build.answersFor(satisfaction.id, 8);
    const first = await world.api.http().post(path).set('content-type', 'application/json').send({ answers });
    expect(first.status).toBe(201);
    const again = await world.api.http().post(path).set('content-type', 'application/json').send({ answers });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LINK_USED');
    // The token left the database with the message.
    expect(stored.body_text).not.toContain(path);
  });

  it('the SMTP server stopped in the middle of a batch of 200: after it is back all 200 are delivered, each exactly once', async () => {
    const people: Person[] = [];
    for (let i = 0; i < 200; i += 1) people.push(await adult());
    for (const person of people) await issue(person.id);
    const addresses = new Set(people.map((p) => p.email!));
    const ours = (all: DeliveredMail[]) => all.filter((m) => m.to.some((to) => addresses.has(to.address)));
    await world.startWorker();
    await world.waitFor('some of the batch delivered', async () => ours(await world.mail.messages()).length >= 20);
    // Stopped as an administrator stops it: listening ends at once, the transactions under way finish.
    const stopped = world.mail.stop('SIGTERM');
    // While it is down the messages fail and wait for their retry; none is lost.
    await world.waitFor('failed attempts recorded', async () => {
      const { rows } = await world.db.owner.query(`select count(*)::int as n from notifications where tenant_id = $1 and last_error is not null and status = 'pending'`, [school.id]);
      return rows[0].n > 0;
    });
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const during = await world.statuses(school.id);
    expect(during.failed ?? 0).toBe(0);
    await world.mail.start();
    await world.waitFor('all 200 sent', async () => {
      const { rows } = await world.db.owner.query(`select count(*)::int as n from notifications where participant_id = any($1) and status = 'sent'`, [people.map((p) => p.id)]);
      return rows[0].n === 200;
    }, 90_000);
    // maildev keeps what it had read of a transaction its stop cut off — the headers, no body —
    // although it never acknowledged it: the attempt failed and the row was retried. Such a
    // fragment is not a delivery; every one must belong to a message that needed another attempt.
    const mailbox = ours(await world.mail.messages());
    const fragments = mailbox.filter((m) => !(m.text ?? '').length && !(m.html ?? '').length);
    const delivered = mailbox.filter((m) => !fragments.includes(m));
    const ids = delivered.map((m) => m.messageId);
    for (const fragment of fragments) {
      const { rows: [retried] } = await world.db.owner.query<{ attempts: number }>(`select attempts from notifications where message_id = $1`, [`<${fragment.messageId}>`]);
      expect([fragment.messageId, retried.attempts > 1]).toEqual([fragment.messageId, true]);
    }
    expect(delivered).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    const { rows } = await world.db.owner.query<{ message_id: string; attempts: number }>(`select message_id, attempts from notifications where participant_id = any($1)`, [people.map((p) => p.id)]);
    expect(new Set(rows.map((r) => r.message_id.replace(/^<|>$/g, '')))).toEqual(new Set(ids));
    // The outage really hit the batch: some messages needed more than one attempt.
    expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
  }, 180_000);

  it('a consent revoked while the message waits: the message is not sent', async () => {
    const person = await adult();
    await issue(person.id);
    const [id] = await notificationOf(person.id);
    const { rows: [consent] } = await world.db.owner.query<{ id: string }>(`select id from consents where participant_id = $1`, [person.id]);
    await gql(`mutation($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { id revokedOn } }`, { id: consent.id, reason: 'Отзыв по заявлению' });
    await world.startWorker();
    await world.waitFor('the message cancelled', async () => (await row(id)).status === 'cancelled');
    expect((await row(id)).last_error).toContain('согласия');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailTo(person.email!, await world.mail.messages())).toEqual([]);
  });

  it('one-click unsubscribe (RFC 8058 POST) stops that kind of message to that address, and only that kind', async () => {
    const person = await adult();
    await issue(person.id);
    await world.startWorker();
    await world.waitFor('the first message', async () => mailTo(person.email!, await world.mail.messages()).length === 1);
    const [mail] = mailTo(person.email!, await world.mail.messages());
    const url = new URL(/^<(.+)>$/.exec(mail.headers['list-unsubscribe'])![1]);
    // A GET (a link scanner, a person) only shows the button.
    const page = await world.api.http().get(url.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Отписаться');
    expect((await world.db.owner.query(`select count(*)::int as n from notification_unsubscribes where email = $1`, [person.email])).rows[0].n).toBe(0);
    const posted = await world.api.http().post(url.pathname).set('content-type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click');
    expect(posted.status).toBe(200);
    expect((await world.db.owner.query(`select kind from notification_unsubscribes where email = $1`, [person.email])).rows).toEqual([{ kind: 'questionnaire_link' }]);
    // A forged token changes nothing.
    const forged = await world.api.http().post(`${url.pathname}x`).set('content-type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click');
    if (process.env.NOTIFICATIONS_TEST_LOG) console.log(forged.status, forged.text);
    expect(forged.status).toBe(404);

    await issue(person.id);
    const worker = world.contexts[0];
    const context = worker.get(TenantContext);
    const reminderId = await context.runInScope(schoolScope(school.id, school.path), () =>
      worker.get(NotificationOutbox).enqueue({
        tenantId: school.id,
        kind: 'questionnaire_reminder',
        to: { email: person.email!, name: 'Анна Петровна' },
        participantId: person.id,
        consentPurpose: 'questionnaires',
        data: { templateTitle: satisfaction.code, issuedOn: 'вчера', expiresOn: 'завтра' },
      }),
    );
    await world.waitFor('the reminder delivered', async () => mailTo(person.email!, await world.mail.messages()).length === 2);
    const [, second] = await notificationOf(person.id);
    expect(await row(second)).toMatchObject({ status: 'cancelled', last_error: expect.stringContaining('отписался') });
    expect(await row(reminderId!)).toMatchObject({ status: 'sent', kind: 'questionnaire_reminder' });
    expect(mailTo(person.email!, await world.mail.messages()).map((m) => m.subject).sort()).toEqual(['Анкета: Удовлетворённость наставляемого участием в программе наставничества', 'Напоминание: анкета «mentee-satisfaction»']);
  });
});
