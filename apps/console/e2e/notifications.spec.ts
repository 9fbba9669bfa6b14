import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { ConsoleWorld } from './console-world';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** A port nobody listens on now (browser specs may import only console and contracts code). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });

/** maildev (a real SMTP server with a REST API) as a child process; its mailbox read from `GET /email`. */
class MailDev {
  private readonly dir = mkdtempSync(join(tmpdir(), 'nastavnik-e2e-maildev-'));
  private child?: ChildProcess;
  constructor(readonly smtpPort: number, readonly webPort: number) {}
  async start(): Promise<void> {
    this.child = spawn(process.execPath, [require.resolve('maildev/bin/maildev'), '--smtp', String(this.smtpPort), '--web', String(this.webPort), '--ip', '127.0.0.1', '--mail-directory', this.dir, '--silent'], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`http://127.0.0.1:${this.webPort}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('maildev did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  async messages(): Promise<{ messageId?: string; to?: unknown[] }[]> {
    const all = (await (await fetch(`http://127.0.0.1:${this.webPort}/email`)).json()) as { messageId?: string; to?: unknown[] }[];
    return all.filter((m) => Array.isArray(m.to) && typeof m.messageId === 'string');
  }
  async close(): Promise<void> {
    this.child?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** docs/screenshots/17-<name>.png (issue 17), written only with UPDATE_SCREENSHOTS=1 (always taken). */
async function screenshot(page: Page, name: string, frame?: string): Promise<void> {
  await page.mouse.move(1, 799);
  await page.waitForTimeout(300);
  const file = join(tmpdir(), `notifications-${name}-${process.pid}.png`);
  // The rendered message is the frame itself (a full-page capture re-lays the page out and blanks it).
  if (frame) await page.locator(frame).screenshot({ path: file });
  else await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `17-${name}.png`));
  }
}

/**
 * Issue 17 in the browser, over the demo: curator.sh51's programme's mentees have addresses
 * (a minor's the legal representative's, recorded through the API — the console has no contact
 * form), the curator presses «Выдать ссылки всей программе» on «Уведомления», picks the programme
 * and the questionnaire; the worker sends the links to a real SMTP server (maildev), and the
 * curator sees them sent on «Уведомления», opens one and reads the rendered message; the
 * settings page previews a template.
 */
describe('notifications: the curator sees the programme’s questionnaire links sent', () => {
  let world: ConsoleWorld;
  let mail: MailDev;

  beforeAll(async () => {
    const smtpPort = await freePort();
    let webPort = await freePort();
    while (webPort === smtpPort) webPort = await freePort();
    mail = new MailDev(smtpPort, webPort);
    await mail.start();
    // The world's API and worker inherit this process's environment: they send to this server.
    process.env.SMTP_PORT = String(smtpPort);
    process.env.NOTIFICATIONS_RELAY_MS = '300';
    world = await ConsoleWorld.start();
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
    await mail?.close();
  }, 60_000);

  it('curator.sh51: «Выдать ссылки всей программе» → the links sent on «Уведомления», a message opened and previewed', async () => {
    const token = await world.devToken('curator.sh51');
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T | null; errors?: { message: string }[] }> => {
      const response = await fetch(`${world.consoleUrl}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: T | null; errors?: { message: string }[] };
    };
    const programmes = await gql<{ allProgrammes: { id: string; title: string }[] }>(`query { allProgrammes(perPage: 50) { id title } }`);
    let people: string[] = [];
    let chosen: { id: string; title: string } | undefined;
    for (const programme of programmes.data!.allProgrammes) {
      const pairs = await gql<{ allMentoringPairs: { mentorId: string; menteeIds: string[] }[] }>(
        `query($p: ID) { allMentoringPairs(filter: { programmeId: $p, status: ACTIVE }, perPage: 200) { mentorId menteeIds } }`,
        { p: programme.id },
      );
      people = [...new Set(pairs.data!.allMentoringPairs.flatMap((p) => p.menteeIds))];
      chosen = programme;
      if (people.length >= 3) break;
    }
    expect(people.length).toBeGreaterThanOrEqual(3);
    for (const [i, participantId] of people.entries()) {
      const contact = await gql(`mutation($input: NotificationContactInput!) { setNotificationContact(input: $input) { email } }`, {
        input: { participantId, email: `family-${i}@example.test`, name: `Родитель ${i + 1}`, representative: true },
      });
      expect(contact.errors).toBeUndefined();
    }

    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'curator.sh51');
      await page.goto(`${world.consoleUrl}#/notifications`);
      await page.getByRole('button', { name: 'Выдать ссылки всей программе' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Программа' }).click();
      await page.getByRole('option', { name: chosen!.title, exact: true }).click();
      await dialog.getByRole('combobox', { name: 'Анкета' }).click();
      await page.getByRole('option', { name: /^Удовлетворённость наставляемого.*\(наставляемым\)$/ }).click();
      await screenshot(page, 'issue-dialog');
      await dialog.getByRole('button', { name: 'Выдать и отправить' }).click();
      const summary = dialog.getByTestId('issue-links-result');
      await summary.waitFor({ timeout: 30_000 });
      const issued = Number(/Выдано и поставлено в отправку: (\d+)/.exec(await summary.innerText())![1]);
      expect(issued).toBeGreaterThan(0);
      await screenshot(page, 'issue-result');
      await dialog.getByRole('button', { name: 'Закрыть' }).click();

      // The worker delivers them to the real SMTP server.
      const deadline = Date.now() + 60_000;
      while ((await mail.messages()).length < issued && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await mail.messages()).length).toBe(issued);

      await page.goto(`${world.consoleUrl}#/notifications`);
      const rows = page.locator('tbody tr');
      const sent = rows.filter({ hasText: 'Отправлено' });
      const until = Date.now() + 30_000;
      // The list as the curator opens it again (hash navigation: a reload would drop the in-memory session).
      while ((await sent.count()) < issued && Date.now() < until) {
        await page.waitForTimeout(500);
        await page.goto(`${world.consoleUrl}#/notification-settings`);
        await page.getByText('Образцы писем').waitFor();
        await page.goto(`${world.consoleUrl}#/notifications`);
        await rows.first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
      expect(await rows.filter({ hasText: 'Ссылка на анкету' }).count()).toBe(issued);
      expect(await sent.count()).toBe(issued);
      expect(await rows.first().innerText()).toMatch(/family-\d+@example\.test/);
      await screenshot(page, 'notifications');

      await rows.first().click();
      await page.waitForURL(/#\/notifications\/[^/]+\/show/);
      const frame = page.frameLocator('iframe[title="message"]');
      await frame.getByText('Заполнить анкету').waitFor();
      expect(await frame.locator('body').innerText()).toMatch(/Удовлетворённость наставляемого/);
      await page.locator('iframe[title="message"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'message', 'iframe[title="message"]');

      await page.goto(`${world.consoleUrl}#/notification-settings`);
      await page.getByText('Образцы писем').waitFor();
      await page.frameLocator('iframe[title="preview"]').getByText('Заполнить анкету').waitFor();
      await screenshot(page, 'settings');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('analyst.demo: «Уведомления: настройки региона» — the demo\'s address, a new address and a default saved; they persist and a school inherits the default', async () => {
    const { context, page, problems } = await world.newPage();
    try {
      await world.signIn(page, 'analyst.demo');
      await page.getByRole('menuitem', { name: 'Уведомления: настройки региона' }).click();
      const address = page.getByLabel('Адрес аналитиков региона');
      const idle = page.getByLabel('Пара без встреч дольше, дней');
      await address.waitFor();
      // The demo seed's fictitious address of the region's analysts.
      expect(await address.inputValue()).toBe('analyst.demo@example.ru');
      expect(await idle.inputValue()).toBe('');
      await address.fill('rnc-analytics@example.ru');
      await idle.fill('45');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Настройки сохранены').waitFor();
      await page.getByText('Действует: 45').waitFor();
      await screenshot(page, 'region-settings');

      // Opened again (hash navigation keeps the session): the values are the server's.
      await page.goto(`${world.consoleUrl}#/`);
      await page.getByRole('menuitem', { name: 'Уведомления: настройки региона' }).click();
      await page.getByText('Действует: 45').waitFor();
      expect(await page.getByLabel('Адрес аналитиков региона').inputValue()).toBe('rnc-analytics@example.ru');
      expect(await page.getByLabel('Пара без встреч дольше, дней').inputValue()).toBe('45');

      // An invalid address is refused with the server's Russian message and not saved.
      await page.getByLabel('Адрес аналитиков региона').fill('не адрес');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText(/некорректный адрес электронной почты/).first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    // A school of the region without its own value now works with the region's default.
    const token = await world.devToken('curator.g40');
    const response = await fetch(`${world.consoleUrl}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `query { notificationSettings { pairIdleDays effectivePairIdleDays } }` }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ notificationSettings: { pairIdleDays: null, effectivePairIdleDays: 45 } });
  }, 120_000);
});
