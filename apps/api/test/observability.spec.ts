import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Pool } from 'pg';
import request from 'supertest';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { freePort } from '@nastavnik/testing/local-servers';
import { testConfig, TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { createApiApp } from '../src/bootstrap';
import { TestApi } from './test-api';

/** Collects the JSON lines the API writes. */
class CapturedLog extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  lines(): Record<string, unknown>[] {
    return this.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('operations (issue 15): logs, metrics, readiness', () => {
  let db: TestDb;
  let school: { id: string; code: string };

  beforeAll(async () => {
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
  });

  afterAll(async () => db.close());

  it("a curator's request: one JSON line with request id, tenant and role — and no name, birth date or token anywhere in the output; a job it queues carries its id", async () => {
    const log = new CapturedLog();
    const app = await createApiApp(testConfig(undefined, { LOG_LEVEL: 'info' }), { logDestination: log });
    try {
      const token = tokenFor('curator', school.code);
      const surname = `Журавлёва-${[...randomBytes(6)].map((b) => 'абвгдежзиклмнопрстуфхцчшэюя'[b % 27]).join('')}`;
      const post = (query: string, variables: Record<string, unknown> = {}, requestId?: string) => {
        let call = request(app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'application/json');
        if (requestId) call = call.set('x-request-id', requestId);
        return call.send({ query, variables });
      };
      const created = await post(
        `mutation NewPupil($i: CreateParticipantInput!) { createParticipant(input: $i) { id lastName birthDate } }`,
        { i: { kind: 'STUDENT', lastName: surname, firstName: 'Олеся', middleName: 'Игоревна', birthDate: '2011-03-17', grade: 6, email: 'olesya.test@example.ru' } },
      );
      expect(created.body.errors).toBeUndefined();
      const listId = `list-${randomBytes(6).toString('hex')}`;
      const list = await post(`query ParticipantsPage { allParticipants(perPage: 25) { id lastName firstName birthDate email } }`, {}, listId);
      expect(list.headers['x-request-id']).toBe(listId);
      expect(list.body.data.allParticipants.map((p: { lastName: string }) => p.lastName)).toContain(surname);
      // A hostile id is not taken: a new one is made.
      const hostile = await post(`query { myTenant { code } }`, {}, 'bad id {"level":"fatal"} '.repeat(4));
      expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

      const report = await post(`mutation Report($p: String!) { requestSchoolReport(period: $p) { id } }`, { p: '2022/2023' }, `report-${listId}`);
      expect(report.body.errors).toBeUndefined();

      const line = log.lines().find((l) => l.requestId === listId);
      expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', url: '/graphql', status: 200, tenant: school.code, role: 'curator', operation: 'ParticipantsPage' });
      expect(typeof line?.ms).toBe('number');
      expect(log.lines().filter((l) => l.requestId === listId)).toHaveLength(1);
      for (const secret of [surname, '2011-03-17', '17.03.2011', 'olesya.test@example.ru', token, token.split('.')[2]]) {
        expect(log.text).not.toContain(secret);
      }
      const jobs = await app.get(JobQueues).get(QUEUES.reports).getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      expect(jobs.some((job) => (job.data as { origin?: { requestId?: string } }).origin?.requestId === `report-${listId}`)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('/metrics on its own port: operation histograms, error counts by code, pool and queue gauges; operation names from outside cannot grow it without bound', async () => {
    const port = await freePort();
    const api = await TestApi.start(testConfig(undefined, { METRICS_PORT: String(port) }));
    try {
      const token = tokenFor('curator', school.code);
      for (let i = 0; i < 3; i++) await api.gql(token, 'query ParticipantsPage { allParticipants(perPage: 5) { id } }');
      await api.gql(tokenFor('curator', 'no-such-school'), 'query Mine { myTenant { code } }');
      await api.gql(token, 'query BadPage { allParticipants(perPage: -5) { id } }');
      for (let i = 0; i < 350; i++) await api.gql(token, `query Op${i} { myTenant { code } }`);
      const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      expect(text).toMatch(/nastavnik_graphql_operation_duration_seconds_count\{operation="ParticipantsPage",outcome="ok"\} 3/);
      expect(text).toMatch(/nastavnik_errors_total\{code="FORBIDDEN",operation="POST \/graphql"\} 1/);
      expect(text).toMatch(/nastavnik_errors_total\{code="VALIDATION_FAILED",operation="BadPage"\} 1/);
      expect(text).toMatch(/nastavnik_http_request_duration_seconds_bucket\{le="0.1",route="\/graphql",method="POST",status="200"\}/);
      expect(text).toMatch(/nastavnik_pg_pool_connections\{state="idle"\} \d+/);
      expect(text).toMatch(/nastavnik_queue_jobs\{queue="indicators",state="waiting"\} \d+/);
      expect(text).toMatch(/nastavnik_queue_oldest_waiting_seconds\{queue="reports"\} [\d.]+/);
      const operations = new Set([...text.matchAll(/nastavnik_graphql_operation_duration_seconds_count\{operation="([^"]+)"/g)].map((m) => m[1]));
      expect(operations.size).toBeLessThanOrEqual(301);
      expect(operations.has('other')).toBe(true);
      expect(text).toMatch(/nastavnik_process_resident_memory_bytes \d+/);
      // Every series the Grafana dashboard plots is one this API or its worker exposes.
      const dashboard = readFileSync(join(__dirname, '..', '..', '..', 'deploy', 'grafana', 'nastavnik-dashboard.json'), 'utf8');
      const plotted = new Set([...dashboard.matchAll(/nastavnik_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
      const exposed = new Set([...text.matchAll(/^# TYPE (nastavnik_[a-z_]+)/gm)].map((m) => m[1]));
      expect([...plotted].filter((name) => !exposed.has(name))).toEqual([]);
      // Not on the API's own port.
      expect((await api.http().get('/metrics')).status).toBe(404);
    } finally {
      await api.close();
    }
  });

  it("readiness runs a canary scoped query as the app role: it turns 503 when that query fails, while liveness stays 200", async () => {
    const env = readTestEnv();
    const role = `readiness_${randomBytes(4).toString('hex')}`;
    const superuser = new Pool({ connectionString: env.superuserUrl, max: 1 });
    await superuser.query(`create role ${role} login in role nastavnik_app`);
    const url = new URL(env.appUrl);
    url.username = role;
    url.password = '';
    const api = await TestApi.start(testConfig(undefined, { DATABASE_URL: url.toString() }));
    try {
      const ready = await api.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' }, accepting: { status: 'up' } } });
      expect((await api.http().get('/health')).status).toBe(200);

      // The role loses the app role's grants, as after a botched migration: every request would fail.
      await superuser.query(`revoke nastavnik_app from ${role}`);
      const unready = await api.http().get('/health/ready');
      expect(unready.status).toBe(503);
      expect(unready.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expect(JSON.stringify(unready.body.error.database.message)).toMatch(/permission denied/);
      expect((await api.http().get('/health/live')).status).toBe(200);

      await superuser.query(`grant nastavnik_app to ${role}`);
      expect((await api.http().get('/health/ready')).status).toBe(200);
    } finally {
      await api.close();
      await superuser.query(`drop role if exists ${role}`);
      await superuser.end();
    }
  });
});

describe('the queue dashboard (bull-board) at /admin/queues: the platform admin only', () => {
  let api: TestApi;
  let db: TestDb;
  let school: { code: string };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
  });

  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('the admin opens a session (HttpOnly, SameSite=Strict cookie scoped to the dashboard) and reads every queue; its pages get a CSP of their own', async () => {
    const admin = tokenFor('platform-admin', null);
    const session = await api.http().post('/admin/queue-session').set('authorization', `Bearer ${admin}`);
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/^nastavnik_queues=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    const pair = cookie.split(';')[0];

    const page = await api.http().get('/admin/queues').set('cookie', pair);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/admin/queues/"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const listed = await api.http().get('/admin/queues/api/queues').set('cookie', pair);
    expect(listed.status).toBe(200);
    expect((listed.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual(Object.values(QUEUES).map(String).sort());
    // Elsewhere the API's own policy stands.
    expect((await api.http().get('/health/live')).headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('anyone else: 401 without a token, 403 for a curator, an analyst or a curator\'s token slipped into the cookie; no session for them either', async () => {
    expect((await api.http().get('/admin/queues/api/queues')).status).toBe(401);
    expect((await api.http().get('/admin/queues/api/queues').set('cookie', 'nastavnik_queues=forged.token.value')).status).toBe(401);
    const curator = tokenFor('curator', school.code);
    expect((await api.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${curator}`)).status).toBe(403);
    expect((await api.http().get('/admin/queues/api/queues').set('cookie', `nastavnik_queues=${curator}`)).status).toBe(403);
    const analyst = tokenFor('region-analyst', school.code.slice(0, 0) || null);
    expect([401, 403]).toContain((await api.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${analyst}`)).status);
    const refused = await api.http().post('/admin/queue-session').set('authorization', `Bearer ${curator}`);
    expect(refused.status).toBe(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(refused.body).toEqual({ code: 'FORBIDDEN', message: 'Очереди заданий доступны только администратору платформы.' });
  });
});
