import { existsSync, readFileSync } from 'node:fs';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { type ApiProcess, startApiProcess } from './api-process';

const MB = 1024 * 1024;

/** Resident memory of a process, from /proc (the figure the kernel's OOM killer goes by). */
function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** A distinct ≈ 2 MB document of the kind that filled memory before authentication: `{ a a a … }`. */
function hugeDocument(i: number): string {
  return JSON.stringify({ query: `{ ${'a '.repeat(MB - 16)} b${i} }` });
}

/**
 * The API as `npm run start:api` runs it, in a process of its own, so that its memory can be read:
 * anonymous documents of 2 MB each used to be parsed, validated and cached before authentication
 * (≈ 560 MB each; the process died after 8).
 */
describe('anonymous documents cost the API nothing (a real process, measured RSS)', () => {
  let api: ApiProcess;
  let base: string;
  let db: TestDb;
  let curator: string;
  let school: string;

  beforeAll(async () => {
    api = await startApiProcess('anonymous-memory');
    base = api.base;
    db = new TestDb();
    school = (await db.newSchoolWorld()).school.code;
    curator = tokenFor('curator', school);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  const canary = async (): Promise<unknown> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${curator}` },
      body: JSON.stringify({ query: '{ myTenant { code } }' }),
    });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('refuses 20 distinct 2 MB anonymous documents (and 5 with a forged token) with 401, RSS grows < 100 MB, and the service answers', async () => {
    const pid = api.child.pid!;
    // Warm up the code paths a first request loads (GraphQL, the guard, the database pool).
    expect(await canary()).toEqual({ data: { myTenant: { code: school } } });
    const before = rssMb(pid);

    const forged = tokenFor('curator', school, { issuer: 'http://evil.test/realms/mentoring' });
    const answers: (number | string)[] = [];
    let firstRefusal: unknown;
    for (let i = 0; i < 25; i += 1) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (i >= 20) headers.authorization = `Bearer ${forged}`;
      try {
        const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: hugeDocument(i) });
        answers.push(response.status);
        const body: unknown = await response.json();
        firstRefusal ??= body;
      } catch (error) {
        answers.push(`no answer: ${(error as Error).message}`); // the process died under the load
      }
    }

    // Memory first: that is what the documents attacked.
    const answered = answers.filter((answer) => typeof answer === 'number').length;
    expect(existsSync(`/proc/${pid}/status`) ? 'alive' : `died after answering ${answered} of 25: ${answers.join(', ')}`).toBe('alive');
    expect(rssMb(pid) - before).toBeLessThan(100);
    expect(answers).toEqual(Array.from({ length: 25 }, () => 401));
    expect(firstRefusal).toEqual({ data: null, errors: [{ message: expect.stringMatching(/вход/), extensions: { code: 'UNAUTHENTICATED' } }] });
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await canary()).toEqual({ data: { myTenant: { code: school } } });
  }, 180_000);
});
