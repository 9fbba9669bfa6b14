import { Injectable } from '@nestjs/common';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { ReadFromReplica } from '@nastavnik/platform/tenancy/read-from-replica';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { INDICATORS, type IndicatorDefinition, percentValue, SCORECARD_LEVELS } from './indicator-definitions';
import { rankByValue, rankDirection } from './indicator-ranking';
import type { DenominatorSource } from './contingent/contingent.types';
import type { IndicatorAggregateType, IndicatorComparisonType, IndicatorDefinitionType, IndicatorTableType, IndicatorTrendPointType, IndicatorValueType, ScorecardLevelCountType } from './indicator.types';

/** At most this many indicators in one multi-indicator table (its XLSX too). */
export const MAX_TABLE_INDICATORS = 40;

type OrgRow = {
  tenant_id: string;
  tenant_name: string;
  municipality_id: string | null;
  municipality_name: string | null;
  numerator: string | null;
  denominator: string | null;
  computed_at: Date | null;
  target: string | null;
  denominator_source: DenominatorSource | null;
};

/**
 * Reads indicator snapshots for people: a school's own values, and comparisons over a region or
 * municipality. Everything runs in the caller's scope — row-level security on snapshots and on
 * the tenant tree decides which organisations exist for them; no personal data is involved.
 * The reads are declared replica-safe: an analyst's or an official's are served by the read
 * replica when there is a usable one (a curator's stay on the primary; TenantContext decides).
 */
@Injectable()
export class IndicatorQueryService {
  constructor(private readonly context: TenantContext) {}

  definitions(): IndicatorDefinitionType[] {
    return INDICATORS.map(toDefinitionType);
  }

  @ReadFromReplica()
  async values(period: string, tenantId?: string): Promise<IndicatorValueType[]> {
    const id = tenantId ?? this.context.scope.tenantId;
    if (!id) throw new ValidationFailedException('Укажите организацию.');
    const em = await this.context.manager();
    const [org] = await em.query(`select id from tenant_tree where id = $1 and kind = 'organisation'`, [id]);
    if (!org) throw new NotFoundException('Организация не найдена или недоступна.');
    return (await Promise.all(INDICATORS.map(async (definition) => (await this.rows(definition, period, { tenantId: id }))))).flat();
  }

  @ReadFromReplica()
  async comparison(period: string, code: string, parentId?: string): Promise<IndicatorComparisonType> {
    const definition = this.definition(code);
    const parent = await this.node(parentId);
    const organisations = await this.rows(definition, period, { path: parent?.path ?? null });
    // The one ranking (ADR 0020): ties share a place («1, 1, 3»), no value — no place, listed last.
    const ordered = rankByValue(organisations, (o) => o.value, (o) => o.tenantName, rankDirection(definition.target)).map(({ item, rank }) => ({ ...item, rank }));
    const byMunicipality = new Map<string, IndicatorValueType[]>();
    for (const o of organisations) {
      if (!o.municipalityId) continue;
      byMunicipality.set(o.municipalityId, [...(byMunicipality.get(o.municipalityId) ?? []), o]);
    }
    const municipalities = [...byMunicipality].map(([municipalityId, list]) => aggregate(definition, municipalityId, list[0].municipalityName ?? '', list));
    return {
      indicator: toDefinitionType(definition),
      period,
      target: (await this.nodeTarget(definition, period, parent?.path ?? null)) ?? ordered.find((o) => o.target !== null)?.target ?? definition.target?.value ?? null,
      organisations: ordered,
      belowTarget: ordered.filter((o) => o.belowTarget),
      municipalities: rankByValue(municipalities, (m) => m.value, (m) => m.name, rankDirection(definition.target)).map(({ item }) => item),
      total: parent || organisations.length ? aggregate(definition, parent?.id ?? 'all', parent?.name ?? 'Все организации', organisations) : null,
      scorecardLevels: await this.scorecardLevels(period, parent?.path ?? null),
    };
  }

  /**
   * Schools × chosen indicators (issue 13's multi-indicator table): one row per organisation of
   * the node (by default the caller's scope), one cell per code in the order given, each with its
   * numerator, denominator, value and the target that applies.
   */
  @ReadFromReplica()
  async table(period: string, codes: readonly string[], parentId?: string): Promise<IndicatorTableType> {
    const definitions = [...new Set(codes)].map((code) => this.definition(code));
    if (definitions.length === 0) throw new ValidationFailedException('Выберите хотя бы один показатель.');
    if (definitions.length > MAX_TABLE_INDICATORS) throw new ValidationFailedException(`Не больше ${MAX_TABLE_INDICATORS} показателей в одной таблице.`);
    const parent = await this.node(parentId);
    const columns = await Promise.all(definitions.map((definition) => this.rows(definition, period, { path: parent?.path ?? null })));
    const rows = (columns[0] ?? []).map((first, i) => ({
      tenantId: first.tenantId,
      tenantName: first.tenantName,
      municipalityId: first.municipalityId,
      municipalityName: first.municipalityName,
      cells: columns.map((column) => column[i]),
    }));
    return { period, indicators: definitions.map(toDefinitionType), rows };
  }

  /**
   * The target of the compared node itself — the most specific one set at or above it (a
   * municipality's own, else its region's), else the default: a region's page shows the region's
   * target even where some municipality set its own (each school is still compared with the one
   * that applies to it).
   */
  private async nodeTarget(definition: IndicatorDefinition, period: string, path: string | null): Promise<number | null> {
    if (path === null) return null;
    const em = await this.context.manager();
    const [row]: { target: string }[] = await em.query(
      `select target from indicator_targets where period = $1 and indicator_code = $2 and tenant_path @> $3::ltree order by nlevel(tenant_path) desc limit 1`,
      [period, definition.code, path],
    );
    return row ? Number(row.target) : (definition.target?.value ?? null);
  }

  /** Programmes per scorecard level over the subtree (from the EFF.* snapshots). */
  private async scorecardLevels(period: string, path: string | null): Promise<ScorecardLevelCountType[]> {
    const em = await this.context.manager();
    const rows: { indicator_code: string; programmes: string }[] = await em.query(
      `select indicator_code, sum(numerator) as programmes from indicator_snapshots
        where period = $1 and indicator_code = any($2) and ($3::ltree is null or tenant_path <@ $3::ltree)
        group by indicator_code`,
      [period, SCORECARD_LEVELS.map((l) => l.code), path],
    );
    return SCORECARD_LEVELS.map(({ level, code, title }) => ({ level, title, programmes: Number(rows.find((r) => r.indicator_code === code)?.programmes ?? 0) }));
  }

  /** The node's value per school year (up to `untilPeriod` when given: a report of a year shows no later ones). */
  @ReadFromReplica()
  async trend(code: string, parentId?: string, untilPeriod?: string): Promise<IndicatorTrendPointType[]> {
    const definition = this.definition(code);
    const parent = await this.node(parentId);
    const em = await this.context.manager();
    const rows: { period: string; numerator: string; denominator: string | null; organisations: string }[] = await em.query(
      `select s.period, sum(s.numerator) as numerator, sum(s.denominator) as denominator, count(*) as organisations
         from indicator_snapshots s
        where s.indicator_code = $1 and ($2::ltree is null or s.tenant_path <@ $2::ltree) and ($3::text is null or s.period <= $3)
        group by s.period order by s.period`,
      [definition.code, parent?.path ?? null, untilPeriod ?? null],
    );
    const points = new Map(
      rows.map((r) => {
        const numerator = Number(r.numerator);
        const denominator = definition.denominator ? Number(r.denominator ?? 0) : null;
        return [r.period, { period: r.period, numerator, denominator, value: valueOf(definition, numerator, denominator), organisations: Number(r.organisations) }];
      }),
    );
    // Every school year from the first to the last with data: a year without snapshots is a point
    // with no value (a gap the charts leave open), never left out (a line would bridge it).
    return schoolYearsBetween(rows[0]?.period, rows.at(-1)?.period).map((period) => points.get(period) ?? { period, numerator: null, denominator: null, value: null, organisations: 0 });
  }

  /** Records a recompute request for the caller's own school; the worker picks it up. */
  async requestRecompute(period: string): Promise<boolean> {
    const tenantId = this.context.scope.tenantId;
    if (!tenantId) throw new ValidationFailedException('Пересчёт запрашивается для своей организации.');
    const em = await this.context.manager();
    await em.query(
      `insert into indicator_recompute_requests (tenant_id, period, reason) values ($1, $2, 'manual')
       on conflict do nothing`,
      [tenantId, period],
    );
    return true;
  }

  private definition(code: string): IndicatorDefinition {
    const definition = INDICATORS.find((d) => d.code === code);
    if (!definition) throw new ValidationFailedException(`Неизвестный показатель «${code}».`);
    return definition;
  }

  private async node(parentId?: string): Promise<{ id: string; name: string; path: string } | null> {
    const id = parentId ?? this.context.scope.tenantId;
    if (!id) return null;
    const em = await this.context.manager();
    const [row] = await em.query(`select id, short_name as name, path::text as path from tenant_tree where id = $1`, [id]);
    if (!row) throw new NotFoundException('Регион, муниципалитет или организация не найдены или недоступны.');
    return row;
  }

  private async rows(definition: IndicatorDefinition, period: string, where: { path: string | null } | { tenantId: string }): Promise<IndicatorValueType[]> {
    const em = await this.context.manager();
    const path = 'path' in where ? where.path : null;
    const tenantId = 'tenantId' in where ? where.tenantId : null;
    const rows: OrgRow[] = await em.query(
      `select o.id as tenant_id, o.short_name as tenant_name, m.id as municipality_id, m.short_name as municipality_name,
              s.numerator, s.denominator, s.computed_at, s.denominator_source,
              (select t.target from indicator_targets t
                where t.period = $1 and t.indicator_code = $2 and t.tenant_path @> o.path
                order by nlevel(t.tenant_path) desc limit 1) as target
         from tenant_tree o
         left join tenant_tree m on m.id = o.parent_id and m.kind = 'municipality'
         left join indicator_snapshots s on s.tenant_id = o.id and s.period = $1 and s.indicator_code = $2
        where o.kind = 'organisation' and ($3::ltree is null or o.path <@ $3::ltree) and ($4::uuid is null or o.id = $4::uuid)
        order by o.path`,
      [period, definition.code, path, tenantId],
    );
    return rows.map((row) => {
      const computed = row.numerator !== null;
      const numerator = Number(row.numerator ?? 0);
      const denominator = definition.denominator ? Number(row.denominator ?? 0) : null;
      const value = computed ? valueOf(definition, numerator, denominator) : null;
      const target = row.target !== null ? Number(row.target) : (definition.target?.value ?? null);
      return {
        tenantId: row.tenant_id,
        tenantName: row.tenant_name,
        municipalityId: row.municipality_id,
        municipalityName: row.municipality_name,
        code: definition.code,
        period,
        numerator,
        denominator,
        value,
        target,
        belowTarget: target === null || value === null ? null : definition.target?.direction === 'at_most' ? value > target : value < target,
        rank: null,
        computedAt: row.computed_at,
        denominatorSource: computed ? row.denominator_source : null,
      };
    });
  }
}

/** «2019/2020» … «2022/2023», each school year from `first` to `last` (both included). */
export function schoolYearsBetween(first: string | undefined, last: string | undefined): string[] {
  const start = Number(first?.slice(0, 4));
  const end = Number(last?.slice(0, 4));
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return [];
  return Array.from({ length: end - start + 1 }, (_, i) => `${start + i}/${start + i + 1}`);
}

function valueOf(definition: IndicatorDefinition, numerator: number, denominator: number | null): number | null {
  return definition.unit === 'percent' ? percentValue(numerator, denominator) : numerator;
}

/** Σnumerators / Σdenominators over the organisations that have a snapshot. */
function aggregate(definition: IndicatorDefinition, id: string, name: string, list: IndicatorValueType[]): IndicatorAggregateType {
  const computed = list.filter((o) => o.computedAt !== null);
  const numerator = computed.reduce((sum, o) => sum + o.numerator, 0);
  const denominator = definition.denominator ? computed.reduce((sum, o) => sum + (o.denominator ?? 0), 0) : null;
  return { tenantId: id, name, organisations: computed.length, numerator, denominator, value: valueOf(definition, numerator, denominator) };
}

function toDefinitionType(d: IndicatorDefinition): IndicatorDefinitionType {
  return { code: d.code, title: d.title, shortTitle: d.shortTitle, unit: d.unit, defaultTarget: d.target?.value ?? null, source: d.source };
}
