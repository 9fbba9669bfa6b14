import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { yearsAgo, type TemplateRow } from './questionnaires-builders';
import { NotificationsWorld } from './notifications-world';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A worker process killed (SIGKILL) in the middle of a batch of 200 messages: another worker
 * finishes the batch and no Message-ID reaches the mailbox twice. A message the killed worker had
 * claimed but whose SMTP answer it never recorded is `uncertain` — not sent again by itself, shown
 * to the curator (docs/adr/0029: at most once where the outcome is unknown); every other message
 * is delivered once.
 */
describe('notifications: a worker killed mid-batch sends nothing twice', () => {
  let world: NotificationsWorld;
  let school: TenantRow;
  let curator: string;
  let satisfaction: TemplateRow;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifkill');
    ({ school } = await world.db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
    satisfaction = await world.build.defaultTemplate('mentee-satisfaction');
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await world?.close();
  });

  it('200 messages, the worker SIGKILLed after some were sent: every Message-ID at most once in the mailbox, all sent but the few the dead worker held', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await world.db.owner.query<{ id: string }>(
        `insert into participants (tenant_id, kind, last_name, first_name, birth_date, email) values ($1, 'teacher', $2, 'Пётр', $3, $4) returning id`,
        [school.id, `Работников-${randomBytes(4).toString('hex')}`, yearsAgo(40), `kill-${i}-${randomBytes(3).toString('hex')}@example.test`],
      );
      await world.db.owner.query(`insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', current_date - 1, '{processing,questionnaires}')`, [school.id, rows[0].id]);
      const issued = await world.api.gql(curator, `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`, {
        input: { templateId: satisfaction.id, participantId: rows[0].id },
      });
      expect(issued.errors).toBeUndefined();
      ids.push(rows[0].id);
    }
    const ours = async () => (await world.mail.messages()).filter((m: DeliveredMail) => m.to.some((to) => to.address.startsWith('kill-')));
    child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...world.overrides, REDIS_URL: world.env.redisUrl, AUTH_MODE: 'keycloak', NODE_ENV: 'test', INDICATORS_RECONCILE_MS: '3600000' },
      stdio: 'ignore',
    });
    await world.waitFor('the worker process sending', async () => (await ours()).length >= 25, 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const atKill = (await ours()).length;
    expect(atKill).toBeLessThan(200);

    await world.startWorker();
    await world.waitFor('no message pending or sending', async () => {
      const { rows } = await world.db.owner.query(`select count(*)::int as n from notifications where tenant_id = $1 and status in ('pending', 'sending')`, [school.id]);
      return rows[0].n === 0;
    }, 90_000);
    // A moment for anything still in flight to land.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const delivered = await ours();
    const counts = new Map<string, number>();
    for (const mail of delivered) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    const { rows } = await world.db.owner.query<{ message_id: string; status: string }>(`select message_id, status from notifications where tenant_id = $1`, [school.id]);
    expect(rows).toHaveLength(200);
    const sent = rows.filter((r) => r.status === 'sent');
    const uncertain = rows.filter((r) => r.status === 'uncertain');
    expect(sent.length + uncertain.length).toBe(200);
    // At most what one worker has in flight: 2 jobs × 4 messages.
    expect(uncertain.length).toBeLessThanOrEqual(8);
    // Every message recorded as sent is in the mailbox, once.
    for (const row of sent) expect([row.message_id, counts.get(row.message_id.replace(/^<|>$/g, ''))]).toEqual([row.message_id, 1]);
    expect(delivered.length).toBeGreaterThan(atKill);
  }, 240_000);
});
