import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';
import { registerSubjectDataHandler, scrubDeclaredText } from '@nastavnik/platform/personal-data/subject-data';
import { COMPLETION_NOT_PERSONAL_DATA, COMPLETION_PERSONAL_DATA } from './completion/completion.personal-data';

/**
 * Personal data held by the programmes lib (issue 14): what pairs, meetings, personalised
 * programmes, their plans and matching suggestions say about the people in them (free text written
 * about a mentee, warnings that name a person). Loaded by the lib's module; checked against the
 * tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({ entity: 'MentoringPair', title: 'Пара', table: 'mentoring_pairs' }, { 'free-text': { endComment: 'Комментарий к завершению', result: 'Итоги', warnings: 'Предупреждения' } }),
  declarePersonalData({ entity: 'Meeting', title: 'Встреча', table: 'meetings' }, { 'free-text': { topic: 'Тема', notes: 'Заметки' } }),
  declarePersonalData(
    { entity: 'PersonalisedProgramme', title: 'Персонализированная программа', table: 'personalised_programmes' },
    { 'free-text': { title: 'Наименование', goal: 'Цель', difficulties: 'Затруднения', strengths: 'Сильные стороны', expectedResults: 'Ожидаемые результаты' } },
  ),
  declarePersonalData(
    { entity: 'PlanTask', title: 'Мероприятие плана', table: 'plan_tasks' },
    { name: { responsible: 'Ответственный' }, 'free-text': { title: 'Наименование', description: 'Описание', result: 'Результат' } },
  ),
  declarePersonalData({ entity: 'MatchSuggestion', title: 'Предложение пары', table: 'match_suggestions' }, { 'free-text': { explanation: 'Пояснение', components: 'Составляющие оценки' } }),
  declarePersonalData({ entity: 'RoadmapItem', title: 'Мероприятие дорожной карты', table: 'roadmap_items' }, { name: { responsible: 'Ответственный' } }),
  ...COMPLETION_PERSONAL_DATA,
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'meeting_types', column: 'description', why: 'справочник видов встреч' },
  { table: 'mentoring_formats', column: 'description', why: 'справочник видов наставничества' },
  { table: 'mentoring_forms', column: 'description', why: 'справочник форм наставничества' },
  { table: 'mentoring_forms', column: 'expected_results', why: 'справочник форм наставничества' },
  { table: 'programme_stages', column: 'result', why: 'справочник этапов целевой модели' },
  { table: 'programmes', column: 'expected_results', why: 'ожидаемые результаты программы (о программе, не о человеке)' },
  { table: 'roadmaps', column: 'period_text', why: 'период действия дорожной карты' },
  { table: 'roadmap_items', column: 'schedule_text', why: 'сроки мероприятия дорожной карты' },
  { table: 'roadmap_items', column: 'execution_result', why: 'результат мероприятия дорожной карты (об организации)' },
  ...COMPLETION_NOT_PERSONAL_DATA,
];

/** The person's pairs (as mentor or mentee), as a SQL set over $1 tenant and $2 person. */
const PERSON_PAIRS = `select p.id from mentoring_pairs p where p.tenant_id = $1 and p.mentor_id = $2
                      union select m.pair_id from pair_mentees m where m.tenant_id = $1 and m.mentee_id = $2`;

/**
 * The person in pairs, meetings, plans and suggestions (docs/adr/0025): erasure keeps every link
 * (pairs, membership, meetings and their attendance — the indicators' facts), clears what was
 * written about the person as a mentee (their personalised programme's difficulties and strengths)
 * and the suggestions' explanations about them (built from their requests), and scrubs their name
 * from every declared free text of the school (warnings, comments, notes, plans) and from the
 * nominations and competition entries that name them. Subject access lists their pairs, meetings,
 * their own personalised programmes with tasks, suggestions, and their nominations with entries.
 */
registerSubjectDataHandler({
  lib: 'programmes',
  async erase(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const count = async (sql: string) => {
      const result: unknown = await em.query(sql, args);
      return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
    };
    const changed: Record<string, number> = {
      personalised_programmes: await count(`
        update personalised_programmes set difficulties = null, strengths = null
         where tenant_id = $1 and pair_id in (select m.pair_id from pair_mentees m where m.tenant_id = $1 and m.mentee_id = $2)
           and (difficulties is not null or strengths is not null)`),
      match_suggestions: await count(`
        update match_suggestions
           set explanation = 'Сведения удалены.',
               components = case when jsonb_typeof(components) = 'array'
                                 then coalesce((select jsonb_agg(case when jsonb_typeof(c) = 'object' then c || '{"explanation": "Сведения удалены."}'::jsonb else c end)
                                                  from jsonb_array_elements(components) c), '[]'::jsonb)
                                 else '[]'::jsonb end
         where tenant_id = $1 and (mentor_id = $2 or mentee_id = $2)`),
    };
    for (const [table, n] of Object.entries(await scrubDeclaredText(em, PERSONAL_DATA, subject))) changed[table] = (changed[table] ?? 0) + n;
    return changed;
  },
  async collect(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const rows = (sql: string): Promise<Record<string, unknown>[]> => em.query(sql, args).then((r: { row: Record<string, unknown> }[]) => r.map((x) => x.row));
    return [
      {
        entity: 'MentoringPair',
        title: 'Наставнические пары и группы',
        rows: await rows(`
          select jsonb_build_object('id', p.id, 'programme', g.title, 'academicYear', g.academic_year,
                                    'role', case when p.mentor_id = $2 then 'наставник' else 'наставляемый' end,
                                    'status', p.status, 'startDate', p.start_date, 'endDate', p.end_date, 'endComment', p.end_comment, 'result', p.result) as row
            from mentoring_pairs p join programmes g on g.tenant_id = p.tenant_id and g.id = p.programme_id
           where p.tenant_id = $1 and p.id in (${PERSON_PAIRS})
           order by p.start_date nulls last, p.id`),
      },
      {
        entity: 'Meeting',
        title: 'Встречи',
        rows: await rows(`
          select jsonb_build_object('id', m.id, 'heldOn', m.held_on, 'durationMinutes', m.duration_minutes, 'topic', m.topic, 'notes', m.notes,
                                    'attended', $2 = any (m.attendee_ids)) as row
            from meetings m
           where m.tenant_id = $1 and ($2 = any (m.attendee_ids) or m.pair_id in (${PERSON_PAIRS}))
           order by m.held_on, m.id`),
      },
      {
        entity: 'PersonalisedProgramme',
        title: 'Персонализированные программы (как наставляемого)',
        rows: await rows(`
          select to_jsonb(pp) - 'tenant_id' || jsonb_build_object('tasks', coalesce((select jsonb_agg(to_jsonb(t) - 'tenant_id' - 'responsible' order by t.position)
                                                                                         from plan_tasks t where t.tenant_id = pp.tenant_id and t.personalised_programme_id = pp.id), '[]'::jsonb)) as row
            from personalised_programmes pp
           where pp.tenant_id = $1 and pp.pair_id in (select m.pair_id from pair_mentees m where m.tenant_id = $1 and m.mentee_id = $2)
           order by pp.start_date nulls last, pp.id`),
      },
      {
        entity: 'MatchSuggestion',
        title: 'Предложения подбора пар',
        rows: await rows(`
          select jsonb_build_object('id', s.id, 'role', case when s.mentor_id = $2 then 'наставник' else 'наставляемый' end,
                                    'score', s.score, 'explanation', s.explanation, 'status', s.status, 'createdAt', s.created_at) as row
            from match_suggestions s
           where s.tenant_id = $1 and (s.mentor_id = $2 or s.mentee_id = $2)
           order by s.created_at, s.id`),
      },
      {
        entity: 'MentorNomination',
        title: 'Выдвижения на поощрение и заявки на конкурсы',
        rows: await rows(`
          select jsonb_build_object('id', n.id, 'academicYear', n.academic_year, 'nomination', n.nomination, 'mentorName', n.mentor_name, 'reason', n.reason,
                                    'entries', coalesce((select jsonb_agg(jsonb_build_object('competitionId', e.competition_id, 'result', e.result, 'enteredAt', e.created_at) order by e.created_at)
                                                           from competition_entries e where e.tenant_id = n.tenant_id and e.nomination_id = n.id), '[]'::jsonb)) as row
            from mentor_nominations n
           where n.tenant_id = $1 and n.mentor_id = $2
           order by n.created_at, n.id`),
      },
    ];
  },
});
