import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, introspectionFromSchema, print, validate, type DocumentNode } from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';
import { HttpError } from 'react-admin';
import { createDataProvider } from '../src/dataProvider';
import { buildQueryFactory } from '../src/dataProvider/buildQuery';
import { httpErrorFromGraphql, toHttpError } from '../src/dataProvider/errors';
import { pluralize } from '../src/dataProvider/operations';

// The committed schema of the API (kept equal to the code by apps/api/test/schema.spec.ts).
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'api', 'schema.gql'), 'utf8'));
const introspection = { schema: introspectionFromSchema(schema).__schema } as unknown as IntrospectionResult;
const buildQuery = buildQueryFactory([{ resource: 'tenants', graphqlType: 'Tenant' }])(introspection);

function valid(document: DocumentNode): void {
  expect(validate(schema, document).map((error) => error.message)).toEqual([]);
}

describe('console data provider: queries for the API convention', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  it('lists with 0-based pages, the API filter only, and no sort by id', () => {
    const { query, variables } = buildQuery('GET_LIST', 'tenants', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'id', order: 'DESC' },
      filter: { q: 'школа', kind: 'ORGANISATION', unknown: 'x', orgType: '' },
    });
    expect(warn).toHaveBeenCalledWith('Фильтр «unknown» не поддерживается API для Tenant и пропущен.');
    valid(query);
    expect(variables).toEqual({ page: 1, perPage: 25, filter: { q: 'школа', kind: 'ORGANISATION' } });
    const text = print(query);
    expect(text).toContain('allTenants(');
    expect(text).toContain('_allTenantsMeta(filter: $filter)');
    for (const field of ['id', 'kind', 'code', 'path', 'parentId', 'fullName', 'shortName', 'orgType', 'address']) expect(text).toContain(field);
  });

  it('keeps a real sort and caps the page at the API maximum', () => {
    const { variables } = buildQuery('GET_LIST', 'tenants', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'path', order: 'ASC' }, filter: {} });
    expect(variables).toEqual({ page: 0, perPage: 500, sortField: 'path', sortOrder: 'ASC' });
  });

  it('parses a page with its total and without Apollo typenames', () => {
    const { parseResponse } = buildQuery('GET_LIST', 'tenants', { pagination: { page: 1, perPage: 10 }, sort: { field: 'path', order: 'ASC' }, filter: {} });
    const parsed = parseResponse({ data: { items: [{ __typename: 'Tenant', id: 'a', shortName: 'Школа' }], total: { __typename: 'ListMetadata', count: 41 } } } as never);
    expect(parsed).toEqual({ data: [{ id: 'a', shortName: 'Школа' }], total: 41 });
  });

  it('gets many through the ids filter and references through the target field', () => {
    const many = buildQuery('GET_MANY', 'tenants', { ids: ['a', 'b'] });
    valid(many.query);
    expect(many.variables).toEqual({ filter: { ids: ['a', 'b'] }, page: 0, perPage: 2 });
    const reference = buildQuery('GET_MANY_REFERENCE', 'tenants', {
      target: 'parentId',
      id: 'p',
      filter: {},
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'path', order: 'ASC' },
    });
    valid(reference.query);
    expect(reference.variables).toEqual({ page: 0, perPage: 50, sortField: 'path', sortOrder: 'ASC', filter: { parentId: 'p' } });
  });

  it('creates with the input fields only, an emptied optional field as null', () => {
    const { query, variables } = buildQuery('CREATE', 'tenants', {
      data: { kind: 'MUNICIPALITY', code: 'demo-x', parentId: 'r', fullName: 'Район', shortName: 'Район', address: '', id: 'ignored', path: 'ignored' },
    });
    valid(query);
    expect(variables).toEqual({ input: { kind: 'MUNICIPALITY', code: 'demo-x', parentId: 'r', fullName: 'Район', shortName: 'Район', address: null } });
  });

  it('updates only what changed, within what the update input accepts', () => {
    const previous = { id: 't', kind: 'ORGANISATION', code: 'sch51', parentId: 'm', fullName: 'Школа', shortName: 'Школа', orgType: 'SCHOOL', address: null };
    const { query, variables } = buildQuery('UPDATE', 'tenants', { id: 't', data: { ...previous, shortName: 'Школа № 51', address: '', code: 'changed' }, previousData: previous });
    valid(query);
    // code is not in UpdateTenantInput; address '' → null equals the previous null.
    expect(variables).toEqual({ id: 't', input: { shortName: 'Школа № 51' } });
  });

  it('deletes one or many', () => {
    valid(buildQuery('DELETE', 'tenants', { id: 't' }).query);
    const many = buildQuery('DELETE_MANY', 'tenants', { ids: ['a', 'b'] });
    valid(many.query);
    expect(many.variables).toEqual({ id0: 'a', id1: 'b' });
    expect(many.parseResponse({ data: { r0: { id: 'a' }, r1: { id: 'b' } } } as never)).toEqual({ data: ['a', 'b'] });
    valid(buildQuery('GET_ONE', 'tenants', { id: 't' }).query);
  });

  it('refuses a resource that is not registered, or whose type the API lacks yet', () => {
    expect(() => buildQuery('GET_LIST', 'unknown', {})).toThrow(HttpError);
    const future = buildQueryFactory([{ resource: 'surveys', graphqlType: 'NoSuchSurvey' }])(introspection);
    expect(() => future('GET_LIST', 'surveys', {})).toThrow('Сервер пока не поддерживает раздел «surveys»');
  });

  it('builds valid operations for every resource the API exposes in the convention', () => {
    const query = schema.getQueryType()!.getFields();
    const listed = Object.keys(query).filter((name) => /^all[A-Z]/.test(name) && query[`_${name}Meta`]);
    expect(listed).toContain('allTenants');
    for (const list of listed) {
      const graphqlType = String(query[list].type).replace(/[[\]!]/g, '');
      const plural = list.slice('all'.length);
      const build = buildQueryFactory([{ resource: 'r', graphqlType, plural: plural === pluralize(graphqlType) ? undefined : plural }])(introspection);
      valid(build('GET_LIST', 'r', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} }).query);
      if (query[graphqlType]) valid(build('GET_ONE', 'r', { id: 'x' }).query);
    }
  });

  it('pluralises type names as the API names its lists', () => {
    expect(['Tenant', 'Programme', 'Pair', 'Activity', 'Match', 'Survey'].map(pluralize)).toEqual(['Tenants', 'Programmes', 'Pairs', 'Activities', 'Matches', 'Surveys']);
  });
});

describe('console data provider: errors', () => {
  it('turns the API codes into react-admin statuses with the Russian message', () => {
    const unauthenticated = httpErrorFromGraphql([{ message: 'Требуется вход в систему.', extensions: { code: 'UNAUTHENTICATED' } }]);
    expect([unauthenticated.status, unauthenticated.message]).toEqual([401, 'Требуется вход в систему.']);
    expect(httpErrorFromGraphql([{ message: 'Недостаточно прав.', extensions: { code: 'FORBIDDEN' } }]).status).toBe(403);
    expect(httpErrorFromGraphql([{ message: 'Не найдена.', extensions: { code: 'NOT_FOUND' } }]).status).toBe(404);
    const conflict = httpErrorFromGraphql([{ message: 'Код «sch51» уже занят.', extensions: { code: 'CONFLICT' } }]);
    expect([conflict.status, conflict.message]).toEqual([409, 'Код «sch51» уже занят.']);
  });

  it('puts VALIDATION_FAILED details on the form fields', () => {
    const error = httpErrorFromGraphql([
      {
        message: 'Код: от 2 до 40 символов (и ещё ошибок: 1)',
        extensions: { code: 'VALIDATION_FAILED', details: [{ field: 'code', message: 'Код: от 2 до 40 символов' }, { field: 'fullName', message: 'Укажите полное наименование.' }] },
      },
    ]);
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      code: 'VALIDATION_FAILED',
      errors: { code: 'Код: от 2 до 40 символов', fullName: 'Укажите полное наименование.', root: { serverError: 'Код: от 2 до 40 символов (и ещё ошибок: 1)' } },
    });
  });

  it('unwraps what ra-data-graphql throws and words network failures in Russian', () => {
    const wrapped = new HttpError('GraphQL error', 200, { graphQLErrors: [{ message: 'Организация не найдена или недоступна.', extensions: { code: 'NOT_FOUND' } }] });
    expect([toHttpError(wrapped).status, toHttpError(wrapped).message]).toEqual([404, 'Организация не найдена или недоступна.']);
    expect(toHttpError(new TypeError('Failed to fetch')).message).toBe('Сервер платформы недоступен. Проверьте подключение и повторите попытку.');
    expect(toHttpError(new HttpError('Failed to fetch', 0)).message).toMatch(/^Сервер платформы недоступен/);
    expect(toHttpError(new HttpError('Response not successful: Received status code 502', 502)).message).toBe('Сервер ответил ошибкой (код 502). Повторите попытку позже.');
  });
});

describe('console data provider: file uploads to REST routes', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('posts the raw file with the bearer token and returns the JSON answer; a refusal is an HttpError with the API message', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const answers = [new Response(JSON.stringify({ rows: 2, created: 2 }), { status: 200 }), new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: 'Файл больше 5 МБ: разделите его на части.' }), { status: 413 })];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answers.shift() as Response;
    }) as typeof fetch;
    const provider = createDataProvider({ apiBase: 'http://api', bindings: [], getToken: async () => 'tkn' });
    const file = new Blob([new Uint8Array([80, 75, 3, 4])]);
    expect(await provider.uploadFile('/participants/import?format=xlsx&dryRun=true', file)).toEqual({ rows: 2, created: 2 });
    expect(calls[0].url).toBe('http://api/participants/import?format=xlsx&dryRun=true');
    expect(calls[0].init).toMatchObject({ method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer tkn' } });
    const refused = await provider.uploadFile('/participants/import?format=xlsx&dryRun=true', file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect([(refused as HttpError).status, (refused as HttpError).message]).toEqual([413, 'Файл больше 5 МБ: разделите его на части.']);
  });
});
