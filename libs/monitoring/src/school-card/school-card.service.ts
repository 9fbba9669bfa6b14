import { Injectable } from '@nestjs/common';
import { NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { ReadFromReplica } from '@nastavnik/platform/tenancy/read-from-replica';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { percentValue, SCORECARD_LEVELS } from '../indicator-definitions';
import { IndicatorQueryService } from '../indicator-query.service';
import type { IndicatorValueType } from '../indicator.types';
import type { DataFreshnessType, SurveyResponseRateType, RoadmapExecutionType, RoadmapStageExecutionType, SchoolCardType } from './school-card.types';

/** The areas of a school's records whose last change the card shows, in its order. */
export const FRESHNESS_AREAS = [
  { area: 'participants', title: 'Участники' },
  { area: 'pairs', title: 'Пары и группы' },
  { area: 'meetings', title: 'Встречи' },
  { area: 'questionnaires', title: 'Анкеты' },
  { area: 'roadmap', title: 'Дорожная карта' },
] as const;

/** T3/T4 and the count of the role's participants their respondents are out of. */
const RESPONSE_RATES = [
  { code: 'T3', participants: 'MENTEES', roleTitle: 'наставляемые' },
  { code: 'T4', participants: 'MENTORS', roleTitle: 'наставники' },
] as const;

type StageRow = { stage_code: string | null; stage_title: string | null; total: number; done: number; in_progress: number; planned: number; not_done: number; overdue: number };

/**
 * A school's card for the region (issue 13, docs/adr/0033): aggregates only, no personal data.
 * Indicators with numerator, denominator and the target that applies (the snapshots and targets,
 * this lib's own tables); response rates beside T3/T4 (their respondents ÷ the role's
 * participants, both from the snapshots); the programmes per scorecard level (the EFF.* snapshots);
 * roadmap execution by stage (the programmes lib's read model `roadmap_stage_execution`, which a
 * region analyst reads under the roadmaps' own policies); and when each area last changed
 * (`school_data_changes`). Everything runs in the caller's scope: a school outside it is «not found».
 */
@Injectable()
export class SchoolCardService {
  constructor(
    private readonly context: TenantContext,
    private readonly indicators: IndicatorQueryService,
  ) {}

  @ReadFromReplica()
  async card(tenantId: string, period: string): Promise<SchoolCardType> {
    const em = await this.context.manager();
    const [org]: { id: string; short_name: string; full_name: string; municipality_id: string | null; municipality_name: string | null }[] = await em.query(
      `select o.id, o.short_name, o.full_name, m.id as municipality_id, m.short_name as municipality_name
         from tenant_tree o left join tenant_tree m on m.id = o.parent_id and m.kind = 'municipality'
        where o.id = $1 and o.kind = 'organisation'`,
      [tenantId],
    );
    if (!org) throw new NotFoundException('Организация не найдена или недоступна.');
    const values = await this.indicators.values(period, tenantId);
    const byCode = new Map(values.map((v) => [v.code, v]));
    const computed = values.map((v) => v.computedAt).filter((d): d is Date => d !== null);
    return {
      tenantId: org.id,
      shortName: org.short_name,
      fullName: org.full_name,
      municipalityId: org.municipality_id,
      municipalityName: org.municipality_name,
      period,
      indicators: values.filter((v) => !v.code.includes('.')),
      responseRates: RESPONSE_RATES.map((r) => responseRate(r.code, r.roleTitle, byCode.get(r.code), byCode.get(r.participants))),
      scorecardLevels: SCORECARD_LEVELS.map(({ level, code, title }) => ({ level, title, programmes: byCode.get(code)?.numerator ?? 0 })),
      roadmap: await this.roadmap(tenantId, period),
      freshness: await this.freshness(tenantId),
      indicatorsComputedAt: computed.length ? new Date(Math.max(...computed.map((d) => new Date(d).getTime()))) : null,
    };
  }

  private async roadmap(tenantId: string, period: string): Promise<RoadmapExecutionType | null> {
    const rows: StageRow[] = await (await this.context.manager()).query(
      `select stage_code, stage_title, total, done, in_progress, planned, not_done, overdue
         from roadmap_stage_execution where tenant_id = $1 and academic_year = $2
        order by stage_order, stage_code nulls last`,
      [tenantId, period],
    );
    if (rows.length === 0) return null;
    const stages: RoadmapStageExecutionType[] = rows.map((r) => ({
      stageCode: r.stage_code,
      stageTitle: r.stage_title ?? 'Без этапа',
      total: r.total,
      done: r.done,
      inProgress: r.in_progress,
      planned: r.planned,
      notDone: r.not_done,
      overdue: r.overdue,
    }));
    const sum = (key: keyof Omit<RoadmapStageExecutionType, 'stageCode' | 'stageTitle'>) => stages.reduce((total, s) => total + s[key], 0);
    return { total: sum('total'), done: sum('done'), inProgress: sum('inProgress'), planned: sum('planned'), notDone: sum('notDone'), overdue: sum('overdue'), stages };
  }

  private async freshness(tenantId: string): Promise<DataFreshnessType[]> {
    const rows: { area: string; changed_on: string; days_ago: number }[] = await (await this.context.manager()).query(
      `select area, to_char(max(changed_on), 'YYYY-MM-DD') as changed_on, (current_date - max(changed_on))::int as days_ago
         from school_data_changes where tenant_id = $1 group by area`,
      [tenantId],
    );
    return FRESHNESS_AREAS.map(({ area, title }) => {
      const row = rows.find((r) => r.area === area);
      return { area, title, changedOn: row?.changed_on ?? null, daysAgo: row ? row.days_ago : null };
    });
  }
}

function responseRate(code: string, roleTitle: string, survey: IndicatorValueType | undefined, role: IndicatorValueType | undefined): SurveyResponseRateType {
  const respondents = survey?.denominator ?? 0;
  const participants = role?.numerator ?? 0;
  return { code, roleTitle, respondents, participants, rate: percentValue(respondents, participants) };
}
