/**
 * The indicator facts: per-organisation row sets the definitions count over. Each is a query
 * over a fact view that the lib owning the records provides (`ind_*`, column-minimal, no names),
 * readable by the engine's role only. Parameters: $1 = period ('2022/2023'), $2 = the reference
 * date for ages (1 September of the academic year), $3 = the period's last day. Each yields
 * `tenant_id` and `unit_id` (what a definition counts, distinct: a person, or a meeting).
 */
export type FactName = 'persons' | 'memberships' | 'satisfaction' | 'bases' | 'meetings' | 'scorecards';

const AGE = `extract(year from age($2::date, p.birth_date))::int`;

export const FACTS: Record<FactName, string> = {
  // Every participant of the organisation (students, teachers, …) with age at the reference date.
  persons: `
    select p.tenant_id, p.participant_id as unit_id, p.kind, ${AGE} as age
      from ind_person_facts p`,
  // Distinct persons in a pair or group of the period, by role (mentor / mentee).
  memberships: `
    select m.tenant_id, m.participant_id as unit_id, m.role, p.kind, ${AGE} as age
      from ind_membership_facts m
      join ind_person_facts p on p.tenant_id = m.tenant_id and p.participant_id = m.participant_id
     where m.period = $1`,
  // The satisfaction questionnaire of the period: one row per respondent and role (latest answer).
  satisfaction: `
    select s.tenant_id, s.participant_id as unit_id, s.role, s.satisfied
      from ind_satisfaction_facts s
     where s.period = $1`,
  // Membership in the mentor and mentee bases during the period.
  bases: `
    select b.tenant_id, b.participant_id as unit_id, b.base, b.surveyed, b.trained, p.kind
      from ind_base_facts b
      join ind_person_facts p on p.tenant_id = b.tenant_id and p.participant_id = b.participant_id
     where b.included_on <= $3::date and (b.left_on is null or b.left_on >= $2::date)`,
  // Meetings of the period's programmes, by type and direction.
  meetings: `
    select m.tenant_id, m.meeting_id as unit_id, m.meeting_type, m.direction
      from ind_meeting_facts m
     where m.period = $1`,
  // Effectiveness scorecards (E1–E9) of the period's programmes, with their level.
  scorecards: `
    select s.tenant_id, s.scorecard_id as unit_id, s.level, s.total
      from ind_scorecard_facts s
     where s.period = $1`,
};

/** 2022/2023 → 1 September 2022 … 31 August 2023 (the school year). */
export function periodBounds(period: string): { start: string; end: string } {
  const match = /^(\d{4})\/(\d{4})$/.exec(period);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) throw new Error(`period "${period}" is not a school year like 2022/2023`);
  return { start: `${match[1]}-09-01`, end: `${match[2]}-08-31` };
}
