import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data held by the programmes lib (issue 14): what pairs, meetings, personalised
 * programmes, their plans and matching suggestions say about the people in them (free text written
 * about a mentee, warnings that name a person). Loaded by the lib's module; checked against the
 * tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({
    entity: 'MentoringPair',
    table: 'mentoring_pairs',
    fields: [
      { property: 'endComment', column: 'end_comment', category: 'free-text' },
      { property: 'result', column: 'result', category: 'free-text' },
      { property: 'warnings', column: 'warnings', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'Meeting',
    table: 'meetings',
    fields: [
      { property: 'topic', column: 'topic', category: 'free-text' },
      { property: 'notes', column: 'notes', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'PersonalisedProgramme',
    table: 'personalised_programmes',
    fields: [
      { property: 'title', column: 'title', category: 'free-text' },
      { property: 'goal', column: 'goal', category: 'free-text' },
      { property: 'difficulties', column: 'difficulties', category: 'free-text' },
      { property: 'strengths', column: 'strengths', category: 'free-text' },
      { property: 'expectedResults', column: 'expected_results', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'PlanTask',
    table: 'plan_tasks',
    fields: [
      { property: 'title', column: 'title', category: 'free-text' },
      { property: 'description', column: 'description', category: 'free-text' },
      { property: 'responsible', column: 'responsible', category: 'name' },
      { property: 'result', column: 'result', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'MatchSuggestion',
    table: 'match_suggestions',
    fields: [
      { property: 'explanation', column: 'explanation', category: 'free-text' },
      { property: 'components', column: 'components', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'RoadmapItem',
    table: 'roadmap_items',
    fields: [{ property: 'responsible', column: 'responsible', category: 'name' }],
  }),
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
];
