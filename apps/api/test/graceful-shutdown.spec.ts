import { Agent, request as httpRequest } from 'node:http';
import { Pool } from 'pg';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { startApiProcess } from './api-process';

type Outcome = { status: number; body: string } | { error: string };

/** One POST on a connection of its own (no keep-alive): either answered whole, or refused at connect. */
function post(base: string, token: string, body: string, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const url = new URL('/graphql', base);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: `response ${error.code ?? error.message}` }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

/**
 * SIGTERM under load (issue 15), as behind a load balancer: 50 clients post a curator's page in a
 * loop while a balancer polls `/health/ready` every 100 ms and stops routing new requests once it
 * answers 503. The API gets SIGTERM mid-run with SHUTDOWN_DRAIN_MS=2000: readiness turns 503 at
 * once while requests are still served, then the server closes and answers what it accepted.
 * Every request sent is answered in full with 200 — none refused, reset or cut off; the API's log
 * has exactly one line per answer; requests in flight at SIGTERM were answered after it; the
 * process exits 0.
 */
describe('graceful shutdown under 50 concurrent clients (a real process, a real SIGTERM)', () => {
  it('loses no accepted request', async () => {
    const db = new TestDb();
    const school = (await db.newSchoolWorld()).school.code;
    const api = await startApiProcess('graceful-shutdown', { SHUTDOWN_DRAIN_MS: '2000', LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '5' }, 20_000_000);
    const token = tokenFor('curator', school);
    const body = JSON.stringify({ query: 'query Page { myTenant { code } allParticipants(perPage: 25) { id lastName } _allParticipantsMeta { count } }' });
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    const outcomes: Outcome[] = [];
    let routing = true;
    let notReadySeen = false;
    const balancer = (async () => {
      while (routing) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        try {
          if ((await fetch(`${api.base}/health/ready`)).status === 503) {
            notReadySeen = true;
            routing = false;
          }
        } catch {
          routing = false; // not listening any more: nothing is routed to it
        }
      }
    })();
    const client = async () => {
      while (routing) outcomes.push(await post(api.base, token, body, agent));
    };
    const clients = Array.from({ length: 50 }, client);
    const warm = Date.now() + 60_000;
    while (outcomes.length < 100 && Date.now() < warm) await new Promise((resolve) => setTimeout(resolve, 50));
    const answeredAtSignal = outcomes.length;
    api.child.kill('SIGTERM');
    const exitCode = await new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
    await Promise.all([...clients, balancer]);
    await db.close();

    const answered = outcomes.filter((o): o is { status: number; body: string } => 'status' in o);
    const errors = outcomes.filter((o): o is { error: string } => 'error' in o).map((o) => o.error);
    expect(exitCode).toBe(0);
    expect(notReadySeen).toBe(true);
    expect(answeredAtSignal).toBeGreaterThanOrEqual(100);
    expect(errors).toEqual([]);
    expect(answered.length).toBeGreaterThan(answeredAtSignal); // in flight at SIGTERM, answered after it
    expect(new Set(answered.map((o) => o.status))).toEqual(new Set([200]));
    for (const o of answered) expect(JSON.parse(o.body)).toMatchObject({ data: { myTenant: { code: school } } });
    const logged = api.output().split('\n').filter((line) => line.includes('"url":"/graphql"'));
    expect(logged).toHaveLength(answered.length);
    expect(logged.every((line) => line.includes('"status":200'))).toBe(true);
  }, 180_000);

  /**
   * A request whose caller goes away once it has sent it whole leaves the server's connections,
   * but its operation goes on — here an update waiting on a row another session holds. SIGTERM
   * then: the server closes at once (none of its connections left to answer), and the pools close
   * only once that operation has finished: the update carried out and committed with its journal
   * row, nothing cut off («Connection terminated»), no connection handed back busy.
   */
  it('closes the pools only after an operation whose caller went away has finished', async () => {
    const db = new TestDb();
    const admin = new Pool({ connectionString: readTestEnv().superuserUrl, max: 1 });
    const school = (await db.newSchoolWorld()).school;
    const id = (await db.owner.query<{ id: string }>(`insert into participants (tenant_id, kind, last_name, first_name, birth_date) values ($1, 'student', 'Ожидаев', 'Пётр', '2012-01-01') returning id`, [school.id])).rows[0].id;
    const api = await startApiProcess('shutdown-aborted', { SHUTDOWN_DRAIN_MS: '0', LOG_LEVEL: 'info' }, 200_000);
    const locker = await db.owner.connect();
    try {
      await locker.query('begin');
      await locker.query('select 1 from participants where id = $1 for update', [id]);
      const body = JSON.stringify({ query: 'mutation N($id: ID!, $i: UpdateParticipantInput!) { updateParticipant(id: $id, input: $i) { id notes } }', variables: { id, i: { notes: 'прервано' } } });
      const url = new URL('/graphql', api.base);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('curator', school.code)}`, 'content-length': Buffer.byteLength(body) } });
      req.on('error', () => undefined);
      req.end(body);
      const waiting = async () => (await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'UPDATE "participants"%'`)).rows[0].n;
      const deadline = Date.now() + 20_000;
      while ((await waiting()) !== 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await waiting()).toBe(1);
      req.destroy(); // the caller goes away
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exit = api.stop();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(api.child.exitCode).toBeNull(); // still waiting for the operation
      await locker.query('rollback');
      expect(await exit).toBe(0);
    } finally {
      locker.release();
      await admin.end();
    }
    const [row] = (await db.owner.query<{ notes: string | null }>('select notes from participants where id = $1', [id])).rows;
    const journaled = (await db.owner.query<{ n: number }>(`select count(*)::int as n from access_journal where tenant_id = $1 and operation = 'updateParticipant' and $2 = any(entity_ids)`, [school.id, id])).rows[0].n;
    await db.close();
    expect({ notes: row.notes, journaled }).toEqual({ notes: 'прервано', journaled: 1 });
    expect(api.output()).toContain('waiting for 1 operation(s) still running');
    expect(api.output()).not.toMatch(/Connection terminated|already released|already executing a query|operation\(s\) still running after/);
  }, 120_000);
});
