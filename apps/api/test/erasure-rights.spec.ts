import 'reflect-metadata';
import { Client } from 'pg';
import { ErasureService, erasureJobId } from '@nastavnik/participants/erasure/erasure.service';
import { ERASURE_SWEEP_SCOPE, SweepErasuresJob } from '@nastavnik/participants/erasure/sweep-erasures.job';
import { JobQueues } from '@nastavnik/platform/queue/job-queues';
import { QUEUES } from '@nastavnik/platform/queue/queues';
import { scopeStatement, TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };

/**
 * The person's rights around erasure (issue 14, docs/adr/0025–0026): the undo window (cancelled
 * inside it, the job does nothing; past it, cancelling is refused), consent withdrawal schedules
 * erasure, a person counted in a past school year is not deleted, the age fact is exact on every
 * 1 September, isolation (another school's curator cannot request, cancel or see; regional roles
 * are refused), and subject access (JSON holds the person's data across tables and nothing of
 * another person; the PDF renders).
 */
describe('erasure and subject access: undo window, consent withdrawal, deletion rule, isolation', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let curatorA: string;
  let curatorB: string;

  const gql = <T = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>) => api.gql<T>(token, query, variables);

  /** A pupil with a parent's consent, a base entry, created through the API by the school's curator. */
  const pupil = async (token: string, lastName: string, birthDate = '2010-03-14') => {
    const created = await gql<{ createParticipant: { id: string } }>(
      token,
      `mutation($n: String!, $b: String!) { createParticipant(input: { kind: STUDENT, lastName: $n, firstName: "Ксения", middleName: "Олеговна", birthDate: $b, grade: 9, email: "ksenia@example.ru", notes: "любит шахматы" }) { id } }`,
      { n: lastName, b: birthDate },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createParticipant.id;
    const consent = await gql<{ createConsent: { id: string } }>(
      token,
      `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: LEGAL_REPRESENTATIVE, representativeName: "Родионова Инна Павловна", representativeRelation: MOTHER, signedOn: "2024-09-02", purposes: [PAIRING, QUESTIONNAIRES] }) { id } }`,
      { p: id },
    );
    expect(consent.errors).toBeUndefined();
    const entry = await gql<{ createParticipantBaseEntry: { id: string } }>(
      token,
      `mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTEE, status: SELECTED, request: "подготовка к олимпиаде" }) { id } }`,
      { p: id },
    );
    expect(entry.errors).toBeUndefined();
    return { id, consentId: consent.data!.createConsent.id, entryId: entry.data!.createParticipantBaseEntry.id };
  };

  const erasureRows = (participantId: string) =>
    db.owner.query<{ id: string; status: string; reason: string }>(`select id, status, reason from participant_erasures where participant_id = $1 order by requested_at`, [participantId]).then((r) => r.rows);

  beforeAll(async () => {
    const env = readTestEnv();
    // The default undo window (72 h): jobs are delayed (no worker here), so the spec runs the job's work itself where it needs to.
    const config = testConfig(env, { REDIS_PREFIX: `${env.redisPrefix}:erasure-rights` });
    api = await TestApi.start(config);
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    curatorA = tokenFor('curator', a.school.code);
    curatorB = tokenFor('curator', b.school.code);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  /** Runs the erasure job's work now, in the scope the job would carry (the requester's). */
  const runJob = (school: TenantRow, erasureId: string) => {
    const scope: Scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: `curator-${school.code}` };
    return api.app.get(TenantContext).runInScope(scope, () => api.app.get(ErasureService).run(erasureId));
  };

  it('inside the undo window the curator cancels, and the job then does nothing; a second request may follow', async () => {
    const p = await pupil(curatorA, 'Отменённая');
    const asked = await gql<{ requestPersonalDataErasure: { id: string; status: string; runAfter: string; dueBy: string; requestedAt: string } }>(
      curatorA,
      `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id status runAfter dueBy requestedAt } }`,
      { p: p.id },
    );
    expect(asked.errors).toBeUndefined();
    const erasure = asked.data!.requestPersonalDataErasure;
    const hours = (to: string) => (Date.parse(to) - Date.parse(erasure.requestedAt)) / 3_600_000;
    expect({ status: erasure.status, window: Math.round(hours(erasure.runAfter)), deadline: Math.round(hours(erasure.dueBy) / 24) }).toEqual({ status: 'SCHEDULED', window: 72, deadline: 30 });
    // Before the window ends the job will not erase.
    expect(await runJob(a.school, erasure.id)).toMatchObject({ outcome: 'not-due' });
    const cancelled = await gql<{ cancelPersonalDataErasure: { status: string } }>(curatorA, `mutation($id: ID!) { cancelPersonalDataErasure(id: $id) { status } }`, { id: erasure.id });
    expect(cancelled.data?.cancelPersonalDataErasure.status).toBe('CANCELLED');
    // The window is over now (as if 72 hours had passed): the job runs and finds it cancelled.
    await db.owner.query(`update participant_erasures set run_after = requested_at where id = $1`, [erasure.id]);
    expect(await runJob(a.school, erasure.id)).toMatchObject({ outcome: 'cancelled' });
    const card = await gql<{ Participant: { lastName: string; email: string | null; erasedAt: string | null } }>(curatorA, `query($id: ID!) { Participant(id: $id) { lastName email erasedAt } }`, { id: p.id });
    expect(card.data?.Participant).toEqual({ lastName: 'Отменённая', email: 'ksenia@example.ru', erasedAt: null });
    // Cancelling twice is a conflict; a new request is possible.
    expect(codesOf(await gql(curatorA, `mutation($id: ID!) { cancelPersonalDataErasure(id: $id) { status } }`, { id: erasure.id }))).toEqual(['CONFLICT']);
    const again = await gql<{ requestPersonalDataErasure: { id: string } }>(curatorA, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id });
    expect(again.errors).toBeUndefined();
    expect((await erasureRows(p.id)).map((r) => r.status)).toEqual(['cancelled', 'scheduled']);
    // Each request and the cancellation are in the school's access journal.
    const { rows: journal } = await db.owner.query<{ operation: string; action: string }>(
      `select operation, action from access_journal where tenant_id = $1 and entity = 'PersonalDataErasure' and entity_ids && $2::text[] order by seq`,
      [a.school.id, (await erasureRows(p.id)).map((r) => r.id)],
    );
    expect(journal).toEqual([
      { operation: 'requestPersonalDataErasure', action: 'create' },
      { operation: 'cancelPersonalDataErasure', action: 'update' },
      { operation: 'requestPersonalDataErasure', action: 'create' },
    ]);
  });

  it('past the undo window cancelling is refused and the job de-identifies; a November birthday keeps every 1 September age', async () => {
    const p = await pupil(curatorA, 'Ноябрьская', '2009-11-20');
    const asked = await gql<{ requestPersonalDataErasure: { id: string } }>(curatorA, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id });
    const id = asked.data!.requestPersonalDataErasure.id;
    await db.owner.query(`update participant_erasures set run_after = requested_at where id = $1`, [id]);
    expect(codesOf(await gql(curatorA, `mutation($id: ID!) { cancelPersonalDataErasure(id: $id) { status } }`, { id }))).toEqual(['CONFLICT']);
    expect(await runJob(a.school, id)).toMatchObject({ outcome: 'done' });
    expect(await runJob(a.school, id)).toMatchObject({ outcome: 'already-done' });
    const { rows } = await db.owner.query(
      `select p.last_name, p.birth_date, p.email, p.notes, p.age_cohort, c.representative_name, c.revoked_on is not null as revoked, b.request
         from participants p join consents c on c.participant_id = p.id join participant_base_entries b on b.participant_id = p.id where p.id = $1`,
      [p.id],
    );
    expect(rows[0]).toMatchObject({ last_name: 'Удалено', birth_date: null, email: null, notes: null, age_cohort: 2010, representative_name: 'Удалено', revoked: true, request: null });
    // The engine's person fact gives the age the birth date gave, on 1 September of every year.
    const { rows: ages } = await db.owner.query<{ y: number; fact: number; real: number }>(
      `select y, extract(year from age(make_date(y, 9, 1), f.birth_date))::int as fact, extract(year from age(make_date(y, 9, 1), date '2009-11-20'))::int as real
         from ind_person_facts f, generate_series(2010, 2035) y where f.participant_id = $1`,
      [p.id],
    );
    expect(ages).toHaveLength(26);
    expect(ages.filter((r) => r.fact !== r.real)).toEqual([]);
    // The record cannot be edited back into a person; a second request is a conflict.
    expect(codesOf(await gql(curatorA, `mutation($id: ID!) { updateParticipant(id: $id, input: { lastName: "Новая" }) { id } }`, { id: p.id }))).toEqual(['CONFLICT']);
    expect(codesOf(await gql(curatorA, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id }))).toEqual(['CONFLICT']);
  });

  it('withdrawing the last consent in force schedules the erasure (not while another consent is in force)', async () => {
    const p = await pupil(curatorA, 'Отозвавшая');
    const second = await gql<{ createConsent: { id: string } }>(
      curatorA,
      `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: LEGAL_REPRESENTATIVE, representativeName: "Родионова Инна Павловна", representativeRelation: MOTHER, signedOn: "2025-01-10", purposes: [REPORTS] }) { id } }`,
      { p: p.id },
    );
    expect(second.errors).toBeUndefined();
    await gql(curatorA, `mutation($id: ID!) { revokeConsent(id: $id, reason: "заявление родителя") { id } }`, { id: p.consentId });
    expect(await erasureRows(p.id)).toEqual([]);
    await gql(curatorA, `mutation($id: ID!) { revokeConsent(id: $id, reason: "заявление родителя") { id } }`, { id: second.data!.createConsent.id });
    expect((await erasureRows(p.id)).map((r) => [r.status, r.reason])).toEqual([['scheduled', 'consent_withdrawn']]);
  });

  it('a person registered before this school year is not deleted (it would rewrite closed years); a fresh one is', async () => {
    const old = await pupil(curatorA, 'Прошлогодняя');
    await db.owner.query(`update participants set created_at = now() - interval '13 months' where id = $1`, [old.id]);
    const refused = await gql(curatorA, `mutation($id: ID!) { deleteParticipant(id: $id) { id } }`, { id: old.id });
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].message).toMatch(/Удалить персональные данные/);
    const fresh = await pupil(curatorA, 'Ошибочная');
    expect((await gql(curatorA, `mutation($id: ID!) { deleteParticipant(id: $id) { id } }`, { id: fresh.id })).errors).toBeUndefined();
  });

  it('an erasure whose job was lost is queued again by the hourly sweep, once, and then de-identifies the person under the platform’s name', async () => {
    const p = await pupil(curatorA, 'Потерянная');
    const asked = await gql<{ requestPersonalDataErasure: { id: string } }>(curatorA, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id });
    expect(asked.errors).toBeUndefined();
    const erasureId = asked.data!.requestPersonalDataErasure.id;
    const queue = api.app.get(JobQueues).get(QUEUES.privacy);
    // Redis lost the delayed job (a flush, a failover without persistence) and the window is over.
    const queued = await queue.getJob(erasureJobId(erasureId));
    expect(queued).toBeDefined();
    await queued!.remove();
    await db.owner.query(`update participant_erasures set requested_at = now() - interval '2 hours', run_after = now() - interval '1 hour', due_by = now() + interval '29 days' where id = $1`, [erasureId]);
    const context = api.app.get(TenantContext);
    const sweep = new SweepErasuresJob(context, api.app.get(JobQueues));
    const first = await context.runInScope(ERASURE_SWEEP_SCOPE, () => sweep.handle({ scope: ERASURE_SWEEP_SCOPE }));
    expect(first.requeued).toContain(erasureId);
    const again = await queue.getJob(erasureJobId(erasureId));
    expect(again?.data).toMatchObject({ erasureId, scope: { role: 'platform-admin', actor: 'system:erasure-sweep' } });
    expect(await again!.getState()).toBe('waiting');
    // The next sweep finds the job waiting: nothing queued twice.
    const second = await context.runInScope(ERASURE_SWEEP_SCOPE, () => sweep.handle({ scope: ERASURE_SWEEP_SCOPE }));
    expect(second.requeued).not.toContain(erasureId);
    expect(second.retried).not.toContain(erasureId);
    // What the worker would do with it: de-identified, journaled as the sweep's.
    await again!.remove();
    expect(await context.runInScope(ERASURE_SWEEP_SCOPE, () => api.app.get(ErasureService).run(erasureId))).toMatchObject({ outcome: 'done' });
    expect((await erasureRows(p.id)).map((r) => r.status)).toEqual(['done']);
    const { rows } = await db.owner.query(`select role, actor from access_journal where tenant_id = $1 and action = 'erase' and $2 = any (entity_ids)`, [a.school.id, p.id]);
    expect(rows).toEqual([{ role: 'platform-admin', actor: 'system:erasure-sweep' }]);
  });

  it("another school's curator cannot request, cancel or see; regional roles are refused", async () => {
    const p = await pupil(curatorA, 'Своя');
    const asked = await gql<{ requestPersonalDataErasure: { id: string } }>(curatorA, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id });
    const id = asked.data!.requestPersonalDataErasure.id;
    const before = (await db.owner.query(`select * from participant_erasures where tenant_id = $1 order by id`, [a.school.id])).rows;
    expect(codesOf(await gql(curatorB, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await gql(curatorB, `mutation($id: ID!) { cancelPersonalDataErasure(id: $id) { id } }`, { id }))).toEqual(['NOT_FOUND']);
    const seen = await gql<{ personalDataErasures: unknown[] }>(curatorB, `query($p: ID!) { personalDataErasures(participantId: $p) { id } }`, { p: p.id });
    expect(seen.data?.personalDataErasures).toEqual([]);
    expect(codesOf(await gql(curatorB, `mutation($p: ID!) { subjectAccessExport(participantId: $p, format: JSON) { content } }`, { p: p.id }))).toEqual(['NOT_FOUND']);
    for (const role of ['region-analyst', 'ministry-official'] as const) {
      const token = tokenFor(role, a.region.code);
      expect(codesOf(await gql(token, `mutation($p: ID!) { requestPersonalDataErasure(participantId: $p) { id } }`, { p: p.id }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await gql(token, `mutation($p: ID!) { subjectAccessExport(participantId: $p, format: PDF) { content } }`, { p: p.id }))).toEqual(['FORBIDDEN']);
    }
    expect((await db.owner.query(`select * from participant_erasures where tenant_id = $1 order by id`, [a.school.id])).rows).toEqual(before);
    // As the app role under B's curator scope the forced policies alone keep A's rows out of reach.
    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(scopeStatement({ role: 'curator', tenantId: b.school.id, tenantPath: b.school.path, allTenants: false, actor: 'isolation-spec' }));
      expect((await client.query(`select count(*)::int as n from participant_erasures where tenant_id = $1`, [a.school.id])).rows).toEqual([{ n: 0 }]);
      expect((await client.query(`update participant_erasures set status = 'cancelled', cancelled_at = now(), cancelled_by = 'x' where tenant_id = $1`, [a.school.id])).rowCount).toBe(0);
      await client.query('savepoint s');
      await expect(client.query(`insert into participant_erasures (tenant_id, participant_id, reason, requested_by, run_after, due_by) values ($1, $2, 'curator_request', 'x', now(), now())`, [a.school.id, p.id])).rejects.toMatchObject({ code: '42501' });
      await client.query('rollback to savepoint s');
      await expect(client.query(`delete from participant_erasures where tenant_id = $1`, [a.school.id])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
    expect((await db.owner.query(`select * from participant_erasures where tenant_id = $1 order by id`, [a.school.id])).rows).toEqual(before);
  });

  it("subject access: the JSON holds the person's data across the tables and nothing of another person; the PDF renders", async () => {
    const p = await pupil(curatorA, 'Запросившая');
    const other = await pupil(curatorA, 'Соседкина');
    await db.owner.query(`update participants set phone = '+7 911 000-11-22' where id = $1`, [other.id]);
    const json = await gql<{ subjectAccessExport: { fileName: string; contentType: string; content: string } }>(
      curatorA,
      `mutation($p: ID!) { subjectAccessExport(participantId: $p, format: JSON) { fileName contentType content } }`,
      { p: p.id },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data!.subjectAccessExport).toMatchObject({ contentType: 'application/json', fileName: expect.stringMatching(/\.json$/) });
    const text = Buffer.from(json.data!.subjectAccessExport.content, 'base64').toString('utf8');
    const data = JSON.parse(text) as { fullName: string; sections: { entity: string; rows: Record<string, unknown>[] }[] };
    expect(data.fullName).toBe('Запросившая Ксения Олеговна');
    const section = (entity: string) => data.sections.find((s) => s.entity === entity)?.rows ?? [];
    expect(section('Participant')).toEqual([expect.objectContaining({ id: p.id, email: 'ksenia@example.ru', notes: 'любит шахматы', birth_date: '2010-03-14' })]);
    expect(section('Consent')).toEqual([expect.objectContaining({ id: p.consentId, representative_name: 'Родионова Инна Павловна' })]);
    expect(section('ParticipantBaseEntry')).toEqual([expect.objectContaining({ id: p.entryId, request: 'подготовка к олимпиаде' })]);
    expect(data.sections.map((s) => s.entity)).toEqual(expect.arrayContaining(['QuestionnaireResponse', 'MentoringPair', 'Meeting', 'PersonalisedProgramme', 'MatchSuggestion']));
    for (const foreign of [other.id, other.consentId, other.entryId, 'Соседкина', '+7 911 000-11-22']) expect({ foreign, found: text.includes(foreign) }).toEqual({ foreign, found: false });
    const { rows: journal } = await db.owner.query(`select entity from access_journal where tenant_id = $1 and operation = 'subjectAccessExport' and action = 'export' and $2 = any (entity_ids)`, [a.school.id, p.id]);
    expect(journal).toEqual([{ entity: 'Participant' }]);

    const pdf = await gql<{ subjectAccessExport: { contentType: string; content: string } }>(curatorA, `mutation($p: ID!) { subjectAccessExport(participantId: $p, format: PDF) { contentType content } }`, { p: p.id });
    expect(pdf.errors).toBeUndefined();
    const bytes = Buffer.from(pdf.data!.subjectAccessExport.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
  });
});
