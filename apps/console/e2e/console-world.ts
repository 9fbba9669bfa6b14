import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
const CONSOLE_DIR = join(ROOT, 'apps', 'console');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** What jest's global setup wrote for this run (tools/testing/global-setup.ts); read here so the console imports no server code. */
type RunEnv = { database: string; superuserUrl: string; ownerUrl: string; appUrl: string; indicatorsUrl?: string; redisUrl: string; redisPrefix: string };

/** The school year of a date, September to August («2026/2027»), as the API's periods name it. */
export function schoolYear(date = new Date()): string {
  const year = date.getFullYear();
  return date.getMonth() >= 8 ? `${year}/${year + 1}` : `${year - 1}/${year}`;
}

function indicatorsUrlOf(env: RunEnv): string {
  if (env.indicatorsUrl) return env.indicatorsUrl;
  const url = new URL(env.appUrl);
  url.username = 'nastavnik_indicators';
  return url.toString();
}

function runEnv(): RunEnv {
  const file = process.env.NASTAVNIK_TEST_ENV_FILE;
  if (!file || !existsSync(file)) throw new Error('Run the browser specs through jest (global setup prepares the test database)');
  return JSON.parse(readFileSync(file, 'utf8')) as RunEnv;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** What tools/testing/jest-environment.cjs reads and calls on the test's global. */
type DiagnosticsGlobal = typeof globalThis & {
  __nastavnikCurrentTest?: string;
  __nastavnikTestDiagnostics?: (test: string) => Promise<string | undefined>;
};

type PageReport = { test: string | undefined; trail: string[]; shown: string };

function currentTestName(): string | undefined {
  return (globalThis as DiagnosticsGlobal).__nastavnikCurrentTest;
}

/** A child process whose output is kept, so that a failed start says why. */
class Proc {
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.keep(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.keep(chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(name: string, args: string[], env: NodeJS.ProcessEnv): Proc {
    return new Proc(name, spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  tail(): string {
    return this.output.slice(-4000);
  }

  /** Resolves when the process has printed `pattern`; rejects if it exits first or the time runs out. */
  async printed(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resolves when the process exits with 0; rejects with its output otherwise. */
  async done(): Promise<void> {
    const code = await this.exited;
    if (code !== 0) throw new Error(`${this.name} exited with ${code}:\n${this.tail()}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-20_000);
  }
}

async function waitForHttp(url: string, proc: Proc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}:\n${proc.tail()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail()}`);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** `vite build` unless apps/console/dist is newer than every source of the console (libs/contracts included: the console bundles it). */
/**
 * Builds the console when its sources are newer than dist. Browser specs run in parallel jest
 * workers, so the build holds a lock directory: a second world waits for the first one's build
 * instead of emptying dist under it.
 */
async function buildConsoleIfStale(): Promise<void> {
  const built = join(CONSOLE_DIR, 'dist', 'index.html');
  const sources = [...['src', 'public', 'index.html', 'vite.config.mts'].map((entry) => join(CONSOLE_DIR, entry)), join(ROOT, 'libs', 'contracts', 'src')].filter(existsSync);
  const fresh = () => existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestMtime));
  await withLock(join(CONSOLE_DIR, '.e2e-build.lock'), async () => {
    if (process.env.CONSOLE_E2E_REBUILD !== '1' && fresh()) return;
    await Proc.start('vite build', [VITE, 'build', '--config', join(CONSOLE_DIR, 'vite.config.mts'), '--logLevel', 'warn'], {
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    }).done();
  });
}

/** Runs `work` holding a lock directory; a lock older than ten minutes is a crashed run's and is taken over. */
async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * The whole product on this machine, for the browser specs: a database of its own (migrated,
 * with the demo tree of tools/demo-data), the API as `npm run start:api` runs it in development
 * identity mode, the worker as `npm run start:worker` runs it (indicator recomputes after edits,
 * reports, extracts), the built console served by `vite preview` with its proxy to that API, and
 * Debian's Chromium driven by playwright-core.
 */
export class ConsoleWorld {
  private constructor(
    readonly consoleUrl: string,
    readonly owner: Pool,
    readonly browser: Browser,
    private readonly procs: Proc[],
    private readonly cleanup: () => Promise<void>,
  ) {
    (globalThis as DiagnosticsGlobal).__nastavnikTestDiagnostics = (test) => this.diagnostics(test);
  }

  private readonly reports: PageReport[] = [];

  static async start(): Promise<ConsoleWorld> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    }
    const env = runEnv();
    // One world per jest worker process: browser specs run in parallel, each with its own
    // database and Redis prefix (a shared prefix would let one world's worker take the other's jobs).
    const world = `console_${process.pid}`;
    const database = `${env.database}_${world}`;
    const superuser = new Pool({ connectionString: env.superuserUrl, max: 1 });
    await superuser.query(`create database ${database} owner nastavnik_owner`);
    await superuser.end();
    // Prepared as every product database is (docs/adr/0040); the console imports no server code, so the file is read here.
    const prepare = new Pool({ connectionString: withDatabase(env.superuserUrl, database), max: 1 });
    await prepare.query(readFileSync(join(ROOT, 'infra', 'postgres', 'prepare-database.psql'), 'utf8'));
    await prepare.end();
    const ownerUrl = withDatabase(env.ownerUrl, database);
    const keyDir = mkdtempSync(join(tmpdir(), 'console-e2e-identity-'));
    const procs: Proc[] = [];
    let owner: Pool | undefined;
    let browser: Browser | undefined;
    const cleanup = async () => {
      await browser?.close().catch(() => undefined);
      for (const proc of procs.reverse()) await proc.stop();
      await owner?.end().catch(() => undefined);
      const admin = new Pool({ connectionString: env.superuserUrl, max: 1 });
      // The owner pool's end() resolves before its backends have gone; a forced drop at that moment
      // turns their exit into an unhandled pool error (libs/testing/src/scratch.ts, dropDatabase).
      await admin
        .query(`do $$ begin for i in 1 .. 50 loop exit when not exists (select 1 from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()); perform pg_sleep(0.02); end loop; end $$`)
        .catch(() => undefined);
      await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
      await admin.end();
      rmSync(keyDir, { recursive: true, force: true });
    };
    try {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(join(keyDir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      writeFileSync(join(keyDir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
      const apiPort = await freePort();
      const serverEnv: NodeJS.ProcessEnv = {
        NODE_ENV: 'test',
        AUTH_MODE: 'dev',
        DEV_IDENTITY_DIR: keyDir,
        KEYCLOAK_REALM_PUBLIC_KEY: '',
        DATABASE_URL: withDatabase(env.appUrl, database),
        MIGRATION_DATABASE_URL: ownerUrl,
        INDICATORS_DATABASE_URL: withDatabase(indicatorsUrlOf(env), database),
        REDIS_URL: env.redisUrl,
        // Under the run's prefix, so that global teardown removes these keys too.
        REDIS_PREFIX: `${env.redisPrefix}:${world}`,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        METRICS_PORT: '0',
        WORKER_METRICS_PORT: '0',
      };
      const register = ['-r', './tools/register.cjs'];
      await Promise.all([
        Proc.start('migrate', [...register, 'tools/db/migrate.ts'], serverEnv).done(),
        buildConsoleIfStale(),
      ]);
      await Proc.start('seed-demo', [...register, 'tools/demo-data/seed-demo.ts'], serverEnv).done();

      const api = Proc.start('api', [...register, 'apps/api/src/main.ts'], serverEnv);
      procs.push(api);
      // The region's indicator snapshots for this school year, as the worker's nightly job would leave them.
      const indicators = Proc.start('indicators', [...register, 'tools/cli/cli.ts', 'indicators', '--region', 'demo', '--period', schoolYear()], serverEnv).done();
      await Promise.all([waitForHttp(`http://127.0.0.1:${apiPort}/health`, api, 90_000), indicators]);

      // The worker, as `npm run start:worker` runs it (every queue: indicator recomputes, reports,
      // extracts), started after the CLI's computation so the two never write the same snapshots at
      // once. Its reconciler looks for recorded recompute requests every 300 ms instead of 2 s.
      const worker = Proc.start('worker', [...register, 'apps/worker/src/main.ts'], { ...serverEnv, INDICATORS_RECONCILE_MS: '300' });
      procs.push(worker);
      await worker.printed(/worker started/, 90_000);

      const consolePort = await freePort();
      const preview = Proc.start('vite preview', [VITE, 'preview', '--config', join(CONSOLE_DIR, 'vite.config.mts')], {
        NASTAVNIK_API_URL: `http://127.0.0.1:${apiPort}`,
        CONSOLE_PORT: String(consolePort),
        CONSOLE_HOST: '127.0.0.1',
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      });
      procs.push(preview);
      const consoleUrl = `http://127.0.0.1:${consolePort}/`;
      await waitForHttp(consoleUrl, preview, 30_000);
      await waitForHttp(`${consoleUrl}health`, preview, 10_000); // the proxy reaches the API

      owner = new Pool({ connectionString: ownerUrl, max: 2 });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
      return new ConsoleWorld(consoleUrl, owner, browser, procs, cleanup);
    } catch (error) {
      await cleanup();
      throw error;
    }
  }

  /** A fresh browser profile (its own sessionStorage), 1280×800, Russian locale. */
  async newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // Uncaught errors in the page fail the spec that caused them, and so does anything the
    // console's Content-Security-Policy (vite.config.mts) blocks.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    this.record(context, page);
    return { context, page, problems };
  }

  /**
   * What a page went through, for the failure of the test that opened it (tools/testing/jest-environment.cjs):
   * the addresses, the answers of 400 and more, failed requests, errors in the page, and — taken
   * as the test closes its context — the last address and the text the page showed.
   */
  private record(context: BrowserContext, page: Page): void {
    const report: PageReport = { test: currentTestName(), trail: [], shown: '' };
    this.reports.push(report);
    if (this.reports.length > 20) this.reports.shift();
    const started = Date.now();
    const note = (line: string) => {
      if (report.trail.at(-1)?.endsWith(` ${line}`)) return; // React Router's repeated notices of one address
      report.trail.push(`+${((Date.now() - started) / 1000).toFixed(1)} s ${line}`);
      if (report.trail.length > 80) report.trail.splice(0, report.trail.length - 80);
    };
    page.on('framenavigated', (frame) => frame === page.mainFrame() && note(`at ${frame.url()}`));
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && note(`console error: ${message.text().slice(0, 300)}`));
    page.on('requestfailed', (request) => note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`));
    page.on('response', (response) => response.status() >= 400 && note(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`));
    const close = context.close.bind(context);
    context.close = async (options) => {
      report.shown = await this.shown(page);
      return close(options);
    };
  }

  private async shown(page: Page): Promise<string> {
    if (page.isClosed()) return '(page closed)';
    const text = await page
      .evaluate(() => document.body.innerText)
      .catch((error: Error) => `(text not read: ${error.message})`);
    return `${page.url()}\n${text.replace(/\n{2,}/g, '\n').slice(0, 1500)}`;
  }

  /** The failure's diagnostics: its pages (see `record`) and the last output of the API and the worker. */
  private async diagnostics(test: string): Promise<string | undefined> {
    const pages = this.reports.filter((report) => report.test === test);
    if (pages.length === 0) return undefined;
    const parts: string[] = [];
    for (const [index, report] of pages.entries()) {
      parts.push(`— page ${index + 1}:`, ...report.trail, `shown last: ${report.shown || '(context still open)'}`);
    }
    for (const proc of this.procs.filter((p) => p.name === 'api' || p.name === 'worker')) {
      parts.push(`— ${proc.name}'s last output:`, proc.tail().slice(proc.name === 'api' ? -3000 : -1000));
    }
    return parts.join('\n');
  }

  /** Signs in on the development login page as one of the demo users and waits for the home page. */
  async signIn(page: Page, username: string): Promise<void> {
    await page.goto(this.consoleUrl);
    await page.locator(`[data-username="${username}"]`).click();
    await page.waitForURL(/#\/$/);
    await page.getByTestId('current-user').waitFor();
    await page.mouse.move(1, 799); // off the content: no hover state left from the click
  }

  /** A development-identity token, as the API mints it (through the console's proxy). */
  async devToken(username: string): Promise<string> {
    const response = await fetch(`${this.consoleUrl}auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async tenantId(code: string): Promise<string> {
    const { rows } = await this.owner.query<{ id: string }>('select id from tenants where code = $1', [code]);
    if (!rows[0]) throw new Error(`no tenant ${code}`);
    return rows[0].id;
  }

  /**
   * Waits until the worker has no recompute request left open (the snapshots then reflect every
   * edit made so far); bounded, so a stuck worker fails the spec with a reason.
   */
  async indicatorsSettled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.owner.query<{ open: string }>(`select count(*) as open from indicator_recompute_requests where status in ('pending', 'running')`);
      if (Number(rows[0].open) === 0) return;
      if (Date.now() > deadline) throw new Error(`${rows[0].open} indicator recompute request(s) still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async stop(): Promise<void> {
    await this.cleanup();
  }
}
