import type { ResourceMessages } from '../registry';

export const journalMessages: ResourceMessages = {
  name: 'Запись журнала доступа |||| Журнал доступа',
  fields: {
    at: 'Когда',
    actorName: 'Кто',
    role: 'Роль',
    operation: 'Технический вызов',
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

export const ROLE_LABELS: ReadonlyMap<string, string> = new Map([
  ['curator', 'куратор'],
  ['platform-admin', 'администратор платформы'],
  ['region-analyst', 'аналитик региона'],
  ['respondent', 'ответ по ссылке'],
]);
