import { Injectable } from '@nestjs/common';
import { ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import type { EntityManager } from 'typeorm';
import { percentValue } from '../indicator-definitions';
import type { QuestionKind, RespondentRole } from '../questionnaire.codes';
import type { OutcomeQuestionType, ProgrammeOutcomeType, RatePhase, ResponseRateType, SchoolOutcomesType } from './outcome.types';

/** Pairs whose people took part (as the indicators count them: ind_membership_facts). */
const STARTED = new Set(['active', 'completed', 'ended_early']);
/** The roles a pair has (a curator's questionnaires are no one's outcome). */
type MemberRole = 'mentee' | 'mentor';
const ROLES: MemberRole[] = ['mentee', 'mentor'];
const PHASES: RatePhase[] = ['pre', 'post', 'none'];

/** One person's answer to one question in one phase of a programme: the baseline (earliest «до») or the final (latest «после»). */
export type ChosenAnswer = {
  programme_id: string | null;
  role: RespondentRole;
  participant_id: string;
  phase: 'pre' | 'post';
  qkey: string;
  kind: QuestionKind;
  text: string;
  hint: string | null;
  scale_min: number | null;
  scale_max: number | null;
  position: number;
  all_labels: string[];
  value: number | null;
  labels: string[] | null;
};

/**
 * The key that makes a question of the entry questionnaire and one of the final questionnaire
 * the same question: its kind and its text, case and spacing aside. The default «до/после»
 * questionnaires repeat the same statements word for word (monitoring migration 1795300310000),
 * and a school's copy keeps them; positions differ between the two, ids always do.
 */
export const QUESTION_KEY_SQL = `q.kind || ':' || lower(regexp_replace(btrim(q.text), '\\s+', ' ', 'g'))`;

/**
 * Per person, programme, role and question: the earliest «до» answer and the latest «после»
 * answer (a repeated entry questionnaire does not move the baseline; a repeated final one
 * replaces the earlier final). Open questions are not compared. Runs in the caller's scope.
 */
const CHOSEN_ANSWERS_SQL = `
  select distinct on (r.programme_id, r.respondent_role, k.qkey, r.participant_id, r.phase)
         r.programme_id, r.respondent_role as role, r.participant_id, r.phase, k.qkey, q.kind, q.text, q.hint, q.scale_min, q.scale_max, q.position, q.option_labels as all_labels,
         a.value_number as value,
         (select array_agg(q.option_labels[array_position(q.option_codes, c)] order by c) from unnest(a.value_options) c) as labels
    from questionnaire_responses r
    join questionnaire_answers a on a.tenant_id = r.tenant_id and a.response_id = r.id
    join questionnaire_questions q on q.id = a.question_id
    cross join lateral (select ${QUESTION_KEY_SQL} as qkey) k
   where r.tenant_id = $1 and (r.programme_id = any($2::uuid[]) or (r.programme_id is null and r.academic_year = $3))
     and r.phase in ('pre', 'post') and r.participant_id is not null
     and r.respondent_role in ('mentor', 'mentee') and q.kind <> 'open' and (a.value_number is not null or a.value_options is not null)
   order by r.programme_id, r.respondent_role, k.qkey, r.participant_id, r.phase,
            case when r.phase = 'pre' then r.submitted_at end asc, r.submitted_at desc, r.id`;

/**
 * Outcomes of a school's mentoring programmes (issue 13, item 5; docs/adr/0035): the entry and
 * final questionnaires compared per programme and question — paired by person where both
 * exist — and the response rates (answers ÷ links issued, ÷ the programme's participants). Read
 * in the caller's scope: a school's curator (or the platform admin naming the school); the rows
 * are the school's own questionnaires, under their row-level security.
 */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly context: TenantContext,
    private readonly pairs: MentoringPairService,
  ) {}

  async school(period: string, requestedTenantId?: string): Promise<SchoolOutcomesType> {
    const tenantId = this.tenantOf(requestedTenantId);
    const em = await this.context.manager();
    const [org] = await em.query(`select id from tenant_tree where id = $1 and kind = 'organisation'`, [tenantId]);
    if (!org) throw new NotFoundException('Организация не найдена или недоступна.');
    const programmes: { id: string; title: string }[] = await em.query(
      `select id, title from programme_titles where tenant_id = $1 and academic_year = $2 order by title, id`,
      [tenantId, period],
    );
    const ids = programmes.map((p) => p.id);
    const chosen: ChosenAnswer[] = await em.query(CHOSEN_ANSWERS_SQL, [tenantId, ids, period]);
    const members = await this.members(ids);
    const rates = await this.rates(em, tenantId, period, ids, members);
    const schoolMembers = { mentee: new Set<string>(), mentor: new Set<string>() };
    for (const m of members.values()) {
      for (const id of m.mentee) schoolMembers.mentee.add(id);
      for (const id of m.mentor) schoolMembers.mentor.add(id);
    }
    const satisfaction = await this.satisfaction(em, tenantId, period, schoolMembers);
    return {
      tenantId,
      period,
      programmes: [
        ...programmes.map(
          (p): ProgrammeOutcomeType => ({
            programmeId: p.id,
            title: p.title,
            questions: compareBeforeAfter(chosen.filter((c) => c.programme_id === p.id)),
            responseRates: rates.byProgramme.get(p.id) ?? emptyRates(members.get(p.id)),
          }),
        ),
        // Questionnaires of the year entered without a programme: compared among themselves, their
        // response counted against the participants of all the year's programmes.
        ...(rates.unassigned
          ? [{ programmeId: null, title: 'Анкеты без указания программы', questions: compareBeforeAfter(chosen.filter((c) => c.programme_id === null)), responseRates: rates.unassigned }]
          : []),
      ],
      responseRates: rates.school,
      satisfactionMentees: satisfaction.get('mentee') ?? null,
      satisfactionMentors: satisfaction.get('mentor') ?? null,
    };
  }

  private tenantOf(requested?: string): string {
    const scope = this.context.scope;
    if (scope.role === 'curator' && scope.tenantId) {
      if (requested && requested.toLowerCase() !== scope.tenantId) throw new ForbiddenException('Куратор видит результаты только своей организации.');
      return scope.tenantId;
    }
    if (scope.role !== 'platform-admin') throw new ForbiddenException();
    if (!requested) throw new ValidationFailedException('Укажите организацию (tenantId).');
    return requested.toLowerCase();
  }

  /** Mentees and mentors of each programme's started pairs (the programmes lib's service, in scope). */
  private async members(programmeIds: string[]): Promise<Map<string, { mentee: Set<string>; mentor: Set<string> }>> {
    const out = new Map<string, { mentee: Set<string>; mentor: Set<string> }>();
    for (const programmeId of programmeIds) {
      const entry = { mentee: new Set<string>(), mentor: new Set<string>() };
      for (let page = 0; ; page += 1) {
        const batch = await this.pairs.list(Object.assign(new ListArgs(), { page, perPage: 500, sortField: 'createdAt' }), { programmeId });
        for (const pair of batch) {
          if (!STARTED.has(pair.status)) continue;
          entry.mentor.add(pair.mentorId);
          for (const id of pair.menteeIds) entry.mentee.add(id);
        }
        if (batch.length < 500) break;
      }
      out.set(programmeId, entry);
    }
    return out;
  }

  /**
   * Links and respondents per programme, role and phase, and over the school (distinct persons);
   * questionnaires of the year without a programme as one more group ('none'), when there are any.
   */
  private async rates(em: EntityManager, tenantId: string, period: string, ids: string[], members: Map<string, { mentee: Set<string>; mentor: Set<string> }>) {
    type Row = { programme: string | null; role: MemberRole; phase: RatePhase; issued: string; by_link: string; respondents: string };
    const rows: Row[] = await em.query(
      `with links as (
         select coalesce(l.programme_id::text, 'none') as programme, t.respondent_role as role, t.phase, l.participant_id
           from questionnaire_links l join questionnaire_templates t on t.id = l.template_id
          where l.tenant_id = $1 and (l.programme_id = any($2::uuid[]) or (l.programme_id is null and l.academic_year = $3)) and t.respondent_role in ('mentor', 'mentee')),
       answered as (
         select coalesce(r.programme_id::text, 'none') as programme, r.respondent_role as role, r.phase, r.participant_id, r.link_id
           from questionnaire_responses r
          where r.tenant_id = $1 and (r.programme_id = any($2::uuid[]) or (r.programme_id is null and r.academic_year = $3))
            and r.participant_id is not null and r.respondent_role in ('mentor', 'mentee')),
       issued as (
         select programme, role, phase, count(distinct participant_id) as issued from links group by grouping sets ((programme, role, phase), (role, phase))),
       got as (
         select programme, role, phase, count(distinct participant_id) filter (where link_id is not null) as by_link, count(distinct participant_id) as respondents
           from answered group by grouping sets ((programme, role, phase), (role, phase)))
       select coalesce(i.programme, g.programme) as programme, coalesce(i.role, g.role) as role, coalesce(i.phase, g.phase) as phase,
              coalesce(i.issued, 0) as issued, coalesce(g.by_link, 0) as by_link, coalesce(g.respondents, 0) as respondents
         from issued i full join got g on g.programme is not distinct from i.programme and g.role = i.role and g.phase = i.phase`,
      [tenantId, ids, period],
    );
    const schoolMembers = { mentee: new Set<string>(), mentor: new Set<string>() };
    for (const m of members.values()) {
      for (const id of m.mentee) schoolMembers.mentee.add(id);
      for (const id of m.mentor) schoolMembers.mentor.add(id);
    }
    // The school's row (the second grouping set) has no programme; a group's is its id or 'none'.
    const byKey = new Map(rows.map((r) => [`${r.programme ?? ''}|${r.role}|${r.phase}`, r]));
    const build = (programme: string, population: { mentee: Set<string>; mentor: Set<string> } | undefined): ResponseRateType[] =>
      ROLES.flatMap((role) =>
        PHASES.map((phase) => {
          const r = byKey.get(`${programme}|${role}|${phase}`);
          return rateOf(role, phase, Number(r?.issued ?? 0), Number(r?.by_link ?? 0), Number(r?.respondents ?? 0), population?.[role].size ?? 0);
        }),
      );
    return {
      byProgramme: new Map(ids.map((id) => [id, build(id, members.get(id))])),
      unassigned: rows.some((r) => r.programme === 'none') ? build('none', schoolMembers) : null,
      school: build('', schoolMembers),
    };
  }

  /**
   * The satisfaction questionnaire's response (what T3/T4 count, ind_satisfaction_facts): who
   * answered it in the year ÷ the year's mentees (mentors), and by link ÷ links issued for a
   * template with a satisfaction question.
   */
  private async satisfaction(em: EntityManager, tenantId: string, period: string, population: { mentee: Set<string>; mentor: Set<string> }): Promise<Map<MemberRole, ResponseRateType>> {
    const rows: { role: MemberRole; issued: string; by_link: string; respondents: string }[] = await em.query(
      `with roles(role) as (values ('mentee'), ('mentor'))
       select roles.role,
              (select count(distinct l.participant_id) from questionnaire_links l join questionnaire_templates t on t.id = l.template_id
                where l.tenant_id = $1 and l.academic_year = $2 and t.respondent_role = roles.role
                  and exists (select 1 from questionnaire_questions q where q.template_id = t.id and q.is_satisfaction)) as issued,
              (select count(distinct r.participant_id) from questionnaire_responses r
                where r.tenant_id = $1 and r.academic_year = $2 and r.respondent_role = roles.role and r.satisfied is not null and r.link_id is not null) as by_link,
              (select count(distinct r.participant_id) from questionnaire_responses r
                where r.tenant_id = $1 and r.academic_year = $2 and r.respondent_role = roles.role and r.satisfied is not null and r.participant_id is not null) as respondents
         from roles`,
      [tenantId, period],
    );
    return new Map(rows.map((r) => [r.role, rateOf(r.role, 'none', Number(r.issued), Number(r.by_link), Number(r.respondents), population[r.role].size)]));
  }
}

function rateOf(role: MemberRole, phase: RatePhase, linksIssued: number, answeredByLink: number, respondents: number, participants: number): ResponseRateType {
  return {
    role,
    phase,
    linksIssued,
    answeredByLink,
    respondents,
    participants,
    linkRate: percentValue(answeredByLink, linksIssued),
    participantRate: percentValue(respondents, participants),
  };
}

function emptyRates(population?: { mentee: Set<string>; mentor: Set<string> }): ResponseRateType[] {
  return ROLES.flatMap((role) => PHASES.map((phase) => rateOf(role, phase, 0, 0, 0, population?.[role].size ?? 0)));
}

/** Two decimals, as shown. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The before/after comparison of one programme's chosen answers: per role and question asked
 * in both phases, the persons who answered both (pairs: means before and after, mean change; for
 * closed questions how many of them chose each option before and after) and those who answered
 * only one phase. A question asked in one phase only is no comparison and is left out.
 */
export function compareBeforeAfter(rows: ChosenAnswer[]): OutcomeQuestionType[] {
  const groups = new Map<string, ChosenAnswer[]>();
  for (const row of rows) {
    const key = `${row.role}|${row.qkey}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: OutcomeQuestionType[] = [];
  for (const [key, list] of groups) {
    const before = new Map(list.filter((r) => r.phase === 'pre').map((r) => [r.participant_id, r]));
    const after = new Map(list.filter((r) => r.phase === 'post').map((r) => [r.participant_id, r]));
    if (!before.size || !after.size) continue;
    const paired = [...after.keys()].filter((id) => before.has(id));
    const shown = list.find((r) => r.phase === 'post') ?? list[0];
    const question: OutcomeQuestionType = {
      key,
      role: shown.role,
      kind: shown.kind,
      text: shown.text,
      hint: shown.hint,
      scaleMin: shown.scale_min,
      scaleMax: shown.scale_max,
      pairs: paired.length,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      onlyBefore: [...before.keys()].filter((id) => !after.has(id)).length,
      onlyAfter: [...after.keys()].filter((id) => !before.has(id)).length,
      options: [],
    };
    if (shown.kind === 'rating') {
      const values = paired.map((id) => [Number(before.get(id)?.value), Number(after.get(id)?.value)] as const).filter(([b, a]) => Number.isFinite(b) && Number.isFinite(a));
      question.pairs = values.length;
      if (values.length) {
        const sumBefore = values.reduce((s, [b]) => s + b, 0);
        const sumAfter = values.reduce((s, [, a]) => s + a, 0);
        question.meanBefore = round2(sumBefore / values.length);
        question.meanAfter = round2(sumAfter / values.length);
        question.meanChange = round2((sumAfter - sumBefore) / values.length);
      }
    } else {
      const labels = new Map<string, { before: number; after: number }>((shown.all_labels ?? []).map((label) => [label, { before: 0, after: 0 }]));
      const tally = (row: ChosenAnswer | undefined, side: 'before' | 'after') => {
        for (const label of row?.labels ?? []) {
          const entry = labels.get(label) ?? { before: 0, after: 0 };
          entry[side] += 1;
          labels.set(label, entry);
        }
      };
      for (const id of paired) {
        tally(before.get(id), 'before');
        tally(after.get(id), 'after');
      }
      question.options = [...labels].map(([label, n]) => ({ label, ...n }));
    }
    out.push({ ...question, position: shown.position } as OutcomeQuestionType & { position: number });
  }
  const roleOrder = (role: RespondentRole) => (role === 'mentee' ? 0 : 1);
  return (out as (OutcomeQuestionType & { position: number })[])
    .sort((x, y) => roleOrder(x.role) - roleOrder(y.role) || x.position - y.position)
    .map(({ position: _position, ...question }) => question);
}
