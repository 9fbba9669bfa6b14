import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATORS } from '../src/indicator-definitions';
import { compileIndicatorSql } from '../src/indicator-engine';

const FILE = join(__dirname, '..', 'src', 'indicator-engine.generated.sql');
const HEADER = `-- The indicator engine's one statement, as compileIndicatorSql(INDICATORS) generates it
-- (libs/monitoring/src/indicator-engine.ts; docs/adr/0006, 0027). Committed so that a change of a
-- definition or of the compiler is reviewed as SQL. Do not edit: regenerate with
--   UPDATE_ENGINE_SQL=1 npx jest libs/monitoring/test/indicator-engine-sql.spec.ts
-- Parameters: $1 period, $2 reference date (1 September), $3 period end, $4 the organisations' ids.
`;

/** The committed SQL is what the engine runs: a change to the definitions or the compiler shows up in review as SQL. */
describe('indicator engine: the committed SQL is the compiled statement', () => {
  it('indicator-engine.generated.sql equals compileIndicatorSql(INDICATORS)', () => {
    const compiled = `${HEADER}${compileIndicatorSql(INDICATORS)};\n`;
    if (process.env.UPDATE_ENGINE_SQL === '1') writeFileSync(FILE, compiled);
    expect(readFileSync(FILE, 'utf8')).toBe(compiled);
  });

  it('population denominators read the contingent first and say which source they used', () => {
    const sql = compileIndicatorSql(INDICATORS);
    expect(sql).toContain('from ind_contingent_facts c');
    expect(sql).toContain('a_contingent.tenant_id is not null as from_contingent');
    // T1's denominator: the contingent's 10–19-year-olds, else the registered ones.
    expect(sql).toMatch(/case when a_contingent\.tenant_id is not null then coalesce\(a_contingent\.c\d+, 0\) else coalesce\(a_persons\.c\d+, 0\) end as d0/);
  });
});
