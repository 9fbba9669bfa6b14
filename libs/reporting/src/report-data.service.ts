import { Injectable } from '@nestjs/common';
import { INDICATORS, type IndicatorDefinition, percentValue } from '@nastavnik/monitoring/indicator-definitions';
import { IndicatorQueryService } from '@nastavnik/monitoring/indicator-query.service';
import { OutcomeService } from '@nastavnik/monitoring/outcomes/outcome.service';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { ReadFromReplica } from '@nastavnik/platform/tenancy/read-from-replica';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { FormDefinition } from './forms/form-definitions';
import type { ExtractCompiler, ExtractData, ExtractTerritory, ExtractValue } from './render/extract-layout';
import type { IndicatorLine, RegionReportData, RoadmapLine, SchoolReportData } from './render/report-data.types';

type SchoolValue = { numerator: number; denominator: number | null; value: number | null; target: number | null; belowTarget: boolean | null; computedAt: Date | null; denominatorSource: 'contingent' | 'registered' | null };

/** The indicators of a school report's first table, in the order of seed 004 and §6.6–6.7. */
export const SCHOOL_REPORT_CODES = ['T1', 'T2', 'T3', 'T4', 'N1', 'M1', 'M2', 'M3', 'M5'];
/** Default indicators of a regional comparison. */
export const REGION_REPORT_CODES = ['T1', 'T2', 'T3', 'T4'];

/**
 * Gathers what a report shows, always under the running scope (the job carries the requester's):
 * snapshots, the tree, reference data; scorecards and roadmaps only for a curator (or the admin),
 * because their policies are curator-only — a regional reader's report says so instead. Every
 * load is declared replica-safe: a regional report or an extract requested by an analyst or an
 * official reads the read replica when there is a usable one (the job writes its file on the
 * primary; a curator's report reads the primary, where their edits are).
 */
@Injectable()
export class ReportDataService {
  constructor(
    private readonly context: TenantContext,
    private readonly indicators: IndicatorQueryService,
    private readonly outcomes: OutcomeService,
  ) {}

  /**
   * A school report's data in one statement (one round trip, one plan under RLS): the
   * organisation with its municipality and region, every indicator's snapshot and the most
   * specific target of the year, the directions, and — for a curator or the admin — the
   * scorecards and the roadmap with its items.
   */
  @ReadFromReplica()
  async school(period: string, tenantId: string): Promise<SchoolReportData> {
    const em = await this.context.manager();
    const role = this.context.scope.role;
    const full = role === 'curator' || role === 'platform-admin';
    // A region analyst reads the roadmaps of its region's schools (programmes' migration
    // 1795302010000; seed 004 item 34): its copy prints the execution, without the responsible
    // persons (personal data stays with the school). A ministry official gets no roadmap.
    const roadmapShown = full || role === 'region-analyst';
    type Row = {
      org: { id: string; full_name: string; short_name: string; municipality: string | null; region: string | null } | null;
      snapshots: SnapshotRow[];
      directions: { code: string; short_title: string }[];
      scorecard: { title: string; total: number; level: string; rated_on: string }[] | null;
      roadmap: { title: string; items: RoadmapLine[] | null } | null;
    };
    const [row]: Row[] = await em.query(
      `with org as (
         select o.id, o.path, o.full_name, o.short_name, m.short_name as municipality, r.short_name as region
           from tenant_tree o
           left join tenant_tree m on m.id = o.parent_id and m.kind = 'municipality'
           left join tenant_tree r on r.kind = 'region' and r.path = subpath(o.path, 0, 1)
          where o.id = $1 and o.kind = 'organisation'),
       map as (select id, title from roadmap_summaries where $5 and tenant_id = $1 and academic_year = $2 order by created_at limit 1)
       select (select json_build_object('id', id, 'full_name', full_name, 'short_name', short_name, 'municipality', municipality, 'region', region) from org) as org,
              coalesce((select json_agg(json_build_object('code', c.code, 'numerator', s.numerator, 'denominator', s.denominator, 'computed_at', s.computed_at, 'denominator_source', s.denominator_source,
                                 'target', (select t.target from indicator_target_values t
                                             where t.period = $2 and t.indicator_code = c.code and t.tenant_path @> (select path from org)
                                             order by nlevel(t.tenant_path) desc limit 1)))
                          from unnest($3::text[]) as c(code)
                          left join indicator_snapshot_values s on s.tenant_id = (select id from org) and s.period = $2 and s.indicator_code = c.code), '[]') as snapshots,
              coalesce((select json_agg(json_build_object('code', code, 'short_title', short_title) order by sort_order, code) from mentoring_direction_titles), '[]') as directions,
              case when $4 then coalesce((
                select json_agg(json_build_object('title', p.title, 'total', s.total, 'level', s.level, 'rated_on', to_char(s.rated_on, 'DD.MM.YYYY')) order by p.title, s.rated_on)
                  from programme_scorecard_results s join programme_titles p on p.tenant_id = s.tenant_id and p.id = s.programme_id
                 where s.tenant_id = $1 and s.academic_year = $2), '[]') end as scorecard,
              (select json_build_object('title', map.title, 'items', (
                  select json_agg(json_build_object('number', number, 'activity', activity, 'due', coalesce(schedule_text, to_char(planned_end, 'DD.MM.YYYY')),
                                                    'responsible', case when $4 then responsible end, 'status', status, 'result', execution_result) order by position, number)
                    from roadmap_item_lines where tenant_id = $1 and roadmap_id = map.id)) from map) as roadmap`,
      [tenantId, period, INDICATORS.map((d) => d.code), full, roadmapShown],
    );
    if (!row?.org) throw new NotFoundException('Организация не найдена или недоступна.');
    const org = row.org;
    const values = schoolValues(row.snapshots);
    const line = (d: IndicatorDefinition): IndicatorLine => {
      const v = values.get(d.code);
      const computed = v?.computedAt ? v : null;
      return {
        code: d.code,
        title: d.title,
        unit: d.unit,
        numerator: computed ? computed.numerator : null,
        denominator: computed ? computed.denominator : null,
        value: computed ? computed.value : null,
        target: v?.target ?? d.target?.value ?? null,
        belowTarget: computed ? computed.belowTarget : null,
        denominatorSource: computed ? computed.denominatorSource : null,
      };
    };
    const count = (code: string) => {
      const v = values.get(code);
      return v?.computedAt ? v.numerator : null;
    };
    const meetings = row.directions
      .filter((d) => /^D\d{2}$/.test(d.code))
      .map((d) => ({ code: d.code, title: d.short_title, organisational: count(`MEET.ORG.${d.code}`) ?? 0, trial: count(`MEET.TRIAL.${d.code}`) ?? 0 }));
    const scorecard: SchoolReportData['scorecard'] = full ? (row.scorecard ?? []).map((c) => ({ programme: c.title, total: Number(c.total), level: c.level, ratedOn: c.rated_on })) : null;
    let roadmap: SchoolReportData['roadmap'] = null;
    if (roadmapShown && row.roadmap) {
      const items = row.roadmap.items ?? [];
      const n = (status: string) => items.filter((i) => i.status === status).length;
      roadmap = { title: row.roadmap.title, items, totals: { total: items.length, planned: n('planned'), inProgress: n('in_progress'), done: n('done'), notDone: n('not_done') } };
    }
    return {
      organisation: { id: org.id, fullName: org.full_name, shortName: org.short_name, municipality: org.municipality, region: org.region },
      period,
      audience: full ? 'curator' : 'aggregate',
      indicators: INDICATORS.filter((d) => SCHOOL_REPORT_CODES.includes(d.code)).sort((x, y) => SCHOOL_REPORT_CODES.indexOf(x.code) - SCHOOL_REPORT_CODES.indexOf(y.code)).map(line),
      scorecard,
      counts: { mentors: count('MENTORS'), mentees: count('MENTEES') },
      meetings,
      roadmap,
      roadmapHidden: !roadmapShown,
      outcomes: full ? await this.outcomes.school(period, tenantId) : null,
      generatedAt: new Date(),
    };
  }

  @ReadFromReplica()
  async region(period: string, parentId: string | null, codes: string[], onProgress?: (done: number) => Promise<void>): Promise<RegionReportData> {
    const em = await this.context.manager();
    let node: RegionReportData['node'] = { id: null, name: 'Все регионы', kind: 'all' };
    if (parentId) {
      const [row] = await em.query(`select id, short_name as name, kind from tenant_tree where id = $1`, [parentId]);
      if (!row) throw new NotFoundException('Регион или муниципалитет не найден или недоступен.');
      if (row.kind === 'organisation') throw new ValidationFailedException('Сравнительный отчёт строится по региону или муниципалитету.');
      node = row;
    }
    const organisations = new Map<string, RegionReportData['organisations'][number]>();
    const municipalities = new Map<string, RegionReportData['municipalities'][number]>();
    const data: RegionReportData = { node, period, indicators: [], organisations: [], municipalities: [], totals: {}, belowTarget: {}, trends: {}, generatedAt: new Date() };
    for (const [n, code] of codes.entries()) {
      const c = await this.indicators.comparison(period, code, parentId ?? undefined);
      data.indicators.push({ code, title: c.indicator.title, shortTitle: c.indicator.shortTitle, unit: c.indicator.unit as 'percent' | 'count', target: c.target });
      for (const o of c.organisations) {
        const line = organisations.get(o.tenantId) ?? { tenantId: o.tenantId, name: o.tenantName, municipality: o.municipalityName, values: {} };
        line.values[code] = o.computedAt ? { numerator: o.numerator, denominator: o.denominator, value: o.value, belowTarget: o.belowTarget, rank: o.rank } : null;
        organisations.set(o.tenantId, line);
      }
      for (const m of c.municipalities) {
        const line = municipalities.get(m.tenantId) ?? { name: m.name, values: {} };
        line.values[code] = { numerator: m.numerator, denominator: m.denominator, value: m.value, organisations: m.organisations };
        municipalities.set(m.tenantId, line);
      }
      data.totals[code] = c.total ? { numerator: c.total.numerator, denominator: c.total.denominator, value: c.total.value, organisations: c.total.organisations } : null;
      data.belowTarget[code] = c.belowTarget.map((o) => ({ name: o.tenantName, value: o.value, target: o.target }));
      data.trends[code] = (await this.indicators.trend(code, parentId ?? undefined, period)).map((p) => ({ period: p.period, value: p.value, numerator: p.numerator, denominator: p.denominator }));
      // The league table and the municipalities keep the order of the first indicator's ranking
      // (IndicatorQueryService's, the dashboard's: ties share a place, no data is not ranked).
      if (n === 0) data.organisations = c.organisations.flatMap((o) => organisations.get(o.tenantId) ?? []);
      await onProgress?.(n + 1);
    }
    data.municipalities = [...municipalities.values()];
    return data;
  }

  /**
   * Σnum/Σden per region for the form's rows, from the organisations' snapshots, with the
   * all-Russia total for an all-regions extract (see `regionFigures`).
   */
  @ReadFromReplica()
  async extract(form: FormDefinition, period: string, regionId: string | null, compiler: ExtractCompiler | null = null): Promise<ExtractData> {
    if (regionId) {
      const em = await this.context.manager();
      const [row] = await em.query(`select kind from tenant_tree where id = $1`, [regionId]);
      if (!row) throw new NotFoundException('Регион не найден или недоступен.');
      if (row.kind !== 'region') throw new ValidationFailedException('Выгрузка формируется по региону (или по всем регионам).');
    }
    const { regions, total } = await this.regionFigures(period, form.rows.map((r) => r.indicator), regionId);
    return { form, period, regions, total: regionId ? null : total, compiler, generatedAt: new Date() };
  }

  /**
   * Every region in scope (or the one asked for) with Σnumerator / Σdenominator of each indicator
   * over its organisations' snapshots, and the total over them — the extract's figures and the
   * ministry's comparison of regions. The regions come from the tenant tree, not from the
   * snapshots: a region whose organisations have no snapshot for the period (none computed yet, or
   * nothing to count) is still there, in zeros. «Все регионы» used to omit «Северный регион» (two
   * organisations, no snapshots) because the regions were read off an inner join with the snapshots.
   */
  @ReadFromReplica()
  async regionFigures(period: string, codes: string[], regionId: string | null = null): Promise<{ regions: ExtractTerritory[]; total: ExtractTerritory }> {
    const em = await this.context.manager();
    const unique = [...new Set(codes)];
    const units = new Map(unique.map((code) => [code, INDICATORS.find((d) => d.code === code)?.unit ?? 'count']));
    type Row = { id: string; code: string; name: string; full_name: string; organisations: number; reporting: number; sums: Record<string, { numerator: string; denominator: string | null }> };
    const rows: Row[] = await em.query(
      // Per region, its snapshots through the path index (a lateral scan each), summed by indicator and
      // counted once over all of them (the grouping sets' total row). A CTE of every region's snapshots
      // joined on `<@` was planned, under RLS, as a nested loop testing each snapshot against each region
      // (1.2× the owner's time at Federation-S), and both plans rescanned it from temporary files.
      `select r.id, r.code, r.short_name as name, r.full_name,
              (select count(*) from tenant_tree o where o.kind = 'organisation' and o.path <@ r.path)::int as organisations,
              coalesce(f.reporting, 0)::int as reporting, coalesce(f.sums, '{}') as sums
         from tenant_tree r
         left join lateral (
           select max(g.tenants) filter (where g.total) as reporting,
                  json_object_agg(g.indicator_code, json_build_object('numerator', g.numerator, 'denominator', g.denominator)) filter (where not g.total) as sums
             from (select s.indicator_code, grouping(s.indicator_code) = 1 as total, sum(s.numerator) as numerator, sum(s.denominator) as denominator,
                          count(distinct s.tenant_id) as tenants
                     from indicator_snapshot_values s
                    where s.tenant_path <@ r.path and s.period = $1 and s.indicator_code = any($2::text[])
                    group by grouping sets ((s.indicator_code), ())) g) f on true
        where r.kind = 'region' and ($3::uuid is null or r.id = $3::uuid)`,
      [period, unique, regionId],
    );
    const figures = (sums: (code: string) => [number, number]) => Object.fromEntries(unique.map((code) => [code, valueOf(units.get(code) ?? 'count', ...sums(code))]));
    const regions: ExtractTerritory[] = rows
      .map((r) => {
        const sums = new Map(Object.entries(r.sums));
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          fullName: r.full_name,
          organisations: Number(r.organisations),
          reporting: Number(r.reporting),
          values: figures((code): [number, number] => [Number(sums.get(code)?.numerator ?? 0), Number(sums.get(code)?.denominator ?? 0)]),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.code.localeCompare(b.code));
    const sum = (code: string, part: 'numerator' | 'denominator') => regions.reduce((n, r) => n + (r.values[code][part] ?? 0), 0);
    const total: ExtractTerritory = {
      id: null,
      code: '',
      name: 'Российская Федерация',
      fullName: `Российская Федерация — итого по регионам выгрузки (${regions.length})`,
      organisations: regions.reduce((n, r) => n + r.organisations, 0),
      reporting: regions.reduce((n, r) => n + r.reporting, 0),
      values: figures((code): [number, number] => [sum(code, 'numerator'), sum(code, 'denominator')]),
    };
    return { regions, total };
  }
}

/** A line's figures: a percentage keeps its denominator (its value is empty when that is zero); a count is its numerator. */
function valueOf(unit: 'percent' | 'count', numerator: number, denominator: number): ExtractValue {
  return unit === 'percent' ? { numerator, denominator, value: percentValue(numerator, denominator) } : { numerator, denominator: null, value: numerator };
}

type SnapshotRow = { code: string; numerator: number | string | null; denominator: number | string | null; computed_at: string | null; target: number | string | null; denominator_source?: 'contingent' | 'registered' | null };

/**
 * One school's indicator values from its snapshot rows (and the most specific target of the
 * year), with the same value, target and below-target rules as `IndicatorQueryService.values`,
 * which would take one query per indicator.
 */
function schoolValues(rows: SnapshotRow[]): Map<string, SchoolValue> {
  const out = new Map<string, SchoolValue>();
  for (const row of rows) {
    const d = INDICATORS.find((i) => i.code === row.code);
    if (!d) continue;
    const numerator = Number(row.numerator ?? 0);
    const denominator = d.denominator ? Number(row.denominator ?? 0) : null;
    const value = row.computed_at ? (d.unit === 'percent' ? percentValue(numerator, denominator) : numerator) : null;
    const target = row.target !== null ? Number(row.target) : (d.target?.value ?? null);
    const belowTarget = target === null || value === null ? null : d.target?.direction === 'at_most' ? value > target : value < target;
    out.set(row.code, { numerator, denominator, value, target, belowTarget, computedAt: row.computed_at ? new Date(row.computed_at) : null, denominatorSource: row.denominator_source ?? null });
  }
  return out;
}
