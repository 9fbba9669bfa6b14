import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { TestApi } from './test-api';
import { freePort } from '@nastavnik/testing/local-servers';

const ROOT = join(__dirname, '..', '..', '..');

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  return new Map((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values]));
}

describe('security headers of the API (@fastify/helmet)', () => {
  let api: TestApi;
  let db: TestDb;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    token = tokenFor('curator', (await db.newSchoolWorld()).school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it.each([
    ['GET /health', () => api.http().get('/health'), 200],
    ['POST /graphql', () => api.http().post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ myTenant { code } }' }), 200],
    ['a refusal before authentication', () => api.http().post('/graphql').send({ query: '{ myTenant { code } }' }), 401],
  ] as const)('%s carries a JSON API policy, HSTS, nosniff, DENY and no referrer', async (_name, call, status) => {
    const response = await call();
    expect(response.status).toBe(status);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}; includeSubDomains/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('security headers of the console (vite preview and the dev server)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'console-headers-'));
  const children: ChildProcess[] = [];

  beforeAll(() => writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Наставник</title>'));
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dist, { recursive: true, force: true });
  });

  /** Starts vite with the console's configuration (extra arguments: `preview --outDir …`) and answers the headers of its `/`. */
  async function headersOf(args: string[]): Promise<Headers> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), ...args, '--config', join(ROOT, 'apps', 'console', 'vite.config.mts')], {
      cwd: ROOT,
      env: { ...process.env, CONSOLE_PORT: String(port), CONSOLE_HOST: '127.0.0.1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'ignore',
    });
    children.push(child);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok) return response.headers;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`vite ${args.join(' ')} did not answer on ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function expectConsolePolicy(headers: Headers): Map<string, string[]> {
    const csp = directives(headers.get('content-security-policy') ?? undefined);
    expect(csp.get('script-src')?.[0]).toBe("'self'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')?.[0]).toBe("'self'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    return csp;
  }

  it('`vite preview` (the demo serves the built console with it) sends a policy with scripts from its own origin only', async () => {
    const csp = expectConsolePolicy(await headersOf(['preview', '--outDir', dist]));
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('the dev server adds only the hash of the Fast Refresh preamble', async () => {
    const csp = expectConsolePolicy(await headersOf([]));
    expect(csp.get('script-src')).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
  });
});

