import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, type Pool } from 'pg';
import type { Response } from 'supertest';
import { todayIso } from '@nastavnik/platform/calendar';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { scopeStatement } from '@nastavnik/platform/tenancy/tenant-context';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

const YEAR = '2022/2023';
const SUBMISSION = `id tenantId tenantName schoolYear status note version dueOn overdue
  versions { id version note reportId file { id status progress downloadUrl fileName } }
  history { action actorRole version comment at }`;
type SubmissionGql = {
  id: string; tenantId: string; status: string; note: string | null; version: number; dueOn: string | null; overdue: boolean;
  versions: { id: string; version: number; note: string; reportId: string; file: { id: string; status: string; downloadUrl: string | null; fileName: string | null } | null }[];
  history: { action: string; actorRole: string; version: number; comment: string | null }[];
};
type RowGql = { tenantId: string; tenantName: string; state: string; status: string | null; overdue: boolean; dueOn: string | null; version: number; lastComment: string | null; reportId: string | null };

async function startReportWorker(): Promise<INestApplicationContext> {
  @Module({ imports: [PlatformModule.forRoot(testConfig()), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
  class SubmissionWorkerModule {}
  const app = await NestFactory.createApplicationContext(SubmissionWorkerModule, { logger: false });
  await app.init();
  return app;
}

async function insertSnapshots(owner: Pool, org: TenantRow, values: Record<string, [number, number?]>): Promise<void> {
  const computation = randomUUID();
  for (const [code, [numerator, denominator]] of Object.entries(values)) {
    await owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, $3, $4, $5, $6, $7)
       on conflict (tenant_id, period, indicator_code) do update set numerator = excluded.numerator, denominator = excluded.denominator`,
      [org.id, org.path, YEAR, code, numerator, denominator ?? null, computation],
    );
  }
}

async function waitForReport(owner: Pool, id: string, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const { rows } = await owner.query(`select status from report_files where id = $1`, [id]);
    if (rows[0] && (rows[0].status === 'done' || rows[0].status === 'failed')) return rows[0].status;
    if (Date.now() - started > timeoutMs) throw new Error(`report ${id} still ${rows[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The yearly report to the regional centre (issue 13 item 2): the curator submits, the analyst
 * returns with a comment, the curator edits and resubmits, the analyst accepts; each submitted
 * version keeps the PDF frozen at its submission. Another school's curator and another region's
 * analyst see and change nothing; the ministry has no part in it.
 */
describe('yearly report to the regional centre: workflow, frozen PDFs, isolation', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: TestDb;
  let app: Client;
  let a: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let b: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let a2: TenantRow;
  let curatorA: string;
  let curatorA2: string;
  let curatorB: string;
  let analystA: string;
  let analystB: string;
  let official: string;
  let submissionId: string;
  const tmp = mkdtempSync(join(tmpdir(), 'submissions-'));

  const gql = <T,>(token: string, query: string, vars: Record<string, unknown> = {}) => api.gql<T>(token, query, vars);
  const submit = (token: string, note: string) =>
    gql<{ s: SubmissionGql }>(token, `mutation($y: String!, $n: String!) { s: submitReportSubmission(schoolYear: $y, note: $n) { ${SUBMISSION} } }`, { y: YEAR, n: note });
  const review = (token: string, id: string, decision: 'ACCEPT' | 'RETURN', comment?: string) =>
    gql<{ s: SubmissionGql }>(token, `mutation($id: ID!, $d: ReportReviewDecision!, $c: String) { s: reviewReportSubmission(id: $id, decision: $d, comment: $c) { ${SUBMISSION} } }`, { id, d: decision, c: comment });
  const read = (token: string, id: string) => gql<{ s: SubmissionGql }>(token, `query($id: ID!) { s: reportSubmission(id: $id) { ${SUBMISSION} } }`, { id });
  const table = (token: string) => gql<{ rows: RowGql[] }>(token, `query($y: String!) { rows: schoolReportSubmissions(schoolYear: $y) { tenantId tenantName state status overdue dueOn version lastComment reportId } }`, { y: YEAR });
  const download = (token: string, id: string) => api.http().get(`/reports/${id}/file`).set('authorization', `Bearer ${token}`).buffer(true).parse(binary);
  const pdfText = async (token: string, reportId: string, name: string) => {
    expect(await waitForReport(db.owner, reportId)).toBe('done');
    const file = await download(token, reportId);
    expect(file.status).toBe(200);
    writeFileSync(join(tmp, name), file.body as Buffer);
    return { bytes: file.body as Buffer, text: execFileSync('pdftotext', ['-layout', join(tmp, name), '-']).toString('utf8') };
  };
  const scopeOf = (role: Scope['role'], tenant: TenantRow): Scope => ({ role, tenantId: tenant.id, tenantPath: tenant.path, allTenants: false, actor: `test-${role}` });
  /** Runs SQL as the app role under a scope, in a transaction that is rolled back. */
  const asApp = async <T,>(scope: Scope, work: () => Promise<T>): Promise<T | Error> => {
    await app.query('begin');
    try {
      await app.query(scopeStatement(scope));
      return await work();
    } catch (error) {
      return error as Error;
    } finally {
      await app.query('rollback');
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startReportWorker();
    db = new TestDb();
    app = new Client({ connectionString: readTestEnv().appUrl });
    await app.connect();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    a2 = await db.newOrganisation(a.municipality);
    await db.owner.query(`update tenants set full_name = 'МБОУ «Мишкинская СОШ»', short_name = 'Мишкинская СОШ' where id = $1`, [a.school.id]);
    await insertSnapshots(db.owner, a.school, { T1: [55, 108], T3: [33, 59], T4: [8, 12], MENTORS: [15], MENTEES: [59] });
    // Seed 004's roadmap, two items: the responsible person is personal data and never leaves the school.
    const [{ id: roadmapId }] = (await db.owner.query(`insert into roadmaps (tenant_id, title, academic_year) values ($1, 'Дорожная карта 2022–2023', $2) returning id`, [a.school.id, YEAR])).rows;
    await db.owner.query(
      `insert into roadmap_items (tenant_id, roadmap_id, number, position, activity, schedule_text, responsible, status, execution_result)
       values ($1, $2, '1', 1, 'Приказ о реализации целевой модели наставничества', 'Январь 2023', 'Иванова Мария Петровна', 'done', 'Приказ от 10.01.2023 № 05-ОД'),
              ($1, $2, '2', 2, 'Информирование родителей и педагогов', 'Март 2023', 'Иванова Мария Петровна', 'in_progress', null)`,
      [a.school.id, roadmapId],
    );
    curatorA = tokenFor('curator', a.school.code);
    curatorA2 = tokenFor('curator', a2.code);
    curatorB = tokenFor('curator', b.school.code);
    analystA = tokenFor('region-analyst', a.region.code);
    analystB = tokenFor('region-analyst', b.region.code);
    official = tokenFor('ministry-official', null);
  });
  afterAll(async () => {
    await app?.end();
    await worker?.close();
    await api?.close();
    await db?.close();
  });

  it('the region sets the due date; its curators read it, another region does not', async () => {
    const yesterday = new Date(Date.parse(`${todayIso()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const set = await gql<{ d: { dueOn: string } }>(analystA, `mutation($y: String!, $d: String!) { d: setReportSubmissionDueDate(schoolYear: $y, dueOn: $d) { schoolYear dueOn } }`, { y: YEAR, d: yesterday });
    expect(set.errors).toBeUndefined();
    const due = (token: string) => gql<{ d: { dueOn: string | null } }>(token, `query($y: String!) { d: reportSubmissionDueDate(schoolYear: $y) { dueOn } }`, { y: YEAR });
    expect((await due(curatorA)).data?.d.dueOn).toBe(yesterday);
    expect((await due(analystA)).data?.d.dueOn).toBe(yesterday);
    expect((await due(curatorB)).data?.d.dueOn).toBeNull();
    expect((await due(analystB)).data?.d.dueOn).toBeNull();
    expect(codesOf(await gql(curatorA, `mutation { setReportSubmissionDueDate(schoolYear: "${YEAR}", dueOn: "2030-01-01") { dueOn } }`))).toEqual(['FORBIDDEN']);
    expect(codesOf(await due(official))).toEqual(['FORBIDDEN']);
  });

  it('before anything is started the region sees every school as overdue (due date passed), another region sees none of them', async () => {
    const rows = (await table(analystA)).data!.rows;
    expect(rows.map((r) => r.tenantId).sort()).toEqual([a.school.id, a2.id].sort());
    expect(rows.every((r) => r.state === 'OVERDUE' && r.status === null)).toBe(true);
    expect((await table(analystB)).data!.rows.map((r) => r.tenantId)).toEqual([b.school.id]);
    expect(codesOf(await table(official))).toEqual(['FORBIDDEN']);
    expect(codesOf(await table(curatorA))).toEqual(['FORBIDDEN']);
  });

  it('the curator saves a draft note and submits: version 1 frozen, its PDF rendered with the note and the figures', async () => {
    const draft = await gql<{ s: SubmissionGql }>(curatorA, `mutation($y: String!) { s: saveReportSubmissionNote(schoolYear: $y, note: "Черновик") { ${SUBMISSION} } }`, { y: YEAR });
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.s).toMatchObject({ status: 'DRAFT', version: 0, note: 'Черновик', versions: [] });
    submissionId = draft.data!.s.id;
    expect((await table(analystA)).data!.rows.find((r) => r.tenantId === a.school.id)).toMatchObject({ state: 'OVERDUE', status: 'DRAFT' });

    const sent = await submit(curatorA, 'Первая справка: наставничество охватило 59 обучающихся.');
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.s).toMatchObject({ id: submissionId, status: 'SUBMITTED', version: 1, overdue: false });
    expect(sent.data!.s.versions[0].file?.id).toBe(sent.data!.s.versions[0].reportId);
    expect((await db.owner.query(`select kind, requested_role from report_files where id = $1`, [sent.data!.s.versions[0].reportId])).rows[0]).toEqual({ kind: 'submission_report', requested_role: 'curator' });
    const { text } = await pdfText(curatorA, sent.data!.s.versions[0].reportId, 'v1-curator.pdf');
    expect(text).toContain('Отчёт в региональный наставнический центр');
    expect(text).toContain('Версия 1');
    expect(text).toContain('Первая справка: наставничество охватило 59 обучающихся.');
    expect(text).toMatch(/T3\s.*33 из 59 – 56 %/);
    expect(text).toMatch(/1\s+Приказ о реализации целевой модели\s.*Январь 2023\s+выполнено\s+Приказ от 10\.01\.2023/);
    expect(text).toContain('Мероприятий: 2; выполнено: 1; выполняется: 1');
    expect(text).not.toContain('Иванова');
    // Submitting again while on review is refused.
    expect(codesOf(await submit(curatorA, 'ещё раз'))).toEqual(['CONFLICT']);
    expect(codesOf(await gql(curatorA, `mutation { saveReportSubmissionNote(schoolYear: "${YEAR}", note: "x") { id } }`))).toEqual(['CONFLICT']);
  });

  it('another school\'s curator, another region\'s analyst and the ministry see and change nothing', async () => {
    const reportId = (await read(curatorA, submissionId)).data!.s.versions[0].reportId;
    for (const token of [curatorB, curatorA2, analystB]) {
      expect(codesOf(await read(token, submissionId))).toEqual(['NOT_FOUND']);
      expect((await download(token, reportId)).status).toBe(404);
    }
    expect((await download(official, reportId)).status).toBe(404);
    expect(codesOf(await read(official, submissionId))).toEqual(['FORBIDDEN']);
    expect(codesOf(await review(analystB, submissionId, 'ACCEPT'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await review(curatorA, submissionId, 'ACCEPT'))).toEqual(['FORBIDDEN']);
    expect(codesOf(await review(official, submissionId, 'ACCEPT'))).toEqual(['FORBIDDEN']);
    // The other school's curator starts their own report: A's is untouched.
    expect((await gql<{ s: SubmissionGql }>(curatorA2, `mutation { s: saveReportSubmissionNote(schoolYear: "${YEAR}", note: "своя") { id tenantId } }`)).data!.s.tenantId).toBe(a2.id);
    expect((await db.owner.query(`select status, version from report_submissions where id = $1`, [submissionId])).rows[0]).toEqual({ status: 'submitted', version: 1 });

    // Under the policies themselves (the app role, no service in between).
    const counts = `select (select count(*) from report_submissions)::int as s, (select count(*) from report_submission_versions)::int as v,
                           (select count(*) from report_submission_events)::int as e, (select count(*) from report_files where kind = 'submission_report')::int as f`;
    expect(await asApp(scopeOf('curator', b.school), async () => (await app.query(counts)).rows[0])).toEqual({ s: 0, v: 0, e: 0, f: 0 });
    expect(await asApp(scopeOf('region-analyst', b.region), async () => (await app.query(counts)).rows[0])).toEqual({ s: 0, v: 0, e: 0, f: 0 });
    expect(await asApp({ role: 'ministry-official', tenantId: null, tenantPath: null, allTenants: true, actor: 'minister' }, async () => (await app.query(counts)).rows[0])).toEqual({ s: 0, v: 0, e: 0, f: 0 });
    expect(await asApp(scopeOf('region-analyst', b.region), async () => (await app.query(`update report_submissions set status = 'accepted' where id = $1`, [submissionId])).rowCount)).toBe(0);
    // The region's own analyst may review, not edit the content, nor write history in another's name.
    const edited = await asApp(scopeOf('region-analyst', a.region), () => app.query(`update report_submissions set note = 'правка региона', status = 'accepted' where id = $1`, [submissionId]));
    expect(edited).toBeInstanceOf(Error);
    const forged = await asApp(scopeOf('region-analyst', a.region), () =>
      app.query(`insert into report_submission_events (tenant_id, tenant_path, submission_id, action, actor, actor_role) values ($1, $2, $3, 'submitted', 'x', 'curator')`, [a.school.id, a.school.path, submissionId]),
    );
    expect(forged).toBeInstanceOf(Error);
    const versionEdit = await asApp(scopeOf('curator', a.school), () => app.query(`update report_submission_versions set note = 'подмена' where submission_id = $1`, [submissionId]));
    expect(versionEdit).toBeInstanceOf(Error);
  });

  it('returned with a comment, edited and resubmitted: the second frozen PDF differs from the first, which stays as it was', async () => {
    expect(codesOf(await review(analystA, submissionId, 'RETURN', '  '))).toEqual(['VALIDATION_FAILED']);
    const returned = await review(analystA, submissionId, 'RETURN', 'Добавьте итоги по наставляемым группы риска.');
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.s).toMatchObject({ status: 'RETURNED', note: null });
    expect((await table(analystA)).data!.rows.find((r) => r.tenantId === a.school.id)).toMatchObject({ state: 'OVERDUE', status: 'RETURNED', lastComment: 'Добавьте итоги по наставляемым группы риска.' });
    const first = (await read(curatorA, submissionId)).data!.s.versions[0].reportId;
    const before = await pdfText(analystA, first, 'v1-analyst.pdf');

    // The data changes after the first submission (a recompute), and the note is edited.
    await insertSnapshots(db.owner, a.school, { T3: [41, 59], MENTEES: [61] });
    const again = await submit(curatorA, 'Вторая справка: по замечаниям РНЦ добавлены итоги по группе риска.');
    expect(again.errors).toBeUndefined();
    expect(again.data!.s).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect(again.data!.s.versions.map((v) => v.version)).toEqual([2, 1]);
    const second = again.data!.s.versions[0].reportId;
    expect(second).not.toBe(first);
    const v2 = await pdfText(analystA, second, 'v2-analyst.pdf');
    expect(v2.text).not.toEqual(before.text);
    expect(v2.text).toContain('Версия 2');
    expect(v2.text).toContain('Вторая справка: по замечаниям РНЦ добавлены итоги по группе риска.');
    expect(v2.text).toMatch(/T3\s.*41 из 59 – 69 %/);
    expect(v2.text).not.toContain('Первая справка');
    // The first version is what was submitted then, byte for byte.
    expect(before.text).toMatch(/T3\s.*33 из 59 – 56 %/);
    expect(before.text).toContain('Первая справка');
    const reread = await pdfText(analystA, first, 'v1-again.pdf');
    expect(reread.bytes.equals(before.bytes)).toBe(true);
  });

  it("the region's copy of the school PDF prints the roadmap execution without the responsible persons; the ministry's does not", async () => {
    const requestAs = async (token: string) => {
      const r = await gql<{ r: { id: string } }>(token, `mutation($p: String!, $id: ID) { r: requestSchoolReport(period: $p, tenantId: $id) { id } }`, { p: YEAR, id: a.school.id });
      expect(r.errors).toBeUndefined();
      return r.data!.r.id;
    };
    const region = await pdfText(analystA, await requestAs(analystA), 'school-analyst.pdf');
    expect(region.text).toContain('Исполнение дорожной карты');
    expect(region.text).toMatch(/1\s+Приказ о реализации целевой модели\s.*Январь 2023\s+выполнено\s+Приказ от 10\.01\.2023/);
    expect(region.text).not.toContain('Ответственный');
    expect(region.text).not.toContain('Иванова');
    expect(region.text).not.toContain('только сводные разделы');
    const ministry = await pdfText(official, await requestAs(official), 'school-ministry.pdf');
    expect(ministry.text).toContain('только сводные разделы');
    expect(ministry.text).not.toContain('Приказ о реализации');
    const curator = await pdfText(curatorA, await requestAs(curatorA), 'school-curator.pdf');
    expect(curator.text).toContain('Иванова'); // the curator's own copy keeps the responsible persons
  });

  it('accepted: the history tells who did what and when; an accepted report is no longer edited', async () => {
    const accepted = await review(analystA, submissionId, 'ACCEPT');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.s.status).toBe('ACCEPTED');
    expect(codesOf(await review(analystA, submissionId, 'RETURN', 'поздно'))).toEqual(['CONFLICT']);
    expect(codesOf(await submit(curatorA, 'после приёмки'))).toEqual(['CONFLICT']);
    const final = (await read(curatorA, submissionId)).data!.s;
    expect(final.versions[0].file).toMatchObject({ status: 'DONE', downloadUrl: `/reports/${final.versions[0].reportId}/file`, fileName: 'Отчёт в РНЦ Мишкинская СОШ 2022-2023 версия 2.pdf' });
    const history = final.history;
    expect(history.map((h) => [h.action, h.actorRole, h.version, h.comment])).toEqual([
      ['CREATED', 'Куратор организации', 0, null],
      ['SUBMITTED', 'Куратор организации', 1, null],
      ['RETURNED', 'Аналитик региона', 1, 'Добавьте итоги по наставляемым группы риска.'],
      ['SUBMITTED', 'Куратор организации', 2, null],
      ['ACCEPTED', 'Аналитик региона', 2, null],
    ]);
    const rows = (await table(analystA)).data!.rows;
    expect(rows.find((r) => r.tenantId === a.school.id)).toMatchObject({ state: 'ACCEPTED', overdue: false, version: 2 });
    expect(rows.find((r) => r.tenantId === a2.id)).toMatchObject({ state: 'OVERDUE', status: 'DRAFT' });
  });
});
