import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';

/** The snapshot codes of one question's outcome: `OUT.<question>.<measure>` (docs/adr/0035). */
export const OUTCOME_MEASURES = {
  /** Pairs: persons with both answers. */
  N: 'pairs',
  /** Σ «до» over the pairs (denominator: pairs). */
  B: 'sumBefore',
  /** Σ «после» over the pairs (denominator: pairs). */
  A: 'sumAfter',
  /** Persons with «до» only. */
  U: 'onlyBefore',
  /** Persons with «после» only. */
  V: 'onlyAfter',
} as const;

/**
 * The question's hash (role, kind, text — case and spacing aside) as the fact view
 * `ind_outcome_facts` computes it; `role`, `kind` and `text` are SQL expressions.
 */
export function outcomeQuestionSql(role: string, kind: string, text: string): string {
  return `upper(substr(md5(${role} || '|' || ${kind} || ':' || lower(regexp_replace(btrim(${text}), '\\s+', ' ', 'g'))), 1, 12))`;
}

/**
 * Stores the outcome facts of every school under `path` for the period as `OUT.*` snapshots, and
 * removes the `OUT.*` snapshots of those schools that no longer have a fact (answers deleted), in
 * one transaction. Runs on the indicator engine's connection (its role alone reads the fact and
 * writes snapshots, ADR 0006). Returns the number of snapshots written or kept.
 */
export async function storeOutcomeSnapshots(client: PoolClient, period: string, path: string): Promise<number> {
  const computationId = randomUUID();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ n: string }>(
      `with fresh as (
         select f.tenant_id, t.path, 'OUT.' || f.question || '.' || m.measure as code, m.numerator, m.denominator
           from ind_outcome_facts f
           join tenant_tree t on t.id = f.tenant_id and t.kind = 'organisation'
           cross join lateral (values ('N', f.pairs, null::bigint), ('B', f.sum_before, f.pairs), ('A', f.sum_after, f.pairs),
                                      ('U', f.only_before, null::bigint), ('V', f.only_after, null::bigint)) as m(measure, numerator, denominator)
          where f.period = $1 and t.path <@ $2::ltree),
       gone as (
         delete from indicator_snapshots s
          where s.period = $1 and s.tenant_path <@ $2::ltree and s.indicator_code like 'OUT.%'
            and not exists (select from fresh where fresh.tenant_id = s.tenant_id and fresh.code = s.indicator_code)),
       written as (
         insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computed_at, computation_id)
         select tenant_id, path, $1, code, numerator, denominator, now(), $3 from fresh
         on conflict (tenant_id, period, indicator_code) do update
           set tenant_path = excluded.tenant_path, numerator = excluded.numerator, denominator = excluded.denominator,
               computed_at = excluded.computed_at, computation_id = excluded.computation_id
           where (indicator_snapshots.numerator, indicator_snapshots.denominator, indicator_snapshots.tenant_path)
                 is distinct from (excluded.numerator, excluded.denominator, excluded.tenant_path))
       select count(*) as n from fresh`,
      [period, path, computationId],
    );
    await client.query('commit');
    return Number(rows[0].n);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
