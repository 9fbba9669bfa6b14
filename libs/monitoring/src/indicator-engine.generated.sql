-- The indicator engine's one statement, as compileIndicatorSql(INDICATORS) generates it
-- (libs/monitoring/src/indicator-engine.ts; docs/adr/0006, 0027). Committed so that a change of a
-- definition or of the compiler is reviewed as SQL. Do not edit: regenerate with
--   UPDATE_ENGINE_SQL=1 npx jest libs/monitoring/test/indicator-engine-sql.spec.ts
-- Parameters: $1 period, $2 reference date (1 September), $3 period end, $4 the organisations' ids.
with orgs as (select t.id as tenant_id from tenant_tree t
               where t.kind = 'organisation' and t.id = any ($4::uuid[]) and $1::text is not null and $2::date <= $3::date),
u_persons as (select tenant_id, unit_id, bit_or(flags) as flags
   from (select f.tenant_id, f.unit_id, case when (role = 'mentee') then 1::bigint else 0 end | case when (role = 'mentor') then 2::bigint else 0 end | case when (true) then 4::bigint else 0 end as flags from (
    select m.tenant_id, m.participant_id as unit_id, m.role
      from ind_membership_facts m
     where m.period = $1) f where f.tenant_id = any ($4::uuid[])
   union all
   select f.tenant_id, f.unit_id, case when (base = 'mentee' and surveyed) then 8::bigint else 0 end | case when (base = 'mentor' and surveyed) then 16::bigint else 0 end | case when (base = 'mentor' and trained) then 32::bigint else 0 end as flags from (
    select b.tenant_id, b.participant_id as unit_id, b.base, b.surveyed, b.trained
      from ind_base_facts b
     where b.included_on <= $3::date and (b.left_on is null or b.left_on >= $2::date)) f where f.tenant_id = any ($4::uuid[])) r group by tenant_id, unit_id),
a_persons as (select p.tenant_id, count(*) filter (where (u.flags & 1::bigint) <> 0 and (kind = 'student' and age between 10 and 19)) as c0, count(*) filter (where kind = 'student' and age between 10 and 19) as c1, count(*) filter (where (u.flags & 2::bigint) <> 0 and (kind = 'student' and age between 15 and 19)) as c2, count(*) filter (where kind = 'student' and age between 15 and 19) as c3, count(*) filter (where (u.flags & 4::bigint) <> 0 and (kind = 'student')) as c4, count(*) filter (where kind = 'student') as c5, count(*) filter (where (u.flags & 8::bigint) <> 0 and (kind = 'student')) as c6, count(*) filter (where (u.flags & 8::bigint) <> 0 and (kind = 'teacher')) as c7, count(*) filter (where kind = 'teacher') as c8, count(*) filter (where (u.flags & 16::bigint) <> 0) as c9, count(*) filter (where kind in ('student', 'teacher')) as c10, count(*) filter (where (u.flags & 32::bigint) <> 0) as c11, count(*) filter (where (u.flags & 2::bigint) <> 0) as c12, count(*) filter (where (u.flags & 1::bigint) <> 0) as c13
   from (select * from (
    select p.tenant_id, p.participant_id as unit_id, p.kind, case when p.birth_date > ($2::date - interval '150 years')::date and p.birth_date <= $2::date
        then 150 - width_bucket(p.birth_date, (select array_agg(($2::date - make_interval(years => n))::date + 1 order by n desc) from generate_series(1, 150) n))
        else extract(year from age($2::date, p.birth_date))::int end as age
      from ind_person_facts p) f where f.tenant_id = any ($4::uuid[]) offset 0) p
   left join u_persons u on u.tenant_id = p.tenant_id and u.unit_id = p.unit_id
  group by p.tenant_id),
a_satisfaction as (select tenant_id, count(*) filter (where x0) as c0, count(*) filter (where x1) as c1, count(*) filter (where x2) as c2, count(*) filter (where x3) as c3 from (select tenant_id, unit_id, bool_or(role = 'mentee' and satisfied) as x0, bool_or(role = 'mentee') as x1, bool_or(role = 'mentor' and satisfied) as x2, bool_or(role = 'mentor') as x3 from (
    select s.tenant_id, s.participant_id as unit_id, s.role, s.satisfied
      from ind_satisfaction_facts s
     where s.period = $1) f where f.tenant_id = any ($4::uuid[]) group by tenant_id, unit_id) u group by tenant_id),
a_scorecards as (select tenant_id, count(*) filter (where level = 'optimal') as c0, count(*) filter (where level = 'acceptable') as c1, count(*) filter (where level = 'unacceptable') as c2 from (
    select s.tenant_id, s.scorecard_id as unit_id, s.level, s.total
      from ind_scorecard_facts s
     where s.period = $1) f where f.tenant_id = any ($4::uuid[]) group by tenant_id),
a_meetings as (select tenant_id, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D01') as c0, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D02') as c1, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D03') as c2, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D04') as c3, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D05') as c4, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D06') as c5, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D07') as c6, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D08') as c7, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D09') as c8, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D10') as c9, count(*) filter (where meeting_type = 'ORGANISATIONAL' and direction = 'D11') as c10, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D01') as c11, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D02') as c12, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D03') as c13, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D04') as c14, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D05') as c15, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D06') as c16, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D07') as c17, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D08') as c18, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D09') as c19, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D10') as c20, count(*) filter (where meeting_type = 'TRIAL' and direction = 'D11') as c21 from (
    select m.tenant_id, m.meeting_id as unit_id, m.meeting_type, m.direction
      from ind_meeting_facts m
     where m.period = $1) f where f.tenant_id = any ($4::uuid[]) group by tenant_id),
a_contingent as (select tenant_id, sum(headcount) filter (where kind = 'student' and age between 10 and 19) as c0, sum(headcount) filter (where kind = 'student' and age between 15 and 19) as c1, sum(headcount) filter (where kind = 'student') as c2, sum(headcount) filter (where kind = 'teacher') as c3, sum(headcount) filter (where kind in ('student', 'teacher')) as c4
   from (
    select c.tenant_id, c.kind, c.age, c.headcount
      from ind_contingent_facts c
     where c.period = $1) f where f.tenant_id = any ($4::uuid[]) group by tenant_id)
select orgs.tenant_id, coalesce(a_persons.c0, 0) as n0, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c0, 0) else coalesce(a_persons.c1, 0) end as d0, coalesce(a_persons.c2, 0) as n1, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c1, 0) else coalesce(a_persons.c3, 0) end as d1, coalesce(a_satisfaction.c0, 0) as n2, coalesce(a_satisfaction.c1, 0) as d2, coalesce(a_satisfaction.c2, 0) as n3, coalesce(a_satisfaction.c3, 0) as d3, coalesce(a_persons.c4, 0) as n4, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c2, 0) else coalesce(a_persons.c5, 0) end as d4, coalesce(a_persons.c6, 0) as n5, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c2, 0) else coalesce(a_persons.c5, 0) end as d5, coalesce(a_persons.c7, 0) as n6, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c3, 0) else coalesce(a_persons.c8, 0) end as d6, coalesce(a_persons.c9, 0) as n7, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c4, 0) else coalesce(a_persons.c10, 0) end as d7, coalesce(a_persons.c11, 0) as n8, case when a_contingent.tenant_id is not null then coalesce(a_contingent.c4, 0) else coalesce(a_persons.c10, 0) end as d8, coalesce(a_persons.c12, 0) as n9, coalesce(a_persons.c13, 0) as n10, coalesce(a_scorecards.c0, 0) as n11, coalesce(a_scorecards.c1, 0) as n12, coalesce(a_scorecards.c2, 0) as n13, coalesce(a_meetings.c0, 0) as n14, coalesce(a_meetings.c1, 0) as n15, coalesce(a_meetings.c2, 0) as n16, coalesce(a_meetings.c3, 0) as n17, coalesce(a_meetings.c4, 0) as n18, coalesce(a_meetings.c5, 0) as n19, coalesce(a_meetings.c6, 0) as n20, coalesce(a_meetings.c7, 0) as n21, coalesce(a_meetings.c8, 0) as n22, coalesce(a_meetings.c9, 0) as n23, coalesce(a_meetings.c10, 0) as n24, coalesce(a_meetings.c11, 0) as n25, coalesce(a_meetings.c12, 0) as n26, coalesce(a_meetings.c13, 0) as n27, coalesce(a_meetings.c14, 0) as n28, coalesce(a_meetings.c15, 0) as n29, coalesce(a_meetings.c16, 0) as n30, coalesce(a_meetings.c17, 0) as n31, coalesce(a_meetings.c18, 0) as n32, coalesce(a_meetings.c19, 0) as n33, coalesce(a_meetings.c20, 0) as n34, coalesce(a_meetings.c21, 0) as n35, a_contingent.tenant_id is not null as from_contingent
  from orgs
  left join a_persons on a_persons.tenant_id = orgs.tenant_id
  left join a_satisfaction on a_satisfaction.tenant_id = orgs.tenant_id
  left join a_scorecards on a_scorecards.tenant_id = orgs.tenant_id
  left join a_meetings on a_meetings.tenant_id = orgs.tenant_id
  left join a_contingent on a_contingent.tenant_id = orgs.tenant_id
 order by orgs.tenant_id;
