/**
 * The federation bench's baseline: the indicator bench's hand-written aggregate over the base
 * tables (`../indicators/bare-aggregate.ts`, read there) with the schools' contingents (ADR 0027)
 * for the population denominators — what the engine computes since issue 14: where a school has a
 * contingent for the period, T1, T2, N1, M1, M2, M3 and M5 divide by its headcounts under the same
 * condition on kind and age, else by its registered people. Run by the owner (no RLS, no fact
 * views, no writes). Parameters as there: $1 period, $2 reference date, $3 period end, $4 the
 * organisations' ids. Output: one row per organisation, columns `<code>:n` and `<code>:d`.
 */
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { bareAggregateSql } from '../indicators/bare-aggregate';

/** The population denominators and their condition over (kind, age): the definitions' own conditions. */
const POPULATION: [string, string][] = [
  ['T1:d', `kind = 'student' and age between 10 and 19`],
  ['T2:d', `kind = 'student' and age between 15 and 19`],
  ['N1:d', `kind = 'student'`],
  ['M1:d', `kind = 'student'`],
  ['M2:d', `kind = 'teacher'`],
  ['M3:d', `kind in ('student', 'teacher')`],
  ['M5:d', `kind in ('student', 'teacher')`],
];

export function bareFederationSql(): string {
  const sums = POPULATION.map(([name, where]) => `coalesce(sum(headcount) filter (where ${where}), 0) as "${name}"`).join(',\n         ');
  const replaced = new Set(POPULATION.map(([name]) => name));
  const column = (name: string) => (replaced.has(name) ? `case when contingent.tenant_id is not null then contingent."${name}" else bare."${name}" end as "${name}"` : `bare."${name}"`);
  const columns = INDICATORS.flatMap((d) => [`${d.code}:n`, ...(d.denominator ? [`${d.code}:d`] : [])]).map(column);
  return `
with bare as (${bareAggregateSql()}),
contingent as (
  select tenant_id,
         ${sums}
    from (select a.tenant_id, 'student' as kind, a.age::int as age, a.pupils as headcount
            from school_contingents c join school_contingent_ages a on a.tenant_id = c.tenant_id and a.contingent_id = c.id
           where c.school_year = $1 and c.tenant_id = any ($4::uuid[])
          union all
          select tenant_id, 'teacher', null, teachers from school_contingents where school_year = $1 and tenant_id = any ($4::uuid[])) h
   group by tenant_id)
select bare.tenant_id, ${columns.join(', ')}
  from bare left join contingent on contingent.tenant_id = bare.tenant_id`;
}
