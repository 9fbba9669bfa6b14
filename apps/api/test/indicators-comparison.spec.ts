import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

type Value = { tenantId: string; numerator: number; denominator: number | null; value: number | null; rank: number | null; belowTarget: boolean | null; target: number | null };
type Comparison = {
  indicatorComparison: {
    target: number | null;
    organisations: Value[];
    belowTarget: { tenantId: string }[];
    municipalities: { tenantId: string; numerator: number; denominator: number; value: number; organisations: number }[];
    total: { numerator: number; denominator: number; value: number; organisations: number };
    scorecardLevels: { level: string; programmes: number }[];
  };
};

const COMPARISON = `query($period: String!, $code: String!, $parentId: ID) {
  indicatorComparison(period: $period, code: $code, parentId: $parentId) {
    target
    organisations { tenantId numerator denominator value rank belowTarget target }
    belowTarget { tenantId }
    municipalities { tenantId numerator denominator value organisations }
    total { numerator denominator value organisations }
    scorecardLevels { level programmes }
  }
}`;

/**
 * The regional comparison: league table, below-target, municipalities and the region's total as
 * Σnumerators / Σdenominators (never an average of percentages), and the scorecard levels —
 * aggregates only, each analyst over their own region.
 */
describe('indicators: regional comparison over GraphQL', () => {
  let api: TestApi;
  let db: TestDb;
  let region: TenantRow;
  let m1: TenantRow;
  let m2: TenantRow;
  let schools: TenantRow[];
  let other: { region: TenantRow; school: TenantRow };
  const period = '2022/2023';

  async function snapshot(tenant: TenantRow, code: string, numerator: number, denominator: number | null, p = period): Promise<void> {
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2, $3, $4, $5, $6, gen_random_uuid())`,
      [tenant.id, tenant.path, p, code, numerator, denominator],
    );
  }

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    region = await db.newRegion();
    m1 = await db.newMunicipality(region);
    m2 = await db.newMunicipality(region);
    schools = [await db.newOrganisation(m1), await db.newOrganisation(m1), await db.newOrganisation(m2), await db.newOrganisation(m2)];
    // N1 (target ≥ 70 %): 90/100, 1/1, 50/100, and the fourth school not computed yet.
    await snapshot(schools[0], 'N1', 90, 100);
    await snapshot(schools[1], 'N1', 1, 1);
    await snapshot(schools[2], 'N1', 50, 100);
    await snapshot(schools[0], 'N1', 40, 100, '2021/2022');
    await snapshot(schools[0], 'EFF.OPTIMAL', 2, null);
    await snapshot(schools[2], 'EFF.UNACCEPTABLE', 1, null);
    const o = await db.newSchoolWorld();
    other = { region: o.region, school: o.school };
    await snapshot(other.school, 'N1', 7, 10);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('a region analyst gets the league table of their region, below-target schools and Σnum/Σden totals', async () => {
    const response = await api.gql<Comparison>(tokenFor('region-analyst', region.code), COMPARISON, { period, code: 'N1' });
    expect(response.errors).toBeUndefined();
    const c = response.data!.indicatorComparison;
    expect(c.organisations.map((o) => [o.tenantId, o.value, o.rank])).toEqual([
      [schools[1].id, 100, 1],
      [schools[0].id, 90, 2],
      [schools[2].id, 50, 3],
      [schools[3].id, null, null],
    ]);
    expect(c.target).toBe(70);
    expect(c.belowTarget.map((o) => o.tenantId)).toEqual([schools[2].id]);
    // Σ 141 / Σ 201 = 70 % — the average of the percentages would be 80 %.
    expect(c.total).toEqual({ numerator: 141, denominator: 201, value: 70, organisations: 3 });
    expect(c.municipalities.find((m) => m.tenantId === m1.id)).toEqual({ tenantId: m1.id, numerator: 91, denominator: 101, value: 90, organisations: 2 });
    expect(c.organisations.some((o) => o.tenantId === other.school.id)).toBe(false);
    expect(c.scorecardLevels).toEqual([
      { level: 'optimal', programmes: 2 },
      { level: 'acceptable', programmes: 0 },
      { level: 'unacceptable', programmes: 1 },
    ]);
  });

  it('a region analyst cannot compare another region, nor read a school of it', async () => {
    const token = tokenFor('region-analyst', region.code);
    expect(codesOf(await api.gql(token, COMPARISON, { period, code: 'N1', parentId: other.region.id }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(token, `query($id: ID) { indicatorValues(period: "${period}", tenantId: $id) { value } }`, { id: other.school.id }))).toEqual(['NOT_FOUND']);
  });

  it('the trend across years is Σnum/Σden per year', async () => {
    const response = await api.gql<{ indicatorTrend: { period: string; value: number; organisations: number }[] }>(
      tokenFor('region-analyst', region.code), `{ indicatorTrend(code: "N1") { period value organisations } }`);
    expect(response.data!.indicatorTrend).toEqual([
      { period: '2021/2022', value: 40, organisations: 1 },
      { period: '2022/2023', value: 70, organisations: 3 },
    ]);
  });

  it('a curator reads their own school only, and may not compare', async () => {
    const token = tokenFor('curator', schools[2].code);
    const own = await api.gql<{ indicatorValues: Value[] }>(token, `{ indicatorValues(period: "${period}") { tenantId numerator denominator value belowTarget } }`);
    expect(own.data!.indicatorValues.find((v) => v.numerator === 50)).toMatchObject({ tenantId: schools[2].id, value: 50, belowTarget: true });
    expect(codesOf(await api.gql(token, `query($id: ID) { indicatorValues(period: "${period}", tenantId: $id) { value } }`, { id: schools[0].id }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql(token, COMPARISON, { period, code: 'N1' }))).toEqual(['FORBIDDEN']);
  });

  it('a curator records a recompute request for their school — once while it is pending', async () => {
    const token = tokenFor('curator', schools[3].code);
    for (let i = 0; i < 3; i += 1) {
      expect((await api.gql(token, `mutation { requestIndicatorRecompute(period: "${period}") }`)).data).toEqual({ requestIndicatorRecompute: true });
    }
    const { rows } = await db.owner.query(`select status from indicator_recompute_requests where tenant_id = $1 and period = $2`, [schools[3].id, period]);
    expect(rows).toEqual([{ status: 'pending' }]);
  });

  it('a ministry official at the federal level sees every region', async () => {
    const response = await api.gql<Comparison>(tokenFor('ministry-official', null), COMPARISON, { period, code: 'N1' });
    const ids = response.data!.indicatorComparison.organisations.map((o) => o.tenantId);
    expect(ids).toEqual(expect.arrayContaining([schools[0].id, other.school.id]));
  });

  it('refuses an unknown indicator and a malformed period with VALIDATION_FAILED', async () => {
    const token = tokenFor('region-analyst', region.code);
    expect(codesOf(await api.gql(token, COMPARISON, { period, code: 'NOPE' }))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await api.gql(token, COMPARISON, { period: '2022', code: 'N1' }))).toEqual(['VALIDATION_FAILED']);
  });
});
