import { declareJournalEntity, declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';
import { ERASED_MARK, registerSubjectDataHandler, scrubDeclaredText } from '@nastavnik/platform/personal-data/subject-data';

/**
 * Personal data held by the monitoring lib (issue 14): a person's questionnaire answers, who
 * entered them or issued a link, and who rated a programme. Loaded by the lib's modules; checked
 * against the tables by tools/lint/personal-data.spec.ts.
 */
// The contingent is counts only (no person), journaled as imported by the school: named here.
declareJournalEntity('SchoolContingent', 'Контингент обучающихся');

export const PERSONAL_DATA = [
  declarePersonalData(
    { entity: 'QuestionnaireAnswer', title: 'Ответ анкеты', table: 'questionnaire_answers' },
    { answers: { value: ['Ответ (число)', 'value_number'], options: ['Выбранные варианты', 'value_options'] }, 'free-text': { text: ['Ответ (текст)', 'value_text'] } },
  ),
  declarePersonalData({ entity: 'QuestionnaireResponse', title: 'Анкета', table: 'questionnaire_responses' }, { answers: { satisfied: 'Удовлетворённость' }, other: { enteredBy: 'Кто внёс' } }),
  declarePersonalData({ entity: 'QuestionnaireLink', title: 'Ссылка на анкету', table: 'questionnaire_links' }, { other: { createdBy: 'Кто выдал' } }),
  declarePersonalData(
    { entity: 'ProgrammeScorecard', title: 'Оценка программы', table: 'programme_scorecards' },
    { name: { rater: 'Эксперт' }, 'free-text': { comment: 'Комментарий' }, other: { enteredBy: 'Кто внёс' } },
  ),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'questionnaire_questions', column: 'text', why: 'текст вопроса шаблона анкеты' },
  { table: 'questionnaire_questions', column: 'hint', why: 'подсказка к вопросу шаблона' },
  { table: 'questionnaire_templates', column: 'description', why: 'описание шаблона анкеты' },
  { table: 'questionnaire_templates', column: 'title', why: 'название шаблона анкеты' },
  { table: 'indicator_recompute_requests', column: 'reason', why: 'причина пересчёта показателей (служебная)' },
  { table: 'indicator_recompute_requests', column: 'error', why: 'ошибка пересчёта (служебная)' },
];

/**
 * The person's questionnaires (docs/adr/0025): erasure replaces the free-text answers of the
 * person's responses with «[удалено]» (scale and option answers and the satisfaction flag stay: the indicators'
 * facts, not identifying), withdraws the person's unanswered links, and scrubs the person's name from every declared free text of the
 * school; subject access lists the responses with their answers, and the links issued.
 */
registerSubjectDataHandler({
  lib: 'monitoring',
  async erase(em, subject) {
    const result: unknown = await em.query(
      `update questionnaire_answers a set value_text = '${ERASED_MARK}'
         from questionnaire_responses r
        where r.tenant_id = $1 and r.participant_id = $2 and a.tenant_id = r.tenant_id and a.response_id = r.id and a.value_text is not null`,
      [subject.tenantId, subject.participantId],
    );
    const links: unknown = await em.query(
      `update questionnaire_links set withdrawn_at = now() where tenant_id = $1 and participant_id = $2 and used_at is null and withdrawn_at is null`,
      [subject.tenantId, subject.participantId],
    );
    const rowsOf = (r: unknown) => (Array.isArray(r) && typeof r[1] === 'number' ? r[1] : 0);
    const changed: Record<string, number> = { questionnaire_answers: rowsOf(result), questionnaire_links: rowsOf(links) };
    for (const [table, n] of Object.entries(await scrubDeclaredText(em, PERSONAL_DATA, subject))) changed[table] = (changed[table] ?? 0) + n;
    return changed;
  },
  async collect(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const responses: { row: Record<string, unknown> }[] = await em.query(
      `select jsonb_build_object(
                'id', r.id, 'questionnaire', t.title, 'academicYear', r.academic_year, 'role', r.respondent_role, 'phase', r.phase,
                'channel', r.channel, 'satisfied', r.satisfied, 'submittedAt', r.submitted_at,
                'answers', coalesce((select jsonb_agg(jsonb_build_object('question', q.text, 'value', a.value_number, 'text', a.value_text, 'options', a.value_options) order by q.position)
                                       from questionnaire_answers a join questionnaire_questions q on q.tenant_id is not distinct from a.tenant_id and q.id = a.question_id
                                      where a.tenant_id = r.tenant_id and a.response_id = r.id), '[]'::jsonb)) as row
         from questionnaire_responses r join questionnaire_templates t on t.id = r.template_id
        where r.tenant_id = $1 and r.participant_id = $2
        order by r.submitted_at, r.id`,
      args,
    );
    const links: { row: Record<string, unknown> }[] = await em.query(
      `select jsonb_build_object('id', l.id, 'questionnaire', t.title, 'academicYear', l.academic_year, 'createdAt', l.created_at,
                                 'expiresAt', l.expires_at, 'usedAt', l.used_at, 'withdrawnAt', l.withdrawn_at) as row
         from questionnaire_links l join questionnaire_templates t on t.id = l.template_id
        where l.tenant_id = $1 and l.participant_id = $2
        order by l.created_at, l.id`,
      args,
    );
    return [
      { entity: 'QuestionnaireResponse', title: 'Анкеты и ответы', rows: responses.map((r) => r.row) },
      { entity: 'QuestionnaireLink', title: 'Ссылки на анкеты', rows: links.map((r) => r.row) },
    ];
  },
});
