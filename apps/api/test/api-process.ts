import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pemBody } from '@nastavnik/platform/config/app-config';
import { freePort } from '@nastavnik/testing/local-servers';
import { TEST_ISSUER_BASE } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';

const ROOT = join(__dirname, '..', '..', '..');

/** The API as `npm run start:api` runs it, in a process of its own (its memory, its signals, its stdout). */
export type ApiProcess = {
  child: ChildProcess;
  base: string;
  /** Everything it printed (stdout and stderr), the last `keep` characters. */
  output(): string;
  /** SIGTERM, and the exit code once it has exited. */
  stop(): Promise<number | null>;
};

export async function startApiProcess(name: string, env: NodeJS.ProcessEnv = {}, keep = 8000): Promise<ApiProcess> {
  const testEnv = readTestEnv();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: '0',
      DATABASE_URL: testEnv.appUrl,
      MIGRATION_DATABASE_URL: testEnv.ownerUrl,
      INDICATORS_DATABASE_URL: testEnv.indicatorsUrl,
      DATABASE_POOL_SIZE: '3',
      REDIS_URL: testEnv.redisUrl,
      REDIS_PREFIX: `${testEnv.redisPrefix}:${name}`, // under the run's prefix, which global teardown removes
      AUTH_MODE: 'keycloak',
      KEYCLOAK_URL: TEST_ISSUER_BASE,
      KEYCLOAK_REALM: 'mentoring',
      KEYCLOAK_CLIENT_ID: 'mentoring-api',
      KEYCLOAK_REALM_PUBLIC_KEY: pemBody(testEnv.publicKeyPem),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const append = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-keep));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const api: ApiProcess = {
    child,
    base,
    output: () => printed,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  await waitForHealth(api);
  return api;
}

async function waitForHealth(api: ApiProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`the API exited with ${api.child.exitCode}:\n${api.output()}`);
    try {
      if ((await fetch(`${api.base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API did not answer ${api.base}/health:\n${api.output()}`);
}
