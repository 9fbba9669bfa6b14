import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { dumpSchema, REGENERATE_COMMAND, SCHEMA_FILE } from './dump-schema';
import { migrateUp } from './migrate';

type Edit = { op: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The shortest line edit from `a` to `b` (Myers); undefined when they differ in more than `maxEdits` lines. */
function lineEdits(a: string[], b: string[], maxEdits = 2000): Edit[] | undefined {
  const offset = a.length + b.length + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(maxEdits, a.length + b.length); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return backtrack(a, b, trace, offset);
    }
  }
  return undefined;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ op: ' ', line: a[--x], a: x, b: --y });
    if (d > 0) edits.push(x === prevX ? { op: '+', line: b[--y], a: x, b: y } : { op: '-', line: a[--x], a: x, b: y });
  }
  return edits.reverse();
}

/** A unified diff of two texts (3 lines of context), at most `limit` lines of it. */
function unifiedDiff(committed: string, fresh: string, limit = 150): string {
  const edits = lineEdits(committed.split('\n'), fresh.split('\n'));
  if (!edits) return '(the texts differ in more than 2,000 lines)';
  const out = [`--- ${relative(process.cwd(), SCHEMA_FILE)} (committed)`, '+++ a fresh dump of the migrations'];
  const changed = edits.map((e, i) => (e.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const first = Math.max(0, changed[i] - 3);
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last <= 7) last = changed[++i];
    i++;
    const hunk = edits.slice(first, Math.min(edits.length, last + 4));
    out.push(`@@ -${hunk[0].a + 1},${hunk.filter((e) => e.op !== '+').length} +${hunk[0].b + 1},${hunk.filter((e) => e.op !== '-').length} @@`);
    out.push(...hunk.map((e) => `${e.op}${e.line}`));
  }
  return out.length > limit ? [...out.slice(0, limit), `… ${out.length - limit} more lines`].join('\n') : out.join('\n');
}

/**
 * infra/postgres/schema/schema.sql is what the migrations build: a reviewer reads a change of
 * schema, grants or row-level policies in its diff. A migration added or changed without
 * regenerating the file fails here, with the difference and the command that regenerates it.
 */
describe('the committed schema dump', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'schema');

  beforeAll(async () => {
    await database.create();
    await migrateUp(database.ownerUrl);
  }, 120_000);
  afterAll(() => database.drop());

  it('is a dump of a freshly migrated database', async () => {
    const fresh = await dumpSchema(database.ownerUrl);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (fresh !== committed) {
      throw new Error(
        `${relative(process.cwd(), SCHEMA_FILE)} is not what the migrations build. Regenerate it and commit the result:\n\n    ${REGENERATE_COMMAND}\n\n${unifiedDiff(committed, fresh)}`,
      );
    }
  });
});
