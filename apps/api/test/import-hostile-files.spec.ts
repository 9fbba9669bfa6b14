import { monitorEventLoopDelay } from 'node:perf_hooks';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { zipBombXlsx } from '@nastavnik/testing/xlsx-files';
import { codesOf, TestApi, type GqlResponse } from './test-api';

type Report = { rows: number; created: number; updated: number; unchanged: number; committed: boolean; dryRun: boolean; errors: { line: number; column: string | null; message: string }[] };

const IMPORT = `mutation($f: String!, $fmt: ImportFormat!, $dry: Boolean!) {
  importParticipants(file: $f, format: $fmt, dryRun: $dry) { rows created updated unchanged committed dryRun errors { line column message } }
}`;

const TOO_LARGE_UNPACKED = /^Файл XLSX после распаковки больше 40 МБ — похоже, он повреждён или содержит лишние данные/;
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
const rss = () => {
  gc?.();
  return process.memoryUsage().rss;
};

/**
 * Files built to hurt: a 600 KB XLSX whose sheet holds a million rows (~120 MB of XML), the same
 * with a central directory that lies about the sheet's size, and bodies larger than each route
 * takes. Each is refused quickly, with its cause in Russian, without the big allocation and
 * without blocking the event loop (it used to: 10–12 s, +0.9 GB, then «Не удалось прочитать»).
 */
describe('participants import: hostile and oversized files', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let region: TenantRow;
  let curator: string;
  let bomb: Buffer;

  const gql = (file: Buffer) => api.gql<{ importParticipants: Report }>(curator, IMPORT, { f: file.toString('base64'), fmt: 'XLSX', dry: true });
  const upload = (file: Buffer, query = 'format=xlsx&dryRun=true', token: string | null = curator, type = 'application/octet-stream') => {
    let call = api.http().post(`/participants/import?${query}`).set('content-type', type);
    if (token) call = call.set('authorization', `Bearer ${token}`);
    return call.send(file);
  };
  const refusal = (response: GqlResponse) => [codesOf(response), response.errors?.[0]?.message];

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    ({ school, region } = await db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
    bomb = await zipBombXlsx(1_000_000);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('a million-row zip bomb: VALIDATION_FAILED naming the cause in < 2 s, RSS + < 100 MB, the event loop never blocked', async () => {
    expect(bomb.length).toBeLessThan(1_000_000);
    await gql(Buffer.from('warm-up')); // first-call costs (JIT, pools) are not the bomb's
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const before = rss();
    delay.enable();
    const started = Date.now();
    const response = await gql(bomb);
    const elapsed = Date.now() - started;
    delay.disable();
    const grown = rss() - before;
    expect(refusal(response)).toEqual([['VALIDATION_FAILED'], expect.stringMatching(TOO_LARGE_UNPACKED)]);
    expect(elapsed).toBeLessThan(2000);
    expect(grown).toBeLessThan(100 * MB);
    expect(delay.max / 1e6).toBeLessThan(500); // ms
  });

  it('four bombs at once are all refused, together in < 2 s', async () => {
    const started = Date.now();
    const [first, second, third, fourth] = await Promise.all([gql(bomb), gql(bomb), upload(bomb), upload(bomb)]);
    expect(Date.now() - started).toBeLessThan(2000);
    for (const response of [first, second]) expect(refusal(response)).toEqual([['VALIDATION_FAILED'], expect.stringMatching(TOO_LARGE_UNPACKED)]);
    for (const response of [third, fourth]) {
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body.message).toMatch(TOO_LARGE_UNPACKED);
    }
  });

  it('a sheet whose header lies about its size is refused at the first byte past the declared size, or at row 5001', async () => {
    const before = rss();
    const started = Date.now();
    const small = await gql(await zipBombXlsx(1_000_000, 100_000));
    expect(refusal(small)).toEqual([['VALIDATION_FAILED'], expect.stringMatching(/^Файл XLSX повреждён: данные внутри архива больше, чем указано в его оглавлении/)]);
    const almost = await gql(await zipBombXlsx(1_000_000, 39_000_000));
    expect(refusal(almost)).toEqual([['VALIDATION_FAILED'], 'В файле больше 5000 строк с данными. Разделите файл на части.']);
    expect(Date.now() - started).toBeLessThan(4000); // both files generated and refused
    expect(rss() - before).toBeLessThan(100 * MB);
  });

  it('POST /participants/import takes a raw file of up to 5 MB after authentication, answering the same report as the mutation', async () => {
    const lines = ['Фамилия;Имя;Дата рождения;Категория;Примечание'];
    const word = (i: number) => [...String(i).padStart(4, '0')].map((d) => 'абвгдежзик'[Number(d)]).join('');
    for (let i = 0, length = 0; length < 2_000_000; i += 1) {
      lines.push(`Большов${word(i)};Пётр;15.05.1985;педагог;${'длинная заметка '.repeat(30)}`);
      length += lines[lines.length - 1].length;
    }
    const file = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    expect(file.length).toBeGreaterThan(3_000_000); // too large for the mutation (1.5 MB) …
    const viaGraphql = await api.gql(curator, IMPORT, { f: file.subarray(0, 1_500_100).toString('base64'), fmt: 'CSV', dry: true });
    expect(refusal(viaGraphql)).toEqual([['VALIDATION_FAILED'], 'Файл больше 1,5 МБ: разделите его на части.']);
    const dry = await upload(file, 'format=csv&dryRun=true'); // … and taken by the route
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: lines.length - 1, created: lines.length - 1, errors: [], dryRun: true, committed: false });
    const count = async () => Number((await db.owner.query(`select count(*) from participants where tenant_id = $1`, [school.id])).rows[0].count);
    expect(await count()).toBe(0);
    const commit = await upload(file, 'format=csv&dryRun=false');
    expect([commit.status, commit.body.committed, await count()]).toEqual([200, true, lines.length - 1]);
  });

  it('the route refuses what it must: over 5 MB (413), no token (401), a role without personal data (403), bad parameters or body type (400/415)', async () => {
    const tooLarge = [413, { code: 'VALIDATION_FAILED', message: 'Файл больше 5 МБ: разделите его на части.' }];
    const over = await upload(Buffer.alloc(5_000_001, 0x41), 'format=csv&dryRun=true'); // refused by its Content-Length, unread
    expect([over.status, over.body]).toEqual(tooLarge);
    const streamed = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      // No Content-Length (chunked): refused at the chunk past 5 MB, the rest dropped as it arrives.
      const call = api.http().post('/participants/import?format=csv&dryRun=true').set('authorization', `Bearer ${curator}`).set('content-type', 'application/octet-stream');
      for (let i = 0; i < 8; i += 1) call.write(Buffer.alloc(1_000_000, 0x41));
      call.end((error, response) => (error ? reject(error) : resolve(response)));
    });
    expect([streamed.status, streamed.body]).toEqual(tooLarge);
    const anonymous = await upload(bomb, 'format=xlsx&dryRun=true', null);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const analyst = await upload(bomb, 'format=xlsx&dryRun=true', tokenFor('region-analyst', region.code));
    expect([analyst.status, analyst.body.code]).toEqual([403, 'FORBIDDEN']);
    const badFormat = await upload(bomb, 'format=pdf&dryRun=true');
    expect([badFormat.status, badFormat.body.code, badFormat.body.message]).toEqual([400, 'VALIDATION_FAILED', 'Формат файла (format): xlsx или csv.']);
    const json = await api.http().post('/participants/import?format=csv&dryRun=true').set('authorization', `Bearer ${curator}`).send({ file: 'x' });
    expect([json.status, json.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await upload(Buffer.alloc(0), 'format=csv&dryRun=true');
    expect([empty.status, empty.body.message]).toEqual([400, 'Файл пуст.']);
    // The raw body type is the route's alone: elsewhere it is refused unread, as a type no route takes.
    for (const path of ['/graphql', '/health']) {
      const post = (type: string) => api.http().post(path).set('authorization', `Bearer ${curator}`).set('content-type', type).send(Buffer.from('{}'));
      const [raw, unknown] = [await post('application/octet-stream'), await post('application/x-nastavnik-unknown')];
      expect([raw.status, raw.body]).toEqual([unknown.status, unknown.body]);
      expect(JSON.stringify(raw.body)).toMatch(path === '/graphql' ? /VALIDATION_FAILED/ : /NOT_FOUND/);
    }
  });
});
