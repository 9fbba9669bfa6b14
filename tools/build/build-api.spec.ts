import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pemBody } from '@nastavnik/platform/config/app-config';
import { freePort } from '@nastavnik/testing/local-servers';
import { TEST_ISSUER_BASE, TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { buildApp } from './build-worker';

const ROOT = join(__dirname, '..', '..');

/**
 * The production API is the built JavaScript started by deploy/start-api.sh: no TypeScript and no
 * swc in the process; it answers a curator's GraphQL request and stops on SIGTERM with exit code 0.
 */
describe('build: the API as plain JavaScript (deploy/start-api.sh)', () => {
  it('starts from dist with the script\'s V8 flags, serves a curator, loads no compiler, and exits 0 on SIGTERM', async () => {
    const env = readTestEnv();
    const out = join(ROOT, 'dist', `api-spec-${randomBytes(4).toString('hex')}`);
    const built = buildApp('api', out);
    const port = await freePort();
    const db = new TestDb();
    const school = (await db.newSchoolWorld()).school.code;
    let log = '';
    const child = spawn('sh', ['-c', `exec node $API_NODE_FLAGS ${built.main}`], {
      cwd: ROOT,
      env: {
        ...process.env,
        // deploy/start-api.sh's flags, with this spec's build instead of dist/api.
        API_NODE_FLAGS: /flags=\$\{API_NODE_FLAGS-'([^']+)'\}/.exec(readFileSync(join(ROOT, 'deploy', 'start-api.sh'), 'utf8'))?.[1] ?? '',
        NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: '0',
        DATABASE_URL: env.appUrl, MIGRATION_DATABASE_URL: env.ownerUrl, INDICATORS_DATABASE_URL: env.indicatorsUrl,
        REDIS_URL: env.redisUrl, REDIS_PREFIX: `${env.redisPrefix}:build-api`,
        AUTH_MODE: 'keycloak', KEYCLOAK_URL: TEST_ISSUER_BASE, KEYCLOAK_REALM: 'mentoring', KEYCLOAK_CLIENT_ID: 'mentoring-api', KEYCLOAK_REALM_PUBLIC_KEY: pemBody(env.publicKeyPem),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries++) {
        if (child.exitCode !== null || tries > 600) throw new Error(`the built API did not start:\n${log}`);
        const ready = await fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
        if (ready) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('curator', school)}` },
        body: JSON.stringify({ query: '{ myTenant { code } }' }),
      });
      expect(await answer.json()).toEqual({ data: { myTenant: { code: school } } });
      const maps = readFileSync(`/proc/${child.pid}/maps`, 'utf8');
      expect(maps).not.toMatch(/@swc/);
      expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).toContain('--max-old-space-size');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await db.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
