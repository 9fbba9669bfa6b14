import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { type FactCount, INDICATORS, type IndicatorDefinition, percentValue, validateDefinitions } from './indicator-definitions';
import { CONTINGENT_SQL, FACTS, type FactName, PERSON_FACT, periodBounds } from './indicator-facts';
import { requiredValue } from '@nastavnik/contracts/lookup';

/** Which population a denominator counted: the school's contingent or its registered people (docs/adr/0027). */
export type DenominatorSource = 'contingent' | 'registered';

export type SnapshotRow = {
  tenantId: string;
  code: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  /** NULL where the denominator is no population (T3/T4: the respondents) or there is none. */
  denominatorSource: DenominatorSource | null;
};

/** A denominator that counts the school's population (persons): taken from the contingent where the school has one. */
export function isPopulationDenominator(d: IndicatorDefinition): boolean {
  return d.denominator?.fact === PERSON_FACT;
}

/**
 * Settings of the engine's connections (measured: docs/benchmarks-indicators.md). A region's
 * statement groups ~500,000 fact rows by person in memory: with the default 4 MB it spills to disk.
 * JIT compiling its ~300 expressions costs more than it saves. The engine runs a region as parts
 * on its own connections; Postgres' parallel workers on top would only crowd the cores (and its
 * parallel plan for this statement builds the per-person hash table once per worker).
 */
export const ENGINE_SETTINGS: Record<string, string> = { work_mem: '64MB', jit: 'off', max_parallel_workers_per_gather: '0' };

/** The engine's connections; a large target is computed in as many parts at once. */
const CONNECTIONS = 2;
/** A part has at least this many organisations: a smaller target is computed in one statement. */
const MIN_PART = 50;
/**
 * …and at most this many: a larger target (a region of more than 1,200 schools, the nightly job's
 * every region at once) is computed in more parts than connections, each taken by the next free
 * connection. A part's per-person hash table stays within the engine's work_mem (600 schools of
 * Federation-S: ≈ 160,000 registered persons), and no connection waits for another's part.
 */
const MAX_PART = 600;

/** Which organisations to compute: a subtree (region, municipality) or a list. */
export type EngineTarget = { path: string } | { tenantIds: string[] };

/**
 * The region-wide indicator computation. It runs under its own database role
 * (`nastavnik_indicators`, docs/adr/0006), which reads only the column-minimal fact views (each
 * published by the lib that owns its records) and the tenant tree (`tenant_tree`, the tenants
 * lib's read model) and writes only snapshots — it has to see every school at once, so it cannot
 * run under one person's scope. One SQL statement computes every indicator for every organisation it
 * is given. A region's organisations are split between the engine's connections, each part
 * computed and written at once in its own transaction; an organisation is always wholly in one
 * part (its snapshots come from one statement and are written together). The upsert makes a
 * retried job write each snapshot once.
 */
@Injectable()
export class IndicatorEngine implements OnModuleDestroy {
  private readonly logger = new Logger(IndicatorEngine.name);
  private readonly pool: Pool;
  readonly sql: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    validateDefinitions(INDICATORS);
    const options = Object.entries(ENGINE_SETTINGS).map(([name, value]) => `-c ${name}=${value}`).join(' ');
    this.pool = new Pool({ connectionString: config.indicatorsDatabaseUrl, max: CONNECTIONS, application_name: 'nastavnik-indicators', options });
    this.sql = compileIndicatorSql(INDICATORS);
  }

  /** Computes (without writing) the snapshots of the target for a period. */
  async compute(target: EngineTarget, period: string): Promise<SnapshotRow[]> {
    const parts = await this.parts(target);
    return (await Promise.all(parts.map((ids) => this.withClient((client) => this.computePart(client, ids, period))))).flat();
  }

  /**
   * Computes and stores the snapshots; returns them. Each part (all organisations of a small
   * target, half a region's) is computed and written on its own connection in one transaction.
   */
  async recompute(target: EngineTarget, period: string): Promise<SnapshotRow[]> {
    const parts: SnapshotRow[][] = [];
    await this.run(target, period, (rows) => void parts.push(rows));
    return parts.flat();
  }

  /**
   * The same for a large target — the nightly job's every region — returning only how many
   * snapshots were computed: no part's rows are kept once stored (432,000 snapshots at
   * Federation-S would be ≈ 60 MB of objects in the worker).
   */
  async recomputeCounting(target: EngineTarget, period: string): Promise<number> {
    let count = 0;
    await this.run(target, period, (rows) => void (count += rows.length));
    return count;
  }

  /** Computes and stores every part, each on the next free connection (the pool queues the rest). */
  private async run(target: EngineTarget, period: string, done: (rows: SnapshotRow[]) => void): Promise<void> {
    const computationId = randomUUID();
    const parts = await this.parts(target);
    let snapshots = 0;
    await Promise.all(parts.map((ids) => this.withClient(async (client) => {
      const computed = await this.computePart(client, ids, period);
      await this.store(client, computed, period, computationId);
      snapshots += computed.length;
      done(computed);
    })));
    this.logger.log(`computed ${snapshots} snapshots for ${period} in ${parts.length} part(s) (${computationId})`);
  }

  /**
   * The target's organisations in parts: as many as the engine has connections (a small target:
   * one), more when a part would exceed MAX_PART. The given order is kept, so a part holds
   * neighbours (the nightly job orders the organisations by path).
   */
  private async parts(target: EngineTarget): Promise<string[][]> {
    // The organisations first, then every fact filtered by `tenant_id = any(ids)` — an index condition.
    const ids = 'tenantIds' in target
      ? target.tenantIds
      : (await this.pool.query<{ id: string }>(`select id from tenant_tree where kind = 'organisation' and path <@ $1::ltree order by id`, [target.path])).rows.map((r) => r.id);
    const count = Math.max(1, Math.min(CONNECTIONS, Math.floor(ids.length / MIN_PART)), Math.ceil(ids.length / MAX_PART));
    const size = Math.ceil(ids.length / count);
    return Array.from({ length: count }, (_, i) => ids.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  private async computePart(client: PoolClient, ids: string[], period: string): Promise<SnapshotRow[]> {
    const { start, end } = periodBounds(period);
    const { rows } = await client.query<Record<string, string | boolean | null>>(this.sql, [period, start, end, ids]);
    return rows.flatMap((row) =>
      INDICATORS.map((d, i) => {
        const numerator = Number(row[`n${i}`]);
        const denominator = d.denominator ? Number(row[`d${i}`]) : null;
        const denominatorSource: DenominatorSource | null = isPopulationDenominator(d) ? (row.from_contingent === true ? 'contingent' : 'registered') : null;
        return { tenantId: row.tenant_id as string, code: d.code, numerator, denominator, value: d.unit === 'percent' ? percentValue(numerator, denominator) : numerator, denominatorSource };
      }),
    );
  }

  /**
   * Upserts the snapshots in one transaction. A snapshot whose values are unchanged is skipped
   * before the insert (a read), not by the upsert's WHERE (which locks — writes — the row first):
   * a nightly recompute of a stable region writes little. The read names the part's organisations
   * (`$8`) besides the correlation: without it the planner may hash every snapshot of the period
   * for each part — 432,000 rows per part in the Federation-S bench, where a stale estimate (the
   * table analysed while small) chose a hash anti-join over the period's index.
   */
  private async store(client: PoolClient, rows: SnapshotRow[], period: string, computationId: string): Promise<void> {
    if (rows.length === 0) return;
    try {
      await client.query('begin');
      await client.query(
        `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, denominator_source, computed_at, computation_id)
         select r.tenant_id, t.path, $1, r.code, r.numerator, r.denominator, r.source, now(), $2
           from unnest($3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::text[]) as r(tenant_id, code, numerator, denominator, source)
           join tenant_tree t on t.id = r.tenant_id
          where not exists (select from indicator_snapshots s
                             where s.tenant_id = r.tenant_id and s.tenant_id = any ($8::uuid[]) and s.period = $1 and s.indicator_code = r.code
                               and (s.numerator, s.denominator, s.denominator_source, s.tenant_path) is not distinct from (r.numerator, r.denominator, r.source, t.path))
         on conflict (tenant_id, period, indicator_code) do update
           set tenant_path = excluded.tenant_path, numerator = excluded.numerator, denominator = excluded.denominator,
               denominator_source = excluded.denominator_source, computed_at = excluded.computed_at, computation_id = excluded.computation_id
           where (indicator_snapshots.numerator, indicator_snapshots.denominator, indicator_snapshots.denominator_source, indicator_snapshots.tenant_path)
                 is distinct from (excluded.numerator, excluded.denominator, excluded.denominator_source, excluded.tenant_path)`,
        [period, computationId, rows.map((r) => r.tenantId), rows.map((r) => r.code), rows.map((r) => r.numerator), rows.map((r) => r.denominator), rows.map((r) => r.denominatorSource), [...new Set(rows.map((r) => r.tenantId))]],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
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
 * One statement for all definitions: the organisations of the target, one aggregate per fact,
 * joined. A definition counts distinct units (`count(distinct unit_id) filter (where …)`); that is
 * compiled without one distinct sort per count, into the same numbers:
 *  - a fact whose rows are one per unit ('row') counts rows: `count(*) filter (where w)`;
 *  - a fact whose unit is a person first groups its rows by (organisation, person) with
 *    `bool_or(w)` per condition — true when any of the person's rows satisfies w — and then
 *    counts the persons whose flag is true: one hash aggregate instead of a sort per count;
 *  - the persons are read once: their own counts (denominators), and every count with a
 *    condition on the person, `flag and (person)`, over `persons left join` the flags of all
 *    facts that need the person (their rows stacked with `union all`). The flags are the bits of
 *    one bigint per row, `case when w then 2^k else 0 end | …`, grouped per person with one
 *    `bit_or` — one aggregate transition per row instead of one `bool_or` per flag (13 % off a
 *    region's statement, docs/benchmarks.md, Federation-S) — and read as `(flags & 2^k) <> 0`.
 *    A person's flag is true iff one of their rows satisfies w, and the person condition holds
 *    for all their rows alike, so this is `count(distinct unit) filter (where w and person)`.
 * Equal conditions are computed once.
 *
 * Population denominators (a count over the persons, `isPopulationDenominator`) come from the
 * school's contingent for the period where it has one (docs/adr/0027): `a_contingent` sums the
 * contingent's headcounts under the same condition (its rows have the persons' `kind` and `age`),
 * and the denominator is `case when the school has a contingent then that sum else the registered
 * persons' count end`; `from_contingent` says which, per organisation.
 *
 * Parameters: $1 period, $2 reference date, $3 period end, $4 the organisations' ids.
 */
/** Person flags fit one bigint mask (bits 0–62). */
const MAX_FLAGS = 63;
/** Flag k's bit in the mask, as a bigint literal. */
const flagBit = (k: number): string => `${2n ** BigInt(k)}::bigint`;

export function compileIndicatorSql(definitions: IndicatorDefinition[]): string {
  const counts: { alias: string; count: FactCount; population?: true }[] = [];
  definitions.forEach((d, i) => {
    counts.push({ alias: `n${i}`, count: d.numerator });
    if (d.denominator) counts.push({ alias: `d${i}`, count: d.denominator, ...(isPopulationDenominator(d) ? { population: true as const } : {}) });
  });
  const whereOf = (c: FactCount) => c.where ?? 'true';
  // Facts whose counts need the person: read together with the persons.
  const withPerson = new Set(counts.filter((c) => c.count.person !== undefined).map((c) => c.count.fact));
  const target = `f.tenant_id = any ($4::uuid[])`;

  /** Distinct values per key, each with a stable index. */
  const indexed = <K>() => {
    const lists = new Map<K, string[]>();
    const listOf = (key: K): string[] => {
      const list = lists.get(key) ?? [];
      lists.set(key, list);
      return list;
    };
    const at = (key: K, value: string): number => {
      const list = listOf(key);
      return list.includes(value) ? list.indexOf(value) : list.push(value) - 1;
    };
    return { lists, listOf, at };
  };
  const flags = indexed<FactName>(); // per fact: its distinct row conditions
  const flagOf = (fact: FactName, where: string): number => flags.at(fact, where);
  const aggregates = indexed<FactName>(); // per aggregate CTE: its distinct count expressions
  const countIn = (fact: FactName, expression: string): string => `coalesce(a_${fact}.c${aggregates.at(fact, expression)}, 0)`;

  // The stacked flags of the facts read with the persons: bit k of `flags` is (fact, condition) number k.
  const stacked: { fact: FactName; flag: number }[] = [];
  const stackedOf = (fact: FactName, flag: number) => {
    let k = stacked.findIndex((s) => s.fact === fact && s.flag === flag);
    if (k < 0) k = stacked.push({ fact, flag }) - 1;
    return k;
  };
  // The contingent's sums, one per distinct population condition.
  const contingent: string[] = [];
  const contingentSum = (where: string): string => {
    const k = contingent.includes(where) ? contingent.indexOf(where) : contingent.push(where) - 1;
    return `coalesce(a_contingent.c${k}, 0)`;
  };
  const columns = counts.map(({ alias, count, population }) => {
    const { fact } = count;
    const where = whereOf(count);
    if (population) return `case when a_contingent.tenant_id is not null then ${contingentSum(where)} else ${countIn(fact, `count(*) filter (where ${where})`)} end as ${alias}`;
    if (fact === PERSON_FACT) return `${countIn(fact, `count(*) filter (where ${where})`)} as ${alias}`;
    if (withPerson.has(fact)) {
      const x = `(u.flags & ${flagBit(stackedOf(fact, flagOf(fact, where)))}) <> 0`;
      return `${countIn(PERSON_FACT, `count(*) filter (where ${count.person === undefined ? x : `${x} and (${count.person})`})`)} as ${alias}`;
    }
    if (requiredValue(FACTS, fact).unit === 'person') return `${countIn(fact, `count(*) filter (where x${flagOf(fact, where)})`)} as ${alias}`;
    return `${countIn(fact, `count(*) filter (where ${where})`)} as ${alias}`;
  });

  const ctes = [
    `orgs as (select t.id as tenant_id from tenant_tree t
               where t.kind = 'organisation' and t.id = any ($4::uuid[]) and $1::text is not null and $2::date <= $3::date)`,
  ];
  if (stacked.length) {
    if (stacked.length > MAX_FLAGS) throw new Error(`${stacked.length} person flags: at most ${MAX_FLAGS} fit the engine's bit mask`);
    const branches = [...withPerson].map((fact) => {
      const own = flags.listOf(fact);
      const bits = stacked.flatMap((s, k) => (s.fact === fact ? [`case when (${own[s.flag]}) then ${flagBit(k)} else 0 end`] : []));
      return `select f.tenant_id, f.unit_id, ${bits.join(' | ')} as flags from (${requiredValue(FACTS, fact).sql}) f where ${target}`;
    });
    ctes.push(`u_persons as (select tenant_id, unit_id, bit_or(flags) as flags
   from (${branches.join('\n   union all\n   ')}) r group by tenant_id, unit_id)`);
  }
  for (const [fact, list] of aggregates.lists) {
    const cte = fact;
    const selected = list.map((e, j) => `${e} as c${j}`).join(', ');
    const { sql, unit } = requiredValue(FACTS, fact);
    if (fact === PERSON_FACT) {
      // The fence (offset 0) makes each person's age computed once, not once per condition using it.
      const join = stacked.length ? `
   left join u_persons u on u.tenant_id = p.tenant_id and u.unit_id = p.unit_id` : '';
      ctes.push(`a_${cte} as (select p.tenant_id, ${selected}
   from (select * from (${sql}) f where ${target} offset 0) p${join}
  group by p.tenant_id)`);
    } else if (unit === 'person') {
      const own = flags.listOf(fact).map((w, j) => `bool_or(${w}) as x${j}`).join(', ');
      ctes.push(`a_${cte} as (select tenant_id, ${selected} from (select tenant_id, unit_id, ${own} from (${sql}) f where ${target} group by tenant_id, unit_id) u group by tenant_id)`);
    } else {
      ctes.push(`a_${cte} as (select tenant_id, ${selected} from (${sql}) f where ${target} group by tenant_id)`);
    }
  }
  const joined: string[] = [...aggregates.lists.keys()];
  if (contingent.length) {
    ctes.push(`a_contingent as (select tenant_id, ${contingent.map((w, k) => `sum(headcount) filter (where ${w}) as c${k}`).join(', ')}
   from (${CONTINGENT_SQL}) f where ${target} group by tenant_id)`);
    joined.push('contingent');
    columns.push('a_contingent.tenant_id is not null as from_contingent');
  }
  const joins = joined.map((cte) => `left join a_${cte} on a_${cte}.tenant_id = orgs.tenant_id`).join('\n  ');
  return `with ${ctes.join(',\n')}\nselect orgs.tenant_id, ${columns.join(', ')}\n  from orgs\n  ${joins}\n order by orgs.tenant_id`;
}
