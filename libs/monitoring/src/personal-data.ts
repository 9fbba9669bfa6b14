import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data held by the monitoring lib (issue 14): a person's questionnaire answers, who
 * entered them or issued a link, and who rated a programme. Loaded by the lib's modules; checked
 * against the tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({
    entity: 'QuestionnaireAnswer',
    table: 'questionnaire_answers',
    fields: [
      { property: 'value', column: 'value_number', category: 'answers' },
      { property: 'text', column: 'value_text', category: 'free-text' },
      { property: 'options', column: 'value_options', category: 'answers' },
    ],
  }),
  declarePersonalData({
    entity: 'QuestionnaireResponse',
    table: 'questionnaire_responses',
    fields: [
      { property: 'satisfied', column: 'satisfied', category: 'answers' },
      { property: 'enteredBy', column: 'entered_by', category: 'other' },
    ],
  }),
  declarePersonalData({
    entity: 'QuestionnaireLink',
    table: 'questionnaire_links',
    fields: [{ property: 'createdBy', column: 'created_by', category: 'other' }],
  }),
  declarePersonalData({
    entity: 'ProgrammeScorecard',
    table: 'programme_scorecards',
    fields: [
      { property: 'rater', column: 'rater', category: 'name' },
      { property: 'comment', column: 'comment', category: 'free-text' },
      { property: 'enteredBy', column: 'entered_by', category: 'other' },
    ],
  }),
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
