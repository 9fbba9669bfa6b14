import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { parseDateTime } from '@nastavnik/platform/graphql/date-time.scalar';
import { isReportingPeriod } from '@nastavnik/platform/graphql/validators';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

/*
 * Issue 11, item 4 and the periods of item 6: plain careless input that used to be an
 * INTERNAL_SERVER_ERROR, or was stored when it should not be, one mechanism each.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const lists = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => field.args.some((arg) => arg.name === 'filter'));

describe('careless input: typed refusals, never an internal error', () => {
  let api: TestApi;
  let db: TestDb;
  let curator: string;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    const { school } = await db.newSchoolWorld();
    curator = tokenFor('curator', school.code);
    admin = tokenFor('platform-admin', null);
  });

  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it(`an explicit null filter, page or sort order is the same as none, on every list (${lists.length})`, async () => {
    expect(lists.length).toBeGreaterThan(40);
    const refused: string[] = [];
    for (const list of lists) {
      const paged = list.args.some((arg) => arg.name === 'sortOrder');
      const args = paged ? 'filter: null, page: null, perPage: null, sortField: null, sortOrder: null' : 'filter: null';
      const response = await api.gql(admin, `{ ${list.name}(${args}) { __typename } }`);
      if (response.errors) refused.push(`${list.name}: ${codesOf(response).join(',')}`);
    }
    expect(refused).toEqual([]);
  });

  it('text no record needs is refused with VALIDATION_FAILED naming the field, in any field, filters included', async () => {
    const create = (input: Record<string, unknown>) =>
      api.gql(curator, `mutation($i: CreateParticipantInput!) { createParticipant(input: $i) { id } }`, { i: { kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', ...input } });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ lastName: '\u200B\u200B\u200B' }, /только из невидимых символов/],
      [{ lastName: '\u202EвонавИ' }, /направление письма/],
      [{ email: 'ivan\uD800@example.ru' }, /непарный суррогат/],
      [{ notes: 'a\u0000b' }, /управляющих символов/],
      [{ subjects: ['математика', '\u2066\u2069'] }, /невидимых|направление письма/],
    ];
    for (const [input, message] of cases) {
      const response = await create(input);
      expect({ input, codes: codesOf(response) }).toEqual({ input, codes: ['VALIDATION_FAILED'] });
      expect(response.errors?.[0].message).toMatch(message);
    }
    const search = await api.gql(curator, `query($q: String) { allParticipants(filter: { q: $q }) { id } }`, { q: 'Ива\u0000нов' });
    expect(codesOf(search)).toEqual(['VALIDATION_FAILED']);
    // Ordinary text with a zero-width joiner inside (an emoji) is still text.
    expect((await create({ notes: 'Молодец 👩‍🏫' })).errors).toBeUndefined();
  });

  it('a date-time that does not exist is refused, not rolled over', async () => {
    expect(parseDateTime('2023-05-31T14:30:00Z').toISOString()).toBe('2023-05-31T14:30:00.000Z');
    expect(parseDateTime('2023-05-31T17:30:00+03:00').toISOString()).toBe('2023-05-31T14:30:00.000Z');
    for (const bad of ['2023-02-30T10:00:00Z', '2023-13-01T00:00:00Z', '2023-05-31T24:00:00Z', '2023-05-31', 'завтра', '0000-01-01T00:00:00Z']) {
      expect(() => parseDateTime(bad)).toThrow(/существующие дата и время/);
    }
    const response = await api.gql(
      curator,
      `mutation($i: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $i) { id } }`,
      { i: { templateId: '00000000-0000-4000-8000-000000000000', answers: [], submittedAt: '2023-02-30T10:00:00Z' } },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/существующие дата и время/);
  });

  it('a report or indicator period must be a real school year the platform can have data for', async () => {
    expect(isReportingPeriod('2022/2023')).toBe(true);
    expect(isReportingPeriod('2015/2016')).toBe(true);
    for (const bad of ['0000/0001', '2014/2015', '2998/2999', '2022/2024', '2022-2023']) expect(isReportingPeriod(bad)).toBe(false);
    const calls = [
      `mutation { requestSchoolReport(period: "0000/0001") { id } }`,
      `mutation { requestIndicatorRecompute(period: "2998/2999") }`,
      `{ indicatorValues(period: "1999/2000") { code } }`,
    ];
    for (const call of calls) {
      const response = await api.gql(curator, call);
      expect({ call, codes: codesOf(response) }).toEqual({ call, codes: ['VALIDATION_FAILED'] });
      expect(response.errors?.[0].message).toMatch(/учебный год с 2015\/2016/);
    }
  });
});
