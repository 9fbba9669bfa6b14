import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type Value = { tenantId: string; code: string; numerator: number; denominator: number | null; value: number | null; target: number | null; belowTarget: boolean | null };
type Target = { id: string; tenantId: string; tenantKind: string; code: string; target: number };
type Card = {
  tenantId: string;
  indicators: Value[];
  responseRates: { code: string; respondents: number; participants: number; rate: number | null }[];
  scorecardLevels: { level: string; programmes: number }[];
  roadmap: { total: number; done: number; inProgress: number; planned: number; notDone: number; overdue: number; stages: { stageCode: string | null; total: number; done: number; overdue: number }[] } | null;
  freshness: { area: string; changedOn: string | null; daysAgo: number | null }[];
};

const PERIOD = '2024/2025';
const TARGETS = `query($period: String!, $parentId: ID) { indicatorTargets(period: $period, parentId: $parentId) { id tenantId tenantKind code target } }`;
const SET = `mutation($input: SetIndicatorTargetInput!) { setIndicatorTarget(input: $input) { id tenantId tenantKind code target } }`;
const REMOVE = `mutation($id: ID!) { removeIndicatorTarget(id: $id) { id } }`;
const BELOW = `query($code: String!) { indicatorComparison(period: "${PERIOD}", code: $code) { target belowTarget { tenantId } organisations { tenantId target belowTarget } } }`;
const CARD = `query($id: ID!) { schoolCard(tenantId: $id, period: "${PERIOD}") {
  tenantId indicators { tenantId code numerator denominator value target belowTarget }
  responseRates { code respondents participants rate } scorecardLevels { level programmes }
  roadmap { total done inProgress planned notDone overdue stages { stageCode total done overdue } }
  freshness { area changedOn daysAgo } } }`;
const TABLE = `query($codes: [String!]!) { indicatorTable(period: "${PERIOD}", codes: $codes) { indicators { code } rows { tenantId tenantName cells { code numerator denominator value target } } } }`;

const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Issue 13's regional loop over GraphQL and REST (docs/adr/0033): a region analyst sets targets
 * for any indicator (its region, or a municipality of it) and the below-target list follows; the
 * school card of a school of the region (aggregates, its roadmap's execution, data freshness);
 * the region analyst reads the roadmaps of its schools but writes none; the multi-indicator table
 * and its XLSX. Another region's analyst reads and changes nothing of it; curators and the
 * ministry read targets, never set them.
 */
describe('regional loop: targets, school card, roadmaps read by the region, multi-indicator table', () => {
  let api: TestApi;
  let db: TestDb;
  let region: TenantRow;
  let m1: TenantRow;
  let m2: TenantRow;
  let s1: TenantRow;
  let s2: TenantRow;
  let s3: TenantRow;
  let other: { region: TenantRow; municipality: TenantRow; school: TenantRow };
  let analyst: string;
  let stranger: string;
  let roadmapId: string;

  async function snapshot(tenant: TenantRow, code: string, numerator: number, denominator: number | null): Promise<void> {
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2, $3, $4, $5, $6, gen_random_uuid())`,
      [tenant.id, tenant.path, PERIOD, code, numerator, denominator],
    );
  }
  const targetsRows = async () => (await db.owner.query(`select tenant_id, indicator_code, target::float as target from indicator_targets order by 1, 2`)).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    region = await db.newRegion();
    m1 = await db.newMunicipality(region);
    m2 = await db.newMunicipality(region);
    [s1, s2, s3] = [await db.newOrganisation(m1), await db.newOrganisation(m1), await db.newOrganisation(m2)];
    other = await db.newSchoolWorld();
    analyst = tokenFor('region-analyst', region.code);
    stranger = tokenFor('region-analyst', other.region.code);
    // N1 (default target ≥ 70 %): 90 %, 60 %, 75 %.
    await snapshot(s1, 'N1', 90, 100);
    await snapshot(s2, 'N1', 60, 100);
    await snapshot(s3, 'N1', 75, 100);
    await snapshot(other.school, 'N1', 10, 100);
    // T3: 33 satisfied of 40 respondents, out of 60 mentees; T4 8 of 12 out of 12 mentors.
    await snapshot(s1, 'T3', 33, 40);
    await snapshot(s1, 'MENTEES', 60, null);
    await snapshot(s1, 'T4', 8, 12);
    await snapshot(s1, 'MENTORS', 12, null);
    await snapshot(s1, 'EFF.OPTIMAL', 1, null);
    // s1's roadmap: one item done, one in progress, one overdue, one planned later, one without a stage.
    const stages = new Map((await db.owner.query<{ code: string; id: string }>(`select code, id from programme_stages`)).rows.map((r) => [r.code, r.id]));
    const [preparation, completion] = [...stages.values()];
    roadmapId = (await db.owner.query(`insert into roadmaps (tenant_id, title, academic_year) values ($1, 'Дорожная карта', $2) returning id`, [s1.id, PERIOD])).rows[0].id;
    const item = (n: string, stage: string | null, status: string, due: string) => db.owner.query(
      `insert into roadmap_items (tenant_id, roadmap_id, number, position, stage_id, activity, planned_end, status, responsible) values ($1, $2, $3, $4, $5, $6, $7, $8, 'Иванова И. И.')`,
      [s1.id, roadmapId, n, Number(n) * 10, stage, `Мероприятие ${n}`, due, status],
    );
    await item('1', preparation, 'done', '2024-09-30');
    await item('2', preparation, 'in_progress', '2099-05-31');
    await item('3', preparation, 'planned', '2024-10-15');
    await item('4', completion, 'planned', '2099-05-31');
    await item('5', null, 'not_done', '2024-12-01');
    await db.owner.query(`delete from school_data_changes where tenant_id = $1`, [s1.id]);
    await db.owner.query(`update roadmaps set title = title where id = $1`, [roadmapId]);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  describe('targets', () => {
    it('a region analyst sets a target for its region and one of its municipalities, and the below-target list follows', async () => {
      const before = await api.gql<{ indicatorComparison: { target: number; belowTarget: { tenantId: string }[] } }>(analyst, BELOW, { code: 'N1' });
      expect(before.data!.indicatorComparison.belowTarget.map((o) => o.tenantId)).toEqual([s2.id]);

      const set = await api.gql<{ setIndicatorTarget: Target }>(analyst, SET, { input: { period: PERIOD, code: 'N1', target: 80 } });
      expect(set.errors).toBeUndefined();
      expect(set.data!.setIndicatorTarget).toMatchObject({ tenantId: region.id, tenantKind: 'REGION', code: 'N1', target: 80 });
      const after = await api.gql<{ indicatorComparison: { target: number; belowTarget: { tenantId: string }[] } }>(analyst, BELOW, { code: 'N1' });
      expect(after.data!.indicatorComparison.target).toBe(80);
      expect(after.data!.indicatorComparison.belowTarget.map((o) => o.tenantId)).toEqual([s3.id, s2.id]);

      // The municipality's own target is the more specific one for its schools.
      const municipal = await api.gql<{ setIndicatorTarget: Target }>(analyst, SET, { input: { tenantId: m2.id, period: PERIOD, code: 'N1', target: 70 } });
      expect(municipal.data!.setIndicatorTarget).toMatchObject({ tenantId: m2.id, tenantKind: 'MUNICIPALITY', target: 70 });
      const mixed = await api.gql<{ indicatorComparison: { belowTarget: { tenantId: string }[]; organisations: Value[] } }>(analyst, BELOW, { code: 'N1' });
      expect(mixed.data!.indicatorComparison.belowTarget.map((o) => o.tenantId)).toEqual([s2.id]);
      expect(mixed.data!.indicatorComparison.organisations.find((o) => o.tenantId === s3.id)?.target).toBe(70);
      // The region's page shows the region's target; the municipality's its own.
      expect((mixed.data!.indicatorComparison as unknown as { target: number }).target).toBe(80);
      const ofM2 = await api.gql<{ indicatorComparison: { target: number } }>(analyst, `query($p: ID) { indicatorComparison(period: "${PERIOD}", code: "N1", parentId: $p) { target } }`, { p: m2.id });
      expect(ofM2.data!.indicatorComparison.target).toBe(70);

      // Any indicator, not only N1; setting again replaces.
      await api.gql(analyst, SET, { input: { period: PERIOD, code: 'T3', target: 90 } });
      const again = await api.gql<{ setIndicatorTarget: Target }>(analyst, SET, { input: { period: PERIOD, code: 'T3', target: 85.5 } });
      expect(again.data!.setIndicatorTarget.target).toBe(85.5);
      const list = await api.gql<{ indicatorTargets: Target[] }>(analyst, TARGETS, { period: PERIOD });
      expect(list.data!.indicatorTargets.map((t) => [t.tenantId, t.code, t.target])).toEqual([[region.id, 'N1', 80], [region.id, 'T3', 85.5], [m2.id, 'N1', 70]]);
    });

    it('refuses a target for a school, a percentage over 100 and an unknown indicator', async () => {
      expect(codesOf(await api.gql(analyst, SET, { input: { tenantId: s1.id, period: PERIOD, code: 'N1', target: 50 } }))).toEqual(['VALIDATION_FAILED']);
      expect(codesOf(await api.gql(analyst, SET, { input: { period: PERIOD, code: 'N1', target: 150 } }))).toEqual(['VALIDATION_FAILED']);
      expect(codesOf(await api.gql(analyst, SET, { input: { period: PERIOD, code: 'NOPE', target: 1 } }))).toEqual(['VALIDATION_FAILED']);
      expect(codesOf(await api.gql(analyst, SET, { input: { period: PERIOD, code: 'N1', target: -1 } }))).toEqual(['VALIDATION_FAILED']);
    });

    it("another region's analyst neither reads nor sets nor removes this region's targets", async () => {
      const before = await targetsRows();
      const theirs = await api.gql<{ indicatorTargets: Target[] }>(stranger, TARGETS, { period: PERIOD });
      expect(theirs.data!.indicatorTargets).toEqual([]);
      expect(codesOf(await api.gql(stranger, TARGETS, { period: PERIOD, parentId: region.id }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(stranger, SET, { input: { tenantId: region.id, period: PERIOD, code: 'N1', target: 1 } }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(stranger, SET, { input: { tenantId: m1.id, period: PERIOD, code: 'N1', target: 1 } }))).toEqual(['NOT_FOUND']);
      const mine = await api.gql<{ indicatorTargets: Target[] }>(analyst, TARGETS, { period: PERIOD });
      for (const target of mine.data!.indicatorTargets) expect(codesOf(await api.gql(stranger, REMOVE, { id: target.id }))).toEqual(['NOT_FOUND']);
      expect(await targetsRows()).toEqual(before);
      // Its own region's target stays its own.
      const own = await api.gql<{ setIndicatorTarget: Target }>(stranger, SET, { input: { period: PERIOD, code: 'N1', target: 5 } });
      expect(own.data!.setIndicatorTarget.tenantId).toBe(other.region.id);
      const comparison = await api.gql<{ indicatorComparison: { organisations: Value[] } }>(analyst, BELOW, { code: 'N1' });
      expect(comparison.data!.indicatorComparison.organisations.find((o) => o.tenantId === s1.id)?.target).toBe(80);
      await api.gql(stranger, REMOVE, { id: own.data!.setIndicatorTarget.id });
    });

    it('curators and ministry officials read the targets that apply to them, and set none', async () => {
      const curator = tokenFor('curator', s1.code);
      const read = await api.gql<{ indicatorTargets: Target[] }>(curator, TARGETS, { period: PERIOD });
      expect(read.data!.indicatorTargets.map((t) => [t.tenantId, t.code])).toEqual([[region.id, 'N1'], [region.id, 'T3']]);
      for (const token of [curator, tokenFor('ministry-official', region.code), tokenFor('ministry-official', null)]) {
        expect(codesOf(await api.gql(token, SET, { input: { tenantId: region.id, period: PERIOD, code: 'N1', target: 1 } }))).toEqual(['FORBIDDEN']);
        expect(codesOf(await api.gql(token, REMOVE, { id: read.data!.indicatorTargets[0].id }))).toEqual(['FORBIDDEN']);
      }
      const ministry = await api.gql<{ indicatorTargets: Target[] }>(tokenFor('ministry-official', region.code), TARGETS, { period: PERIOD });
      expect(ministry.data!.indicatorTargets).toHaveLength(3);
    });
  });

  describe('school card', () => {
    it("a region analyst reads a school's card: indicators with targets, response rates, scorecard levels, roadmap execution by stage, freshness", async () => {
      const response = await api.gql<{ schoolCard: Card }>(analyst, CARD, { id: s1.id });
      expect(response.errors).toBeUndefined();
      const card = response.data!.schoolCard;
      expect(card.indicators.find((v) => v.code === 'N1')).toMatchObject({ numerator: 90, denominator: 100, value: 90, target: 80, belowTarget: false });
      expect(card.indicators.find((v) => v.code === 'T3')).toMatchObject({ numerator: 33, denominator: 40, value: 83, target: 85.5, belowTarget: true });
      expect(card.indicators.some((v) => v.code.includes('.'))).toBe(false);
      expect(card.responseRates).toEqual([
        { code: 'T3', respondents: 40, participants: 60, rate: 67 },
        { code: 'T4', respondents: 12, participants: 12, rate: 100 },
      ]);
      expect(card.scorecardLevels.find((l) => l.level === 'optimal')?.programmes).toBe(1);
      expect(card.roadmap).toMatchObject({ total: 5, done: 1, inProgress: 1, planned: 2, notDone: 1, overdue: 1 });
      expect(card.roadmap!.stages.map((s) => [s.total, s.done, s.overdue])).toEqual([[3, 1, 1], [1, 0, 0], [1, 0, 0]]);
      expect(card.roadmap!.stages.at(-1)!.stageCode).toBeNull();
      const today = new Date().toISOString().slice(0, 10);
      expect(card.freshness.find((f) => f.area === 'roadmap')).toEqual({ area: 'roadmap', changedOn: today, daysAgo: 0 });
      expect(card.freshness.find((f) => f.area === 'meetings')).toEqual({ area: 'meetings', changedOn: null, daysAgo: null });
      expect(JSON.stringify(card)).not.toContain('Иванова');
    });

    it("an edit through the API records its area's day of change", async () => {
      const curator = tokenFor('curator', s2.code);
      const created = await api.gql(curator, `mutation { createRoadmap(input: { title: "Карта", academicYear: "${PERIOD}" }) { id } }`);
      expect(created.errors).toBeUndefined();
      const card = await api.gql<{ schoolCard: Card }>(analyst, CARD, { id: s2.id });
      expect(card.data!.schoolCard.freshness.find((f) => f.area === 'roadmap')?.daysAgo).toBe(0);
      expect(card.data!.schoolCard.roadmap).toBeNull();
    });

    it("another region's analyst, another school's curator and the ministry get no card", async () => {
      expect(codesOf(await api.gql(stranger, CARD, { id: s1.id }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(tokenFor('curator', s2.code), CARD, { id: s1.id }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(tokenFor('ministry-official', region.code), CARD, { id: s1.id }))).toEqual(['FORBIDDEN']);
      const own = await api.gql<{ schoolCard: Card }>(tokenFor('curator', s1.code), CARD, { id: s1.id });
      expect(own.data!.schoolCard.tenantId).toBe(s1.id);
    });
  });

  describe("the region reads its schools' roadmaps", () => {
    it('the analyst reads the roadmap and its execution report, and writes nothing', async () => {
      const list = await api.gql<{ allRoadmaps: { id: string }[] }>(analyst, `{ allRoadmaps { id } }`);
      expect(list.data!.allRoadmaps.map((r) => r.id)).toContain(roadmapId);
      const report = await api.gql<{ RoadmapReport: { totals: { total: number; done: number } } }>(analyst, `query($id: ID!) { RoadmapReport(id: $id) { totals { total done } } }`, { id: roadmapId });
      expect(report.data!.RoadmapReport.totals).toEqual({ total: 5, done: 1 });
      const writes: [string, Record<string, unknown>][] = [
        [`mutation($id: ID!) { updateRoadmap(id: $id, input: { title: "Изменено регионом" }) { id } }`, { id: roadmapId }],
        [`mutation($id: ID!) { deleteRoadmap(id: $id) { id } }`, { id: roadmapId }],
        [`mutation($r: ID!) { createRoadmapItem(input: { roadmapId: $r, number: "9", activity: "Регион" }) { id } }`, { r: roadmapId }],
        [`mutation($t: ID!) { createRoadmap(input: { tenantId: $t, title: "Регион", academicYear: "2025/2026" }) { id } }`, { t: s1.id }],
      ];
      for (const [mutation, variables] of writes) expect(codesOf(await api.gql(analyst, mutation, variables))).toEqual(['FORBIDDEN']);
      expect((await db.owner.query(`select title from roadmaps where id = $1`, [roadmapId])).rows[0].title).toBe('Дорожная карта');
    });

    it("another region's analyst sees none of them; the ministry none at all", async () => {
      const list = await api.gql<{ allRoadmaps: { id: string }[]; allRoadmapItems: { id: string }[] }>(stranger, `{ allRoadmaps { id } allRoadmapItems { id } }`);
      expect(list.errors).toBeUndefined();
      expect(list.data!.allRoadmaps).toEqual([]);
      expect(list.data!.allRoadmapItems).toEqual([]);
      expect(codesOf(await api.gql(stranger, `query($id: ID!) { Roadmap(id: $id) { id } }`, { id: roadmapId }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(stranger, `query($id: ID!) { RoadmapReport(id: $id) { totals { total } } }`, { id: roadmapId }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await api.gql(tokenFor('ministry-official', region.code), `{ allRoadmaps { id } }`))).toEqual(['FORBIDDEN']);
    });
  });

  describe('multi-indicator table', () => {
    it("schools × chosen indicators of the analyst's region only", async () => {
      const response = await api.gql<{ indicatorTable: { indicators: { code: string }[]; rows: { tenantId: string; cells: Value[] }[] } }>(analyst, TABLE, { codes: ['N1', 'T3'] });
      expect(response.errors).toBeUndefined();
      const table = response.data!.indicatorTable;
      expect(table.indicators.map((d) => d.code)).toEqual(['N1', 'T3']);
      expect(table.rows.map((r) => r.tenantId).sort()).toEqual([s1.id, s2.id, s3.id].sort());
      expect(table.rows.find((r) => r.tenantId === s1.id)!.cells.map((c) => [c.code, c.value, c.target])).toEqual([['N1', 90, 80], ['T3', 83, 85.5]]);
      const theirs = await api.gql<{ indicatorTable: { rows: { tenantId: string }[] } }>(stranger, TABLE, { codes: ['N1'] });
      expect(theirs.data!.indicatorTable.rows.map((r) => r.tenantId)).toEqual([other.school.id]);
      expect(codesOf(await api.gql(tokenFor('curator', s1.code), TABLE, { codes: ['N1'] }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await api.gql(analyst, TABLE, { codes: [] }))).toEqual(['VALIDATION_FAILED']);
    });

    it('the XLSX: Russian headings, numbers as numbers, sorted as asked, formula-safe names, the total last', async () => {
      await db.owner.query(`update tenants set short_name = '=HYPERLINK("http://x";"клик")' where id = $1`, [s2.id]);
      try {
        const response = await api.http().get(`/indicator-table/export.xlsx?period=${encodeURIComponent(PERIOD)}&codes=N1,T3&sort=N1&order=desc`)
          .set('authorization', `Bearer ${analyst}`).buffer(true).parse(bytes);
        expect({ status: response.status, body: response.status === 200 ? '' : String(response.body) }).toEqual({ status: 200, body: '' });
        expect(response.headers['content-type']).toMatch(/spreadsheetml/);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.body as never);
        const sheet = workbook.worksheets[0];
        expect(sheet.name).toBe('Показатели');
        const rows = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
        expect(rows[0][0]).toBe(`Таблица показателей за ${PERIOD} учебный год`);
        expect(rows[1].slice(0, 6)).toEqual(['Организация', 'Муниципалитет', 'N1 Вовлечённость обучающихся: значение, %', 'N1: числитель', 'N1: знаменатель', 'N1: цель, %']);
        const body = rows.slice(2, -1);
        expect(body.map((r) => r[0])).toEqual([s1.short_name, s3.short_name, `'=HYPERLINK("http://x";"клик")`]);
        expect(body[0].slice(2, 10)).toEqual([90, 90, 100, 80, 83, 33, 40, 85.5]);
        expect(rows.at(-1)!.slice(0, 6)).toEqual(['Итого (Σ числителей / Σ знаменателей)', undefined, 75, 225, 300, undefined]);
        const stranger_ = await api.http().get(`/indicator-table/export.xlsx?period=${encodeURIComponent(PERIOD)}&codes=N1`).set('authorization', `Bearer ${stranger}`).buffer(true).parse(bytes);
        const theirs = new ExcelJS.Workbook();
        await theirs.xlsx.load(stranger_.body as never);
        const names = (theirs.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r[1]);
        expect(names).toContain(other.school.short_name);
        expect(names).not.toContain(s1.short_name);
        const bad = await api.http().get(`/indicator-table/export.xlsx?period=${encodeURIComponent(PERIOD)}&codes=N1&sort=__proto__`).set('authorization', `Bearer ${analyst}`);
        expect(bad.status).toBeGreaterThanOrEqual(400);
        expect(bad.status).toBeLessThan(500);
      } finally {
        await db.owner.query(`update tenants set short_name = $2 where id = $1`, [s2.id, s2.short_name]);
      }
    });
  });
});
