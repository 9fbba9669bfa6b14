import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { QuestionnaireBuilders } from './questionnaires-builders';
import { codesOf, TestApi } from './test-api';

type Scorecard = { id: string; programmeId: string; academicYear: string; scores: number[]; total: number; level: string; ratedOn: string; rater: string; comment: string | null };
const FIELDS = 'id programmeId academicYear scores total level ratedOn rater comment';

/** F3 (SEEDS-DOMAIN §10.1): the effectiveness scorecard E1–E9, its total and level bands. */
describe('questionnaires: programme effectiveness scorecard (E1–E9)', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let region: TenantRow;
  let curator: string;

  const create = (input: Record<string, unknown>, token = curator) =>
    api.gql<{ createProgrammeScorecard: Scorecard }>(token, `mutation($input: CreateProgrammeScorecardInput!) { createProgrammeScorecard(input: $input) { ${FIELDS} } }`, { input });

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    ({ school, region } = await db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it.each([
    ['all fully manifested', [2, 2, 2, 2, 2, 2, 2, 2, 2], 18, 'OPTIMAL'],
    ['lower optimal edge', [2, 2, 2, 2, 2, 2, 1, 1, 1], 15, 'OPTIMAL'],
    ['upper acceptable edge', [2, 2, 2, 2, 2, 1, 1, 1, 1], 14, 'ACCEPTABLE'],
    ['all partial', [1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'ACCEPTABLE'],
    ['upper unacceptable edge', [1, 1, 1, 1, 1, 1, 1, 1, 0], 8, 'UNACCEPTABLE'],
    ['none', [0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'UNACCEPTABLE'],
  ])('%s: %j → %i, %s', async (_case, scores, total, level) => {
    const programme = await build.programme(school.id);
    const response = await create({ programmeId: programme, academicYear: '2022/2023', scores, ratedOn: '2023-05-30', rater: 'Куратор программы', comment: 'Итоговый анализ' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createProgrammeScorecard).toMatchObject({ programmeId: programme, academicYear: '2022/2023', scores, total, level, ratedOn: '2023-05-30', rater: 'Куратор программы' });
    const row = (await db.owner.query(`select total, level from programme_scorecards where id = $1`, [response.data!.createProgrammeScorecard.id])).rows[0];
    expect(row).toEqual({ total, level: level.toLowerCase() });
  });

  it('invalid: a score outside {0, 1, 2} or not exactly 9 scores ⇒ VALIDATION_FAILED, nothing stored', async () => {
    const programme = await build.programme(school.id);
    const invalid: unknown[] = [[3, 2, 2, 2, 2, 2, 2, 2, 2], [-1, 0, 0, 0, 0, 0, 0, 0, 0], [2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], [], [1, 1, 1, 1, 1, 1, 1, 1, 100]];
    for (const scores of invalid) {
      const response = await create({ programmeId: programme, academicYear: '2022/2023', scores });
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
      expect(response.errors![0].message).toMatch(/9 оценок|0 \(не проявляется\)/);
    }
    for (const extra of [{ academicYear: '2022/2024' }, { ratedOn: '2023-02-30' }, { ratedOn: '2999-01-01' }, { rater: ' ' }]) {
      expect(codesOf(await create({ programmeId: programme, academicYear: '2022/2023', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1], ...extra }))).toEqual(['VALIDATION_FAILED']);
    }
    expect(await build.count('programme_scorecards', 'programme_id = $1', [programme])).toBe(0);
  });

  it('one scorecard per programme and year; an update recomputes total and level', async () => {
    const programme = await build.programme(school.id);
    const first = await create({ programmeId: programme, academicYear: '2022/2023', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
    expect(first.data!.createProgrammeScorecard.rater).toBe('Тестовый пользователь');
    const second = await create({ programmeId: programme, academicYear: '2022/2023', scores: [2, 2, 2, 2, 2, 2, 2, 2, 2] });
    expect(codesOf(second)).toEqual(['CONFLICT']);
    expect(second.errors![0].message).toContain('2022/2023');
    const updated = await api.gql<{ updateProgrammeScorecard: Scorecard }>(curator, `mutation($id: ID!) { updateProgrammeScorecard(id: $id, input: { scores: [2, 2, 2, 2, 2, 2, 1, 1, 1], comment: "Пересмотрено" }) { ${FIELDS} } }`, { id: first.data!.createProgrammeScorecard.id });
    expect(updated.data!.updateProgrammeScorecard).toMatchObject({ total: 15, level: 'OPTIMAL', comment: 'Пересмотрено' });
    const badUpdate = await api.gql(curator, `mutation($id: ID!) { updateProgrammeScorecard(id: $id, input: { scores: [2, 2] }) { id } }`, { id: first.data!.createProgrammeScorecard.id });
    expect(codesOf(badUpdate)).toEqual(['VALIDATION_FAILED']);
    const next = await create({ programmeId: programme, academicYear: '2023/2024', scores: [0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(next.data!.createProgrammeScorecard.level).toBe('UNACCEPTABLE');
    const listed = await api.gql<{ allProgrammeScorecards: Scorecard[] }>(curator, `query($p: ID!) { allProgrammeScorecards(filter: { programmeId: $p }, sortField: "academicYear") { academicYear level } }`, { p: programme });
    expect(listed.data!.allProgrammeScorecards).toEqual([{ academicYear: '2022/2023', level: 'OPTIMAL' }, { academicYear: '2023/2024', level: 'UNACCEPTABLE' }]);
    const byLevel = await api.gql<{ _allProgrammeScorecardsMeta: { count: number } }>(curator, `query($p: ID!) { _allProgrammeScorecardsMeta(filter: { programmeId: $p, level: OPTIMAL }) { count } }`, { p: programme });
    expect(byLevel.data!._allProgrammeScorecardsMeta.count).toBe(1);
  });

  it('a programme of another school (or none) is refused as not found', async () => {
    const other = (await db.newSchoolWorld()).school;
    for (const programmeId of [await build.programme(other.id), '00000000-0000-4000-8000-000000000000']) {
      const response = await create({ programmeId, academicYear: '2022/2023', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1] });
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
      expect(response.errors![0].message).toContain('Программа наставничества не найдена');
    }
  });

  it('the indicators E1–E9 are listed with their criteria; regions may read them but no school\'s scorecards', async () => {
    const indicators = await api.gql<{ scorecardIndicators: { code: string; criterion: string; title: string }[] }>(tokenFor('region-analyst', region.code), `{ scorecardIndicators { code criterion title } }`);
    expect(indicators.data!.scorecardIndicators.map((i) => i.code)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
    expect(indicators.data!.scorecardIndicators[3].title).toBe('Наличие комфортного психологического климата в организации');
    for (const token of [tokenFor('region-analyst', region.code), tokenFor('ministry-official', null)]) {
      expect(codesOf(await api.gql(token, `{ allProgrammeScorecards { id } }`))).toEqual(['FORBIDDEN']);
    }
  });

  it('the platform admin names the organisation', async () => {
    const programme = await build.programme(school.id);
    const admin = tokenFor('platform-admin', null);
    expect(codesOf(await create({ programmeId: programme, academicYear: '2022/2023', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1] }, admin))).toEqual(['VALIDATION_FAILED']);
    const response = await create({ programmeId: programme, academicYear: '2022/2023', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1], tenantId: school.id }, admin);
    expect(response.data!.createProgrammeScorecard.total).toBe(9);
  });
});
