import { Injectable } from '@nestjs/common';
import { NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { ReadFromReplica } from '@nastavnik/platform/tenancy/read-from-replica';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { RespondentRole } from '../questionnaire.codes';
import { round2 } from './outcome.service';
import { outcomeQuestionSql } from './outcome-snapshots';
import type { RegionOutcomeQuestionType, RegionOutcomesType } from './outcome.types';

/** No group of fewer respondents (pairs) is shown to the region: «мало ответов». */
export const MIN_GROUP = 3;

/**
 * The region's (or a municipality's) before/after outcomes: Σ over its organisations' `OUT.*`
 * snapshots, per question of the platform's default entry and final questionnaires, means of
 * groups under 3 pairs withheld (docs/adr/0035). Snapshots and defaults only: no personal data.
 */
@Injectable()
export class RegionOutcomeService {
  constructor(private readonly context: TenantContext) {}

  @ReadFromReplica()
  async region(period: string, parentId?: string): Promise<RegionOutcomesType> {
    const em = await this.context.manager();
    const id = parentId ?? this.context.scope.tenantId;
    let node: { id: string; name: string; path: string } | null = null;
    if (id) {
      [node] = await em.query(`select id, short_name as name, path::text as path from tenant_tree where id = $1 and kind in ('region', 'municipality')`, [id]);
      if (!node) throw new NotFoundException('Регион или муниципалитет не найдены или недоступны.');
    }
    type Row = { role: RespondentRole; text: string; hint: string | null; scale_max: number | null; organisations: string; n: string | null; b: string | null; a: string | null; u: string | null; v: string | null; computed_at: Date | null };
    const rows: Row[] = await em.query(
      `with asked as (
         select t.respondent_role as role, t.phase, q.text, q.hint, q.scale_max, q.position, ${outcomeQuestionSql('t.respondent_role', 'q.kind', 'q.text')} as question
           from questionnaire_templates t join questionnaire_questions q on q.template_id = t.id
          where t.tenant_id is null and t.is_current and t.phase in ('pre', 'post') and t.respondent_role in ('mentor', 'mentee') and q.kind = 'rating'),
       compared as (
         select distinct on (role, question) role, question, text, hint, scale_max, position
           from asked a where phase = 'post' and exists (select 1 from asked b where b.phase = 'pre' and b.role = a.role and b.question = a.question)
          order by role, question, position),
       sums as (
         select split_part(s.indicator_code, '.', 2) as question, split_part(s.indicator_code, '.', 3) as measure,
                sum(s.numerator) as total, count(*) filter (where s.numerator > 0) as organisations, max(s.computed_at) as computed_at
           from indicator_snapshots s
          where s.period = $1 and s.indicator_code like 'OUT.%' and ($2::ltree is null or s.tenant_path <@ $2::ltree)
          group by 1, 2)
       select c.role, c.text, c.hint, c.scale_max,
              coalesce((select organisations from sums where question = c.question and measure = 'N'), 0) as organisations,
              (select total from sums where question = c.question and measure = 'N') as n,
              (select total from sums where question = c.question and measure = 'B') as b,
              (select total from sums where question = c.question and measure = 'A') as a,
              (select total from sums where question = c.question and measure = 'U') as u,
              (select total from sums where question = c.question and measure = 'V') as v,
              (select max(computed_at) from sums where question = c.question) as computed_at
         from compared c
        order by case c.role when 'mentee' then 0 else 1 end, c.position`,
      [period, node?.path ?? null],
    );
    const questions = rows.map((r): RegionOutcomeQuestionType => {
      const pairs = Number(r.n ?? 0);
      const tooFew = pairs < MIN_GROUP;
      const before = Number(r.b ?? 0);
      const after = Number(r.a ?? 0);
      return {
        role: r.role,
        text: r.text,
        hint: r.hint,
        scaleMax: r.scale_max,
        organisations: Number(r.organisations),
        pairs,
        tooFew,
        meanBefore: tooFew ? null : round2(before / pairs),
        meanAfter: tooFew ? null : round2(after / pairs),
        meanChange: tooFew ? null : round2((after - before) / pairs),
        onlyBefore: Number(r.u ?? 0),
        onlyAfter: Number(r.v ?? 0),
      };
    });
    const computed = rows.map((r) => r.computed_at).filter((d): d is Date => d !== null);
    return {
      nodeId: node?.id ?? null,
      name: node?.name ?? 'Все регионы',
      period,
      computedAt: computed.length ? new Date(Math.max(...computed.map((d) => new Date(d).getTime()))) : null,
      questions,
    };
  }
}
