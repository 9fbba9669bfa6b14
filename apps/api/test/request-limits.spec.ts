import { TestDb, tokenFor } from '@nastavnik/testing/test-context';
import { codesOf, TestApi } from './test-api';

/** What no answer may contain: a stack frame, a Node/JS internal message, an untranslated parser complaint. */
const LEAKS = /at .*\.(ts|js):\d+|Maximum call stack|RangeError|Must provide|Syntax Error: Document contains/;

describe('requests that are too large or not GraphQL at all', () => {
  let api: TestApi;
  let db: TestDb;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    token = tokenFor('curator', (await db.newSchoolWorld()).school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const post = (body: unknown, bearer: string | null = token) => {
    let call = api.http().post('/graphql').set('content-type', 'application/json');
    if (bearer) call = call.set('authorization', `Bearer ${bearer}`);
    return call.send(JSON.stringify(body));
  };

  it('answers a 2.5 MB body to /graphql with 413 and a Russian message', async () => {
    const response = await post({ query: '{ myTenant { code } }', variables: { pad: 'x'.repeat(2.5 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toBe('Запрос слишком большой: тело запроса к GraphQL должно быть не больше 2 МБ.');
  });

  it('a REST body that is not JSON, or carries a __proto__ key, is answered as every refusal is: 400, VALIDATION_FAILED, in Russian', async () => {
    for (const body of ['{"answers": [', '{"__proto__": 0}', '{"constructor": {"prototype": {}}}']) {
      const response = await api.http().post('/q/x').set('content-type', 'application/json').send(body);
      expect({ body, status: response.status, answer: response.body }).toEqual({ body, status: 400, answer: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/[а-яё]/i) } });
    }
  });

  it('still takes a 1.9 MB body (a 1.4 MB spreadsheet as base64 in importParticipants)', async () => {
    const response = await post({ query: '{ myTenant { code } }', variables: { pad: 'x'.repeat(1.9 * 1024 * 1024) } });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a too-large body from someone without a token before reading it: 401, not 413', async () => {
    const response = await post({ query: '{ myTenant { code } }', variables: { pad: 'x'.repeat(2.5 * 1024 * 1024) } }, null);
    expect(response.status).toBe(401);
    expect(codesOf({ status: response.status, data: null, errors: response.body.errors })).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['a number', '42'],
    ['true', 'true'],
    ['a string', '"{ myTenant { code } }"'],
    ['a JSON-encoded AST', JSON.stringify({ kind: 'Document', definitions: [] })],
    ['an empty selection', '{}'],
  ])('answers %s as the document with a typed 400 in Russian', async (_name, query) => {
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeNull();
    expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.body.errors[0].message).toMatch(/[а-яё]/i);
    expect(JSON.stringify(response.body)).not.toMatch(LEAKS);
  });

  it('refuses 5,000 nested inline fragments before parsing, with QUERY_TOO_COMPLEX in Russian', async () => {
    const query = `{ ${'...on Query { '.repeat(5000)}__typename${' }'.repeat(5000)} }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ message: 'Запрос слишком сложный: вложенность больше 64 уровней.', extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
    expect(JSON.stringify(response.body)).not.toMatch(LEAKS);
  });

  it('refuses inline fragments nested past the depth limit through the depth rule', async () => {
    const query = `{ ${'...on Query { '.repeat(12)}__typename${' }'.repeat(12)} }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'Запрос слишком сложный: вложенность полей больше 10 уровней.', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
  });

  it.each([
    ['deeply nested list values', `{ myTenant(x: ${'['.repeat(3000)}${']'.repeat(3000)}) { code } }`, 'Запрос слишком сложный: вложенность больше 64 уровней.'],
    ['a stream of 6,000 tokens', `{ ${'a '.repeat(6000)} }`, 'Запрос слишком сложный: в нём больше 5000 лексем.'],
    ['a document text of 150,000 characters', `{ myTenant { code } } # ${'x'.repeat(150_000)}`, 'Текст запроса длиннее 100000 символов: передавайте данные в переменных запроса.'],
  ])('refuses %s before parsing', async (_name, query, message) => {
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ message, extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  });

  it('takes a bulk document as large as the console sends (200 rows × one aliased field)', async () => {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `r${i}: myTenant { code }`).join(' ')} }`;
    const response = await post({ query });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('keeps the names of the schema out of validation messages (no "Did you mean")', async () => {
    const response = await post({ query: '{ myTenan { code } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe('Cannot query field "myTenan" on type "Query".');
  });

  it('refuses a mutation sent with GET, in Russian', async () => {
    const response = await api.http().get('/graphql').query({ query: 'mutation { requestSchoolReport(period: "2022/2023") { id } }' }).set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(405);
    expect(response.body.errors).toEqual([{ message: 'Изменения данных выполняются только запросом POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }]);
  });

  it('still answers the console-sized documents it always did', async () => {
    const response = await post({ query: '{ myTenant { code } }' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
