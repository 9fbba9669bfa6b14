import type { ResourceMessages } from '../registry';

export const journalMessages: ResourceMessages = {
  name: 'Запись журнала доступа |||| Журнал доступа',
  fields: {
    at: 'Когда',
    actorName: 'Кто',
    role: 'Роль',
    operation: 'Операция',
    action: 'Действие',
    entity: 'Сущность',
    entityIds: 'Записи',
    fields: 'Поля персональных данных',
    sourceAddress: 'Адрес',
    requestId: 'Запрос',
    tenantId: 'Организация',
    from: 'С',
    to: 'По',
    actor: 'Кто (логин)',
  },
  export: 'Выгрузить в XLSX',
  exportFailed: 'Не удалось выгрузить журнал',
};

/** Russian names of the declared entities (personal-data.ts), for the journal's column and filter. */
export const ENTITY_LABELS: ReadonlyMap<string, string> = new Map([
  ['Participant', 'Участник'],
  ['Consent', 'Согласие'],
  ['ParticipantBaseEntry', 'Запись в базе'],
  ['QuestionnaireLink', 'Ссылка на анкету'],
  ['QuestionnaireResponse', 'Анкета'],
  ['QuestionnaireAnswer', 'Ответ анкеты'],
  ['ProgrammeScorecard', 'Оценка программы'],
  ['MentoringPair', 'Пара'],
  ['Meeting', 'Встреча'],
  ['PersonalisedProgramme', 'Персонализированная программа'],
  ['PlanTask', 'Мероприятие плана'],
  ['MatchSuggestion', 'Предложение пары'],
  ['RoadmapItem', 'Мероприятие дорожной карты'],
  ['Report', 'Отчёт'],
]);

export const ROLE_LABELS: ReadonlyMap<string, string> = new Map([
  ['curator', 'куратор'],
  ['platform-admin', 'администратор платформы'],
  ['respondent', 'ответ по ссылке'],
]);
