import { types } from 'pg';

/** pg's type of an OID; its list names no array types, whose OIDs pg's parsers take all the same. */
type Oid = Parameters<typeof types.getTypeParser>[0];
const TIMESTAMPTZ: Oid = 1184;
const TEXT_ARRAY = 1009 as Oid;
const VARCHAR_ARRAY = 1015 as Oid;
/** pg's own parsers of the types, taken before ours replace them. */
const parsePostgresDate = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date | number | null;
const parsePgStringArray = types.getTypeParser(TEXT_ARRAY, 'text') as (text: string) => unknown;
const DIGIT_0 = 48;

/** The number of the two-digit field at `at`, or NaN. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - DIGIT_0;
  const b = text.charCodeAt(at + 1) - DIGIT_0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * A `timestamp with time zone` as Postgres writes it (DateStyle ISO: `2026-12-05 16:06:00.123456+03`,
 * an offset of `±HH`, `±HH:MM` or `±HH:MM:SS`) into the same Date that pg's own parser
 * (postgres-date) makes of it, by reading the fields at their fixed places instead of three
 * regular expressions and their match arrays (issue 15: ≈ 4 % of the API's CPU on a curator's
 * page, every row carrying its created and updated times). Anything else — years before 1000 or
 * after 9999, BC, ±infinity — goes to postgres-date. `apps/api/test/type-parsers.spec.ts`
 * compares the two on every shape Postgres writes.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length;
  if (length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return parsePostgresDate(text);
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    let end = at + 1;
    while (end < length && text.charCodeAt(end) >= DIGIT_0 && text.charCodeAt(end) <= DIGIT_0 + 9) end += 1;
    if (end === at + 1) return parsePostgresDate(text);
    ms = 1000 * parseFloat(text.slice(at, end));
    at = end;
  }
  const sign = text.charCodeAt(at) === 43 ? 1 : text.charCodeAt(at) === 45 ? -1 : 0;
  let offset = twoDigits(text, at + 1) * 3600;
  at += 3;
  if (at < length && text.charCodeAt(at) === 58) {
    offset += twoDigits(text, at + 1) * 60;
    at += 3;
    if (at < length && text.charCodeAt(at) === 58) {
      offset += twoDigits(text, at + 1);
      at += 3;
    }
  }
  if (!sign || at !== length || !(year >= 1000) || Number.isNaN(month + day + hour + minute + second + offset)) return parsePostgresDate(text);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - sign * offset * 1000);
}

/**
 * A `text[]` or `varchar[]` as Postgres writes it into the array pg's own parser makes of it. pg's
 * parser allocates an object per character (issue 15: 7 % of what a curator's page allocated — a
 * participant and each of their base entries carry five lists, mostly empty or of plain words).
 * A one-dimensional array none of whose elements Postgres quoted (no `"`, `\`, braces; an
 * unquoted NULL is null) is split on its commas; anything else goes to pg's parser.
 */
export function parseTextArray(text: string): unknown {
  if (text === '{}') return [];
  const last = text.length - 1;
  if (text.charCodeAt(0) !== 123 || text.charCodeAt(last) !== 125) return parsePgStringArray(text);
  const inner = text.slice(1, last);
  if (inner.includes('"') || inner.includes('\\') || inner.includes('{') || inner.includes('}')) return parsePgStringArray(text);
  return inner.split(',').map((element) => (element === 'NULL' ? null : element));
}

/** pg's parsers for the process, where ours read the same values faster (`parseTimestamptz`, `parseTextArray`). */
export function useFastTypeParsers(): void {
  types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
  types.setTypeParser(TEXT_ARRAY, parseTextArray);
  types.setTypeParser(VARCHAR_ARRAY, parseTextArray);
}
