/**
 * The bench's baseline: every indicator of every organisation in one hand-written statement over
 * the base tables (participants, mentoring_pairs, pair_mentees, programmes, participant_base_entries,
 * questionnaire_responses, meetings, programme_scorecards) — no fact views, no definitions, no
 * writes; run by the owner (no row-level security). It is written the way one would write it by
 * hand for speed: one row of flags per person (roles and bases together), then one pass over the
 * persons joined to it; the satisfaction rows are already one per person and role, so they are
 * counted directly. Ages use
 * the same expression as the engine (`ageSql`), so the comparison is about the engine, not about
 * age(). Parameters: $1 period, $2 reference date (1 September), $3 period end, $4 organisation ids.
 * Output: one row per organisation, columns `<code>:n` and `<code>:d`.
 */
import { ageSql } from '@nastavnik/monitoring/indicator-facts';

const PAIR_STATUSES = `('active', 'completed', 'ended_early')`;
const DIRECTIONS = Array.from({ length: 11 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);

export function bareAggregateSql(): string {
  const person: [string, string][] = [
    ['T1:n', `f.mentee and kind = 'student' and age between 10 and 19`],
    ['T1:d', `kind = 'student' and age between 10 and 19`],
    ['T2:n', `f.mentor and kind = 'student' and age between 15 and 19`],
    ['T2:d', `kind = 'student' and age between 15 and 19`],
    ['N1:n', `(f.mentor or f.mentee) and kind = 'student'`],
    ['N1:d', `kind = 'student'`],
    ['M1:n', `f.mentee_surveyed and kind = 'student'`],
    ['M1:d', `kind = 'student'`],
    ['M2:n', `f.mentee_surveyed and kind = 'teacher'`],
    ['M2:d', `kind = 'teacher'`],
    ['M3:n', `f.mentor_surveyed`],
    ['M3:d', `kind in ('student', 'teacher')`],
    ['M5:n', `f.mentor_trained`],
    ['M5:d', `kind in ('student', 'teacher')`],
    ['MENTORS:n', `f.mentor`],
    ['MENTEES:n', `f.mentee`],
  ];
  const satisfaction: [string, string][] = [
    ['T3:n', `role = 'mentee' and satisfied`],
    ['T3:d', `role = 'mentee'`],
    ['T4:n', `role = 'mentor' and satisfied`],
    ['T4:d', `role = 'mentor'`],
  ];
  const scorecards: [string, string][] = ['optimal', 'acceptable', 'unacceptable'].map((level) => [`EFF.${level.toUpperCase()}:n`, `level = '${level}'`]);
  const meetings: [string, string][] = [
    ['ORG', 'ORGANISATIONAL'],
    ['TRIAL', 'TRIAL'],
  ].flatMap(([key, type]) => DIRECTIONS.map((d): [string, string] => [`MEET.${key}.${d}:n`, `t.code = '${type}' and d.code = '${d}'`]));
  const counts = (list: [string, string][]) => list.map(([name, where]) => `count(*) filter (where ${where}) as "${name}"`).join(',\n           ');
  const pick = (alias: string, list: [string, string][]) => list.map(([name]) => `coalesce(${alias}."${name}", 0) as "${name}"`).join(', ');
  return `
with flags as (
  -- Per person: mentor / mentee in a pair of the year, and the bases — one row per person.
  select tenant_id, person_id, bool_or(mentor) as mentor, bool_or(mentee) as mentee,
         bool_or(mentee_surveyed) as mentee_surveyed, bool_or(mentor_surveyed) as mentor_surveyed, bool_or(mentor_trained) as mentor_trained
    from (select p.tenant_id, p.mentor_id as person_id, true as mentor, false as mentee, false as mentee_surveyed, false as mentor_surveyed, false as mentor_trained
            from mentoring_pairs p join programmes pr on pr.id = p.programme_id
           where pr.academic_year = $1 and p.status in ${PAIR_STATUSES} and p.tenant_id = any ($4::uuid[])
          union all
          select pm.tenant_id, pm.mentee_id, false, true, false, false, false
            from pair_mentees pm join mentoring_pairs p on p.id = pm.pair_id join programmes pr on pr.id = p.programme_id
           where pr.academic_year = $1 and p.status in ${PAIR_STATUSES} and pm.tenant_id = any ($4::uuid[])
          union all
          select tenant_id, participant_id, false, false,
                 base = 'mentee' and surveyed, base = 'mentor' and surveyed, base = 'mentor' and trained
            from (select tenant_id, participant_id, base,
                         surveyed_on is not null or status in ('surveyed', 'selected', 'trained', 'in_pair', 'finished') as surveyed,
                         trained_on is not null or status = 'trained' as trained
                    from participant_base_entries
                   where tenant_id = any ($4::uuid[]) and included_on <= $3::date
                     and (coalesce(withdrawn_on, finished_on) is null or coalesce(withdrawn_on, finished_on) >= $2::date)) e) r
   group by tenant_id, person_id),
people as (
  select p.tenant_id,
         ${counts(person)}
    from (select tenant_id, id, kind, ${ageSql('birth_date')} as age
            from participants where tenant_id = any ($4::uuid[]) offset 0) p
    left join flags f on f.tenant_id = p.tenant_id and f.person_id = p.id
   group by p.tenant_id),
answers as (
  select tenant_id,
         ${counts(satisfaction)}
    from (select distinct on (tenant_id, participant_id, respondent_role) tenant_id, respondent_role as role, satisfied
            from questionnaire_responses
           where academic_year = $1 and tenant_id = any ($4::uuid[]) and satisfied is not null
             and participant_id is not null and respondent_role in ('mentor', 'mentee')
           order by tenant_id, participant_id, respondent_role, submitted_at desc) r
   group by tenant_id),
levels as (
  select tenant_id,
         ${counts(scorecards)}
    from programme_scorecards where academic_year = $1 and tenant_id = any ($4::uuid[]) group by tenant_id),
held as (
  select m.tenant_id,
         ${counts(meetings)}
    from meetings m
    join programmes pr on pr.id = m.programme_id
    join meeting_types t on t.id = m.meeting_type_id
    left join mentoring_directions d on d.id = m.direction_id
   where pr.academic_year = $1 and m.tenant_id = any ($4::uuid[])
   group by m.tenant_id)
select o.id as tenant_id, ${pick('people', person)}, ${pick('answers', satisfaction)}, ${pick('levels', scorecards)}, ${pick('held', meetings)}
  from tenants o
  left join people on people.tenant_id = o.id
  left join answers on answers.tenant_id = o.id
  left join levels on levels.tenant_id = o.id
  left join held on held.tenant_id = o.id
 where o.kind = 'organisation' and o.id = any ($4::uuid[])`;
}
