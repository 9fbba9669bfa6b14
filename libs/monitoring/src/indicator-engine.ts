import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { type FactCount, INDICATORS, type IndicatorDefinition, percentValue, validateDefinitions } from './indicator-definitions';
import { FACTS, type FactName, periodBounds } from './indicator-facts';

export type SnapshotRow = {
  tenantId: string;
  code: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
};

/** Which organisations to compute: a subtree (region, municipality) or a list. */
export type EngineTarget = { path: string } | { tenantIds: string[] };

/**
 * The region-wide indicator computation. It runs under its own database role
 * (`nastavnik_indicators`, docs/adr/0006), which reads only the column-minimal fact views and the
 * tenant tree and writes only snapshots — it has to see every school at once, so it cannot run
 * under one person's scope. One SQL statement computes every indicator for every organisation of
 * the target; the upsert makes a retried job write each snapshot once.
 */
@Injectable()
export class IndicatorEngine implements OnModuleDestroy {
  private readonly logger = new Logger(IndicatorEngine.name);
  private readonly pool: Pool;
  readonly sql: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    validateDefinitions(INDICATORS);
    this.pool = new Pool({ connectionString: config.indicatorsDatabaseUrl, max: 2, application_name: 'nastavnik-indicators' });
    this.sql = compileIndicatorSql(INDICATORS);
  }

  /** Computes (without writing) the snapshots of the target for a period. */
  async compute(target: EngineTarget, period: string, client?: PoolClient): Promise<SnapshotRow[]> {
    const { start, end } = periodBounds(period);
    const run = client ?? this.pool;
    // The organisations first, then every fact filtered by `tenant_id = any(ids)` — an index condition.
    const ids = 'tenantIds' in target
      ? target.tenantIds
      : (await run.query<{ id: string }>(`select id from tenants where kind = 'organisation' and path <@ $1::ltree`, [target.path])).rows.map((r) => r.id);
    const { rows } = await run.query<Record<string, string | null>>(this.sql, [period, start, end, ids]);
    return rows.flatMap((row) =>
      INDICATORS.map((d, i) => {
        const numerator = Number(row[`n${i}`]);
        const denominator = d.denominator ? Number(row[`d${i}`]) : null;
        return { tenantId: row.tenant_id as string, code: d.code, numerator, denominator, value: d.unit === 'percent' ? percentValue(numerator, denominator) : numerator };
      }),
    );
  }

  /** Computes and stores the snapshots in one transaction; returns them. */
  async recompute(target: EngineTarget, period: string): Promise<SnapshotRow[]> {
    const client = await this.pool.connect();
    const computationId = randomUUID();
    try {
      await client.query('begin');
      const rows = await this.compute(target, period, client);
      if (rows.length > 0) {
        await client.query(
          `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computed_at, computation_id)
           select r.tenant_id, t.path, $1, r.code, r.numerator, r.denominator, now(), $2
             from unnest($3::uuid[], $4::text[], $5::bigint[], $6::bigint[]) as r(tenant_id, code, numerator, denominator)
             join tenants t on t.id = r.tenant_id
           on conflict (tenant_id, period, indicator_code) do update
             set tenant_path = excluded.tenant_path, numerator = excluded.numerator, denominator = excluded.denominator,
                 computed_at = excluded.computed_at, computation_id = excluded.computation_id
             -- An unchanged value is not rewritten: a nightly recompute of a stable region writes little.
             where (indicator_snapshots.numerator, indicator_snapshots.denominator, indicator_snapshots.tenant_path)
                   is distinct from (excluded.numerator, excluded.denominator, excluded.tenant_path)`,
          [period, computationId, rows.map((r) => r.tenantId), rows.map((r) => r.code), rows.map((r) => r.numerator), rows.map((r) => r.denominator)],
        );
      }
      await client.query('commit');
      this.logger.log(`computed ${rows.length} snapshots for ${period} (${computationId})`);
      return rows;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The engine's own connection, for the job that works off the recompute requests. */
  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * One statement for all definitions: the organisations of the target, one CTE per fact used,
 * one aggregate per fact with a filtered distinct count per numerator/denominator, and a join.
 * Parameters: $1 period, $2 reference date, $3 period end, $4 the organisations' ids.
 */
export function compileIndicatorSql(definitions: IndicatorDefinition[]): string {
  const facts = new Map<FactName, string[]>();
  const columns: string[] = [];
  const column = (count: FactCount, alias: string): void => {
    const list = facts.get(count.fact) ?? [];
    list.push(`count(distinct unit_id) filter (where ${count.where}) as ${alias}`);
    facts.set(count.fact, list);
    columns.push(`coalesce(a_${count.fact}.${alias}, 0) as ${alias}`);
  };
  definitions.forEach((d, i) => {
    column(d.numerator, `n${i}`);
    if (d.denominator) column(d.denominator, `d${i}`);
  });
  const ctes = [
    `orgs as (select t.id as tenant_id from tenants t
               where t.kind = 'organisation' and t.id = any ($4::uuid[]) and $1::text is not null and $2::date <= $3::date)`,
    ...[...facts.entries()].flatMap(([fact, aggregates]) => [
      `f_${fact} as (select f.* from (${FACTS[fact]}) f where f.tenant_id = any ($4::uuid[]))`,
      `a_${fact} as (select tenant_id, ${aggregates.join(', ')} from f_${fact} group by tenant_id)`,
    ]),
  ];
  const joins = [...facts.keys()].map((fact) => `left join a_${fact} on a_${fact}.tenant_id = orgs.tenant_id`).join('\n  ');
  return `with ${ctes.join(',\n')}\nselect orgs.tenant_id, ${columns.join(', ')}\n  from orgs\n  ${joins}\n order by orgs.tenant_id`;
}
