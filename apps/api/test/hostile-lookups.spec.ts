import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor } from '@nastavnik/testing/test-context';

/*
 * Issue 11, item 1: `sortField: "__proto__"` handed TypeORM Object.prototype, which then carried
 * `p.id` into every object of the process — every tenant's queries failed until restart. Every
 * list of the schema (a new one included), every key that a plain object answers, every role that
 * may list: VALIDATION_FAILED, and the process unharmed afterwards.
 */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const lists = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => !field.name.startsWith('_') && field.args.some((arg) => arg.name === 'sortField'));

describe('keys from outside never reach a plain object', () => {
  let api: TestApi;
  let db: TestDb;
  let curator: string;
  let admin: string;
  let schoolCode: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    const { school } = await db.newSchoolWorld();
    schoolCode = school.code;
    curator = tokenFor('curator', school.code);
    admin = tokenFor('platform-admin', null);
  });

  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it(`every list (${lists.length}) refuses a prototype key as its sort field with VALIDATION_FAILED; the process is unharmed`, async () => {
    expect(lists.length).toBeGreaterThan(20); // the `_allXMeta` counts take the list's arguments but do not sort
    const answers: string[] = [];
    for (const list of lists) {
      for (const key of PROTOTYPE_KEYS) {
        // The platform admin may list everything, so no FORBIDDEN hides the sort field's check.
        const response = await api.gql(admin, `query($s: String) { ${list.name}(sortField: $s) { __typename } }`, { s: key });
        answers.push(`${list.name} ${key}: ${codesOf(response).join(',') || 'OK'}`);
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(': VALIDATION_FAILED'))).toEqual([]);

    expect(({} as Record<string, unknown>).id).toBeUndefined();
    const mine = await api.gql<{ myTenant: { code: string } }>(curator, `{ myTenant { code } }`);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myTenant.code).toBe(schoolCode);
  });

  it('a file whose cells are prototype keys gets row problems, not an internal error', async () => {
    const csv = ['Фамилия;Имя;Категория;Пол;База;Согласие: подписал;Согласие: кем приходится', 'Иванов;Иван;constructor;toString;__proto__;valueOf;hasOwnProperty'].join('\n');
    const response = await api.gql<{ importParticipants: { errors: { line: number; message: string }[] } }>(
      curator,
      `mutation($f: String!) { importParticipants(file: $f, format: CSV, dryRun: true) { errors { line message } } }`,
      { f: Buffer.from(csv).toString('base64') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.importParticipants.errors.map((e) => e.line)).toContain(2);
    expect(response.data?.importParticipants.errors.map((e) => e.message).join(' ')).toMatch(/Неизвестная категория «constructor»/);
  });
});
