import { Client, types } from 'pg';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { parseTextArray, parseTimestamptz, useFastTypeParsers } from '@nastavnik/platform/database/pg-type-parsers';

const parsePg = types.getTypeParser(1184, 'text') as (text: string) => Date | number | null;
type Oid = Parameters<typeof types.getTypeParser>[0];
const parsePgArray = types.getTypeParser(1009 as Oid, 'text') as (text: string) => unknown;
const same = (text: string) => {
  const ours = parseTimestamptz(text);
  const theirs = parsePg(text);
  return { text, ours: ours instanceof Date ? ours.getTime() : ours, theirs: theirs instanceof Date ? theirs.getTime() : theirs };
};

/** Our timestamptz parser gives pg's Date (postgres-date) for every text Postgres writes, and falls back to it for the rest. */
describe('pg type parsers', () => {
  it('reads the shapes Postgres writes as pg does: fractions of 1–6 digits, offsets ±HH, ±HH:MM, ±HH:MM:SS', () => {
    const texts = [
      '2026-12-05 16:06:00+03', '2026-12-05 16:06:00.1+03', '2026-12-05 16:06:00.123456+03', '2026-12-05 16:06:00.999999-09:30',
      '2024-02-29 23:59:59.5+05:45', '1900-01-01 00:00:00+02:30:17', '1000-01-01 00:00:00+00', '9999-12-31 23:59:59.999999+14',
      '2026-03-29 02:30:00+01', '2026-12-05 00:00:00-00:44:30',
    ];
    for (const text of texts) {
      const { ours, theirs } = same(text);
      expect({ text, ours }).toEqual({ text, ours: theirs });
      expect(typeof ours).toBe('number');
    }
  });

  it('leaves to pg what it does not read itself: BC, years before 1000 or after 9999, infinity, other shapes', () => {
    for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '0099-01-01 00:00:00+00', '0999-06-01 10:00:00+03', '12026-01-01 00:00:00+00', '2026-12-05 16:06:00', '2026-12-05', '2026-12-05 16:06:00.+03', '2026-12-05T16:06:00Z']) {
      const { ours, theirs } = same(text);
      expect({ text, ours }).toEqual({ text, ours: theirs });
    }
  });

  it('agrees with pg on 50,000 generated timestamps', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    for (let i = 0; i < 50_000; i++) {
      const fraction = next(3) === 0 ? '' : `.${pad(next(1_000_000), 6).slice(0, 1 + next(6))}`;
      const zone = ['+', '-'][next(2)] + pad(next(15), 2) + (next(2) ? `:${pad(next(60), 2)}${next(4) === 0 ? `:${pad(next(60), 2)}` : ''}` : '');
      const text = `${1000 + next(9000)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)} ${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}${fraction}${zone}`;
      const { ours, theirs } = same(text);
      if (ours !== theirs) expect({ text, ours }).toEqual({ text, ours: theirs });
    }
  });

  it('reads text[] as pg does, over 5,000 arrays as Postgres writes them (quoted, escaped, NULL, empty, nested)', async () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = ['a', 'слово', 'NULL', 'null', '', ' ', ',', '"', '\\', '{', '}', 'x y', 'Иванов И.', '😀', '\n'];
    const arrays: (string | null)[][] = [];
    for (let i = 0; i < 5_000; i++) arrays.push(Array.from({ length: next(6) }, () => (next(10) === 0 ? null : Array.from({ length: 1 + next(3) }, () => pieces[next(pieces.length)]).join(''))));
    const client = new Client({ connectionString: readTestEnv().superuserUrl });
    await client.connect();
    try {
      const texts = (await client.query<{ t: string }>(`select coalesce((select array_agg(x order by n) from jsonb_array_elements_text(a) with ordinality e(x, n)), '{}')::text as t from jsonb_array_elements($1::jsonb) with ordinality o(a, i) order by i`, [JSON.stringify(arrays)])).rows.map((row) => row.t);
      const nested = (await client.query<{ t: string }>(`select array[array['a','b'],array['c',null]]::text as t union all select '[0:1]={x,y}'::text[]::text`)).rows.map((row) => row.t);
      expect(texts).toHaveLength(arrays.length);
      let plain = 0;
      texts.forEach((text, i) => {
        expect({ text, ours: parseTextArray(text) }).toEqual({ text, ours: arrays[i] });
        if (!/["\\]/.test(text)) plain += 1;
      });
      for (const text of [...nested, '{}', '{NULL}', '{"NULL"}', '{""}']) expect({ text, ours: parseTextArray(text) }).toEqual({ text, ours: parsePgArray(text) });
      // The generated arrays include plain ones (the fast path) and quoted ones (pg's parser).
      expect(plain).toBeGreaterThan(500);
      expect(plain).toBeLessThan(texts.length - 500);
    } finally {
      await client.end();
    }
  });

  it('is what pg uses once installed', () => {
    useFastTypeParsers();
    expect(types.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(types.getTypeParser(1009 as Oid, 'text')).toBe(parseTextArray);
    expect(types.getTypeParser(1015 as Oid, 'text')).toBe(parseTextArray);
  });
});
